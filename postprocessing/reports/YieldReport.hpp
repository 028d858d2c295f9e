// YieldOutputs: how `magtwin yield` writes what boundary/yield/YieldSweep computes: the
// sweep CSV, the yield-vs-energy plot (log axes, measured points beside the curves) and the
// validation table (printed, and as CSV). Files are written atomically (io/AtomicFile).
#pragma once

#include "boundary/yield/YieldSweep.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace magtwin {

/// `# magtwin yield: ION -> TARGET, angle A deg`, then energy_eV and one yield_<model> column per
/// curve, followed for a compound by its partial yields yield_<model>_<El>.
void writeYieldSweepCsv(const std::string& path, const std::string& ion, const std::string& target, double angleDeg,
                        const std::vector<double>& energiesEv, const std::vector<YieldCurve>& curves);

/// The curves (points with yield > 0; a compound's partial yields as "<model> <El>") and the
/// measured points (if any) on log axes, four
/// decades below the highest yield; prints "plot written: PATH".
void plotYieldSweep(const std::string& path, const std::string& title, const std::vector<YieldCurve>& curves,
                    const std::vector<MeasuredYield>& measured);

/// A compound or alloy target's yields (curves with species, yieldSweep(ion, Material ...)) on
/// stdout: per model the total and per-species yields at each energy and the steady-state
/// surface composition, as text or (json) one JSON object per model and energy with a
/// "components" array.
void printCompoundYields(std::ostream& out, const std::string& ion, const Material& target, double angleDeg,
                         const std::vector<YieldCurve>& curves, bool json);

/// The table per projectile and model and the breakdown per target on stdout; the table
/// as CSV at `csvPath`.
void printYieldValidation(const YieldValidationTable& t, const std::string& csvPath);

}  // namespace magtwin
