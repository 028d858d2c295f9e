/*---------------------------------------------------------------------------*\
  magtwin: OpenFOAM boundary conditions for magnetron sputter tools.
  Built against OpenFOAM v1912 (www.openfoam.com), GPL-3.0-or-later like OpenFOAM.
\*---------------------------------------------------------------------------*/

#include "boundary/openfoam/common/sputterSourceSettings.H"
#include "boundary/openfoam/common/materialEntries.H"
#include "error.H"

#include "boundary/openfoam/bridge/SputterSource.hpp"

#include <cmath>
#include <exception>

// * * * * * * * * * * * * * * * Local Functions * * * * * * * * * * * * * * //

namespace
{

// A positive scalar entry; FatalIOError naming it otherwise.
Foam::scalar positiveEntry(const Foam::dictionary& dict, const Foam::word& key)
{
    return dict.getCheck<Foam::scalar>
    (
        key,
        [](const Foam::scalar x) { return x > 0; }
    );
}

// Racetrack sub-dictionary -> core parameters (SI). Entries a cathode or profile
// needs are required (FatalIOError naming them); the core checks the geometry.
magtwin::foam::RacetrackSourceSpec readRacetrack(const Foam::dictionary& rt)
{
    using namespace Foam;
    magtwin::foam::RacetrackSourceSpec s;
    s.cathode = rt.get<word>("cathode");
    if (s.cathode == "planar-rect")
    {
        s.targetLengthM = positiveEntry(rt, "targetLength");
        s.targetWidthM = positiveEntry(rt, "targetWidth");
        s.straightLengthM = rt.get<scalar>("straightLength");
        s.trackSeparationM = positiveEntry(rt, "trackSeparation");
    }
    else if (s.cathode == "planar-circular")
    {
        s.targetRadiusM = positiveEntry(rt, "targetRadius");
        s.ringRadiusM = positiveEntry(rt, "ringRadius");
        s.magnetOffsetM = rt.getOrDefault<scalar>("magnetOffset", 0);
    }
    else if (s.cathode == "rotary")
    {
        s.targetLengthM = positiveEntry(rt, "targetLength");
        s.targetRadiusM = positiveEntry(rt, "targetRadius");
        s.straightLengthM = rt.get<scalar>("straightLength");
        s.trackSeparationM = positiveEntry(rt, "trackSeparation");
    }
    else
    {
        FatalIOErrorInFunction(rt)
            << "Entry 'cathode': unknown cathode '" << s.cathode.c_str()
            << "'; valid: planar-rect, planar-circular, rotary"
            << nl << exit(FatalIOError);
    }
    s.targetThicknessM = positiveEntry(rt, "targetThickness");
    s.turnaroundEnhancement = rt.getOrDefault<scalar>("turnaroundEnhancement", 1);
    s.profile = rt.getOrDefault<word>("profile", "gaussian");
    if (s.profile == "gaussian")
    {
        s.sigmaM = positiveEntry(rt, "sigma");
    }
    else if (s.profile == "asymmetric-gaussian")
    {
        s.sigmaInnerM = positiveEntry(rt, "sigmaInner");
        s.sigmaOuterM = positiveEntry(rt, "sigmaOuter");
    }
    else
    {
        FatalIOErrorInFunction(rt)
            << "Entry 'profile': unknown profile '" << s.profile.c_str()
            << "'; valid: gaussian, asymmetric-gaussian"
            << nl << exit(FatalIOError);
    }
    s.ionCurrentA = positiveEntry(rt, "ionCurrent");
    return s;
}

} // End anonymous namespace


// * * * * * * * * * * * * * * * * Constructors  * * * * * * * * * * * * * * //

Foam::sputterSourceSettings::sputterSourceSettings()
:
    ion_("Ar"),
    target_(),
    targetComposition_(),
    targetDensity_(0),
    yieldModel_("auto"),
    angularModel_("yamamura1983"),
    ionEnergy_(0),
    ionFluxModel_("uniform"),
    ionFlux_(0),
    racetrackDict_(),
    origin_(Zero),
    e1_(1, 0, 0),
    e2_(0, 1, 0),
    targetShape_("planar"),
    tubeRadius_(0),
    source_(),
    ionFluxScale_()
{}


