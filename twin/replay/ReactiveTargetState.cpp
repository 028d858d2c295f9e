#include "twin/replay/ReactiveTargetState.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "solvers/reactive/CoSputterProcess.hpp"
#include "solvers/reactive/CoSputteringDynamics.hpp"
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
    /// `classes`: per source, the flux classes of its racetrack-resolved target (none: uniform).
    DynamicsCache(const ReactiveReplaySettings& s, std::map<std::string, std::vector<TargetPatch>> classes)
        : s_(s), classes_(std::move(classes)) {}

    /// Metal atoms per second of a target whose metal has no compound with `gas` (a
    /// non-reacting co-sputtered target, CoSputterProcess.hpp's metalOnlySetup); 0 when off.
    double metalOnlyAtomsPerS(const std::string& source, const Material& metal, const std::string& gas, double powerW,
                              double voltageV) {
        if (!(powerW > 0.0)) return 0.0;
        const auto fallback = s_.defaultVoltageV.find(source);
        const double given = std::isfinite(voltageV) && voltageV > 0.0 ? voltageV
                             : fallback != s_.defaultVoltageV.end()    ? fallback->second
                                                                       : 0.0;
        if (!(given > 0.0)) return 0.0;
        const double p = std::max(std::round(powerW * 2.0) / 2.0, 0.5), v = std::round(given);
        const auto key = std::make_tuple(source, metal.name, gas, p, v);
        auto it = metalOnly_.find(key);
        if (it != metalOnly_.end()) return it->second;
        double atoms = 0.0;
        try {
            ReactiveDischarge dis;
            dis.ion = s_.ion;
            dis.yieldModel = s_.yieldModel;
            dis.voltageV = v;
            dis.powerW = p;
            const BergParameters bp = metalOnlySetup(metal, reactiveGas(gas), s_.chambers.at(source), dis).parameters;
            atoms = bp.ionsPerSecond * bp.metalYield;
        } catch (const std::invalid_argument&) {
            atoms = 0.0;  // not a metal target: it takes no part
        }
        return metalOnly_[key] = atoms;
    }

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
            const auto profile = classes_.find(source);
            d = std::make_unique<TargetStateDynamics>(
                rs.parameters, s_.siteDensityPerM2,
                profile == classes_.end() ? std::vector<TargetPatch>{} : profile->second);
        } catch (const std::invalid_argument&) {
            d.reset();  // no compound data for this pair: not followed
        }
        return (cache_[key] = std::move(d)).get();
    }

