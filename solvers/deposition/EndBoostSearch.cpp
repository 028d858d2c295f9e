#include "solvers/deposition/EndBoostSearch.hpp"

#include "solvers/optimise/GoldenSection.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <utility>

namespace magtwin {

namespace {

/// Golden-section minimum of f on [a, b] with `evaluations` calls (>= 2): the best x seen.
double lineMinimum(const std::function<double(double)>& f, double a, double b, int evaluations) {
    GoldenSectionOptions options;
    options.maxEvaluations = evaluations;
    return goldenSection(f, a, b, options).x;
}

}  // namespace

EndBoostResult searchEndBoost(const std::function<double(double, double)>& rangePctAfterTrims, const EndBoostBounds& b,
                              double startGain, double startLengthM) {
    if (!b.optimiseGain && !b.optimiseLength) throw std::invalid_argument("end-boost search: nothing to optimise");
    if (b.optimiseGain && !(b.gainMin <= b.gainMax && b.gainMin >= -1.0))
        throw std::invalid_argument("end-boost search: gain bounds must satisfy -1 <= min <= max");
    if (b.optimiseLength && !(b.lengthMinM > 0.0 && b.lengthMinM <= b.lengthMaxM))
        throw std::invalid_argument("end-boost search: length bounds must satisfy 0 < min <= max");
    if (b.evaluationsPerSearch < 2 || b.sweeps < 1)
        throw std::invalid_argument("end-boost search: too few evaluations");

    EndBoostResult out;
    auto evaluate = [&](double gain, double length) {
        for (const auto& t : out.trials)
            if (t.gain == gain && t.lengthM == length) return t.rangePct;
        out.trials.push_back({gain, length, rangePctAfterTrims(gain, length)});
        return out.trials.back().rangePct;
    };
    double gain = b.optimiseGain ? std::clamp(startGain, b.gainMin, b.gainMax) : startGain;
    double length = b.optimiseLength ? std::clamp(startLengthM, b.lengthMinM, b.lengthMaxM) : startLengthM;
    out.start = {gain, length, evaluate(gain, length)};
    const int sweeps = b.optimiseGain && b.optimiseLength ? b.sweeps : 1;
    // Sweep 0 brackets each variable by its bounds; later sweeps refine round the best
    // point, +-kRefine of the bounds' range (clamped), since the other variable moved.
    constexpr double kRefine = 0.15;
    const auto bracket = [&](int s, double x, double lo, double hi) {
        if (s == 0) return std::pair<double, double>(lo, hi);
        const double w = kRefine * (hi - lo);
        return std::pair<double, double>(std::max(lo, x - w), std::min(hi, x + w));
    };
    for (int s = 0; s < sweeps; ++s) {
        if (b.optimiseGain && b.gainMax > b.gainMin) {
            const auto [lo, hi] = bracket(s, gain, b.gainMin, b.gainMax);
            gain = lineMinimum([&](double g) { return evaluate(g, length); }, lo, hi, b.evaluationsPerSearch);
        }
        if (b.optimiseLength && b.lengthMaxM > b.lengthMinM) {
            const auto [lo, hi] = bracket(s, length, b.lengthMinM, b.lengthMaxM);
            length = lineMinimum([&](double l) { return evaluate(gain, l); }, lo, hi, b.evaluationsPerSearch);
        }
        // Keep the best point seen so far as the next sweep's start (a line search may
        // return a worse interior point than the start when U is not unimodal).
        const auto best = *std::min_element(out.trials.begin(), out.trials.end(),
                                            [](const auto& x, const auto& y) { return x.rangePct < y.rangePct; });
        gain = best.gain, length = best.lengthM;
    }
    out.best = *std::min_element(out.trials.begin(), out.trials.end(),
                                 [](const auto& x, const auto& y) { return x.rangePct < y.rangePct; });
    return out;
}

}  // namespace magtwin
