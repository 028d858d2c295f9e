// StoreAdvice: the next substrate's deposition time (or power) to hold a target thickness,
// from what the store keeps: the newest replay's intervals (the twin's predicted substrate
// mean rate, calibrated when a calibration was applied, and the monitor's reading at the
// same time) and the sync's steps (the powers). One run = one deposition (or co-sputter)
// interval with a reading. Its measured thickness is the monitor's reading carried to the
// substrate by the twin's geometry (reading x map mean rate / predicted monitor rate) times
// the interval; a constant error of that carry (density, tooling) is an offset the EWMA
// learns. The controller (RunToRun.hpp; multiplicative by default: a thickness is a rate
// times a time) runs over the runs in time order and advises
//   time  u with predict(u, b_next) = T      at the last run's powers, or
//   power P = P_last s with predict(s ... ) : s b_next u_last exp(a + D) = T (multiplicative;
//         a + D + s b_next u_last = T additive)   at the last run's time
// (the rate proportional to power at a fixed voltage: the sputter yield per ion at a fixed
// energy), where b_next is the twin's rate at the last run (the erosion over one substrate
// is far below the readings' noise).
#pragma once

#include "twin/advice/RunToRun.hpp"
#include "twin/store/TwinStore.hpp"

#include <string>
#include <vector>

namespace magtwin {

struct AdviceRun {
    double start = 0.0, end = 0.0;  ///< UTC s
    std::string label;
    double rateNmS = 0.0;                                 ///< the twin's predicted substrate mean rate
    double thicknessNm = 0.0;                             ///< measured (the monitor carried to the substrate)
    std::vector<std::pair<std::string, double>> powersW;  ///< per depositing source, mean W
};

struct RunAdvice {
    double targetNm = 0.0;
    EwmaWeights weights;
    EwmaForm form = EwmaForm::Multiplicative;
    std::pair<double, double> stableGain;  ///< xi range the weights tolerate (closed form)
    std::vector<AdviceRun> runs;
    std::vector<double> predictedNm;   ///< per run: what the controller expected before it (a + D + b u)
    double offset = 0.0, drift = 0.0;  ///< the controller's (nm, or ln of the rate ratio)
    double rateNmS = 0.0;              ///< b_next
    double timeS = 0.0;                ///< advised time at the last powers
    double powerScale = 0.0;           ///< advised power / last power at the last time
    std::vector<std::pair<std::string, double>> powersW;  ///< advised powers at the last time
};

/// Throws std::invalid_argument when the tool has no deposition interval with a reading and a
/// predicted rate (run `twin replay` first), or the target is not > 0.
RunAdvice adviseNextRun(TwinStore& store, std::int64_t toolId, double targetNm, EwmaWeights weights,
                        EwmaForm form = EwmaForm::Multiplicative);

}  // namespace magtwin
