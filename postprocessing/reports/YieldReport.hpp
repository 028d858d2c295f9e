// YieldOutputs: how `magtwin yield` writes what boundary/yield/YieldSweep computes: the
// sweep CSV, the yield-vs-energy plot (log axes, measured points beside the curves) and the
// validation table (printed, and as CSV). Files are written atomically (io/AtomicFile).
#pragma once

#include "boundary/yield/YieldSweep.hpp"

#include <string>
#include <vector>

namespace magtwin {

/// `# magtwin yield: ION -> TARGET, angle A deg`, then energy_eV and one yield_<model> column per curve.
void writeYieldSweepCsv(const std::string& path, const std::string& ion, const std::string& target, double angleDeg,
                        const std::vector<double>& energiesEv, const std::vector<YieldCurve>& curves);

/// The curves (points with yield > 0) and the measured points (if any) on log axes, four
/// decades below the highest yield; prints "plot written: PATH".
void plotYieldSweep(const std::string& path, const std::string& title, const std::vector<YieldCurve>& curves,
                    const std::vector<MeasuredYield>& measured);

/// The table per projectile and model and the breakdown per target on stdout; the table
/// as CSV at `csvPath`.
void printYieldValidation(const YieldValidationTable& t, const std::string& csvPath);

}  // namespace magtwin
