#include "boundary/openfoam/bridge/SputterSource.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/openfoam/bridge/BridgeMaterial.hpp"
#include "boundary/openfoam/bridge/SputterSourceImpl.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "solvers/erosion/ErosionRate.hpp"
#include "boundary/racetrack/IonSupply.hpp"
#include "boundary/racetrack/RacetrackFlux.hpp"
#include "boundary/racetrack/TrackProfile.hpp"
#include "boundary/yield/SputterYield.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace magtwin {
namespace foam {

namespace {

std::unique_ptr<RacetrackFlux> makeRacetrack(const RacetrackSourceSpec& s) {
    TargetGeometry target;
    target.kind = cathodeKindFromName(s.cathode);
    target.lengthM = s.targetLengthM;
    target.widthM = s.targetWidthM;
    target.radiusM = s.targetRadiusM;
    target.thicknessM = s.targetThicknessM;
    RacetrackSpec track;
    track.straightLengthM = s.straightLengthM;
    track.trackSeparationM = s.trackSeparationM;
    track.turnaroundEnhancement = s.turnaroundEnhancement;
    track.ringRadiusM = s.ringRadiusM;
    track.magnetOffsetM = s.magnetOffsetM;
    TrackProfileSpec profile;
    profile.shape = s.profile;
    profile.sigmaM = s.sigmaM;
    profile.sigmaInnerM = s.sigmaInnerM;
    profile.sigmaOuterM = s.sigmaOuterM;
    if (!(s.ionCurrentA > 0.0)) throw std::invalid_argument("racetrack ionCurrent must be positive");
    return std::make_unique<RacetrackFlux>(target, track, makeTrackProfile(profile),
                                           s.ionCurrentA / kElementaryCharge);
}

}  // namespace

std::vector<std::string> SputterSource::ionFluxModels() { return {"uniform", "racetrack"}; }

SputterSource::SputterSource(const SputterSourceSpec& spec) {
    const ElementTable& table = ElementTable::builtin();
    const Element& ion = table.get(spec.ion);
    Material target = resolveMaterial(spec.target, spec.targetComposition, spec.targetDensityGPerCm3,
                                      {"target", "targetComposition", "targetDensity"});
    if (!(spec.ionEnergyEv > 0.0)) throw std::invalid_argument("ion energy must be positive");
    impl_ = std::make_unique<Impl>(spec, ion, std::move(target));
    if (spec.ionFluxModel == "uniform") {
        if (!(spec.uniformIonFlux >= 0.0)) throw std::invalid_argument("uniform ion flux must be >= 0");
        impl_->uniformIonFlux = spec.uniformIonFlux;
    } else if (spec.ionFluxModel == "racetrack") {
        impl_->racetrack = makeRacetrack(spec.racetrack);
        impl_->racetrackAtScale =
            std::make_unique<RacetrackFlux::AtScale>(impl_->racetrack->atScale(1.0));
    } else {
        throw std::invalid_argument("unknown ion flux model '" + spec.ionFluxModel +
                                    "'; valid: uniform, racetrack");
    }
}

SputterSource::~SputterSource() = default;

double SputterSource::ionFlux(double cathodeX, double cathodeY) const {
    if (!impl_->racetrackAtScale) return impl_->uniformIonFlux;
    return impl_->racetrackAtScale->fluxDensity(Eigen::Vector2d(cathodeX, cathodeY));
}

double SputterSource::emissionIonFlux(double cathodeX, double cathodeY) const {
    if (impl_->racetrackAtScale && impl_->racetrack->kind() == CathodeKind::Rotary) {
        return impl_->racetrackAtScale->labFluxDensity(Eigen::Vector2d(cathodeX, cathodeY));
    }
    return ionFlux(cathodeX, cathodeY);
}

double SputterSource::yield(double thetaRad) const { return impl_->rate.yieldAt(thetaRad); }

double SputterSource::sputteredFlux(double cathodeX, double cathodeY, double cosTheta) const {
    if (cosTheta <= 0.0) return 0.0;  // a face turned away from the ions receives none
    const double theta = std::acos(std::min(1.0, cosTheta));
    return emissionIonFlux(cathodeX, cathodeY) * yield(theta) * cosTheta;
}

double SputterSource::recessionSpeed(double cathodeX, double cathodeY, double cosTheta) const {
    const double theta = std::acos(std::clamp(cosTheta, 0.0, 1.0));
    return impl_->rate.recessionSpeed(ionFlux(cathodeX, cathodeY), theta);
}

double SputterSource::targetAtomicDensity() const { return impl_->rate.atomicDensityPerM3(); }

double SputterSource::targetMeanAtomMassKg() const {
    return impl_->material.meanMassAmu() * kAtomicMassUnitKg;
}

std::vector<std::pair<std::string, double>> SputterSource::targetComponents() const {
    std::vector<std::pair<std::string, double>> out;
    for (const MaterialComponent& c : impl_->material.components) out.emplace_back(c.symbol, c.atomFraction);
    return out;
}

std::string SputterSource::yieldModelName() const { return impl_->yield.energyModel().name(); }

}  // namespace foam
}  // namespace magtwin
