#include "solvers/deposition/Uniformity.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {

std::vector<double> thicknessRateNmPerS(const std::vector<double>& flux, double n, double sticking) {
    if (!(n > 0)) throw std::invalid_argument("film atomic density must be > 0");
    if (!(sticking > 0 && sticking <= 1)) throw std::invalid_argument("sticking coefficient must be in (0, 1]");
    std::vector<double> out(flux.size());
    for (std::size_t k = 0; k < flux.size(); ++k) out[k] = flux[k] * sticking / n * 1e9;
    return out;
}

UniformityReport uniformity(const std::vector<double>& t, const std::vector<char>& mask, double targetPct) {
    if (t.size() != mask.size()) throw std::invalid_argument("uniformity: map and mask sizes differ");
    UniformityReport r;
    r.targetPct = targetPct;
    r.minNm = INFINITY;
    r.maxNm = -INFINITY;
    double sum = 0, sum2 = 0;
    for (std::size_t k = 0; k < t.size(); ++k) {
        if (!mask[k]) continue;
        ++r.points;
        r.minNm = std::min(r.minNm, t[k]);
        r.maxNm = std::max(r.maxNm, t[k]);
        sum += t[k];
    }
    if (r.points == 0) throw std::invalid_argument("uniformity: no points inside the edge exclusion");
    r.meanNm = sum / double(r.points);
    for (std::size_t k = 0; k < t.size(); ++k)
        if (mask[k]) sum2 += (t[k] - r.meanNm) * (t[k] - r.meanNm);
    const double sigma = std::sqrt(sum2 / double(r.points));
    r.rangePct = (r.maxNm + r.minNm) > 0 ? 100.0 * (r.maxNm - r.minNm) / (r.maxNm + r.minNm) : 0.0;
    r.sigmaPct = r.meanNm > 0 ? 100.0 * sigma / r.meanNm : 0.0;
    r.pass = r.rangePct <= targetPct;
    return r;
}

}  // namespace magtwin
