// Gen-10.5 planar cathode over its life (issue 14), two tables:
//  1. rate per kW against groove depth, groove redeposition off vs on: sputtered and
//     escaping atoms per kJ (atoms/s per kW of discharge power) and the escaping rate
//     relative to the new target. The public observation to compare with: the deposition
//     rate per watt of a planar magnetron falls as its groove deepens (M. Gurvitch,
//     J. Vac. Sci. Technol. A 1 (1983), doi 10.1116/1.572467).
//  2. magnet travel across the width (sinusoidal, amplitude A): life (kWh), utilization,
//     maximum depth, groove FWHM at end of life.
// Run: build/bin/magtwin_groove_life_table [TOOL.yaml] [--grid MM] [--part 1|2] [--angular NAME]
// (default cases/tools/gen10_5_planar_cathode.yaml, its first cathode, its own grid and
// erosion.angular; --angular none: ions hit the local surface at normal incidence, i.e. a
// sheath that follows the groove, the other limit of the sheath assumption).
#include "cli/ErosionConfig.hpp"
#include "cli/tool/ToolFile.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

using namespace magtwin;

namespace {

struct Row {
    double depthMm, lifeKWh, sputteredPerKJ, escapedPerKJ;
};

std::vector<Row> rateAgainstDepth(const ErosionSetup& setup, bool redeposition) {
    ErosionSettings s = setup.engine->settings;
    s.grooveRedeposition = redeposition;
    ErosionFront f(*setup.engine->flux, *setup.engine->rate, s);
    const double P = setup.engine->supply.powerW, kW = P / 1000.0;
    const double depthEnd = setup.engine->flux->target().thicknessM - setup.life.minRemainingThicknessM;
    std::vector<Row> rows;
    for (double next = 0.0;; next += 1e-3) {
        const double limit = std::min(next, depthEnd);
        while (f.maxDepth() < limit - 1e-12)
            if (f.step(1e9, limit) <= 0.0) break;
        const EmissionBalance b = f.emissionBalance();
        rows.push_back({f.maxDepth() * 1e3, P * f.time() / 3.6e6, b.sputtered / kW, b.escaped / kW});
        std::fprintf(stderr, "[groove] redeposition %s: depth %.1f mm, %.0f kWh\n", redeposition ? "on" : "off",
                     rows.back().depthMm, rows.back().lifeKWh);
        if (limit >= depthEnd) break;
    }
    return rows;
}

}  // namespace

int main(int argc, char** argv) {
    std::string path = std::string(MAGTWIN_SOURCE_DIR) + "/cases/tools/gen10_5_planar_cathode.yaml";
    double gridMm = 0.0;
    int part = 0;
    std::string angular;
    for (int i = 1; i < argc; ++i) {
        if (!std::strcmp(argv[i], "--grid") && i + 1 < argc)
            gridMm = std::atof(argv[++i]);
        else if (!std::strcmp(argv[i], "--part") && i + 1 < argc)
            part = std::atoi(argv[++i]);
        else if (!std::strcmp(argv[i], "--angular") && i + 1 < argc)
            angular = argv[++i];
        else
            path = argv[i];
    }
    ToolFile tool = loadToolFile(path);
    if (!angular.empty()) tool.erosion.angular = angular;
    ErosionSetup setup = erosionSetupFor(tool, tool.cathodes.front().name);
    if (gridMm > 0) setup.engine->settings.gridSpacingM = gridMm * 1e-3;
    setup.life.outputLifeKWh.clear();
    std::printf("# %s, grid %.1f mm, %.0f kW, angular factor %s\n", setup.title.c_str(),
                setup.engine->settings.gridSpacingM * 1e3, setup.engine->supply.powerW / 1e3,
                tool.erosion.angular.c_str());

    if (part != 2) {
        using Clock = std::chrono::steady_clock;
        const auto t0 = Clock::now();
        const auto off = rateAgainstDepth(setup, false);
        const auto t1 = Clock::now();
        const auto on = rateAgainstDepth(setup, true);
        const auto t2 = Clock::now();
        const double sOff = std::chrono::duration<double>(t1 - t0).count();
        const double sOn = std::chrono::duration<double>(t2 - t1).count();
        std::printf("\n# run to end of life: redeposition off %.1f s, on %.1f s (ratio %.2f)\n", sOff, sOn, sOn / sOff);
        std::printf("\n## rate per kW against groove depth (atoms per kJ; ratio to the new target)\n");
        std::printf(
            "depth_mm | off: kWh  sputtered/kJ  ratio | on: kWh  sputtered/kJ  escaped/kJ  escaped_ratio  "
            "escape_fraction\n");
        for (std::size_t k = 0; k < std::min(off.size(), on.size()); ++k)
            std::printf("%5.1f | %7.0f  %.4e  %.4f | %7.0f  %.4e  %.4e  %.4f  %.4f\n", off[k].depthMm, off[k].lifeKWh,
                        off[k].sputteredPerKJ, off[k].sputteredPerKJ / off[0].sputteredPerKJ, on[k].lifeKWh,
                        on[k].sputteredPerKJ, on[k].escapedPerKJ, on[k].escapedPerKJ / on[0].escapedPerKJ,
                        on[k].escapedPerKJ / on[k].sputteredPerKJ);
    }
    if (part != 1) {
        std::printf("\n## magnet travel across the width (sinusoidal): end of life\n");
        std::printf("travel_mm | life_kWh  utilization_%%  max_depth_mm  groove_fwhm_mm(x=0)  deepest_at_x,y_mm\n");
        for (double travelMm : {0.0, 10.0, 20.0, 30.0}) {
            ErosionSettings s = setup.engine->settings;
            s.magnetTravelM = travelMm * 1e-3;
            ErosionFront f(*setup.engine->flux, *setup.engine->rate, s);
            const LifeResult r = runToEndOfLife(f, setup.engine->supply.powerW, setup.life);
            const double fwhm = r.snapshots.empty() ? 0.0 : r.snapshots.back().grooveFwhmM;
            std::size_t deepest = 0;  // where the end of life is reached
            for (std::size_t c = 0; c < f.depth().size(); ++c)
                if (f.depth()[c] > f.depth()[deepest]) deepest = c;
            const auto& g = f.grid();
            const Eigen::Vector2d at = g.cathodePoint(deepest % g.nu(), deepest / g.nu());
            std::printf("%5.0f | %8.0f  %6.2f  %6.2f  %6.1f  %7.0f,%5.0f\n", travelMm, r.lifeKWh, 100 * r.utilization,
                        r.maxDepthM * 1e3, fwhm * 1e3, at.x() * 1e3, at.y() * 1e3);
            std::fflush(stdout);
        }
    }
    return 0;
}
