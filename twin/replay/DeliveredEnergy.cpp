#include "twin/replay/DeliveredEnergy.hpp"

#include "twin/logs/LoggingGaps.hpp"
#include "twin/replay/ReplaySeries.hpp"

namespace magtwin {

std::vector<char> energyBreaks(const ReplaySeries& series, double gapFactor) {
    const std::vector<double>& t = series.times();
    std::vector<char> breaks(t.size(), 0);
    const std::vector<std::size_t>& starts = series.fileStarts();
    for (std::size_t f = 0; f < starts.size(); ++f) {
        const std::size_t from = starts[f], to = f + 1 < starts.size() ? starts[f + 1] : t.size();
        if (from < to) breaks[from] = 1;
        std::vector<double> window;  // the reader's row filter starts afresh for every file
        for (std::size_t r = from + 1; r < to; ++r)
            breaks[r] = isLoggingGap(window, t[r] - t[r - 1], gapFactor) ? 1 : 0;
    }
    return breaks;
}

EnergySeries::EnergySeries(const LogFormat& format, const ReplaySeries& series)
    : times_(series.times()),
      breaks_(energyBreaks(series, format.thresholds.gapFactor)),
      power_(sourcePowers(format, series)) {
    const std::size_t n = times_.size();
    integratedS_.assign(n, 0.0);
    for (std::size_t r = 1; r < n; ++r)
        integratedS_[r] = integratedS_[r - 1] + (breaks_[r] ? 0.0 : times_[r] - times_[r - 1]);
    for (const auto& p : power_) {
        std::vector<double> e(n, 0.0);
        for (std::size_t r = 1; r < n; ++r)
            e[r] =
                e[r - 1] + (breaks_[r] ? 0.0 : segmentEnergyJ(p.powerW[r - 1], p.powerW[r], times_[r] - times_[r - 1]));
        energyJ_.push_back(std::move(e));
    }
}

WindowEnergy EnergySeries::segment(std::size_t k, std::size_t r) const {
    if (r == 0 || r >= times_.size()) return {};
    return {energyJ_[k][r] - energyJ_[k][r - 1], integratedS_[r] - integratedS_[r - 1]};
}

WindowEnergy EnergySeries::window(std::size_t k, std::size_t first, std::size_t last) const {
    WindowEnergy w = through(k, first, last);
    if (first > last || last >= times_.size()) return w;
    if (last + 1 < times_.size() && on(k, last) && !on(k, last + 1)) {
        const WindowEnergy trail = segment(k, last + 1);
        w.energyJ += trail.energyJ, w.durationS += trail.durationS;
    }
    return w;
}

WindowEnergy EnergySeries::through(std::size_t k, std::size_t first, std::size_t last) const {
    WindowEnergy w;
    if (first > last || last >= times_.size()) return w;
    w.energyJ = energyJ_[k][last] - energyJ_[k][first];
    w.durationS = integratedS_[last] - integratedS_[first];
    if (on(k, first)) {
        const WindowEnergy lead = segment(k, first);
        w.energyJ += lead.energyJ, w.durationS += lead.durationS;
    }
    return w;
}

std::size_t EnergySeries::sourceIndex(const std::string& cathode) const {
    for (std::size_t k = 0; k < power_.size(); ++k)
        if (power_[k].cathode == cathode) return k;
    return power_.size();
}

std::vector<PowerTablePoint> powerTable(const EnergySeries& energy, std::size_t k) {
    const std::vector<double>& t = energy.times();
    const std::vector<double>& p = energy.power()[k].powerW;
    std::vector<PowerTablePoint> out;
    for (std::size_t r = 0; r < t.size(); ++r) {
        const bool zeros = r > 0 && energy.breakBefore()[r] && t[r] - t[r - 1] > 4.0 * kPowerTableBreakS &&
                           (p[r - 1] != 0.0 || p[r] != 0.0);
        if (zeros) {
            out.push_back({t[r - 1] - t.front() + kPowerTableBreakS, 0.0});
            out.push_back({t[r] - t.front() - kPowerTableBreakS, 0.0});
        }
        out.push_back({t[r] - t.front(), p[r]});
    }
    return out;
}

}  // namespace magtwin
