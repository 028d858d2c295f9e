#include "cli/tool/ToolFileWriter.hpp"
#include "boundary/materials/MaterialLibrary.hpp"
#include "boundary/util/Json.hpp"
#include "cli/tool/ToolAlongTrack.hpp"
#include "postprocessing/reports/OperatingPointJson.hpp"

#include <cstdio>
#include <cstdlib>
#include <sstream>

namespace magtwin {

namespace {

/// Significant digits of the numbers being written (0: exact); set per resolvedToolYaml call.
thread_local int tDigits = 0;

/// Shortest "%.*g" that reads back to exactly `v` (or tDigits digits).
std::string exact(double v) {
    char b[40];
    if (tDigits > 0) {
        std::snprintf(b, sizeof b, "%.*g", tDigits, v);
        return b;
    }
    for (int p = 15; p <= 17; ++p) {
        std::snprintf(b, sizeof b, "%.*g", p, v);
        if (std::strtod(b, nullptr) == v) break;
    }
    return b;
}
std::string q(double v, const char* unit) { return exact(v) + " " + unit; }
std::string quoted(const std::string& s) {
    std::string o = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') o += '\\';
        o += c;
    }
    return o + "\"";
}

/// target: `material: NAME` for a library material (its density when it differs from the
/// library's), else `name`, `composition` (atom fractions) and `density`.
std::string targetMaterialYaml(const Material& m) {
    std::ostringstream o;
    const auto known = MaterialLibrary::builtin().find(m.name);
    if (known && known->components.size() == m.components.size()) {
        o << "      material: " << m.name << "\n";
        if (known->densityGPerCm3 != m.densityGPerCm3) o << "      density: " << exact(m.densityGPerCm3) << " g/cm3\n";
        return o.str();
    }
    o << "      name: " << quoted(m.name) << "\n      composition: {";
    for (std::size_t i = 0; i < m.components.size(); ++i)
        o << (i ? ", " : "") << m.components[i].symbol << ": " << exact(m.components[i].atomFraction);
    o << "}\n      density: " << exact(m.densityGPerCm3) << " g/cm3\n";
    return o.str();
}

/// film: `material: NAME` for a library material (else the first target's, the default),
/// and its film density when given.
std::string filmMaterialYaml(const Material& m) {
    std::ostringstream o;
    const auto known = MaterialLibrary::builtin().find(m.name);
    if (known) o << "      material: " << m.name << "\n";
    if (m.filmDensityGPerCm3 && (!known || known->filmDensityGPerCm3 != m.filmDensityGPerCm3))
        o << "      density: " << exact(*m.filmDensityGPerCm3) << " g/cm3\n";
    return o.str();
}
std::string vec(const Eigen::Vector3d& p, const char* unit) {
    return "[" + q(p.x(), unit) + ", " + q(p.y(), unit) + ", " + q(p.z(), unit) + "]";
}

void writeCathode(std::ostringstream& o, const ToolCathode& c) {
    const bool array = !c.arrayName.empty();
    Eigen::Vector3d position = c.position;
    if (array) position.x() += 0.5 * (c.arrayCount - 1) * c.arrayPitchM;  // the array's centre
    o << "  - name: " << quoted(array ? c.arrayName : c.name) << "\n"
      << "    type: " << cathodeKindName(c.kind) << "\n";
    if (array) o << "    array: {count: " << c.arrayCount << ", pitch: " << q(c.arrayPitchM, "m") << "}\n";
    o << "    position: " << vec(position, "m") << "\n";
    if (c.tilted()) {
        const Eigen::Vector3d n = c.faceNormal();  // facing gives back the smallest turn (orientationFacing)
        o << "    facing: [" << exact(n.x()) << ", " << exact(n.y()) << ", " << exact(n.z()) << "]\n";
    }
    if (c.kind != CathodeKind::PlanarCircular) o << "    length: " << q(c.geometry.lengthM, "m") << "\n";
    if (c.kind == CathodeKind::PlanarRect) o << "    width: " << q(c.geometry.widthM, "m") << "\n";
    if (c.kind == CathodeKind::PlanarCircular) o << "    radius: " << q(c.geometry.radiusM, "m") << "\n";
    if (c.kind == CathodeKind::Rotary) o << "    outer_radius: " << q(c.geometry.radiusM, "m") << "\n";
    if (c.lifeKWh >= 0) o << "    life: " << q(c.lifeKWh, "kWh") << "\n";
    const ToolTarget& t = c.target;
    o << "    target:\n" << targetMaterialYaml(t.material) << "      thickness: " << q(t.thicknessM, "m") << "\n";
    if (!t.backing.empty()) o << "      backing: " << quoted(t.backing) << "\n";
    o << "      magnet_distance: " << q(t.magnetDistanceM, "m") << "\n";
    if (t.grooveRedeposition) o << "      groove_redeposition: true\n";
    if (!t.multiplierMapFile.empty()) o << "      multiplier_map: " << quoted(t.multiplierMapFile) << "\n";
    const ToolMagnets& m = c.magnets;
    o << "    magnets:\n      racetrack:\n";
    if (c.kind == CathodeKind::PlanarCircular) {
        o << "        ring_radius: " << q(m.track.ringRadiusM, "m") << "\n";
    } else {
        o << "        straight_length: " << q(m.track.straightLengthM, "m") << "\n"
          << "        track_separation: " << q(m.track.trackSeparationM, "m") << "\n";
    }
    o << "        turnaround_enhancement: " << exact(m.track.turnaroundEnhancement) << "\n"
      << "        narrowing_exponent: " << exact(m.narrowingExponent) << "\n"
      << "        profile:\n          shape: " << m.profile.shape << "\n";
    if (m.profile.shape == "gaussian") o << "          sigma: " << q(m.profile.sigmaM, "m") << "\n";
    if (m.profile.shape == "asymmetric-gaussian")
        o << "          sigma_inner: " << q(m.profile.sigmaInnerM, "m") << "\n"
          << "          sigma_outer: " << q(m.profile.sigmaOuterM, "m") << "\n";
    if (m.profile.shape == "tabulated") o << "          file: " << quoted(m.profileFile) << "\n";
    if (m.track.alongTrack.shape != AlongTrackProfile::Shape::Uniform)
        o << "        along_track: " << alongTrackYaml(m.track.alongTrack) << "\n";
    const MagnetMotion& mo = m.motion;
    o << "      motion:\n        kind: "
      << (mo.kind == MagnetMotion::Kind::Rotating ? "rotating"
          : mo.kind == MagnetMotion::Kind::Wobble ? "wobble"
                                                  : "none")
      << "\n";
    if (mo.kind == MagnetMotion::Kind::Rotating) o << "        offset: " << q(mo.offsetM, "m") << "\n";
    if (mo.kind == MagnetMotion::Kind::Wobble && c.kind == CathodeKind::Rotary)
        o << "        amplitude: " << q(mo.wobbleAmplitudeRad, "rad") << "\n";
    if (mo.kind == MagnetMotion::Kind::Wobble && c.kind == CathodeKind::PlanarRect)
        o << "        travel: " << q(mo.wobbleTravelM, "m") << "\n";
    if (mo.kind == MagnetMotion::Kind::Wobble) {
        o << "        waveform: " << swingWaveformName(mo.waveform) << "\n";
        if (mo.waveform == SwingWaveform::Dwell) o << "        dwell_fraction: " << exact(mo.dwellFraction) << "\n";
    }
    o << "        angle_samples: " << mo.angleSamples << "\n        samples: " << mo.wobbleSamples << "\n";
    const ToolDischarge& d = c.discharge;
    o << "    discharge:\n      gas: " << d.gas << "\n      voltage: " << q(d.voltageV, "V") << "\n";
    if (d.powerW) o << "      power: " << q(*d.powerW, "W") << "\n";
    if (d.currentA) o << "      current: " << q(*d.currentA, "A") << "\n";
    // A computed gamma_SE stays computed (so the file reads back to the same objects).
    o << (d.gammaSEGiven ? "      gamma_se: " : "      # gamma_se: ") << exact(d.gammaSE)
      << (d.gammaSEGiven ? "" : "  (Baragiola 1979 for this gas and target, IonSupply)") << "\n"
      << "      yield_model: " << d.yieldModel << "\n"
      << "    mesh:\n      pitch: " << q(c.meshPitchM, "m")
      << "\n      angular_pitch: " << q(c.meshAngularPitchRad, "rad") << "\n";
}

}  // namespace

