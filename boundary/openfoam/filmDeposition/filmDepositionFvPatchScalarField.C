/*---------------------------------------------------------------------------*\
  magtwin: OpenFOAM boundary conditions for magnetron sputter tools.
  Built against OpenFOAM v1912 (www.openfoam.com), GPL-3.0-or-later like OpenFOAM.
\*---------------------------------------------------------------------------*/

#include "filmDepositionFvPatchScalarField.H"
#include "addToRunTimeSelectionTable.H"
#include "fvPatchFieldMapper.H"
#include "volFields.H"

#include "boundary/openfoam/bridge/CoreBridge.hpp"
#include "boundary/openfoam/common/materialEntries.H"
#include "boundary/openfoam/bridge/LineOfSight.hpp"

#include <exception>

// * * * * * * * * * * * * * * * Local Functions * * * * * * * * * * * * * * //

namespace
{
    // One nanometre in metres.
    constexpr Foam::scalar metresPerNanometre = 1e-9;
}


// * * * * * * * * * * * * * Private Member Functions  * * * * * * * * * * * //

void Foam::filmDepositionFvPatchScalarField::readParameters
(
    const dictionary& dict
)
{
    stickingCoefficient_ = dict.getCheck<scalar>
    (
        "stickingCoefficient",
        [](const scalar s) { return s >= 0 && s <= 1; }
    );
    ballisticSticking_ = dict.getCheckOrDefault<scalar>
    (
        "ballisticSticking",
        1,
        [](const scalar s) { return s >= 0 && s <= 1; }
    );
    gasTemperature_ = dict.getCheck<scalar>
    (
        "gasTemperature",
        [](const scalar T) { return T > 0; }
    );
    diffusivity_ = dict.getCheck<scalar>
    (
        "diffusivity",
        [](const scalar D) { return D > 0; }
    );
    filmElement_ = dict.get<word>("filmElement");
    filmComposition_ = readCompositionEntry(dict, "filmComposition");
    filmDensity_ = dict.found("filmDensity")
      ? dict.getCheck<scalar>("filmDensity", [](const scalar r) { return r > 0; })
      : 0;
    emissionDistribution_ =
        dict.getOrDefault<word>("emissionDistribution", "cosine");
    cosExponent_ = dict.getCheckOrDefault<scalar>
    (
        "cosExponent",
        1,
        [](const scalar n) { return n > 0; }
    );
    gasPressure_ = dict.getCheckOrDefault<scalar>
    (
        "gasPressure",
        0,
        [](const scalar p) { return p >= 0; }
    );
    sigmaEff_ = 0;
    scatteredDeposited_ = 1;
    if (gasPressure_ > 0)
    {
        sigmaEff_ = dict.getCheck<scalar>("sigmaEff", [](const scalar s) { return s > 0; });
        scatteredDeposited_ = dict.getCheck<scalar>
        (
            "scatteredDeposited",
            [](const scalar e) { return e >= 0 && e <= 1; }
        );
        if (patch().boundaryMesh().mesh().nGeometricD() == 2)
        {
            FatalIOErrorInFunction(dict)
                << "Entry 'gasPressure': gas attenuation of the ballistic flux needs a"
                << " 3-D mesh (this one is 2-D; the strip integral has no attenuated form)"
                << nl << exit(FatalIOError);
        }
    }
    try
    {
        (void)magtwin::foam::BallisticTransport(emissionDistribution_, cosExponent_);
    }
    catch (const std::exception& e)
    {
        FatalIOErrorInFunction(dict)
            << "Entry 'emissionDistribution' (" << emissionDistribution_
            << "): " << e.what() << nl << exit(FatalIOError);
    }

    try
    {
        const magtwin::foam::FilmMaterial film =
            magtwin::foam::filmMaterial
            (
                filmElement_,
                filmComposition_,
                filmDensity_
            );
        meanThermalSpeed_ =
            magtwin::foam::meanThermalSpeed(film.atomMassKg, gasTemperature_);
        filmAtomicDensity_ = film.atomicDensityPerM3;
    }
    catch (const std::exception& e)
    {
        FatalIOErrorInFunction(dict)
            << e.what()
            << nl << exit(FatalIOError);
    }
}


Foam::scalar
Foam::filmDepositionFvPatchScalarField::depositionVelocity() const
{
    return stickingCoefficient_*meanThermalSpeed_/4;
}


