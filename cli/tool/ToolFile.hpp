// ToolFile: one sputter chamber described once (cases/tools/*.yaml), read into plain SI
// structs by loadToolFile and used by every command (erode, deposit, tool, the twin).
// The keys, units, defaults and meanings are the schema of ToolSchema.cpp (the reference
// page docs/tool-file.md is generated from it).
//
// Chamber frame (every position of the file): the substrate plane is z = 0 with z up
// towards the cathodes; y runs along the long axis of the cathodes (planar-rect length,
// rotary tube axis); x runs across them (the direction in which arrays repeat). Planar
// targets face down (-z) unless turned (`facing`/`tilt`: CathodeSpec::orientation); `position` is the centre of a
// planar target's sputtering face or a rotary tube's axis centre. The erosion engine works in each cathode's own frame
// (u along the long axis) and ErodedTargets maps it into this frame. The cathodes are
// CathodeSpec (solvers/chamber), the erosion: settings ErosionEngineSettings: resolved
// here once, used as they are by every command.
#pragma once

#include "boundary/racetrack/RacetrackFlux.hpp"
#include "boundary/racetrack/RfDischarge.hpp"
#include "boundary/racetrack/TrackProfile.hpp"
#include "cli/config/ConfigReader.hpp"
#include "solvers/chamber/CathodeSpec.hpp"
#include "solvers/chamber/ErosionEngine.hpp"
#include "solvers/deposition/ChamberSticking.hpp"

#include <Eigen/Core>

#include <functional>

#include <optional>
#include <string>
#include <vector>

