#include "twin/replay/ReactiveSupply.hpp"

#include "solvers/reactive/ReactiveProcess.hpp"
#include "twin/replay/ReplaySeries.hpp"

#include <algorithm>
#include <cmath>
#include <deque>
#include <map>

namespace magtwin {

namespace {

constexpr double kSccmPerSi = 60.0e6;  // standard m^3/s -> sccm
// An MFC reading at or below 1 sccm is its zero offset, not a flow: the DTU plugin's
// MFC_FLOW_THRESHOLD (sputter_log_reader.py); the DTU log's shut O2 MFC reads 0.12 sccm.
constexpr double kMfcOnSccm = 1.0;
constexpr std::size_t kBaselineRows = 60;  // valve-shut readings in the baseline (a minute at 1 Hz)

/// The gauge's least step: the most frequent non-zero change between consecutive readings
/// (to 2 significant digits). A quantised display jumps by its last digit most often; a
/// pump-down or vent ramp makes many different, rarely repeated changes.
double leastStep(const std::vector<double>& v) {
    std::map<double, std::pair<std::size_t, double>> bins;  // rounded change -> (count, sum of changes)
    for (std::size_t i = 1; i < v.size(); ++i) {
        const double d = std::abs(v[i] - v[i - 1]);
        if (!std::isfinite(d) || d == 0.0) continue;
        const double scale = std::pow(10.0, std::floor(std::log10(d)) - 1.0);
        auto& b = bins[std::round(d / scale) * scale];
        ++b.first;
        b.second += d;
    }
    double step = 0.0;
    std::size_t best = 0;
    for (const auto& [d, b] : bins)
        if (b.first > best) best = b.first, step = b.second / static_cast<double>(b.first);  // the bin's mean
    return step;
}

}  // namespace

ReactiveSupplySeries reactiveSupply(const LogFormat& format, const ReplaySeries& series) {
    ReactiveSupplySeries out;
    const std::size_t n = series.rows();
    for (const ReactiveGas& g : reactiveGases()) {
        const std::string key = "gas." + g.formula + ".flow";
        if (!series.has(key)) continue;
        std::vector<double>& f = out.sccm[g.formula];
        f.assign(n, 0.0);
        const std::vector<double>& c = series.column(key);
        for (std::size_t r = 0; r < n; ++r) {
            const double sccm = c[r] * kSccmPerSi;
            f[r] = std::isfinite(sccm) && sccm > kMfcOnSccm ? sccm : 0.0;
        }
    }
    for (const CrackerChannels& k : format.crackers) {
        const std::string p = "cracker." + k.name + ".";
        std::vector<double>& f = out.sccm[k.gas];
        if (f.empty()) f.assign(n, 0.0);
        std::vector<char>& open = out.crackerOpen[k.name];
        open.assign(n, 0);
        const std::vector<double>& valve = series.column(p + "valve");
        const std::vector<double>& gauge = series.column(p + "sulfur_pressure");
        const double step = leastStep(gauge);
        out.resolutionSccm[k.name] = k.sccmPerTorr * step / kPaPerTorr;
        std::deque<double> shutReadings;  // the last kBaselineRows valve-shut readings
        double shut = std::nan("");
        bool unknownNoted = false;
        for (std::size_t r = 0; r < n; ++r) {
            const bool enabled = series.at(p + "control.enabled", r, 1.0) > format.thresholds.switchOn;
            const bool isOpen = std::isfinite(valve[r]) && valve[r] > k.openAbove && enabled;
            open[r] = isOpen;
            if (!isOpen) {
                if (std::isfinite(gauge[r])) {
                    shutReadings.push_back(gauge[r]);
                    if (shutReadings.size() > kBaselineRows) shutReadings.pop_front();
                    std::vector<double> sorted(shutReadings.begin(), shutReadings.end());
                    std::nth_element(sorted.begin(), sorted.begin() + long(sorted.size() / 2), sorted.end());
                    shut = sorted[sorted.size() / 2];
                }
                continue;
            }
            if (!std::isfinite(shut) || !std::isfinite(gauge[r])) {
                if (!unknownNoted)
                    out.notes.push_back("cracker " + k.name +
                                        ": valve open with no earlier shut-valve reading of its pressure gauge; its "
                                        "flow counts as 0 until one");
                unknownNoted = true;
                continue;
            }
            // a rise of at most one least step of the gauge is its quantisation, not sulfur
            const double rise = gauge[r] - shut;
            if (rise > step * (1.0 + 1e-6)) f[r] += k.sccmPerTorr * rise / kPaPerTorr;
        }
    }
    return out;
}

}  // namespace magtwin
