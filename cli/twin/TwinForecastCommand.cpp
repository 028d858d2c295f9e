// `magtwin twin forecast TOOL.yaml --store PATH [--json]`: where today's recipe leaves the
// uniformity spec and what trims bring it back (twin/forecast/UniformityForecast.hpp; today's
// recipe from the log: twin/forecast/LoggedRecipe.hpp). The command reads the tool file and
// the store, calls the forecast and prints it.
#include "cli/twin/TwinCommands.hpp"

#include "boundary/util/TextNumber.hpp"
#include "cli/Progress.hpp"
#include "cli/UsageError.hpp"
#include "cli/deposit/DepositConfig.hpp"
#include "cli/twin/TwinReplaySetup.hpp"
#include "twin/forecast/ForecastOutput.hpp"
#include "twin/forecast/LoggedRecipe.hpp"
#include "twin/forecast/UniformityForecast.hpp"
#include "twin/replay/DeliveredEnergy.hpp"
#include "twin/replay/ReplaySeries.hpp"

#include <cmath>
#include <ctime>
#include <iostream>
#include <optional>
#include <sstream>
#include <stdexcept>

namespace magtwin {
namespace {

std::string isoDate(double utcSeconds) {
    const std::time_t t = std::time_t(utcSeconds);
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M UTC", &tm);
    return buf;
}

}  // namespace

int runTwinForecast(const TwinForecastOptions& o) {
    if (o.method != "fast" && o.method != "direct")
        throw UsageError("--method must be fast or direct, got '" + o.method + "'");
    if (o.points < 2) throw UsageError("--points must be >= 2");
    if (o.recipe != "logged" && o.recipe != "configured")
        throw UsageError("--recipe must be logged or configured, got '" + o.recipe + "'");
    const TwinToolFile tf = loadTwinToolFile(o.toolFile);
    DepositCase c;
    try {
        c = depositCaseFor(*tf.tool, "");
    } catch (const std::invalid_argument& e) {
        throw UsageError(o.toolFile + ": " + e.what());
    }
    auto store = openExistingStore(o.store);
    const std::int64_t toolId = storedToolId(*store, tf.name, o.store);
    double lastTime = 0.0;
    for (const auto& file : store->files(toolId))
        if (file.hasSpan) lastTime = std::max(lastTime, file.lastTime);
    std::vector<GroupUsage> usage;
    try {
        usage = groupUsage(c, store->targets(toolId), lastTime);
    } catch (const std::invalid_argument& e) {
        throw UsageError(o.store + ": " + e.what());
    }
    std::optional<LoggedRecipe> logged;
    if (o.recipe == "logged") {
        const ReplaySeries series(*store, toolId);
        logged = loggedRecipe(c.cathodes, store->steps(toolId), series, EnergySeries(tf.format(""), series));
        progress(logged ? "today's recipe: the power split of the logged " + logged->label + " step of " +
                              isoDate(logged->startTime)
                        : "today's recipe: no deposition step in the store, the configured trims");
    }
    ForecastResult r;
    try {
        r = forecastUniformity(c, usage, logged, o.method == "fast" ? TransportMethod::Fast : TransportMethod::Direct,
                               {o.points}, terminalProgress());
    } catch (const std::domain_error& e) {
        throw UsageError(o.store + ": " + e.what());
    }
    // the newest forecast, kept for readers of the store (`twin serve`), one transaction
    store->saveForecast(toolId, forecastRecord(r, lastTime, static_cast<double>(std::time(nullptr))));
    if (o.json) {
        std::cout << forecastJson(r, lastTime) << "\n";
        return 0;
    }
    auto dateAt = [&](double x) {
        const double t = forecastTimeAt(r, lastTime, x);
        return std::isfinite(t) ? isoDate(t) : std::string("(no usage logged)");
    };
    std::cout << tf.name << ": life now " << textNumber(r.xNow, 5) << " kWh per cathode, usage "
              << textNumber(r.meanRate, 4) << " kWh/day; today's recipe " << r.recipe << "; U now "
              << textNumber(r.us.front(), 4) << " % (spec " << textNumber(r.specPct, 3) << " %)\n";
    for (std::size_t g = 0; g < r.usage.size(); ++g)
        std::cout << "  " << c.cathodes[g].name << ": " << textNumber(r.usage[g].nowKWh, 5) << " kWh now, end of life "
                  << textNumber(r.eolKWh[g], 5) << " kWh\n";
    if (r.crossingKWh)
        std::cout << "today's recipe leaves the spec at " << textNumber(*r.crossingKWh, 5) << " kWh ("
                  << dateAt(*r.crossingKWh) << "); at " << textNumber(r.xEnd, 5) << " kWh U "
                  << textNumber(r.us.back(), 4) << " % -> " << textNumber(*r.uAfterPct, 4)
                  << " % with trims re-optimised"
                  << (std::isnan(r.wobbleRad) ? "" : " (wobble " + textNumber(r.wobbleRad * 180 / M_PI, 3) + " deg)")
                  << "\n";
    else
        std::cout << "today's recipe stays within the spec up to the end of life (" << textNumber(r.xEnd, 5) << " kWh, "
                  << dateAt(r.xEnd) << ")\n";
    return 0;
}

}  // namespace magtwin
