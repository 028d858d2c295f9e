#include "postprocessing/reports/DepositReport.hpp"
#include "postprocessing/reports/DiagnosisReport.hpp"
#include "postprocessing/reports/OperatingPointJson.hpp"

#include "postprocessing/io/OutputFolder.hpp"

#include "boundary/util/Json.hpp"
#include "boundary/util/TextNumber.hpp"
#include "postprocessing/io/AtomicFile.hpp"
#include "postprocessing/plot/HeatMap.hpp"
#ifdef MAGTWIN_HAVE_VTK
#include "postprocessing/vtk/VtkWriters.hpp"
#endif

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>

namespace magtwin {

namespace fs = std::filesystem;

namespace {

/// Numbers in titles and labels.
std::string num(double v, int precision = 6) { return textNumber(v, precision); }

void writeCsv(const DepositRun& r, const std::string& path) {
    writeFileAtomically(path, [&](std::ostream& out) {
        out << "# magtwin deposit: " << jsonString(r.config.file) << ", method " << r.method << ", life " << r.lifeKWh
            << " kWh, film " << r.config.filmMaterial.name << "\n";
        const bool rate = r.config.motion.kind != SubstrateMotion::Kind::InlineScan;
        // A film of several species: its atom fractions too (an elemental film's file is as before).
        const auto& species = r.composition.species;
        const bool fractions = species.size() > 1;
        out << "x_mm,y_mm,thickness_nm," << (rate ? "rate_nm_s," : "") << "in_quality_area";
        if (fractions)
            for (const std::string& s : species) out << "," << s << "_fraction";
        out << "\n" << std::setprecision(8);
        const auto& g = r.grid;
        for (std::size_t k = 0; k < g.grid.size(); ++k) {
            if (!g.onSubstrate[k]) continue;
            out << g.grid.points[k].x() * 1e3 << "," << g.grid.points[k].y() * 1e3 << "," << r.thicknessNm[k] << ",";
            if (rate) out << r.thicknessNm[k] / r.config.motion.timeS << ",";
            out << int(g.inUniformityArea[k]);
            if (fractions)
                for (std::size_t s = 0; s < species.size(); ++s) out << "," << r.composition.fraction[s][k];
            out << "\n";
        }
    });
}

void writeHeatMap(const DepositRun& r, const std::string& path) {
    const auto& g = r.grid;
    std::vector<double> x(g.grid.nu), y(g.grid.nv), v(g.grid.size());
    for (std::size_t i = 0; i < g.grid.nu; ++i) x[i] = (g.x0 + i * g.dx) * 1e3;
    for (std::size_t j = 0; j < g.grid.nv; ++j) y[j] = (g.y0 + j * g.dy) * 1e3;
    for (std::size_t k = 0; k < v.size(); ++k) v[k] = g.onSubstrate[k] ? r.thicknessNm[k] : NAN;
    const auto& u = r.uniformity;
    const double mid = 0.5 * (u.maxNm + u.minNm), lim = u.targetPct / 100.0;
    HeatMapSpec s;
    s.title = "Film thickness, " + r.config.substrateName + " (" + r.method + ", " + num(r.lifeKWh) +
              " kWh): U = " + num(u.rangePct, 3) + " % -> " + (u.pass ? "PASS" : "FAIL") + " (target " +
              num(u.targetPct, 3) + " %, edge exclusion " + num(r.config.substrate.edgeExclusionM * 1e3, 3) + " mm)";
    s.colourLabel = "thickness (nm)";
    s.contourLevels = {mid * (1 - lim), mid * (1 + lim)};
    s.contourLabel = "(max+min)/2 x (1 -+ " + num(u.targetPct, 3) + " %): the film passes inside this band";
    renderHeatMap(s, x, y, v, path);
}

}  // namespace

std::string compositionJson(const FilmComposition& c) {
    std::ostringstream o;
    o << "{\"basis\": \"atomic\", \"thickness_rule\": " << jsonString(filmThicknessRuleName(c.rule))
      << ", \"species\": {";
    for (std::size_t s = 0; s < c.uniformity.size(); ++s) {
        const SpeciesUniformity& u = c.uniformity[s];
        o << (s ? ", " : "") << jsonString(u.symbol) << ": {\"mean_at_pct\": " << jsonNumber(u.meanPct)
          << ", \"min_at_pct\": " << jsonNumber(u.minPct) << ", \"max_at_pct\": " << jsonNumber(u.maxPct)
          << ", \"uniformity_at_pct\": " << jsonNumber(u.rangePct) << "}";
    }
    o << "}}";
    return o.str();
}

std::string summaryJson(const DepositRun& r) {
    const auto& u = r.uniformity;
    std::ostringstream o;
    o << "{\n  \"uniformity_range_pct\": " << jsonNumber(u.rangePct)
      << ",\n  \"uniformity_sigma_pct\": " << jsonNumber(u.sigmaPct) << ",\n  \"mean_nm\": " << jsonNumber(u.meanNm)
      << ",\n  \"min_nm\": " << jsonNumber(u.minNm) << ",\n  \"max_nm\": " << jsonNumber(u.maxNm)
      << ",\n  \"pass\": " << (u.pass ? "true" : "false")
      << ",\n  \"edge_exclusion_mm\": " << jsonNumber(r.config.substrate.edgeExclusionM * 1e3)
      << ",\n  \"uncovered_substrate_share\": " << jsonNumber(r.config.uncoveredSubstrateShare)
      << ",\n  \"pressure_Pa\": " << jsonNumber(r.config.pressurePa) << ",\n  \"method\": " << jsonString(r.method)
      << ",\n  \"target_pct\": " << jsonNumber(u.targetPct)
      << ",\n  \"substrate\": " << jsonString(r.config.substrateName)
      << ",\n  \"pitch_mm\": " << jsonNumber(r.config.substrate.pitchM * 1e3)
      << ",\n  \"points\": " << r.grid.grid.size() << ",\n  \"life_kWh\": " << jsonNumber(r.lifeKWh)
      << ",\n  \"film\": " << jsonString(r.config.filmMaterial.name) << ",\n  \"config\": " << jsonString(r.config.file)
      << ",\n  \"seconds\": " << jsonNumber(r.seconds) << ",\n  \"cathodes\": [";
    // Each cathode's operating point at trim 1 (its group's power and discharge): the numbers
    // the erosion engine and `erode` use (chamber/OperatingPoint, one computation).
    std::vector<OperatingPoint> operating;
    for (const CathodeGroup& g : r.config.cathodes)
        for (int i = 0; i < g.cathodeCount(); ++i) operating.push_back(groupOperatingPoint(g));
    for (std::size_t k = 0; k < r.layout.cathodeNames.size(); ++k)
        o << (k ? "," : "") << "\n    {\"name\": " << jsonString(r.layout.cathodeNames[k])
          << ", \"atoms_per_s_at_trim_1\": " << jsonNumber(r.layout.atomsPerSecond[k])
          << ", \"eroded_depth_mm\": " << jsonNumber(r.layout.erodedDepthM[k] * 1e3)
          << ", \"trim\": " << jsonNumber(r.optimised ? r.trims.trims[k] : 1.0)
          << (k < r.cathodePowerW.size() ? ", \"power_kW\": " + jsonNumber(r.cathodePowerW[k] / 1e3) : std::string())
          << (k < operating.size() ? ", \"operating_point\": " + operatingPointJson(operating[k]) : std::string())
          << "}";
    o << "\n  ]";
    o << ",\n  \"composition\": " << compositionJson(r.composition);
    o << ",\n  \"diagnosis\": " << diagnosisJson(r.diagnosis, r.diagnosisGeometry);
    if (r.optimised)
        o << ",\n  \"optimiser\": {\"range_pct_before\": " << jsonNumber(r.trims.rangePctBefore)
          << ", \"range_pct_after\": " << jsonNumber(r.trims.rangePctAfter)
          << ", \"pitch_mm\": " << jsonNumber(r.optimiserPitchM * 1e3) << "}";
    if (!r.wobbleScan.empty()) {
        o << ",\n  \"wobble_scan\": [";
        for (std::size_t k = 0; k < r.wobbleScan.size(); ++k)
            o << (k ? ", " : "") << "{\"amplitude_deg\": " << jsonNumber(r.wobbleScan[k].first * 180 / M_PI)
              << ", \"range_pct_after_trims\": " << jsonNumber(r.wobbleScan[k].second) << "}";
        o << "]";
    }
    if (r.endBoost) {
        const auto trial = [](const EndBoostTrial& t) {
            return "{\"gain\": " + jsonNumber(t.gain) + ", \"length_mm\": " + jsonNumber(t.lengthM * 1e3) +
                   ", \"range_pct_after_trims\": " + jsonNumber(t.rangePct) + "}";
        };
        o << ",\n  \"end_boost\": {\"start\": " << trial(r.endBoost->start) << ", \"best\": " << trial(r.endBoost->best)
          << ", \"trials\": [";
        for (std::size_t k = 0; k < r.endBoost->trials.size(); ++k)
            o << (k ? ", " : "") << trial(r.endBoost->trials[k]);
        o << "]}";
    }
    o << "\n}\n";
    return o.str();
}

void printVerdict(const DepositRun& r, std::ostream& out) {
    const auto& u = r.uniformity;
    out << std::setprecision(4) << r.config.substrateName << " " << r.config.substrate.sizeXM * 1e3 << " x "
        << r.config.substrate.sizeYM * 1e3 << " mm, " << r.layout.sources.size() << " cathodes, life " << r.lifeKWh
        << " kWh, method " << r.method << " (" << r.seconds << " s)\n";
    if (r.optimised) {
        out << "power trims (optimised):";
        for (double t : r.trims.trims) out << " " << std::setprecision(4) << t;
        out << "\n";
        printCathodePowers("cathode power with the trims", r.layout.cathodeNames, r.cathodePowerW, out);
        out << "  U on the optimiser grid: " << r.trims.rangePctBefore << " % before -> " << r.trims.rangePctAfter
            << " % after\n";
        for (const auto& [amplitude, u] : r.wobbleScan)
            out << "  wobble " << amplitude * 180 / M_PI << " deg: U after trims " << u << " %\n";
        if (r.endBoost)
            out << "  end boost: gain " << r.endBoost->start.gain << ", length " << r.endBoost->start.lengthM * 1e3
                << " mm: U after trims " << r.endBoost->start.rangePct << " % -> chosen gain " << r.endBoost->best.gain
                << ", length " << r.endBoost->best.lengthM * 1e3 << " mm: " << r.endBoost->best.rangePct << " % ("
                << r.endBoost->trials.size() << " trials)\n";
    }
    out << "thickness mean " << u.meanNm << " nm, min " << u.minNm << " nm, max " << u.maxNm << " nm\n";
    out << "uniformity (edge exclusion " << r.config.substrate.edgeExclusionM * 1e3 << " mm): U = " << u.rangePct
        << " %, sigma/mean = " << u.sigmaPct << " %  -> " << (u.pass ? "PASS" : "FAIL") << " (target " << u.targetPct
        << " %)\n";
    printDiagnosis(r.diagnosis, r.diagnosisGeometry, out);
    // A film of several species: its composition over the quality area (summary.json "composition").
    if (r.composition.uniformity.size() > 1) {
        out << "composition (at.%, quality area, thickness rule " << filmThicknessRuleName(r.composition.rule) << "):";
        for (const SpeciesUniformity& s : r.composition.uniformity)
            out << " " << s.symbol << " " << s.meanPct << " [" << s.minPct << ", " << s.maxPct << "]";
        out << "\n";
    }
}

void writeDepositFolder(const DepositRun& r, const std::string& dir, bool withCsv,
                        const std::function<void(const fs::path&)>& extra) {
    writeFolderAtomically(dir, [&](const fs::path& tmp) {
        if (withCsv) writeCsv(r, (tmp / "thickness.csv").string());
#ifdef MAGTWIN_HAVE_VTK
        GridSurface map = r.grid.grid;
        map.setScalar("thickness_nm", r.thicknessNm);
        if (r.config.motion.kind != SubstrateMotion::Kind::InlineScan) {
            std::vector<double> rate(r.thicknessNm);
            for (double& v : rate) v /= r.config.motion.timeS;
            map.setScalar("rate_nm_s", std::move(rate));  // time-averaged for a rotating wafer
        }
        // <El>_fraction: atom fraction of each species of the film (NaN where nothing arrives).
        for (std::size_t s = 0; s < r.composition.species.size(); ++s)
            map.setScalar(r.composition.species[s] + "_fraction", r.composition.fraction[s]);
        std::vector<bool> quality(r.grid.inUniformityArea.begin(), r.grid.inUniformityArea.end());
        writeSubstrateMapVtk(map, quality, (tmp / "thickness.vts").string());
#endif
        writeHeatMap(r, (tmp / "thickness_map.png").string());
        writeFileAtomically((tmp / "summary.json").string(), [&](std::ostream& o) { o << summaryJson(r); });
        if (extra) extra(tmp);
    });
}

}  // namespace magtwin
