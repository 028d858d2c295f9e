#include "twin/calibration/MonitorCalibration.hpp"

#include "twin/calibration/GasStrengthFit.hpp"
#include "twin/calibration/RateScaleFit.hpp"

#include <cmath>
#include <limits>
#include <map>
#include <stdexcept>

namespace magtwin {
namespace {

bool usable(const ReplayStep& s, double minDurationS) {
    return s.monitorShutterOpen && std::isfinite(s.measuredMassRate) && s.measuredMassRate > 0.0 &&
           s.end - s.start >= minDurationS && !s.sources.empty();
}

std::string key(const StepSourcePrediction& p) { return p.source + "|" + p.targetId; }

/// The fit's observations from one replay (monitor windows) and its maps (metrology).
struct FitInputs {
    std::map<std::string, std::size_t> index;                // source|target -> parameter
    std::vector<std::pair<std::string, std::string>> names;  // per parameter: source, target
    std::map<std::string, std::pair<double, double>> alone;  // key -> (sum of measured x duration, duration)
    std::vector<RateObservation> obs;
    bool shutterOpen = false;
    std::size_t monitorObservations = 0;

    std::size_t parameter(const StepSourcePrediction& p) {
        const auto [it, added] = index.emplace(key(p), names.size());
        if (added) names.emplace_back(p.source, p.targetId);
        return it->second;
    }
};

FitInputs fitInputs(const ReplayResult& replay, double minDurationS, const std::vector<MetrologyPoint>& metrology,
                    const ReplayResult* maps) {
    // the fit's substrate-shutter state: the one most single-source windows have
    int open = 0, closed = 0;
    for (const auto& s : replay.steps)
        if (usable(s, minDurationS) && s.sources.size() == 1) (s.substrateShutterOpen ? open : closed)++;
    if (open + closed == 0 && metrology.empty())
        throw std::invalid_argument(
            "calibrate: the log has no single-source interval with a monitor reading (and no metrology)");
    FitInputs in;
    in.shutterOpen = open > closed;
    std::vector<std::pair<std::size_t, const ReplayStep*>> windows;
    for (const auto& s : replay.steps) {
        if (!usable(s, minDurationS) || s.sources.size() != 1 || s.substrateShutterOpen != in.shutterOpen) continue;
        windows.emplace_back(in.parameter(s.sources[0]), &s);
        auto& a = in.alone[key(s.sources[0])];
        a.first += s.measuredMassRate * (s.end - s.start);
        a.second += s.end - s.start;
    }
    std::map<std::string, std::vector<std::pair<std::string, std::vector<double>>>> film;  // substrate -> maps
    if (!metrology.empty() && !maps)
        throw std::invalid_argument("calibrate: metrology needs the replay's substrate maps");
    for (const auto& m : metrology) {
        const std::string substrate = metrologySubstrate(*maps, m.file);
        if (film.count(substrate)) continue;
        film[substrate] = loggedFilmMaps(*maps, substrate);
        for (const auto& [k, f] : film[substrate])  // the first interval of that source names it
            for (const auto& s : maps->steps)
                for (const auto& p : s.sources)
                    if (key(p) == k) in.parameter(p);
    }
    for (const auto& [k, s] : windows) {
        RateObservation o;
        o.measured = s->measuredMassRate;
        o.predicted.assign(in.names.size(), 0.0);
        o.predicted[k] = s->sources[0].crystalMassRate;
        in.obs.push_back(o);
    }
    in.monitorObservations = in.obs.size();
    for (const auto& m : metrology) {
        const std::string substrate = metrologySubstrate(*maps, m.file);
        RateObservation o;
        o.measured = m.thicknessM;
        o.predicted.assign(in.names.size(), 0.0);
        for (const auto& [k, f] : film[substrate]) {
            try {
                o.predicted[in.index.at(k)] = interpolateOnGrid(maps->grid, f, m.xM, m.yM);
            } catch (const std::out_of_range&) {
                throw std::invalid_argument(m.file + ":" + std::to_string(m.line) + ": point (" +
                                            std::to_string(m.xM * 1e3) + ", " + std::to_string(m.yM * 1e3) +
                                            ") mm is outside the substrate");
            }
        }
        in.obs.push_back(o);
    }
    return in;
}

std::vector<CoSputterCheck> coSputterChecks(const ReplayResult& replay, double minDurationS, const FitInputs& in,
                                            const std::vector<double>& scale) {
    std::vector<CoSputterCheck> out;
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
            const auto i = in.index.find(key(p));
            const auto a = in.alone.find(key(p));
            if (i == in.index.end() || a == in.alone.end()) {
                all = false;
                break;
            }
            c.predicted += scale[i->second] * p.crystalMassRate;
            c.naive += a->second.first / a->second.second;
        }
        if (!all) continue;  // a source without a single-source interval: nothing to predict with
        c.twinErrorPct = 100.0 * (c.predicted - c.measured) / c.measured;
        c.naiveErrorPct = 100.0 * (c.naive - c.measured) / c.measured;
        out.push_back(c);
    }
    return out;
}

std::vector<CalibrationParameter> parametersOf(const FitInputs& in, const std::vector<double>& scale,
                                               const std::vector<double>& sigma) {
    std::vector<CalibrationParameter> out;
    for (const auto& [k, i] : in.index) out.push_back({in.names[i].first, in.names[i].second, scale[i], sigma[i]});
    return out;
}

