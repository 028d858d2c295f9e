#include "cli/deposit/DepositCommand.hpp"

#include "cli/Progress.hpp"
#include "cli/UsageError.hpp"
#include "cli/deposit/DepositConfig.hpp"
#include "cli/deposit/DesignSearchCommand.hpp"
#include "cli/deposit/LifeSweepCommand.hpp"
#include "postprocessing/reports/DepositReport.hpp"
#include "solvers/deposition/DepositionRun.hpp"

#include <filesystem>
#include <iostream>

namespace magtwin {

namespace {

struct DepositOptions {
    std::string config;
    std::string substrate;
    std::string out;
    double lifeKWh = 0.0;
    std::string method = "fast";
    bool json = false;
    bool csv = false;
    std::string lifeSweep;
    bool designSearch = false;
    DesignBounds design;
};

int runDeposit(const DepositOptions& o) {
    try {
        transportMethodOf(o.method);  // the solvers' one list of methods, checked before any work
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    if (!(o.lifeKWh >= 0)) throw UsageError("--life-kWh must be >= 0");
    if (o.designSearch) {
        if (o.method != "fast" || o.lifeKWh != 0 || !o.lifeSweep.empty())
            throw UsageError(
                "--design-search runs the fast method on a new target (no --method, --life-kWh, --life-sweep)");
        return runDesignSearch(o.config, o.substrate, o.out, o.design, o.json);
    }
    if (!o.design.ringMm.empty() || !o.design.sigmaMm.empty() || !o.design.throwMm.empty() ||
        !o.design.offsetMm.empty())
        throw UsageError(
            "--design-ring-mm, --design-sigma-mm, --design-throw-mm and --design-offset-mm need --design-search");
    DepositCase c = depositCaseFor(loadToolFile(o.config), o.substrate);
    requireGasCalibration(c, o.method);
    requireStickingTransport(c, o.method);  // the life sweep's transports too
    if (!o.lifeSweep.empty()) return runLifeSweep(c, o.out, o.lifeSweep, o.method, o.json);
    DepositRun run;
    try {
        run = runDeposition(c, o.lifeKWh, o.method, terminalProgress());
    } catch (const UsageError&) {
        throw;
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    for (const std::string& w : run.warnings) std::cerr << "warning: " << w << "\n";
    progress("writing " + o.out);
    writeDepositFolder(run, o.out, o.csv);
    if (o.json)
        std::cout << summaryJson(run);
    else
        printVerdict(run, std::cout);
    return 0;
}

}  // namespace

void addDepositCommand(CLI::App& app) {
    auto o = std::make_shared<DepositOptions>();
    CLI::App* cmd = app.add_subcommand("deposit", "Film thickness map and uniformity verdict on glass or a wafer");
    cmd->add_option("tool", o->config, "Tool file (YAML), e.g. cases/tools/gen10_5_rotary_line.yaml")->required();
    cmd->add_option("--substrate", o->substrate, "Name of the substrate (default: the tool file's first)");
    cmd->add_option("--out", o->out, "Output folder (written complete or not at all)")->required();
    cmd->add_option("--life-kWh", o->lifeKWh,
                    "Target life point per cathode (kWh); used targets emit from the erosion engine's eroded surface")
        ->capture_default_str();
    cmd->add_option("--method", o->method,
                    "Transport: fast (FFT), direct (view-factor sum), mc (gas-scattering Monte Carlo, gas: section)")
        ->capture_default_str();
    cmd->add_flag("--json", o->json, "Print summary.json to stdout");
    cmd->add_flag("--csv", o->csv, "Also write thickness.csv (x_mm, y_mm, thickness_nm, ...; large for glass)");
    cmd->add_option("--life-sweep", o->lifeSweep,
                    "FROM:TO:N (kWh): maps at N life points with the new-target trims frozen and re-optimised "
                    "(life_sweep.csv, life_sweep.png, maps as life_sweep.pvd)");
    cmd->add_flag("--design-search", o->designSearch,
                  "Magnet design search (one planar-circular cathode): ring radius, profile sigma and throw for the "
                  "lowest U (design.json, design_tool.yaml, the best design's map)");
    cmd->add_option(
        "--design-ring-mm", o->design.ringMm,
        "LO:HI ring radius bounds (mm); default 20 % of the target radius .. target radius - magnet offset");
    cmd->add_option("--design-sigma-mm", o->design.sigmaMm, "LO:HI Gaussian sigma bounds (mm); default 8:40");
    cmd->add_option("--design-throw-mm", o->design.throwMm,
                    "LO:HI target-to-substrate throw bounds (mm); default 50:300");
    cmd->add_option("--design-offset-mm", o->design.offsetMm,
                    "LO:HI rotating magnet's offset bounds (mm); default the tool's own offset");
    cmd->callback([o]() {
        const int rc = runDeposit(*o);
        if (rc != 0) throw CLI::RuntimeError(rc);
    });
}

}  // namespace magtwin
