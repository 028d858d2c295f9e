// DepositionRun: one `magtwin deposit` run of a DepositCase at a target life point, and the
// steps every path that computes a life point shares (the single run, the life sweep, the
// comparison, the design search, the twin's forecast and log simulator):
//   - the emission law (angularLaw; yamamura1981 takes E and E_th from the first cathode),
//   - the fast gas model of the case (gasModel; GasAttenuationModel.hpp),
//   - the per-cathode responses at a life point (responsesAt; CathodeResponses.hpp: one
//     transport per array) and the power trims minimising U on a coarse grid (optimiseTrims),
//   - the rotary wobble scan and the end-boost search (EndBoostChoice.hpp),
//   - the gas-scattering Monte Carlo fluence (GasScatteringMonteCarlo.hpp) for method mc.
// Progress goes to a callback the caller passes in (the command prints it on a terminal).
#pragma once

#include "solvers/deposition/CathodeResponses.hpp"
#include "solvers/deposition/DepositCase.hpp"
#include "solvers/deposition/EndBoostSearch.hpp"
#include "solvers/deposition/ErodedTargets.hpp"
#include "solvers/deposition/FilmComposition.hpp"
#include "solvers/deposition/GasAttenuationModel.hpp"
#include "solvers/deposition/GasScatteringMonteCarlo.hpp"
#include "solvers/deposition/PowerTrimOptimizer.hpp"
#include "solvers/deposition/SubstrateMotion.hpp"
#include "solvers/deposition/Uniformity.hpp"
#include "solvers/deposition/UniformityDiagnosis.hpp"

#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace magtwin {

/// A progress line ("erosion engine: ...", "life point 3/20: ..."); empty: silent.
using ProgressFn = std::function<void(const std::string&)>;

/// The case's emission law (yamamura1981 takes E and E_th from the first cathode). Throws
/// std::invalid_argument naming the case's file and `deposition.angular`.
std::shared_ptr<const EmissionAngularDistribution> angularLaw(const DepositCase& c);
/// The fast gas model of the case (vacuum at zero pressure).
GasAttenuation gasModel(const DepositCase& c);
/// The trim of every cathode a layout built with `trims` uses (empty: the groups' own
/// power_trims, else 1), as buildEmission applies them.
std::vector<double> cathodeTrims(const DepositCase& c, const std::vector<double>& trims);
/// Each cathode's discharge power (W) with `trims` (as cathodeTrims): its group's power x its trim,
/// the number a process engineer sets on the supply.
std::vector<double> cathodePowersW(const DepositCase& c, const std::vector<double>& trims);
/// Each cathode's name in the same order (an array's member names, else group name + number).
std::vector<std::string> cathodeNamesOf(const DepositCase& c);
/// The per-cathode responses (CathodeResponses.hpp) at a life point on `grid`.
CathodeResponses responsesAt(const DepositCase& c, std::shared_ptr<const EmissionAngularDistribution> law, double life,
                             const std::vector<ErodedGroup>& eroded, const SubstrateGrid& grid, TransportMethod method);
/// Power trims minimising U on a coarse copy of the substrate grid (its pitch returned in
/// `optimiserPitch`: 10 mm glass, 3 mm wafer, or the substrate's own when coarser).
/// `fine`: the responses on the full substrate grid at this life point; when the coarse
/// grid's points are points of it they are sampled instead of a second transport.
TrimResult optimiseTrims(const DepositCase& c, std::shared_ptr<const EmissionAngularDistribution> law, double life,
                         const std::vector<ErodedGroup>& eroded, TransportMethod method, double& optimiserPitch,
                         const CathodeResponses* fine = nullptr, const ProgressFn& progress = {});

/// The gas-scattering Monte Carlo's settings for case `c` (--method mc, calibrate-gas): its
/// gas and temperature, the one sputtered element of all cathodes (Thompson cut at the first
/// cathode's voltage), the case's pressure and seed. Throws std::invalid_argument naming the
/// case's file for co-sputtering or a compound target.
GasScatteringSettings gasScatteringSettingsOf(const DepositCase& c);

/// `c` with the magnet bar of every rotary array swinging by `amplitudeRad` (the wobble scan
/// of optimise.wobble_amplitudes, in deposit and in the forecast's re-optimisation).
DepositCase withRotaryWobble(DepositCase c, double amplitudeRad);

/// Transport `method` by name: fast, direct (the collisionless-or-gas-model sums) or mc.
/// Throws std::invalid_argument naming the accepted values.
TransportMethod transportMethodOf(const std::string& method);

/// Everything one deposition run produces (the command writes it: cli/deposit/DepositOutputs).
struct DepositRun {
    DepositCase config;  ///< the case as run (with the chosen wobble and end boost)
    std::string method;
    double lifeKWh = 0;
    SubstrateGrid grid;
    EmissionLayout layout;
    std::vector<double> thicknessNm;
    UniformityReport uniformity;
    /// Where U comes from and what to try (UniformityDiagnosis.hpp), over the quality area.
    UniformityDiagnosis diagnosis;
    DiagnosisGeometry diagnosisGeometry;
    /// Each cathode's power as run (W): its group's power x its trim (cathodePowersW).
    std::vector<double> cathodePowerW;
    /// The film's composition map and its uniformity per species (FilmComposition.hpp);
    /// an elemental film is its one element at 100 %.
    FilmComposition composition;
    bool optimised = false;
    TrimResult trims;
    double optimiserPitchM = 0;
    /// Wobble scan (optimise.wobble_amplitudes): amplitude (rad) and U after trims on the
    /// optimiser grid for each; the chosen amplitude is in config's rotary groups.
    std::vector<std::pair<double, double>> wobbleScan;
    /// End-boost search (optimise.end_boost_gain / end_boost_length): start, trials, best
    /// (U after trims on the optimiser grid); the chosen gain and length are in config.
    std::optional<EndBoostResult> endBoost;
    /// Warnings for the user (e.g. p d beyond the fast gas model's validity).
    std::vector<std::string> warnings;
    double seconds = 0;
};

/// The line-of-sight and fast gas models lose every atom that misses the substrate (sticking 1
/// on targets, shields and walls); only the gas Monte Carlo (`mc`) follows the atoms a surface
/// gives back. Throws std::invalid_argument naming process.sticking's file, line and key when
/// `method` is not mc and a coefficient is below 1 (responsesAt calls it: every fast/direct
/// path, the optimiser's, the life sweep's and the twin's, is refused).
void requireStickingTransport(const DepositCase& c, const std::string& method);

/// Runs case `c` at `lifeKWh` (per cathode; a group's own life wins) with transport
/// `method` (fast | direct | mc): wobble scan, end-boost search, erosion of used targets,
/// transport, power trims, thickness, uniformity and the film's composition. Throws std::invalid_argument on data
/// the solvers cannot use (the message names the case's file).
DepositRun runDeposition(DepositCase c, double lifeKWh, const std::string& method, const ProgressFn& progress = {});

}  // namespace magtwin