Foam::tmp<Foam::scalarField>
Foam::filmDepositionFvPatchScalarField::thicknessIncrement
(
    const scalar dt
) const
{
    return
        (depositionFlux() + ballisticSticking_*ballisticFlux_)*dt
       /filmAtomicDensity_/metresPerNanometre;
}


Foam::tmp<Foam::scalarField>
Foam::filmDepositionFvPatchScalarField::currentFilmThickness() const
{
    if (pendingTimeIndex_ >= 0)
    {
        return filmThickness_ + thicknessIncrement(db().time().deltaTValue());
    }
    return tmp<scalarField>::New(filmThickness_);
}


// * * * * * * * * * * * * * * * * Constructors  * * * * * * * * * * * * * * //

Foam::filmDepositionFvPatchScalarField::filmDepositionFvPatchScalarField
(
    const fvPatch& p,
    const DimensionedField<scalar, volMesh>& iF
)
:
    mixedFvPatchScalarField(p, iF),
    stickingCoefficient_(0),
    gasTemperature_(0),
    diffusivity_(0),
    filmElement_(),
    filmComposition_(),
    filmDensity_(0),
    meanThermalSpeed_(0),
    filmAtomicDensity_(1),
    filmThickness_(p.size(), Zero),
    pendingTimeIndex_(-1),
    lineOfSightSource_(),
    emissionDistribution_("cosine"),
    cosExponent_(1),
    gasPressure_(0),
    sigmaEff_(0),
    scatteredDeposited_(1),
    ballisticSticking_(1),
    ballisticFlux_(p.size(), Zero),
    ballisticTransport_("auto"),
    shadowPatches_()
{
    refValue() = Zero;
    refGrad() = Zero;
    valueFraction() = Zero;
}


Foam::filmDepositionFvPatchScalarField::filmDepositionFvPatchScalarField
(
    const fvPatch& p,
    const DimensionedField<scalar, volMesh>& iF,
    const dictionary& dict
)
:
    mixedFvPatchScalarField(p, iF),
    stickingCoefficient_(0),
    gasTemperature_(0),
    diffusivity_(0),
    filmElement_(),
    filmComposition_(),
    filmDensity_(0),
    meanThermalSpeed_(0),
    filmAtomicDensity_(1),
    filmThickness_(p.size(), Zero),
    pendingTimeIndex_(-1),
    lineOfSightSource_(dict.getOrDefault<wordRe>("lineOfSightSource", wordRe())),
    emissionDistribution_("cosine"),
    cosExponent_(1),
    gasPressure_(0),
    sigmaEff_(0),
    scatteredDeposited_(1),
    ballisticSticking_(1),
    ballisticFlux_(p.size(), Zero),
    ballisticTransport_("auto"),
    shadowPatches_()
{
    readParameters(dict);

    if (dict.found("filmThickness"))
    {
        filmThickness_ = scalarField("filmThickness", dict, p.size());
    }
    if (dict.found("ballisticFlux"))
    {
        ballisticFlux_ = scalarField("ballisticFlux", dict, p.size());
    }
    if (!lineOfSightSource_.empty())
    {
        bool matched = false;
        for (const polyPatch& pp : p.boundaryMesh().mesh().boundaryMesh())
        {
            matched = matched || lineOfSightSource_.match(pp.name());
        }
        if (!matched)
        {
            FatalIOErrorInFunction(dict)
                << "Entry 'lineOfSightSource': no patch '" << lineOfSightSource_
                << "'; patches: " << p.boundaryMesh().mesh().boundaryMesh().names()
                << nl << exit(FatalIOError);
        }
        readBallisticEntries(dict);
    }

    refValue() = Zero;
    refGrad() = Zero;
    valueFraction() =
        depositionVelocity()
       /(depositionVelocity() + diffusivity_*patch().deltaCoeffs());

    if (dict.found("value"))
    {
        fvPatchScalarField::operator=(scalarField("value", dict, p.size()));
    }
    else
    {
        fvPatchScalarField::operator=(patchInternalField());
    }
}


