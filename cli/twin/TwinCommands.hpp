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
    int pollMs = 200;      ///< follow: how often the file is checked for new lines
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
    int metrologyEvery = 0;  ///< 0: no metrology files
    std::string metrologyDir;
    double metrologyPitchMm = 0.0;         ///< 0: 20 mm on glass, 5 mm on a wafer
    double metrologyNoisePct = 0.0;        ///< seeded relative Gaussian noise of each metrology point
    std::string metrologyMethod = "fast";  ///< transport of the maps: fast or direct
    double gasSigmaEffM2 = 0.0;            ///< > 0: the maps' gas at the recipe's chamber pressure with this sigma_eff
};

/// `twin simulate-log` (TwinSimulateCommand.cpp; the simulator is twin/simulate).
int runTwinSimulate(const TwinSimulateOptions& o);

struct TwinReplayOptions {
    std::string toolFile;
    std::string store;
    std::string out;
    std::string format;               ///< log format name; "" = the tool file's first
    double tolerancePct = 5.0;        ///< counter audit tolerance
    double driftTolerancePct = 15.0;  ///< drift band beyond the calibrated prediction's 2-sigma
    double minStepS = 10.0;           ///< shorter steps are left out of the monitor statistics
    // maps (TwinReplay.hpp, ReplayLifeTable.hpp); < 0 / "auto": the defaults for the tool
    int lifePoints = -1;       ///< arrays from a life table of K points (0: exact per step); auto 16 with an array
    double mapPitchMm = -1.0;  ///< substrate map pitch; auto: the substrate's, at least 10 mm with a life table
    std::string transport = "auto";  ///< fast | direct; auto: fast with a life table, else direct
    int exactCheckEvery = 0;         ///< every N-th mapped interval also exactly (life table); 0: none
    int mapEvery = -1;               ///< every N-th mapped interval into maps.pvd; auto: 32 to 64 evenly spaced
    bool json = false;
};

int runTwinReplay(const TwinReplayOptions& o);

struct TwinCalibrateOptions {
    std::string toolFile;
    std::string store;
    std::string format;
    std::vector<std::string> metrology;
    double windowS = 30.0;    ///< observation windows within the single-source intervals
    std::string gas = "fit";  ///< fit: the gas strength joins the fit where the data allow; off: never
    bool json = false;
};

int runTwinCalibrate(const TwinCalibrateOptions& o);

struct TwinForecastOptions {
    std::string toolFile;
    std::string store;
    std::string method = "fast";    ///< transport of the forecast's maps: fast or direct
    int points = 9;                 ///< life points from now to the first end of life before the bisection
    std::string recipe = "logged";  ///< today's recipe: logged (the newest deposition step's powers) or configured
    bool json = false;
};

/// `twin forecast` (TwinForecastCommand.cpp).
int runTwinForecast(const TwinForecastOptions& o);

struct TwinAdviseOptions {
    std::string toolFile;
    std::string store;
    double targetNm = 0.0;
    double lambda1 = 0.3;                 ///< EWMA weight of the offset
    double lambda2 = 0.1;                 ///< EWMA weight of the drift (0: single EWMA)
    std::string form = "multiplicative";  ///< the EWMA's model: multiplicative (rate ratio) or additive (nm)
    bool json = false;
};

/// `twin advise` (TwinAdviseCommand.cpp; twin/advice).
int runTwinAdvise(const TwinAdviseOptions& o);

struct TwinServeOptions {
    std::string store;
    std::string listen = "127.0.0.1:8080";
    std::string rateLimit;  ///< N/s per client, or off; "" = off on loopback, 20/s elsewhere
    int pollMs = 250;       ///< how often the store's revision is checked
};

/// `twin serve` (TwinServeCommand.cpp; twin/serve).
int runTwinServe(const TwinServeOptions& o);

struct TwinExportFoamOptions {
    std::string toolFile;
    std::string store;
    std::string cathode;
    std::string out;
};

/// `twin export-foam` (TwinExportFoamCommand.cpp).
int runTwinExportFoam(const TwinExportFoamOptions& o);

}  // namespace magtwin
