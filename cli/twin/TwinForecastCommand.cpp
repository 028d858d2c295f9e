// `magtwin twin forecast TOOL.yaml --store PATH [--json]`: where today's recipe leaves the
// uniformity spec and what trims bring it back (issue 13, "Drift and forecast").
//  - Life now: each cathode group's current target (the newest target ID on each of its
//    sources in the store) at its stored energy; the usage rate is that energy over the
//    stored history (kWh per day, from the target's install time to the last sample).
//  - The forecast axis x is the mean life over the groups (kWh per cathode); a group's own
//    life advances with its share of the logged usage: life_g(x) = now_g + (x - x_now)
//    r_g / r_mean (equal usage: every group at x, as `deposit --life-kWh x`).
//  - Today's recipe (--recipe): "logged" (default), the per-cathode power split of the
//    newest logged deposition step (LoggedRecipe.hpp); "configured", the trims optimised at
//    life now when the tool optimises trims, else the tool file's trims. A store without a
//    deposition step falls back to "configured"; the JSON's "recipe" says which was used
//    and "recipe_trims" gives its trims. U with those trims is computed exactly as `deposit --life-kWh`
//    does (DepositSteps.hpp) at N evenly spaced points from now to the first end of life
//    (0.5 % of the remaining life before it);
//    the first bracket where U exceeds the spec (firstSpecCrossingKWh, LifeSweep.hpp) is
//    then bisected on U itself to 0.1 % of x.
//  - The correction: at the end of the forecast (the first target's end of life, where the
//    fixed recipe is furthest out) the trims (and the wobble amplitude, where the tool lists
//    optimise.wobble_amplitudes) are re-optimised; U before and after are reported.
#include "twin/TwinCommands.hpp"

#include "UsageError.hpp"
#include "deposition/DepositionRun.hpp"
#include "Progress.hpp"
#include "deposit/DepositConfig.hpp"
#include "deposition/LifeSweep.hpp"
#include "deposition/Uniformity.hpp"
#include "elements/ElementTable.hpp"
#include "replay/ReplaySeries.hpp"
#include "replay/SourcePower.hpp"
#include "twin/LoggedRecipe.hpp"
#include "twin/TwinJson.hpp"
#include "twin/TwinReplaySetup.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <iostream>
#include <map>
#include <optional>
#include <sstream>

namespace magtwin {
namespace {

constexpr double kJPerKWh = 3.6e6;

struct GroupUsage {
    double nowKWh = 0.0;         ///< energy of the current target(s), mean over the group's sources
    double kWhPerDay = 0.0;      ///< logged usage rate
    std::vector<std::string> targetIds;
};

bool groupHasSource(const CathodeGroup& g, const std::string& source) {
    if (g.name == source) return true;
    return std::find(g.memberNames.begin(), g.memberNames.end(), source) != g.memberNames.end();
}

std::vector<GroupUsage> groupUsage(const DepositCase& c, const std::vector<TargetRecord>& targets, double lastTime,
                                   const std::string& store) {
    std::map<std::string, const TargetRecord*> current;  // source -> newest target
    for (const auto& t : targets) {
        auto& slot = current[t.source];
        if (!slot || t.installTime > slot->installTime) slot = &t;
    }
    std::vector<GroupUsage> usage;
    for (const auto& g : c.cathodes) {
        GroupUsage u;
        int n = 0;
        double days = 0.0;
        for (const auto& [source, t] : current) {
            if (!groupHasSource(g, source)) continue;
            u.nowKWh += t->energyJ / kJPerKWh;
            u.targetIds.push_back(t->targetId);
            days = std::max(days, (lastTime - t->installTime) / 86400.0);
            ++n;
        }
        if (n == 0) throw UsageError(store + ": no stored target on cathode '" + g.name + "' of the tool file");
        u.nowKWh /= n;
        u.kWhPerDay = days > 0 ? u.nowKWh / days : 0.0;
        usage.push_back(u);
    }
    return usage;
}

struct Forecaster {
    DepositCase c;
    std::shared_ptr<const EmissionAngularDistribution> law;
    std::vector<GroupUsage> usage;
    TransportMethod method = TransportMethod::Fast;
    SubstrateGrid grid;
    double xNow = 0.0, meanRate = 0.0;