private:
    const ReactiveReplaySettings& s_;
    std::map<std::string, std::vector<TargetPatch>> classes_;
    std::map<std::tuple<std::string, std::string, std::string, double, double>, double> metalOnly_;
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
    out.classYieldFactor.assign(sources, std::vector<std::vector<double>>(n));
    out.fluxClasses.assign(sources, FluxClasses{});
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

    // each resolved source's flux classes (kReplayFluxBins) from its cells
    std::map<std::string, std::vector<TargetPatch>> classes;
    for (std::size_t k = 0; k < sources; ++k) {
        const auto p = settings.profiles.find(format.sources[k].cathode);
        if (p == settings.profiles.end() || p->second.empty()) continue;
        out.fluxClasses[k] = fluxClasses(p->second, kReplayFluxBins);
        classes[p->first] = out.fluxClasses[k].patches;
    }
    DynamicsCache cache(settings, classes);
    struct Followed {
        ReactiveSurfaceState state;
        std::string gas;
        bool compound = false;
        double time = 0.0;
        bool seen = false;
    };
    /// A source's row: its target, gas, supply and dynamics (d null: not followed on the row).
    struct Plan {
        Followed* f = nullptr;
        std::string targetId, gas;
        double q = 0.0, pw = 0.0, v = 0.0;
        const TargetStateDynamics* d = nullptr;
        Material metal;
    };
    std::vector<std::map<std::string, Followed>> targets(sources);
    std::vector<char> notedTwoGases(sources, 0);
    std::map<std::string, std::size_t> coSputterRows;  // "a (Ba) + b (Zr, metal only) in S2" -> rows
    auto atomKg = [](const std::string& gas) {
        return ElementTable::builtin().get(reactiveGas(gas).element).massAmu * kAtomicMassUnitKg;
    };
    // the per-class yield factor m = 1 - theta + theta Y_c / Y_m from the row's mean thetas
    auto classFactors = [](const TargetStateDynamics& d, const ReactiveSurfaceState& s,
                           const ReactiveAdvanceTally& tally) {
        const BergParameters& p = d.parameters();
        const double ratio = p.compoundYield / p.metalYield;
        std::vector<double> m(d.patches().size());
        for (std::size_t i = 0; i < m.size(); ++i) {
            const double th = tally.timeS > 0.0 && tally.patchThetaTimeS.size() == m.size()
                                  ? tally.patchThetaTimeS[i] / tally.timeS
                              : s.thetaPatches.size() == m.size() ? s.thetaPatches[i]
                                                                  : s.thetaTarget;
            m[i] = (1.0 - th) + th * ratio;  // m(theta), solvers/reactive/ReactiveTargetState.hpp
        }
        return m;
    };
    auto rateFactorOf = [](const TargetStateDynamics& d, const ReactiveSurfaceState& s,
                           const ReactiveAdvanceTally& tally, double pw) {
        const BergParameters& p = d.parameters();
        return tally.timeS > 0.0 && pw > 0.0
                   ? tally.metalAtomsSputtered / (p.ionsPerSecond * p.metalYield * tally.timeS)
                   : d.rateFactor(s);
    };

    for (std::size_t r = 0; r < n; ++r) {
        const double dt = lastOfFile[r] || !(t[r + 1] - t[r] <= gap) ? 0.0 : t[r + 1] - t[r];
        std::vector<Plan> plan(sources);
        for (std::size_t k = 0; k < sources; ++k) {
            const std::string& source = format.sources[k].cathode;
            if (!settings.chambers.count(source)) continue;
            Plan& pl = plan[k];
            pl.targetId = series.textAt("source." + source + ".target_id", t[r]);
            Followed& f = targets[k][pl.targetId];
            pl.f = &f;
            if (!f.seen) {
                f.seen = true;
                for (const auto& st : settings.stored)
                    if (st.source == source && st.targetId == pl.targetId && st.time <= t[r]) {
                        f.state = {st.thetaTarget, st.thetaCollector, {}};  // every patch at the mean
                        f.gas = st.gas;
                        f.compound = st.thetaTarget > 0.5;
                    }
            }
            pl.metal = materialAt(k, t[r]);
            pl.pw = power[k].powerW[r];
            pl.v = power[k].voltageV[r];
            // the gas: the largest supply among those with compound data for this metal
            int supplied = 0;
            for (const auto& [g, flow] : supply.sccm) {
                if (!(flow[r] > 0.0)) continue;
                if (!cache.get(source, pl.metal, g, pl.pw, pl.v)) continue;
                ++supplied;
                if (flow[r] > pl.q) pl.q = flow[r], pl.gas = g;
            }
            if (supplied > 1 && !notedTwoGases[k]) {
                out.notes.push_back(source + ": two reactive gases at once; the target follows the larger flow only");
                notedTwoGases[k] = 1;
            }
            if (pl.gas.empty()) pl.gas = f.gas;  // no supply: the last gas (a poisoned target is sputtered clean)
            pl.d = pl.gas.empty() ? nullptr : cache.get(source, pl.metal, pl.gas, pl.pw, pl.v);
        }

        // Co-sputtering: the sources that run on this row (power > 0) share one gas balance and
        // one collector (CoSputteringDynamics.hpp): those following the row's gas react, those
        // whose metal has no compound with it sputter metal only; others (off, another gas) are
        // advanced on their own below.
        std::string gas;
        double q = -1.0;
        for (std::size_t k = 0; k < sources; ++k)
            if (plan[k].d && plan[k].pw > 0.0 && plan[k].q > q) q = plan[k].q, gas = plan[k].gas;
        std::vector<char> joint(sources, 0);
        if (!gas.empty()) {
            std::vector<std::size_t> ks;
            std::vector<CoSputterMember> members;
            int reacting = 0;
            for (std::size_t k = 0; k < sources; ++k) {
                const Plan& pl = plan[k];
                if (!pl.f || !(pl.pw > 0.0)) continue;
                if (pl.d && pl.gas == gas) {
                    members.push_back({pl.d, 0.0});
                    ++reacting;
                } else if (!cache.get(format.sources[k].cathode, pl.metal, gas, pl.pw, pl.v)) {
                    const double atoms =
                        cache.metalOnlyAtomsPerS(format.sources[k].cathode, pl.metal, gas, pl.pw, pl.v);
                    if (!(atoms > 0.0)) continue;
                    members.push_back({nullptr, atoms});
                } else {
                    continue;  // it follows another gas
                }
                ks.push_back(k);
            }
            if (ks.size() >= 2 && reacting > 0) {
                std::unique_ptr<CoSputteringDynamics> co;
                try {
                    co = std::make_unique<CoSputteringDynamics>(members);
                } catch (const std::invalid_argument& e) {
                    const std::string note = std::string("co-sputtering not followed in one balance: ") + e.what();
                    if (std::find(out.notes.begin(), out.notes.end(), note) == out.notes.end())
                        out.notes.push_back(note);  // once, not per row
                }
                if (co) {
                    CoSputterState cs;
                    // the collector: the members' collectors start as their mean (it relaxes in
                    // the collector's time constant, seconds: TargetStateDynamics.hpp)
                    bool fixedPoint = q == 0.0;
                    for (std::size_t i = 0; i < ks.size(); ++i) {
                        const Followed& f = *plan[ks[i]].f;
                        cs.targets.push_back(members[i].dynamics ? f.state : ReactiveSurfaceState{});
                        cs.thetaCollector += f.state.thetaCollector / static_cast<double>(ks.size());
                        fixedPoint = fixedPoint && f.state.thetaTarget == 0.0 && f.state.thetaCollector == 0.0;
                    }
                    std::vector<ReactiveAdvanceTally> tallies(ks.size());
                    if (dt > 0.0 && !fixedPoint) cs = co->advance(cs, q * kMoleculesPerSccm, dt, nullptr, &tallies);
                    const BergParameters* chamber = nullptr;
                    std::string label;
                    for (std::size_t i = 0; i < ks.size(); ++i) {
                        const std::size_t k = ks[i];
                        Plan& pl = plan[k];
                        Followed& f = *pl.f;
                        f.state = cs.targets[i];
                        f.state.thetaCollector = cs.thetaCollector;
                        if (members[i].dynamics) {
                            const TargetStateDynamics& d = *members[i].dynamics;
                            if (!chamber) chamber = &d.parameters();
                            f.gas = gas;
                            out.rateFactor[k][r] = rateFactorOf(d, f.state, tallies[i], pl.pw);
                            out.classYieldFactor[k][r] = classFactors(d, f.state, tallies[i]);
                        }
                        label += (i ? " + " : "") + format.sources[k].cathode + " (" + pl.metal.name +
                                 (members[i].dynamics ? "" : ", metal only") + ")";
                        joint[k] = 1;
                    }
                    // every metal atom on the common collector carries x theta_c reactive atoms
                    for (std::size_t k : ks) {
                        out.reactivePerMetal[k][r] = chamber->reactiveAtomsPerMetal * cs.thetaCollector;
                        out.reactiveAtomKg[k][r] = atomKg(gas);
                    }
                    ++coSputterRows[label + " in " + gas];
                }
            }
        }

        for (std::size_t k = 0; k < sources; ++k) {
            Plan& pl = plan[k];
            if (!pl.f) continue;
            Followed& f = *pl.f;
            if (!joint[k] && pl.d) {
                const TargetStateDynamics* d = pl.d;
                ReactiveAdvanceTally tally;
                const bool fixedPoint = pl.q == 0.0 && f.state.thetaTarget == 0.0 && f.state.thetaCollector == 0.0;
                if (dt > 0.0 && !fixedPoint) f.state = d->advance(f.state, pl.q * kMoleculesPerSccm, dt, &tally);
                f.gas = pl.gas;
                out.rateFactor[k][r] = rateFactorOf(*d, f.state, tally, pl.pw);
                out.classYieldFactor[k][r] = classFactors(*d, f.state, tally);
                out.reactivePerMetal[k][r] = d->parameters().reactiveAtomsPerMetal * f.state.thetaCollector;
                out.reactiveAtomKg[k][r] = atomKg(pl.gas);
            }
            out.thetaTarget[k][r] = f.state.thetaTarget;
            out.thetaCollector[k][r] = f.state.thetaCollector;
            f.time = t[r] + dt;
            const std::string& source = format.sources[k].cathode;
            if (!f.compound && f.state.thetaTarget > kEnterCompound) {
                f.compound = true;
                out.transitions.push_back({source, pl.targetId, f.gas, t[r] + dt, true, f.state.thetaTarget});
            } else if (f.compound && f.state.thetaTarget < kReturnToMetal) {
                f.compound = false;
                out.transitions.push_back({source, pl.targetId, f.gas, t[r] + dt, false, f.state.thetaTarget});
            }
        }
    }
    for (std::size_t k = 0; k < sources; ++k)
        for (const auto& [id, f] : targets[k])  // every followed target ("" gas: none supplied yet)
            out.finalStates.push_back({format.sources[k].cathode, id, f.gas, f.state.thetaTarget,
                                       f.state.thetaCollector, f.time, std::string()});
    for (const auto& [label, rows] : coSputterRows)
        out.notes.push_back("co-sputtering: " + label + ", one gas balance and collector on " + std::to_string(rows) +
                            " rows");
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
