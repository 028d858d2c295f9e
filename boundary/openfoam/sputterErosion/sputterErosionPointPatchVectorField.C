/*---------------------------------------------------------------------------*\
  magtwin: OpenFOAM boundary conditions for magnetron sputter tools.
  Built against OpenFOAM v1912 (www.openfoam.com), GPL-3.0-or-later like OpenFOAM.
\*---------------------------------------------------------------------------*/

#include "sputterErosionPointPatchVectorField.H"
#include "pointPatchFields.H"
#include "addToRunTimeSelectionTable.H"
#include "facePointPatch.H"
#include "PatchTools.H"
#include "polyMesh.H"
#include "Time.H"

#include "bridge/SputterSource.hpp"

// * * * * * * * * * * * * * Private Member Functions  * * * * * * * * * * * //

void Foam::sputterErosionPointPatchVectorField::erodeOneStep()
{
    const polyMesh& mesh = internalField().mesh()();
    const polyPatch& pp = refCast<const facePointPatch>(patch()).patch();

    // Parallel-consistent normals (a collective call: every processor makes
    // it, also those holding no face of the patch). They point out of the
    // gas, so cos(theta) = -pointNormal & n0.
    const tmp<pointField> tpointNormals = PatchTools::pointNormals(mesh, pp);
    const pointField& pointNormals = tpointNormals();
    const pointField& points = pp.localPoints();

    const vector n0 = settings_.targetNormal();
    const magtwin::foam::SputterSource& source = settings_.source();
    // The step (t - dt, t] with the operating-point multiplier integrated over it
    // (exact for a piecewise-linear table of f).
    const scalar t = mesh.time().value();
    const scalar effectiveDt =
        settings_.integratedIonFluxScale(t - mesh.time().deltaTValue(), t);

    forAll(erodedDepth_, pointi)
    {
        scalar x, y;
        settings_.cathodeCoordinates(points[pointi], x, y);
        erodedDepth_[pointi] +=
            source.recessionSpeed(x, y, -(pointNormals[pointi] & n0))*effectiveDt;
    }
}


// * * * * * * * * * * * * * * * * Constructors  * * * * * * * * * * * * * * //

Foam::sputterErosionPointPatchVectorField::sputterErosionPointPatchVectorField
(
    const pointPatch& p,
    const DimensionedField<vector, pointMesh>& iF
)
:
    fixedValuePointPatchField<vector>(p, iF),
    settings_(),
    erodedDepth_(p.size(), Zero),
    erodedTimeIndex_(-1)
{}


Foam::sputterErosionPointPatchVectorField::sputterErosionPointPatchVectorField
(
    const pointPatch& p,
    const DimensionedField<vector, pointMesh>& iF,
    const dictionary& dict
)
:
    fixedValuePointPatchField<vector>(p, iF, dict, false),
    settings_(dict),
    erodedDepth_(p.size(), Zero),
    erodedTimeIndex_(-1)
{
    if (dict.found("erodedDepth"))
    {
        erodedDepth_ = scalarField("erodedDepth", dict, p.size());
    }

    // The base class has read "value" when present (reading it twice fails for a
    // long list: its token is moved out on the first read).
    if (!dict.found("value"))
    {
        vectorField::operator=(-settings_.targetNormal()*erodedDepth_);
    }
}


Foam::sputterErosionPointPatchVectorField::sputterErosionPointPatchVectorField
(
    const sputterErosionPointPatchVectorField& ptf,
    const pointPatch& p,
    const DimensionedField<vector, pointMesh>& iF,
    const pointPatchFieldMapper& mapper
)
:
    fixedValuePointPatchField<vector>(ptf, p, iF, mapper),
    settings_(ptf.settings_),
    erodedDepth_(ptf.erodedDepth_, mapper),
    erodedTimeIndex_(ptf.erodedTimeIndex_)
{}


Foam::sputterErosionPointPatchVectorField::sputterErosionPointPatchVectorField
(
    const sputterErosionPointPatchVectorField& ptf
)
:
    fixedValuePointPatchField<vector>(ptf),
    settings_(ptf.settings_),
    erodedDepth_(ptf.erodedDepth_),
    erodedTimeIndex_(ptf.erodedTimeIndex_)
{}


Foam::sputterErosionPointPatchVectorField::sputterErosionPointPatchVectorField
(
    const sputterErosionPointPatchVectorField& ptf,
    const DimensionedField<vector, pointMesh>& iF
)
:
    fixedValuePointPatchField<vector>(ptf, iF),
    settings_(ptf.settings_),
    erodedDepth_(ptf.erodedDepth_),
    erodedTimeIndex_(ptf.erodedTimeIndex_)
{}


// * * * * * * * * * * * * * * * Member Functions  * * * * * * * * * * * * * //

void Foam::sputterErosionPointPatchVectorField::autoMap
(
    const pointPatchFieldMapper& m
)
{
    fixedValuePointPatchField<vector>::autoMap(m);
    erodedDepth_.autoMap(m);
}


void Foam::sputterErosionPointPatchVectorField::rmap
(
    const pointPatchField<vector>& ptf,
    const labelList& addr
)
{
    const sputterErosionPointPatchVectorField& septf =
        refCast<const sputterErosionPointPatchVectorField>(ptf);

    fixedValuePointPatchField<vector>::rmap(septf, addr);
    erodedDepth_.rmap(septf.erodedDepth_, addr);
}


void Foam::sputterErosionPointPatchVectorField::updateCoeffs()
{
    if (updated())
    {
        return;
    }

    // Once per time step, however often the motion solver asks; not at the
    // start time (a restart's erodedDepth already holds that step).
    const Time& runTime = internalField().mesh()().time();
    const label timeIndex = runTime.timeIndex();
    if (timeIndex != erodedTimeIndex_ && timeIndex > runTime.startTimeIndex())
    {
        erodeOneStep();
        erodedTimeIndex_ = timeIndex;
    }

    vectorField::operator=(-settings_.targetNormal()*erodedDepth_);

    fixedValuePointPatchField<vector>::updateCoeffs();
}


void Foam::sputterErosionPointPatchVectorField::write(Ostream& os) const
{
    pointPatchField<vector>::write(os);
    settings_.write(os);
    erodedDepth_.writeEntry("erodedDepth", os);
    writeEntry("value", os);
}


// * * * * * * * * * * * * * * Build Macro Function  * * * * * * * * * * * * //

namespace Foam
{
    makePointPatchTypeField
    (
        pointPatchVectorField,
        sputterErosionPointPatchVectorField
    );
}

// ************************************************************************* //
