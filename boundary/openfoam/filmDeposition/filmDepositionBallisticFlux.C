/*---------------------------------------------------------------------------*\
  magtwin: OpenFOAM boundary conditions for magnetron sputter tools.
  Built against OpenFOAM v1912 (www.openfoam.com), GPL-3.0-or-later like OpenFOAM.
\*---------------------------------------------------------------------------*/

// filmDeposition's ballistic (line-of-sight) flux: the target faces of every matching
// sputteredFlux patch on every processor, handed to the deposition engine's transport
// through bridge/LineOfSight.hpp (see filmDepositionFvPatchScalarField.H).

#include "filmDepositionFvPatchScalarField.H"
#include "volFields.H"

#include "boundary/openfoam/sputteredFlux/sputteredFluxFvPatchScalarField.H"
#include "boundary/openfoam/bridge/LineOfSight.hpp"
#include "Pstream.H"

#include <vector>

// * * * * * * * * * * * * * Private Member Functions  * * * * * * * * * * * //

Foam::tmp<Foam::scalarField>
Foam::filmDepositionFvPatchScalarField::computeBallisticFlux() const
{
    const fvMesh& mesh = patch().boundaryMesh().mesh();
    const polyBoundaryMesh& pbm = mesh.boundaryMesh();
    const volScalarField& field =
        db().lookupObject<volScalarField>(internalField().name());
    DynamicList<const sputteredFluxFvPatchScalarField*> sources;
    forAll(pbm, patchi)
    {
        if (!lineOfSightSource_.match(pbm[patchi].name()))
        {
            continue;
        }
        const fvPatchScalarField& sourceField = field.boundaryField()[patchi];
        if (!isA<sputteredFluxFvPatchScalarField>(sourceField))
        {
            FatalErrorInFunction
                << "lineOfSightSource: patch '" << pbm[patchi].name()
                << "' of " << field.name() << " is " << sourceField.type()
                << ", not sputteredFlux" << exit(FatalError);
        }
        sources.append(&refCast<const sputteredFluxFvPatchScalarField>(sourceField));
    }
    if (sources.empty())
    {
        FatalErrorInFunction
            << "lineOfSightSource: no patch '" << lineOfSightSource_
            << "' in the mesh" << exit(FatalError);
    }

    // 2-D planar mesh: strips along the empty direction; wedges not supported.
    const bool planar2D = mesh.nGeometricD() == 2;
    if (mesh.nSolutionD() == 2 && !planar2D)
    {
        FatalErrorInFunction
            << "lineOfSightSource: axisymmetric (wedge) meshes are not supported"
            << exit(FatalError);
    }
    vector emptyDir(Zero);
    scalar depth = 1;
    if (planar2D)
    {
        for (direction d = 0; d < vector::nComponents; ++d)
        {
            if (mesh.geometricD()[d] < 0)
            {
                emptyDir[d] = 1;
                depth = mesh.bounds().span()[d];
            }
        }
    }

    // This processor's emitters: (1 - f_th) J |Sf| atoms/s (per metre in 2-D).
    DynamicList<point> centres;
    DynamicList<vector> emitterNormals;
    DynamicList<scalar> rates;
    for (const sputteredFluxFvPatchScalarField* source : sources)
    {
        const fvPatch& sp = source->patch();
        centres.append(sp.Cf());
        emitterNormals.append(vectorField(-sp.nf()));
        rates.append
        (
            scalarField
            (
                // The emission of this step, computed from the source's
                // current geometry and time (a source patch after this one
                // in the boundary list has not been updated yet this step).
                (1 - source->thermalizedFraction())*source->computeSputteredFlux()
               *sp.magSf()/depth
            )
        );
    }
    List<pointField> allCentres(Pstream::nProcs());
    List<vectorField> allNormals(Pstream::nProcs());
    List<scalarField> allRates(Pstream::nProcs());
    allCentres[Pstream::myProcNo()] = centres;
    allNormals[Pstream::myProcNo()] = emitterNormals;
    allRates[Pstream::myProcNo()] = rates;
    Pstream::gatherList(allCentres);
    Pstream::gatherList(allNormals);
    Pstream::gatherList(allRates);
    Pstream::scatterList(allCentres);
    Pstream::scatterList(allNormals);
    Pstream::scatterList(allRates);

    std::vector<magtwin::foam::EmittingElement> emitters;
    forAll(allCentres, proci)
    {
        forAll(allCentres[proci], i)
        {
            const point& c = allCentres[proci][i];
            const vector& n = allNormals[proci][i];
            emitters.push_back({{c.x(), c.y(), c.z()}, {n.x(), n.y(), n.z()}, allRates[proci][i]});
        }
    }

    const vectorField& Cf = patch().Cf();
    const vectorField receiverNormals(-patch().nf());
    std::vector<magtwin::foam::Vec3> points, normals;
    forAll(Cf, facei)
    {
        const point& c = Cf[facei];
        const vector& n = receiverNormals[facei];
        points.push_back({c.x(), c.y(), c.z()});
        normals.push_back({n.x(), n.y(), n.z()});
    }
    magtwin::foam::BallisticTransport transport(emissionDistribution_, cosExponent_);
    if (gasPressure_ > 0)
    {
        transport.setGasAttenuation
        (
            gasPressure_,
            gasTemperature_,
            sigmaEff_,
            scatteredDeposited_
        );
    }
    const std::vector<double> engineFlux =
        transport.flux
        (
            emitters,
            points,
            normals,
            planar2D,
            {emptyDir.x(), emptyDir.y(), emptyDir.z()}
        );
    tmp<scalarField> tflux(new scalarField(patch().size()));
    scalarField& flux = tflux.ref();
    forAll(flux, facei)
    {
        flux[facei] = engineFlux[facei];
    }
    return tflux;
}
