#include "deposit/LifeSweepCommand.hpp"

#include "UsageError.hpp"
#include "deposition/DepositionRun.hpp"
#include "Progress.hpp"
#include "deposition/LifeSweep.hpp"
#include "deposition/Uniformity.hpp"
#include "elements/ElementTable.hpp"
#include "io/AtomicFile.hpp"
#include "io/OutputFolder.hpp"
#include "plot/LinePlot.hpp"
#ifdef MAGTWIN_HAVE_VTK
#include "vtk/VtkWriters.hpp"
#endif

#include <sys/resource.h>

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

LifePoint computeLifePoint(const DepositCase& c, std::shared_ptr<const EmissionAngularDistribution> law,
                           const std::vector<ErodedGroup>& eroded, double kWh, const std::vector<double>& fixedTrims,
                           const SubstrateGrid& grid, TransportMethod method, std::vector<double>& thicknessFixed,
                           std::vector<double>& thicknessRetrimmed) {
    const double n = ElementTable::builtin().get(c.filmMaterial).atomicDensityPerM3();
    const CathodeResponses responses = responsesAt(c, law, kWh, eroded, grid, method);
    auto mapWith = [&](const std::vector<double>& trims) {
        return thicknessNm(responses.combined(cathodeTrims(c, trims)), n, c.sticking);
    };
    LifePoint p;
    p.kWh = kWh;
    thicknessFixed = mapWith(fixedTrims);
    p.fixed = uniformity(thicknessFixed, grid.inUniformityArea, c.uniformityTargetPct);
    if (c.optimiseTrims) {
        double pitch = 0;
        p.trims = optimiseTrims(c, law, kWh, eroded, method, pitch, &responses).trims;
        thicknessRetrimmed = mapWith(p.trims);
        p.retrimmed = uniformity(thicknessRetrimmed, grid.inUniformityArea, c.uniformityTargetPct);
    } else {
        p.trims = fixedTrims;
        thicknessRetrimmed = thicknessFixed;
        p.retrimmed = p.fixed;
    }
    return p;
}

std::vector<double> newTargetTrims(const DepositCase& c, std::shared_ptr<const EmissionAngularDistribution> law,
                                   const SubstrateGrid& grid, TransportMethod method) {
    if (!c.optimiseTrims) return {};
    progress("new-target trims (the fixed recipe)");
    double pitch = 0;
    const std::vector<ErodedGroup> fresh = erodeCathodeGroups(c.cathodes, law, 0.0);
    const CathodeResponses atNew = responsesAt(c, law, 0.0, fresh, grid, method);
    return optimiseTrims(c, law, 0.0, fresh, method, pitch, &atNew).trims;
}

