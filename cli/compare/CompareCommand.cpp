#include "compare/CompareCommand.hpp"

#include "UsageError.hpp"
#include "compare/CompareColumn.hpp"
#include "deposit/DepositConfig.hpp"
#include "io/AtomicFile.hpp"
#include "io/OutputFolder.hpp"
#include "plot/LinePlot.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

namespace magtwin {

namespace {

struct CompareOptions {
    std::string toolA, toolB, out;
    int lifePoints = 10;
    std::string method = "fast";
    bool json = false;
};

/// What every figure of a column means (written into compare.json).
const char* kDefinitions = R"json({
    "utilization_pct": "eroded volume / new target volume at the target's end of life (erosion.min_remaining_thickness remaining somewhere, default 1 mm, or erosion.limit), as magtwin erode",
    "target_life_kWh": "energy per target to its end of life, as magtwin erode",
    "array_life_kWh": "cathodes x target_life_kWh: every cathode at the same kWh (the convention of deposit --life-kWh)",
    "array_life_hardest_cathode_kWh": "energy the array has delivered when the cathode with the highest fixed trim reaches its end of life: target_life_kWh x sum(trims) / max(trims)",
    "film_nm": "mean film over the quality area that the recipe (new-target trims, the substrate's motion time) deposits on new targets: the tool's film thickness",
    "substrates_per_target_life": "substrates coated to film_nm over one target life with the fixed recipe: integral of the mean deposition rate over the life / film_nm (trapezoid over the life points, the last rate held to the end of life)",
    "material_bought_kg_per_m2": "mass of all new targets of the array / (substrates_per_target_life x substrate area)",
    "film_kg_per_m2": "film mass per m^2 of substrate: density of the film material x film_nm",
    "bought_per_film_kg": "material_bought_kg_per_m2 / film_kg_per_m2: kg of target bought per kg of film on the substrates",
    "rate_nm_per_min_per_kW": "static deposition rate on the substrate per kW of array power: mean film (quality area) / motion time (min) / array_power_kW (sum of the cathodes' powers with the fixed trims); new, mid-life (target_life/2), end (0.999 x target_life)",
    "U_fixed_pct": "(max - min)/(max + min) over the quality area, power trims fixed at their new-target values",
    "U_retrimmed_pct": "the same with the power trims re-optimised at that life point",
    "U_new/U_mid/U_end": "at 0, target_life/2 and 0.999 x target_life (the erosion engine stops at the end of life)"
  })json";

bool sameSubstrate(const DepositCase& a, const DepositCase& b) {
    return a.substrate.shape == b.substrate.shape && std::abs(a.substrate.sizeXM - b.substrate.sizeXM) < 1e-9 &&
           std::abs(a.substrate.sizeYM - b.substrate.sizeYM) < 1e-9 &&
           std::abs(a.substrate.edgeExclusionM - b.substrate.edgeExclusionM) < 1e-9;
}

std::string num(double v, int precision = 4) { return jsonNumber(v, precision); }

std::string compareJson(const std::vector<CompareColumn>& cols, bool same, const std::string& method,
                        const std::vector<double>& seconds) {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::ostringstream o;
    o << "{\n  \"method\": \"" << method << "\",\n  \"same_substrate\": " << (same ? "true" : "false")
      << ",\n  \"column_seconds\": [" << num(seconds[0]) << ", " << num(seconds[1])
      << "],\n  \"peak_rss_MiB\": " << num(double(usage.ru_maxrss) / 1024.0)
      << ",\n  \"definitions\": " << kDefinitions << ",\n  \"columns\": [\n    " << compareColumnJson(cols[0], 4)
      << ",\n    " << compareColumnJson(cols[1], 4) << "\n  ]\n}\n";
    return o.str();
}

/// `s` printed as it is by gnuplot's enhanced text (an underscore would be a subscript).
std::string plainText(const std::string& s) {
    std::string out;
    for (char ch : s) out += ch == '_' ? std::string("\\_") : std::string(1, ch);
    return out;
}

