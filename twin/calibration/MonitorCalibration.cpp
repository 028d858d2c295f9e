#include "calibration/MonitorCalibration.hpp"

#include "calibration/RateScaleFit.hpp"

#include <cmath>
#include <map>
#include <stdexcept>

namespace magtwin {
namespace {

bool usable(const ReplayStep& s, double minDurationS) {
    return s.monitorShutterOpen && std::isfinite(s.measuredMassRate) && s.measuredMassRate > 0.0 &&
           s.end - s.start >= minDurationS && !s.sources.empty();
}

std::string key(const StepSourcePrediction& p) { return p.source + "|" + p.targetId; }

}  // namespace

MonitorCalibration calibrateMonitorRates(const ReplayResult& replay, double minDurationS,
                                         const std::vector<MetrologyPoint>& metrology, const ReplayResult* maps) {
    // the fit's substrate-shutter state: the one most single-source windows have
    int open = 0, closed = 0;
    for (const auto& s : replay.steps)
        if (usable(s, minDurationS) && s.sources.size() == 1) (s.substrateShutterOpen ? open : closed)++;
    if (open + closed == 0 && metrology.empty())
        throw std::invalid_argument("calibrate: the log has no single-source interval with a monitor reading (and no metrology)");
    MonitorCalibration out;
    out.fitSubstrateShutterOpen = open > closed;

    std::map<std::string, std::size_t> index;
    std::vector<const StepSourcePrediction*> first;
    std::map<std::string, std::pair<double, double>> alone;  // key -> (sum of measured x duration, duration)
    for (const auto& s : replay.steps) {
        if (!usable(s, minDurationS) || s.sources.size() != 1 || s.substrateShutterOpen != out.fitSubstrateShutterOpen) continue;
        const std::string k = key(s.sources[0]);
        if (!index.count(k)) index[k] = first.size(), first.push_back(&s.sources[0]);
        auto& a = alone[k];
        a.first += s.measuredMassRate * (s.end - s.start);
        a.second += s.end - s.start;
    }
    std::vector<RateObservation> obs;
    for (const auto& s : replay.steps) {
        if (!usable(s, minDurationS) || s.sources.size() != 1 || s.substrateShutterOpen != out.fitSubstrateShutterOpen) continue;
        RateObservation o;
        o.measured = s.measuredMassRate;
        o.predicted.assign(index.size(), 0.0);
        o.predicted[index[key(s.sources[0])]] = s.sources[0].crystalMassRate;
        obs.push_back(o);
    }
    out.observations = obs.size();
    std::vector<std::pair<std::string, std::vector<double>>> film;
    if (!metrology.empty()) {
        if (!maps) throw std::invalid_argument("calibrate: metrology needs the replay's substrate maps");
        film = loggedFilmMaps(*maps);
        for (const auto& [k, m] : film)
            if (!index.count(k)) {
                index[k] = first.size();
                first.push_back(nullptr);
                for (const auto& s : maps->steps)  // the first interval of that source names it
                    for (const auto& p : s.sources)
                        if (!first.back() && key(p) == k) first.back() = &p;
            }
        for (auto& o : obs) o.predicted.resize(index.size(), 0.0);
        for (const auto& m : metrology) {
            RateObservation o;
            o.measured = m.thicknessM;
            o.predicted.assign(index.size(), 0.0);
            for (const auto& [k, f] : film) {
                try {
                    o.predicted[index[k]] = interpolateOnGrid(maps->grid, f, m.xM, m.yM);
                } catch (const std::out_of_range&) {
                    throw std::invalid_argument(m.file + ":" + std::to_string(m.line) + ": point (" + std::to_string(m.xM * 1e3) +
                                                ", " + std::to_string(m.yM * 1e3) + ") mm is outside the substrate");
                }
            }
            obs.push_back(o);
        }
        out.metrologyPoints = metrology.size();
    }
    const RateScaleFitResult fit = fitRateScales(obs, index.size());
    out.reducedChi2 = fit.reducedChi2;
    for (const auto& [k, i] : index) out.parameters.push_back({first[i]->source, first[i]->targetId, fit.scale[i], fit.sigma[i]});

    for (const auto& s : replay.steps) {
        if (!usable(s, minDurationS) || s.sources.size() < 2) continue;
        CoSputterCheck c;
        c.start = s.start;
        c.end = s.end;
        c.substrateShutterOpen = s.substrateShutterOpen;
        c.measured = s.measuredMassRate;
        bool all = true;
        for (const auto& p : s.sources) {
            c.sources += (c.sources.empty() ? "" : "+") + p.source;
            const auto i = index.find(key(p));
            if (i == index.end()) {
                all = false;
                break;
            }
            c.predicted += fit.scale[i->second] * p.crystalMassRate;
            const auto& a = alone[key(p)];
            c.naive += a.first / a.second;
        }
        if (!all) continue;  // a source without a single-source interval: nothing to predict with
        c.twinErrorPct = 100.0 * (c.predicted - c.measured) / c.measured;
        c.naiveErrorPct = 100.0 * (c.naive - c.measured) / c.measured;
        out.coSputter.push_back(c);
    }
    return out;
}

}  // namespace magtwin
