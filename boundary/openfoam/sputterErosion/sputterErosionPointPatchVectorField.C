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
#include "SubField.H"
#include "Time.H"

#include "boundary/openfoam/bridge/SputterSource.hpp"

// * * * * * * * * * * * * * Private Member Functions  * * * * * * * * * * * //

void Foam::sputterErosionPointPatchVectorField::erodeOneStep()
{
    if (engine_)
    {
        erodeWithEngine();
        return;
    }
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
    // Removed volume per m^2 at the start and the end of the step, per point.
    scalarField V0(erodedDepth_.size()), V1(erodedDepth_.size());
    // End of life: the share of the step after which the first point reaches
    // minRemainingThickness_ (1: none within this step).
    const scalar limitDepth = targetThickness_ - minRemainingThickness_;
    const scalar Vlimit = settings_.removedVolumeFromDepth(limitDepth);
    scalar share = 1;
    forAll(erodedDepth_, pointi)
    {
        scalar x, y;
        settings_.cathodeCoordinates(points[pointi], x, y);
        // Volume removed per m^2 of original surface (exact on a shrinking tube,
        // as in ErosionFront), then the depth it leaves.
        V0[pointi] = settings_.removedVolumeFromDepth(erodedDepth_[pointi]);
        V1[pointi] =
            V0[pointi]
          + source.recessionSpeed
            (
                x,
                y,
                pointNormals[pointi] & originalNormals_[pointi]
            )*effectiveDt;
        const scalar depth = settings_.depthFromRemovedVolume(V1[pointi]);

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
        if (V1[pointi] >= Vlimit && V1[pointi] > V0[pointi])
        {
            share = min(share, (Vlimit - V0[pointi])/(V1[pointi] - V0[pointi]));
        }
    }
    reduce(share, minOp<scalar>());  // every processor cuts the step alike
    share = max(share, scalar(0));
    forAll(erodedDepth_, pointi)
    {
        const scalar d = min
        (
            settings_.depthFromRemovedVolume(V0[pointi] + share*(V1[pointi] - V0[pointi])),
            limitDepth
        );
        if (share*effectiveDt > 0)
        {
            recessionSpeed_[pointi] = (d - erodedDepth_[pointi])/(share*effectiveDt);
        }
        erodedDepth_[pointi] = d;
    }
    if (share < 1)
    {
        // The removed volume is taken as linear in time within the step:
        // exact for a constant multiplier (the recession speed is held over
        // an explicit step); with an operating-point table, the linear
        // interpolation of its integral within the step.
        endLife(t - deltaT + share*deltaT);
    }
}


void Foam::sputterErosionPointPatchVectorField::erodeWithEngine()
{
    const Time& runTime = internalField().mesh()().time();
    const scalar t = runTime.value();
    const scalar deltaT = runTime.deltaTValue();
    // Full-power time of the step: the multiplier integrated over it.
    const scalar effectiveDt = settings_.integratedIonFluxScale(t - deltaT, t);
    const scalar limitDepth = targetThickness_ - minRemainingThickness_;

    scalar advanced = 0;
    if (effectiveDt > 0)
    {
        try
        {
            advanced = engine_->advance(effectiveDt, limitDepth);
        }
        catch (const std::exception& err)
        {
            FatalErrorInFunction
                << "sputterErosion on patch " << patch().name()
                << ": the erosion engine stopped at t = " << t << " s: "
                << err.what() << exit(FatalError);
        }
    }

    // The points on the engine's front (their cathode coordinates do not
    // change: they move along n0 only).
    const pointField& points = patch().localPoints();
    forAll(erodedDepth_, pointi)
    {
        scalar x, y;
        settings_.cathodeCoordinates(points[pointi], x, y);
        const scalar d = min(engine_->depthAt(x, y), limitDepth);
        if (advanced > 0)
        {
            recessionSpeed_[pointi] = max(d - erodedDepth_[pointi], scalar(0))/advanced;
        }
        erodedDepth_[pointi] = d;
    }

    // Every processor runs the same engine: the same end of life everywhere.
    if (engine_->reached(limitDepth))
    {
        // The engine's full-power time maps back to run time linearly
        // within the step (exact for a constant multiplier).
        endLife(t - deltaT + deltaT*(effectiveDt > 0 ? advanced/effectiveDt : 1));
    }
}


void Foam::sputterErosionPointPatchVectorField::endLife(const scalar t)
{
    endOfLifeTime_ = t;
    Info<< "sputterErosion on patch " << patch().name()
        << ": end of target life at t = " << endOfLifeTime_
        << " s (remaining thickness " << minRemainingThickness_
        << " m reached; targetThickness " << targetThickness_
        << " m); utilization " << 100*utilization()
        << " %; writing and ending" << endl;
    internalField().mesh()().time().stopAt(Time::stopAtControls::saWriteNow);
}


