#include "cli/ErodeCommand.hpp"

#include "cli/ErosionConfig.hpp"
#include "cli/ErosionOutput.hpp"
#include "cli/UsageError.hpp"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>

namespace magtwin {

namespace {

struct ErodeOptions {
    std::string config;
    std::string cathode;
    std::string out;
    bool json = false;
};

/// Progress on stderr, only when stderr is a terminal, at most 10 updates per second.
class TerminalProgress {
public:
    TerminalProgress() : enabled_(::isatty(STDERR_FILENO) != 0) {}
    void operator()(double fraction, double kwh) {
        if (!enabled_) return;
        const auto now = std::chrono::steady_clock::now();
        if (now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        std::cerr << "\r[erode] " << std::setw(5) << std::fixed << std::setprecision(1) << 100.0 * fraction
                  << " % of life, " << std::setprecision(0) << kwh << " kWh   " << std::flush;
    }
    void done() {
        if (enabled_) std::cerr << "\r" << std::string(50, ' ') << "\r" << std::flush;
    }

private:
    bool enabled_;
    std::chrono::steady_clock::time_point last_{};
};

void run(const ErodeOptions& o) {
    // Read and check everything before any output exists: bad input leaves nothing behind.
    ErosionSetup setup = erosionSetupFor(loadToolFile(o.config), o.cathode);
    if (const std::string note = rotaryWobbleNote(setup); !note.empty())
        std::cerr << "[erode] " << o.cathode << ": " << note << "\n";
    ErosionFront front = *setup.engine->front;
    TerminalProgress progress;
    const LifeResult result =
        runToEndOfLife(front, setup.engine->powerW(), setup.life, [&](double f, double kwh) { progress(f, kwh); });
    progress.done();
    writeErosionFolder(setup, result, o.out);
    if (o.json) {
        std::cout << erosionSummaryJson(setup, result);
        return;
    }
    std::cout << std::setprecision(4) << setup.title << ": " << setup.material << " "
              << cathodeKindName(setup.engine->flux->kind()) << " target, " << setup.engine->powerW() / 1e3 << " kW at "
              << setup.engine->supply.ionEnergyEv << " V\n"
              << "  life          " << std::setprecision(6) << result.lifeKWh << " kWh (end: " << result.endReason
              << ")\n"
              << "  utilization   " << std::setprecision(4) << 100.0 * result.utilization << " %\n"
              << (setup.reactive ? "  reactive      " + reactiveStateLine(*setup.reactive) + "\n" : "")
              << "  max depth     " << result.maxDepthM * 1e3 << " mm\n"
              << "  groove FWHM   ";
    for (const auto& s : result.snapshots) std::cout << s.grooveFwhmM * 1e3 << " mm @ " << s.lifeKWh << " kWh; ";
    std::cout << "\n  output        " << o.out << "/ (summary.json, grooves.png, erosion.pvd, CSVs)\n";
}

}  // namespace

void addErodeCommand(CLI::App& app) {
    auto opts = std::make_shared<ErodeOptions>();
    CLI::App* cmd = app.add_subcommand(
        "erode", "Target erosion over life: racetrack groove, life (kWh), utilization, emission maps");
    cmd->add_option("tool", opts->config, "Tool file (YAML, see cases/tools/ and docs/tool-file.md)")->required();
    cmd->add_option("--cathode", opts->cathode, "Name of the cathode to erode (e.g. tube03)")->required();
    cmd->add_option("--out", opts->out, "Output folder (written atomically)")->required();
    cmd->add_flag("--json", opts->json, "Print summary.json on stdout");
    cmd->callback([opts]() { run(*opts); });
}

}  // namespace magtwin
