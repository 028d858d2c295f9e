#include "solvers/motion/SwingAverage.hpp"

#include "boundary/util/GaussLegendre.hpp"
#include "boundary/util/PhysicalConstants.hpp"

#include <cmath>
#include <stdexcept>

namespace magtwin {

namespace {

void checkDwell(double dwellFraction) {
    if (!(dwellFraction >= 0.0 && dwellFraction < 1.0))
        throw std::invalid_argument("swing: dwell fraction must be in [0, 1)");
}

}  // namespace

SwingWaveform swingWaveformFromName(const std::string& name) {
    if (name == "sinusoidal") return SwingWaveform::Sinusoidal;
    if (name == "triangular") return SwingWaveform::Triangular;
    if (name == "dwell") return SwingWaveform::Dwell;
    throw std::invalid_argument("unknown swing waveform '" + name + "'; valid: sinusoidal, triangular, dwell");
}

std::string swingWaveformName(SwingWaveform waveform) {
    switch (waveform) {
        case SwingWaveform::Sinusoidal:
            return "sinusoidal";
        case SwingWaveform::Triangular:
            return "triangular";
        case SwingWaveform::Dwell:
            return "dwell";
    }
    return "sinusoidal";
}

std::vector<SwingSegment> swingPeriod(SwingWaveform waveform, double dwellFraction) {
    checkDwell(dwellFraction);
    using S = SwingSegment::Shape;
    switch (waveform) {
        case SwingWaveform::Sinusoidal:
            return {{S::Sine, 0.25, 0, 1, 0, kPi / 2},
                    {S::Sine, 0.25, 1, 0, kPi / 2, kPi},
                    {S::Sine, 0.25, 0, -1, kPi, 1.5 * kPi},
                    {S::Sine, 0.25, -1, 0, 1.5 * kPi, 2 * kPi}};
        case SwingWaveform::Triangular:
            return {{S::Linear, 0.25, 0, 1}, {S::Linear, 0.5, 1, -1}, {S::Linear, 0.25, -1, 0}};
        case SwingWaveform::Dwell:
        default: {
            const double move = 1 - dwellFraction, stop = dwellFraction / 2;
            return {{S::Linear, move / 4, 0, 1},
                    {S::Stop, stop, 1, 1},
                    {S::Linear, move / 2, 1, -1},
                    {S::Stop, stop, -1, -1},
                    {S::Linear, move / 4, -1, 0}};
        }
    }
}

double swingPosition(SwingWaveform waveform, double dwellFraction, double phase) {
    double t = phase - std::floor(phase);
    for (const SwingSegment& s : swingPeriod(waveform, dwellFraction)) {
        if (t <= s.periodFraction) {
            const double f = s.periodFraction > 0 ? t / s.periodFraction : 1.0;
            switch (s.shape) {
                case SwingSegment::Shape::Sine:
                    return std::sin(s.phaseFrom + f * (s.phaseTo - s.phaseFrom));
                case SwingSegment::Shape::Linear:
                    return s.from + f * (s.to - s.from);
                case SwingSegment::Shape::Stop:
                    return s.from;
            }
        }
        t -= s.periodFraction;
    }
    return 0.0;  // t == 1 up to rounding: back at the start
}

SwingQuadrature swingQuadrature(SwingWaveform waveform, double dwellFraction, int samples) {
    checkDwell(dwellFraction);
    if (samples < 1) throw std::invalid_argument("swing: at least 1 quadrature node");
    SwingQuadrature q;
    if (waveform == SwingWaveform::Sinusoidal) {
        // Gauss-Chebyshev: nodes cos((2k - 1) pi / 2n), equal weights (A & S 25.4.38).
        for (int k = 1; k <= samples; ++k) {
            q.nodes.push_back(std::cos((2 * k - 1) * kPi / (2 * samples)));
            q.weights.push_back(1.0);
        }
    } else {
        const QuadratureRule rule = gaussLegendre(samples, -1.0, 1.0);  // weights sum to 2
        const double moving = waveform == SwingWaveform::Dwell ? 1.0 - dwellFraction : 1.0;
        q.nodes = rule.x;
        for (double w : rule.w) q.weights.push_back(0.5 * moving * w);
        if (waveform == SwingWaveform::Dwell && dwellFraction > 0.0) {
            q.nodes.insert(q.nodes.begin(), -1.0);
            q.weights.insert(q.weights.begin(), 0.5 * dwellFraction);
            q.nodes.push_back(1.0);
            q.weights.push_back(0.5 * dwellFraction);
        }
    }
    for (double w : q.weights) q.weightSum += w;
    return q;
}

}  // namespace magtwin