/// A's and B's U over life (same U axis), then both rates per kW, against life (% of each
/// tool's own target life).
void writePicture(const std::vector<CompareColumn>& cols, double specPct, const std::string& path) {
    double uMax = specPct, uMin = specPct;
    for (const auto& c : cols)
        for (const auto& p : c.points) {
            uMax = std::max({uMax, p.fixed.rangePct, p.retrimmed.rangePct});
            uMin = std::min({uMin, p.fixed.rangePct, p.retrimmed.rangePct});
        }
    std::vector<PlotPanel> panels;
    PlotPanel rate;
    rate.axes.title = "deposition rate per kW (recipe fixed)";
    rate.axes.xLabel = "target life (% of each tool's end of life)";
    rate.axes.yLabel = "static rate (nm/min per kW of array power)";
    rate.axes.key = "inside right center";
    for (const auto& c : cols) {
        PlotPanel u;
        u.axes.title = plainText(c.tool) + " (" + c.cathodeType + "): utilization " + num(c.utilizationPct, 3) +
                       " %, life " + num(c.targetLifeKWh, 5) + " kWh/target\n" + num(1e3 * c.boughtKgPerM2, 3) +
                       " g target bought per m^2 of " + c.substrate + " at " + num(c.filmNm, 4) + " nm";
        u.axes.xLabel = rate.axes.xLabel;
        u.axes.yLabel = "U = (max - min)/(max + min) (%)";
        u.axes.yMin = 0.9 * uMin;  // the same U axis for both tools
        u.axes.yMax = 1.35 * uMax;  // room for the key above the spec line
        u.axes.key = "inside left top";
        PlotSeries fixed{"U, recipe fixed (new-target trims)", {}, {}, PlotSeries::Style::LinePoints};
        PlotSeries re{"U, trims re-optimised", {}, {}, PlotSeries::Style::LinePoints};
        PlotSeries r{plainText(c.tool), {}, {}, PlotSeries::Style::LinePoints};
        for (std::size_t i = 0; i < c.points.size(); ++i) {
            const double x = 100 * c.points[i].kWh / c.targetLifeKWh;
            fixed.x.push_back(x), fixed.y.push_back(c.points[i].fixed.rangePct);
            re.x.push_back(x), re.y.push_back(c.points[i].retrimmed.rangePct);
            r.x.push_back(x), r.y.push_back(c.ratePerKW[i]);
        }
        u.series = {fixed, re, {"spec " + num(specPct, 3) + " %", {0.0, 100.0}, {specPct, specPct}}};
        panels.push_back(u);
        rate.series.push_back(r);
    }
    panels.push_back(rate);
    renderLinePanels(plainText(cols[0].tool) + " vs " + plainText(cols[1].tool) + " on the same " + cols[0].substrate +
                         ", over one target life",
                     panels, 2400, 800, path);
}

void printTable(const std::vector<CompareColumn>& cols, std::ostream& o) {
    auto row = [&](const std::string& name, auto value) {
        o << "  " << std::left << std::setw(40) << name;
        for (const auto& c : cols) o << std::right << std::setw(26) << value(c);
        o << "\n";
    };
    row("", [](const CompareColumn& c) { return c.tool; });
    row("utilization (%)", [](const CompareColumn& c) { return num(c.utilizationPct); });
    row("life per target (kWh)", [](const CompareColumn& c) { return num(c.targetLifeKWh, 5); });
    row("life of the array (kWh)", [](const CompareColumn& c) { return num(c.arrayLifeKWh, 5); });
    row("target bought (kg/m^2 of glass)", [](const CompareColumn& c) { return num(c.boughtKgPerM2); });
    row("rate new (nm/min per kW)", [](const CompareColumn& c) { return num(c.ratePerKW[c.newIndex]); });
    row("U new fixed / re-trimmed (%)", [](const CompareColumn& c) {
        return num(c.points[c.newIndex].fixed.rangePct, 3) + " / " + num(c.points[c.newIndex].retrimmed.rangePct, 3);
    });
    row("U mid fixed / re-trimmed (%)", [](const CompareColumn& c) {
        return num(c.points[c.midIndex].fixed.rangePct, 3) + " / " + num(c.points[c.midIndex].retrimmed.rangePct, 3);
    });
    row("U end fixed / re-trimmed (%)", [](const CompareColumn& c) {
        return num(c.points[c.endIndex].fixed.rangePct, 3) + " / " + num(c.points[c.endIndex].retrimmed.rangePct, 3);
    });
}

