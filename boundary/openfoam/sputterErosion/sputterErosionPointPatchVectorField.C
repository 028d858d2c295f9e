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

#include "boundary/openfoam/bridge/SputterSource.hpp"

// * * * * * * * * * * * * * Private Member Functions  * * * * * * * * * * * //

void Foam::sputterErosionPointPatchVectorField::erodeOneStep()
{
    const polyMesh& mesh = internalField().mesh()();
    const polyPatch& pp = refCast<const facePointPatch>(patch()).patch();

    // Parallel-consistent normals (a collective call: every processor makes
    // it, also those holding no face of the patch). They point out of the
    // gas, so cos(theta) = pointNormal & originalNormal.
    const tmp<pointField> tpointNormals = PatchTools::pointNormals(mesh, pp);
    const pointField& pointNormals = tpointNormals();
    const pointField& points = pp.localPoints();

    if (!originalNormalsSet_)
    {
        // First erosion step of a fresh run: the geometry is the original one.
        originalNormals_ = pointNormals;
        originalNormalsSet_ = true;
    }

    const magtwin::foam::SputterSource& source = settings_.source();
    // The step (t - dt, t] with the operating-point multiplier integrated over it
    // (exact for a piecewise-linear table of f).
    const scalar t = mesh.time().value();
    const scalar effectiveDt =
        settings_.integratedIonFluxScale(t - mesh.time().deltaTValue(), t);

    const scalar deltaT = mesh.time().deltaTValue();
    forAll(erodedDepth_, pointi)
    {
        scalar x, y;
        settings_.cathodeCoordinates(points[pointi], x, y);
        // Volume removed per m^2 of original surface (exact on a shrinking tube,
        // as in ErosionFront), then the depth it leaves.
        const scalar V =
            settings_.removedVolumeFromDepth(erodedDepth_[pointi])
          + source.recessionSpeed
            (
                x,
                y,
                pointNormals[pointi] & originalNormals_[pointi]
            )*effectiveDt;
        const scalar depth = settings_.depthFromRemovedVolume(V);

        // Explicit Euler is only as good as the geometry held for the step:
        // refuse a step that sinks a point by more than maxDepthIncrement
        // (the depth per step scales with deltaT, so the message can say
        // which deltaT would do).
        const scalar increment = depth - erodedDepth_[pointi];
        if (increment > maxDepthIncrement_)
        {
            FatalErrorInFunction
                << "sputterErosion on patch " << patch().name()
                << ": the step to t = " << t << " s (deltaT = " << deltaT
                << " s) erodes point " << pointi << " at " << points[pointi]
                << " by " << increment << " m, more than maxDepthIncrement = "
                << maxDepthIncrement_ << " m; use deltaT <= "
                // the depth per step is proportional to deltaT; 0.1 % margin
                << 0.999*deltaT*maxDepthIncrement_/increment << " s"
                << exit(FatalError);
        }
        // End of target life: stop before the racetrack reaches the backing.
        const scalar remaining = targetThickness_ - depth;
        if (remaining <= minRemainingThickness_)
        {
            FatalErrorInFunction
                << "sputterErosion on patch " << patch().name()
                << ": point " << pointi << " at " << points[pointi]
                << " reaches the end of the target at t = " << t
                << " s: remaining thickness " << remaining
                << " m <= minRemainingThickness " << minRemainingThickness_
                << " m (targetThickness " << targetThickness_
                << " m, eroded depth " << depth << " m)" << exit(FatalError);
        }
        erodedDepth_[pointi] = depth;
    }
}


Foam::scalar Foam::sputterErosionPointPatchVectorField::readTargetThickness
(
    const dictionary& dict
)
{
    // The racetrack's targetThickness, or the condition's own entry.
    if (dict.get<word>("ionFluxModel") == "racetrack")
    {
        return dict.subDict("racetrack").get<scalar>("targetThickness");
    }
    ownTargetThickness_ = true;
    return dict.getCheck<scalar>
    (
        "targetThickness",
        [](const scalar x) { return x > 0; }
    );
}


