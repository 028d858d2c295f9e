#include "deposit/DepositConfig.hpp"

#include "config/ConfigReader.hpp"
#include "elements/ElementTable.hpp"
#include "deposition/GasAttenuationModel.hpp"

#include <algorithm>

namespace magtwin {

namespace {

constexpr double kJoulePerKWh = 3.6e6;  // exact

/// Default fast gas model: the Mo-in-Ar calibration (GasAttenuationModel.hpp).
constexpr GasModelParameters kDefaultGasCalibration = kMoInArGasModel;

double positive(const ConfigSection& n, const std::string& key, Dimension d, double fallback) {
    const double v = n.quantityOr(key, d, fallback);
    if (!(v > 0)) n.fail(key, "must be > 0");
    return v;
}

double positiveNumber(const ConfigSection& n, const std::string& key, double fallback) {
    const double v = n.numberOr(key, fallback);
    if (!(v > 0)) n.fail(key, "must be > 0");
    return v;
}

int integerAtLeast(const ConfigSection& n, const std::string& key, int fallback, int minimum) {
    const int v = n.integerOr(key, fallback);
    if (v < minimum) n.fail(key, "expected an integer >= " + std::to_string(minimum) + ", got " + std::to_string(v));
    return v;
}

std::string element(const ConfigSection& n, const std::string& key, const std::string& fallback, bool target) {
    const std::string s = n.textOr(key, fallback);
    const Element* e = ElementTable::builtin().find(s);
    if (!e || (target && (!e->densityGPerCm3 || !e->surfaceBindingEv))) {
        std::string all;
        for (const auto& t : target ? ElementTable::builtin().targetSymbols() : ElementTable::builtin().symbols())
            all += (all.empty() ? "" : ", ") + t;
        n.fail(key, "expected an element symbol (" + all + "), got \"" + s + "\"");
    }
    return s;
}

RacetrackShape racetrack(const ConfigSection& c, double defaultLoop) {
    RacetrackShape r;
    const ConfigSection t = c.section("racetrack");
    r.separationM = positive(t, "separation", Dimension::Length, r.separationM);
    r.sigmaM = positive(t, "sigma", Dimension::Length, r.sigmaM);
    r.loopLengthM = positive(t, "loop_length", Dimension::Length, defaultLoop);
    r.turnaroundEnhancement = positiveNumber(t, "turnaround_enhancement", 1.0);
    t.rejectUnknownKeysHere();
    if (r.loopLengthM < r.separationM) t.fail("loop_length", "must be >= separation");
    return r;
}

Eigen::Vector3d point(const ConfigSection& c, const std::string& key) {
    const auto v = c.quantityList(key, Dimension::Length);
    if (v.size() != 3) c.fail(key, "expected [x, y, z] with lengths, z the height above the substrate");
    if (!(v[2] > 0)) c.fail(key, "z (height above the substrate) must be > 0");
    return {v[0], v[1], v[2]};
}

CathodeGroup cathode(const ConfigSection& c, std::size_t index) {
    CathodeGroup g;
    const std::string type = c.choice("type", {"rotary-array", "planar-rect", "planar-circular"}, "");
    g.name = c.textOr("name", type + " " + std::to_string(index + 1));
    g.discharge.targetMaterial = element(c, "target", "", true);
    g.discharge.gas = element(c, "gas", "Ar", false);
    g.discharge.voltageV = positive(c, "voltage", Dimension::Voltage, 500.0);
    g.discharge.secondaryElectronYield = c.numberOr("secondary_electron_yield", 0.1);
    if (g.discharge.secondaryElectronYield < 0) c.fail("secondary_electron_yield", "must be >= 0");
    g.discharge.yieldModel = c.textOr("yield_model", "auto");
    g.powerW = c.quantity("power", Dimension::Power);
    if (!(g.powerW >= 0)) c.fail("power", "must be >= 0");
    g.powerTrims = c.numberList("power_trims");
    const auto lifeJ = c.optionalQuantity("life", Dimension::Energy);  // life_kWh: 500 or life: 500 kWh
    if (lifeJ && *lifeJ < 0) c.fail("life_kWh", "must be >= 0");
    g.lifeKWh = lifeJ ? *lifeJ / kJoulePerKWh : -1.0;
    g.targetThicknessM = c.quantityOr("target_thickness", Dimension::Length, 0.0);
    if (g.targetThicknessM < 0) c.fail("target_thickness", "must be > 0");
    g.magnetDistanceM = c.quantityOr("magnet_distance", Dimension::Length, 0.0);
    if (g.magnetDistanceM != 0 && g.magnetDistanceM <= g.targetThicknessM)
        c.fail("magnet_distance", "must exceed target_thickness (the magnets sit behind the target)");
    if (type == "rotary-array") {
        g.type = CathodeGroup::Type::RotaryArray;
        if (g.targetThicknessM >= c.quantityOr("outer_radius", Dimension::Length, g.tube.outerRadiusM))
            c.fail("target_thickness", "must be less than outer_radius");
        g.count = integerAtLeast(c, "count", 1, 1);
        g.pitchM = positive(c, "pitch", Dimension::Length, 0.25);
        g.tube.axisX = c.quantityOr("centre_x", Dimension::Length, 0.0);
        g.tube.centreY = c.quantityOr("centre_y", Dimension::Length, 0.0);
        g.tube.axisZ = positive(c, "axis_height", Dimension::Length, g.tube.axisZ);
        g.tube.outerRadiusM = positive(c, "outer_radius", Dimension::Length, g.tube.outerRadiusM);
        g.tube.lengthM = positive(c, "length", Dimension::Length, g.tube.lengthM);
        g.tube.axialPitchM = positive(c, "axial_pitch", Dimension::Length, g.tube.axialPitchM);
        g.tube.angularPitchRad = positive(c, "angular_pitch", Dimension::Angle, g.tube.angularPitchRad);
        g.tube.wobbleAmplitudeRad = c.quantityOr("wobble_amplitude", Dimension::Angle, 0.0);
        if (g.tube.wobbleAmplitudeRad < 0 || g.tube.wobbleAmplitudeRad > 1.0)
            c.fail("wobble_amplitude", "must be between 0 and 57 deg");
        g.tube.track = racetrack(c, g.tube.lengthM - 0.1);
        c.rejectUnknownKeysHere();
        if (g.tube.axisZ <= g.tube.outerRadiusM) c.fail("axis_height", "must exceed outer_radius (tube above the substrate)");
        if (g.tube.track.loopLengthM > g.tube.lengthM) c.fail("racetrack", "loop_length longer than the tube");
        if (g.count > 1 && g.pitchM < 2 * g.tube.outerRadiusM) c.fail("pitch", "tubes overlap (pitch < tube diameter)");
    } else if (type == "planar-rect") {
        g.type = CathodeGroup::Type::PlanarRect;
        g.count = integerAtLeast(c, "count", 1, 1);
        g.pitchM = positive(c, "pitch", Dimension::Length, 0.3);
        g.rect.centre = point(c, "centre");
        g.rect.lengthM = positive(c, "length", Dimension::Length, g.rect.lengthM);
        g.rect.widthM = positive(c, "width", Dimension::Length, g.rect.widthM);
        g.rect.pitchM = positive(c, "element_pitch", Dimension::Length, g.rect.pitchM);
        g.rect.wobbleAmplitudeM = c.quantityOr("wobble_amplitude", Dimension::Length, 0.0);
        if (g.rect.wobbleAmplitudeM < 0) c.fail("wobble_amplitude", "must be >= 0");
        g.rect.track = racetrack(c, g.rect.lengthM - 0.05);
        c.rejectUnknownKeysHere();
        if (g.rect.track.loopLengthM > g.rect.lengthM ||
            g.rect.track.separationM + 2 * g.rect.wobbleAmplitudeM > g.rect.widthM)
            c.fail("racetrack", "the racetrack lies outside the target");
        if (g.count > 1 && g.pitchM < g.rect.widthM) c.fail("pitch", "targets overlap (pitch < width)");
    } else {
        g.type = CathodeGroup::Type::PlanarCircular;
        g.circular.centre = point(c, "centre");
        g.circular.radiusM = positive(c, "radius", Dimension::Length, g.circular.radiusM);
        g.circular.trackRadiusM = c.quantityOr("track_radius", Dimension::Length, g.circular.trackRadiusM);
        g.circular.sigmaM = positive(c, "track_sigma", Dimension::Length, g.circular.sigmaM);
        g.circular.pitchM = positive(c, "element_pitch", Dimension::Length, g.circular.pitchM);
        c.rejectUnknownKeysHere();
        if (!(g.circular.trackRadiusM >= 0 && g.circular.trackRadiusM < g.circular.radiusM))
            c.fail("track_radius", "the racetrack lies outside the target (need 0 <= track_radius < radius)");
    }
    if (!g.powerTrims.empty() && int(g.powerTrims.size()) != g.cathodeCount())
        c.fail("power_trims", "expected " + std::to_string(g.cathodeCount()) + " values (one per cathode)");
    return g;
}

}  // namespace

DepositCase readDepositConfig(const std::string& path) {
    const ConfigSection root = ConfigSection::loadFile(path);
    DepositCase c;
    c.file = path;

    const ConfigSection s = root.section("substrate");
    c.substrateName = s.choice("kind", {"glass", "wafer"}, "glass");
    c.substrate = c.substrateName == "wafer" ? Substrate::wafer300mm() : Substrate::gen10_5Glass();
    if (c.substrateName == "wafer") {
        c.substrate.sizeXM = c.substrate.sizeYM = positive(s, "diameter", Dimension::Length, 0.300);
    } else {
        c.substrate.sizeXM = positive(s, "size_x", Dimension::Length, c.substrate.sizeXM);
        c.substrate.sizeYM = positive(s, "size_y", Dimension::Length, c.substrate.sizeYM);
    }
    c.substrate.pitchM = positive(s, "pitch", Dimension::Length, c.substrate.pitchM);
    c.substrate.edgeExclusionM = s.quantityOr("edge_exclusion", Dimension::Length, c.substrate.edgeExclusionM);
    c.substrate.centreXM = s.quantityOr("centre_x", Dimension::Length, 0.0);
    c.substrate.centreYM = s.quantityOr("centre_y", Dimension::Length, 0.0);
    s.rejectUnknownKeysHere();
    if (c.substrate.edgeExclusionM < 0 ||
        2 * c.substrate.edgeExclusionM >= std::min(c.substrate.sizeXM, c.substrate.sizeYM))
        s.fail("edge_exclusion", "must be >= 0 and leave part of the substrate");
    if (c.substrate.pitchM * 4 > std::min(c.substrate.sizeXM, c.substrate.sizeYM))
        s.fail("pitch", "too coarse for the substrate (need at least 5 points across)");

    if (const auto m = root.optionalSection("motion")) {
        const std::string kind = m->choice("kind", {"static", "scan", "rotation"}, "static");
        c.motion.kind = kind == "scan" ? SubstrateMotion::Kind::InlineScan
                        : kind == "rotation" ? SubstrateMotion::Kind::WaferRotation
                                             : SubstrateMotion::Kind::Static;
        c.motion.timeS = positive(*m, "time", Dimension::Time, c.motion.timeS);
        c.motion.scanSpeedMS = positive(*m, "speed", Dimension::Speed, c.motion.scanSpeedMS);
        c.motion.passes = integerAtLeast(*m, "passes", 1, 1);
        m->rejectUnknownKeysHere();
        if (kind == "rotation" && c.substrateName != "wafer") m->fail("kind", "rotation needs substrate kind: wafer");
    }
    if (const auto e = root.optionalSection("emission")) {
        c.angular = e->choice("angular", {"cosine", "cosn", "yamamura1981"}, "cosine");
        c.angularParams.cosExponent = positiveNumber(*e, "cos_exponent", 1.0);
    }
    if (const auto o = root.optionalSection("optimise")) {
        c.optimiseTrims = o->choice("power_trims", {"true", "false"}, "false") == "true";
        c.minTrim = positiveNumber(*o, "min_trim", 0.5);
        c.maxTrim = positiveNumber(*o, "max_trim", 1.5);
        c.wobbleCandidatesRad = o->quantityList("wobble_amplitudes", Dimension::Angle);
        for (double a : c.wobbleCandidatesRad)
            if (a < 0 || a > 1.0) o->fail("wobble_amplitudes", "each must be between 0 and 57 deg");
        o->rejectUnknownKeysHere();
        if (c.minTrim > 1 || c.maxTrim < 1) o->fail("min_trim", "need min_trim <= 1 <= max_trim");
    }
    c.gasSigmaEffM2 = kDefaultGasCalibration.sigmaEffM2;
    c.gasEta = kDefaultGasCalibration.eta;
    c.gasThermalisationColumnPerM2 = kDefaultGasCalibration.thermalisationColumnPerM2;
    if (const auto gs = root.optionalSection("gas")) {
        c.pressurePa = gs->quantityOr("pressure", Dimension::Pressure, 0.0);
        if (c.pressurePa < 0) gs->fail("pressure", "must be >= 0");
        c.gasTemperatureK = positive(*gs, "temperature", Dimension::Temperature, 300.0);
        c.gasSigmaEffM2 = positiveNumber(*gs, "sigma_eff_m2", kDefaultGasCalibration.sigmaEffM2);
        c.gasEta = gs->numberOr("eta", kDefaultGasCalibration.eta);
        if (!(c.gasEta >= 0 && c.gasEta <= 1)) gs->fail("eta", "must be between 0 and 1");
        c.gasThermalisationColumnPerM2 = gs->numberOr("thermalisation_column_per_m2",
                                                      kDefaultGasCalibration.thermalisationColumnPerM2);
        if (!(c.gasThermalisationColumnPerM2 >= 0)) gs->fail("thermalisation_column_per_m2", "must be >= 0");
        c.histories = integerAtLeast(*gs, "histories", int(c.histories), 1000);
        c.seed = integerAtLeast(*gs, "seed", int(c.seed), 0);
    }
    const auto list = root.sectionList("cathodes");
    for (std::size_t i = 0; i < list.size(); ++i) c.cathodes.push_back(cathode(list[i], i));
    if (!c.wobbleCandidatesRad.empty()) {
        if (!c.optimiseTrims) root.section("optimise").fail("wobble_amplitudes", "needs power_trims: true");
        if (std::none_of(c.cathodes.begin(), c.cathodes.end(),
                         [](const CathodeGroup& g) { return g.type == CathodeGroup::Type::RotaryArray; }))
            root.section("optimise").fail("wobble_amplitudes", "needs a rotary-array cathode group");
    }

    const std::string firstTarget = c.cathodes.front().discharge.targetMaterial;
    c.filmMaterial = firstTarget;
    if (const auto f = root.optionalSection("film")) {
        c.filmMaterial = element(*f, "material", firstTarget, true);
        c.sticking = f->quantityOr("sticking", Dimension::Fraction, 1.0);
        if (!(c.sticking > 0 && c.sticking <= 1)) f->fail("sticking", "must be in (0, 1]");
        c.uniformityTargetPct = 100 * f->quantityOr("uniformity_target", Dimension::Fraction, 0.03);
        if (!(c.uniformityTargetPct > 0)) f->fail("uniformity_target", "must be > 0");
    }
    root.rejectUnknownKeys();
    return c;
}

}  // namespace magtwin