Foam::sputterSourceSettings::sputterSourceSettings(const dictionary& dict)
:
    sputterSourceSettings()
{
    magtwin::foam::SputterSourceSpec spec;

    ion_ = dict.getOrDefault<word>("ion", "Ar");
    target_ = dict.get<word>("target");
    targetComposition_ = readCompositionEntry(dict, "targetComposition");
    targetDensity_ =
        dict.found("targetDensity") ? positiveEntry(dict, "targetDensity") : 0;
    yieldModel_ = dict.getOrDefault<word>("yieldModel", "auto");
    angularModel_ = dict.getOrDefault<word>("angularModel", "yamamura1983");
    ionEnergy_ = positiveEntry(dict, "ionEnergy");
    ionFluxModel_ = dict.get<word>("ionFluxModel");

    spec.ion = ion_;
    spec.target = target_;
    spec.targetComposition = targetComposition_;
    spec.targetDensityGPerCm3 = targetDensity_;
    spec.yieldModel = yieldModel_;
    spec.angularModel = angularModel_;
    spec.ionEnergyEv = ionEnergy_;
    spec.ionFluxModel = ionFluxModel_;

    if (ionFluxModel_ == "uniform")
    {
        ionFlux_ = dict.getCheck<scalar>
        (
            "ionFlux",
            [](const scalar x) { return x >= 0; }
        );
        spec.uniformIonFlux = ionFlux_;
    }
    else if (ionFluxModel_ == "racetrack")
    {
        racetrackDict_ = dict.subDict("racetrack");
        spec.racetrack = readRacetrack(racetrackDict_);
    }
    else
    {
        FatalIOErrorInFunction(dict)
            << "Entry 'ionFluxModel': unknown model '" << ionFluxModel_
            << "'; valid: uniform, racetrack"
            << nl << exit(FatalIOError);
    }

    // Target shape: planar face, or a tube (rotary target) about the axis
    // through origin along e1; a rotary racetrack implies the tube and its radius.
    const bool rotaryRacetrack =
        ionFluxModel_ == "racetrack" && spec.racetrack.cathode == "rotary";
    targetShape_ = dict.getOrDefault<word>
    (
        "targetShape",
        rotaryRacetrack ? "tube" : "planar"
    );
    if (rotaryRacetrack != (targetShape_ == "tube") && ionFluxModel_ == "racetrack")
    {
        FatalIOErrorInFunction(dict)
            << "Entry 'targetShape' (" << targetShape_ << ") does not match the"
            << " racetrack cathode '" << spec.racetrack.cathode.c_str()
            << "' (rotary <-> tube)" << nl << exit(FatalIOError);
    }
    if (targetShape_ == "tube")
    {
        tubeRadius_ = rotaryRacetrack
          ? spec.racetrack.targetRadiusM
          : positiveEntry(dict, "tubeRadius");
    }
    else if (targetShape_ != "planar")
    {
        FatalIOErrorInFunction(dict)
            << "Entry 'targetShape': unknown shape '" << targetShape_
            << "'; valid: planar, tube" << nl << exit(FatalIOError);
    }

    origin_ = dict.getOrDefault<vector>("origin", Zero);
    e1_ = dict.get<vector>("e1");
    e2_ = dict.get<vector>("e2");
    if (mag(e1_) < VSMALL || mag(e2_) < VSMALL)
    {
        FatalIOErrorInFunction(dict)
            << "Entries 'e1' and 'e2' must be non-zero vectors"
            << nl << exit(FatalIOError);
    }
    e1_ /= mag(e1_);
    e2_ /= mag(e2_);
    if (mag(e1_ & e2_) > 1e-6)
    {
        FatalIOErrorInFunction(dict)
            << "Entry 'e2' must be orthogonal to 'e1' (e1 & e2 = "
            << (e1_ & e2_) << ")" << nl << exit(FatalIOError);
    }

    if (dict.found("ionFluxScale"))
    {
        ionFluxScale_.reset
        (
            Function1<scalar>::New("ionFluxScale", dict).release()
        );
    }

    try
    {
        source_ = std::make_shared<const magtwin::foam::SputterSource>(spec);
    }
    catch (const std::exception& e)
    {
        FatalIOErrorInFunction(dict)
            << e.what() << nl << exit(FatalIOError);
    }
}


