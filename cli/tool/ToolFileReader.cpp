// loadToolFile: a tool file (ToolSchema) -> ToolFile, SI, defaults resolved, checked.
#include "cli/config/Units.hpp"
#include "cli/tool/ToolAlongTrack.hpp"
#include "cli/tool/ToolFile.hpp"
#include "cli/tool/ToolGeometryChecks.hpp"
#include "cli/tool/ToolRunSettings.hpp"
#include "cli/tool/ToolSchema.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/materials/MaterialLibrary.hpp"
#include "boundary/racetrack/IonSupply.hpp"
#include "boundary/util/Csv.hpp"
#include "solvers/chamber/ErosionEngine.hpp"
#include "solvers/erosion/YieldMultiplierMap.hpp"
#include "solvers/reactive/ReactiveProcess.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <limits>

namespace magtwin {

namespace {

constexpr double kJoulePerKWh = 3.6e6;  // exact

/// A grain map: CSV with columns x_mm, y_mm (cathode frame; rotary: arc length) and
/// multiplier, a complete regular grid (YieldMultiplierMap::fromRows).
YieldMultiplierMap readMultiplierMap(const std::string& file) {
    const CsvTable t = CsvTable::readFile(file);
    std::vector<double> xs, ys, ms;
    for (const char* c : {"x_mm", "y_mm", "multiplier"}) t.requireColumn(c);
    for (std::size_t r = 0; r < t.rowCount(); ++r) {
        xs.push_back(t.number(r, "x_mm") * 1e-3);
        ys.push_back(t.number(r, "y_mm") * 1e-3);
        ms.push_back(t.number(r, "multiplier"));
    }
    return YieldMultiplierMap::fromRows(xs, ys, ms);
}

/// `what` at the dotted tool-file `key` below `base` (the deepest section present).
[[noreturn]] void failAtKey(const ConfigSection& base, const std::string& key, const std::string& what) {
    ConfigSection s = base;
    std::string rest = key;
    for (std::size_t dot; (dot = rest.find('.')) != std::string::npos;) {
        const std::string head = rest.substr(0, dot);
        if (!s.has(head)) break;
        s = s.section(head);
        rest = rest.substr(dot + 1);
    }
    s.fail(rest, what);
}

/// Every cathode as the erosion engine takes it (makeErosionEngine's checks), so that a
/// file one path cannot represent is refused by every command with the same error.
void checkErosionEngines(const ConfigSection& root, const ToolFile& tool, const std::vector<ConfigSection>& cathodes) {
    for (std::size_t i = 0; i < tool.cathodes.size(); ++i) {
        if (tool.cathodes[i].arrayIndex > 0) continue;  // array members differ from the first only in x
        try {
            checkErosionEngine(tool.cathodes[i], tool.erosion);
        } catch (const CathodeSpecError& e) {
            if (e.key.rfind("erosion", 0) == 0)
                failAtKey(root, e.key, std::string("cathode ") + tool.cathodes[i].name + ": " + e.what());
            failAtKey(cathodes[i], e.key, e.what());
        }
    }
}

/// Relative data-file paths in a tool file are relative to the file's folder.
std::string besideFile(const std::string& toolPath, const std::string& file) {
    const std::filesystem::path p(file);
    if (p.is_absolute()) return file;
    return (std::filesystem::path(toolPath).parent_path() / p).lexically_normal().string();
}

/// The sputter gas: a noble gas (the ions that sputter; reactive gases such as O2 or N2
/// are a process's reactive supply, not its sputter gas).
std::string gasElement(const SchemaSection& s, const std::string& key, const std::string& fallback) {
    const std::string symbol = s.has(key) ? s.text(key) : fallback;
    const std::vector<std::string> noble = {"He", "Ne", "Ar", "Kr", "Xe"};
    if (std::find(noble.begin(), noble.end(), symbol) == noble.end()) {
        // A real element (O, N) is not a typo: no "did you mean" for it.
        const bool element = ElementTable::builtin().find(symbol) != nullptr;
        const std::string near = element ? "" : closestMatch(symbol, noble);
        s.fail(key, "'" + symbol + "' is not a sputter gas" + (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                        "; the sputter gas is a noble gas: He Ne Ar Kr Xe" +
                        (element ? " (a reactive gas such as O or N is the reactive supply: process.reactive and "
                                   "`magtwin reactive`, docs/reactive.md)"
                                 : ""));
    }
    return symbol;
}

/// A material by name (`key`: an element symbol or a library material); `what` names it in
/// the message ("target material", "film material").
Material namedMaterial(const SchemaSection& s, const std::string& key, const std::string& name,
                       const std::string& what) {
    const MaterialLibrary& library = MaterialLibrary::builtin();
    if (auto m = library.find(name)) return *m;
    const std::vector<std::string> valid = library.names();
    const std::string near = closestMatch(name, valid);
    std::string list;
    for (const auto& v : valid) list += (list.empty() ? "" : " ") + v;
    s.fail(key, "'" + name + "' is not a known " + what + (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                    "; valid: " + list + "; or give target.composition and target.density");
}

/// Density in g/cm^3 from a density key (SI kg/m^3 in the file's reader).
double densityGPerCm3(const SchemaSection& s, const std::string& key) {
    const double kgM3 = s.quantity(key);
    if (!(kgM3 > 0)) s.fail(key, "must be > 0");
    return kgM3 / 1e3;
}

/// cathodes[].target: `material` (element or library) or `composition` + `density`.
Material readTargetMaterial(const SchemaSection& t) {
    if (t.has("composition")) {
        if (t.has("material")) t.fail("composition", "give either material or composition, not both");
        const ElementTable& table = ElementTable::builtin();
        std::vector<std::pair<std::string, double>> fractions;
        for (const NamedNumber& e : t.numberMap("composition")) {
            const Element* el = table.find(e.name);
            if (!el) {
                const std::string near = closestMatch(e.name, table.symbols());
                t.failEntry("composition", e,
                            "'" + e.name + "' is not a known element" +
                                (near.empty() ? "" : " (did you mean '" + near + "'?)"));
            }
            if (!(e.value > 0)) t.failEntry("composition", e, "a fraction must be > 0");
            fractions.emplace_back(e.name, e.value);
        }
        if (!t.has("density"))
            t.fail("composition",
                   "a composition of your own needs the target's bulk density: add target.density (e.g. " +
                       exampleQuantity(Dimension::Density) + ")");
        const FractionBasis basis =
            t.text("composition_basis") == "weight" ? FractionBasis::Weight : FractionBasis::Atom;
        Material m;
        try {
            m = customMaterial(fractions, basis, densityGPerCm3(t, "density"));
        } catch (const std::invalid_argument& e) {
            t.fail("composition", e.what());
        }
        if (t.has("name")) m.name = t.text("name");
        return m;
    }
    if (t.has("name")) t.fail("name", "names a `composition` material; a library material keeps its name");
    if (!t.has("material"))
        t.fail("material", "missing: give material (an element or ITO, MoNb, TiN ...) or composition");
    Material m = namedMaterial(t, "material", t.text("material"), "target material");
    if (t.has("density")) m.densityGPerCm3 = densityGPerCm3(t, "density");
    return m;
}

Eigen::Vector3d point3(const SchemaSection& s, const std::string& key) {
    const auto v = s.quantityList(key);
    if (v.size() != 3) s.fail(key, "expected three lengths [x, y, z] (chamber frame, z up from the substrate plane)");
    return {v[0], v[1], v[2]};
}

/// A geometry key that only some cathode types use: required for them, refused for others.
double sizeFor(const SchemaSection& c, const std::string& key, bool used, const std::string& type) {
    if (used) return positive(c, key);
    if (c.has(key)) c.fail(key, "not used by a " + type + " cathode");
    return 0.0;
}

/// substrates[].motion's oscillation keys: required with kind oscillation, refused otherwise.
void readOscillation(const SchemaSection& m, ToolSubstrateMotion& out) {
    if (out.kind != "oscillation") {
        for (const char* key : {"amplitude", "period", "waveform", "dwell"})
            if (m.has(key)) m.fail(key, "used only by motion kind oscillation, not " + out.kind);
        return;
    }
    out.amplitudeM = m.quantity("amplitude");
    if (!(out.amplitudeM >= 0)) m.fail("amplitude", "must be >= 0");
    out.periodS = positive(m, "period");
    out.waveform = m.text("waveform");
    if (out.waveform != "dwell") {
        if (m.has("dwell")) m.fail("dwell", "used only by waveform dwell, not " + out.waveform);
        return;
    }
    out.dwellFraction = m.quantity("dwell");
    if (!(out.dwellFraction >= 0 && out.dwellFraction < 1)) m.fail("dwell", "must be in [0, 1)");
}

TrackProfileSpec readProfile(const SchemaSection& p, const std::string& toolPath, std::string& file) {
    TrackProfileSpec spec;
    spec.shape = p.text("shape");
    auto only = [&](const std::string& key, bool used) -> double {
        if (used) return positive(p, key);
        if (p.has(key)) p.fail(key, "not used by profile shape " + spec.shape);
        return 0.0;
    };
    spec.sigmaM = only("sigma", spec.shape == "gaussian");
    spec.sigmaInnerM = only("sigma_inner", spec.shape == "asymmetric-gaussian");
    spec.sigmaOuterM = only("sigma_outer", spec.shape == "asymmetric-gaussian");
    if (spec.shape == "tabulated") {
        file = besideFile(toolPath, p.text("file"));
        try {
            const CsvTable t = CsvTable::readFile(file);
            t.requireColumn("offset_mm");
            t.requireColumn("value");
            for (std::size_t r = 0; r < t.rowCount(); ++r) {
                spec.tableOffsetsM.push_back(t.number(r, "offset_mm") * 1e-3);
                spec.tableValues.push_back(t.number(r, "value"));
            }
        } catch (const std::exception& e) {
            p.fail("file", e.what());
        }
    } else if (p.has("file")) {
        p.fail("file", "only used by profile shape tabulated");
    }
    try {
        (void)makeTrackProfile(spec);
    } catch (const std::invalid_argument& e) {
        p.fail(spec.shape == "tabulated" ? "file" : "shape", e.what());
    }
    return spec;
}

ToolMagnets readMagnets(const SchemaSection& m, const ToolCathode& c, const std::string& toolPath) {
    ToolMagnets out;
    const SchemaSection r = *m.section("racetrack");
    const bool circular = c.kind == CathodeKind::PlanarCircular;
    const std::string type = cathodeKindName(c.kind);
    out.track.straightLengthM = circular ? sizeFor(r, "straight_length", false, type) : r.quantity("straight_length");
    if (out.track.straightLengthM < 0) r.fail("straight_length", "must be >= 0");
    out.track.trackSeparationM = sizeFor(r, "track_separation", !circular, type);
    out.track.ringRadiusM = sizeFor(r, "ring_radius", circular, type);
    out.track.turnaroundEnhancement = r.number("turnaround_enhancement");
    if (!(out.track.turnaroundEnhancement > 0)) r.fail("turnaround_enhancement", "must be > 0");
    out.narrowingExponent = r.number("narrowing_exponent");
    if (out.narrowingExponent < 0) r.fail("narrowing_exponent", "must be >= 0");
    out.profile = readProfile(*r.section("profile"), toolPath, out.profileFile);
    if (const auto a = r.section("along_track"))
        out.track.alongTrack = readAlongTrack(*a, c.kind, out.track.straightLengthM);

    if (const auto mo = m.section("motion")) {
        const std::string kind = mo->text("kind");
        auto refuse = [&](const std::string& key) {
            if (mo->has(key)) mo->fail(key, "not used by motion kind " + kind + " on a " + type + " cathode");
        };
        // The second argument is the smallest value accepted (defaults come from the schema):
        // RacetrackFlux needs >= 8 trapezoid nodes over a turn; one wobble node is a static bar.
        out.motion.angleSamples = mo->integer("angle_samples", 8);
        out.motion.wobbleSamples = mo->integer("samples", 1);
        if (kind == "rotating") {
            if (!circular)
                mo->fail("kind", "a rotating magnet needs a planar-circular cathode (rotary and planar-rect: wobble)");
            out.motion.kind = MagnetMotion::Kind::Rotating;
            out.motion.offsetM = positive(*mo, "offset");
            refuse("amplitude");
            refuse("travel");
        } else if (kind == "wobble") {
            if (circular)
                mo->fail("kind", "a planar-circular cathode's magnet rotates (kind: rotating), it does not wobble");
            out.motion.kind = MagnetMotion::Kind::Wobble;
            refuse("offset");
            if (c.kind == CathodeKind::Rotary) {
                out.motion.wobbleAmplitudeRad = mo->quantity("amplitude");
                if (!(out.motion.wobbleAmplitudeRad >= 0 && out.motion.wobbleAmplitudeRad <= 1.0))
                    mo->fail("amplitude", "must be between 0 and 57 deg");
                refuse("travel");
            } else {
                out.motion.wobbleTravelM = mo->quantity("travel");
                if (out.motion.wobbleTravelM < 0) mo->fail("travel", "must be >= 0");
                refuse("amplitude");
            }
            out.motion.waveform = swingWaveformFromName(mo->text("waveform"));  // a schema choice
            if (out.motion.waveform == SwingWaveform::Dwell) {
                out.motion.dwellFraction = mo->quantity("dwell_fraction");
                if (!(out.motion.dwellFraction >= 0 && out.motion.dwellFraction < 1))
                    mo->fail("dwell_fraction", "must be in [0, 1)");
            } else if (mo->has("dwell_fraction")) {
                mo->fail("dwell_fraction",
                         "used only by waveform dwell, not " + swingWaveformName(out.motion.waveform));
            }
        } else {
            for (const char* k : {"offset", "amplitude", "travel", "waveform", "dwell_fraction"}) refuse(k);
        }
    }
    out.track.magnetOffsetM = out.motion.offsetM;
    out.track.magnetAngleSamples = out.motion.angleSamples;
    return out;
}

ToolDischarge readDischarge(const SchemaSection& d, const std::string& processGas, const Material& material) {
    ToolDischarge out;
    out.gas = gasElement(d, "gas", processGas);
    out.voltageV = positive(d, "voltage");
    out.powerW = d.optionalQuantity("power");
    out.currentA = d.optionalQuantity("current");
    if (out.powerW.has_value() == out.currentA.has_value())
        d.fail(out.powerW ? "current" : "power", "give exactly one of power and current");
    if (out.powerW && !(*out.powerW > 0))
        d.fail("power", "must be > 0 (a cathode at 0 W sputters nothing; leave an idle cathode out of the file)");
    if (out.currentA && !(*out.currentA > 0)) d.fail("current", "must be > 0");
    out.yieldModel = d.text("yield_model");
    out.gammaSEGiven = d.has("gamma_se");
    if (out.gammaSEGiven) {
        out.gammaSE = d.number("gamma_se");
        if (!(out.gammaSE >= 0)) d.fail("gamma_se", "must be >= 0");
    } else {
        const ElementTable& t = ElementTable::builtin();
        try {
            out.gammaSE = baragiolaSecondaryElectronYield(t.get(out.gas), material);
        } catch (const std::invalid_argument& e) {
            d.fail("gamma_se", std::string("no default for this gas/target pair (") + e.what() + "); give gamma_se");
        }
    }
    return out;
}

/// Racetrack centre line on the target (the magnet pack's own check; the erosion engine's
/// RacetrackFlux also demands that the profile's footprint fits, `erode` reports that).
void checkRacetrackOnTarget(const SchemaSection& c, const ToolCathode& k) {
    const SchemaSection r = *c.section("magnets")->section("racetrack");
    const auto& t = k.magnets.track;
    const auto mm = [](double m) {
        char b[32];
        std::snprintf(b, sizeof b, "%.6g mm", m * 1e3);
        return std::string(b);
    };
    if (k.kind == CathodeKind::PlanarCircular) {
        if (t.ringRadiusM + t.magnetOffsetM >= k.geometry.radiusM)
            r.fail("ring_radius", "the racetrack lies outside its target: ring_radius + magnet offset = " +
                                      mm(t.ringRadiusM + t.magnetOffsetM) + " >= target radius " +
                                      mm(k.geometry.radiusM));
        return;
    }
    if (t.straightLengthM + t.trackSeparationM > k.geometry.lengthM)
        r.fail("straight_length", "the racetrack lies outside its target: straight_length + track_separation = " +
                                      mm(t.straightLengthM + t.trackSeparationM) + " > target length " +
                                      mm(k.geometry.lengthM));
    if (k.kind == CathodeKind::PlanarRect &&
        t.trackSeparationM + 2 * k.magnets.motion.wobbleTravelM > k.geometry.widthM)
        r.fail("track_separation", "the racetrack (with its wobble travel) lies outside its target: " +
                                       mm(t.trackSeparationM + 2 * k.magnets.motion.wobbleTravelM) +
                                       " > target width " + mm(k.geometry.widthM));
    if (k.kind == CathodeKind::Rotary &&
        t.trackSeparationM + 2 * k.geometry.radiusM * k.magnets.motion.wobbleAmplitudeRad >=
            2 * kPi * k.geometry.radiusM)
        r.fail("track_separation", "the racetrack (with its wobble) does not fit round the tube");
}

/// `facing:` or `tilt:` of a planar cathode -> CathodeSpec::orientation (absent: identity).
/// The face must still look towards the substrate (face normal with z < 0); whether the
/// turned body stays above z = 0 is ToolGeometryChecks' (it names the same key).
void readOrientation(const SchemaSection& c, ToolCathode& k) {
    const bool facing = c.has("facing"), tilt = c.has("tilt");
    if (!facing && !tilt) return;
    const std::string key = facing ? "facing" : "tilt";
    if (facing && tilt) c.fail("tilt", "give one of facing and tilt, not both");
    if (k.kind == CathodeKind::Rotary)
        c.fail(key, "a rotary tube's axis stays along y; facing and tilt turn planar cathodes only");
    if (facing) {
        const auto f = c.numberList("facing");
        if (f.size() != 3) c.fail("facing", "expected a direction [x, y, z]");
        const Eigen::Vector3d n(f[0], f[1], f[2]);
        if (!(n.norm() > 0) || !n.allFinite()) c.fail("facing", "must be a nonzero direction");
        k.orientation = orientationFacing(n);
    } else {
        const SchemaSection t = *c.section("tilt");
        const std::string axis = t.text("axis");
        const double angle = t.quantity("angle");
        k.orientation = orientationTilt(axis == "x" ? 0 : 1, angle);
    }
    const Eigen::Vector3d n = k.faceNormal();
    if (!(n.z() < 0)) {
        char b[96];
        std::snprintf(b, sizeof b, "%.4g, %.4g, %.4g", n.x(), n.y(), n.z());
        const std::string what = std::string("the target would face away from the substrate (face normal [") + b +
                                 "], z >= 0); a planar target must look down, tilted less than 90 deg";
        if (facing) c.fail("facing", what);
        c.section("tilt")->fail("angle", what);
    }
}

ToolCathode readCathode(const SchemaSection& c, const ToolFile& tool) {
    ToolCathode k;
    k.name = c.text("name");
    k.kind = cathodeKindFromName(c.text("type"));
    const std::string type = cathodeKindName(k.kind);
    k.position = point3(c, "position");
    readOrientation(c, k);
    k.geometry.kind = k.kind;
    k.geometry.lengthM = sizeFor(c, "length", k.kind != CathodeKind::PlanarCircular, type);
    k.geometry.widthM = sizeFor(c, "width", k.kind == CathodeKind::PlanarRect, type);
    k.geometry.radiusM = k.kind == CathodeKind::PlanarCircular ? sizeFor(c, "radius", true, type)
                         : k.kind == CathodeKind::Rotary       ? sizeFor(c, "outer_radius", true, type)
                                                               : 0.0;
    if (k.kind != CathodeKind::PlanarCircular) sizeFor(c, "radius", false, type);
    if (k.kind != CathodeKind::Rotary) sizeFor(c, "outer_radius", false, type);
    if (const auto life = c.optionalQuantity("life")) {
        if (*life < 0) c.fail("life", "must be >= 0");
        k.lifeKWh = *life / kJoulePerKWh;
    }

    const SchemaSection t = *c.section("target");
    k.target.material = readTargetMaterial(t);
    k.target.thicknessM = positive(t, "thickness");
    k.geometry.thicknessM = k.target.thicknessM;
    if (k.kind == CathodeKind::Rotary && k.target.thicknessM >= k.geometry.radiusM)
        t.fail("thickness", "must be smaller than the tube's outer_radius");
    k.target.backing = t.text("backing");
    k.target.magnetDistanceM = t.quantity("magnet_distance");
    if (k.target.magnetDistanceM != 0 && !(k.target.magnetDistanceM > k.target.thicknessM))
        t.fail("magnet_distance",
               "must exceed the target thickness (it is measured from the new target face), or be 0");
    k.target.grooveRedeposition = t.flag("groove_redeposition");
    if (k.target.grooveRedeposition && k.kind == CathodeKind::PlanarCircular)
        t.fail("groove_redeposition",
               "modelled for planar-rect and rotary targets only (straight grooves), not planar-circular");
    if (t.has("multiplier_map")) {
        k.target.multiplierMapFile = besideFile(tool.path, t.text("multiplier_map"));
        if (!std::filesystem::exists(k.target.multiplierMapFile))
            t.fail("multiplier_map", "file not found: " + k.target.multiplierMapFile);
        try {
            k.target.multiplierMap =
                std::make_shared<const YieldMultiplierMap>(readMultiplierMap(k.target.multiplierMapFile));
        } catch (const std::exception& e) {
            t.fail("multiplier_map", e.what());
        }
    }

    k.magnets = readMagnets(*c.section("magnets"), k, tool.path);
    const ConfigSection track = c.section("magnets")->section("racetrack")->raw();
    k.racetrackOrigin = track.file() + ":" + std::to_string(track.line()) + ": key '" + track.path();
    k.discharge = readDischarge(*c.section("discharge"), tool.process.gas, k.target.material);

    if (const auto mesh = c.section("mesh")) {
        k.meshPitchM = positive(*mesh, "pitch");
        k.meshAngularPitchRad = positive(*mesh, "angular_pitch");
    }
    checkRacetrackOnTarget(c, k);
    return k;
}

/// An `array:` item -> NAME01..NAMENN along x, centred on the item's position.
std::vector<ToolCathode> expandArray(const SchemaSection& c, ToolCathode proto) {
    const auto a = c.section("array");
    if (!a) return {proto};
    const int n = a->integer("count", 1);
    const double pitch = positive(*a, "pitch");
    const int digits = std::max(2, int(std::to_string(n).size()));
    std::vector<ToolCathode> out;
    for (int i = 0; i < n; ++i) {
        ToolCathode k = proto;
        std::string number = std::to_string(i + 1);
        number.insert(0, std::size_t(digits) - number.size(), '0');
        k.name = proto.name + number;
        k.arrayName = proto.name;
        k.arrayIndex = i;
        k.arrayCount = n;
        k.arrayPitchM = pitch;
        k.position.x() = proto.position.x() + (i - 0.5 * (n - 1)) * pitch;
        out.push_back(k);
    }
    return out;
}

ToolSubstrate readSubstrate(const SchemaSection& s, const ToolFile& tool) {
    ToolSubstrate b;
    b.name = s.text("name");
    b.kind = s.text("kind");
    const bool wafer = b.kind == "wafer";
    if (wafer) {
        b.sizeXM = b.sizeYM = positive(s, "diameter");
        for (const char* k : {"size_x", "size_y"})
            if (s.has(k)) s.fail(k, "a wafer has a diameter");
    } else {
        b.sizeXM = positive(s, "size_x");
        b.sizeYM = positive(s, "size_y");
        if (s.has("diameter")) s.fail("diameter", "glass has size_x and size_y");
    }
    const auto centre = s.quantityList("centre");
    if (centre.size() != 2) s.fail("centre", "expected two lengths [x, y]");
    b.centreXM = centre[0];
    b.centreYM = centre[1];
    b.pitchM = positive(s, "pitch");
    b.edgeExclusionM = s.quantity("edge_exclusion");
    if (b.edgeExclusionM < 0 || 2 * b.edgeExclusionM >= std::min(b.sizeXM, b.sizeYM))
        s.fail("edge_exclusion", "must be >= 0 and leave part of the substrate");
    if (b.pitchM * 4 > std::min(b.sizeXM, b.sizeYM))
        s.fail("pitch", "too coarse for the substrate (need at least 5 points across)");
    if (const auto m = s.section("motion")) {
        b.motion.kind = m->text("kind");
        b.motion.timeS = positive(*m, "time");
        b.motion.speedMS = positive(*m, "speed");
        b.motion.passes = m->integer("passes", 1);
        if (b.motion.kind == "rotation" && !wafer) m->fail("kind", "rotation needs substrate kind: wafer");
        readOscillation(*m, b.motion);
        if (m->has("angle")) {
            if (b.motion.kind != "static")
                m->fail("angle", "used only by motion kind static (the platen at rest), not " + b.motion.kind);
            b.motion.platenAngleRad = m->quantity("angle");
            if (!std::isfinite(b.motion.platenAngleRad)) m->fail("angle", "must be a finite angle");
        }
    }
    if (const auto spec = s.section("spec")) {
        b.uniformityTargetPct = 100 * spec->quantity("uniformity_target");
        if (!(b.uniformityTargetPct > 0)) spec->fail("uniformity_target", "must be > 0");
    }
    b.filmMaterial = tool.cathodes.front().target.material;
    if (const auto f = s.section("film")) {
        if (f->has("material")) {
            // `target`: the first cathode's target as resolved (a composition of the user's own
            // has no library name to write here).
            const std::string name = f->text("material");
            b.filmMaterial = name == "target" ? tool.cathodes.front().target.material
                                              : namedMaterial(*f, "material", name, "film material");
            // The film's atoms come from the targets and the reactive supply (process.reactive.flows).
            std::vector<std::string> from;  // the elements the targets sputter, in file order
            for (const ToolCathode& c : tool.cathodes)
                for (const MaterialComponent& m : c.target.material.components)
                    if (std::find(from.begin(), from.end(), m.symbol) == from.end()) from.push_back(m.symbol);
            const auto& reactive = tool.process.reactive;
            if (reactive && !reactive->reactiveGas.empty()) from.push_back(reactiveGas(reactive->reactiveGas).element);
            for (const MaterialComponent& m : b.filmMaterial.components)
                if (std::find(from.begin(), from.end(), m.symbol) == from.end()) {
                    std::string list;
                    for (const std::string& e : from) list += (list.empty() ? "" : ", ") + e;
                    f->fail("material", "film " + b.filmMaterial.name + " contains " + m.symbol +
                                            ", which no target of this tool sputters (the targets give " + list +
                                            "; a reactive gas joins them through process.reactive.flows)");
                }
        }
        if (f->has("density")) b.filmMaterial.filmDensityGPerCm3 = densityGPerCm3(*f, "density");
        b.filmStated = f->has("material") || f->has("density");
        b.sticking = f->quantity("sticking");
        if (!(b.sticking > 0 && b.sticking <= 1)) f->fail("sticking", "must be in (0, 1]");
    }
    return b;
}

ToolSensor readSensor(const SchemaSection& s) {
    ToolSensor out;
    out.name = s.text("name");
    out.type = s.text("type");
    out.position = point3(s, "position");
    const auto f = s.numberList("facing");
    if (f.size() != 3) s.fail("facing", "expected a direction [x, y, z]");
    out.facing = Eigen::Vector3d(f[0], f[1], f[2]);
    if (!(out.facing.norm() > 0)) s.fail("facing", "must not be the zero vector");
    out.facing.normalize();
    out.toolingFactor = s.number("tooling_factor");
    if (!(out.toolingFactor > 0)) s.fail("tooling_factor", "must be > 0");
    return out;
}

/// Legal but odd: a substrate that the cathodes' footprint does not cover (uncoveredShare).
/// A warning on stderr naming file, line and key; the share goes to deposit's summary.json.
void warnUncovered(ToolFile& tool, const std::vector<ConfigSection>& substrates) {
    // Below 0.5 % the share is at the sampling limit of uncoveredShare (400 x 400 points).
    constexpr double kWarnShare = 0.005;
    for (std::size_t i = 0; i < tool.substrates.size(); ++i) {
        ToolSubstrate& b = tool.substrates[i];
        b.uncoveredShare = uncoveredShare(tool, b);
        if (b.uncoveredShare < kWarnShare) continue;
        char share[32];
        std::snprintf(share, sizeof share, "%.1f %%", 100 * b.uncoveredShare);
        std::fprintf(stderr,
                     "%s:%d: key '%s': WARNING: %s of substrate %s lies outside the cathodes' footprint "
                     "(no target above it at any point of its motion); expect the film to fall off there\n",
                     substrates[i].file().c_str(), substrates[i].line(), substrates[i].path().c_str(), share,
                     b.name.c_str());
    }
}

/// supplies[i]'s RF keys (docs/rf.md): only on kind rf, each in its range.
void readRfSettings(const SchemaSection& s, SupplySpec& spec) {
    const bool rf = spec.kind == "rf";
    for (const char* key : {"match_efficiency", "cable_efficiency", "electron_temperature_eV", "plasma_potential"})
        if (!rf && s.has(key)) s.fail(key, "is an RF setting; supply '" + spec.name + "' is kind " + spec.kind);
    if (!rf) return;
    auto number = [&s](const char* key, double lo, double hi, const char* what) {
        const double v = s.number(key);
        if (!(v >= lo && v <= hi)) s.fail(key, what);
        return v;
    };
    spec.rf.matchEfficiency = number("match_efficiency", 1e-3, 1.0, "must be in (0, 1]");
    spec.rf.cableEfficiency = number("cable_efficiency", 1e-3, 1.0, "must be in (0, 1]");
    spec.rf.electronTemperatureV = number("electron_temperature_eV", 1.0, 10.0, "must be in [1, 10] eV");
    if (s.has("plasma_potential")) {
        const double v = s.quantity("plasma_potential");
        if (!(v >= 0.0 && v <= 1000.0)) s.fail("plasma_potential", "must be in [0, 1000] V");
        spec.rf.plasmaPotentialV = v;
    }
}

ToolReactive readReactive(const SchemaSection& r) {
    ToolReactive out;
    auto number = [&r](const char* key, double lo, double hi, const char* what) {
        const double v = r.number(key);
        if (!(v > lo && v <= hi)) r.fail(key, what);
        return v;
    };
    const double inf = std::numeric_limits<double>::infinity();
    if (r.has("pumping_speed_L_s"))
        out.pumpingSpeedM3PerS = 1e-3 * number("pumping_speed_L_s", 0.0, inf, "must be > 0 L/s");
    if (r.has("target_area_cm2")) out.targetAreaM2 = 1e-4 * number("target_area_cm2", 0.0, inf, "must be > 0 cm^2");
    out.collectorAreaM2 = 1e-4 * number("collector_area_cm2", 0.0, inf, "must be > 0 cm^2");
    out.stickingTarget = number("sticking_target", 0.0, 1.0, "must be in (0, 1]");
    out.stickingCollector = number("sticking_collector", 0.0, 1.0, "must be in (0, 1]");
    if (r.has("secondary_electron_yield_compound"))
        out.secondaryElectronCompound = number("secondary_electron_yield_compound", 0.0, inf, "must be > 0");
    out.implantation = r.flag("implantation");
    out.redepositionFraction = r.number("redeposition_fraction");
    if (!(out.redepositionFraction >= 0.0 && out.redepositionFraction < 1.0))
        r.fail("redeposition_fraction", "must be in [0, 1)");
    out.flowScale = number("flow_scale", 0.0, inf, "must be > 0");
    out.substrateRateFactor = number("substrate_rate_factor", 0.0, inf, "must be > 0");
    out.origin = r.raw().file() + ":" + std::to_string(r.raw().line()) + ": key 'process.reactive";
    out.approach = r.text("approach");
    for (const NamedText& e : r.textMap("flows")) {
        const NamedNumber at{e.name, 0.0, e.line};
        if (!isInertGas(e.name)) try {
                (void)reactiveGas(e.name);
            } catch (const std::invalid_argument& ex) {
                r.failEntry("flows", at, std::string(ex.what()) + "; inert gases: He, Ne, Ar, Kr, Xe");
            }
        const auto q = splitQuantity(e.text);
        if (!q || q->unit.empty()) r.failEntry("flows", at, "'" + e.text + "': a flow needs a unit (sccm or slm)");
        if (q->unit != "sccm" && q->unit != "slm")
            r.failEntry("flows", at, "unknown flow unit '" + q->unit + "' (sccm, slm)");
        if (!(q->value >= 0.0) || !std::isfinite(q->value)) r.failEntry("flows", at, "a flow must be >= 0");
        out.flows.push_back({e.name, q->value * (q->unit == "slm" ? 1000.0 : 1.0)});
        if (isInertGas(e.name)) continue;
        if (!out.reactiveGas.empty() && out.reactiveGas != e.name)
            r.failEntry("flows", at,
                        "a second reactive gas (" + out.reactiveGas + " given too): the model takes one reactive gas");
        out.reactiveGas = e.name;
        out.reactiveSccm += out.flows.back().sccm;
        out.flowOrigin = r.raw().file() + ":" + std::to_string(e.line) + ": key 'process.reactive.flows." + e.name;
    }
    if (!out.flows.empty() && out.reactiveGas.empty())
        r.fail("flows", "no reactive gas among the flows (N2, O2): the targets would stay metallic");
    if (!out.reactiveGas.empty() && !out.pumpingSpeedM3PerS)
        r.fail("flows", "a reactive supply needs process.reactive.pumping_speed_L_s (Berg's gas balance)");
    if (!out.reactiveGas.empty() && out.implantation &&
        std::none_of(out.flows.begin(), out.flows.end(), [](const ToolReactive::Flow& f) { return isInertGas(f.gas); }))
        r.fail("implantation",
               "needs a working gas in process.reactive.flows (e.g. Ar: 40 sccm) to split the ion current");
    return out;
}

}  // namespace

double ToolReactive::targetAreaM2For(const CathodeSpec& cathode) const {
    if (targetAreaM2) return *targetAreaM2;
    const TargetGeometry& g = cathode.geometry;
    switch (g.kind) {
        case CathodeKind::PlanarRect:
            return g.lengthM * g.widthM;
        case CathodeKind::PlanarCircular:
            return kPi * g.radiusM * g.radiusM;
        case CathodeKind::Rotary:
            return 2.0 * kPi * g.radiusM * g.lengthM;
    }
    return 0.0;
}

ToolFile loadToolFile(const std::string& path) { return loadToolFile(path, {}); }

ToolFile loadToolFile(const std::string& path, const ToolLogsReader& readLogs) {
    const ConfigSection rootRaw = ConfigSection::loadFile(path);
    const SchemaSection root(rootRaw, "");
    ToolFile tool;
    tool.path = path;
    const SchemaSection id = *root.section("tool");
    tool.name = id.text("name");
    tool.description = id.text("description");
    if (const auto p = root.section("process")) {
        tool.process.gas = gasElement(*p, "gas", "Ar");
        tool.process.pressurePa = p->quantity("pressure");
        if (tool.process.pressurePa < 0) p->fail("pressure", "must be >= 0");
        tool.process.temperatureK = positive(*p, "temperature");
        if (p->has("cycle_time")) tool.process.cycleTimeS = positive(*p, "cycle_time");
        if (const auto r = p->section("reactive")) tool.process.reactive = readReactive(*r);
        if (const auto st = p->section("sticking")) {
            ChamberSticking& k = tool.process.sticking;
            for (auto [key, value] : {std::pair<const char*, double*>{"targets", &k.targets},
                                      {"shields", &k.shields},
                                      {"walls", &k.walls}}) {
                *value = st->quantity(key);
                if (!(*value >= 0 && *value <= 1)) st->fail(key, "must be in [0, 1]");
            }
            tool.process.stickingOrigin =
                st->raw().file() + ":" + std::to_string(st->raw().line()) + ": key 'process.sticking";
        }
    }
    ToolGeometryChecks checks;
    for (const SchemaSection& c : root.list("cathodes"))
        for (ToolCathode& k : expandArray(c, readCathode(c, tool))) {
            tool.cathodes.push_back(std::move(k));
            checks.cathodeSections.push_back(c.raw());
        }
    // A reactive supply needs the compound of every target with its gas (ReactiveProcess).
    if (const auto& r = tool.process.reactive; r && !r->reactiveGas.empty())
        for (const ToolCathode& k : tool.cathodes) try {
                (void)reactiveCompound(k.target.material, reactiveGas(r->reactiveGas));
            } catch (const std::invalid_argument& e) {
                throw ConfigError(r->flowOrigin + "': cathode " + k.name + ": " + e.what());
            }
    for (const SchemaSection& s : root.list("substrates")) {
        tool.substrates.push_back(readSubstrate(s, tool));
        checks.substrateSections.push_back(s.raw());
    }
    for (const SchemaSection& s : root.list("sensors")) {
        tool.sensors.push_back(readSensor(s));
        checks.sensorSections.push_back(s.raw());
    }
    for (const SchemaSection& s : root.list("supplies")) {
        SupplySpec spec;
        spec.name = s.text("name");
        spec.kind = s.text("kind");
        spec.feeds = s.textList("feeds");
        if (spec.feeds.empty()) s.fail("feeds", "expected at least one cathode name");
        readRfSettings(s, spec);
        tool.supplies.push_back(std::move(spec));
        checks.supplySections.push_back(s.raw());
    }
    readErosionSettings(root, tool.erosion);
    readDepositionSettings(root, tool.deposition);
    const bool hasLogs = rootRaw.has("logs");  // read by twin/logs (issue 11), through readLogs
    rootRaw.rejectUnknownKeys();
    checks.run(tool);
    warnUncovered(tool, checks.substrateSections);
    checkErosionEngines(rootRaw, tool, checks.cathodeSections);
    if (hasLogs && readLogs) {
        readLogs(rootRaw, tool);
        rootRaw.rejectUnknownKeys();
    }
    return tool;
}

}  // namespace magtwin
