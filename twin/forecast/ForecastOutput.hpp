// ForecastOutput: what `twin forecast` prints (--json) and keeps in the store (ForecastRecord,
// TwinState.hpp) from one ForecastResult, so the page of `twin serve` shows the forecast the
// command printed. Dates: the last stored sample plus (x - x_now) / (kWh per day) days, at the
// logged usage rate (none without usage).
#pragma once

#include "twin/forecast/UniformityForecast.hpp"
#include "twin/store/TwinState.hpp"

#include <string>

namespace magtwin {

/// UTC s at which the forecast axis reaches `x` kWh at the logged usage (NaN without usage).
double forecastTimeAt(const ForecastResult& r, double lastTime, double x);

/// `{"spec_pct","u_now_pct","u_cross_kWh","u_cross_s","u_cross_date","life_now_kWh","kWh_per_day",
/// "curve":[{"life_kWh","u_pct"}],"eol":[{"target_id","eol_kWh"}],"recommended_trims","u_after_pct","recipe",
/// "recipe_trims"}` (docs/twin-forecast.md).
std::string forecastJson(const ForecastResult& r, double lastTime);

/// The store's record of the forecast, made at `createdTime` (UTC s).
ForecastRecord forecastRecord(const ForecastResult& r, double lastTime, double createdTime);

}  // namespace magtwin
