#include "twin/replay/CounterAudit.hpp"

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

std::string likelyCause(const CounterAuditEntry& e, std::size_t source, const LogFormat& f, const ReplaySeries& s,
                        const EnergySeries& energy, double tolerancePct) {
    if (!e.hasCounter) return "";
    const SourcePowerSeries& p = energy.power()[source];
    const std::vector<char>& breaks = energy.breakBefore();
    // the rows this target was on (the counter's delta is the target's)
    const std::string targetKey = "source." + f.sources[source].cathode + ".target_id";
    std::vector<double> on(p.powerW.size(), 0.0);
    for (std::size_t r = 0; r < on.size(); ++r) {
        const std::string loaded = s.textAt(targetKey, s.times()[r]);
        on[r] = p.powerW[r] > 0.0 && (loaded.empty() || loaded == e.targetId) ? 1.0 : 0.0;
    }
    // the supply that fed the source most of the time
    std::vector<int> count(f.supplies.size(), 0);
    for (int k : p.supply)
        if (k >= 0) ++count[static_cast<std::size_t>(k)];
    int own = -1;
    for (std::size_t k = 0; k < count.size(); ++k)
        if (count[k] > 0 && (own < 0 || count[k] > count[static_cast<std::size_t>(own)])) own = static_cast<int>(k);
    std::string best;
    double bestErr = tolerancePct;
    // breaks with the target on at both ends: what the trapezoid would have bridged
    const auto& t = s.times();
    double bridgedJ = 0.0, bridgedS = 0.0;
    std::size_t gaps = 0;
    for (std::size_t r = 1; r < t.size(); ++r)
        if (breaks[r] && on[r - 1] > 0.0 && on[r] > 0.0)
            ++gaps, bridgedS += t[r] - t[r - 1],
                bridgedJ += segmentEnergyJ(p.powerW[r - 1], p.powerW[r], t[r] - t[r - 1]);
    if (gaps > 0) {
        const double j = e.energyKWh * kJPerKWh + bridgedJ;
        const double err = 100.0 * std::fabs(e.counterDeltaKWh * kJPerKWh - j) / j;
        if (err < bestErr) {
            bestErr = err;
            best = std::to_string(gaps) + " logging gap(s) or file change(s) while the source was on (" +
                   fixed(bridgedS, 0) + " s): the twin integrates no energy across them; bridged they add " +
                   fixed(bridgedJ / kJPerKWh, 5) + " kWh (within " + fixed(err, 1) + " % of the counter)";
        }
    }
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
        e.errorPct =
            t.hasCounter && t.energyJ > 0.0 ? 100.0 * (e.counterDeltaKWh - e.energyKWh) / e.energyKWh : std::nan("");
        // a counter that moved while the twin saw no energy is a disagreement too
        e.flagged = t.hasCounter &&
                    (std::isfinite(e.errorPct) ? std::fabs(e.errorPct) > tolerancePct : e.counterDeltaKWh > 0.0);
        if (e.flagged) {
            for (std::size_t k = 0; k < format.sources.size(); ++k)
                if (format.sources[k].cathode == t.source)
                    e.cause = likelyCause(e, k, format, series, energy, tolerancePct);
        }
        out.push_back(e);
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
