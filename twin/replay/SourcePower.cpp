#include "twin/replay/SourcePower.hpp"

#include "twin/replay/ReplaySeries.hpp"

#include <cmath>

namespace magtwin {
namespace {

double valueOr(const double* row, int channel, double fallback) {
    if (channel < 0) return fallback;
    const double v = row[channel];
    return std::isnan(v) ? fallback : v;
}

}  // namespace

SourcePowerRules::SourcePowerRules(const LogFormat& f) : format_(f) {
    for (const auto& sc : f.supplies) {
        int bias = -1;
        for (std::size_t i = 0; i < f.numeric.size(); ++i)
            if (f.numeric[i].key == "supply." + sc.name + ".dc_bias") bias = static_cast<int>(i);
        dcBias_.push_back(sc.kind == SupplyKind::Rf ? bias : -1);
    }
    for (const auto& src : f.sources) {
        std::vector<int> list;
        if (src.switches.empty() && src.hardWiredSupply >= 0) list.push_back(src.hardWiredSupply);
        for (const auto& sw : src.switches) list.push_back(sw.supply);
        feeds_.push_back(std::move(list));
    }
}

void SourcePowerRules::apply(const double* row, RowPower& out) const {
    const StepThresholds& th = format_.thresholds;
    const std::size_t nSup = format_.supplies.size(), nSrc = format_.sources.size();
    out.supplyW.resize(nSup);
    out.supplyOn.resize(nSup);
    out.sourceW.assign(nSrc, 0.0);
    out.sourceV.assign(nSrc, std::nan(""));
    out.sourceSupply.assign(nSrc, -1);
    out.feeding.resize(nSrc);
    out.ambiguous.resize(nSrc);
    out.supplyV.resize(nSup);
    feedCount_.assign(nSup, 0);
    for (std::size_t k = 0; k < nSup; ++k) {
        const SupplyChannels& sc = format_.supplies[k];
        double p = 0.0, v = std::nan("");
        if (sc.kind == SupplyKind::Rf) {
            p = valueOr(row, sc.forwardPower, 0.0) - valueOr(row, sc.reflectedPower, 0.0);
            v = valueOr(row, dcBias_[k], std::nan(""));
        } else {
            v = valueOr(row, sc.voltage, std::nan(""));
            p = sc.power >= 0 ? valueOr(row, sc.power, 0.0)
                              : valueOr(row, sc.voltage, 0.0) * valueOr(row, sc.current, 0.0);
        }
        const bool enabled = sc.enabled < 0 || valueOr(row, sc.enabled, 0.0) > th.switchOn;
        out.supplyW[k] = p;
        out.supplyOn[k] = enabled && p > th.sourceOnPowerW;
        out.supplyV[k] = std::fabs(v);
    }
    // which supplies each source is switched to in this row (a hard-wired supply always)
    auto fed = [&](std::size_t c, std::size_t i) {
        const SourceChannels& src = format_.sources[c];
        return src.switches.empty() || valueOr(row, src.switches[i].channel, 0.0) > th.switchOn;
    };
    for (std::size_t c = 0; c < nSrc; ++c)
        for (std::size_t i = 0; i < feeds_[c].size(); ++i)
            if (fed(c, i)) ++feedCount_[static_cast<std::size_t>(feeds_[c][i])];
    for (std::size_t c = 0; c < nSrc; ++c) {
        out.feeding[c].clear();
        out.ambiguous[c].clear();
        for (std::size_t i = 0; i < feeds_[c].size(); ++i) {
            if (!fed(c, i)) continue;
            const int k = feeds_[c][i];
            const auto ku = static_cast<std::size_t>(k);
            if (feedCount_[ku] > 1) {
                out.ambiguous[c].push_back(k);
                continue;
            }
            if (!out.supplyOn[ku]) continue;
            out.feeding[c].push_back(k);
            out.sourceW[c] += out.supplyW[ku];
            out.sourceV[c] = out.supplyV[ku];
            out.sourceSupply[c] = k;
        }
    }
}

std::vector<SourcePowerSeries> sourcePowers(const LogFormat& f, const ReplaySeries& s) {
    const std::size_t rows = s.rows();
    std::vector<SourcePowerSeries> out(f.sources.size());
    for (std::size_t c = 0; c < f.sources.size(); ++c) {
        out[c].cathode = f.sources[c].cathode;
        out[c].powerW.resize(rows);
        out[c].voltageV.resize(rows);
        out[c].supply.resize(rows);
    }
    // the row's channels in LogFormat::numeric order, as the reader hands them to the detector
    std::vector<const std::vector<double>*> columns;
    for (const auto& ch : f.numeric) columns.push_back(s.has(ch.key) ? &s.column(ch.key) : nullptr);
    std::vector<double> row(f.numeric.size());
    const SourcePowerRules rules(f);
    RowPower p;
    for (std::size_t r = 0; r < rows; ++r) {
        for (std::size_t i = 0; i < columns.size(); ++i) row[i] = columns[i] ? (*columns[i])[r] : std::nan("");
        rules.apply(row.data(), p);
        for (std::size_t c = 0; c < out.size(); ++c) {
            out[c].powerW[r] = p.sourceW[c];
            out[c].voltageV[r] = p.sourceV[c];
            out[c].supply[r] = p.sourceSupply[c];
        }
    }
    return out;
}

}  // namespace magtwin
