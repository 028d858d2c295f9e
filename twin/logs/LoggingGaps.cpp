#include "twin/logs/LoggingGaps.hpp"

#include <algorithm>
#include <array>

namespace magtwin {

bool isLoggingGap(std::vector<double>& w, double dt, double gapFactor) {
    bool gap = false;
    // Only an interval above factor x the window's minimum can exceed factor x its median.
    if (w.size() >= 3 && dt > gapFactor * *std::min_element(w.begin(), w.end())) {
        std::array<double, kGapWindow> sorted;
        std::copy(w.begin(), w.end(), sorted.begin());
        const auto end = sorted.begin() + static_cast<std::ptrdiff_t>(w.size());
        std::nth_element(sorted.begin(), sorted.begin() + static_cast<std::ptrdiff_t>(w.size() / 2), end);
        gap = dt > gapFactor * sorted[w.size() / 2];
    }
    if (!gap) {
        w.push_back(dt);
        if (w.size() > kGapWindow) w.erase(w.begin());
    }
    return gap;
}

}  // namespace magtwin
