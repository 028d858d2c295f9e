#include "cli/tool/ToolInit.hpp"

#include "boundary/materials/MaterialLibrary.hpp"
#include "boundary/util/TextNumber.hpp"
#include "cli/UsageError.hpp"
#include "cli/config/ConfigReader.hpp"
#include "cli/config/Units.hpp"
#include "cli/tool/ToolGeometryChecks.hpp"

#include <cmath>
#include <optional>
#include <sstream>
#include <vector>

namespace magtwin {

namespace {

/// A quantity option ("280 mm", "18kW") in SI, or nullopt when not given.
std::optional<double> quantityOption(const std::string& text, Dimension d, const std::string& option) {
    if (text.empty()) return std::nullopt;
    const auto q = splitQuantity(text);
    const std::string expected = "expected a " + dimensionName(d) + " with its unit, e.g. " + exampleQuantity(d);
    if (!q || q->unit.empty()) throw UsageError(option + " '" + text + "': " + expected);
    const auto factor = unitFactor(d, q->unit);
    if (!factor) throw UsageError(option + " '" + text + "': unknown unit '" + q->unit + "'; " + expected);
    return q->value * *factor;
}

/// "280 mm" for lengths written into the file.
std::string mmText(double m) { return textNumber(m * 1e3, 6) + " mm"; }
std::string kwText(double w) { return textNumber(w * 1e-3, 6) + " kW"; }

/// One line of the array: the magnet pack of the kind's shipped tool file.
struct LineDefaults {
    const char* source;  ///< the shipped file the numbers come from
    int count;
    double pitchM, lengthM, throwM, powerW, voltageV;
    double endGapM;  ///< tube / target end to racetrack loop end (straight = length - 2 gap - separation)
};

// cases/tools/gen10_5_rotary_line.yaml: 14 tubes at 270 mm, 4100 mm, axes 250 mm above the
// glass with a 76 mm outer radius (surface 174 mm), loop 4000 mm, 20 kW, 500 V.
constexpr LineDefaults kRotary{"cases/tools/gen10_5_rotary_line.yaml", 14, 0.270, 4.100, 0.174, 20e3, 500, 0.050};
// cases/tools/gen10_5_planar_line.yaml: 10 cathodes at 300 mm, 4000 x 200 mm, face 200 mm
// above the glass, loop 3900 mm, 25 kW, 450 V.
constexpr LineDefaults kPlanar{"cases/tools/gen10_5_planar_line.yaml", 10, 0.300, 4.000, 0.200, 25e3, 450, 0.050};
constexpr double kTubeRadiusM = 0.076, kTrackSeparationM = 0.100, kPlanarWidthM = 0.200;
// cases/tools/wafer300_chamber_designed.yaml: target face 200 mm above the wafer (the throw
// its magnet was designed for), 20 kW.
constexpr double kWaferThrowM = 0.200, kWaferPowerW = 20e3;

double lengthInRange(const std::string& text, const std::string& option, double lo, double hi, const std::string& why) {
    const double v = *quantityOption(text, Dimension::Length, option);
    if (!(v >= lo && v <= hi)) {
        const bool mm = v * 1e-3 >= lo && v * 1e-3 <= hi;  // metres typed for millimetres
        throw UsageError(option + " '" + text + "': must be between " + mmText(lo) + " and " + mmText(hi) + " (" + why +
                         ")" + (mm ? "; did you mean " + textNumber(v, 6) + " mm?" : ""));
    }
    return v;
}

struct Resolved {
    int count = 1;
    double pitchM = 0, lengthM = 0, throwM = 0, powerW = 0;
    std::string material, substrate;
};

void refuse(const std::string& text, const std::string& option, const std::string& kind) {
    if (!text.empty()) throw UsageError(option + ": not used by tool init " + kind + " (one cathode)");
}

Resolved resolve(const ToolInitOptions& o, const LineDefaults* line, double minPitchM, const std::string& body) {
    Resolved r;
    if (line) {
        r.count = line->count;
        if (!o.count.empty()) {
            std::size_t used = 0;
            long n = -1;
            try {
                n = std::stol(o.count, &used);
            } catch (const std::exception&) {
            }
            if (used != o.count.size() || n < 1 || n > 100)
                throw UsageError("--count '" + o.count + "': expected a whole number of cathodes, 1 .. 100");
            r.count = int(n);
        }
        r.pitchM = o.pitch.empty() ? line->pitchM
                                   : lengthInRange(o.pitch, "--pitch", minPitchM, kMaxSizeM,
                                                   "the pitch cannot be smaller than the " + body + ", " +
                                                       mmText(minPitchM) + ", or the cathodes overlap");
        // The loop ends endGap inside each end: the straights need a positive length.
        const double minLength = 2 * line->endGapM + kTrackSeparationM + 0.1;
        r.lengthM = o.length.empty() ? line->lengthM
                                     : lengthInRange(o.length, "--length", minLength, kMaxSizeM,
                                                     "the racetrack loop sits " + mmText(line->endGapM) +
                                                         " inside each end; 10 m is the tool file's limit");
        r.throwM = o.throwDist.empty() ? line->throwM
                                       : lengthInRange(o.throwDist, "--throw", kMinThrowM, kMaxThrowM,
                                                       "target surface to substrate, as the tool file checks");
        r.powerW = line->powerW;
    } else {
        refuse(o.count, "--count", o.kind);
        refuse(o.pitch, "--pitch", o.kind);
        refuse(o.length, "--length", o.kind);
        r.throwM = o.throwDist.empty() ? kWaferThrowM
                                       : lengthInRange(o.throwDist, "--throw", kMinThrowM, kMaxThrowM,
                                                       "target face to wafer, as the tool file checks");
        r.powerW = kWaferPowerW;
    }
    if (const auto p = quantityOption(o.power, Dimension::Power, "--power")) {
        if (!(*p > 0) || *p > 1e6) throw UsageError("--power '" + o.power + "': must be > 0 W and at most 1 MW");
        r.powerW = *p;
    }
    r.material = o.material.empty() ? (line ? "Mo" : "Cu") : o.material;
    const MaterialLibrary& library = MaterialLibrary::builtin();
    if (!library.find(r.material)) {
        const std::string near = closestMatch(r.material, library.names());
        throw UsageError("--material '" + r.material + "': not a known material" +
                         (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                         "; an element symbol (Mo, Cu, Al ...) or a library material (ITO, MoNb ...)");
    }
    r.substrate = o.substrate.empty() ? (line ? "gen10.5" : "wafer300") : o.substrate;
    if (r.substrate != "gen10.5" && r.substrate != "wafer300")
        throw UsageError("--substrate '" + r.substrate + "': expected gen10.5 or wafer300");
    if (!line && r.substrate != "wafer300")
        throw UsageError("--substrate " + r.substrate +
                         ": a wafer chamber's 450 mm target coats a 300 mm wafer (use rotary-line or planar-line)");
    return r;
}

void writeHeader(std::ostream& o, const std::string& kind, const Resolved& r, const char* source) {
    o << "# Written by `magtwin tool init " << kind << "`: a starting point to edit to your own chamber.\n"
      << "# Numbers without a stated source are the magnet pack of " << source << "\n"
      << "# (its comments give each value's origin; most are project assumptions for a typical\n"
      << "# pack, not one vendor's drawing). Units are part of every value (docs/tool-file.md).\n"
      << "# Chamber frame: substrate plane z = 0, z up to the cathodes, y along the cathodes, x across.\n"
      << "# Next: magtwin tool check FILE, then magtwin deposit FILE --out DIR (its diagnosis says\n"
      << "# what to change first). Typical magnet-pack values and which keys dominate U:\n"
      << "# docs/first-tool-file.md (magtwin sensitivity FILE measures it for your chamber).\n"
      << "tool:\n  name: my_"
      << (kind == "wafer-chamber" ? "wafer_chamber"
          : kind == "rotary-line" ? "rotary_line"
                                  : "planar_line")
      << "\n  description: " << kind << ", " << r.material << " targets (tool init)\n"
      << "process:\n  gas: Ar                 # sputter gas: a noble gas (He Ne Ar Kr Xe)\n"
      << "  pressure: 0 Pa          # 0: collisionless transport (the conservative case for uniformity)\n"
      << "  temperature: 300 K\n";
}

void writeSubstrate(std::ostream& o, const Resolved& r, bool tubesAlongShortSide) {
    o << "substrates:\n";
    if (r.substrate == "wafer300") {
        o << "  - name: wafer\n    kind: wafer\n    diameter: 300 mm\n    centre: [0 mm, 0 mm]\n"
          << "    pitch: 1 mm             # thickness map resolution\n"
          << "    edge_exclusion: 3 mm    # wafer metrology excludes a few mm at the edge\n"
          << "    motion: {kind: rotation, time: 30 s}\n";
    } else {
        // Gen-10.5 glass is 2940 x 3370 mm (/work/shared/reference/tool-context.md).
        o << "  - name: glass             # Gen-10.5: 2940 x 3370 mm\n    kind: glass\n"
          << "    size_x: " << (tubesAlongShortSide ? "3370" : "2940") << " mm         # across the cathodes\n"
          << "    size_y: " << (tubesAlongShortSide ? "2940" : "3370") << " mm         # along the cathodes\n"
          << "    pitch: 2 mm             # thickness map resolution (coarser: faster deposit)\n"
          << "    edge_exclusion: 10 mm\n    motion: {kind: static, time: 60 s}\n";
    }
    o << "    spec: {uniformity_target: 3 %}   # display films must stay within 3 % (tool-context.md)\n"
      << "    film: {material: " << r.material << "}\n";
}

std::string rotaryLine(const Resolved& r) {
    std::ostringstream o;
    writeHeader(o, "rotary-line", r, kRotary.source);
    const double straight = r.lengthM - 2 * kRotary.endGapM - kTrackSeparationM;
    o << "cathodes:\n  - name: tube            # tube01 .. tube" << (r.count < 10 ? "0" : "") << r.count << "\n"
      << "    type: rotary\n    array: {count: " << r.count << ", pitch: " << mmText(r.pitchM) << "}\n"
      << "    position: [0 mm, 0 mm, " << mmText(r.throwM + kTubeRadiusM) << "]   # tube axis: throw "
      << mmText(r.throwM) << " + outer radius 76 mm\n"
      << "    length: " << mmText(r.lengthM) << "\n"
      << "    outer_radius: 76 mm       # 152 mm OD target tube\n"
      << "    target:\n      material: " << r.material << "\n"
      << "      thickness: 9.5 mm         # 152 mm OD on the common 133 mm OD backing tube\n"
      << "      backing: 133 mm OD backing tube, 4 mm wall\n"
      << "      magnet_distance: 16.5 mm  # 9.5 target + 4 backing-tube wall + 3 gap\n"
      << "    magnets:\n      racetrack:\n"
      << "        # These numbers shape U most. The shipped rotary packs: track_separation 60 mm\n"
      << "        # (gen10_5_rotary_cathode.yaml) to 100 mm (gen10_5_rotary_line.yaml), sigma 8 mm.\n"
      << "        straight_length: " << mmText(straight) << "  # loop ends 50 mm inside each tube end\n"
      << "        track_separation: 100 mm  # arc length between the two tracks on the tube surface\n"
      << "        turnaround_enhancement: 1.3\n"
      << "        profile: {shape: gaussian, sigma: 8 mm}\n"
      << "      motion:\n        kind: wobble\n        amplitude: 0 deg          # a swinging bar smooths the "
         "pitch ripple\n"
      << "    discharge:\n      voltage: 500 V\n      power: " << kwText(r.powerW) << "               # per tube\n"
      << "    mesh: {pitch: 4 mm, angular_pitch: 3 deg}\n";
    writeSubstrate(o, r, true);
    o << "deposition:\n  angular: cosine\n"
      << "  optimise: {power_trims: true, min_trim: 0.5, max_trim: 2.0}   # per-tube trims that minimise U\n";
    return o.str();
}

std::string planarLine(const Resolved& r) {
    std::ostringstream o;
    writeHeader(o, "planar-line", r, kPlanar.source);
    const double straight = r.lengthM - 2 * kPlanar.endGapM - kTrackSeparationM;
    o << "cathodes:\n  - name: planar          # planar01 .. planar" << (r.count < 10 ? "0" : "") << r.count << "\n"
      << "    type: planar-rect\n    array: {count: " << r.count << ", pitch: " << mmText(r.pitchM) << "}\n"
      << "    position: [0 mm, 0 mm, " << mmText(r.throwM) << "]   # target face above the glass\n"
      << "    length: " << mmText(r.lengthM) << "\n    width: 200 mm\n"
      << "    target:\n      material: " << r.material << "\n      thickness: 16 mm\n"
      << "      backing: 15 mm Cu backing plate\n"
      << "      magnet_distance: 34 mm    # 16 target + 15 backing + 3 gap\n"
      << "    magnets:\n      racetrack:\n"
      << "        straight_length: " << mmText(straight) << "  # loop ends 50 mm inside each target end\n"
      << "        track_separation: 100 mm  # centre to centre of the two straights\n"
      << "        turnaround_enhancement: 1.2\n"
      << "        profile: {shape: gaussian, sigma: 10 mm}\n"
      << "    discharge:\n      voltage: 450 V\n      power: " << kwText(r.powerW) << "               # per cathode\n"
      << "    mesh: {pitch: 5 mm}\n";
    writeSubstrate(o, r, false);
    o << "deposition:\n  angular: cosine\n"
      << "  optimise: {power_trims: true, min_trim: 0.5, max_trim: 2.0}   # per-cathode trims that minimise U\n";
    return o.str();
}

std::string waferChamber(const Resolved& r) {
    std::ostringstream o;
    writeHeader(o, "wafer-chamber", r, "cases/tools/wafer300_chamber_designed.yaml");
    o << "cathodes:\n  - name: target\n    type: planar-circular\n"
      << "    position: [0 mm, 0 mm, " << mmText(r.throwM) << "]   # target face above the wafer\n"
      << "    radius: 225 mm            # 450 mm target over a 300 mm wafer\n"
      << "    target:\n      material: " << r.material << "\n      thickness: 20 mm\n"
      << "      magnet_distance: 32 mm\n"
      << "    magnets:\n      racetrack:\n"
      << "        # The design search's best magnet for a 200 mm throw (wafer300_chamber_designed.yaml:\n"
      << "        # U = 1.75 %); at another throw rerun `magtwin deposit FILE --design-search`.\n"
      << "        ring_radius: 172.5 mm\n        turnaround_enhancement: 1\n        narrowing_exponent: 1\n"
      << "        profile: {shape: gaussian, sigma: 9 mm}\n"
      << "      motion: {kind: rotating, offset: 0.021458333333333333 m, angle_samples: 256, samples: 16}\n"
      << "    discharge:\n      voltage: 500 V\n      power: " << kwText(r.powerW) << "\n"
      << "    mesh: {pitch: 3 mm, angular_pitch: 3 deg}\n";
    writeSubstrate(o, r, false);
    o << "deposition:\n  angular: cosine\n";
    return o.str();
}

}  // namespace

const char* toolInitKinds() { return "rotary-line, planar-line, wafer-chamber"; }

std::string toolInitYaml(const ToolInitOptions& o) {
    if (o.kind == "rotary-line") return rotaryLine(resolve(o, &kRotary, 2 * kTubeRadiusM, "tube diameter"));
    if (o.kind == "planar-line") return planarLine(resolve(o, &kPlanar, kPlanarWidthM, "target width"));
    if (o.kind == "wafer-chamber") return waferChamber(resolve(o, nullptr, 0.0, ""));
    const std::vector<std::string> kinds = {"rotary-line", "planar-line", "wafer-chamber"};
    std::string near = closestMatch(o.kind, kinds);
    for (const std::string& k : kinds)  // "rotary" for "rotary-line"
        if (near.empty() && !o.kind.empty() && k.rfind(o.kind, 0) == 0) near = k;
    throw UsageError("KIND '" + o.kind + "': unknown" + (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                     "; expected one of " + toolInitKinds());
}

}  // namespace magtwin
