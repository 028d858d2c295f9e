#include "solvers/chamber/ErosionEngine.hpp"

#include "boundary/elements/ElementTable.hpp"

#include <cstdio>

namespace magtwin {

namespace {

std::string mm(double m) {
    char b[32];
    std::snprintf(b, sizeof b, "%.6g mm", m * 1e3);
    return b;
}

/// Everything but the front; `full` false stops before the objects that cost time.
void build(ErosionEngine& e, const CathodeSpec& c, const ErosionEngineSettings& s) {
    if (!(s.minRemainingThicknessM >= 0 && s.minRemainingThicknessM < c.target.thicknessM))
        throw CathodeSpecError(
            "erosion.min_remaining_thickness",
            "must be >= 0 and below the target thickness of cathode " + c.name + " (" + mm(c.target.thicknessM) + ")");
    if (!(s.maxDepthIncrementM > 0)) throw CathodeSpecError("erosion.max_depth_increment", "must be > 0");
    if (s.gridSpacingM && !(*s.gridSpacingM > 0)) throw CathodeSpecError("erosion.grid_spacing", "must be > 0");
    if (s.angularCells < 0) throw CathodeSpecError("erosion.angular_cells", "must be >= 0");
    const ElementTable& t = ElementTable::builtin();
    const Element& gas = t.get(c.discharge.gas);
    const Material& material = c.target.material;
    DischargeOperatingPoint op;
    op.voltageV = c.discharge.voltageV;
    op.currentA = c.discharge.currentA;
    op.powerW = c.discharge.powerW.value_or(0.0);
    op.secondaryElectronYield = c.discharge.gammaSE;
    try {
        e.supply = ionSupplyFrom(op, gas, material);
    } catch (const std::invalid_argument& ex) {
        throw CathodeSpecError("discharge", ex.what());
    }
    e.operating = operatingPoint(e.supply, c.discharge, c.target.material);  // what erode and deposit state
    try {
        e.yield = std::make_unique<SputterYield>(c.discharge.yieldModel, s.angular, gas, material);
    } catch (const std::invalid_argument& ex) {
        throw CathodeSpecError("erosion.angular", ex.what());  // the yield model itself passed operatingPoint
    }
    e.rate = std::make_unique<ErosionRate>(*e.yield, e.supply.ionEnergyEv, material.atomicDensityPerM3());
    TargetGeometry geometry = c.geometry;
    geometry.kind = c.kind;
    geometry.thicknessM = c.target.thicknessM;
    try {
        e.flux = std::make_unique<RacetrackFlux>(geometry, c.magnets.track, makeTrackProfile(c.magnets.profile),
                                                 e.supply.ionsPerSecond);
    } catch (const std::invalid_argument& ex) {
        // Point at the key that places the loop: ring radius, or the straight/separation.
        const std::string what = ex.what();
        const std::string key = c.kind == CathodeKind::PlanarCircular                ? "ring_radius"
                                : what.find("along the length") != std::string::npos ? "straight_length"
                                                                                     : "track_separation";
        throw CathodeSpecError("magnets.racetrack." + key, what);
    }
    ErosionSettings& f = e.settings;
    f.gridSpacingM = s.gridSpacingM.value_or(c.meshPitchM);
    f.maxDepthIncrementM = s.maxDepthIncrementM;
    f.rotaryAngularCells = s.angularCells;
    f.narrowing.magnetDistanceM = c.target.magnetDistanceM;
    f.narrowing.exponent = c.magnets.narrowingExponent;
    f.grooveRedeposition = c.target.grooveRedeposition;
    const auto map = c.target.multiplierMap;
    const auto state = c.target.stateYieldFactor;
    if (map && state)
        f.yieldMultiplier = [map, state](const Eigen::Vector2d& p) { return state(p) * (*map)(p); };
    else if (map)
        f.yieldMultiplier = [map](const Eigen::Vector2d& p) { return (*map)(p); };
    else if (state)
        f.yieldMultiplier = state;
    if (c.kind == CathodeKind::PlanarRect) {
        f.magnetTravelM = c.magnets.motion.wobbleTravelM;  // the erosion engine's time average across the width
        f.magnetTravelSamples = c.magnets.motion.wobbleSamples;
        f.magnetTravelWaveform = c.magnets.motion.waveform;
        f.magnetTravelDwellFraction = c.magnets.motion.dwellFraction;
    }
    e.life.minRemainingThicknessM = s.minRemainingThicknessM;
    e.life.lifeLimitKWh = s.lifeLimitKWh;
    e.life.outputLifeKWh = s.outputLifeKWh;
}

}  // namespace

LifeResult ErosionEngine::runToEndOfLife(const LifeProgress& progress, bool snapshots) const {
    ErosionFront copy = *front;
    LifeSettings l = life;
    l.snapshots = snapshots;
    return magtwin::runToEndOfLife(copy, powerW(), l, progress);
}

std::unique_ptr<ErosionEngine> makeErosionEngine(const CathodeSpec& cathode, const ErosionEngineSettings& settings) {
    auto e = std::make_unique<ErosionEngine>();
    build(*e, cathode, settings);
    try {
        e->front = std::make_unique<ErosionFront>(*e->flux, *e->rate, e->settings);
    } catch (const CathodeSpecError&) {
        throw;
    } catch (const std::invalid_argument& ex) {
        throw CathodeSpecError("erosion", std::string("cathode ") + cathode.name + ": " + ex.what());
    }
    return e;
}

void checkErosionEngine(const CathodeSpec& cathode, const ErosionEngineSettings& settings) {
    ErosionEngine e;
    build(e, cathode, settings);
}

bool rotaryWobbleIgnoredByErosion(const CathodeSpec& c) {
    return c.kind == CathodeKind::Rotary && c.magnets.motion.wobbleAmplitudeRad > 0;
}

}  // namespace magtwin