namespace magtwin {

// One cathode, resolved once (solvers/chamber/CathodeSpec.hpp): the reader fills these
// and every command uses them as they are. The Tool* names are the tool file's words.
using ToolTarget = TargetSpec;
using ToolMagnets = MagnetPack;
using ToolDischarge = DischargeSpec;
using ToolCathode = CathodeSpec;

struct ToolSubstrateMotion {
    std::string kind = "static";  ///< static | scan | rotation | oscillation
    double timeS = 60.0;
    double speedMS = 0.01;
    int passes = 1;
    double amplitudeM = 0.0, periodS = 0.0;  ///< oscillation
    std::string waveform = "sinusoidal";     ///< oscillation: sinusoidal | triangular | dwell
    double dwellFraction = 0.0;              ///< oscillation, waveform dwell
    double platenAngleRad = 0.0;             ///< static: platen angle about the substrate centre
};

struct ToolSubstrate {
    std::string name;
    std::string kind = "glass";         ///< glass | wafer
    double sizeXM = 0.0, sizeYM = 0.0;  ///< wafer: diameter both
    double centreXM = 0.0, centreYM = 0.0;
    double pitchM = 0.002;  ///< thickness map resolution
    double edgeExclusionM = 0.0;
    ToolSubstrateMotion motion;
    double uniformityTargetPct = 3.0;
    Material filmMaterial;    ///< resolved: given or the first cathode's target
    bool filmStated = false;  ///< film.material or film.density given
    double sticking = 1.0;
    double uncoveredShare = 0.0;  ///< share of the area no cathode footprint covers (uncoveredShare)
};

struct ToolSensor {
    std::string name;
    std::string type = "crystal-monitor";
    Eigen::Vector3d position = Eigen::Vector3d::Zero();
    Eigen::Vector3d facing = Eigen::Vector3d::UnitZ();  ///< unit vector
    double toolingFactor = 1.0;
};

struct SupplySpec {
    std::string name;
    std::string kind = "dc";         ///< dc | rf | pulsed-dc
    std::vector<std::string> feeds;  ///< cathode names it can be switched to
    RfDischargeSettings rf{};        ///< kind rf: the RF discharge model's settings (docs/rf.md)
};

/// `process.reactive`: the chamber's part of Berg's model (solvers/reactive), SI.
struct ToolReactive {
    std::optional<double> pumpingSpeedM3PerS;  ///< none: `magtwin reactive --pressure` must set it
    std::optional<double> targetAreaM2;        ///< none: the cathode's target face
    double collectorAreaM2 = 0.0;
    double stickingTarget = 1.0, stickingCollector = 1.0;
    std::optional<double> secondaryElectronCompound;  ///< gamma_c; none: the model's estimate
    bool implantation = false;                        ///< RSD's reactive-ion implantation
    double redepositionFraction = 0.0;                ///< RSD's redeposition on the target, [0, 1)
    double flowScale = 1.0;                           ///< true sccm per unit of the given flows
    double substrateRateFactor = 1.0;                 ///< substrate rate / mean rate over A_c
    /// process.reactive.flows: the reactive supply of erode and deposit (empty: none, the
    /// targets are metallic); the reactive gas's total and the history of the state.
    struct Flow {
        std::string gas;
        double sccm = 0.0;
    };
    std::vector<Flow> flows;
    std::string reactiveGas;  ///< the one reactive gas of `flows` ("" without flows)
    double reactiveSccm = 0.0;
    std::string approach = "from_metal";  ///< from_metal | from_compound
    std::string flowOrigin;               ///< "FILE:LINE: key 'process.reactive.flows.GAS'" of the reactive gas
    std::string origin;                   ///< "FILE:LINE: key 'process.reactive" for later errors
    /// A_t of `cathode`: target_area_cm2 when given, else its target face (planar-rect
    /// length x width, planar-circular pi r^2, rotary 2 pi R L).
    double targetAreaM2For(const CathodeSpec& cathode) const;
};

struct ToolProcess {
    std::string gas = "Ar";
    double pressurePa = 0.0;  ///< 0: collisionless transport
    double temperatureK = 300.0;
    std::optional<double> cycleTimeS;      ///< process.cycle_time: one substrate to the next
    std::optional<ToolReactive> reactive;  ///< process.reactive, when given
    ChamberSticking sticking;              ///< process.sticking
    /// "FILE:LINE: key 'process.sticking" when given (later checks append ".KEY': what")
    std::string stickingOrigin;
};

/// `erosion:` settings (every cathode of the tool): the erosion engine's, used by every
/// path that erodes (makeErosionEngine), plus what only `magtwin erode` writes.
struct ToolErosionSettings : ErosionEngineSettings {
    int outputAngularCells = 72;
    std::optional<double> vtkSpacingM;
};

/// `deposition:` run settings of `magtwin deposit`.
struct ToolDepositionSettings {
    std::string angular = "cosine";
    double cosExponent = 1.0;
    bool optimiseTrims = false;
    double minTrim = 0.5, maxTrim = 1.5;
    std::vector<double> wobbleCandidatesRad;
    /// Along-track end-boost search (EndBoostSearch): [min, max] of the gain and of the
    /// length (m); empty = that variable stays the cathodes' own.
    std::vector<double> endBoostGainBounds, endBoostLengthBoundsM;
    double gasSigmaEffM2 = 0.0, gasEta = 0.0, gasThermalisationColumnPerM2 = 0.0;  ///< resolved
    bool gasModelGiven = false;  ///< deposition.gas_model present (else the Mo-in-Ar calibration)
    long histories = 10000000;
    long seed = 12345;
};

struct ToolFile {
    std::string path;
    std::string name, description;
    ToolProcess process;
    std::vector<ToolCathode> cathodes;
    std::vector<ToolSubstrate> substrates;
    std::vector<ToolSensor> sensors;
    std::vector<SupplySpec> supplies;
    ToolErosionSettings erosion;
    ToolDepositionSettings deposition;

    /// The cathode / substrate called `name`; throws ConfigError listing the names
    /// (with a "did you mean") when there is none. `option` names the CLI option.
    const ToolCathode& cathode(const std::string& name, const std::string& option = "--cathode") const;
    const ToolSubstrate& substrate(const std::string& name, const std::string& option = "--substrate") const;
};

/// Reads, resolves defaults and checks `path` (ToolSchema). Throws ConfigError
/// (file:line: key: what was expected) on any problem.
ToolFile loadToolFile(const std::string& path);

/// Reader of the `logs` key (owned by twin/logs, issue 11): called with the file's root
/// section once the tool is read and checked (so it can validate supply, cathode and
/// sensor names); the keys it reads are then checked for misspellings like the rest.
using ToolLogsReader = std::function<void(const ConfigSection& root, const ToolFile& tool)>;
ToolFile loadToolFile(const std::string& path, const ToolLogsReader& readLogs);

}  // namespace magtwin
