#include "cli/deposit/DesignSearchCommand.hpp"

#include "boundary/util/Json.hpp"
#include "boundary/util/TextNumber.hpp"
#include "cli/Progress.hpp"
#include "cli/UsageError.hpp"
#include "cli/deposit/DepositConfig.hpp"
#include "cli/tool/ToolFileWriter.hpp"
#include "cli/tool/ToolGeometryChecks.hpp"
#include "postprocessing/io/AtomicFile.hpp"
#include "postprocessing/io/OutputFolder.hpp"
#include "postprocessing/reports/DepositReport.hpp"
#include "solvers/deposition/RingMagnetDesign.hpp"

#include <chrono>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace magtwin {

namespace {

/// "LO:HI" in mm as [lo, hi] in m; `lo`, `hi` when the option is not given.
void rangeMm(const std::string& option, const std::string& text, double& lo, double& hi) {
    if (text.empty()) return;
    const auto colon = text.find(':');
    double a = 0, b = 0;
    try {
        std::size_t na = 0, nb = 0;
        if (colon == std::string::npos) throw std::invalid_argument("no colon");
        a = std::stod(text.substr(0, colon), &na);
        b = std::stod(text.substr(colon + 1), &nb);
        if (na != colon || nb != text.size() - colon - 1) throw std::invalid_argument("trailing text");
    } catch (const std::exception&) {
        throw UsageError(option + ": expected LO:HI in mm, got '" + text + "'");
    }
    if (!(a > 0) || !(b >= a) || !std::isfinite(b))
        throw UsageError(option + ": need 0 < LO <= HI (mm), got '" + text + "'");
    lo = a * 1e-3, hi = b * 1e-3;
}

std::size_t onlyCathode(const ToolFile& tool) {
    if (tool.cathodes.size() != 1 || tool.cathodes.front().kind != CathodeKind::PlanarCircular)
        throw UsageError(tool.path +
                         ": --design-search needs a tool with exactly one cathode, of type planar-circular");
    return 0;
}

/// The tool file with design `d` (what design_tool.yaml writes; depositCaseFor of it is
/// withRingMagnetDesign of the tool's case).
ToolFile withDesign(const ToolFile& tool, const RingMagnetDesign& d) {
    ToolFile t = tool;
    ToolCathode& c = t.cathodes[onlyCathode(tool)];
    c.magnets.track.ringRadiusM = d.ringM;
    c.magnets.profile = TrackProfileSpec{};
    c.magnets.profile.sigmaM = d.sigmaM;
    c.magnets.profileFile.clear();
    c.position.z() = d.throwM;
    c.magnets.motion.offsetM = c.magnets.track.magnetOffsetM = d.offsetM;
    return t;
}

std::string num(double v) { return jsonNumber(v); }

std::string designJson(const RingMagnetFigures& f) {
    std::ostringstream o;
    o << "{\"ring_radius_mm\": " << num(f.design.ringM * 1e3) << ", \"sigma_mm\": " << num(f.design.sigmaM * 1e3)
      << ", \"throw_mm\": " << num(f.design.throwM * 1e3) << ", \"magnet_offset_mm\": " << num(f.design.offsetM * 1e3)
      << ", \"U_pct\": " << num(f.u.rangePct) << ", \"sigma_mean_pct\": " << num(f.u.sigmaPct)
      << ", \"mean_nm\": " << num(f.u.meanNm) << ", \"rate_nm_s\": " << num(f.rateNmS)
      << ", \"pass\": " << (f.u.pass ? "true" : "false") << "}";
    return o.str();
}

std::string designsJson(const std::vector<RingMagnetFigures>& list) {
    std::string s;
    for (std::size_t i = 0; i < list.size(); ++i) s += (i ? ",\n    " : "\n    ") + designJson(list[i]);
    return s;
}

std::string searchJson(const ToolFile& tool, const DepositCase& c, const RingMagnetSearch& s, double seconds) {
    const RingMagnetBounds& b = s.bounds;
    const PlanarCircularTarget t = planarCircularOf(ringMagnetCathode(c));
    std::ostringstream j;
    j << "{\n  \"tool\": " << jsonString(tool.name) << ",\n  \"cathode\": " << jsonString(tool.cathodes.front().name)
      << ",\n"
      << "  \"bounds_mm\": {\"ring_radius\": [" << num(b.ringLoM * 1e3) << ", " << num(b.ringHiM * 1e3)
      << "], \"sigma\": [" << num(b.sigmaLoM * 1e3) << ", " << num(b.sigmaHiM * 1e3) << "], \"throw\": ["
      << num(b.throwLoM * 1e3) << ", " << num(b.throwHiM * 1e3) << "], \"magnet_offset\": [" << num(b.offsetLoM * 1e3)
      << ", " << num(b.offsetHiM * 1e3) << "]},\n"
      << "  \"fit_rule\": "
      << jsonString("ring_radius + magnet offset + 3.035 sigma (1 % footprint) <= target radius " +
                    textNumber(t.radiusM * 1e3, 6) + " mm")
      << ",\n"
      << "  \"search_pitch_mm\": " << num(s.searchPitchM * 1e3)
      << ",\n  \"evaluations\": {\"grid\": " << s.gridEvaluations << ", \"refinement\": " << s.refinementEvaluations
      << "},\n  \"seconds\": " << num(seconds) << ",\n"
      << "  \"uniformity_target_pct\": " << num(c.uniformityTargetPct) << ",\n"
      << "  \"tool_design\": " << designJson(s.toolDesign) << ",\n  \"best\": " << designJson(s.best.front())
      << ",\n  \"designs\": [" << designsJson(s.best) << "\n  ],\n  \"best_per_throw_search_grid\": ["
      << designsJson(s.bestPerThrow) << "\n  ]\n}\n";
    return j.str();
}

}  // namespace

