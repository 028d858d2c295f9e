#include "twin/replay/ReactiveSupply.hpp"

#include "solvers/reactive/ReactiveProcess.hpp"
#include "twin/replay/ReplaySeries.hpp"

#include <algorithm>
#include <cmath>

namespace magtwin {

namespace {

constexpr double kSccmPerSi = 60.0e6;  // standard m^3/s -> sccm

double smallestStep(const std::vector<double>& v) {
    std::vector<double> s;
    for (double x : v)
        if (std::isfinite(x)) s.push_back(x);
    std::sort(s.begin(), s.end());
    double step = 0.0;
    for (std::size_t i = 1; i < s.size(); ++i) {
        const double d = s[i] - s[i - 1];
        if (d > 1e-9 * std::max(1e-12, std::abs(s[i])) && (step == 0.0 || d < step)) step = d;
    }
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
        for (std::size_t r = 0; r < n; ++r) f[r] = std::isfinite(c[r]) ? std::max(0.0, c[r] * kSccmPerSi) : 0.0;
    }
    for (const CrackerChannels& k : format.crackers) {
        const std::string p = "cracker." + k.name + ".";
        std::vector<double>& f = out.sccm[k.gas];
        if (f.empty()) f.assign(n, 0.0);
        std::vector<char>& open = out.crackerOpen[k.name];
        open.assign(n, 0);
        const std::vector<double>& valve = series.column(p + "valve");
        const std::vector<double>& gauge = series.column(p + "sulfur_pressure");
        out.resolutionSccm[k.name] = k.sccmPerTorr * smallestStep(gauge) / kPaPerTorr;
        double shut = std::nan("");
        bool unknownNoted = false;
        for (std::size_t r = 0; r < n; ++r) {
            const bool enabled = series.at(p + "control.enabled", r, 1.0) > format.thresholds.switchOn;
            const bool isOpen = std::isfinite(valve[r]) && valve[r] > k.openAbove && enabled;
            open[r] = isOpen;
            if (!isOpen) {
                if (std::isfinite(gauge[r])) shut = gauge[r];
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
            f[r] += k.sccmPerTorr * std::max(0.0, gauge[r] - shut) / kPaPerTorr;
        }
    }
    return out;
}

}  // namespace magtwin
