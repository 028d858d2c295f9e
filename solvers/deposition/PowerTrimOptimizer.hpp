// PowerTrimOptimizer: per-cathode power multipliers ("trims") that minimise the
// thickness non-uniformity U = (max - min)/(max + min) over the quality area.
//
// Film thickness is linear in each cathode's power, t = sum_k w_k A_k (A_k: the map of
// cathode k at trim 1), and U is scale-free, so the problem is a min-max of a ratio of
// linear forms over a box. Solved in two steps: the least-squares flat film
// (min ||A w - mean||^2, clamped to the box) as a start, then cyclic coordinate
// descent with golden-section line searches on U itself (optimise/CoordinateDescent).
// Trims are finally scaled so their mean is 1 (total power unchanged) and kept within
// [minTrim, maxTrim].
#pragma once

#include <vector>

namespace magtwin {

struct TrimResult {
    std::vector<double> trims;
    double rangePctBefore = 0, rangePctAfter = 0;
};

/// `unitMaps[k]` is cathode k's thickness map at trim 1 (same points); `mask` selects the
/// points that count. Throws std::invalid_argument on size mismatch or an empty mask.
TrimResult optimisePowerTrims(const std::vector<std::vector<double>>& unitMaps, const std::vector<char>& mask,
                              double minTrim = 0.5, double maxTrim = 1.5, int sweeps = 8);

}  // namespace magtwin
