#include "cli/CalibrateGasCommand.hpp"

#include "boundary/util/Json.hpp"
#include "boundary/util/TextNumber.hpp"
#include "cli/Progress.hpp"
#include "cli/UsageError.hpp"
#include "cli/deposit/DepositConfig.hpp"
#include "postprocessing/io/AtomicFile.hpp"
#include "solvers/deposition/GasModelCalibration.hpp"

#include <iostream>
#include <memory>
#include <sstream>

namespace magtwin {

namespace {

struct CalibrateGasOptions {
    std::string tool, out;
    long histories = 300000;
    bool json = false;
};

/// The block as the tool file takes it (numbers with 3 significant digits, the grid search's resolution).
std::string gasModelBlock(const GasModelCalibrationResult& r, const std::string& tool) {
    std::ostringstream o;
    o << "# deposition.gas_model for " << r.element << " sputtered in " << r.gas << " at "
      << textNumber(r.temperatureK, 4) << " K, fitted by `magtwin calibrate-gas " << tool
      << "` to the gas-scattering Monte Carlo\n"
      << "# (" << r.histories << " histories per map; 100 mm disc cathode at 10 cm throw) at p d =";
    for (std::size_t k = 0; k < r.pressuresPa.size(); ++k)
        o << (k ? "," : "") << " " << textNumber(r.pressuresPa[k] * 10, 3) << " Pa cm";
    o << ";\n# |model - MC| / MC peak of the ring-averaged profiles:";
    for (std::size_t k = 0; k < r.errorOfPeak.size(); ++k)
        o << (k ? "," : "") << " " << textNumber(100 * r.errorOfPeak[k], 3) << " %";
    o << ". Valid for p d <= 10 Pa cm.\n"
      << "# Paste into the tool file's deposition: section (or append this block when it has none).\n"
      << "deposition:\n  gas_model:\n"
      << "    sigma_eff_m2: " << textNumber(r.fit.sigmaEffM2, 3) << "\n"
      << "    eta: " << textNumber(r.fit.eta, 3) << "\n"
      << "    thermalisation_column_per_m2: " << textNumber(r.fit.thermalisationColumnPerM2, 3) << "\n";
    return o.str();
}

int run(const CalibrateGasOptions& o) {
    if (o.histories < 1) throw UsageError("--histories must be >= 1");
    const DepositCase c = depositCaseFor(loadToolFile(o.tool), "");
    GasModelCalibrationResult r;
    try {
        r = calibrateGasModelFor(c, std::uint64_t(o.histories), terminalProgress());
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    const std::string block = gasModelBlock(r, o.tool);
    writeFileAtomically(o.out, [&](std::ostream& f) { f << block; });
    if (o.json) {
        std::cout << "{\"element\": " << jsonString(r.element) << ", \"gas\": " << jsonString(r.gas)
                  << ", \"sigma_eff_m2\": " << jsonNumber(r.fit.sigmaEffM2) << ", \"eta\": " << jsonNumber(r.fit.eta)
                  << ", \"thermalisation_column_per_m2\": " << jsonNumber(r.fit.thermalisationColumnPerM2)
                  << ", \"max_error_of_peak\": " << jsonNumber(r.fit.maxErrorOfPeak) << "}\n";
    } else {
        std::cout << block << "written to " << o.out << "\n";
    }
    return 0;
}

}  // namespace

void addCalibrateGasCommand(CLI::App& app) {
    auto o = std::make_shared<CalibrateGasOptions>();
    CLI::App* cmd = app.add_subcommand(
        "calibrate-gas",
        "Fit the fast gas model to the Monte Carlo for the tool's element and gas: deposition.gas_model");
    cmd->add_option("tool", o->tool, "Tool file (YAML): its first cathode's target element and process gas")
        ->required();
    cmd->add_option("--out", o->out, "File to write the deposition.gas_model block to")->required();
    cmd->add_option("--histories", o->histories, "Monte Carlo histories per pressure (p d = 1, 5, 10 Pa cm)")
        ->capture_default_str();
    cmd->add_flag("--json", o->json, "Print the fitted numbers as JSON");
    cmd->callback([o]() {
        const int rc = run(*o);
        if (rc != 0) throw CLI::RuntimeError(rc);
    });
}

}  // namespace magtwin