    /// The case with every group at its own life for forecast position x.
    DepositCase caseAt(double x) const {
        DepositCase d = c;
        for (std::size_t g = 0; g < d.cathodes.size(); ++g) {
            const double share = meanRate > 0 ? usage[g].kWhPerDay / meanRate : 1.0;
            d.cathodes[g].lifeKWh = std::max(0.0, usage[g].nowKWh + (x - xNow) * share);
        }
        return d;
    }
    double uniformityPct(const DepositCase& d, const CathodeResponses& r, const std::vector<double>& trims) const {
        const double n = ElementTable::builtin().get(d.filmMaterial).atomicDensityPerM3();
        return uniformity(thicknessNm(r.combined(cathodeTrims(d, trims)), n, d.sticking), grid.inUniformityArea,
                          d.uniformityTargetPct)
            .rangePct;
    }
    double uFixed(double x, const std::vector<double>& trims) const {
        const DepositCase d = caseAt(x);
        const auto eroded = erodeCathodeGroups(d.cathodes, law, 0.0);
        return uniformityPct(d, responsesAt(d, law, 0.0, eroded, grid, method), trims);
    }
    TrimResult retrim(DepositCase& d) const {
        const auto eroded = erodeCathodeGroups(d.cathodes, law, 0.0);
        const CathodeResponses r = responsesAt(d, law, 0.0, eroded, grid, method);
        double pitch = 0;
        TrimResult t = optimiseTrims(d, law, 0.0, eroded, method, pitch, &r);
        t.rangePctAfter = uniformityPct(d, r, t.trims);
        return t;
    }
};

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
    Forecaster f;
    try {
        f.c = depositCaseFor(*tf.tool, "");
    } catch (const std::invalid_argument& e) {
        throw UsageError(o.toolFile + ": " + e.what());
    }
    auto store = openExistingStore(o.store);
    const std::int64_t toolId = storedToolId(*store, tf.name, o.store);
    double lastTime = 0.0;
    for (const auto& file : store->files(toolId))
        if (file.hasSpan) lastTime = std::max(lastTime, file.lastTime);
    f.usage = groupUsage(f.c, store->targets(toolId), lastTime, o.store);
    f.method = o.method == "fast" ? TransportMethod::Fast : TransportMethod::Direct;
    f.law = angularLaw(f.c);
    f.grid = sampleSubstrate(f.c.substrate);
    for (const auto& u : f.usage) f.xNow += u.nowKWh / f.usage.size(), f.meanRate += u.kWhPerDay / f.usage.size();
    const double spec = f.c.uniformityTargetPct;

    // End of life of each group's target, and where the first one is reached on the x axis.
    std::vector<double> eol;
    double xEnd = INFINITY;
    for (std::size_t g = 0; g < f.c.cathodes.size(); ++g) {
        CathodeGroup fresh = f.c.cathodes[g];
        fresh.lifeKWh = -1.0;
        TargetErosionState one({fresh});
        progress("erosion engine: end of life of " + fresh.name);
        eol.push_back(one.endOfLifeKWh());
        const double share = f.meanRate > 0 ? f.usage[g].kWhPerDay / f.meanRate : 1.0;
        xEnd = std::min(xEnd, f.xNow + (eol.back() - f.usage[g].nowKWh) / share);
    }
    // The last point 0.5 % of the remaining life before the end (the erosion engine's last time step to
    // the end of life may pass the 1 mm limit before the kWh limit).
    xEnd = f.xNow + (xEnd - f.xNow) * 0.995;
    if (!(xEnd > f.xNow)) throw UsageError(o.store + ": a target is past its end of life already");

    std::vector<double> todayTrims;
    std::string recipe = o.recipe;
    std::optional<LoggedRecipe> logged;
    if (recipe == "logged") {
        const ReplaySeries series(*store, toolId);
        logged = loggedRecipe(f.c.cathodes, store->steps(toolId), series, sourcePowers(tf.format(""), series));
    }
    if (logged) {
        progress("today's recipe: the power split of the logged " + logged->label + " step of " + isoDate(logged->startTime));
        todayTrims = logged->trims;
    } else {
        if (recipe == "logged") progress("today's recipe: no deposition step in the store, the configured trims");
        recipe = "configured";
        if (f.c.optimiseTrims) {
            progress("today's recipe: trims at life now");
            DepositCase now = f.caseAt(f.xNow);
            todayTrims = f.retrim(now).trims;
        }
    }
    const std::vector<double> recipeTrims = cathodeTrims(f.c, todayTrims);
    std::vector<double> xs, us;
    for (int i = 0; i < o.points; ++i) {
        xs.push_back(f.xNow + (xEnd - f.xNow) * i / (o.points - 1));
        progress("life point " + std::to_string(i + 1) + "/" + std::to_string(o.points) + ": " + jsonNumber(xs.back(), 5) +
                 " kWh");
        us.push_back(f.uFixed(xs.back(), todayTrims));
    }
    std::optional<double> crossing = firstSpecCrossingKWh(xs, us, spec);
    if (crossing && *crossing > xs.front()) {
        const std::size_t i = std::upper_bound(xs.begin(), xs.end(), *crossing) - xs.begin();
        double lo = xs[i - 1], hi = xs[std::min(i, xs.size() - 1)];
        while (hi - lo > 1e-3 * hi) {
            const double mid = 0.5 * (lo + hi);
            progress("bisection: " + jsonNumber(mid, 6) + " kWh");
            (f.uFixed(mid, todayTrims) > spec ? hi : lo) = mid;
        }
        crossing = 0.5 * (lo + hi);
    }

