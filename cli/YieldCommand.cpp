#include "YieldCommand.hpp"

#include "EnergySweep.hpp"
#include "UsageError.hpp"
#include "elements/ElementTable.hpp"
#include "io/AtomicFile.hpp"
#include "plot/LinePlot.hpp"
#include "util/Json.hpp"
#include "util/TextNumber.hpp"
#include "yield/SputterYield.hpp"
#include "yield/YieldModelRegistry.hpp"
#include "yield/YieldValidation.hpp"

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

struct Evaluated {
    std::unique_ptr<SputterYield> model;
    std::string name;
};

std::vector<Evaluated> buildModels(const YieldOptions& o, const Element& ion, const Element& target) {
    std::vector<Evaluated> out;
    const std::string angular = o.angleDeg > 0.0 ? o.angular : "none";
    for (const auto& name : o.models) {
        try {
            auto y = std::make_unique<SputterYield>(name, angular, ion, target);
            out.push_back({std::move(y), ""});
            out.back().name = out.back().model->energyModel().name();
        } catch (const std::invalid_argument& e) {
            throw UsageError(std::string("--model/--angular: ") + e.what());
        }
    }
    return out;
}

void writeSweepCsv(const std::string& path, const std::vector<double>& energies, const std::vector<Evaluated>& models,
                   const YieldOptions& o) {
    writeFileAtomically(path, [&](std::ostream& out) {
        out << "# magtwin yield: " << o.ion << " -> " << o.target << ", angle " << o.angleDeg << " deg\n";
        out << "energy_eV";
        for (const auto& m : models) out << ",yield_" << m.name;
        out << "\n" << std::setprecision(8);
        for (double E : energies) {
            out << E;
            for (const auto& m : models) out << "," << m.model->yield(E, o.angleDeg * M_PI / 180.0);
            out << "\n";
        }
    });
}

void plotSweep(const YieldOptions& o, std::vector<double> energies, const std::vector<Evaluated>& models) {
    if (energies.size() < 2) energies = parseEnergySweep("10:100000:log:300");
    std::vector<PlotSeries> series;
    for (const auto& m : models) {
        PlotSeries s{m.name, {}, {}, PlotSeries::Style::Line};
        for (double E : energies) {
            const double y = m.model->yield(E, o.angleDeg * M_PI / 180.0);
            if (y > 0) {
                s.x.push_back(E);
                s.y.push_back(y);
            }
        }
        series.push_back(std::move(s));
    }
    const std::string dataFile = measuredYieldsFile(o.validationDir);
    if (o.angleDeg == 0.0 && std::filesystem::exists(dataFile)) {
        PlotSeries pts{"measured (Yamamura & Tawara 1996 compilation)", {}, {}, PlotSeries::Style::Points};
        for (const auto& p : readMeasuredYields(dataFile))
            if (p.projectile == o.ion && p.target == o.target && p.yield > 0) {
                pts.x.push_back(p.energyEv);
                pts.y.push_back(p.yield);
            }
        if (!pts.x.empty()) series.push_back(std::move(pts));
    }
    PlotAxes axes;
    axes.title = o.ion + "^+ -> " + o.target + " sputtering yield" +
                 (o.angleDeg > 0 ? " at " + text(o.angleDeg) + " deg" : " (normal incidence)");
    axes.xLabel = "ion energy (eV)";
    axes.yLabel = "yield (atoms/ion)";
    axes.logX = axes.logY = true;
    double yMax = 0.0;
    for (const auto& s : series)
        for (double y : s.y) yMax = std::max(yMax, y);
    axes.yMin = yMax * 1e-4;  // four decades: threshold behaviour without a wall of empty plot
    renderLinePlot(axes, series, o.plotPath);
    std::cout << "plot written: " << o.plotPath << "\n";
}