double meanOpenPressurePa(const ReplayResult& replay) {
    double sum = 0.0, time = 0.0;
    for (const auto& s : replay.steps)
        if (s.substrateShutterOpen && std::isfinite(s.pressurePa))
            sum += s.pressurePa * (s.end - s.start), time += s.end - s.start;
    return time > 0.0 ? sum / time : 0.0;
}

}  // namespace

MonitorCalibration calibrateMonitorRates(const ReplayResult& replay, double minDurationS,
                                         const std::vector<MetrologyPoint>& metrology, const ReplayResult* maps) {
    const FitInputs in = fitInputs(replay, minDurationS, metrology, maps);
    MonitorCalibration out;
    out.fitSubstrateShutterOpen = in.shutterOpen;
    out.observations = in.monitorObservations;
    out.metrologyPoints = metrology.size();
    const RateScaleFitResult fit = fitRateScales(in.obs, in.names.size());
    out.reducedChi2 = fit.reducedChi2;
    out.parameters = parametersOf(in, fit.scale, fit.sigma);
    out.coSputter = coSputterChecks(replay, minDurationS, in, fit.scale);
    out.gas.pressurePa = meanOpenPressurePa(maps && !maps->steps.empty() ? *maps : replay);
    out.gas.status =
        metrology.empty()
            ? "not fitted: no thickness metrology (the monitor alone cannot separate it from the rate scales)"
        : out.gas.pressurePa > 0.0 ? "not fitted: not asked for"
                                   : "not fitted: vacuum (process pressure 0 during deposition)";
    return out;
}

MonitorCalibration calibrateMonitorRatesAndGas(const std::vector<ReplayResult>& replays,
                                               const std::vector<ReplayResult>& maps, const ChebyshevAxis& axis,
                                               double referenceSigmaM2, double minDurationS,
                                               const std::vector<MetrologyPoint>& metrology,
                                               const GasFitSettings& settings) {
    const std::size_t nodes = axis.nodes().size();
    if (replays.size() != nodes || maps.size() != nodes || axis.nodes().back() != 0.0)
        throw std::invalid_argument(
            "calibrate: one replay and one map replay per gas node, the last at u = 0 (vacuum)");
    std::vector<FitInputs> in;
    for (std::size_t j = 0; j < nodes; ++j) in.push_back(fitInputs(replays[j], minDurationS, metrology, &maps[j]));
    for (const auto& n : in)
        if (n.index != in.back().index || n.obs.size() != in.back().obs.size())
            throw std::logic_error("calibrate: the gas nodes' replays differ in their intervals");
    const std::size_t p = in.back().names.size();
    std::vector<TabulatedObservation> obs(in.back().obs.size());
    for (std::size_t i = 0; i < obs.size(); ++i) {
        obs[i].measured = in.back().obs[i].measured;
        obs[i].sigma = in.back().obs[i].sigma;
        for (std::size_t j = 0; j < nodes; ++j) obs[i].predicted.push_back(in[j].obs[i].predicted);
    }
    const GasStrengthFitResult fit = fitRateScalesAndGas(obs, p, axis, settings);
    MonitorCalibration out;
    out.gas.pressurePa = meanOpenPressurePa(maps.back());
    out.gas.referenceM2 = referenceSigmaM2;
    out.gas.estimateM2 = fit.strength * referenceSigmaM2;
    out.gas.estimateSigmaM2 = fit.strengthSigma * referenceSigmaM2;
    out.gas.maxCorrelation = fit.maxCorrelation;
    if (!fit.notIdentifiable.empty()) {
        // kept fixed: the vacuum replay (the last node) and its scales alone, as without metrology shape
        out = calibrateMonitorRates(replays.back(), minDurationS, metrology, &maps.back());
        out.gas.referenceM2 = referenceSigmaM2;
        out.gas.estimateM2 = fit.strength * referenceSigmaM2;
        out.gas.estimateSigmaM2 = fit.strengthSigma * referenceSigmaM2;
        out.gas.maxCorrelation = fit.maxCorrelation;
        out.gas.status = "not fitted (kept at vacuum, the scales absorb the gas loss): " + fit.notIdentifiable;
        return out;
    }
    out.fitSubstrateShutterOpen = in.back().shutterOpen;
    out.observations = in.back().monitorObservations;
    out.metrologyPoints = metrology.size();
    out.reducedChi2 = fit.reducedChi2;
    out.parameters = parametersOf(in.back(), fit.scale, fit.sigma);
    out.gas.fitted = true;
    out.gas.sigmaEffM2 = out.gas.estimateM2;
    out.gas.sigmaM2 = out.gas.estimateSigmaM2;
    out.gas.status = "fitted";
    // the co-sputter check with the monitor predictions at the fitted strength
    ReplayResult at = replays.back();
    for (std::size_t i = 0; i < at.steps.size(); ++i)
        for (std::size_t k = 0; k < at.steps[i].sources.size(); ++k) {
            std::vector<double> f;
            for (std::size_t j = 0; j < nodes; ++j) f.push_back(replays[j].steps.at(i).sources.at(k).crystalMassRate);
            at.steps[i].sources[k].crystalMassRate = axis.interpolatePositive(f, fit.strength);
        }
    out.coSputter = coSputterChecks(at, minDurationS, in.back(), fit.scale);
    return out;
}

}  // namespace magtwin