int runCompare(const CompareOptions& o) {
    if (o.method != "fast" && o.method != "direct")
        throw UsageError("--method must be fast or direct, got '" + o.method + "'");
    if (o.lifePoints < 2)
        throw UsageError("--life-points must be >= 2 (new and end of life), got " + std::to_string(o.lifePoints));
    // Read and check both tools before computing anything.
    std::vector<DepositCase> cases;
    for (const std::string& f : {o.toolA, o.toolB}) {
        cases.push_back(depositCaseFor(loadToolFile(f), ""));
        requireGasCalibration(cases.back(), o.method);
        requireComparable(cases.back(), o.lifePoints);
    }
    const bool same = sameSubstrate(cases[0], cases[1]);
    if (!same)
        std::cerr << "warning: " << o.toolA << " and " << o.toolB
                  << " have different substrates (size or edge exclusion): the comparison is not on the same glass\n";
    const TransportMethod method = o.method == "fast" ? TransportMethod::Fast : TransportMethod::Direct;
    std::vector<CompareColumn> cols;
    std::vector<double> seconds;
    for (const DepositCase& c : cases) {
        const auto t0 = std::chrono::steady_clock::now();
        cols.push_back(compareColumn(c, o.lifePoints, method));
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    const std::string json = compareJson(cols, same, o.method, seconds);
    writeFolderAtomically(o.out, [&](const std::filesystem::path& tmp) {
        writeFileAtomically((tmp / "compare.json").string(), [&](std::ostream& s) { s << json; });
        writePicture(cols, cases[0].uniformityTargetPct, (tmp / "compare.png").string());
    });
    if (o.json)
        std::cout << json;
    else {
        std::cout << "compare (" << o.method << ", " << cols[0].points.size() << " and " << cols[1].points.size()
                  << " life points):\n";
        printTable(cols, std::cout);
        std::cout << "  output: " << o.out << "/ (compare.json, compare.png)\n";
    }
    return 0;
}

}  // namespace

void addCompareCommand(CLI::App& app) {
    auto o = std::make_shared<CompareOptions>();
    CLI::App* cmd = app.add_subcommand(
        "compare", "Two tools side by side over one target life: utilization, life, material per m^2, rate, U");
    cmd->add_option("tool_a", o->toolA, "First tool file (YAML), e.g. cases/tools/compare_gen10_5_planar.yaml")
        ->required();
    cmd->add_option("tool_b", o->toolB, "Second tool file (YAML), e.g. cases/tools/compare_gen10_5_rotary.yaml")
        ->required();
    cmd->add_option("--out", o->out, "Output folder (compare.json, compare.png; written complete or not at all)")
        ->required();
    cmd->add_option("--life-points", o->lifePoints,
                    "Life points from new to end of life (evenly spaced; mid-life is added)")
        ->capture_default_str();
    cmd->add_option("--method", o->method, "Transport: fast (FFT) or direct (view-factor sum)")->capture_default_str();
    cmd->add_flag("--json", o->json, "Print compare.json to stdout");
    cmd->callback([o]() {
        const int rc = runCompare(*o);
        if (rc != 0) throw CLI::RuntimeError(rc);
    });
}

}  // namespace magtwin