    std::vector<double> trims;
    std::optional<double> uAfter;
    double wobble = NAN;
    if (crossing) {
        progress("re-optimised trims at " + jsonNumber(xEnd, 5) + " kWh");
        DepositCase best = f.caseAt(xEnd);
        TrimResult t = f.retrim(best);
        for (double a : f.c.wobbleCandidatesRad) {
            DepositCase trial = f.caseAt(xEnd);
            for (auto& g : trial.cathodes)
                if (g.type == CathodeGroup::Type::RotaryArray) g.cathode.magnets.motion.wobbleAmplitudeRad = a;
            const TrimResult r = f.retrim(trial);
            if (r.rangePctAfter < t.rangePctAfter) t = r, wobble = a;
        }
        trims = cathodeTrims(best, t.trims);
        uAfter = t.rangePctAfter;
    }

    std::ostringstream j;
    j << "{\"spec_pct\":" << jsonNumber(spec) << ",\"u_now_pct\":" << jsonNumber(us.front())
      << ",\"u_cross_kWh\":" << (crossing ? jsonNumber(*crossing) : "null") << ",\"eol\":[";
    std::size_t k = 0;
    for (std::size_t g = 0; g < f.usage.size(); ++g)
        for (const auto& id : f.usage[g].targetIds)
            j << (k++ ? "," : "") << "{\"target_id\":" << jsonString(id) << ",\"eol_kWh\":" << jsonNumber(eol[g]) << "}";
    j << "],\"recommended_trims\":";
    if (crossing) {
        j << "[";
        for (std::size_t i = 0; i < trims.size(); ++i) j << (i ? "," : "") << jsonNumber(trims[i]);
        j << "]";
    } else {
        j << "null";
    }
    j << ",\"u_after_pct\":" << (uAfter ? jsonNumber(*uAfter) : "null") << ",\"recipe\":" << jsonString(recipe)
      << ",\"recipe_trims\":[";
    for (std::size_t i = 0; i < recipeTrims.size(); ++i) j << (i ? "," : "") << jsonNumber(recipeTrims[i]);
    j << "]}";
    if (o.json) {
        std::cout << j.str() << "\n";
        return 0;
    }
    auto dateAt = [&](double x) {
        return f.meanRate > 0 ? isoDate(lastTime + (x - f.xNow) / f.meanRate * 86400.0) : std::string("(no usage logged)");
    };
    std::cout << tf.name << ": life now " << jsonNumber(f.xNow, 5) << " kWh per cathode, usage "
              << jsonNumber(f.meanRate, 4) << " kWh/day; today's recipe " << recipe << "; U now " << jsonNumber(us.front(), 4) << " % (spec "
              << jsonNumber(spec, 3) << " %)\n";
    for (std::size_t g = 0; g < f.usage.size(); ++g)
        std::cout << "  " << f.c.cathodes[g].name << ": " << jsonNumber(f.usage[g].nowKWh, 5) << " kWh now, end of life "
                  << jsonNumber(eol[g], 5) << " kWh\n";
    if (crossing)
        std::cout << "today's recipe leaves the spec at " << jsonNumber(*crossing, 5) << " kWh (" << dateAt(*crossing)
                  << "); at " << jsonNumber(xEnd, 5) << " kWh U " << jsonNumber(us.back(), 4) << " % -> "
                  << jsonNumber(*uAfter, 4) << " % with trims re-optimised"
                  << (std::isnan(wobble) ? "" : " (wobble " + jsonNumber(wobble * 180 / M_PI, 3) + " deg)") << "\n";
    else
        std::cout << "today's recipe stays within the spec up to the end of life (" << jsonNumber(xEnd, 5) << " kWh, "
                  << dateAt(xEnd) << ")\n";
    return 0;
}

}  // namespace magtwin
