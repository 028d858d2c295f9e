#include "cli/deposit/LifeSweepCommand.hpp"

#include "boundary/util/Json.hpp"
#include "boundary/util/TextNumber.hpp"
#include "cli/Progress.hpp"
#include "cli/UsageError.hpp"
#include "postprocessing/io/AtomicFile.hpp"
#include "postprocessing/io/OutputFolder.hpp"
#include "postprocessing/plot/LinePlot.hpp"
#include "postprocessing/reports/DiagnosisReport.hpp"
#include "solvers/deposition/LifeSweep.hpp"
#ifdef MAGTWIN_HAVE_VTK
#include "postprocessing/vtk/VtkWriters.hpp"
#endif

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>
#include <sstream>

namespace magtwin {

namespace fs = std::filesystem;

namespace {

/// Numbers in the printed text and the picture.
std::string num(double v, int precision = 6) { return textNumber(v, precision); }

void writeCsvHeader(std::ostream& o, std::size_t cathodes) {
    o << "life_kWh,U_fixed_pct,U_retrimmed_pct,sigma_fixed_pct,sigma_retrimmed_pct,mean_fixed_nm,min_fixed_nm,"
         "max_fixed_nm,mean_retrimmed_nm,min_retrimmed_nm,max_retrimmed_nm";
    for (std::size_t k = 0; k < cathodes; ++k) o << ",trim_" << k + 1;
    for (std::size_t k = 0; k < cathodes; ++k) o << ",power_kW_" << k + 1;
    o << ",dominant_cause\n";
}

void writeCsvRow(std::ostream& o, const DepositCase& c, const LifePoint& p) {
    o << jsonNumber(p.kWh) << "," << jsonNumber(p.fixed.rangePct) << "," << jsonNumber(p.retrimmed.rangePct) << ","
      << jsonNumber(p.fixed.sigmaPct) << "," << jsonNumber(p.retrimmed.sigmaPct) << "," << jsonNumber(p.fixed.meanNm)
      << "," << jsonNumber(p.fixed.minNm) << "," << jsonNumber(p.fixed.maxNm) << "," << jsonNumber(p.retrimmed.meanNm)
      << "," << jsonNumber(p.retrimmed.minNm) << "," << jsonNumber(p.retrimmed.maxNm);
    for (double t : p.trims) o << "," << jsonNumber(t);
    for (double w : cathodePowersW(c, p.trims)) o << "," << jsonNumber(w / 1e3);
    o << "," << causeName(p.diagnosis.dominant) << "\n";
}

void writePlot(const std::vector<LifePoint>& pts, double specPct, double endOfLifeKWh, const std::string& substrate,
               const std::string& path) {
    PlotSeries fixed{"U, recipe fixed at the new-target trims", {}, {}, PlotSeries::Style::LinePoints};
    PlotSeries re{"U, trims re-optimised at each point", {}, {}, PlotSeries::Style::LinePoints};
    double uMax = specPct;
    for (const auto& p : pts) {
        fixed.x.push_back(p.kWh), fixed.y.push_back(p.fixed.rangePct);
        re.x.push_back(p.kWh), re.y.push_back(p.retrimmed.rangePct);
        uMax = std::max({uMax, p.fixed.rangePct, p.retrimmed.rangePct});
    }
    const double x1 = std::max(pts.back().kWh, std::isfinite(endOfLifeKWh) ? endOfLifeKWh : 0.0);
    PlotSeries spec{"spec U = " + num(specPct, 3) + " %", {pts.front().kWh, x1}, {specPct, specPct}};
    std::vector<PlotSeries> series{fixed, re, spec};
    if (std::isfinite(endOfLifeKWh))
        series.push_back(
            {"end of life " + num(endOfLifeKWh, 5) + " kWh", {endOfLifeKWh, endOfLifeKWh}, {0.0, 1.1 * uMax}});
    PlotAxes axes;
    axes.title = "Uniformity over target life (" + substrate + ")";
    axes.xLabel = "target life (kWh per cathode)";
    axes.yLabel = "U = (max - min)/(max + min) (%)";
    axes.yMax = 1.1 * uMax;
    renderLinePlot(axes, series, path);
}

double peakRssMiB() {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

std::string kWList(const std::vector<double>& w) {
    std::string s = "[";
    for (std::size_t k = 0; k < w.size(); ++k) s += (k ? ", " : "") + jsonNumber(w[k] / 1e3);
    return s + "]";
}

std::string summaryJson(const DepositCase& c, const std::string& method, const LifeSweepResult& r,
                        const DiagnosisGeometry& geometry, std::chrono::steady_clock::duration elapsed) {
    const auto& crossing = r.fixedRecipeLeavesSpecKWh;
    std::ostringstream s;
    s << "{\n  \"config\": " << jsonString(c.file) << ",\n  \"method\": " << jsonString(method)
      << ",\n  \"target_pct\": " << jsonNumber(c.uniformityTargetPct)
      << ",\n  \"end_of_life_kWh\": " << jsonNumber(r.endOfLifeKWh)
      << ",\n  \"fixed_recipe_leaves_spec_kWh\": " << (crossing ? jsonNumber(*crossing) : "null")
      << ",\n  \"rate_loss_pct\": " << jsonNumber(r.rateLossPct)
      << ",\n  \"new_target_power_kW\": " << kWList(r.newTargetPowersW)
      << ",\n  \"last_point_power_kW\": " << kWList(r.lastPointPowersW)
      << ",\n  \"cycle_time_s\": " << (r.life ? jsonNumber(r.life->cycleTimeS) : "null")
      << ",\n  \"end_of_life_substrates\": " << (r.life ? jsonNumber(r.life->substrates) : "null")
      << ",\n  \"end_of_life_days\": " << (r.life ? jsonNumber(r.life->days) : "null")
      << ",\n  \"seconds\": " << jsonNumber(std::chrono::duration<double>(elapsed).count())
      << ",\n  \"peak_rss_MiB\": " << jsonNumber(peakRssMiB()) << ",\n  \"points\": [";
    for (std::size_t i = 0; i < r.points.size(); ++i)
        s << (i ? "," : "") << "\n    {\"life_kWh\": " << jsonNumber(r.points[i].kWh)
          << ", \"U_fixed_pct\": " << jsonNumber(r.points[i].fixed.rangePct)
          << ", \"U_retrimmed_pct\": " << jsonNumber(r.points[i].retrimmed.rangePct)
          << ", \"mean_fixed_nm\": " << jsonNumber(r.points[i].fixed.meanNm)
          << ", \"mean_retrimmed_nm\": " << jsonNumber(r.points[i].retrimmed.meanNm)
          << ", \"diagnosis_fixed\": " << diagnosisJson(r.points[i].diagnosis, geometry) << "}";
    s << "\n  ]\n}\n";
    return s.str();
}

void printSweep(const DepositCase& c, const std::string& method, const LifeSweepResult& r,
                const std::vector<std::string>& names, const DiagnosisGeometry& geometry, std::ostream& o) {
    const LifeSweepRange& range = r.range;
    const auto& crossing = r.fixedRecipeLeavesSpecKWh;
    const std::string spec = num(c.uniformityTargetPct, 3);
    o << c.file << ": " << r.points.size() << " life points " << num(range.fromKWh) << " .. " << num(range.toKWh)
      << " kWh (end of life " << num(r.endOfLifeKWh, 5) << " kWh), method " << method << "\n";
    for (const auto& p : r.points)
        o << "  " << std::setw(8) << num(p.kWh, 5) << " kWh: U fixed " << num(p.fixed.rangePct, 4) << " %, re-trimmed "
          << num(p.retrimmed.rangePct, 4) << " %, mean fixed " << num(p.fixed.meanNm, 4) << " nm, dominant "
          << causeName(p.diagnosis.dominant) << "\n";
    if (crossing && *crossing == r.points.front().kWh)
        o << "the fixed recipe is outside the " << spec << " % spec already at the first point (" << num(*crossing, 5)
          << " kWh)\n";
    else if (crossing)
        o << "the fixed recipe leaves the " << spec << " % spec at " << num(*crossing, 5) << " kWh\n";
    else
        o << "the fixed recipe stays within the " << spec << " % spec at every point up to " << num(range.toKWh, 5)
          << " kWh (end of life " << num(r.endOfLifeKWh, 5) << " kWh)\n";
    o << "rate loss (mean film, recipe fixed, " << num(range.fromKWh, 5) << " -> " << num(range.toKWh, 5)
      << " kWh): " << num(r.rateLossPct, 3) << " %" << (r.rateLossPct < 0 ? " (the mean film rises over life)" : "")
      << "\n";
    printCathodePowers("power, new-target trims", names, r.newTargetPowersW, o);
    printCathodePowers("power, trims re-optimised at " + num(range.toKWh, 5) + " kWh", names, r.lastPointPowersW, o);
    if (r.life)
        o << "end of life " << num(r.endOfLifeKWh, 5)
          << " kWh = " << static_cast<long long>(std::floor(r.life->substrates)) << " substrates ("
          << num(r.life->exposureS, 4) << " s at " << num(r.life->highestPowerW / 1e3, 4)
          << " kW on the hardest-driven cathode) = " << num(r.life->days, 3) << " days at a "
          << num(r.life->cycleTimeS, 4) << " s cycle\n";
    else
        o << "(process.cycle_time in the tool file gives the end of life in substrates and days)\n";
    if (!r.points.empty()) {
        o << "at " << num(r.points.back().kWh, 5) << " kWh, recipe fixed: ";
        printDiagnosis(r.points.back().diagnosis, geometry, o);
    }
}

}  // namespace

int runLifeSweep(const DepositCase& c, const std::string& out, const std::string& sweep, const std::string& method,
                 bool json) {
    LifeSweepRange range;
    try {
        range = parseLifeSweep(sweep);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    if (method != "fast" && method != "direct")
        throw UsageError("--life-sweep: --method must be fast or direct, got '" + method + "'");
    const auto t0 = std::chrono::steady_clock::now();
    writeFolderAtomically(out, [&](const fs::path& tmp) {
        std::ofstream csv(tmp / "life_sweep.csv");
        csv << "# magtwin deposit --life-sweep " << sweep << ": " << c.file << ", method " << method << "\n";
#ifdef MAGTWIN_HAVE_VTK
        fs::create_directory(tmp / "maps");
        std::vector<PvdEntry> pvd;
#endif
        // Each point's row and maps are written as soon as it is computed.
        const auto onPoint = [&](std::size_t i, const LifePoint& p, const SubstrateGrid& grid,
                                 std::vector<double>& fixedMap, std::vector<double>& retrimmedMap) {
            if (i == 0) writeCsvHeader(csv, p.trims.size());
            writeCsvRow(csv, c, p);
            csv.flush();
#ifdef MAGTWIN_HAVE_VTK
            char name[32];
            std::snprintf(name, sizeof name, "maps/life_%04zu.vts", i);
            GridSurface map = grid.grid;
            map.setScalar("thickness_fixed_nm", std::move(fixedMap));
            map.setScalar("thickness_retrimmed_nm", std::move(retrimmedMap));
            writeSubstrateMapVtk(map, std::vector<bool>(grid.inUniformityArea.begin(), grid.inUniformityArea.end()),
                                 (tmp / name).string());
            pvd.push_back({p.kWh, name});
#else
            (void)grid, (void)fixedMap, (void)retrimmedMap;
#endif
        };
        const LifeSweepResult r = sweepLife(
            c, range, method == "fast" ? TransportMethod::Fast : TransportMethod::Direct, onPoint, terminalProgress());
        csv.close();
        if (!csv) throw std::runtime_error("cannot write " + (tmp / "life_sweep.csv").string());
#ifdef MAGTWIN_HAVE_VTK
        writePvd(pvd, (tmp / "life_sweep.pvd").string());
#endif
        writePlot(r.points, c.uniformityTargetPct, r.endOfLifeKWh, c.substrateName, (tmp / "life_sweep.png").string());
        const DiagnosisGeometry geometry = diagnosisGeometryOf(c, sampleSubstrate(c.substrate));
        const std::string s = summaryJson(c, method, r, geometry, std::chrono::steady_clock::now() - t0);
        writeFileAtomically((tmp / "summary.json").string(), [&](std::ostream& o) { o << s; });
        if (json)
            std::cout << s;
        else
            printSweep(c, method, r, cathodeNamesOf(c), geometry, std::cout);
    });
    progress("done in " + num(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 4) +
             " s, peak RSS " + num(peakRssMiB(), 4) + " MiB");
    return 0;
}

}  // namespace magtwin