int runValidation(const YieldOptions& o) {
    const std::string file = measuredYieldsFile(o.validationDir);
    if (!std::filesystem::exists(file))
        throw UsageError("--validate: measured yields not found at '" + file +
                         "' (set --validation-dir or MAGTWIN_VALIDATION_DIR)");
    const auto data = readMeasuredYields(file);
    ValidationOptions vo;
    const auto rows = validateYieldModels(data, ElementTable::builtin(), vo);
    std::cout << "Median |ln(Y_model/Y_exp)| over measured points " << vo.minEnergyEv << "-" << vo.maxEnergyEv
              << " eV, Yamamura-Tawara Table I targets\n";
    std::cout << std::left << std::setw(6) << "ion" << std::setw(14) << "model" << std::right << std::setw(8)
              << "points" << std::setw(9) << "targets" << std::setw(12) << "median|ln|" << std::setw(13)
              << "median ln" << "\n";
    for (const auto& r : rows)
        std::cout << std::left << std::setw(6) << r.projectile << std::setw(14) << r.model << std::right
                  << std::setw(8) << r.points << std::setw(9) << r.targets << std::setw(12) << std::fixed
                  << std::setprecision(3) << r.medianAbsLog << std::setw(13) << r.medianSigned << "\n";
    const std::string csv = o.csvPath.empty() ? "yield_validation.csv" : o.csvPath;
    writeFileAtomically(csv, [&](std::ostream& out) {
        out << "projectile,model,points,targets,median_abs_ln,median_ln\n" << std::setprecision(6);
        for (const auto& r : rows)
            out << r.projectile << "," << r.model << "," << r.points << "," << r.targets << "," << r.medianAbsLog
                << "," << r.medianSigned << "\n";
    });
    std::cout << "\nAr+ per target, median ln(Y_model/Y_exp) (>0: model too high):\n" << std::left << std::setw(6)
              << "target";
    for (const auto& m : vo.models) std::cout << std::right << std::setw(14) << m;
    std::cout << "\n";
    const auto perTarget = validateByTarget(data, ElementTable::builtin(), "Ar", vo);
    for (std::size_t i = 0; i < perTarget.size(); i += vo.models.size()) {
        std::cout << std::left << std::setw(6) << perTarget[i].target;
        for (std::size_t k = 0; k < vo.models.size(); ++k)
            std::cout << std::right << std::setw(14) << std::setprecision(3) << perTarget[i + k].medianSigned;
        std::cout << "\n";
    }
    std::cout << "table written: " << csv << "\n";
    return 0;
}

int runYield(const YieldOptions& o) {
    if (o.validate) return runValidation(o);
    if (o.target.empty()) throw UsageError("--target is required; accepted: " + joined(ElementTable::builtin().targetSymbols()));
    if (!(o.angleDeg >= 0.0 && o.angleDeg < 90.0))
        throw UsageError("--angle must be in [0, 90) degrees from the surface normal, got " + text(o.angleDeg));
    const Element& ion = element(o.ion, "--ion", false);
    const Element& target = element(o.target, "--target", true);
    std::vector<double> energies;
    try {
        energies = parseEnergySweep(o.energy);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    const auto models = buildModels(o, ion, target);
    const double theta = o.angleDeg * M_PI / 180.0;

    if (!o.csvPath.empty()) {
        writeSweepCsv(o.csvPath, energies, models, o);
        std::cout << "sweep written: " << o.csvPath << " (" << energies.size() << " energies)\n";
    }
    if (!o.plotPath.empty()) plotSweep(o, energies, models);
    if (!o.csvPath.empty() && energies.size() > 1 && !o.json) return 0;

    if (o.json) {
        const bool many = energies.size() * models.size() > 1;
        if (many) std::cout << "[";
        bool first = true;
        for (const auto& m : models)
            for (double E : energies) {
                const auto th = m.model->energyModel().thresholdEv();
                std::cout << (first ? "" : ",") << (many ? "\n  " : "") << "{\"ion\":" << jsonString(o.ion)
                          << ",\"target\":" << jsonString(o.target) << ",\"model\":" << jsonString(m.name)
                          << ",\"energy_eV\":" << jsonNumber(E) << ",\"angle_deg\":" << jsonNumber(o.angleDeg)
                          << ",\"yield\":" << jsonNumber(m.model->yield(E, theta))
                          << ",\"threshold_eV\":" << (th ? jsonNumber(*th) : "null") << "}";
                first = false;
            }
        std::cout << (many ? "\n]\n" : "\n");
        return 0;
    }
    for (const auto& m : models) {
        const auto th = m.model->energyModel().thresholdEv();
        std::cout << o.ion << "+ -> " << o.target << ", model " << m.name << " ("
                  << m.model->energyModel().citation() << ")\n";
        std::cout << "  threshold: " << (th ? text(*th) + " eV" : std::string("none (model has no threshold)"))
                  << "\n";
        if (o.angleDeg > 0)
            std::cout << "  angular factor: " << m.model->angularFactor().name() << " at " << o.angleDeg << " deg\n";
        for (double E : energies)
            std::cout << "  E = " << std::setw(10) << text(E) << " eV   yield = " << text(m.model->yield(E, theta))
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
    cmd->add_option("--target", opts->target, "Target element symbol (e.g. Mo)");
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
