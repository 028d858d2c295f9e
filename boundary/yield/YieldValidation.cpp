#include "boundary/yield/YieldValidation.hpp"

#include "boundary/util/Csv.hpp"
#include "boundary/yield/YieldModelRegistry.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <set>

namespace magtwin {

namespace {
double median(std::vector<double> v) {
    if (v.empty()) return std::numeric_limits<double>::quiet_NaN();
    std::sort(v.begin(), v.end());
    const std::size_t n = v.size();
    return n % 2 ? v[n / 2] : 0.5 * (v[n / 2 - 1] + v[n / 2]);
}

bool usable(const MeasuredYield& p, const ElementTable& elements, const ValidationOptions& o) {
    if (p.energyEv < o.minEnergyEv || p.energyEv > o.maxEnergyEv || p.yield <= 0.0) return false;
    const Element* t = elements.find(p.target);
    if (!t || !elements.find(p.projectile)) return false;
    if (o.tableITargetsOnly && t->yamamura.source != YamamuraParamSource::TableI) return false;
    return true;
}

double logRatio(const YieldModel& m, const MeasuredYield& p) {
    const double y = m.yield(p.energyEv);
    return y > 0.0 ? std::log(y / p.yield) : -std::numeric_limits<double>::infinity();
}
}  // namespace

std::string measuredYieldsFile(const std::string& validationDir) {
    return validationDir + "/yields/yamamura_tawara1996_digitized_experimental_yields__mlp_tools_YT_ref_data.csv";
}

std::vector<MeasuredYield> readMeasuredYields(const std::string& path) {
    const CsvTable csv = CsvTable::readFile(path);
    std::vector<MeasuredYield> out;
    out.reserve(csv.rowCount());
    for (std::size_t r = 0; r < csv.rowCount(); ++r)
        out.push_back(
            {csv.text(r, "target"), csv.text(r, "projectile"), csv.number(r, "energy"), csv.number(r, "yield")});
    return out;
}

std::vector<ValidationRow> validateYieldModels(const std::vector<MeasuredYield>& data, const ElementTable& elements,
                                               const ValidationOptions& options) {
    std::vector<ValidationRow> rows;
    for (const auto& proj : options.projectiles) {
        for (const auto& modelName : options.models) {
            std::map<std::string, std::unique_ptr<YieldModel>> cache;
            std::vector<double> absLogs, logs;
            std::set<std::string> targets;
            for (const auto& p : data) {
                if (p.projectile != proj || !usable(p, elements, options)) continue;
                auto& model = cache[p.target];
                if (!model) model = makeYieldModel(modelName, elements.get(proj), elements.get(p.target));
                const double l = logRatio(*model, p);
                logs.push_back(l);
                absLogs.push_back(std::fabs(l));
                targets.insert(p.target);
            }
            rows.push_back({proj, modelName, absLogs.size(), targets.size(), median(absLogs), median(logs)});
        }
    }
    return rows;
}

std::vector<TargetValidationRow> validateByTarget(const std::vector<MeasuredYield>& data, const ElementTable& elements,
                                                  const std::string& projectile, const ValidationOptions& options) {
    std::vector<TargetValidationRow> rows;
    std::map<std::string, std::vector<const MeasuredYield*>> byTarget;
    for (const auto& p : data)
        if (p.projectile == projectile && usable(p, elements, options)) byTarget[p.target].push_back(&p);
    for (const auto& [target, points] : byTarget) {
        for (const auto& modelName : options.models) {
            auto model = makeYieldModel(modelName, elements.get(projectile), elements.get(target));
            std::vector<double> logs;
            for (const auto* p : points) logs.push_back(logRatio(*model, *p));
            rows.push_back({target, modelName, logs.size(), median(logs)});
        }
    }
    return rows;
}

}  // namespace magtwin
