// TwinReplay: a tool's stored log replayed against the physics, step by step.
//
// Per interval of a stored step (StepRecord; ramps skipped) in which the set of depositing
// sources (on, source shutter open) and the substrate shutter stay the same (a pre-sputter
// step with one source shutter open is a single-source interval for the crystal monitor):
//  - each on source's target advances its erosion state to its cumulative energy (the
//    erosion engine through TargetErosionState; a new target ID on a source starts a new
//    state). The erosion shape is eroded at the tool file's discharge; the step's emission
//    is that shape's flux scaled to the step's operating point, N = P Y(e V) / (V (1 +
//    gamma_SE) e) (CathodeLayout.hpp) with P the step's mean delivered power and V its mean
//    discharge voltage (DC voltage or RF DC self-bias, SourcePower.hpp);
//  - the predicted areal mass rate at the crystal monitor (line of sight, its position and
//    facing from the tool file), turned into what the monitor displays with the settings it
//    logged (MonitorReading.hpp), and the measured reading converted to the material that
//    actually deposits (not fitted away: both figures are reported);
//  - the film-rate map on the substrate (its motion from the tool file) and its uniformity.
// Gas scattering: by default not modelled (vacuum line of sight): calibration's per-source
// scale (twin calibrate) absorbs it, and the report says which prediction it compares. With
// ReplaySetup::gas.sigmaEffM2 > 0 (a calibration that fitted the gas strength, or the gas
// fit's table), every transport uses the fast gas model (GasAttenuationModel.hpp: ballistic
// factor eta + (1 - eta) exp(-n sigma_eff r) plus the thermalised diffusive part) at the
// interval's number density n = p / (k T), p the interval's mean logged chamber pressure
// (chamber.pressure; the tool file's process pressure where the log has none). The crystal's
// thermalised part is the flux through a plane parallel to the substrate at its height.
// Array members (a tool file's `array:`, log sources tube01..tube14) are sources of their
// own: each with its own power from the log and its own erosion state per target ID.
// Fast path (lifePoints > 0): the maps of an array come from a table at life points with
// interpolation in energy (ReplayLifeTable.hpp); exactCheckEvery > 0 also computes every
// N-th mapped interval exactly (per-member erosion and transport at its own life) and
// reports that U beside the table's.
// With a gas strength (below) the arrays take the exact path: the table is vacuum.
// Reactive targets (ReplaySetup::reactive, from the tool file's process.reactive): each
// source's target is followed through the log by Berg's time-dependent balances
// (ReactiveTargetState.hpp); an interval's emission is scaled by the target's mean rate
// factor (metal vs compound yield) and the crystal's mass per metal atom adds the reactive
// atoms of the compound film (x theta_c). Without process.reactive every target is metal.
// Counter audit and findings: CounterAudit.hpp.
#pragma once

#include "solvers/deposition/CathodeLayout.hpp"
#include "solvers/deposition/EmissionAngularDistribution.hpp"
#include "solvers/deposition/Substrate.hpp"
#include "solvers/deposition/SubstrateMotion.hpp"
#include "twin/logs/LogFormat.hpp"
#include "twin/replay/ReactiveTargetState.hpp"
#include "twin/replay/SourcePower.hpp"
#include "twin/store/TwinStore.hpp"

#include <Eigen/Core>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace magtwin {

struct ReplayMonitor {
    std::string name;
    Eigen::Vector3d position = Eigen::Vector3d::Zero();
    Eigen::Vector3d facing = Eigen::Vector3d::UnitZ();
};

/// The fast gas model of the replay (GasAttenuationModel.hpp); sigmaEffM2 0: vacuum.
struct ReplayGas {
    double sigmaEffM2 = 0.0;
    double eta = 0.0, thermalisationColumnPerM2 = 0.0;
    double temperatureK = 300.0;
    double processPressurePa = 0.0;    ///< where the log has no chamber pressure
    double referenceSigmaEffM2 = 0.0;  ///< the tool file's gas model (the gas fit's reference; not used by replay)
};

struct ReplaySetup {
    LogFormat format;
    std::vector<CathodeGroup> cathodes;  ///< one per log source, name = the source's cathode
    std::shared_ptr<const EmissionAngularDistribution> angular;
    ReplayMonitor monitor;
    Substrate substrate;
    SubstrateMotion motion;
    double uniformitySpecPct = 3.0;
    double counterTolerancePct = 5.0;
    std::map<std::string, double> rateScale;  ///< per "source|target", from a calibration (empty: none)
    bool substrateMaps = true;                ///< false: monitor rates only (calibration; uniformity NaN)
    bool keepSourceMaps = false;              ///< keep each source's film-rate map per interval (metrology fit)
    bool openSubstrateMapsOnly = false;       ///< maps only where the substrate shutter is open (metrology fit)
    ReplayGas gas;                            ///< the gas model (default: vacuum line of sight)
    int mapEvery = 0;                         ///< > 0: keep the summed map of every N-th mapped interval (.pvd series);
                       ///< < 0: evenly spaced, 32 to 64 of them (the stride doubles as the run grows)
    double maxIntervalS = 0.0;  ///< > 0: intervals longer than this are cut into pieces (calibration windows)
    TransportMethod transport = TransportMethod::Direct;  ///< substrate maps (the monitor is always direct)
    int lifePoints = 0;               ///< > 0: arrays from a life table of that many points to end of life
    int exactCheckEvery = 0;          ///< > 0 (with lifePoints): every N-th mapped interval also exactly
    ReactiveReplaySettings reactive;  ///< reactive targets followed (empty chambers: all metallic)
};

