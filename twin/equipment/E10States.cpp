#include "twin/equipment/E10States.hpp"

#include "twin/replay/DeliveredEnergy.hpp"
#include "twin/replay/ReplaySeries.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>

namespace magtwin {

namespace {

constexpr double kDayS = 86400.0;

/// YYYY-MM-DD of a day number since 1970-01-01 (H. Hinnant, "chrono-Compatible Low-Level Date
/// Algorithms", civil_from_days).
std::string civilDate(long long z) {
    z += 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const long long d = doy - (153 * mp + 2) / 5 + 1;
    const long long m = mp < 10 ? mp + 3 : mp - 9;
    const long long y = yoe + era * 400 + (m <= 2);
    char buf[16];
    std::snprintf(buf, sizeof buf, "%04lld-%02lld-%02lld", y, m, d);
    return buf;
}

const std::vector<double>* columnOrNull(const ReplaySeries& s, const std::string& key) {
    return s.has(key) ? &s.column(key) : nullptr;
}

double valueOr(const std::vector<double>* c, std::size_t r, double fallback) {
    return c && std::isfinite((*c)[r]) ? (*c)[r] : fallback;
}

/// Rule 1 per row: "" or the dip's cause ("arc on rf2", "supply fault on rf2").
std::vector<std::string> supplyDips(const ReplaySeries& s, const std::vector<char>& breaks, const E10Settings& e,
                                    std::size_t& arcs, std::size_t& faults) {
    const std::vector<double>& t = s.times();
    const std::size_t n = t.size();
    std::vector<std::string> cause(n);
    for (const std::string& name : e.supplies) {
        const std::string p = "supply." + name + ".";
        const auto* sp = columnOrNull(s, p + "setpoint");
        if (!sp) continue;  // without a setpoint the log cannot say what was asked
        const auto *fwd = columnOrNull(s, p + "forward_power"), *rfl = columnOrNull(s, p + "reflected_power"),
                   *pw = columnOrNull(s, p + "power"), *v = columnOrNull(s, p + "voltage"),
                   *i = columnOrNull(s, p + "current"), *en = columnOrNull(s, p + "enabled");
        std::vector<double> delivered(n, 0.0);
        std::vector<char> low(n, 0);
        for (std::size_t r = 0; r < n; ++r) {
            delivered[r] = fwd  ? valueOr(fwd, r, 0.0) - valueOr(rfl, r, 0.0)
                           : pw ? valueOr(pw, r, 0.0)
                                : valueOr(v, r, 0.0) * valueOr(i, r, 0.0);
            const double set = valueOr(sp, r, 0.0);
            const bool enabled = !en || valueOr(en, r, 0.0) > e.switchOn;
            const bool steady =
                r == 0 || breaks[r] || std::fabs(set - valueOr(sp, r - 1, 0.0)) <= e.rampSetpointChangeW;
            low[r] = enabled && set > e.sourceOnPowerW && steady && delivered[r] < e.arcDipFraction * set;
        }
        for (std::size_t a = 0; a < n;) {
            if (!low[a]) {
                ++a;
                continue;
            }
            std::size_t b = a;  // the run a..b of low rows without a break
            while (b + 1 < n && low[b + 1] && !breaks[b + 1]) ++b;
            const double until = b + 1 < n && !breaks[b + 1] ? t[b + 1] : t[b];
            const bool fromRunning = a > 0 && !breaks[a] && delivered[a - 1] > e.sourceOnPowerW;
            const bool longDip = until - t[a] > e.faultAfterS;
            if (fromRunning || longDip) {
                const std::string what = (longDip ? "supply fault on " : "arc on ") + name;
                (longDip ? faults : arcs) += 1;
                for (std::size_t r = a; r <= b; ++r)
                    if (cause[r].empty()) cause[r] = what;
            }
            a = b + 1;
        }
    }
    return cause;
}

/// Splits [a, b) at the calendar's window edges and applies the windows (rule 2) to the
/// pieces whose state is not a dip (rule 1).
void appendWithCalendar(std::vector<E10Interval>& out, E10Interval piece, bool dip, const E10Settings& e) {
    std::vector<double> cuts{piece.start, piece.end};
    for (const auto& w : e.calendar)
        for (const double x : {w.start, w.end})
            if (x > piece.start && x < piece.end) cuts.push_back(x);
    std::sort(cuts.begin(), cuts.end());
    for (std::size_t k = 0; k + 1 < cuts.size(); ++k) {
        E10Interval q = piece;
        q.start = cuts[k], q.end = cuts[k + 1];
        if (!(q.end > q.start)) continue;
        if (!dip)
            for (const auto& w : e.calendar)
                if (w.start <= q.start && q.end <= w.end) {
                    q.state = w.state;
                    q.cause = "calendar" + (w.note.empty() ? std::string() : ": " + w.note);
                    break;
                }
        if (!out.empty() && out.back().end == q.start && out.back().state == q.state && out.back().cause == q.cause)
            out.back().end = q.end;
        else
            out.push_back(q);
    }
}

}  // namespace

E10Summary equipmentStates(const ReplaySeries& s, const std::vector<StepRecord>& stepsIn, const E10Settings& e) {
    E10Summary out;
    const std::vector<double>& t = s.times();
    const std::size_t n = t.size();
    if (n == 0) return out;
    out.start = t.front();
    out.end = t.back();
    const std::vector<char> breaks = energyBreaks(s, e.gapFactor);
    const std::vector<std::string> dip = supplyDips(s, breaks, e, out.arcs, out.supplyFaults);

    // the sync's step label of each row (steps of different files do not overlap in time)
    std::vector<StepRecord> steps = stepsIn;
    std::sort(steps.begin(), steps.end(),
              [](const StepRecord& a, const StepRecord& b) { return a.startTime < b.startTime; });
    std::vector<std::string> label(n);
    for (std::size_t r = 0, k = 0; r < n; ++r) {
        while (k < steps.size() && steps[k].endTime < t[r]) ++k;
        if (k < steps.size() && steps[k].startTime <= t[r]) label[r] = steps[k].label;
    }
    // runs of source-on rows (no idle row, no break) that hold a deposition (rule 5)
    std::vector<char> runDeposits(n, 0);
    for (std::size_t a = 0; a < n;) {
        if (label[a].empty()) {
            ++a;
            continue;
        }
        std::size_t b = a;
        while (b + 1 < n && !label[b + 1].empty() && !breaks[b + 1]) ++b;
        bool deposits = false;
        for (std::size_t r = a; r <= b; ++r)
            deposits = deposits || label[r] == "deposition" || label[r] == "co-sputter";
        for (std::size_t r = a; r <= b; ++r) runDeposits[r] = deposits;
        a = b + 1;
    }
    const auto* pressure = columnOrNull(s, "chamber.pressure");
    if (!pressure) pressure = columnOrNull(s, "chamber.gauge_pressure");

    // the rows' intervals (rules 1, 3-6), merged, with the no-data time between them
    std::vector<E10Interval> raw;
    std::vector<char> rawDip;
    auto push = [&](double a, double b, std::optional<E10State> st, std::string cause, bool isDip) {
        if (!(b > a)) return;
        if (!raw.empty() && raw.back().end == a && raw.back().state == st && raw.back().cause == cause) {
            raw.back().end = b;
            return;
        }
        raw.push_back({a, b, st, std::move(cause)});
        rawDip.push_back(isDip);
    };
    for (std::size_t r = 0; r + 1 < n; ++r) {
        if (breaks[r + 1]) {
            push(t[r], t[r + 1], std::nullopt,
                 r + 1 < n && std::find(s.fileStarts().begin(), s.fileStarts().end(), r + 1) != s.fileStarts().end()
                     ? "between log files"
                     : "logging gap",
                 false);
            continue;
        }
        if (!dip[r].empty()) {
            push(t[r], t[r + 1], E10State::UnscheduledDown, dip[r], true);
            continue;
        }
        if (!e.recipeKey.empty()) {
            const std::string recipe = s.textAt(e.recipeKey, t[r]);
            const auto rule = std::find_if(e.recipes.begin(), e.recipes.end(),
                                           [&](const E10RecipeRule& x) { return recipeMatches(x.pattern, recipe); });
            if (!recipe.empty() && rule != e.recipes.end()) {
                push(t[r], t[r + 1], rule->state, "recipe " + recipe, false);
                continue;
            }
        }
        if (label[r] == "deposition" || label[r] == "co-sputter")
            push(t[r], t[r + 1], E10State::Productive, label[r], false);
        else if (!label[r].empty())
            push(t[r], t[r + 1], runDeposits[r] ? E10State::Productive : E10State::ScheduledDown,
                 runDeposits[r] ? "conditioning for a deposition" : "conditioning without a deposition", false);
        else if (valueOr(pressure, r, 0.0) >= e.pumpedBelowPa)
            push(t[r], t[r + 1], e.ventedState, "idle, chamber vented", false);
        else
            push(t[r], t[r + 1], E10State::Standby, pressure ? "idle, chamber pumped" : "idle", false);
    }
    // rule 2: the calendar over everything but the dips
    for (std::size_t k = 0; k < raw.size(); ++k) appendWithCalendar(out.timeline, raw[k], rawDip[k] != 0, e);

    // per local day
    auto dayOf = [&](double x) { return static_cast<long long>(std::floor((x + e.dayOffsetS) / kDayS)); };
    const long long first = dayOf(out.start), last = dayOf(out.end);
    for (long long d = first; d <= last; ++d) {
        E10Day day;
        day.date = civilDate(d);
        const double a = std::max(out.start, static_cast<double>(d) * kDayS - e.dayOffsetS),
                     b = std::min(out.end, static_cast<double>(d + 1) * kDayS - e.dayOffsetS);
        day.periodS = std::max(0.0, b - a);
        out.days.push_back(day);
    }
    for (const auto& iv : out.timeline) {
        for (long long d = dayOf(iv.start); d <= last; ++d) {
            const double a = std::max(iv.start, static_cast<double>(d) * kDayS - e.dayOffsetS),
                         b = std::min(iv.end, static_cast<double>(d + 1) * kDayS - e.dayOffsetS);
            if (b <= a) break;
            E10Day& day = out.days[static_cast<std::size_t>(d - first)];
            if (iv.state) {
                day.stateS[static_cast<std::size_t>(*iv.state)] += b - a;
                out.totalS[static_cast<std::size_t>(*iv.state)] += b - a;
            } else {
                day.noDataS += b - a;
                out.noDataS += b - a;
            }
        }
    }
    return out;
}

E10Settings e10SettingsOf(const LogFormat& f) {
    E10Settings e = f.equipment;
    e.sourceOnPowerW = f.thresholds.sourceOnPowerW;
    e.rampSetpointChangeW = f.thresholds.rampSetpointChangeW;
    e.switchOn = f.thresholds.switchOn;
    e.gapFactor = f.thresholds.gapFactor;
    e.dayOffsetS = f.timestamp.utcOffsetSeconds;
    e.supplies.clear();
    for (const auto& s : f.supplies) e.supplies.push_back(s.name);
    return e;
}

void saveEquipmentRules(TwinStore& store, std::int64_t toolId, const LogFormat& format) {
    store.saveToolSetting(toolId, kE10SettingsKey, encodeE10Settings(e10SettingsOf(format)));
}

E10Summary equipmentStates(TwinStore& store, std::int64_t toolId) {
    E10Settings settings;
    if (const auto text = store.toolSetting(toolId, kE10SettingsKey)) settings = decodeE10Settings(*text);
    if (store.totals(toolId).rows == 0) return {};
    const ReplaySeries series(store, toolId);
    return equipmentStates(series, store.steps(toolId), settings);
}

}  // namespace magtwin
