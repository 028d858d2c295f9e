#include "postprocessing/reports/CompareReport.hpp"

#include "boundary/util/Json.hpp"
#include "boundary/util/TextNumber.hpp"
#include "postprocessing/io/OutputFolder.hpp"
#include "postprocessing/plot/GnuplotSession.hpp"
#include "postprocessing/plot/LinePlot.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <iomanip>
#include <sstream>

namespace magtwin {

namespace {

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

/// Numbers in the printed table and the picture.
std::string num(double v, int precision = 4) { return textNumber(v, precision); }

std::string columnJson(const TargetLifeCost& col, int indent) {
    const std::string in(std::size_t(indent), ' '), in2 = in + "  ";
    auto num = [](double v) { return jsonNumber(v); };
    const LifeCostInputs& inputs = col.inputs;
    const LifeCost& cost = col.cost;
    auto uAt = [&](std::size_t i) {
        const LifePoint& p = col.points[i];
        return "{\"life_kWh\": " + num(p.kWh) + ", \"U_fixed_pct\": " + num(p.fixed.rangePct) +
               ", \"U_retrimmed_pct\": " + num(p.retrimmed.rangePct) + "}";
    };
    std::ostringstream o;
    o << "{\n"
      << in2 << "\"file\": " << jsonString(col.file) << ",\n"
      << in2 << "\"tool\": " << jsonString(col.tool) << ",\n"
      << in2 << "\"cathode\": " << jsonString(col.cathodeGroup) << ",\n"
      << in2 << "\"cathode_type\": " << jsonString(col.cathodeType) << ",\n"
      << in2 << "\"target_material\": " << jsonString(col.targetMaterial) << ",\n"
      << in2 << "\"cathodes\": " << inputs.cathodes << ",\n"
      << in2 << "\"cathode_power_kW\": " << num(inputs.cathodePowerKW) << ",\n"
      << in2 << "\"array_power_kW\": " << num(cost.arrayPowerKW) << ",\n"
      << in2 << "\"substrate\": " << jsonString(col.substrate) << ",\n"
      << in2 << "\"substrate_area_m2\": " << num(inputs.substrateAreaM2) << ",\n"
      << in2 << "\"motion_time_s\": " << num(inputs.motionTimeS) << ",\n"
      << in2 << "\"utilization_pct\": " << num(col.utilizationPct) << ",\n"
      << in2 << "\"target_life_kWh\": " << num(col.targetLifeKWh) << ",\n"
      << in2 << "\"array_life_kWh\": " << num(cost.arrayLifeKWh) << ",\n"
      << in2 << "\"array_life_hardest_cathode_kWh\": " << num(cost.arrayLifeHardestCathodeKWh) << ",\n"
      << in2 << "\"target_mass_kg\": " << num(cost.targetMassKg) << ",\n"
      << in2 << "\"array_mass_kg\": " << num(cost.arrayMassKg) << ",\n"
      << in2 << "\"film_nm\": " << num(cost.filmNm) << ",\n"
      << in2 << "\"film_kg_per_m2\": " << num(cost.filmKgPerM2) << ",\n"
      << in2 << "\"substrates_per_target_life\": " << num(cost.substratesPerLife) << ",\n"
      << in2 << "\"coated_area_m2\": " << num(cost.coatedAreaM2) << ",\n"
      << in2 << "\"material_bought_kg_per_m2\": " << num(cost.boughtKgPerM2) << ",\n"
      << in2 << "\"bought_per_film_kg\": " << num(cost.boughtKgPerM2 / cost.filmKgPerM2) << ",\n"
      << in2 << "\"rate_nm_per_min_per_kW\": {\"new\": " << num(cost.ratePerKW[col.newIndex])
      << ", \"mid\": " << num(cost.ratePerKW[col.midIndex]) << ", \"end\": " << num(cost.ratePerKW[col.endIndex])
      << "},\n"
      << in2 << "\"U_new\": " << uAt(col.newIndex) << ",\n"
      << in2 << "\"U_mid\": " << uAt(col.midIndex) << ",\n"
      << in2 << "\"U_end\": " << uAt(col.endIndex) << ",\n"
      << in2 << "\"fixed_trims\": [";
    for (std::size_t k = 0; k < col.fixedTrims.size(); ++k) o << (k ? ", " : "") << num(col.fixedTrims[k]);
    o << "],\n" << in2 << "\"points\": [";
    for (std::size_t i = 0; i < col.points.size(); ++i) {
        const LifePoint& p = col.points[i];
        o << (i ? "," : "") << "\n"
          << in2 << "  {\"life_kWh\": " << num(p.kWh) << ", \"life_fraction\": " << num(p.kWh / col.targetLifeKWh)
          << ", \"U_fixed_pct\": " << num(p.fixed.rangePct) << ", \"U_retrimmed_pct\": " << num(p.retrimmed.rangePct)
          << ", \"sigma_fixed_pct\": " << num(p.fixed.sigmaPct) << ", \"mean_fixed_nm\": " << num(p.fixed.meanNm)
          << ", \"rate_nm_per_min_per_kW\": " << num(cost.ratePerKW[i]) << "}";
    }
    o << "\n" << in2 << "]\n" << in << "}";
    return o.str();
}

}  // namespace

std::string compareJson(const std::vector<TargetLifeCost>& cols, bool same, const std::string& method,
                        const std::vector<double>& seconds) {
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    std::ostringstream o;
    o << "{\n  \"method\": " << jsonString(method) << ",\n  \"same_substrate\": " << (same ? "true" : "false")
      << ",\n  \"column_seconds\": [" << jsonNumber(seconds[0]) << ", " << jsonNumber(seconds[1])
      << "],\n  \"peak_rss_MiB\": " << jsonNumber(double(usage.ru_maxrss) / 1024.0)
      << ",\n  \"definitions\": " << kDefinitions << ",\n  \"columns\": [\n    " << columnJson(cols[0], 4) << ",\n    "
      << columnJson(cols[1], 4) << "\n  ]\n}\n";
    return o.str();
}

/// A's and B's U over life (same U axis), then both rates per kW, against life (% of each
/// tool's own target life).
void writeComparePicture(const std::vector<TargetLifeCost>& cols, double specPct, const std::string& path) {
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
        u.axes.title = gnuplotLiteral(c.tool) + " (" + c.cathodeType + "): utilization " + num(c.utilizationPct, 3) +
                       " %, life " + num(c.targetLifeKWh, 5) + " kWh/target\n" + num(1e3 * c.cost.boughtKgPerM2, 3) +
                       " g target bought per m^2 of " + c.substrate + " at " + num(c.cost.filmNm, 4) + " nm";
        u.axes.xLabel = rate.axes.xLabel;
        u.axes.yLabel = "U = (max - min)/(max + min) (%)";
        u.axes.yMin = 0.9 * uMin;   // the same U axis for both tools
        u.axes.yMax = 1.35 * uMax;  // room for the key above the spec line
        u.axes.key = "inside left top";
        PlotSeries fixed{"U, recipe fixed (new-target trims)", {}, {}, PlotSeries::Style::LinePoints};
        PlotSeries re{"U, trims re-optimised", {}, {}, PlotSeries::Style::LinePoints};
        PlotSeries r{gnuplotLiteral(c.tool), {}, {}, PlotSeries::Style::LinePoints};
        for (std::size_t i = 0; i < c.points.size(); ++i) {
            const double x = 100 * c.points[i].kWh / c.targetLifeKWh;
            fixed.x.push_back(x), fixed.y.push_back(c.points[i].fixed.rangePct);
            re.x.push_back(x), re.y.push_back(c.points[i].retrimmed.rangePct);
            r.x.push_back(x), r.y.push_back(c.cost.ratePerKW[i]);
        }
        u.series = {fixed, re, {"spec " + num(specPct, 3) + " %", {0.0, 100.0}, {specPct, specPct}}};
        panels.push_back(u);
        rate.series.push_back(r);
    }
    panels.push_back(rate);
    renderLinePanels(gnuplotLiteral(cols[0].tool) + " vs " + gnuplotLiteral(cols[1].tool) + " on the same " +
                         cols[0].substrate + ", over one target life",
                     panels, 2400, 800, path);
}

