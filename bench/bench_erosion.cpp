// Erosion to end of life for the shipped cases (issue 4 speed targets, 2-core machine):
//   Gen-10.5 planar Mo target, 1 mm grid (3600 x 200 cells)  <= 30 s
//   Gen-10.5 rotary Mo tube (same length), 1 mm axial grid    <= 10 s
// The configs are read from cases/erosion/ so the benchmark is exactly the case.
// Run: OMP_NUM_THREADS=2 build/bin/magtwin_bench_erosion
#include "ErosionConfig.hpp"

#include <benchmark/benchmark.h>

#include <string>

namespace {

void erodeCase(benchmark::State& state, const std::string& name) {
    const std::string path = std::string(MAGTWIN_SOURCE_DIR) + "/cases/erosion/" + name + ".yaml";
    for (auto _ : state) {
        magtwin::ErosionSetup setup = magtwin::loadErosionSetup(path);
        setup.life.outputLifeKWh.clear();  // solver time only: no intermediate emission maps
        magtwin::ErosionFront front(*setup.flux, *setup.rate, setup.settings);
        const magtwin::LifeResult r = magtwin::runToEndOfLife(front, setup.supply.powerW, setup.life);
        state.counters["life_kWh"] = r.lifeKWh;
        state.counters["utilization"] = r.utilization;
        state.counters["steps"] = static_cast<double>(r.steps);
        state.counters["cells"] = static_cast<double>(front.grid().size());
    }
}

}  // namespace

BENCHMARK_CAPTURE(erodeCase, gen10_5_planar_1mm, std::string("gen10_5_planar"))
    ->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();
BENCHMARK_CAPTURE(erodeCase, gen10_5_rotary_1mm, std::string("gen10_5_rotary"))
    ->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();
BENCHMARK_CAPTURE(erodeCase, wafer300_circular_2mm, std::string("wafer300_circular"))
    ->Unit(benchmark::kSecond)->Iterations(1)->UseRealTime();

BENCHMARK_MAIN();
