#include "cli/SensitivityCommand.hpp"

#include "boundary/util/TextNumber.hpp"
#include "cli/Progress.hpp"
#include "cli/UsageError.hpp"
#include "cli/deposit/DepositConfig.hpp"
#include "solvers/deposition/MagnetPackSensitivity.hpp"

#include <iomanip>
#include <iostream>
#include <memory>
#include <optional>
#include <sstream>

namespace magtwin {

namespace {

struct SensitivityOptions {
    std::string tool, substrate, method = "fast";
    double stepPct = 10;
    bool markdown = false;
};

/// "+1.23" (percentage points, 3 decimals) or "not valid".
std::string delta(const std::optional<double>& u, double base) {
    if (!u) return "not valid (racetrack leaves the target)";
    std::ostringstream o;
    o << std::showpos << std::fixed << std::setprecision(2) << *u - base;
    return o.str();
}

std::string pct(const std::optional<double>& u) {
    if (!u) return "-";
    std::ostringstream o;
    o << std::fixed << std::setprecision(2) << *u;
    return o.str();
}

int run(const SensitivityOptions& o) {
    if (!(o.stepPct > 0 && o.stepPct <= 50)) throw UsageError("--step-pct must be in (0, 50]");
    if (o.method != "fast" && o.method != "direct") throw UsageError("--method must be fast or direct");
    const DepositCase c = depositCaseFor(loadToolFile(o.tool), o.substrate);
    requireGasCalibration(c, o.method);
    SensitivityTable t;
    try {
        t = magnetPackSensitivity(c, o.method, o.stepPct / 100, terminalProgress());
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    const std::string s = textNumber(o.stepPct, 3);
    std::ostringstream base;
    base << std::fixed << std::setprecision(2) << t.uBasePct;
    if (o.markdown) {
        std::cout << "| key | value | U at +" << s << " % (%) | dU at +" << s << " % | U at -" << s
                  << " % (%) | dU at -" << s << " % |\n|---|---|---|---|---|---|\n";
        for (const SensitivityRow& r : t.rows)
            std::cout << "| `" << r.key << "` | " << textNumber(r.baseValue, 4) << (r.unit.empty() ? "" : " " + r.unit)
                      << " | " << pct(r.uUpPct) << " | " << delta(r.uUpPct, t.uBasePct) << " | " << pct(r.uDownPct)
                      << " | " << delta(r.uDownPct, t.uBasePct) << " |\n";
        std::cout << "\nBase: U = " << base.str() << " % (" << c.file << ", new targets, method " << t.method
                  << (c.optimiseTrims ? ", trims re-optimised at every change" : "") << ").\n";
        return 0;
    }
    std::cout << c.file << ": U = " << base.str() << " % (new targets, method " << t.method << "); each key x (1 +- "
              << s << " %), dU in percentage points:\n";
    for (const SensitivityRow& r : t.rows)
        std::cout << "  " << std::left << std::setw(42) << r.key << std::right << std::setw(9)
                  << textNumber(r.baseValue, 4) << " " << std::setw(2) << r.unit << "  +" << s
                  << " %: " << delta(r.uUpPct, t.uBasePct) << "   -" << s << " %: " << delta(r.uDownPct, t.uBasePct)
                  << "\n";
    return 0;
}

}  // namespace

void addSensitivityCommand(CLI::App& app) {
    auto o = std::make_shared<SensitivityOptions>();
    CLI::App* cmd =
        app.add_subcommand("sensitivity", "How much each magnet-pack key moves the uniformity U (+- step %)");
    cmd->add_option("tool", o->tool, "Tool file (YAML)")->required();
    cmd->add_option("--substrate", o->substrate, "Name of the substrate (default: the tool file's first)");
    cmd->add_option("--step-pct", o->stepPct, "Change of each key (%)")->capture_default_str();
    cmd->add_option("--method", o->method, "Transport: fast or direct")->capture_default_str();
    cmd->add_flag("--markdown", o->markdown, "Print the table as Markdown (docs/first-tool-file.md)");
    cmd->callback([o]() {
        const int rc = run(*o);
        if (rc != 0) throw CLI::RuntimeError(rc);
    });
}

}  // namespace magtwin
