// The `magtwin twin` subcommands' entry points (registered in TwinCommand.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace magtwin {

struct TwinSyncOptions {
    std::string toolFile;
    std::vector<std::string> logs;
    std::string store;
    std::string format;  ///< log format name; "" = the tool file's first
    bool json = false;
    int pollMs = 200;    ///< follow: how often the file is checked for new lines
    int headerWaitS = 60;  ///< follow: how long a new file may lack its header row
};

int runTwinSync(const TwinSyncOptions& o);
int runTwinFollow(const TwinSyncOptions& o);

struct TwinStatusOptions {
    std::string store;
    std::string tool;  ///< "" = every tool in the store
    bool json = false;
    bool digest = false;  ///< print a content digest per tool instead (comparing stores)
};

int runTwinStatus(const TwinStatusOptions& o);

struct TwinSimulateOptions {
    std::string toolFile, recipe, out, format;
    std::uint64_t seed = 1;
    int metrologyEvery = 0;     ///< 0: no metrology files
    std::string metrologyDir;
    double metrologyPitchMm = 0.0;  ///< 0: 20 mm on glass, 5 mm on a wafer
};

/// `twin simulate-log` (cli/twin/simulate/TwinSimulateCommand.cpp).
int runTwinSimulate(const TwinSimulateOptions& o);

}  // namespace magtwin
