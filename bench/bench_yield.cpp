// Yield evaluation cost: erosion evaluates Y(E, theta) per surface point and step, so
// the per-call cost of each model sets the erosion engine's budget.
#include "boundary/elements/ElementTable.hpp"
#include "boundary/materials/MaterialLibrary.hpp"
#include "boundary/yield/SputterYield.hpp"

#include <benchmark/benchmark.h>

namespace {
void BM_Yield(benchmark::State& state, const char* model, const char* angular) {
    const auto& t = magtwin::ElementTable::builtin();
    magtwin::SputterYield y(model, angular, t.get("Ar"), t.get("Mo"));
    double E = 400.0, acc = 0.0;
    for (auto _ : state) {
        acc += y.yield(E, 0.5);
        E += 1e-6;
        benchmark::DoNotOptimize(acc);
    }
}
BENCHMARK_CAPTURE(BM_Yield, chen1985, "chen1985", "none");
BENCHMARK_CAPTURE(BM_Yield, yamamura1996, "yamamura1996", "none");
BENCHMARK_CAPTURE(BM_Yield, yamamura1996_angular, "yamamura1996", "yamamura1983");

// Compound targets (MulticomponentYield): one energy-law evaluation per species.
void BM_CompoundYield(benchmark::State& state, const char* target, const char* angular, bool partial) {
    const auto& t = magtwin::ElementTable::builtin();
    magtwin::SputterYield y("auto", angular, t.get("Ar"), magtwin::MaterialLibrary::builtin().get(target));
    double E = 400.0, acc = 0.0;
    for (auto _ : state) {
        acc += partial ? y.partialYields(E, 0.5).front() : y.yield(E, 0.5);
        E += 1e-6;
        benchmark::DoNotOptimize(acc);
    }
}
BENCHMARK_CAPTURE(BM_CompoundYield, MoNb_yamamura1996, "MoNb", "none", false);
BENCHMARK_CAPTURE(BM_CompoundYield, ITO_chen1985, "ITO", "none", false);
BENCHMARK_CAPTURE(BM_CompoundYield, ITO_chen1985_angular, "ITO", "yamamura1983", false);
BENCHMARK_CAPTURE(BM_CompoundYield, ITO_partial_yields, "ITO", "none", true);
}  // namespace

BENCHMARK_MAIN();
