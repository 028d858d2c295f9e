#include "twin/calibration/DriftCheck.hpp"

#include <cmath>
#include <iomanip>
#include <sstream>

namespace magtwin {
namespace {

const CalibrationParameter* find(const std::vector<CalibrationParameter>& cal, const StepSourcePrediction& p) {
    for (const auto& c : cal)
        if (c.source == p.source && c.targetId == p.targetId) return &c;
    return nullptr;
}

}  // namespace

std::vector<DriftResidual> driftResiduals(const std::vector<ReplayStep>& steps,
                                          const std::vector<CalibrationParameter>& cal, const DriftSettings& s) {
    std::vector<DriftResidual> out;
    for (const auto& st : steps) {
        if (!std::isfinite(st.measuredMassRate) || st.end - st.start < s.minDurationS || st.sources.empty()) continue;
        double predicted = 0.0, var = 0.0;
        bool all = true;
        for (const auto& p : st.sources) {
            const CalibrationParameter* c = find(cal, p);
            if (!c) {
                all = false;
                break;
            }
            predicted += c->scale * p.crystalMassRate;
            const double sigma = std::isfinite(c->sigma) ? c->sigma : 0.0;
            var += sigma * p.crystalMassRate * sigma * p.crystalMassRate;
        }
        if (!all || !(predicted > 0.0)) continue;
        DriftResidual d;
        d.time = st.start;
        d.residualPct = 100.0 * (st.measuredMassRate / predicted - 1.0);
        d.bandPct = s.tolerancePct + 2.0 * 100.0 * std::sqrt(var) / predicted;
        d.outside = std::fabs(d.residualPct) > d.bandPct;
        out.push_back(d);
    }
    return out;
}

std::vector<ReplayFinding> driftFindings(const std::vector<ReplayStep>& steps,
                                         const std::vector<CalibrationParameter>& cal, const DriftSettings& s) {
    std::vector<ReplayFinding> out;
    std::size_t i = 0;
    std::vector<const ReplayStep*> judged;
    for (const auto& st : steps)
        if (std::isfinite(st.measuredMassRate) && st.end - st.start >= s.minDurationS && !st.sources.empty())
            judged.push_back(&st);
    const auto residuals = driftResiduals(steps, cal, s);
    // residuals and judged share order for steps all of whose sources are calibrated
    while (i < residuals.size()) {
        if (!residuals[i].outside) {
            ++i;
            continue;
        }
        std::size_t j = i;
        double worst = residuals[i].residualPct;
        while (j < residuals.size() && residuals[j].outside) {
            if (std::fabs(residuals[j].residualPct) > std::fabs(worst)) worst = residuals[j].residualPct;
            ++j;
        }
        bool shutterDiffers = false;
        for (const auto* st : judged)
            if (st->start >= residuals[i].time && st->start <= residuals[j - 1].time)
                shutterDiffers |= st->substrateShutterOpen != s.calibratedShutterOpen;
        std::ostringstream m;
        m << std::setprecision(3) << "monitor reading leaves the calibrated prediction's band (+-"
          << residuals[i].bandPct << " %) in " << j - i << " interval(s) from this time, largest residual " << worst
          << " %" << (shutterDiffers ? "; the substrate shutter is not as in the calibration (see shutter-jump)" : "");
        out.push_back({"drift", "", m.str(), residuals[i].time, worst});
        i = j;
    }
    return out;
}

}  // namespace magtwin