struct StepSourcePrediction {
    std::string source, targetId, material;  ///< material: element symbol
    double meanPowerW = 0.0, meanVoltageV = 0.0;
    double energyJ = 0.0;
    double lifeKWh = 0.0;  ///< the target's cumulative energy at the end of the step
    double erodedDepthM = 0.0;
    double erodedVolumeM3 = 0.0;   ///< volume the erosion removed from the target by lifeKWh
    double targetVolumeM3 = 0.0;   ///< volume of the new target (utilization = erodedVolumeM3 / it)
    double crystalMassRate = 0.0;  ///< kg m^-2 s^-1, uncalibrated
    bool rf = false;               ///< fed by an RF supply: the RF energy balance (docs/rf.md) set the ions
    double ionEnergyEv = 0.0;      ///< DC: e V; RF: e (V_dc + V_p)
    double ionsPerSecond = 0.0;    ///< onto the target
    double thetaTarget = 0.0;      ///< mean target compound fraction over the interval (reactive)
    double rateFactor = 1.0;       ///< mean sputter rate over the metallic target's (reactive)
};

struct ReplayStep {
    double start = 0.0, end = 0.0;
    std::string label;  ///< of the store's step the interval is in
    bool substrateShutterOpen = true;
    std::string substrateId;                    ///< chamber.substrate_id at the interval's start ("" when not logged)
    double pressurePa = 0.0;                    ///< mean chamber pressure (or the tool file's process pressure)
    bool monitorShutterOpen = true;             ///< false: the crystal is covered (no measured rate)
    std::vector<StepSourcePrediction> sources;  ///< the depositing sources (on, shutter open)
    std::string depositedMaterial;              ///< symbol, or "A+B" for a co-sputtered film
    double depositedDensityKgM3 = 0.0;          ///< volume-additive mixture of the predicted masses
    std::string monitorMaterial;                ///< as logged
    double monitorDensityKgM3 = 0.0, monitorTooling = 0.0, monitorZRatio = 0.0;
    double measuredDisplayedAS = 0.0;    ///< mean displayed rate, A/s (NaN: no reading)
    double measuredAS = 0.0;             ///< converted to the deposited material, A/s
    double measuredMassRate = 0.0;       ///< areal mass rate at the crystal, kg m^-2 s^-1 (NaN: none)
    double predictedAS = 0.0;            ///< substrate film rate via the monitor's tooling, A/s (uncalibrated)
    double predictedCalibratedAS = 0.0;  ///< with the setup's rate scales (NaN: none)
    double uniformityPct = 0.0;          ///< sigma/mean on the uniformity area
    double mapMeanAS = 0.0;              ///< predicted mean film rate on the substrate, A/s
    double uniformityExactPct = 0.0;     ///< exact per-step U on checked intervals (exactCheckEvery), else NaN
    std::vector<double> filmRateNmS;     ///< the summed map, nm/s (kept intervals, ReplaySetup::mapEvery; else empty)
    std::vector<std::vector<double>> sourceFilmRateNmS;  ///< per entry of `sources` (keepSourceMaps), uncalibrated
};

/// The film the replay's mapped intervals left on the last substrate they coated: the sum of
/// film rate x (end - start) over the intervals with the substrate shutter open of the newest
/// (store step, chamber.substrate_id) that had one - one glass or wafer of one recipe step. A
/// process engineer's thickness map; a single interval's map would show a rate, and a sum over
/// the whole log would add films of different substrates.
struct ReplayFilm {
    std::vector<double> thicknessNm;  ///< on ReplayResult::grid (empty: no interval coated a substrate)
    double start = 0.0, end = 0.0;    ///< UTC s: the first interval's start, the last one's end
    std::size_t intervals = 0;
    std::string label, substrateId;
};

struct ReplayResult {
    std::vector<ReplayStep> steps;
    ReplayFilm lastFilm;                         ///< the last substrate's thickness map
    SubstrateGrid grid;                          ///< the substrate grid of the maps
    std::vector<double> times;                   ///< per row (UTC s)
    std::vector<SourcePowerSeries> power;        ///< per source
    std::vector<std::vector<double>> energyKWh;  ///< per source, cumulative per row
    std::vector<double> monitorDisplayedAS;      ///< per row
    std::vector<double> substrateShutter;        ///< per row (1 open; NaN when unmapped)
    double exactCheckSeconds = 0.0;              ///< time spent in the exact checks (part of the run)
    double lifeStepKWh = 0.0;                    ///< the life tables' spacing (smallest; 0: exact replay)
    std::size_t lifeTablePoints = 0;             ///< life points computed over all tables
    ReactiveTrajectory reactive;                 ///< per source and row (empty when not followed)
};

using ReplayProgress = std::function<void(std::size_t done, std::size_t total)>;

/// Replays every interval of the stored steps of tool `toolId` (ReplayResult::steps).
ReplayResult replayTool(TwinStore& store, std::int64_t toolId, const ReplaySetup& setup,
                        const ReplayProgress& progress = {});

}  // namespace magtwin
