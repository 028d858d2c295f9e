#include "twin/replay/ReactiveTargetState.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "twin/replay/ReplaySeries.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <memory>
#include <stdexcept>
#include <tuple>

namespace magtwin {

namespace {

constexpr double kEnterCompound = 0.6, kReturnToMetal = 0.4;  // band around theta_t = 1/2 (header)

/// The dynamics of one (metal, gas) at a power and voltage, built once per rounded operating
/// point (0.5 W, 1 V: the log's own resolution for this tool's RF supplies).
class DynamicsCache {
public:
    DynamicsCache(const ReactiveReplaySettings& s) : s_(s) {}

    /// nullptr when the library has no compound of `metal` with `gas`.
    const TargetStateDynamics* get(const std::string& source, const Material& metal, const std::string& gas,
                                   double powerW, double voltageV) {
        const bool off = !(powerW > 0.0);
        const double p = off ? 0.0 : std::round(powerW * 2.0) / 2.0;
        // a voltage the log does not give (NaN): the tool file's discharge voltage; neither: not followed
        const auto fallback = s_.defaultVoltageV.find(source);
        const double given = std::isfinite(voltageV) && voltageV > 0.0 ? voltageV
                             : fallback != s_.defaultVoltageV.end()    ? fallback->second
                                                                       : 0.0;
        if (!(given > 0.0)) return nullptr;
        const double v = std::round(given);
        const auto key = std::make_tuple(source, metal.name, gas, p, off ? 0.0 : v);
        auto it = cache_.find(key);
        if (it != cache_.end()) return it->second.get();
        std::unique_ptr<TargetStateDynamics> d;
        try {
            ReactiveDischarge dis;
            dis.ion = s_.ion;
            dis.yieldModel = s_.yieldModel;
            dis.voltageV = v;
            dis.powerW = off ? 1.0 : std::max(p, 0.5);
            ReactiveSetup rs = reactiveSetup(metal, reactiveGas(gas), s_.chambers.at(source), dis);
            // source off: the gas still reacts with the target; a vanishing ion flow (1 ion/s)
            if (off) rs.parameters.ionsPerSecond = 1.0;
            const auto profile = s_.profiles.find(source);
            d = std::make_unique<TargetStateDynamics>(
                rs.parameters, s_.siteDensityPerM2,
                profile == s_.profiles.end() ? std::vector<TargetPatch>{} : profile->second);
        } catch (const std::invalid_argument&) {
            d.reset();  // no compound data for this pair: not followed
        }
        return (cache_[key] = std::move(d)).get();
    }

private:
    const ReactiveReplaySettings& s_;
    std::map<std::tuple<std::string, std::string, std::string, double, double>, std::unique_ptr<TargetStateDynamics>>
        cache_;
};

double median(std::vector<double> v) {
    if (v.empty()) return 0.0;
    std::nth_element(v.begin(), v.begin() + v.size() / 2, v.end());
    return v[v.size() / 2];
}

}  // namespace

double ReactiveTrajectory::mean(const std::vector<std::vector<double>>& v, std::size_t k, std::size_t r0,
                                std::size_t r1, double fallback) const {
    if (k >= v.size() || v[k].empty()) return fallback;
    double sum = 0.0;
    std::size_t n = 0;
    for (std::size_t r = r0; r < r1 && r < v[k].size(); ++r)
        if (std::isfinite(v[k][r])) sum += v[k][r], ++n;
    return n ? sum / static_cast<double>(n) : fallback;
}

ReactiveTrajectory followReactiveTargets(const LogFormat& format, const ReplaySeries& series,
                                         const std::vector<SourcePowerSeries>& power,
                                         const ReactiveReplaySettings& settings,
                                         const std::function<Material(std::size_t, double)>& materialAt) {
    ReactiveTrajectory out;
    const std::size_t n = series.rows(), sources = format.sources.size();
    out.thetaTarget.assign(sources, std::vector<double>(n, 0.0));
    out.thetaCollector.assign(sources, std::vector<double>(n, 0.0));
    out.rateFactor.assign(sources, std::vector<double>(n, 1.0));
    out.reactivePerMetal.assign(sources, std::vector<double>(n, 0.0));
    out.reactiveAtomKg.assign(sources, std::vector<double>(n, 0.0));
    if (!settings.enabled() || n == 0) return out;
    const ReactiveSupplySeries supply = reactiveSupply(format, series);
    out.notes = supply.notes;
    const std::vector<double>& t = series.times();
    // a row's own interval: to the next row of the same file, none across a logging gap
    std::vector<double> dts;
    for (std::size_t r = 0; r + 1 < n; ++r) dts.push_back(t[r + 1] - t[r]);
    const double gap = format.thresholds.gapFactor * median(dts);
    std::vector<char> lastOfFile(n, 0);
    for (std::size_t s : series.fileStarts())
        if (s > 0) lastOfFile[s - 1] = 1;
    lastOfFile[n - 1] = 1;

    DynamicsCache cache(settings);
    for (std::size_t k = 0; k < sources; ++k) {
        const std::string& source = format.sources[k].cathode;
        if (!settings.chambers.count(source)) continue;
        struct Followed {
            ReactiveSurfaceState state;
            std::string gas;
            bool compound = false;
            double time = 0.0;
            bool seen = false;
        };
        std::map<std::string, Followed> targets;
        bool notedTwoGases = false;
        for (std::size_t r = 0; r < n; ++r) {
            const std::string targetId = series.textAt("source." + source + ".target_id", t[r]);
            Followed& f = targets[targetId];
            if (!f.seen) {
                f.seen = true;
                for (const auto& st : settings.stored)
                    if (st.source == source && st.targetId == targetId && st.time <= t[r]) {
                        f.state = {st.thetaTarget, st.thetaCollector, {}};  // every patch at the mean
                        f.gas = st.gas;
                        f.compound = st.thetaTarget > 0.5;
                    }
            }
            const Material metal = materialAt(k, t[r]);
            // the gas: the largest supply among those with compound data for this metal
            std::string gas;
            double q = 0.0;
            int supplied = 0;
            const double dt = lastOfFile[r] || !(t[r + 1] - t[r] <= gap) ? 0.0 : t[r + 1] - t[r];
            const double pw = power[k].powerW[r];
            const double v = power[k].voltageV[r];
            for (const auto& [g, flow] : supply.sccm) {
                if (!(flow[r] > 0.0)) continue;
                if (!cache.get(source, metal, g, pw, v)) continue;
                ++supplied;
                if (flow[r] > q) q = flow[r], gas = g;
            }
            if (supplied > 1 && !notedTwoGases) {
                out.notes.push_back(source + ": two reactive gases at once; the target follows the larger flow only");
                notedTwoGases = true;
            }
            if (gas.empty()) gas = f.gas;  // no supply: the last gas (a poisoned target is sputtered clean)
            const TargetStateDynamics* d = gas.empty() ? nullptr : cache.get(source, metal, gas, pw, v);
            if (d) {
                ReactiveAdvanceTally tally;
                const bool fixedPoint = q == 0.0 && f.state.thetaTarget == 0.0 && f.state.thetaCollector == 0.0;
                if (dt > 0.0 && !fixedPoint) f.state = d->advance(f.state, q * kMoleculesPerSccm, dt, &tally);
                f.gas = gas;
                const BergParameters& p = d->parameters();
                out.rateFactor[k][r] = tally.timeS > 0.0 && pw > 0.0
                                           ? tally.metalAtomsSputtered / (p.ionsPerSecond * p.metalYield * tally.timeS)
                                           : d->rateFactor(f.state);
                out.reactivePerMetal[k][r] = p.reactiveAtomsPerMetal * f.state.thetaCollector;
                out.reactiveAtomKg[k][r] =
                    ElementTable::builtin().get(reactiveGas(gas).element).massAmu * kAtomicMassUnitKg;
            }
            out.thetaTarget[k][r] = f.state.thetaTarget;
            out.thetaCollector[k][r] = f.state.thetaCollector;
            f.time = t[r] + dt;
            if (!f.compound && f.state.thetaTarget > kEnterCompound) {
                f.compound = true;
                out.transitions.push_back({source, targetId, f.gas, t[r] + dt, true, f.state.thetaTarget});
            } else if (f.compound && f.state.thetaTarget < kReturnToMetal) {
                f.compound = false;
                out.transitions.push_back({source, targetId, f.gas, t[r] + dt, false, f.state.thetaTarget});
            }
        }
        for (const auto& [id, f] : targets)  // every followed target ("" gas: none supplied yet)
            out.finalStates.push_back(
                {source, id, f.gas, f.state.thetaTarget, f.state.thetaCollector, f.time, std::string()});
    }
    std::sort(out.transitions.begin(), out.transitions.end(),
              [](const ReactiveTransition& a, const ReactiveTransition& b) { return a.time < b.time; });
    return out;
}

std::string transitionText(const ReactiveTransition& t, int utcOffsetSeconds) {
    const std::time_t local = static_cast<std::time_t>(std::floor(t.time)) + utcOffsetSeconds;
    std::tm tm{};
    gmtime_r(&local, &tm);
    char buf[160];
    std::snprintf(buf, sizeof buf, "%s %s at %02d:%02d (theta_t %.2f, %s)", t.source.c_str(),
                  t.toCompound ? "entered compound mode" : "returned to metal mode", tm.tm_hour, tm.tm_min,
                  t.thetaTarget, t.gas.c_str());
    return buf;
}

}  // namespace magtwin