void printCompareTable(const std::vector<TargetLifeCost>& cols, std::ostream& o) {
    auto row = [&](const std::string& name, auto value) {
        o << "  " << std::left << std::setw(40) << name;
        for (const auto& c : cols) o << std::right << std::setw(26) << value(c);
        o << "\n";
    };
    row("", [](const TargetLifeCost& c) { return c.tool; });
    row("utilization (%)", [](const TargetLifeCost& c) { return num(c.utilizationPct); });
    row("life per target (kWh)", [](const TargetLifeCost& c) { return num(c.targetLifeKWh, 5); });
    row("life of the array (kWh)", [](const TargetLifeCost& c) { return num(c.cost.arrayLifeKWh, 5); });
    row("target bought (kg/m^2 of glass)", [](const TargetLifeCost& c) { return num(c.cost.boughtKgPerM2); });
    row("rate new (nm/min per kW)", [](const TargetLifeCost& c) { return num(c.cost.ratePerKW[c.newIndex]); });
    row("U new fixed / re-trimmed (%)", [](const TargetLifeCost& c) {
        return num(c.points[c.newIndex].fixed.rangePct, 3) + " / " + num(c.points[c.newIndex].retrimmed.rangePct, 3);
    });
    row("U mid fixed / re-trimmed (%)", [](const TargetLifeCost& c) {
        return num(c.points[c.midIndex].fixed.rangePct, 3) + " / " + num(c.points[c.midIndex].retrimmed.rangePct, 3);
    });
    row("U end fixed / re-trimmed (%)", [](const TargetLifeCost& c) {
        return num(c.points[c.endIndex].fixed.rangePct, 3) + " / " + num(c.points[c.endIndex].retrimmed.rangePct, 3);
    });
}

}  // namespace magtwin
