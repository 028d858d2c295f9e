/*---------------------------------------------------------------------------*\
  magtwin: OpenFOAM boundary conditions for magnetron sputter tools.
  Built against OpenFOAM v1912 (www.openfoam.com), GPL-3.0-or-later like OpenFOAM.
\*---------------------------------------------------------------------------*/

#include "emitterFaces.H"
#include "ListListOps.H"
#include "Pstream.H"

// * * * * * * * * * * * * * * * Global Functions  * * * * * * * * * * * * * //

Foam::emitterFaces Foam::gatherEmitterFaces
(
    const UList<point>& centres,
    const UList<vector>& normals,
    const UList<scalar>& rates
)
{
    List<pointField> allCentres(Pstream::nProcs());
    List<vectorField> allNormals(Pstream::nProcs());
    List<scalarField> allRates(Pstream::nProcs());
    allCentres[Pstream::myProcNo()] = centres;
    allNormals[Pstream::myProcNo()] = normals;
    allRates[Pstream::myProcNo()] = rates;
    Pstream::gatherList(allCentres);
    Pstream::gatherList(allNormals);
    Pstream::gatherList(allRates);
    Pstream::scatterList(allCentres);
    Pstream::scatterList(allNormals);
    Pstream::scatterList(allRates);

    emitterFaces all;
    all.centres =
        ListListOps::combine<pointField>(allCentres, accessOp<pointField>());
    all.normals =
        ListListOps::combine<vectorField>(allNormals, accessOp<vectorField>());
    all.rates =
        ListListOps::combine<scalarField>(allRates, accessOp<scalarField>());
    return all;
}

// ************************************************************************* //
