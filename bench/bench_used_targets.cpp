// Used-target deposition benchmark (issue 12): for each deposit case (default: the three
// cases/tools/*.yaml) at a life point (default 7500 kWh; the planar and wafer cases
// at their own figure below), timed in one process:
//   erosion   new targets -> the life point (the erosion engine, once per distinct cathode)
//   map       the fast used-target map on the case's full substrate grid, at trim 1: all
//             sources in one transport, and as `deposit` computes it (CathodeResponses: one
//             transport per array, the cathodes as shifted copies)
//   direct    the direct view-factor sum on the same unquantised eroded sources at >= 1000
//             evenly spaced substrate points (the reference), and the fast map's max and RMS
//             deviation there relative to the direct mean; speed ratio per map point.
// Usage: magtwin_bench_used_targets [CASE.yaml LIFE_KWH]...
#include "cli/deposit/DepositConfig.hpp"
#include "cli/tool/ToolFile.hpp"
#include "solvers/deposition/CathodeLayout.hpp"
#include "solvers/deposition/CathodeResponses.hpp"
#include "solvers/deposition/ErodedTargets.hpp"
#include "solvers/deposition/FastConvolutionTransport.hpp"
#include "solvers/deposition/LineOfSightTransport.hpp"
#include "solvers/deposition/SubstrateMotion.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

using namespace magtwin;

namespace {

double seconds(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

void benchCase(const std::string& file, double lifeKWh) {
    const DepositCase c = depositCaseFor(loadToolFile(file), "");
    const std::shared_ptr<const EmissionAngularDistribution> law = makeAngularDistribution(c.angular, c.angularParams);
    using clock = std::chrono::steady_clock;
    auto t0 = clock::now();
    const std::vector<ErodedGroup> eroded = erodeCathodeGroups(c.cathodes, law, lifeKWh);
    const double tErosion = seconds(t0);
    const SubstrateGrid sub = sampleSubstrate(c.substrate);
    const RegularPlaneGrid g{sub.x0, sub.y0, sub.dx, sub.dy, 0.0, sub.grid.nu, sub.grid.nv};
    t0 = clock::now();
    const EmissionLayout layout = buildEmission(c.cathodes, law, lifeKWh, {}, &eroded);
    FastTransportStats stats;
    const std::vector<double> fast = fastLineOfSightFlux(layout.sources, g, {}, &stats);
    const double tMap = seconds(t0);
    // The way `deposit` computes it: one transport per array, the cathodes as shifted copies.
    t0 = clock::now();
    std::size_t total = 0;
    for (const auto& grp : c.cathodes) total += std::size_t(grp.cathodeCount());
    const std::vector<double> ones(total, 1.0);
    const EmissionLayout unit = buildEmission(c.cathodes, law, lifeKWh, ones, &eroded);
    const CathodeResponses responses(c.cathodes, unit, ones, sub, SubstrateMotion{}, TransportMethod::Fast);
    const std::vector<double> viaArrays = responses.combined(ones);
    const double tArrays = seconds(t0);
    // Reference points: every stride-th substrate point (>= 1000 of them).
    std::vector<Eigen::Vector3d> pts;
    std::vector<std::size_t> idx;
    const std::size_t onSubstrate = std::size_t(std::count(sub.onSubstrate.begin(), sub.onSubstrate.end(), 1));
    const std::size_t stride = std::max<std::size_t>(1, sub.grid.size() / 1200 * onSubstrate / sub.grid.size());
    for (std::size_t k = stride / 2; k < sub.grid.size(); k += stride)
        if (sub.onSubstrate[k]) idx.push_back(k), pts.push_back(sub.grid.points[k]);
    t0 = clock::now();
    const std::vector<double> direct = lineOfSightFlux(layout.sources, pts);
    const double tDirect = seconds(t0);
    double mean = 0, worst = 0, sq = 0, worstArrays = 0, sqArrays = 0;
    for (double v : direct) mean += v / double(direct.size());
    for (std::size_t k = 0; k < idx.size(); ++k) {
        const double d = fast[idx[k]] - direct[k], da = viaArrays[idx[k]] / 60.0 - direct[k];  // static 60 s
        worst = std::max(worst, std::abs(d));
        sq += d * d / double(idx.size());
        worstArrays = std::max(worstArrays, std::abs(da));
        sqArrays += da * da / double(idx.size());
    }
    std::size_t elements = 0;
    for (const auto& s : layout.sources) elements += s.elements.size();
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("%s at %.0f kWh: %zu cathodes, %zu emitting elements, %zu points\n", file.c_str(), lifeKWh,
                layout.sources.size(), elements, sub.grid.size());
    std::printf("  erosion (new -> life point): %.3f s\n", tErosion);
    std::printf(
        "  used-target map (given the erosion state): %.3f s  [%zu normal classes, %zu exact + %zu height-node "
        "items, padded FFT %zu x %zu, coarsening %.2f]\n",
        tMap, stats.normalClasses, stats.exactItems, stats.expandedItems, stats.paddedNx, stats.paddedNy,
        stats.coarsening);
    std::printf("  used-target map as `deposit` computes it (one transport per array + shifted copies): %.3f s\n",
                tArrays);
    std::printf("  from new targets to the map: %.3f s (all sources), %.3f s (per array)\n", tErosion + tMap,
                tErosion + tArrays);
    std::printf("  direct (unquantised) at %zu points: %.3f s -> speed ratio %.0fx per map\n", pts.size(), tDirect,
                tDirect / double(pts.size()) * double(sub.grid.size()) / tMap);
    std::printf(
        "  fast vs direct: max %.2e, RMS %.2e of mean (%zu points); per-array path: max %.2e, RMS %.2e; "
        "peak RSS %.0f MiB\n",
        worst / mean, std::sqrt(sq) / mean, pts.size(), worstArrays / mean, std::sqrt(sqArrays) / mean,
        double(ru.ru_maxrss) / 1024.0);
}

}  // namespace

int main(int argc, char** argv) {
    const std::string root = MAGTWIN_SOURCE_DIR;
    if (argc > 2) {
        for (int i = 1; i + 1 < argc; i += 2) benchCase(argv[i], std::atof(argv[i + 1]));
        return 0;
    }
    benchCase(root + "/cases/tools/gen10_5_rotary_line.yaml", 7500);
    benchCase(root + "/cases/tools/gen10_5_planar_line.yaml", 5000);
    benchCase(root + "/cases/tools/wafer300_chamber.yaml", 1000);
    return 0;
}