namespace {

std::string num(double v, int precision = 6) { return jsonNumber(v, precision); }

void writeCsvHeader(std::ostream& o, std::size_t cathodes) {
    o << "life_kWh,U_fixed_pct,U_retrimmed_pct,sigma_fixed_pct,sigma_retrimmed_pct,mean_fixed_nm,min_fixed_nm,"
         "max_fixed_nm,mean_retrimmed_nm,min_retrimmed_nm,max_retrimmed_nm";
    for (std::size_t k = 0; k < cathodes; ++k) o << ",trim_" << k + 1;
    o << "\n";
}

void writeCsvRow(std::ostream& o, const LifePoint& p) {
    o << num(p.kWh) << "," << num(p.fixed.rangePct) << "," << num(p.retrimmed.rangePct) << "," << num(p.fixed.sigmaPct)
      << "," << num(p.retrimmed.sigmaPct) << "," << num(p.fixed.meanNm) << "," << num(p.fixed.minNm) << ","
      << num(p.fixed.maxNm) << "," << num(p.retrimmed.meanNm) << "," << num(p.retrimmed.minNm) << ","
      << num(p.retrimmed.maxNm);
    for (double t : p.trims) o << "," << num(t);
    o << "\n";
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
        series.push_back({"end of life " + num(endOfLifeKWh, 5) + " kWh", {endOfLifeKWh, endOfLifeKWh}, {0.0, 1.1 * uMax}});
    PlotAxes axes;
    axes.title = "Uniformity over target life (" + substrate + ")";
    axes.xLabel = "target life (kWh per cathode)";
    axes.yLabel = "U = (max - min)/(max + min) (%)";
    axes.yMax = 1.1 * uMax;
    renderLinePlot(axes, series, path);
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
    if (!c.wobbleCandidatesRad.empty())
        throw UsageError(c.file + ": --life-sweep does not scan optimise.wobble_amplitudes; set the wobble_amplitude "
                                  "of the cathodes and remove the list");
    if (!c.endBoostGainBounds.empty() || !c.endBoostLengthBoundsM.empty())
        throw UsageError(c.file + ": --life-sweep does not search optimise.end_boost_gain/end_boost_length; set the "
                                  "along_track gain and length of the cathodes and remove the bounds");
    const TransportMethod tm = method == "fast" ? TransportMethod::Fast : TransportMethod::Direct;
    const auto law = angularLaw(c);
    const auto t0 = std::chrono::steady_clock::now();
    std::vector<LifePoint> points;
    double endOfLife = INFINITY;
    try {
        const SubstrateGrid grid = sampleSubstrate(c.substrate);
        TargetErosionState state(c.cathodes);
        progress("erosion engine: end of life of the targets");
        endOfLife = state.endOfLifeKWh();
        if (range.toKWh > endOfLife)
            throw UsageError("--life-sweep '" + sweep + "': TO = " + num(range.toKWh) + " kWh is past the end of life (" +
                             num(endOfLife) + " kWh, " + num(c.cathodes.front().erosion.minRemainingThicknessM * 1e3) +
                             " mm remaining)");
        // The recipe: trims optimised on new targets (or the configured trims).
        const std::vector<double> fixedTrims = newTargetTrims(c, law, grid, tm);
        writeFolderAtomically(out, [&](const fs::path& tmp) {
            std::ofstream csv(tmp / "life_sweep.csv");
            csv << "# magtwin deposit --life-sweep " << sweep << ": " << c.file << ", method " << method << "\n";
#ifdef MAGTWIN_HAVE_VTK
            fs::create_directory(tmp / "maps");
            std::vector<PvdEntry> pvd;
            GridSurface map = grid.grid;
            const std::vector<bool> quality(grid.inUniformityArea.begin(), grid.inUniformityArea.end());
#endif
            const std::vector<double> kWh = lifePoints(range);
            for (std::size_t i = 0; i < kWh.size(); ++i) {
                progress("life point " + std::to_string(i + 1) + "/" + std::to_string(kWh.size()) + ": " + num(kWh[i]) +
                         " kWh");
                const std::vector<ErodedGroup> eroded = state.at(kWh[i], law);
                std::vector<double> fixedMap, retrimmedMap;
                points.push_back(computeLifePoint(c, law, eroded, kWh[i], fixedTrims, grid, tm, fixedMap, retrimmedMap));
                if (i == 0) writeCsvHeader(csv, points.back().trims.size());
                writeCsvRow(csv, points.back());
                csv.flush();
#ifdef MAGTWIN_HAVE_VTK
                char name[32];
                std::snprintf(name, sizeof name, "maps/life_%04zu.vts", i);
                map.setScalar("thickness_fixed_nm", std::move(fixedMap));
                map.setScalar("thickness_retrimmed_nm", std::move(retrimmedMap));
                writeSubstrateMapVtk(map, quality, (tmp / name).string());
                pvd.push_back({kWh[i], name});
#endif
            }
            csv.close();
            if (!csv) throw std::runtime_error("cannot write " + (tmp / "life_sweep.csv").string());
#ifdef MAGTWIN_HAVE_VTK
            writePvd(pvd, (tmp / "life_sweep.pvd").string());
#endif
            writePlot(points, c.uniformityTargetPct, endOfLife, c.substrateName, (tmp / "life_sweep.png").string());
            std::vector<double> x, uf;
            for (const auto& p : points) x.push_back(p.kWh), uf.push_back(p.fixed.rangePct);
            const auto crossing = firstSpecCrossingKWh(x, uf, c.uniformityTargetPct);
            rusage usage{};
            getrusage(RUSAGE_SELF, &usage);
            std::ostringstream s;
            s << "{\n  \"config\": \"" << c.file << "\",\n  \"method\": \"" << method << "\",\n  \"target_pct\": "
              << num(c.uniformityTargetPct) << ",\n  \"end_of_life_kWh\": " << num(endOfLife, 17)
              << ",\n  \"fixed_recipe_leaves_spec_kWh\": " << (crossing ? num(*crossing) : "null")
              << ",\n  \"seconds\": " << num(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 4)
              << ",\n  \"peak_rss_MiB\": " << num(double(usage.ru_maxrss) / 1024.0, 4) << ",\n  \"points\": [";
            for (std::size_t i = 0; i < points.size(); ++i)
                s << (i ? "," : "") << "\n    {\"life_kWh\": " << num(points[i].kWh)
                  << ", \"U_fixed_pct\": " << num(points[i].fixed.rangePct)
                  << ", \"U_retrimmed_pct\": " << num(points[i].retrimmed.rangePct)
                  << ", \"mean_fixed_nm\": " << num(points[i].fixed.meanNm)
                  << ", \"mean_retrimmed_nm\": " << num(points[i].retrimmed.meanNm) << "}";
            s << "\n  ]\n}\n";
            writeFileAtomically((tmp / "summary.json").string(), [&](std::ostream& o) { o << s.str(); });
            if (json) std::cout << s.str();
            else {
                std::cout << c.file << ": " << points.size() << " life points " << num(range.fromKWh) << " .. "
                          << num(range.toKWh) << " kWh (end of life " << num(endOfLife, 5) << " kWh), method " << method
                          << "\n";
                for (const auto& p : points)
                    std::cout << "  " << std::setw(8) << num(p.kWh, 5) << " kWh: U fixed " << num(p.fixed.rangePct, 4)
                              << " %, re-trimmed " << num(p.retrimmed.rangePct, 4) << " %\n";
                if (crossing && *crossing == points.front().kWh)
                    std::cout << "the fixed recipe is outside the " << num(c.uniformityTargetPct, 3)
                              << " % spec already at the first point (" << num(*crossing, 5) << " kWh)\n";
                else if (crossing)
                    std::cout << "the fixed recipe leaves the " << num(c.uniformityTargetPct, 3) << " % spec at "
                              << num(*crossing, 5) << " kWh\n";
                else
                    std::cout << "the fixed recipe stays within the " << num(c.uniformityTargetPct, 3)
                              << " % spec at every point up to " << num(range.toKWh, 5)
                              << " kWh (end of life " << num(endOfLife, 5) << " kWh)\n";
            }
        });
    } catch (const UsageError&) {
        throw;
    } catch (const std::invalid_argument& e) {
        throw UsageError(c.file + ": " + e.what());
    }
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    progress("done in " + num(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(), 4) +
             " s, peak RSS " + num(double(ru.ru_maxrss) / 1024.0, 4) + " MiB");
    return 0;
}

}  // namespace magtwin
