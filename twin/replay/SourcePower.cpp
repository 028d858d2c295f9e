#include "replay/SourcePower.hpp"

#include <cmath>

namespace magtwin {
namespace {

double channel(const LogFormat& f, const ReplaySeries& s, int index, std::size_t row, double fallback) {
    if (index < 0) return fallback;
    return s.at(f.numeric[static_cast<std::size_t>(index)].key, row, fallback);
}

}  // namespace

std::vector<SourcePowerSeries> sourcePowers(const LogFormat& f, const ReplaySeries& s) {
    const std::size_t rows = s.rows(), nSup = f.supplies.size();
    const StepThresholds& th = f.thresholds;
    std::vector<SourcePowerSeries> out(f.sources.size());
    for (std::size_t c = 0; c < f.sources.size(); ++c) {
        out[c].cathode = f.sources[c].cathode;
        out[c].powerW.assign(rows, 0.0);
        out[c].voltageV.assign(rows, std::nan(""));
        out[c].supply.assign(rows, -1);
    }
    std::vector<double> supplyPower(nSup), supplyVoltage(nSup);
    std::vector<int> feedCount(nSup);
    std::vector<std::vector<int>> fedBy(f.sources.size());
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t k = 0; k < nSup; ++k) {
            const SupplyChannels& sc = f.supplies[k];
            double p = 0.0, v = std::nan("");
            if (sc.kind == SupplyKind::Rf) {
                p = channel(f, s, sc.forwardPower, r, 0.0) - channel(f, s, sc.reflectedPower, r, 0.0);
                v = s.at("supply." + sc.name + ".dc_bias", r, std::nan(""));
            } else {
                v = channel(f, s, sc.voltage, r, std::nan(""));
                p = sc.power >= 0 ? channel(f, s, sc.power, r, 0.0) : v * channel(f, s, sc.current, r, 0.0);
            }
            const bool enabled = sc.enabled < 0 || channel(f, s, sc.enabled, r, 0.0) > th.switchOn;
            supplyPower[k] = enabled && p > th.sourceOnPowerW ? p : 0.0;
            supplyVoltage[k] = std::fabs(v);
            feedCount[k] = 0;
        }
        for (std::size_t c = 0; c < f.sources.size(); ++c) {
            fedBy[c].clear();
            const SourceChannels& src = f.sources[c];
            if (src.switches.empty()) {
                if (src.hardWiredSupply >= 0) fedBy[c].push_back(src.hardWiredSupply);
            } else {
                for (const auto& sw : src.switches)
                    if (channel(f, s, sw.channel, r, 0.0) > th.switchOn) fedBy[c].push_back(sw.supply);
            }
            for (int k : fedBy[c]) ++feedCount[static_cast<std::size_t>(k)];
        }
        for (std::size_t c = 0; c < f.sources.size(); ++c) {
            for (int k : fedBy[c]) {
                const auto ku = static_cast<std::size_t>(k);
                if (feedCount[ku] != 1 || supplyPower[ku] <= 0.0) continue;  // ambiguous switch or off
                out[c].powerW[r] += supplyPower[ku];
                out[c].voltageV[r] = supplyVoltage[ku];
                out[c].supply[r] = k;
            }
        }
    }
    return out;
}

}  // namespace magtwin
