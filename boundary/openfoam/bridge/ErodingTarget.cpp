#include "boundary/openfoam/bridge/ErodingTarget.hpp"

#include "boundary/openfoam/bridge/SputterSourceImpl.hpp"
#include "solvers/erosion/ErosionFront.hpp"
#include "solvers/motion/SwingAverage.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {
namespace foam {

namespace {

/// ErosionLife's end-of-life tolerance on the maximum depth (kEndTolerance * 1e-4 m).
constexpr double kEndOfLifeToleranceM = 1e-7;

}  // namespace

ErodingTarget::ErodingTarget(const SputterSource& source, const ErodingTargetSpec& spec) : source_(source) {
    const SputterSource::Impl& impl = *source.impl_;
    if (!impl.racetrack)
        throw std::invalid_argument(
            "the erosion engine needs ionFluxModel racetrack (a uniform flux erodes uniformly)");
    if (!(spec.gridSpacingM > 0.0)) throw std::invalid_argument("erosionGridSpacing must be positive");
    if (!(spec.magnetDistanceM >= 0.0)) throw std::invalid_argument("magnetDistance must be >= 0");
    if (!(spec.narrowingExponent > 0.0)) throw std::invalid_argument("narrowingExponent must be positive");
    if (!(spec.minWidthScale > 0.0 && spec.minWidthScale <= 1.0))
        throw std::invalid_argument("minWidthScale must be in (0, 1]");
    if (!(spec.magnetTravelDwellFraction >= 0.0 && spec.magnetTravelDwellFraction < 1.0))
        throw std::invalid_argument("magnetTravelDwellFraction must be in [0, 1)");
    ErosionSettings s;  // as makeErosionEngine fills it (solvers/chamber/ErosionEngine.cpp)
    s.gridSpacingM = spec.gridSpacingM;
    s.maxDepthIncrementM = spec.maxDepthIncrementM;
    s.cflNumber = spec.cflNumber;
    s.rotaryAngularCells = spec.rotaryAngularCells;
    s.narrowing.magnetDistanceM = spec.magnetDistanceM;
    s.narrowing.exponent = spec.narrowingExponent;
    s.narrowing.minScale = spec.minWidthScale;
    s.grooveRedeposition = spec.grooveRedeposition;
    s.magnetTravelM = spec.magnetTravelM;
    s.magnetTravelSamples = spec.magnetTravelSamples;
    s.magnetTravelWaveform = swingWaveformFromName(spec.magnetTravelWaveform);
    s.magnetTravelDwellFraction = spec.magnetTravelDwellFraction;
    front_ = std::make_unique<ErosionFront>(*impl.racetrack, impl.rate, s);
}

ErodingTarget::ErodingTarget(const ErodingTarget& other)
    : source_(other.source_), front_(std::make_unique<ErosionFront>(*other.front_)) {}

ErodingTarget::~ErodingTarget() = default;

double ErodingTarget::advance(double seconds, double depthLimitM) {
    double done = 0.0;
    while (done < seconds * (1.0 - 1e-12) && !reached(depthLimitM)) {
        const double dt = front_->step(seconds - done, depthLimitM);
        if (!(dt > 0.0)) break;
        done += dt;
    }
    return done;
}

bool ErodingTarget::reached(double depthLimitM) const {
    return front_->maxDepth() >= depthLimitM - kEndOfLifeToleranceM;
}

double ErodingTarget::depthAt(double cathodeX, double cathodeY) const {
    const ErosionGrid& g = front_->grid();
    const std::vector<double>& d = front_->depth();
    const long nu = static_cast<long>(g.nu()), nv = static_cast<long>(g.nv());
    const double fu = std::clamp((cathodeX - g.u(0)) / g.du(), 0.0, static_cast<double>(nu - 1));
    const long i0 = std::min(static_cast<long>(fu), nu - 1), i1 = std::min(i0 + 1, nu - 1);
    const double tu = fu - static_cast<double>(i0);
    long j0 = 0, j1 = 0;
    double tv = 0.0;
    if (nv > 1) {
        double fv;
        if (g.periodicV()) {
            const double phi = cathodeY / g.target().radiusM;
            fv = std::fmod((phi - g.v(0)) / g.dv(), static_cast<double>(nv));
            if (fv < 0) fv += static_cast<double>(nv);
            j0 = std::min(static_cast<long>(fv), nv - 1);
            j1 = (j0 + 1) % nv;
        } else {
            fv = std::clamp((cathodeY - g.v(0)) / g.dv(), 0.0, static_cast<double>(nv - 1));
            j0 = std::min(static_cast<long>(fv), nv - 1);
            j1 = std::min(j0 + 1, nv - 1);
        }
        tv = fv - static_cast<double>(j0);
    }
    auto at = [&](long i, long j) { return d[g.index(static_cast<std::size_t>(i), static_cast<std::size_t>(j))]; };
    return (1 - tv) * ((1 - tu) * at(i0, j0) + tu * at(i1, j0)) + tv * ((1 - tu) * at(i0, j1) + tu * at(i1, j1));
}

double ErodingTarget::maxDepth() const { return front_->maxDepth(); }

double ErodingTarget::time() const { return front_->time(); }

double ErodingTarget::widthScale() const { return front_->widthScale(); }

double ErodingTarget::utilization() const { return front_->erodedVolume() / front_->grid().targetVolume(); }

std::size_t ErodingTarget::cells() const { return front_->grid().size(); }

std::vector<double> ErodingTarget::state() const { return front_->removedVolume(); }

void ErodingTarget::restore(const std::vector<double>& removedVolume, double seconds) {
    front_->restore(removedVolume, seconds);
}

}  // namespace foam
}  // namespace magtwin
