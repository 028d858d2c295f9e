// LifeSweep: film uniformity over target life. At N life points from FROM to TO kWh the
// map is computed twice: with the recipe fixed (power trims frozen at their new-target
// values: what the line does if nobody touches it) and with the trims re-optimised at each
// point (what a process engineer could reach). The erosion state is advanced from point
// to point (TargetErosionState), so the targets erode once over the whole sweep.
// The fixed recipe leaves the spec where U_fixed first exceeds it: the crossing is the
// linear interpolation of U_fixed (kWh) between the last point inside and the first point
// outside the spec.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace magtwin {

struct LifeSweepRange {
    double fromKWh = 0, toKWh = 0;
    int points = 1;
};

/// Parses "FROM:TO:N" (kWh, 0 <= FROM <= TO, N >= 1 integer; N = 1 needs FROM = TO or
/// takes FROM). Throws std::invalid_argument with a message that names --life-sweep.
LifeSweepRange parseLifeSweep(const std::string& text);

/// The N life points, evenly spaced from FROM to TO (FROM alone for N = 1).
std::vector<double> lifePoints(const LifeSweepRange& r);

/// First kWh at which U (percent, at the life points `kWh`, ascending) exceeds `specPct`,
/// interpolated linearly between the neighbouring points; the first point if it is already
/// outside; nullopt if U stays within the spec at every point.
std::optional<double> firstSpecCrossingKWh(const std::vector<double>& kWh, const std::vector<double>& uPct,
                                           double specPct);

}  // namespace magtwin
