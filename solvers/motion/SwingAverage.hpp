// SwingAverage: the one definition of a back-and-forth motion (a magnet bar swinging round a
// rotary tube, a magnet pack travelling across a planar target, a substrate oscillating under
// an array) and of the time average over it.
//
// Position u(t) = A s(t/P), |s| <= 1, A the amplitude (m or rad), P the period; one period,
// starting at s = 0 moving towards +1 (SwingSegment pieces):
//  - sinusoidal:  s = sin(2 pi t / P);
//  - triangular:  constant speed between the reversal points s = +-1;
//  - dwell:       constant speed between the reversal points, stopped at each of them for
//                 dwellFraction P / 2 per period.
// Over whole periods a quantity f(u) has the time average
//   <f> = (1/P) int_0^P f(A s(t)) dt = int_-1^1 f(A s) dmu(s),
// mu the time spent at each position per period:
//  - sinusoidal:  dmu = ds / (pi sqrt(1 - s^2))  (the arcsine law);
//  - triangular:  dmu = ds / 2                   (uniform);
//  - dwell:       dmu = (1 - delta) ds / 2 + (delta / 2) (point masses at s = -1 and s = +1).
// SwingQuadrature gives nodes s_k and weights w_k with <f> ~ sum_k w_k f(A s_k) / sum_k w_k:
//  - sinusoidal:  n Gauss-Chebyshev nodes s_k = cos((2k - 1) pi / (2n)), equal weights
//                 (Abramowitz & Stegun 25.4.38); exact for polynomials in s of degree <= 2n - 1;
//  - triangular:  n Gauss-Legendre nodes and weights (A & S 25.4.29; util/GaussLegendre, the
//                 "gauleg" of Press et al., Numerical Recipes 3rd ed. section 4.6.1); exact
//                 for degree <= 2n - 1;
//  - dwell:       the triangular rule with its weights times (1 - delta), plus the two
//                 reversal points with weight delta / 2 each (n + 2 nodes, exact for degree
//                 <= 2n - 1; delta = 0 is the triangular rule).
// The racetrack flux seen through a swing is smooth (a Gaussian-like profile shifted by A s),
// so the Gauss rules converge exponentially in n.
// Users: ErosionFront (planar magnet travel), RacetrackSources (magnet wobble of the
// deposition sources), ErodedTargets (wobble of the eroded rotary emission map) and
// SubstrateOscillation (its exact grid kernel is built from swingPeriod).
#pragma once

#include <string>
#include <vector>

namespace magtwin {

enum class SwingWaveform { Sinusoidal, Triangular, Dwell };

/// "sinusoidal" | "triangular" | "dwell"; throws std::invalid_argument listing the valid names.
SwingWaveform swingWaveformFromName(const std::string& name);
std::string swingWaveformName(SwingWaveform waveform);

/// One monotone piece of a period of s(t): a sine quarter (s = sin(phase), phase from
/// phaseFrom to phaseTo), a constant-speed move (s from `from` to `to`) or a stop at `from`.
struct SwingSegment {
    enum class Shape { Sine, Linear, Stop };
    Shape shape;
    double periodFraction;  ///< duration / P
    double from, to;        ///< s at its start and end
    double phaseFrom = 0, phaseTo = 0;
};

/// The pieces of one period, in order (their periodFraction sum to 1). Throws
/// std::invalid_argument unless 0 <= dwellFraction < 1.
std::vector<SwingSegment> swingPeriod(SwingWaveform waveform, double dwellFraction = 0.0);

/// s(t) at the fraction `phase` of a period (any real number; periodic).
double swingPosition(SwingWaveform waveform, double dwellFraction, double phase);

/// Nodes and weights of the time average over whole periods (see the header).
struct SwingQuadrature {
    std::vector<double> nodes;    ///< s_k in [-1, 1]
    std::vector<double> weights;  ///< w_k > 0 (sinusoidal: 1 each)
    double weightSum = 0.0;       ///< sum of the weights as added up here

    /// <f(u)> over the swing of amplitude A: sum_k f(A s_k) w_k / sum_k w_k.
    template <class F>
    double average(double amplitude, F&& f) const {
        double sum = 0.0;
        for (std::size_t k = 0; k < nodes.size(); ++k) sum += f(amplitude * nodes[k]) * weights[k];
        return sum / weightSum;
    }
};

/// `samples` >= 1 nodes (dwell with dwellFraction > 0: samples + 2). Throws
/// std::invalid_argument on samples < 1 or a dwell fraction outside [0, 1).
SwingQuadrature swingQuadrature(SwingWaveform waveform, double dwellFraction, int samples);

}  // namespace magtwin