Foam::tmp<Foam::vectorField>
Foam::sputterErosionPointPatchVectorField::displacement() const
{
    // Along -n0 at each point (radial for a tube: unchanged by the motion).
    const pointField& points = patch().localPoints();
    tmp<vectorField> tu(new vectorField(points.size()));
    vectorField& u = tu.ref();
    forAll(u, pointi)
    {
        u[pointi] = -settings_.targetNormal(points[pointi])*erodedDepth_[pointi];
    }
    return tu;
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
    ownTargetThickness_(false),
    targetThickness_(GREAT),
    minRemainingThickness_(1e-3),
    maxDepthIncrement_(GREAT),
    erodedDepth_(p.size(), Zero),
    erodedTimeIndex_(-1),
    originalNormals_(p.size(), Zero),
    originalNormalsSet_(false)
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
    ownTargetThickness_(false),
    targetThickness_(readTargetThickness(dict)),
    minRemainingThickness_
    (
        dict.getCheckOrDefault<scalar>
        (
            "minRemainingThickness",
            1e-3,
            [](const scalar x) { return x >= 0; }
        )
    ),
    maxDepthIncrement_
    (
        dict.getCheckOrDefault<scalar>
        (
            "maxDepthIncrement",
            0.1*targetThickness_,
            [](const scalar x) { return x > 0; }
        )
    ),
    erodedDepth_(p.size(), Zero),
    erodedTimeIndex_(-1),
    originalNormals_(p.size(), Zero),
    originalNormalsSet_(false)
{
    if (minRemainingThickness_ >= targetThickness_)
    {
        FatalIOErrorInFunction(dict)
            << "Entry 'minRemainingThickness' (" << minRemainingThickness_
            << ") must be below the target thickness " << targetThickness_
            << nl << exit(FatalIOError);
    }
    if (dict.found("erodedDepth"))
    {
        erodedDepth_ = scalarField("erodedDepth", dict, p.size());
    }
    if (dict.found("originalNormals"))
    {
        originalNormals_ = vectorField("originalNormals", dict, p.size());
        originalNormalsSet_ = true;
    }

    // The base class has read "value" when present (reading it twice fails for a
    // long list: its token is moved out on the first read).
    if (!dict.found("value"))
    {
        vectorField::operator=(displacement());
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
    ownTargetThickness_(ptf.ownTargetThickness_),
    targetThickness_(ptf.targetThickness_),
    minRemainingThickness_(ptf.minRemainingThickness_),
    maxDepthIncrement_(ptf.maxDepthIncrement_),
    erodedDepth_(ptf.erodedDepth_, mapper),
    erodedTimeIndex_(ptf.erodedTimeIndex_),
    originalNormals_(ptf.originalNormals_, mapper),
    originalNormalsSet_(ptf.originalNormalsSet_)
{}


Foam::sputterErosionPointPatchVectorField::sputterErosionPointPatchVectorField
(
    const sputterErosionPointPatchVectorField& ptf
)
:
    fixedValuePointPatchField<vector>(ptf),
    settings_(ptf.settings_),
    ownTargetThickness_(ptf.ownTargetThickness_),
    targetThickness_(ptf.targetThickness_),
    minRemainingThickness_(ptf.minRemainingThickness_),
    maxDepthIncrement_(ptf.maxDepthIncrement_),
    erodedDepth_(ptf.erodedDepth_),
    erodedTimeIndex_(ptf.erodedTimeIndex_),
    originalNormals_(ptf.originalNormals_),
    originalNormalsSet_(ptf.originalNormalsSet_)
{}


Foam::sputterErosionPointPatchVectorField::sputterErosionPointPatchVectorField
(
    const sputterErosionPointPatchVectorField& ptf,
    const DimensionedField<vector, pointMesh>& iF
)
:
    fixedValuePointPatchField<vector>(ptf, iF),
    settings_(ptf.settings_),
    ownTargetThickness_(ptf.ownTargetThickness_),
    targetThickness_(ptf.targetThickness_),
    minRemainingThickness_(ptf.minRemainingThickness_),
    maxDepthIncrement_(ptf.maxDepthIncrement_),
    erodedDepth_(ptf.erodedDepth_),
    erodedTimeIndex_(ptf.erodedTimeIndex_),
    originalNormals_(ptf.originalNormals_),
    originalNormalsSet_(ptf.originalNormalsSet_)
{}


// * * * * * * * * * * * * * * * Member Functions  * * * * * * * * * * * * * //

void Foam::sputterErosionPointPatchVectorField::autoMap
(
    const pointPatchFieldMapper& m
)
{
    fixedValuePointPatchField<vector>::autoMap(m);
    erodedDepth_.autoMap(m);
    originalNormals_.autoMap(m);
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
    originalNormals_.rmap(septf.originalNormals_, addr);
    originalNormalsSet_ = originalNormalsSet_ || septf.originalNormalsSet_;
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

    vectorField::operator=(displacement());

    fixedValuePointPatchField<vector>::updateCoeffs();
}


void Foam::sputterErosionPointPatchVectorField::write(Ostream& os) const
{
    pointPatchField<vector>::write(os);
    settings_.write(os);
    if (ownTargetThickness_)
    {
        os.writeEntry("targetThickness", targetThickness_);
    }
    os.writeEntry("minRemainingThickness", minRemainingThickness_);
    os.writeEntry("maxDepthIncrement", maxDepthIncrement_);
    erodedDepth_.writeEntry("erodedDepth", os);
    if (originalNormalsSet_)
    {
        originalNormals_.writeEntry("originalNormals", os);
    }
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