void Foam::sputterErosionPointPatchVectorField::readEngine
(
    const dictionary& dict
)
{
    if (dict.get<word>("ionFluxModel") != "racetrack")
    {
        return;
    }
    magtwin::foam::ErodingTargetSpec& e = engineSpec_;
    e.gridSpacingM = dict.getCheckOrDefault<scalar>
    (
        "erosionGridSpacing", 1e-3, [](const scalar x) { return x > 0; }
    );
    e.cflNumber = dict.getCheckOrDefault<scalar>
    (
        "erosionCourant", 0.8, [](const scalar x) { return x > 0 && x <= 1; }
    );
    e.rotaryAngularCells = dict.getCheckOrDefault<label>
    (
        "angularCells", 0, [](const label n) { return n >= 0; }
    );
    e.magnetDistanceM = dict.getCheckOrDefault<scalar>
    (
        "magnetDistance", 0, [](const scalar x) { return x >= 0; }
    );
    e.narrowingExponent = dict.getCheckOrDefault<scalar>
    (
        "narrowingExponent", 1, [](const scalar x) { return x > 0; }
    );
    e.minWidthScale = dict.getCheckOrDefault<scalar>
    (
        "minWidthScale", 0.2, [](const scalar x) { return x > 0 && x <= 1; }
    );
    e.magnetTravelM = dict.getCheckOrDefault<scalar>
    (
        "magnetTravel", 0, [](const scalar x) { return x >= 0; }
    );
    e.magnetTravelWaveform =
        dict.getOrDefault<word>("magnetTravelWaveform", "sinusoidal");
    e.magnetTravelDwellFraction = dict.getCheckOrDefault<scalar>
    (
        "magnetTravelDwellFraction", 0, [](const scalar x) { return x >= 0 && x < 1; }
    );
    e.magnetTravelSamples = dict.getCheckOrDefault<label>
    (
        "magnetTravelSamples", 16, [](const label n) { return n >= 1; }
    );
    e.grooveRedeposition = dict.getOrDefault<bool>("grooveRedeposition", false);
    e.maxDepthIncrementM = maxDepthIncrement_;
    try
    {
        engine_.reset(new magtwin::foam::ErodingTarget(settings_.source(), e));
        if (dict.found("erosionState"))
        {
            const scalarField state("erosionState", dict, label(engine_->cells()));
            engine_->restore
            (
                std::vector<double>(state.begin(), state.end()),
                dict.get<scalar>("erosionTime")
            );
        }
    }
    catch (const std::exception& err)
    {
        FatalIOErrorInFunction(dict)
            << "sputterErosion erosion engine: " << err.what()
            << " (entries erosionGridSpacing, erosionCourant, angularCells,"
            << " magnetDistance, narrowingExponent, minWidthScale, magnetTravel*,"
            << " grooveRedeposition, erosionState)" << nl << exit(FatalIOError);
    }
}


Foam::tmp<Foam::scalarField>
Foam::sputterErosionPointPatchVectorField::initialRecessionSpeed() const
{
    const pointField& points = patch().localPoints();
    tmp<scalarField> tv(new scalarField(points.size(), Zero));
    if (points.empty())
    {
        return tv;
    }
    scalarField& v = tv.ref();
    const magtwin::foam::SputterSource& source = settings_.source();
    forAll(v, pointi)
    {
        scalar x, y;
        settings_.cathodeCoordinates(points[pointi], x, y);
        v[pointi] = source.recessionSpeed(x, y, 1);
    }
    return tv;
}


Foam::scalar Foam::sputterErosionPointPatchVectorField::utilization() const
{
    if (engine_)
    {
        return engine_->utilization();  // the same on every processor
    }
    const polyPatch& pp = refCast<const facePointPatch>(patch()).patch();
    const scalarField magA(mag(vectorField(pp.faceAreas())));
    const faceList& faces = pp.localFaces();
    scalar removed = 0, area = 0;
    forAll(faces, facei)
    {
        const face& f = faces[facei];
        scalar V = 0;
        forAll(f, fp)
        {
            V += settings_.removedVolumeFromDepth(erodedDepth_[f[fp]]);
        }
        removed += magA[facei]*V/f.size();
        area += magA[facei];
    }
    reduce(removed, sumOp<scalar>());
    reduce(area, sumOp<scalar>());
    const scalar whole = area*settings_.removedVolumeFromDepth(targetThickness_);
    return whole > 0 ? removed/whole : 0;
}


Foam::scalar Foam::sputterErosionPointPatchVectorField::integratedIonFluxScale
(
    const scalar t0,
    const scalar t1
) const
{
    return settings_.integratedIonFluxScale(t0, t1);
}


Foam::scalar Foam::sputterErosionPointPatchVectorField::ionFluxScale
(
    const scalar t
) const
{
    return settings_.ionFluxScale(t);
}


