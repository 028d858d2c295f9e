// Erosion to end of life for the shipped cases (issue 4 speed targets, 2-core machine):
//   Gen-10.5 planar Mo target, 1 mm grid (3600 x 200 cells)  <= 30 s
//   Gen-10.5 rotary Mo tube (same length), 1 mm axial grid    <= 10 s
// The tool files are read from cases/tools/ so the benchmark is exactly the case.
// Run: OMP_NUM_THREADS=2 build/bin/magtwin_bench_erosion
#include "cli/ErosionConfig.hpp"

#include <benchmark/benchmark.h>

#include <string>

namespace {

void erodeCase(benchmark::State& state, const std::string& tool, const std::string& cathode) {
    const std::string path = std::string(MAGTWIN_SOURCE_DIR) + "/cases/tools/" + tool + ".yaml";
    for (auto _ : state) {
        magtwin::ErosionSetup setup = magtwin::erosionSetupFor(magtwin::loadToolFile(path), cathode);
        setup.life.outputLifeKWh.clear();  // solver time only: no intermediate emission maps
        magtwin::ErosionFront front(*setup.engine->flux, *setup.engine->rate, setup.engine->settings);
        const magtwin::LifeResult r = magtwin::runToEndOfLife(front, setup.engine->supply.powerW, setup.life);
        state.counters["life_kWh"] = r.lifeKWh;
        state.counters["utilization"] = r.utilization;
        state.counters["steps"] = static_cast<double>(r.steps);
        state.counters["cells"] = static_cast<double>(front.grid().size());
    }
}

}  // namespace

BENCHMARK_CAPTURE(erodeCase, gen10_5_planar_1mm, std::string("gen10_5_planar_cathode"), std::string("planar"))
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->UseRealTime();
BENCHMARK_CAPTURE(erodeCase, gen10_5_rotary_1mm, std::string("gen10_5_rotary_cathode"), std::string("tube"))
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->UseRealTime();
BENCHMARK_CAPTURE(erodeCase, wafer300_circular_2mm, std::string("wafer300_chamber"), std::string("cu_target"))
    ->Unit(benchmark::kSecond)
    ->Iterations(1)
    ->UseRealTime();

BENCHMARK_MAIN();
