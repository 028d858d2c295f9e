// RunToRun: EWMA run-to-run control of a film's thickness, substrate after substrate.
//
// Process (run k): thickness y_k = alpha_k + beta_k u_k + e_k, with u_k the deposition time
// (s), beta_k the true rate (nm/s) that drifts as the targets erode, alpha_k an offset and e_k
// the metrology or monitor noise. The controller's model: y = a + b_k u, with b_k the twin's
// predicted rate for run k (its erosion-aware rate model) and the offset a estimated from the
// readings:
//  - EWMA (Ingolfsson & Sachs, J. Quality Technology 25 (1993) 271):
//      a_k = l1 (y_k - b_k u_k) + (1 - l1) a_{k-1};  u_{k+1} = (T - a_k) / b_{k+1};
//  - double EWMA for drift (the predictor-corrector of Butler & Stefani, IEEE Trans. Semicond.
//    Manuf. 7 (1994) 193; analysed by Del Castillo, IIE Trans. 31 (1999) 1157; Chen & Guo,
//    IEEE Trans. Semicond. Manuf. 14 (2001) 11 use the same two filters):
//      a_k = l1 (y_k - b_k u_k) + (1 - l1) a_{k-1}
//      D_k = l2 (y_k - b_k u_k - a_{k-1}) + (1 - l2) D_{k-1};  u_{k+1} = (T - a_k - D_k) / b_{k+1}.
// Stability with a model-gain mismatch xi = beta / b (constant): the closed loop's error obeys
// a linear recursion. EWMA: a' = (1 - l1 xi) a, stable iff 0 < l1 xi < 2 (Ingolfsson & Sachs).
// dEWMA: the state (a, D) has the matrix [[1 - l1 xi, -l1 (xi - 1)], [-l2 xi, 1 - l2 xi]] and
// the characteristic polynomial z^2 + c1 z + c0 with c1 = xi (l1 + l2) - 2 and
// c0 = 1 - xi (l1 + l2) + xi l1 l2; by Jury's test both roots lie inside the unit circle iff
//   xi l1 l2 > 0,  0 < xi (l1 + l2 - l1 l2) < 2,  4 - 2 xi (l1 + l2) + xi l1 l2 > 0
// (Del Castillo 1999's conditions). Under a linear drift delta per run and xi = 1 the EWMA
// settles at an offset delta / (l1 xi) (its lag), the dEWMA at none; with white noise of sigma and
// no drift the EWMA's output sigma is sigma sqrt(2 / (2 - l1 xi)).
//
// Two forms of the model (EwmaForm):
//  - Additive: the above, literally (I&S's intercept model; a in nm);
//  - Multiplicative: the same filters on the log of the thickness, ln y = a + ln b_k + ln u
//    (I&S's model in ln y and ln u, whose gain is 1): a is the log of the ratio true rate /
//    twin rate, and u_{k+1} = T exp(-(a_k + D_k)) / b_{k+1}. A thickness is a rate times a
//    time, so a constant error of the twin's rate is a pure offset here: the mismatch xi of
//    the stability conditions is the exponent of y in u (1 for a film grown at a constant
//    rate), not the rate error, and every l1 in (0, 1] is stable whatever the rate error.
// Both start from the first reading: its residual is the offset estimate (no earlier estimate
// to weight it against), the drift starts at 0.
#pragma once

#include <cstdint>
#include <vector>

namespace magtwin {

enum class EwmaForm { Additive, Multiplicative };

struct EwmaWeights {
    double lambda1 = 0.3;  ///< offset filter
    double lambda2 = 0.1;  ///< drift filter; 0: single EWMA
};

class EwmaController {
public:
    EwmaController(double targetNm, EwmaWeights w, EwmaForm form = EwmaForm::Additive);
    /// Time (s) for the next run at the twin's predicted rate `rateNmS`.
    double recommendTime(double rateNmS) const;
    /// The thickness the model expects from a run of `timeS` at `rateNmS`.
    double predict(double timeS, double rateNmS) const;
    /// A run at time `timeS` with the twin's rate `rateNmS` gave `thicknessNm`.
    void update(double thicknessNm, double timeS, double rateNmS);
    /// Additive: offset and drift per run in nm; Multiplicative: in ln(true rate / twin rate).
    double offset() const { return a_; }
    double drift() const { return d_; }
    EwmaForm form() const { return form_; }
    std::int64_t runs() const { return runs_; }

private:
    double target_;
    EwmaWeights w_;
    EwmaForm form_;
    double a_ = 0.0, d_ = 0.0;
    std::int64_t runs_ = 0;
};

/// The closed-form stability of the controller with gain mismatch xi = beta / b (header).
bool ewmaStable(EwmaWeights w, double xi);
/// The range (lo, hi) of xi = beta / b for which the weights are stable (lo = 0 for l1, l2 > 0).
std::pair<double, double> stableGainRange(EwmaWeights w);

/// A seeded simulated line: rate beta_k = rate0 (1 + driftPerRun k), thickness read with
/// Gaussian noise; the twin predicts b_k = beta_k / gainMismatch (it follows the erosion up to
/// a constant gain error) or, with twinTracksDrift false, the nominal rate0 / gainMismatch.
struct SimulatedLine {
    int runs = 400;
    double targetNm = 100.0;
    double rate0NmS = 1.0;
    double driftPerRun = -5e-4;  ///< relative rate change per run (targets eroding)
    double noiseNm = 1.0;        ///< metrology sigma
    double gainMismatch = 1.1;   ///< xi = beta / b
    bool twinTracksDrift = true;
    double initialOffsetNm = 0.0;      ///< alpha at run 0
    double offsetDriftNmPerRun = 0.0;  ///< alpha's additive drift per run
    std::uint64_t seed = 1;
};

struct ErrorStats {
    double meanNm = 0.0, sigmaNm = 0.0;  ///< of y_k - T over the runs (after `skip`)
    std::vector<double> errorsNm;
};

enum class Advice { FixedRecipe, TwinOnly, Ewma };

/// Runs the line: FixedRecipe = every run at T / rate0 (the recipe's time, qualified on the
/// first substrate of the targets' life); TwinOnly = T / b_k
/// (the twin's rate, no feedback); Ewma = the controller with `w`. Statistics after `skip` runs.
ErrorStats simulateLine(const SimulatedLine& line, Advice advice, EwmaWeights w = {}, int skip = 20,
                        EwmaForm form = EwmaForm::Additive);

/// The largest l1 on a grid of `step` (with l2 = ratio l1) for which the noise-free line with
/// gain mismatch xi, started from an offset, converges: found by running the controller (an
/// independent path to the closed form).
double simulatedStableLambdaLimit(double xi, double lambda2Ratio, double step = 0.005,
                                  EwmaForm form = EwmaForm::Additive);

}  // namespace magtwin
