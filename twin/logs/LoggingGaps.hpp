// LoggingGaps: the one rule that says where a log has a gap (LogIssues.hpp, kind "gap"). An
// interval between two accepted rows is a gap when it is longer than gapFactor x the median
// of the window's last kGapWindow regular intervals (the rule needs at least 3 of them); a
// gap's own interval does not enter the window. The reader (LogReader) applies it while it
// reads; the energy series (twin/replay/DeliveredEnergy.hpp) applies it again to the stored
// rows of each file, which are the accepted rows with bit-exact times (SampleBlockCodec.hpp),
// so both find the same gaps.
#pragma once

#include <cstddef>
#include <vector>

namespace magtwin {

constexpr std::size_t kGapWindow = 15;

/// True when `dtS` (the interval since the previous accepted row) is a gap; otherwise `dtS`
/// enters `recentIntervals` (oldest first, at most kGapWindow).
bool isLoggingGap(std::vector<double>& recentIntervals, double dtS, double gapFactor);

}  // namespace magtwin
