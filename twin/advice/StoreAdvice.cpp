#include "twin/advice/StoreAdvice.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace magtwin {

RunAdvice adviseNextRun(TwinStore& store, std::int64_t toolId, double targetNm, EwmaWeights weights, EwmaForm form) {
    if (!(targetNm > 0.0) || !std::isfinite(targetNm))
        throw std::invalid_argument("--target-nm must be > 0 (got " + std::to_string(targetNm) + ")");
    RunAdvice out;
    out.targetNm = targetNm;
    out.weights = weights;
    out.form = form;
    out.stableGain = stableGainRange(weights);
    // the newest replay run's intervals (predictions of one run id; the latest written run is
    // the one whose erosion states the store keeps)
    const auto erosion = store.erosionStates(toolId);
    const auto predictions = store.predictions(toolId);
    std::string runId = erosion.empty() ? std::string() : erosion.front().runId;
    if (runId.empty() && !predictions.empty()) runId = predictions.back().runId;
    std::map<double, double> reading;  // monitor readings by interval start
    for (const auto& m : store.measurements(toolId))
        if (m.kind == "monitor") reading[m.time] = m.value;
    const auto steps = store.steps(toolId);
    for (const auto& p : predictions) {
        if (p.runId != runId || (p.label != "deposition" && p.label != "co-sputter")) continue;
        const auto r = reading.find(p.startTime);
        const double monitor = std::isfinite(p.predictedCalibratedAS) ? p.predictedCalibratedAS : p.predictedAS;
        if (r == reading.end() || !std::isfinite(r->second) || !(monitor > 0.0) || !(p.mapMeanAS > 0.0) ||
            !(p.endTime > p.startTime))
            continue;
        AdviceRun run;
        run.start = p.startTime;
        run.end = p.endTime;
        run.label = p.label;
        // the calibrated substrate rate: the map's mean scaled as the monitor's prediction was
        const double scale = std::isfinite(p.predictedCalibratedAS) && p.predictedAS > 0.0
                                 ? p.predictedCalibratedAS / p.predictedAS
                                 : 1.0;
        run.rateNmS = 0.1 * p.mapMeanAS * scale;  // A/s -> nm/s
        run.thicknessNm = 0.1 * r->second * (p.mapMeanAS * scale / monitor) * (p.endTime - p.startTime);
        for (const auto& s : steps)
            if (s.startTime <= p.startTime && p.startTime <= s.endTime && s.endTime > s.startTime)
                for (const auto& e : s.sources)
                    run.powersW.push_back({e.source, e.energyJ / (s.endTime - s.startTime)});
        out.runs.push_back(run);
    }
    if (out.runs.empty())
        throw std::invalid_argument(
            "the store has no deposition interval with a monitor reading and a predicted rate for this tool: "
            "run `magtwin twin replay` first");
    std::sort(out.runs.begin(), out.runs.end(),
              [](const AdviceRun& a, const AdviceRun& b) { return a.start < b.start; });
    EwmaController c(targetNm, weights, form);
    for (const auto& run : out.runs) {
        const double u = run.end - run.start;
        out.predictedNm.push_back(c.runs() ? c.predict(u, run.rateNmS) : std::nan(""));
        c.update(run.thicknessNm, u, run.rateNmS);
    }
    const AdviceRun& last = out.runs.back();
    out.offset = c.offset();
    out.drift = c.drift();
    out.rateNmS = last.rateNmS;
    out.timeS = c.recommendTime(out.rateNmS);
    const double u = last.end - last.start;
    out.powerScale = form == EwmaForm::Multiplicative ? targetNm / c.predict(u, out.rateNmS)
                                                      : (targetNm - out.offset - out.drift) / (out.rateNmS * u);
    for (const auto& [source, w] : last.powersW) out.powersW.push_back({source, w * out.powerScale});
    return out;
}

}  // namespace magtwin
