#include "twin/forecast/ForecastOutput.hpp"

#include "boundary/util/Json.hpp"
#include "boundary/util/UtcText.hpp"

#include <cmath>
#include <ctime>
#include <sstream>

namespace magtwin {
namespace {

std::string jsonArray(const std::vector<double>& v) {
    std::string out = "[";
    for (std::size_t i = 0; i < v.size(); ++i) out += (i ? "," : "") + jsonNumber(v[i]);
    return out + "]";
}

}  // namespace

double forecastTimeAt(const ForecastResult& r, double lastTime, double x) {
    return r.meanRate > 0 ? lastTime + (x - r.xNow) / r.meanRate * 86400.0 : std::nan("");
}

std::string forecastJson(const ForecastResult& r, double lastTime) {
    const double crossS = r.crossingKWh ? forecastTimeAt(r, lastTime, *r.crossingKWh) : std::nan("");
    std::ostringstream j;
    j << "{\"spec_pct\":" << jsonNumber(r.specPct) << ",\"u_now_pct\":" << jsonNumber(r.us.front())
      << ",\"u_cross_kWh\":" << (r.crossingKWh ? jsonNumber(*r.crossingKWh) : "null")
      << ",\"u_cross_s\":" << jsonNumber(crossS)
      << ",\"u_cross_date\":" << (std::isfinite(crossS) ? jsonString(isoUtcText(crossS)) : "null")
      << ",\"life_now_kWh\":" << jsonNumber(r.xNow) << ",\"kWh_per_day\":" << jsonNumber(r.meanRate) << ",\"curve\":[";
    for (std::size_t i = 0; i < r.xs.size() && i < r.us.size(); ++i)
        j << (i ? "," : "") << "{\"life_kWh\":" << jsonNumber(r.xs[i]) << ",\"u_pct\":" << jsonNumber(r.us[i]) << "}";
    j << "],\"eol\":[";
    std::size_t k = 0;
    for (std::size_t g = 0; g < r.usage.size(); ++g)
        for (const auto& id : r.usage[g].targetIds)
            j << (k++ ? "," : "") << "{\"target_id\":" << jsonString(id) << ",\"eol_kWh\":" << jsonNumber(r.eolKWh[g])
              << "}";
    j << "],\"recommended_trims\":" << (r.crossingKWh ? jsonArray(r.recommendedTrims) : "null")
      << ",\"u_after_pct\":" << (r.uAfterPct ? jsonNumber(*r.uAfterPct) : "null")
      << ",\"recipe\":" << jsonString(r.recipe) << ",\"recipe_trims\":" << jsonArray(r.recipeTrims) << "}";
    return j.str();
}

ForecastRecord forecastRecord(const ForecastResult& r, double lastTime, double createdTime) {
    ForecastRecord f;
    f.createdTime = createdTime;
    f.specPct = r.specPct;
    f.uNowPct = r.us.empty() ? std::nan("") : r.us.front();
    f.xNowKWh = r.xNow;
    f.xEndKWh = r.xEnd;
    f.kWhPerDay = r.meanRate;
    f.lastTime = lastTime;
    f.crossingKWh = r.crossingKWh ? *r.crossingKWh : std::nan("");
    f.crossingTime = r.crossingKWh ? forecastTimeAt(r, lastTime, *r.crossingKWh) : std::nan("");
    f.uAfterPct = r.uAfterPct ? *r.uAfterPct : std::nan("");
    f.recipe = r.recipe;
    for (std::size_t i = 0; i < r.xs.size() && i < r.us.size(); ++i) f.curve.push_back({r.xs[i], r.us[i]});
    for (std::size_t g = 0; g < r.usage.size(); ++g)
        for (const auto& id : r.usage[g].targetIds) f.eolKWh.push_back({id, r.eolKWh[g]});
    return f;
}

}  // namespace magtwin
