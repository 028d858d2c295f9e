// SputterSource::Impl: the core objects behind a SputterSource (bridge-internal: included
// by the bridge's own .cpp files only, never by an OpenFOAM translation unit). ErodingTarget
// builds its erosion front on the same rate and racetrack flux.
#pragma once

#include "boundary/materials/Material.hpp"
#include "boundary/openfoam/bridge/SputterSource.hpp"
#include "boundary/racetrack/RacetrackFlux.hpp"
#include "boundary/yield/SputterYield.hpp"
#include "solvers/erosion/ErosionRate.hpp"

#include <memory>
#include <utility>

namespace magtwin {
namespace foam {

struct SputterSource::Impl {
    Material material;
    SputterYield yield;
    ErosionRate rate;
    std::unique_ptr<RacetrackFlux> racetrack;
    std::unique_ptr<RacetrackFlux::AtScale> racetrackAtScale;  // new target: k = 1
    double uniformIonFlux = 0.0;

    Impl(const SputterSourceSpec& spec, const Element& ion, Material target)
        : material(std::move(target)),
          yield(spec.yieldModel, spec.angularModel, ion, material),
          rate(yield, spec.ionEnergyEv, material.atomicDensityPerM3()) {}
};

}  // namespace foam
}  // namespace magtwin
