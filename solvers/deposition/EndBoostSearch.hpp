// EndBoostSearch: the end-boost of the along-track flux profile (AlongTrackProfile: gain G,
// length l) that minimises the film non-uniformity U after power trims, within bounds.
//
// The objective U_trim(G, l) = min over trims of U (PowerTrimOptimizer) comes from the
// caller (one transport of the cathodes per evaluation). It is a min-max of smooth maps,
// so it is continuous but not smooth; along one variable it falls while the boost fills the
// along-track drop near the ends of the film and rises once the ends overshoot, i.e. it is
// unimodal over physically sensible bounds. Golden-section search (optimise/GoldenSection:
// Kiefer 1953; Press et al., Numerical Recipes 3rd ed. section 10.2) needs no derivatives and shrinks the bracket by
// 0.618 per evaluation; with both variables free it alternates the two line searches
// (cyclic coordinate descent) for `sweeps` rounds, the first over the bounds, the later ones
// over +-15 % of the bounds' range round the best point so far. Every evaluation is kept (trials) and the
// best one is returned, so the result is never worse than the starting point.
#pragma once

#include <functional>
#include <vector>

namespace magtwin {

struct EndBoostBounds {
    bool optimiseGain = false;
    double gainMin = 0.0, gainMax = 0.0;
    bool optimiseLength = false;
    double lengthMinM = 0.0, lengthMaxM = 0.0;
    int evaluationsPerSearch = 12;  ///< golden-section evaluations per line search
    int sweeps = 2;                 ///< rounds of the two line searches when both are free
};

struct EndBoostTrial {
    double gain = 0.0, lengthM = 0.0;
    double rangePct = 0.0;  ///< U after trims
};

struct EndBoostResult {
    EndBoostTrial best;
    EndBoostTrial start;                ///< the starting point (the tool file's gain and length)
    std::vector<EndBoostTrial> trials;  ///< every evaluation, in order
};

/// Minimises `rangePctAfterTrims(gain, length)` from (startGain, startLengthM) over the
/// bounds; a variable that is not optimised stays at its start. Throws
/// std::invalid_argument for empty or reversed bounds or nothing to optimise.
EndBoostResult searchEndBoost(const std::function<double(double, double)>& rangePctAfterTrims,
                              const EndBoostBounds& bounds, double startGain, double startLengthM);

}  // namespace magtwin