Foam::filmDepositionFvPatchScalarField::filmDepositionFvPatchScalarField
(
    const filmDepositionFvPatchScalarField& ptf,
    const fvPatch& p,
    const DimensionedField<scalar, volMesh>& iF,
    const fvPatchFieldMapper& mapper
)
:
    mixedFvPatchScalarField(ptf, p, iF, mapper),
    stickingCoefficient_(ptf.stickingCoefficient_),
    gasTemperature_(ptf.gasTemperature_),
    diffusivity_(ptf.diffusivity_),
    filmElement_(ptf.filmElement_),
    filmComposition_(ptf.filmComposition_),
    filmDensity_(ptf.filmDensity_),
    meanThermalSpeed_(ptf.meanThermalSpeed_),
    filmAtomicDensity_(ptf.filmAtomicDensity_),
    filmThickness_(ptf.filmThickness_, mapper),
    pendingTimeIndex_(ptf.pendingTimeIndex_),
    lineOfSightSource_(ptf.lineOfSightSource_),
    emissionDistribution_(ptf.emissionDistribution_),
    cosExponent_(ptf.cosExponent_),
    gasPressure_(ptf.gasPressure_),
    sigmaEff_(ptf.sigmaEff_),
    scatteredDeposited_(ptf.scatteredDeposited_),
    ballisticSticking_(ptf.ballisticSticking_),
    ballisticFlux_(ptf.ballisticFlux_, mapper),
    ballisticTransport_(ptf.ballisticTransport_),
    shadowPatches_(ptf.shadowPatches_)
{}


Foam::filmDepositionFvPatchScalarField::filmDepositionFvPatchScalarField
(
    const filmDepositionFvPatchScalarField& ptf
)
:
    mixedFvPatchScalarField(ptf),
    stickingCoefficient_(ptf.stickingCoefficient_),
    gasTemperature_(ptf.gasTemperature_),
    diffusivity_(ptf.diffusivity_),
    filmElement_(ptf.filmElement_),
    filmComposition_(ptf.filmComposition_),
    filmDensity_(ptf.filmDensity_),
    meanThermalSpeed_(ptf.meanThermalSpeed_),
    filmAtomicDensity_(ptf.filmAtomicDensity_),
    filmThickness_(ptf.filmThickness_),
    pendingTimeIndex_(ptf.pendingTimeIndex_),
    lineOfSightSource_(ptf.lineOfSightSource_),
    emissionDistribution_(ptf.emissionDistribution_),
    cosExponent_(ptf.cosExponent_),
    gasPressure_(ptf.gasPressure_),
    sigmaEff_(ptf.sigmaEff_),
    scatteredDeposited_(ptf.scatteredDeposited_),
    ballisticSticking_(ptf.ballisticSticking_),
    ballisticFlux_(ptf.ballisticFlux_),
    ballisticTransport_(ptf.ballisticTransport_),
    shadowPatches_(ptf.shadowPatches_)
{}


Foam::filmDepositionFvPatchScalarField::filmDepositionFvPatchScalarField
(
    const filmDepositionFvPatchScalarField& ptf,
    const DimensionedField<scalar, volMesh>& iF
)
:
    mixedFvPatchScalarField(ptf, iF),
    stickingCoefficient_(ptf.stickingCoefficient_),
    gasTemperature_(ptf.gasTemperature_),
    diffusivity_(ptf.diffusivity_),
    filmElement_(ptf.filmElement_),
    filmComposition_(ptf.filmComposition_),
    filmDensity_(ptf.filmDensity_),
    meanThermalSpeed_(ptf.meanThermalSpeed_),
    filmAtomicDensity_(ptf.filmAtomicDensity_),
    filmThickness_(ptf.filmThickness_),
    pendingTimeIndex_(ptf.pendingTimeIndex_),
    lineOfSightSource_(ptf.lineOfSightSource_),
    emissionDistribution_(ptf.emissionDistribution_),
    cosExponent_(ptf.cosExponent_),
    gasPressure_(ptf.gasPressure_),
    sigmaEff_(ptf.sigmaEff_),
    scatteredDeposited_(ptf.scatteredDeposited_),
    ballisticSticking_(ptf.ballisticSticking_),
    ballisticFlux_(ptf.ballisticFlux_),
    ballisticTransport_(ptf.ballisticTransport_),
    shadowPatches_(ptf.shadowPatches_)
{}


// * * * * * * * * * * * * * * * Member Functions  * * * * * * * * * * * * * //