std::string resolvedToolYaml(const ToolFile& tool, int digits) {
    tDigits = digits;
    std::ostringstream o;
    o << "# Resolved from " << tool.path << " (magtwin tool check --yaml): every default written out, SI units.\n"
      << "tool:\n  name: " << quoted(tool.name) << "\n  description: " << quoted(tool.description) << "\n"
      << "process:\n  gas: " << tool.process.gas << "\n  pressure: " << q(tool.process.pressurePa, "Pa")
      << "\n  temperature: " << q(tool.process.temperatureK, "K") << "\n";
    if (tool.process.cycleTimeS) o << "  cycle_time: " << q(*tool.process.cycleTimeS, "s") << "\n";
    if (!tool.process.sticking.allStick())
        o << "  sticking:\n    targets: " << exact(tool.process.sticking.targets)
          << "\n    shields: " << exact(tool.process.sticking.shields)
          << "\n    walls: " << exact(tool.process.sticking.walls) << "\n";
    if (const auto& r = tool.process.reactive) {
        o << "  reactive:\n";
        if (r->pumpingSpeedM3PerS) o << "    pumping_speed_L_s: " << exact(*r->pumpingSpeedM3PerS * 1e3) << "\n";
        if (r->targetAreaM2) o << "    target_area_cm2: " << exact(*r->targetAreaM2 * 1e4) << "\n";
        o << "    collector_area_cm2: " << exact(r->collectorAreaM2 * 1e4)
          << "\n    sticking_target: " << exact(r->stickingTarget)
          << "\n    sticking_collector: " << exact(r->stickingCollector)
          << "\n    implantation: " << (r->implantation ? "true" : "false")
          << "\n    redeposition_fraction: " << exact(r->redepositionFraction)
          << "\n    flow_scale: " << exact(r->flowScale)
          << "\n    substrate_rate_factor: " << exact(r->substrateRateFactor) << "\n";
        if (r->secondaryElectronCompound)
            o << "    secondary_electron_yield_compound: " << exact(*r->secondaryElectronCompound) << "\n";
        if (!r->flows.empty()) {  // the reactive supply (its history only matters with it)
            o << "    flows: {";
            for (std::size_t i = 0; i < r->flows.size(); ++i)
                o << (i ? ", " : "") << r->flows[i].gas << ": " << exact(r->flows[i].sccm) << " sccm";
            o << "}\n    approach: " << r->approach << "\n";
        }
    }
    o << "cathodes:\n";
    for (std::size_t i = 0; i < tool.cathodes.size(); ++i) {
        const ToolCathode& c = tool.cathodes[i];
        if (!c.arrayName.empty() && c.arrayIndex != 0) continue;  // written with its array
        writeCathode(o, c);
    }
    if (!tool.substrates.empty()) o << "substrates:\n";
    for (const ToolSubstrate& s : tool.substrates) {
        o << "  - name: " << quoted(s.name) << "\n    kind: " << s.kind << "\n";
        if (s.kind == "wafer")
            o << "    diameter: " << q(s.sizeXM, "m") << "\n";
        else
            o << "    size_x: " << q(s.sizeXM, "m") << "\n    size_y: " << q(s.sizeYM, "m") << "\n";
        o << "    centre: [" << q(s.centreXM, "m") << ", " << q(s.centreYM, "m") << "]\n"
          << "    pitch: " << q(s.pitchM, "m") << "\n    edge_exclusion: " << q(s.edgeExclusionM, "m") << "\n"
          << "    motion:\n      kind: " << s.motion.kind << "\n      time: " << q(s.motion.timeS, "s")
          << "\n      speed: " << q(s.motion.speedMS, "m/s") << "\n      passes: " << s.motion.passes << "\n";
        if (s.motion.platenAngleRad != 0.0) o << "      angle: " << q(s.motion.platenAngleRad, "rad") << "\n";
        if (s.motion.kind == "oscillation") {
            o << "      amplitude: " << q(s.motion.amplitudeM, "m") << "\n      period: " << q(s.motion.periodS, "s")
              << "\n      waveform: " << s.motion.waveform << "\n";
            if (s.motion.waveform == "dwell") o << "      dwell: " << exact(s.motion.dwellFraction) << "\n";
        }
        o << "    spec:\n      uniformity_target: " << q(s.uniformityTargetPct, "%") << "\n"
          << "    film:\n"
          << filmMaterialYaml(s.filmMaterial) << "      sticking: " << exact(s.sticking) << "\n";
    }
    if (!tool.sensors.empty()) o << "sensors:\n";
    for (const ToolSensor& s : tool.sensors)
        o << "  - name: " << quoted(s.name) << "\n    type: " << s.type << "\n    position: " << vec(s.position, "m")
          << "\n    facing: [" << exact(s.facing.x()) << ", " << exact(s.facing.y()) << ", " << exact(s.facing.z())
          << "]\n    tooling_factor: " << exact(s.toolingFactor) << "\n";
    if (!tool.supplies.empty()) o << "supplies:\n";
    for (const SupplySpec& s : tool.supplies) {
        o << "  - name: " << quoted(s.name) << "\n    kind: " << s.kind << "\n    feeds: [";
        for (std::size_t i = 0; i < s.feeds.size(); ++i) o << (i ? ", " : "") << quoted(s.feeds[i]);
        o << "]\n";
        if (s.kind == "rf") {
            o << "    match_efficiency: " << exact(s.rf.matchEfficiency)
              << "\n    cable_efficiency: " << exact(s.rf.cableEfficiency)
              << "\n    electron_temperature_eV: " << exact(s.rf.electronTemperatureV) << "\n";
            if (s.rf.plasmaPotentialV) o << "    plasma_potential: " << q(*s.rf.plasmaPotentialV, "V") << "\n";
        }
    }
    const ToolErosionSettings& e = tool.erosion;
    o << "erosion:\n  angular: " << e.angular << "\n";
    if (e.gridSpacingM) o << "  grid_spacing: " << q(*e.gridSpacingM, "m") << "\n";
    o << "  max_depth_increment: " << q(e.maxDepthIncrementM, "m") << "\n  angular_cells: " << e.angularCells
      << "\n  min_remaining_thickness: " << q(e.minRemainingThicknessM, "m") << "\n";
    if (e.lifeLimitKWh) o << "  limit: " << q(*e.lifeLimitKWh, "kWh") << "\n";
    if (!e.outputLifeKWh.empty()) {
        o << "  outputs: [";
        for (std::size_t i = 0; i < e.outputLifeKWh.size(); ++i) o << (i ? ", " : "") << q(e.outputLifeKWh[i], "kWh");
        o << "]\n";
    }
    o << "  output_angular_cells: " << e.outputAngularCells << "\n";
    if (e.vtkSpacingM) o << "  vtk_spacing: " << q(*e.vtkSpacingM, "m") << "\n";
    const ToolDepositionSettings& d = tool.deposition;
    o << "deposition:\n  angular: " << d.angular << "\n  cos_exponent: " << exact(d.cosExponent) << "\n"
      << "  optimise:\n    power_trims: " << (d.optimiseTrims ? "true" : "false")
      << "\n    min_trim: " << exact(d.minTrim) << "\n    max_trim: " << exact(d.maxTrim) << "\n";
    if (!d.wobbleCandidatesRad.empty()) {
        o << "    wobble_amplitudes: [";
        for (std::size_t i = 0; i < d.wobbleCandidatesRad.size(); ++i)
            o << (i ? ", " : "") << q(d.wobbleCandidatesRad[i], "rad");
        o << "]\n";
    }
    if (!d.endBoostGainBounds.empty())
        o << "    end_boost_gain: [" << exact(d.endBoostGainBounds[0]) << ", " << exact(d.endBoostGainBounds[1])
          << "]\n";
    if (!d.endBoostLengthBoundsM.empty())
        o << "    end_boost_length: [" << q(d.endBoostLengthBoundsM[0], "m") << ", "
          << q(d.endBoostLengthBoundsM[1], "m") << "]\n";
    o << "  gas_model:\n    sigma_eff_m2: " << exact(d.gasSigmaEffM2) << "\n    eta: " << exact(d.gasEta)
      << "\n    thermalisation_column_per_m2: " << exact(d.gasThermalisationColumnPerM2) << "\n"
      << "  monte_carlo:\n    histories: " << d.histories << "\n    seed: " << d.seed << "\n";
    return o.str();
}