int runDesignSearch(const std::string& toolPath, const std::string& substrate, const std::string& out,
                    const DesignBounds& o, bool json) {
    const auto t0 = std::chrono::steady_clock::now();
    const ToolFile tool = loadToolFile(toolPath);
    onlyCathode(tool);
    const DepositCase c = depositCaseFor(tool, substrate);
    requireGasCalibration(c, "fast");
    RingMagnetBounds b = defaultRingMagnetBounds(c);
    const double radius = ringMagnetCathode(c).cathode.geometry.radiusM;
    rangeMm("--design-offset-mm", o.offsetMm, b.offsetLoM, b.offsetHiM);
    b.ringHiM = radius - b.offsetLoM;  // the default: the ring's centre line on the target at the smallest offset
    rangeMm("--design-ring-mm", o.ringMm, b.ringLoM, b.ringHiM);
    rangeMm("--design-sigma-mm", o.sigmaMm, b.sigmaLoM, b.sigmaHiM);
    rangeMm("--design-throw-mm", o.throwMm, b.throwLoM, b.throwHiM);
    if (b.ringLoM >= radius - b.offsetLoM)
        throw UsageError("--design-ring-mm: LO must be below the target radius minus the magnet offset (" +
                         textNumber((radius - b.offsetLoM) * 1e3, 6) + " mm)");
    // The tool file's own geometry check: no sensor inside the moved target body.
    const auto sensorsClear = [&](const RingMagnetDesign& d) {
        const ToolCathode moved = withDesign(tool, d).cathodes.front();
        for (const ToolSensor& s : tool.sensors)
            if (insideBody(moved, s.position)) return false;
        return true;
    };
    const RingMagnetSearch s = searchRingMagnet(c, b, sensorsClear, terminalProgress());
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    DepositRun bestRun = s.bestRun;
    bestRun.seconds = seconds;
    const std::string designText = searchJson(tool, c, s, seconds);
    const RingMagnetFigures& f = s.best.front();
    std::ostringstream head;
    head << std::setprecision(6) << "# magtwin deposit --design-search: the best design of " << toolPath
         << " (U = " << f.u.rangePct << " % at the tool's pitch)\n";
    const std::string toolText = head.str() + resolvedToolYaml(withDesign(tool, f.design));
    progress("writing " + out);
    writeDepositFolder(bestRun, out, false, [&](const std::filesystem::path& tmp) {
        writeFileAtomically((tmp / "design.json").string(), [&](std::ostream& w) { w << designText; });
        writeFileAtomically((tmp / "design_tool.yaml").string(), [&](std::ostream& w) { w << toolText; });
    });
    if (json) {
        std::cout << designText;
        return 0;
    }
    const RingMagnetDesign& own = s.toolDesign.design;
    std::cout << std::setprecision(4) << "design search over " << s.gridEvaluations + s.refinementEvaluations
              << " designs (" << seconds << " s)\n  tool's design: ring " << own.ringM * 1e3 << " mm, sigma "
              << own.sigmaM * 1e3 << " mm, throw " << own.throwM * 1e3 << " mm, offset " << own.offsetM * 1e3
              << " mm: U = " << s.toolDesign.u.rangePct << " %\n  best design:   ring " << f.design.ringM * 1e3
              << " mm, sigma " << f.design.sigmaM * 1e3 << " mm, throw " << f.design.throwM * 1e3 << " mm, offset "
              << f.design.offsetM * 1e3 << " mm: U = " << f.u.rangePct << " %, sigma/mean = " << f.u.sigmaPct
              << " %, rate " << f.rateNmS << " nm/s -> " << (f.u.pass ? "PASS" : "FAIL") << " (target " << f.u.targetPct
              << " %)\n  output        " << out
              << "/ (design.json, design_tool.yaml, thickness_map.png, summary.json)\n";
    return 0;
}

}  // namespace magtwin
