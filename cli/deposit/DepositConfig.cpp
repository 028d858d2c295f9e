#include "deposit/DepositConfig.hpp"

#include "deposit/ConfigReader.hpp"
#include "elements/ElementTable.hpp"

namespace magtwin {

namespace {

double positive(const ConfigNode& n, const std::string& key, QuantityKind d, double fallback) {
    const double v = n.quantity(key, d, fallback);
    if (!(v > 0)) n.fail(key, "must be > 0");
    return v;
}

std::string element(const ConfigNode& n, const std::string& key, const std::string& fallback, bool target) {
    const std::string s = n.text(key, fallback);
    const Element* e = ElementTable::builtin().find(s);
    if (!e || (target && (!e->densityGPerCm3 || !e->surfaceBindingEv))) {
        std::string all;
        for (const auto& t : target ? ElementTable::builtin().targetSymbols() : ElementTable::builtin().symbols())
            all += (all.empty() ? "" : ", ") + t;
        n.fail(key, "expected an element symbol (" + all + "), got \"" + s + "\"");
    }
    return s;
}

RacetrackShape racetrack(const ConfigNode& c, double defaultLoop) {
    RacetrackShape r;
    const ConfigNode t = c.child("racetrack");
    t.allowOnly({"separation", "sigma", "loop_length", "turnaround_enhancement"});
    r.separationM = positive(t, "separation", QuantityKind::Length, r.separationM);
    r.sigmaM = positive(t, "sigma", QuantityKind::Length, r.sigmaM);
    r.loopLengthM = positive(t, "loop_length", QuantityKind::Length, defaultLoop);
    r.turnaroundEnhancement = positive(t, "turnaround_enhancement", QuantityKind::None, 1.0);
    if (r.loopLengthM < r.separationM) t.fail("loop_length", "must be >= separation");
    return r;
}

Eigen::Vector3d point(const ConfigNode& c, const std::string& key) {
    const auto v = c.quantities(key, QuantityKind::Length);
    if (v.size() != 3) c.fail(key, "expected [x, y, z] with lengths, z the height above the substrate");
    if (!(v[2] > 0)) c.fail(key, "z (height above the substrate) must be > 0");
    return {v[0], v[1], v[2]};
}

CathodeGroup cathode(const ConfigNode& c, std::size_t index) {
    CathodeGroup g;
    const std::string type = c.choice("type", {"rotary-array", "planar-rect", "planar-circular"}, "");
    g.name = c.text("name", type + " " + std::to_string(index + 1));
    g.discharge.targetMaterial = element(c, "target", "", true);
    g.discharge.gas = element(c, "gas", "Ar", false);
    g.discharge.voltageV = positive(c, "voltage", QuantityKind::Voltage, 500.0);
    g.discharge.secondaryElectronYield = c.quantity("secondary_electron_yield", QuantityKind::None, 0.1);
    if (g.discharge.secondaryElectronYield < 0) c.fail("secondary_electron_yield", "must be >= 0");
    g.discharge.yieldModel = c.text("yield_model", "auto");
    g.lifeKWh = c.has("life_kWh") ? c.quantity("life_kWh", QuantityKind::None) : -1.0;
    if (c.has("life_kWh") && g.lifeKWh < 0) c.fail("life_kWh", "must be >= 0");
    g.powerW = c.quantity("power", QuantityKind::Power);
    if (!(g.powerW >= 0)) c.fail("power", "must be >= 0");
    if (c.has("power_trims")) g.powerTrims = c.quantities("power_trims", QuantityKind::None);
    if (type == "rotary-array") {
        c.allowOnly({"type", "name", "target", "gas", "voltage", "secondary_electron_yield", "yield_model", "power",
                     "power_trims", "life_kWh", "count", "pitch", "centre_x", "centre_y", "axis_height", "outer_radius", "length",
                     "axial_pitch", "angular_pitch", "racetrack", "wobble_amplitude"});
        g.type = CathodeGroup::Type::RotaryArray;
        g.count = int(c.integer("count", 1, 1));
        g.pitchM = positive(c, "pitch", QuantityKind::Length, 0.25);
        g.tube.axisX = c.quantity("centre_x", QuantityKind::Length, 0.0);
        g.tube.centreY = c.quantity("centre_y", QuantityKind::Length, 0.0);
        g.tube.axisZ = positive(c, "axis_height", QuantityKind::Length, g.tube.axisZ);
        g.tube.outerRadiusM = positive(c, "outer_radius", QuantityKind::Length, g.tube.outerRadiusM);
        g.tube.lengthM = positive(c, "length", QuantityKind::Length, g.tube.lengthM);
        g.tube.axialPitchM = positive(c, "axial_pitch", QuantityKind::Length, g.tube.axialPitchM);
        g.tube.angularPitchRad = positive(c, "angular_pitch", QuantityKind::Angle, g.tube.angularPitchRad);
        g.tube.wobbleAmplitudeRad = c.quantity("wobble_amplitude", QuantityKind::Angle, 0.0);
        if (g.tube.wobbleAmplitudeRad < 0 || g.tube.wobbleAmplitudeRad > 1.0)
            c.fail("wobble_amplitude", "must be between 0 and 57 deg");
        g.tube.track = racetrack(c, g.tube.lengthM - 0.1);
        if (g.tube.axisZ <= g.tube.outerRadiusM) c.fail("axis_height", "must exceed outer_radius (tube above the substrate)");
        if (g.tube.track.loopLengthM > g.tube.lengthM) c.fail("racetrack", "loop_length longer than the tube");
        if (g.count > 1 && g.pitchM < 2 * g.tube.outerRadiusM) c.fail("pitch", "tubes overlap (pitch < tube diameter)");
    } else if (type == "planar-rect") {
        c.allowOnly({"type", "name", "target", "gas", "voltage", "secondary_electron_yield", "yield_model", "power",
                     "power_trims", "centre", "length", "width", "element_pitch", "racetrack", "count", "pitch",
                     "wobble_amplitude"});
        g.type = CathodeGroup::Type::PlanarRect;
        g.count = int(c.integer("count", 1, 1));
        g.pitchM = positive(c, "pitch", QuantityKind::Length, 0.3);
        g.rect.centre = point(c, "centre");
        g.rect.lengthM = positive(c, "length", QuantityKind::Length, g.rect.lengthM);
        g.rect.widthM = positive(c, "width", QuantityKind::Length, g.rect.widthM);
        g.rect.pitchM = positive(c, "element_pitch", QuantityKind::Length, g.rect.pitchM);
        g.rect.wobbleAmplitudeM = c.quantity("wobble_amplitude", QuantityKind::Length, 0.0);
        if (g.rect.wobbleAmplitudeM < 0) c.fail("wobble_amplitude", "must be >= 0");
        g.rect.track = racetrack(c, g.rect.lengthM - 0.05);
        if (g.rect.track.loopLengthM > g.rect.lengthM ||
            g.rect.track.separationM + 2 * g.rect.wobbleAmplitudeM > g.rect.widthM)
            c.fail("racetrack", "the racetrack lies outside the target");
        if (g.count > 1 && g.pitchM < g.rect.widthM) c.fail("pitch", "targets overlap (pitch < width)");
    } else {
        c.allowOnly({"type", "name", "target", "gas", "voltage", "secondary_electron_yield", "yield_model", "power",
                     "power_trims", "centre", "radius", "track_radius", "track_sigma", "element_pitch"});
        g.type = CathodeGroup::Type::PlanarCircular;
        g.circular.centre = point(c, "centre");
        g.circular.radiusM = positive(c, "radius", QuantityKind::Length, g.circular.radiusM);
        g.circular.trackRadiusM = c.quantity("track_radius", QuantityKind::Length, g.circular.trackRadiusM);
        g.circular.sigmaM = positive(c, "track_sigma", QuantityKind::Length, g.circular.sigmaM);
        g.circular.pitchM = positive(c, "element_pitch", QuantityKind::Length, g.circular.pitchM);
        if (!(g.circular.trackRadiusM >= 0 && g.circular.trackRadiusM < g.circular.radiusM))
            c.fail("track_radius", "the racetrack lies outside the target (need 0 <= track_radius < radius)");
    }
    if (!g.powerTrims.empty() && int(g.powerTrims.size()) != g.cathodeCount())
        c.fail("power_trims", "expected " + std::to_string(g.cathodeCount()) + " values (one per cathode)");
    return g;
}

}  // namespace

DepositCase readDepositConfig(const std::string& path) {
    const ConfigNode root = ConfigNode::load(path);
    root.allowOnly({"substrate", "motion", "film", "emission", "optimise", "gas", "cathodes"});
    DepositCase c;
    c.file = path;

    const ConfigNode s = root.child("substrate");
    s.allowOnly({"kind", "size_x", "size_y", "diameter", "pitch", "edge_exclusion", "centre_x", "centre_y"});
    c.substrateName = s.choice("kind", {"glass", "wafer"}, "glass");
    c.substrate = c.substrateName == "wafer" ? Substrate::wafer300mm() : Substrate::gen10_5Glass();
    if (c.substrateName == "wafer") {
        c.substrate.sizeXM = c.substrate.sizeYM = positive(s, "diameter", QuantityKind::Length, 0.300);
    } else {
        c.substrate.sizeXM = positive(s, "size_x", QuantityKind::Length, c.substrate.sizeXM);
        c.substrate.sizeYM = positive(s, "size_y", QuantityKind::Length, c.substrate.sizeYM);
    }
    c.substrate.pitchM = positive(s, "pitch", QuantityKind::Length, c.substrate.pitchM);
    c.substrate.edgeExclusionM = s.quantity("edge_exclusion", QuantityKind::Length, c.substrate.edgeExclusionM);
    c.substrate.centreXM = s.quantity("centre_x", QuantityKind::Length, 0.0);
    c.substrate.centreYM = s.quantity("centre_y", QuantityKind::Length, 0.0);
    if (c.substrate.edgeExclusionM < 0 ||
        2 * c.substrate.edgeExclusionM >= std::min(c.substrate.sizeXM, c.substrate.sizeYM))
        s.fail("edge_exclusion", "must be >= 0 and leave part of the substrate");
    if (c.substrate.pitchM * 4 > std::min(c.substrate.sizeXM, c.substrate.sizeYM))
        s.fail("pitch", "too coarse for the substrate (need at least 5 points across)");

    if (root.has("motion")) {
        const ConfigNode m = root.child("motion");
        m.allowOnly({"kind", "time", "speed", "passes"});
        const std::string kind = m.choice("kind", {"static", "scan", "rotation"}, "static");
        c.motion.kind = kind == "scan" ? SubstrateMotion::Kind::InlineScan
                        : kind == "rotation" ? SubstrateMotion::Kind::WaferRotation
                                             : SubstrateMotion::Kind::Static;
        c.motion.timeS = positive(m, "time", QuantityKind::Time, c.motion.timeS);
        c.motion.scanSpeedMS = positive(m, "speed", QuantityKind::Speed, c.motion.scanSpeedMS);
        c.motion.passes = int(m.integer("passes", 1, 1));
        if (kind == "rotation" && c.substrateName != "wafer") m.fail("kind", "rotation needs substrate kind: wafer");
    }
    if (root.has("emission")) {
        const ConfigNode e = root.child("emission");
        e.allowOnly({"angular", "cos_exponent"});
        c.angular = e.choice("angular", {"cosine", "cosn", "yamamura1981"}, "cosine");
        c.angularParams.cosExponent = positive(e, "cos_exponent", QuantityKind::None, 1.0);
    }
    if (root.has("optimise")) {
        const ConfigNode o = root.child("optimise");
        o.allowOnly({"power_trims", "min_trim", "max_trim"});
        c.optimiseTrims = o.choice("power_trims", {"true", "false"}, "false") == "true";
        c.minTrim = positive(o, "min_trim", QuantityKind::None, 0.5);
        c.maxTrim = positive(o, "max_trim", QuantityKind::None, 1.5);
        if (c.minTrim > 1 || c.maxTrim < 1) o.fail("min_trim", "need min_trim <= 1 <= max_trim");
    }
    if (root.has("gas")) {
        const ConfigNode gs = root.child("gas");
        gs.allowOnly({"pressure", "temperature", "histories", "seed"});
        c.pressurePa = gs.quantity("pressure", QuantityKind::Pressure, 0.0);
        if (c.pressurePa < 0) gs.fail("pressure", "must be >= 0");
        c.gasTemperatureK = positive(gs, "temperature", QuantityKind::Temperature, 300.0);
        c.histories = gs.integer("histories", c.histories, 1000);
        c.seed = gs.integer("seed", c.seed, 0);
    }
    const auto list = root.list("cathodes");
    for (std::size_t i = 0; i < list.size(); ++i) c.cathodes.push_back(cathode(list[i], i));

    const std::string firstTarget = c.cathodes.front().discharge.targetMaterial;
    if (root.has("film")) {
        const ConfigNode f = root.child("film");
        f.allowOnly({"material", "sticking", "uniformity_target"});
        c.filmMaterial = element(f, "material", firstTarget, true);
        c.sticking = f.quantity("sticking", QuantityKind::Fraction, 1.0);
        if (!(c.sticking > 0 && c.sticking <= 1)) f.fail("sticking", "must be in (0, 1]");
        c.uniformityTargetPct = 100 * f.quantity("uniformity_target", QuantityKind::Fraction, 0.03);
        if (!(c.uniformityTargetPct > 0)) f.fail("uniformity_target", "must be > 0");
    } else {
        c.filmMaterial = firstTarget;
    }
    return c;
}

}  // namespace magtwin
