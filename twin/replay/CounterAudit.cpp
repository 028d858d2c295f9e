#include "twin/replay/CounterAudit.hpp"

#include <algorithm>
#include <cmath>
#include <iomanip>
#include <sstream>

namespace magtwin {
namespace {

constexpr double kJPerKWh = 3.6e6;

std::string fixed(double v, int digits) {
    std::ostringstream s;
    s << std::fixed << std::setprecision(digits) << v;
    return s.str();
}

/// Trapezoid integral of `values` over the rows where `on` is set at both ends (J). A model of
/// the tool's own counter, which keeps counting while the logger is away: unlike the twin's
/// energy (DeliveredEnergy.hpp) it bridges the log's breaks.
double integralWhereOn(const std::vector<double>& t, const std::vector<double>& values, const std::vector<double>& on) {
    double sum = 0.0;
    for (std::size_t r = 1; r < t.size(); ++r) {
        if (!(on[r - 1] > 0.0 && on[r] > 0.0)) continue;
        const double a = std::isfinite(values[r - 1]) ? values[r - 1] : 0.0,
                     b = std::isfinite(values[r]) ? values[r] : 0.0;
        sum += segmentEnergyJ(a, b, t[r] - t[r - 1]);
    }
    return sum;
}

/// Per row: 1 where `targetId` is loaded on log source `source` (no target ID column: always).
std::vector<char> loadedRows(const std::string& targetId, std::size_t source, const LogFormat& f,
                             const ReplaySeries& s) {
    const std::string targetKey = "source." + f.sources[source].cathode + ".target_id";
    std::vector<char> out(s.rows(), 0);
    for (std::size_t r = 0; r < out.size(); ++r) {
        const std::string loaded = s.textAt(targetKey, s.times()[r]);
        out[r] = loaded.empty() || loaded == targetId ? 1 : 0;
    }
    return out;
}

/// The breaks (gaps, file changes) with the target loaded at both ends, and what the counter
/// did across them (the header's rule).
void auditGaps(CounterAuditEntry& e, std::size_t source, const LogFormat& f, const ReplaySeries& s,
               const EnergySeries& energy, double tolerancePct) {
    const SourcePowerSeries& p = energy.power()[source];
    const std::vector<char>& breaks = energy.breakBefore();
    const std::vector<double>& t = s.times();
    const std::vector<char> loaded = loadedRows(e.targetId, source, f, s);
    const std::string counterKey = "source." + f.sources[source].cathode + ".usage_counter";
    const std::vector<double>* counter = e.hasCounter && s.has(counterKey) ? &s.column(counterKey) : nullptr;
    auto setpointW = [&](int supply, std::size_t r) {
        if (supply < 0) return 0.0;
        const SupplyChannels& sc = f.supplies[static_cast<std::size_t>(supply)];
        if (sc.setpoint < 0) return std::nan("");
        return s.column(f.numeric[static_cast<std::size_t>(sc.setpoint)].key)[r];
    };
    for (std::size_t r = 1; r < t.size(); ++r) {
        if (!breaks[r] || !loaded[r - 1] || !loaded[r]) continue;
        CounterAuditEntry::Gap g;
        g.start = t[r - 1];
        g.end = t[r];
        g.sourceOn = p.powerW[r - 1] > 0.0 || p.powerW[r] > 0.0;
        // the bound: the feeding supply's larger setpoint at the two rows (its larger delivered
        // power when no setpoint is mapped) times the gap; 0 when the source is off at both ends
        double boundW = 0.0;
        for (const std::size_t q : {r - 1, r}) {
            const int supply = p.supply[q];
            if (supply < 0) continue;
            const double sp = setpointW(supply, q);
            boundW = std::max(boundW, std::isfinite(sp) ? std::max(sp, p.powerW[q]) : p.powerW[q]);
        }
        g.boundKWh = boundW * (t[r] - t[r - 1]) / kJPerKWh;
        if (counter && std::isfinite((*counter)[r - 1]) && std::isfinite((*counter)[r])) {
            g.counterKWh = ((*counter)[r] - (*counter)[r - 1]) / kJPerKWh;
            g.beyondBound = g.counterKWh < 0.0 || g.counterKWh > g.boundKWh * (1.0 + tolerancePct / 100.0);
        }
        ++e.gaps;
        e.gapsWhileOn += g.sourceOn;
        e.gapS += g.end - g.start;
        e.gapCounterKWh += g.counterKWh;
        e.gapBoundKWh += g.boundKWh;
        e.gapsBeyondBound += g.beyondBound;
        e.gapList.push_back(g);
    }
}

std::string likelyCause(const CounterAuditEntry& e, std::size_t source, const LogFormat& f, const ReplaySeries& s,
                        const EnergySeries& energy, double tolerancePct) {
    if (!e.hasCounter) return "";
    const SourcePowerSeries& p = energy.power()[source];
    // the rows this target was on (the counter's delta is the target's)
    const std::vector<char> loaded = loadedRows(e.targetId, source, f, s);
    std::vector<double> on(p.powerW.size(), 0.0);
    for (std::size_t r = 0; r < on.size(); ++r) on[r] = p.powerW[r] > 0.0 && loaded[r] ? 1.0 : 0.0;
    // the supply that fed the source most of the time
    std::vector<int> count(f.supplies.size(), 0);
    for (int k : p.supply)
        if (k >= 0) ++count[static_cast<std::size_t>(k)];
    int own = -1;
    for (std::size_t k = 0; k < count.size(); ++k)
        if (count[k] > 0 && (own < 0 || count[k] > count[static_cast<std::size_t>(own)])) own = static_cast<int>(k);
    std::string best;
    double bestErr = tolerancePct;
    if (e.gapsBeyondBound > 0)
        best = std::to_string(e.gapsBeyondBound) +
               " gap(s) across which the counter moved by less than 0 or more than the supply's setpoint x the gap";
    for (std::size_t k = 0; k < f.supplies.size(); ++k) {
        const SupplyChannels& sc = f.supplies[k];
        if (sc.setpoint < 0) continue;
        const double j = integralWhereOn(s.times(), s.column(f.numeric[static_cast<std::size_t>(sc.setpoint)].key), on);
        if (!(j > 0.0)) continue;
        const double err = 100.0 * std::fabs(e.counterDeltaKWh * kJPerKWh - j) / j;
        if (err < bestErr) {
            bestErr = err;
            best =
                static_cast<int>(k) == own
                    ? "the counter integrates its own supply " + sc.name + "'s setpoint, not the delivered power"
                    : "the counter follows supply " + sc.name + "'s setpoint while " +
                          (own >= 0 ? f.supplies[static_cast<std::size_t>(own)].name : std::string("another supply")) +
                          " feeds the source";
            best += " (setpoint integral " + fixed(j / kJPerKWh, 5) + " kWh, within " + fixed(err, 1) +
                    " % of the counter)";
        }
    }
    return best;
}

}  // namespace

std::vector<CounterAuditEntry> auditCounters(const std::vector<TargetRecord>& targets, const LogFormat& format,
                                             const ReplaySeries& series, const EnergySeries& energy,
                                             double tolerancePct) {
    std::vector<CounterAuditEntry> out;
    for (const auto& t : targets) {
        CounterAuditEntry e;
        e.source = t.source;
        e.targetId = t.targetId;
        e.material = t.material;
        e.energyKWh = t.energyJ / kJPerKWh;
        e.hasCounter = t.hasCounter;
        e.counterDeltaKWh = t.hasCounter ? (t.counterLastJ - t.counterFirstJ) / kJPerKWh : std::nan("");
        std::size_t k = 0;
        while (k < format.sources.size() && format.sources[k].cathode != t.source) ++k;
        if (k < format.sources.size()) auditGaps(e, k, format, series, energy, tolerancePct);
        // the counter over the rows the log covers: its change across the gaps is left out
        const double checkedCounterKWh = e.counterDeltaKWh - e.gapCounterKWh;
        e.errorPct =
            t.hasCounter && t.energyJ > 0.0 ? 100.0 * (checkedCounterKWh - e.energyKWh) / e.energyKWh : std::nan("");
        e.checkedShare = !t.hasCounter ? std::nan("")
                         : e.energyKWh + std::max(0.0, e.gapCounterKWh) > 0.0
                             ? e.energyKWh / (e.energyKWh + std::max(0.0, e.gapCounterKWh))
                             : 1.0;
        // a counter that moved while the twin saw no energy is a disagreement too
        e.flagged = t.hasCounter &&
                    ((std::isfinite(e.errorPct) ? std::fabs(e.errorPct) > tolerancePct : checkedCounterKWh > 0.0) ||
                     e.gapsBeyondBound > 0);
        if (e.flagged && k < format.sources.size()) e.cause = likelyCause(e, k, format, series, energy, tolerancePct);
        out.push_back(e);
    }
    return out;
}

std::vector<ReplayFinding> counterGapFindings(const std::vector<CounterAuditEntry>& audit) {
    std::vector<ReplayFinding> out;
    for (const auto& e : audit)
        for (const auto& g : e.gapList) {
            if (!g.sourceOn && !g.beyondBound) continue;
            ReplayFinding f;
            f.kind = "gap";
            f.targetId = e.targetId;
            f.time = g.start;
            f.size = g.end - g.start;
            f.message = e.source + " target " + e.targetId + ": no log rows for " + fixed(g.end - g.start, 0) +
                        " s while the source was " + (g.sourceOn ? "on" : "off") +
                        "; the twin integrates no energy there";
            if (e.hasCounter)
                f.message += ", the counter moved " + fixed(g.counterKWh, 6) +
                             " kWh (setpoint x gap: " + fixed(g.boundKWh, 6) + " kWh" +
                             (g.beyondBound ? "; beyond it: not an energy the supply could deliver)"
                                            : "; within it: accepted as the gap's energy, not checked)");
            out.push_back(f);
        }
    return out;
}

std::vector<ReplayFinding> shutterJumps(const ReplaySeries& series, const std::vector<SourcePowerSeries>& power,
                                        const std::string& monitorRateKey, const ShutterJumpSettings& s) {
    std::vector<ReplayFinding> out;
    if (!series.has("chamber.substrate_shutter") || !series.has(monitorRateKey)) return out;
    const auto& t = series.times();
    const auto& shutter = series.column("chamber.substrate_shutter");
    const auto& rate = series.column(monitorRateKey);
    auto onSet = [&](std::size_t r) {
        std::string set;
        for (const auto& p : power)
            if (p.powerW[r] > 0.0) set += (set.empty() ? "" : "+") + p.cathode + " " + fixed(p.powerW[r], 0) + " W";
        return set;
    };
    for (std::size_t r = 1; r < t.size(); ++r) {
        if (!(shutter[r - 1] < 0.5 && shutter[r] > 0.5)) continue;
        const std::string sources = onSet(r);
        if (sources.empty()) continue;
        double before = 0.0, after = 0.0;
        std::size_t nb = 0, na = 0;
        for (std::size_t q = r; q-- > 0 && t[q] >= t[r] - s.beforeS;) before += rate[q], ++nb;
        for (std::size_t q = r; q < t.size() && t[q] <= t[r] + s.settleS + s.afterS; ++q) {
            if (shutter[q] < 0.5) break;
            if (t[q] >= t[r] + s.settleS) after += rate[q], ++na;
        }
        if (nb < 3 || na < 3) continue;
        before /= static_cast<double>(nb);
        after /= static_cast<double>(na);
        if (!(before > 0.0)) continue;
        const double ratio = after / before;
        if (ratio < s.shutterJumpRatio && ratio > 1.0 / s.shutterJumpRatio) continue;
        ReplayFinding f;
        f.kind = "shutter-jump";
        f.time = t[r];
        f.size = ratio;
        f.message = "monitor reading x" + fixed(ratio, 2) + " when the substrate shutter opens (" +
                    fixed(before / 1e-10, 3) + " -> " + fixed(after / 1e-10, 3) + " A/s, " + sources +
                    "): the shutter changes what the crystal sees, not the sources";
        out.push_back(f);
    }
    return out;
}

}  // namespace magtwin