Foam::tmp<Foam::scalarField>
Foam::filmDepositionFvPatchScalarField::depositionFlux() const
{
    return depositionVelocity()*static_cast<const scalarField&>(*this);
}


Foam::tmp<Foam::scalarField>
Foam::filmDepositionFvPatchScalarField::depositionRate() const
{
    return
        (depositionFlux() + ballisticSticking_*ballisticFlux_)
       /filmAtomicDensity_;
}


void Foam::filmDepositionFvPatchScalarField::autoMap
(
    const fvPatchFieldMapper& m
)
{
    mixedFvPatchScalarField::autoMap(m);
    filmThickness_.autoMap(m);
    ballisticFlux_.autoMap(m);
}


void Foam::filmDepositionFvPatchScalarField::rmap
(
    const fvPatchScalarField& ptf,
    const labelList& addr
)
{
    mixedFvPatchScalarField::rmap(ptf, addr);

    const filmDepositionFvPatchScalarField& fdptf =
        refCast<const filmDepositionFvPatchScalarField>(ptf);

    filmThickness_.rmap(fdptf.filmThickness_, addr);
    ballisticFlux_.rmap(fdptf.ballisticFlux_, addr);
}


void Foam::filmDepositionFvPatchScalarField::updateCoeffs()
{
    if (updated())
    {
        return;
    }

    const Time& runTime = db().time();
    const label timeIndex = runTime.timeIndex();

    // First call of a new time step: the previous solved step is complete,
    // its deposit (flux of its final face values x its step size) is final.
    if (timeIndex != pendingTimeIndex_ && timeIndex > runTime.startTimeIndex())
    {
        if (pendingTimeIndex_ >= 0)
        {
            filmThickness_ += thicknessIncrement(runTime.deltaT0Value());
        }
        pendingTimeIndex_ = timeIndex;
    }

    // Ballistic flux from the target as it is now (a collective call: every
    // processor updates this patch, also with no face of it).
    if (!lineOfSightSource_.empty())
    {
        ballisticFlux_ = computeBallisticFlux();
    }

    // The mesh may have moved or been refined: recompute with current deltas.
    // The ballistic arrivals that do not stick re-enter the gas as diffusing
    // atoms: D dc/dn = q - k c_f with q = (1 - s_b) J_los, i.e. refGrad q/D.
    refValue() = Zero;
    refGrad() = (1 - ballisticSticking_)*ballisticFlux_/diffusivity_;
    valueFraction() =
        depositionVelocity()
       /(depositionVelocity() + diffusivity_*patch().deltaCoeffs());

    mixedFvPatchScalarField::updateCoeffs();
}


void Foam::filmDepositionFvPatchScalarField::write(Ostream& os) const
{
    fvPatchScalarField::write(os);
    os.writeEntry("stickingCoefficient", stickingCoefficient_);
    if (ballisticSticking_ != 1)
    {
        os.writeEntry("ballisticSticking", ballisticSticking_);
    }
    os.writeEntry("gasTemperature", gasTemperature_);
    os.writeEntry("diffusivity", diffusivity_);
    os.writeEntry("filmElement", filmElement_);
    writeCompositionEntry(os, "filmComposition", filmComposition_);
    if (filmDensity_ > 0)
    {
        os.writeEntry("filmDensity", filmDensity_);
    }
    currentFilmThickness()().writeEntry("filmThickness", os);
    if (!lineOfSightSource_.empty())
    {
        os.writeEntry("lineOfSightSource", lineOfSightSource_);
        os.writeEntry("emissionDistribution", emissionDistribution_);
        os.writeEntry("cosExponent", cosExponent_);
        if (gasPressure_ > 0)
        {
            os.writeEntry("gasPressure", gasPressure_);
            os.writeEntry("sigmaEff", sigmaEff_);
            os.writeEntry("scatteredDeposited", scatteredDeposited_);
        }
        writeBallisticEntries(os);
        ballisticFlux_.writeEntry("ballisticFlux", os);
    }
    writeEntry("value", os);
}


// * * * * * * * * * * * * * * Build Macro Function  * * * * * * * * * * * * //

namespace Foam
{
    makePatchTypeField
    (
        fvPatchScalarField,
        filmDepositionFvPatchScalarField
    );
}

// ************************************************************************* //