// * * * * * * * * * * * * * * * Member Functions  * * * * * * * * * * * * * //

const magtwin::foam::SputterSource&
Foam::sputterSourceSettings::source() const
{
    if (!source_)
    {
        FatalErrorInFunction
            << "sputter source used before it was read from a dictionary"
            << exit(FatalError);
    }
    return *source_;
}


Foam::scalar Foam::sputterSourceSettings::ionFluxScale(const scalar t) const
{
    return ionFluxScale_ ? ionFluxScale_->value(t) : scalar(1);
}


Foam::scalar Foam::sputterSourceSettings::integratedIonFluxScale
(
    const scalar t0,
    const scalar t1
) const
{
    return ionFluxScale_ ? ionFluxScale_->integrate(t0, t1) : t1 - t0;
}


void Foam::sputterSourceSettings::cathodeCoordinates
(
    const point& p,
    scalar& x,
    scalar& y
) const
{
    const vector r = p - origin_;
    x = r & e1_;
    if (targetShape_ == "tube")
    {
        // Arc length from e2 round the original tube surface (the rotation
        // average does not depend on it; kept for a multiplier map).
        y = tubeRadius_*std::atan2(r & (e1_ ^ e2_), r & e2_);
    }
    else
    {
        y = r & e2_;
    }
}


Foam::vector Foam::sputterSourceSettings::targetNormal(const point& p) const
{
    if (targetShape_ == "tube")
    {
        const vector r = p - origin_;
        const vector radial = r - (r & e1_)*e1_;
        return radial/max(mag(radial), VSMALL);
    }
    return e1_ ^ e2_;
}


Foam::scalar Foam::sputterSourceSettings::areaFactor
(
    const UList<point>& facePoints
) const
{
    if (targetShape_ != "tube" || facePoints.empty())
    {
        return 1;
    }
    scalar meanRadius = 0;
    for (const point& p : facePoints)
    {
        const vector r = p - origin_;
        meanRadius += mag(r - (r & e1_)*e1_);
    }
    meanRadius /= facePoints.size();
    return tubeRadius_/max(meanRadius, VSMALL);
}


Foam::scalar Foam::sputterSourceSettings::depthFromRemovedVolume
(
    const scalar V
) const
{
    if (targetShape_ == "tube")
    {
        // R^2 - (R - d)^2 = 2 R V (the annulus removed per m^2 of original surface)
        const scalar R = tubeRadius_;
        return R - std::sqrt(max(R*R - 2*R*V, scalar(0)));
    }
    return V;
}


Foam::scalar Foam::sputterSourceSettings::removedVolumeFromDepth
(
    const scalar d
) const
{
    if (targetShape_ == "tube")
    {
        const scalar R = tubeRadius_;
        return (R*R - sqr(R - d))/(2*R);
    }
    return d;
}


void Foam::sputterSourceSettings::write(Ostream& os) const
{
    os.writeEntry("ion", ion_);
    os.writeEntry("target", target_);
    writeCompositionEntry(os, "targetComposition", targetComposition_);
    if (targetDensity_ > 0)
    {
        os.writeEntry("targetDensity", targetDensity_);
    }
    os.writeEntry("yieldModel", yieldModel_);
    os.writeEntry("angularModel", angularModel_);
    os.writeEntry("ionEnergy", ionEnergy_);
    os.writeEntry("ionFluxModel", ionFluxModel_);
    if (ionFluxModel_ == "uniform")
    {
        os.writeEntry("ionFlux", ionFlux_);
    }
    else
    {
        racetrackDict_.writeEntry("racetrack", os);
    }
    os.writeEntry("origin", origin_);
    os.writeEntry("e1", e1_);
    os.writeEntry("e2", e2_);
    os.writeEntry("targetShape", targetShape_);
    if (targetShape_ == "tube" && ionFluxModel_ != "racetrack")
    {
        os.writeEntry("tubeRadius", tubeRadius_);
    }
    if (ionFluxScale_)
    {
        ionFluxScale_->writeData(os);
    }
}

// ************************************************************************* //