Foam::scalar Foam::sputterErosionPointPatchVectorField::maxDepth() const
{
    if (engine_)
    {
        return engine_->maxDepth();
    }
    return returnReduce
    (
        erodedDepth_.size() ? max(erodedDepth_) : scalar(0),
        maxOp<scalar>()
    );
}


Foam::scalar Foam::sputterErosionPointPatchVectorField::widthScale() const
{
    return engine_ ? engine_->widthScale() : scalar(1);
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
    originalNormalsSet_(false),
    endOfLifeTime_(-1),
    engineSpec_(),
    engine_(),
    recessionSpeed_(p.size(), Zero)
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
            // the engine's default (erosion.max_depth_increment) for a racetrack
            dict.get<word>("ionFluxModel") == "racetrack" ? 1e-4 : 0.1*targetThickness_,
            [](const scalar x) { return x > 0; }
        )
    ),
    erodedDepth_(p.size(), Zero),
    erodedTimeIndex_(-1),
    originalNormals_(p.size(), Zero),
    originalNormalsSet_(false),
    endOfLifeTime_(-1),
    engineSpec_(),
    engine_(),
    recessionSpeed_(p.size(), Zero)
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
    // A restart after the end of life stays there (no further erosion).
    endOfLifeTime_ = dict.lookupOrDefault<scalar>("endOfLifeTime", -1);
    if (dict.found("originalNormals"))
    {
        originalNormals_ = vectorField("originalNormals", dict, p.size());
        originalNormalsSet_ = true;
    }
    readEngine(dict);
    if (dict.found("recessionSpeed"))
    {
        recessionSpeed_ = scalarField("recessionSpeed", dict, p.size());
    }
    else
    {
        recessionSpeed_ = initialRecessionSpeed();
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
    originalNormalsSet_(ptf.originalNormalsSet_),
    endOfLifeTime_(ptf.endOfLifeTime_),
    engineSpec_(ptf.engineSpec_),
    engine_(ptf.engine_ ? new magtwin::foam::ErodingTarget(*ptf.engine_) : nullptr),
    recessionSpeed_(ptf.recessionSpeed_, mapper)
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
    originalNormalsSet_(ptf.originalNormalsSet_),
    endOfLifeTime_(ptf.endOfLifeTime_),
    engineSpec_(ptf.engineSpec_),
    engine_(ptf.engine_ ? new magtwin::foam::ErodingTarget(*ptf.engine_) : nullptr),
    recessionSpeed_(ptf.recessionSpeed_)
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
    originalNormalsSet_(ptf.originalNormalsSet_),
    endOfLifeTime_(ptf.endOfLifeTime_),
    engineSpec_(ptf.engineSpec_),
    engine_(ptf.engine_ ? new magtwin::foam::ErodingTarget(*ptf.engine_) : nullptr),
    recessionSpeed_(ptf.recessionSpeed_)
{}


Foam::sputterErosionPointPatchVectorField::~sputterErosionPointPatchVectorField()
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
    recessionSpeed_.autoMap(m);
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
    recessionSpeed_.rmap(septf.recessionSpeed_, addr);
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
    if
    (
        timeIndex != erodedTimeIndex_ && timeIndex > runTime.startTimeIndex()
     && endOfLifeTime_ < 0
    )
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
    if (endOfLifeTime_ >= 0)
    {
        os.writeEntry("endOfLifeTime", endOfLifeTime_);
    }
    if (originalNormalsSet_)
    {
        originalNormals_.writeEntry("originalNormals", os);
    }
    recessionSpeed_.writeEntry("recessionSpeed", os);
    if (engine_)
    {
        const magtwin::foam::ErodingTargetSpec& e = engineSpec_;
        os.writeEntry("erosionGridSpacing", e.gridSpacingM);
        os.writeEntry("erosionCourant", e.cflNumber);
        os.writeEntry("angularCells", label(e.rotaryAngularCells));
        os.writeEntry("magnetDistance", e.magnetDistanceM);
        os.writeEntry("narrowingExponent", e.narrowingExponent);
        os.writeEntry("minWidthScale", e.minWidthScale);
        os.writeEntry("magnetTravel", e.magnetTravelM);
        os.writeEntry("magnetTravelWaveform", word(e.magnetTravelWaveform));
        os.writeEntry("magnetTravelDwellFraction", e.magnetTravelDwellFraction);
        os.writeEntry("magnetTravelSamples", label(e.magnetTravelSamples));
        os.writeEntry("grooveRedeposition", e.grooveRedeposition);
        os.writeEntry("erosionTime", engine_->time());
        const std::vector<double> state = engine_->state();
        scalarField stateField(label(state.size()));
        forAll(stateField, i)
        {
            stateField[i] = state[i];
        }
        stateField.writeEntry("erosionState", os);
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
