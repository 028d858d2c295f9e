#include "twin/advice/RunToRun.hpp"

#include <cmath>
#include <random>
#include <stdexcept>

namespace magtwin {

EwmaController::EwmaController(double targetNm, EwmaWeights w, EwmaForm form) : target_(targetNm), w_(w), form_(form) {
    if (!(w.lambda1 > 0.0 && w.lambda1 <= 1.0) || !(w.lambda2 >= 0.0 && w.lambda2 <= 1.0))
        throw std::invalid_argument("EWMA weights must lie in (0, 1] and [0, 1]");
}

double EwmaController::recommendTime(double rateNmS) const {
    if (!(rateNmS > 0.0)) throw std::invalid_argument("run-to-run: the twin's rate must be > 0");
    return form_ == EwmaForm::Additive ? (target_ - a_ - d_) / rateNmS : target_ * std::exp(-(a_ + d_)) / rateNmS;
}

double EwmaController::predict(double u, double b) const {
    return form_ == EwmaForm::Additive ? a_ + d_ + b * u : b * u * std::exp(a_ + d_);
}

void EwmaController::update(double y, double u, double b) {
    if (form_ == EwmaForm::Multiplicative && !(y > 0.0 && b * u > 0.0))
        throw std::invalid_argument("run-to-run: a multiplicative EWMA needs thickness and rate x time > 0");
    const double residual = form_ == EwmaForm::Additive ? y - b * u : std::log(y / (b * u));
    const double previous = a_;
    if (runs_ == 0) {
        a_ = residual;  // the first reading is the offset estimate
    } else {
        a_ = w_.lambda1 * residual + (1.0 - w_.lambda1) * a_;
        if (w_.lambda2 > 0.0) d_ = w_.lambda2 * (residual - previous) + (1.0 - w_.lambda2) * d_;
    }
    ++runs_;
}

bool ewmaStable(EwmaWeights w, double xi) {
    const double l1 = w.lambda1, l2 = w.lambda2;
    if (l2 == 0.0) return l1 * xi > 0.0 && l1 * xi < 2.0;
    const double s = xi * (l1 + l2 - l1 * l2);
    return xi * l1 * l2 > 0.0 && s > 0.0 && s < 2.0 && 4.0 - 2.0 * xi * (l1 + l2) + xi * l1 * l2 > 0.0;
}

std::pair<double, double> stableGainRange(EwmaWeights w) {
    const double l1 = w.lambda1, l2 = w.lambda2;
    if (l2 == 0.0) return {0.0, 2.0 / l1};
    // for xi > 0 the three conditions reduce to two upper limits
    return {0.0, std::min(2.0 / (l1 + l2 - l1 * l2), 4.0 / (2.0 * (l1 + l2) - l1 * l2))};
}

ErrorStats simulateLine(const SimulatedLine& L, Advice advice, EwmaWeights w, int skip, EwmaForm form) {
    std::mt19937_64 rng(L.seed);
    std::normal_distribution<double> noise(0.0, L.noiseNm);
    EwmaController c(L.targetNm, w, form);
    ErrorStats s;
    double sum = 0.0, sum2 = 0.0;
    int n = 0;
    for (int k = 0; k < L.runs; ++k) {
        const double beta = L.rate0NmS * (1.0 + L.driftPerRun * k);
        const double b = (L.twinTracksDrift ? beta : L.rate0NmS) / L.gainMismatch;
        const double u = advice == Advice::FixedRecipe ? L.targetNm / L.rate0NmS
                         : advice == Advice::TwinOnly  ? L.targetNm / b
                                                       : c.recommendTime(b);
        const double y = L.initialOffsetNm + L.offsetDriftNmPerRun * k + beta * u + noise(rng);
        if (advice == Advice::Ewma) c.update(y, u, b);
        const double e = y - L.targetNm;
        s.errorsNm.push_back(e);
        if (k < skip) continue;
        sum += e, sum2 += e * e, ++n;
    }
    s.meanNm = n ? sum / n : std::nan("");
    s.sigmaNm = n > 1 ? std::sqrt(std::max(0.0, (sum2 - sum * sum / n) / (n - 1))) : std::nan("");
    return s;
}

double simulatedStableLambdaLimit(double xi, double ratio, double step, EwmaForm form) {
    double last = 0.0;
    const int n = static_cast<int>(std::lround(1.0 / step));
    for (int i = 1; i <= n; ++i) {
        const double l1 = std::min(1.0, i * step);
        const EwmaWeights w{l1, std::min(1.0, ratio * l1)};
        // noise-free, no drift, the twin's rate off by xi: the error starts at (xi - 1) T
        SimulatedLine L;
        L.runs = 4000;
        L.noiseNm = 0.0;
        L.driftPerRun = 0.0;
        L.gainMismatch = xi;
        L.initialOffsetNm = 5.0;
        const ErrorStats s = simulateLine(L, Advice::Ewma, w, 0, form);
        const double first = std::fabs(s.errorsNm.front()) + 1.0;
        double tail = 0.0;
        for (std::size_t k = s.errorsNm.size() - 50; k < s.errorsNm.size(); ++k)
            tail = std::max(tail, std::fabs(s.errorsNm[k]));
        if (std::isfinite(tail) && tail < 1e-3 * first)
            last = l1;
        else
            break;
    }
    return last;
}

}  // namespace magtwin
