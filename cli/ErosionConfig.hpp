// ErosionConfig: the YAML config of `magtwin erode`, read once into SI parameter structs
// and turned into the physics objects. Every error names file, line and key (ConfigError,
// exit status 2), including physics checks such as a racetrack outside the target.
// The keys and their units are documented in cases/erosion/*.yaml and README.md.
#pragma once

#include "erosion/ErosionFront.hpp"
#include "erosion/ErosionLife.hpp"
#include "erosion/ErosionRate.hpp"
#include "racetrack/IonSupply.hpp"
#include "racetrack/RacetrackFlux.hpp"
#include "yield/SputterYield.hpp"

#include <memory>
#include <string>

namespace magtwin {

/// Everything `magtwin erode` runs, built and checked from a config file.
struct ErosionSetup {
    std::string configPath;
    std::string title;
    std::string material;
    std::string gas;
    IonSupply supply;
    std::unique_ptr<SputterYield> yield;
    std::unique_ptr<ErosionRate> rate;
    std::unique_ptr<RacetrackFlux> flux;
    ErosionSettings settings;
    LifeSettings life;
};

/// Reads and checks `path`; throws ConfigError naming file, line and key.
ErosionSetup loadErosionSetup(const std::string& path);

}  // namespace magtwin
