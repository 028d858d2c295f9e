#include "cli/YieldCommand.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/materials/MaterialLibrary.hpp"
#include "boundary/util/Json.hpp"
#include "boundary/util/TextNumber.hpp"
#include "boundary/yield/YieldModelRegistry.hpp"
#include "boundary/yield/YieldSweep.hpp"
#include "cli/EnergySweep.hpp"
#include "cli/UsageError.hpp"
#include "postprocessing/reports/YieldReport.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

namespace magtwin {

namespace {

struct YieldOptions {
    std::string ion = "Ar";
    std::string target;
    std::string energy = "600";
    std::vector<std::string> models{"auto"};
    std::string angular = "yamamura1983";
    double angleDeg = 0.0;
    bool json = false;
    std::string csvPath;
    std::string plotPath;
    bool validate = false;
    std::string validationDir;
};

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

const Element& element(const std::string& symbol, const char* option, bool asTarget) {
    const ElementTable& table = ElementTable::builtin();
    const Element* e = table.find(symbol);
    if (!e || (asTarget && (!e->surfaceBindingEv || !e->densityGPerCm3)))
        throw UsageError(std::string(option) + " '" + symbol + "' is not a known " + (asTarget ? "target" : "ion") +
                         "; accepted: " + joined(asTarget ? table.targetSymbols() : table.symbols()));
    return *e;
}

/// Numbers in the printed text: 8 significant digits.
std::string text(double v) { return textNumber(v, 8); }

/// The curves of the requested models (yieldSweep) at `energies`.
std::vector<YieldCurve> sweep(const YieldOptions& o, const Element& ion, const Element& target,
                              const std::vector<double>& energies) {
    try {
        return yieldSweep(ion, target, o.models, o.angular, o.angleDeg * M_PI / 180.0, energies);
    } catch (const std::invalid_argument& e) {
        throw UsageError(std::string("--model/--angular: ") + e.what());
    }
}

int runValidation(const YieldOptions& o) {
    const std::string file = measuredYieldsFile(o.validationDir);
    if (!std::filesystem::exists(file))
        throw UsageError("--validate: measured yields not found at '" + file +
                         "' (set --validation-dir or MAGTWIN_VALIDATION_DIR)");
    printYieldValidation(yieldValidationTable(readMeasuredYields(file), ElementTable::builtin(), "Ar"),
                         o.csvPath.empty() ? "yield_validation.csv" : o.csvPath);
    return 0;
}

/// A compound or alloy target (MaterialLibrary): total and partial yields, surface composition.
int runCompound(const YieldOptions& o, const Element& ion, const Material& target,
                const std::vector<double>& energies) {
    const auto curvesAt = [&](const std::vector<double>& E) {
        try {
            return yieldSweep(ion, target, o.models, o.angular, o.angleDeg * M_PI / 180.0, E);
        } catch (const std::invalid_argument& e) {
            throw UsageError(std::string("--model/--angular: ") + e.what());
        }
    };
    const std::vector<YieldCurve> curves = curvesAt(energies);
    if (!o.csvPath.empty()) {
        writeYieldSweepCsv(o.csvPath, o.ion, target.name, o.angleDeg, energies, curves);
        std::cout << "sweep written: " << o.csvPath << " (" << energies.size() << " energies)\n";
    }
    if (!o.plotPath.empty())
        plotYieldSweep(o.plotPath,
                       o.ion + "^+ -> " + target.name + ": total and partial yields" +
                           (o.angleDeg > 0 ? " at " + text(o.angleDeg) + " deg" : " (normal incidence)"),
                       curvesAt(energies.size() < 2 ? parseEnergySweep("10:100000:log:300") : energies), {});
    if (!o.csvPath.empty() && energies.size() > 1 && !o.json) return 0;
    printCompoundYields(std::cout, o.ion, target, o.angleDeg, curves, o.json);
    return 0;
}

int runYield(const YieldOptions& o) {
    if (o.validate) return runValidation(o);
    if (o.target.empty())
        throw UsageError("--target is required; accepted: " + joined(MaterialLibrary::builtin().names()));
    if (!(o.angleDeg >= 0.0 && o.angleDeg < 90.0))
        throw UsageError("--angle must be in [0, 90) degrees from the surface normal, got " + text(o.angleDeg));
    const Element& ion = element(o.ion, "--ion", false);
    std::vector<double> energies;
    try {
        energies = parseEnergySweep(o.energy);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    // An element symbol keeps the element path (output unchanged); anything else is a material.
    const Element* symbol = ElementTable::builtin().find(o.target);
    if (!symbol || !symbol->surfaceBindingEv || !symbol->densityGPerCm3) {
        Material material;
        try {
            material = MaterialLibrary::builtin().get(o.target);
        } catch (const std::invalid_argument& e) {
            throw UsageError(std::string("--target ") + e.what());
        }
        if (!material.isElement()) return runCompound(o, ion, material, energies);
        symbol = &ElementTable::builtin().get(material.elementSymbol());
    }
    const Element& target = element(symbol->symbol, "--target", true);
    const std::vector<YieldCurve> curves = sweep(o, ion, target, energies);
    if (!o.csvPath.empty()) {
        writeYieldSweepCsv(o.csvPath, o.ion, target.symbol, o.angleDeg, energies, curves);
        std::cout << "sweep written: " << o.csvPath << " (" << energies.size() << " energies)\n";
    }
    if (!o.plotPath.empty()) {
        const std::string dataFile = measuredYieldsFile(o.validationDir);
        const bool measured = o.angleDeg == 0.0 && std::filesystem::exists(dataFile);
        plotYieldSweep(o.plotPath,
                       o.ion + "^+ -> " + target.symbol + " sputtering yield" +
                           (o.angleDeg > 0 ? " at " + text(o.angleDeg) + " deg" : " (normal incidence)"),
                       sweep(o, ion, target, energies.size() < 2 ? parseEnergySweep("10:100000:log:300") : energies),
                       measured ? measuredYieldsOf(readMeasuredYields(dataFile), o.ion, target.symbol)
                                : std::vector<MeasuredYield>{});
    }
    if (!o.csvPath.empty() && energies.size() > 1 && !o.json) return 0;

    if (o.json) {
        const bool many = energies.size() * curves.size() > 1;
        if (many) std::cout << "[";
        bool first = true;
        for (const auto& c : curves)
            for (std::size_t i = 0; i < energies.size(); ++i) {
                std::cout << (first ? "" : ",") << (many ? "\n  " : "") << "{\"ion\":" << jsonString(o.ion)
                          << ",\"target\":" << jsonString(target.symbol) << ",\"model\":" << jsonString(c.model)
                          << ",\"energy_eV\":" << jsonNumber(energies[i]) << ",\"angle_deg\":" << jsonNumber(o.angleDeg)
                          << ",\"yield\":" << jsonNumber(c.yield[i])
                          << ",\"threshold_eV\":" << (c.thresholdEv ? jsonNumber(*c.thresholdEv) : "null") << "}";
                first = false;
            }
        std::cout << (many ? "\n]\n" : "\n");
        return 0;
    }
    for (const auto& c : curves) {
        std::cout << o.ion << "+ -> " << target.symbol << ", model " << c.model << " (" << c.citation << ")\n";
        std::cout << "  threshold: "
                  << (c.thresholdEv ? text(*c.thresholdEv) + " eV" : std::string("none (model has no threshold)"))
                  << "\n";
        if (o.angleDeg > 0) std::cout << "  angular factor: " << c.angularFactor << " at " << o.angleDeg << " deg\n";
        for (std::size_t i = 0; i < energies.size(); ++i)
            std::cout << "  E = " << std::setw(10) << text(energies[i]) << " eV   yield = " << text(c.yield[i])
                      << " atoms/ion\n";
    }
    return 0;
}

}  // namespace

void addYieldCommand(CLI::App& app) {
    auto opts = std::make_shared<YieldOptions>();
    opts->validationDir = defaultValidationDir();
    CLI::App* cmd = app.add_subcommand("yield", "Sputtering yield of an ion on a target (atoms/ion) and its threshold");
    cmd->add_option("--ion", opts->ion, "Projectile element symbol")->capture_default_str();
    cmd->add_option("--target", opts->target,
                    "Target: an element symbol (Mo) or a library material (ITO, IGZO, MoNb, TiN ...)");
    cmd->add_option("--energy", opts->energy, "Ion energy in eV, or a sweep FROM:TO:log|lin:N")->capture_default_str();
    cmd->add_option("--model", opts->models,
                    "Yield model(s): auto, " + joined(yieldModelNames()) + " (repeat for several)")
        ->capture_default_str();
    cmd->add_option("--angle", opts->angleDeg, "Incidence angle from the surface normal, degrees [0, 90)")
        ->capture_default_str();
    cmd->add_option("--angular", opts->angular, "Angular model for --angle > 0: none, yamamura1983")
        ->capture_default_str();
    cmd->add_flag("--json", opts->json, "Print JSON");
    cmd->add_option("--csv", opts->csvPath, "Write the sweep (or the --validate table) as CSV");
    cmd->add_option("--plot", opts->plotPath, "Draw yield vs energy (log axes) to this PNG");
    cmd->add_flag("--validate", opts->validate,
                  "Compare every model with the measured yields of the validation data and print the table");
    cmd->add_option("--validation-dir", opts->validationDir, "Folder with the public validation data")
        ->capture_default_str();
    cmd->callback([opts]() {
        const int rc = runYield(*opts);
        if (rc != 0) throw CLI::RuntimeError(rc);
    });
}

}  // namespace magtwin