std::string toolListingJson(const ToolFile& tool) {
    const auto str = [](const std::string& s) { return jsonString(s); };
    std::ostringstream o;
    o << "{\"cathodes\":[";
    for (std::size_t i = 0; i < tool.cathodes.size(); ++i)
        o << (i ? "," : "") << "{\"name\":" << str(tool.cathodes[i].name)
          << ",\"type\":" << str(cathodeKindName(tool.cathodes[i].kind))
          << ",\"material\":" << str(tool.cathodes[i].target.material.name) << ",\"operating_point\":"
          << operatingPointJson(operatingPoint(tool.cathodes[i].discharge, tool.cathodes[i].target.material)) << "}";
    o << "],\"substrates\":[";
    for (std::size_t i = 0; i < tool.substrates.size(); ++i)
        o << (i ? "," : "") << "{\"name\":" << str(tool.substrates[i].name) << "}";
    o << "],\"sensors\":[";
    for (std::size_t i = 0; i < tool.sensors.size(); ++i)
        o << (i ? "," : "") << "{\"name\":" << str(tool.sensors[i].name) << "}";
    o << "],\"supplies\":[";
    for (std::size_t i = 0; i < tool.supplies.size(); ++i) {
        o << (i ? "," : "") << "{\"name\":" << str(tool.supplies[i].name) << ",\"feeds\":[";
        for (std::size_t k = 0; k < tool.supplies[i].feeds.size(); ++k)
            o << (k ? "," : "") << str(tool.supplies[i].feeds[k]);
        o << "]}";
    }
    o << "]}\n";
    return o.str();
}

}  // namespace magtwin
