#include "postprocessing/reports/ReplayFolder.hpp"

#include "boundary/util/Json.hpp"
#include "boundary/util/UtcText.hpp"
#include "postprocessing/plot/LinePlot.hpp"
#include "postprocessing/reports/ReplayMaps.hpp"
#include "solvers/deposition/Uniformity.hpp"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <fstream>
#include <iomanip>
#include <map>
#include <sstream>

namespace magtwin {
namespace {

std::string sourceList(const ReplayStep& s) {
    std::string out;
    for (const auto& p : s.sources) out += (out.empty() ? "" : "+") + p.source;
    return out;
}

/// The last substrate's film (ReplayFilm): its interval, mean, min, max and U (range) over the
/// quality area, and the spec band mid (1 -+ spec) around the mid-range (max + min) / 2 with
/// the number of quality-area cells outside it (U <= spec exactly when none is); null when no
/// interval coated a substrate.
std::string thicknessMapJson(const ReplayResult& rr, double specPct) {
    const ReplayFilm& f = rr.lastFilm;
    if (f.thicknessNm.empty()) return "null";
    const UniformityReport u = uniformity(f.thicknessNm, rr.grid.inUniformityArea, specPct);
    const double mid = 0.5 * (u.maxNm + u.minNm);
    const double lo = mid * (1 - specPct / 100), hi = mid * (1 + specPct / 100);
    std::size_t outside = 0;
    for (std::size_t k = 0; k < f.thicknessNm.size(); ++k)
        if (rr.grid.inUniformityArea[k] && (f.thicknessNm[k] < lo || f.thicknessNm[k] > hi)) ++outside;
    std::ostringstream o;
    o << "{\"start\":" << jsonString(isoUtcText(f.start)) << ",\"end\":" << jsonString(isoUtcText(f.end))
      << ",\"start_s\":" << jsonNumber(f.start) << ",\"end_s\":" << jsonNumber(f.end)
      << ",\"intervals\":" << f.intervals << ",\"label\":" << jsonString(f.label)
      << ",\"substrate_id\":" << jsonString(f.substrateId) << ",\"nx\":" << rr.grid.grid.nu
      << ",\"ny\":" << rr.grid.grid.nv << ",\"cells\":" << u.points << ",\"mean_nm\":" << jsonNumber(u.meanNm)
      << ",\"min_nm\":" << jsonNumber(u.minNm) << ",\"max_nm\":" << jsonNumber(u.maxNm)
      << ",\"uniformity_pct\":" << jsonNumber(u.rangePct) << ",\"band_low_nm\":" << jsonNumber(lo)
      << ",\"band_high_nm\":" << jsonNumber(hi) << ",\"cells_outside_band\":" << outside << "}";
    return o.str();
}

/// Per target its erosion at the last interval it deposited in: life, removed and new volume,
/// utilization = removed / new target volume (as `erode` defines it).
std::string erosionJson(const ReplayResult& rr) {
    std::map<std::pair<std::string, std::string>, const StepSourcePrediction*> last;
    for (const auto& s : rr.steps)
        for (const auto& p : s.sources) {
            const auto*& e = last[{p.source, p.targetId}];
            if (!e || p.lifeKWh >= e->lifeKWh) e = &p;
        }
    std::ostringstream o;
    o << "[";
    bool first = true;
    for (const auto& [key, p] : last) {
        const double v = p->targetVolumeM3 > 0 ? p->targetVolumeM3 : std::nan("");
        o << (first ? "" : ",") << "{\"source\":" << jsonString(key.first)
          << ",\"target_id\":" << jsonString(key.second) << ",\"life_kWh\":" << jsonNumber(p->lifeKWh)
          << ",\"eroded_volume_m3\":" << jsonNumber(p->erodedVolumeM3) << ",\"target_volume_m3\":" << jsonNumber(v)
          << ",\"utilization\":" << jsonNumber(p->erodedVolumeM3 / v) << "}";
        first = false;
    }
    return o.str() + "]";
}

}  // namespace

std::string replayReportJson(const ReplayReport& r) {
    std::ostringstream o;
    o << "{\"sources\":[";
    for (std::size_t i = 0; i < r.counters.size(); ++i) {
        const auto& c = r.counters[i];
        o << (i ? "," : "") << "{\"source\":" << jsonString(c.source) << ",\"target_id\":" << jsonString(c.targetId)
          << ",\"material\":" << jsonString(c.material) << ",\"energy_kWh\":" << jsonNumber(c.energyKWh)
          << ",\"counter_delta_kWh\":" << jsonNumber(c.counterDeltaKWh)
          << ",\"counter_error_pct\":" << jsonNumber(c.errorPct) << ",\"flagged\":" << (c.flagged ? "true" : "false")
          << ",\"likely_cause\":" << jsonString(c.cause) << ",\"checked_share\":" << jsonNumber(c.checkedShare)
          << ",\"gaps_while_on\":" << c.gapsWhileOn << ",\"gap_s\":" << jsonNumber(c.gapS)
          << ",\"gap_counter_kWh\":" << jsonNumber(c.gapCounterKWh)
          << ",\"gap_bound_kWh\":" << jsonNumber(c.gapBoundKWh) << "}";
    }
    // the energy series' total per log source (DeliveredEnergy.hpp): the sync's energy, summed over targets
    o << "],\"source_energy\":[";
    for (std::size_t k = 0; k < r.replay.power.size(); ++k)
        o << (k ? "," : "") << "{\"source\":" << jsonString(r.replay.power[k].cathode)
          << ",\"energy_kWh\":" << jsonNumber(r.replay.energyKWh[k].empty() ? 0.0 : r.replay.energyKWh[k].back())
          << "}";
    o << "],\"steps\":[";
    for (std::size_t i = 0; i < r.replay.steps.size(); ++i) {
        const auto& s = r.replay.steps[i];
        o << (i ? "," : "") << "{\"start\":" << jsonString(isoUtcText(s.start))
          << ",\"end\":" << jsonString(isoUtcText(s.end)) << ",\"label\":" << jsonString(s.label)
          << ",\"substrate_shutter_open\":" << (s.substrateShutterOpen ? "true" : "false")
          << ",\"monitor_shutter_open\":" << (s.monitorShutterOpen ? "true" : "false") << ",\"sources\":[";
        for (std::size_t k = 0; k < s.sources.size(); ++k) {
            const auto& p = s.sources[k];
            o << (k ? "," : "") << "{\"source\":" << jsonString(p.source) << ",\"target_id\":" << jsonString(p.targetId)
              << ",\"material\":" << jsonString(p.material) << ",\"power_W\":" << jsonNumber(p.meanPowerW)
              << ",\"voltage_V\":" << jsonNumber(p.meanVoltageV) << ",\"energy_kWh\":" << jsonNumber(p.energyJ / 3.6e6)
              << ",\"life_kWh\":" << jsonNumber(p.lifeKWh) << ",\"rf\":" << (p.rf ? "true" : "false")
              << ",\"ion_energy_eV\":" << jsonNumber(p.ionEnergyEv) << ",\"ions_per_s\":" << jsonNumber(p.ionsPerSecond)
              << ",\"eroded_depth_mm\":" << jsonNumber(p.erodedDepthM * 1e3)
              << ",\"compound_fraction\":" << jsonNumber(p.thetaTarget)
              << ",\"reactive_rate_factor\":" << jsonNumber(p.rateFactor) << "}";
        }
        o << "],\"deposited_material\":" << jsonString(s.depositedMaterial)
          << ",\"monitor_material\":" << jsonString(s.monitorMaterial)
          << ",\"measured_displayed_A_s\":" << jsonNumber(s.measuredDisplayedAS)
          << ",\"predicted_rate_A_s\":" << jsonNumber(s.predictedAS)
          << ",\"predicted_calibrated_rate_A_s\":" << jsonNumber(s.predictedCalibratedAS)
          << ",\"measured_rate_A_s\":" << jsonNumber(s.measuredAS)
          << ",\"uniformity_pct\":" << jsonNumber(s.uniformityPct)
          << ",\"substrate_mean_rate_A_s\":" << jsonNumber(s.mapMeanAS) << "}";
    }
    o << "],\"qcm\":{\"median_ratio_before\":" << jsonNumber(r.before.median)
      << ",\"spread_before\":" << jsonNumber(r.before.spread)
      << ",\"median_ratio_after\":" << jsonNumber(r.after.median) << ",\"spread_after\":" << jsonNumber(r.after.spread)
      << ",\"steps\":" << r.before.steps << ",\"median_ratio_unconverted\":" << jsonNumber(r.unconverted.median)
      << ",\"calibration\":" << jsonString(r.calibration)
      << ",\"ratio\":\"measured / predicted monitor rate; measured converted to the deposited film's density\"}";
    o << ",\"findings\":[";
    for (std::size_t i = 0; i < r.findings.size(); ++i) {
        const auto& f = r.findings[i];
        o << (i ? "," : "") << "{\"kind\":" << jsonString(f.kind) << ",\"target_id\":" << jsonString(f.targetId)
          << ",\"message\":" << jsonString(f.message)
          << ",\"time\":" << (f.time > 0 ? jsonString(isoUtcText(f.time)) : "null")
          << ",\"size\":" << jsonNumber(f.size) << "}";
    }
    // the life table and its exact check (ReplayLifeTable.hpp): max |U_table - U_exact| in pp
    std::size_t checked = 0;
    double maxDu = 0.0;
    for (const auto& st : r.replay.steps)
        if (std::isfinite(st.uniformityExactPct))
            ++checked, maxDu = std::max(maxDu, std::abs(st.uniformityPct - st.uniformityExactPct));
    o << "],\"thickness_map\":" << thicknessMapJson(r.replay, r.specPct) << ",\"erosion\":" << erosionJson(r.replay);
    o << ",\"maps\":{\"pitch_mm\":" << jsonNumber(r.replay.grid.dx * 1e3)
      << ",\"life_step_kWh\":" << jsonNumber(r.replay.lifeStepKWh)
      << ",\"life_points_computed\":" << r.replay.lifeTablePoints << ",\"exact_checks\":" << checked
      << ",\"max_abs_du_pp\":" << (checked ? jsonNumber(maxDu) : "null")
      << ",\"exact_check_seconds\":" << jsonNumber(r.replay.exactCheckSeconds)
      << "},\"uniformity_spec_pct\":" << jsonNumber(r.specPct) << ",\"replay_seconds\":" << jsonNumber(r.seconds)
      << "}\n";
    return o.str();
}

namespace {

/// A time series for a PNG of at most ~2 x `buckets` points: per bucket of rows its first,
/// minimum and maximum rows in time order (a 1-row arc or a gap stays visible; a tube life's
/// 100 000 rows x 14 series would cost gnuplot minutes).
PlotSeries envelope(const std::string& label, const std::vector<double>& x, const std::vector<double>& y,
                    std::size_t buckets = 2000) {
    PlotSeries out{label, {}, {}, PlotSeries::Style::Line};
    const std::size_t n = std::min(x.size(), y.size());
    if (n <= 3 * buckets) {
        out.x.assign(x.begin(), x.begin() + long(n));
        out.y.assign(y.begin(), y.begin() + long(n));
        return out;
    }
    const std::size_t per = (n + buckets - 1) / buckets;
    for (std::size_t b = 0; b < n; b += per) {
        const std::size_t e = std::min(n, b + per);
        std::size_t lo = e, hi = e;  // finite rows only (an unmapped reading is NaN)
        for (std::size_t i = b; i < e; ++i) {
            if (!std::isfinite(y[i])) continue;
            if (lo == e || y[i] < y[lo]) lo = i;
            if (hi == e || y[i] > y[hi]) hi = i;
        }
        if (lo == e) continue;
        for (std::size_t i : {std::min(lo, hi), std::max(lo, hi)}) out.x.push_back(x[i]), out.y.push_back(y[i]);
    }
    return out;
}

}  // namespace

void writeReplayOutputs(const ReplayReport& r, const std::filesystem::path& dir) {
    std::ofstream(dir / "report.json") << replayReportJson(r);
    writeReplayMaps(r.replay, dir);
    {
        std::ofstream csv(dir / "steps.csv");
        csv << "start,end,label,substrate_shutter_open,sources,deposited_material,monitor_material,measured_displayed_"
               "A_s,measured_rate_A_s,"
               "predicted_rate_A_s,predicted_calibrated_rate_A_s,uniformity_pct,life_kWh,uniformity_exact_pct\n";
        for (const auto& s : r.replay.steps)
            csv << isoUtcText(s.start) << "," << isoUtcText(s.end) << "," << s.label << ","
                << (s.substrateShutterOpen ? 1 : 0) << "," << sourceList(s) << "," << s.depositedMaterial << ","
                << s.monitorMaterial << "," << jsonNumber(s.measuredDisplayedAS) << "," << jsonNumber(s.measuredAS)
                << "," << jsonNumber(s.predictedAS) << "," << jsonNumber(s.predictedCalibratedAS) << ","
                << jsonNumber(s.uniformityPct) << "," << jsonNumber(stepLifeKWh(s)) << ","
                << jsonNumber(s.uniformityExactPct) << "\n";
    }
    const ReplayResult& rr = r.replay;
    if (rr.times.empty()) return;
    const double t0 = rr.times.front();
    std::vector<double> minutes(rr.times.size());
    for (std::size_t i = 0; i < minutes.size(); ++i) minutes[i] = (rr.times[i] - t0) / 60.0;
    std::vector<PlotSeries> power, energy;
    for (std::size_t k = 0; k < rr.power.size(); ++k) {
        power.push_back(envelope(rr.power[k].cathode, minutes, rr.power[k].powerW));
        energy.push_back(envelope(rr.power[k].cathode, minutes, rr.energyKWh[k]));
    }
    renderLinePlot({"delivered power per source", "time since the first sample (min)", "power (W)"}, power,
                   (dir / "power.png").string());
    renderLinePlot({"energy per source (twin's integral)", "time since the first sample (min)", "energy (kWh)"}, energy,
                   (dir / "energy.png").string());
    PlotSeries measured{"measured (converted to the deposited film)", {}, {}, PlotSeries::Style::Points};
    PlotSeries predicted{"predicted (uncalibrated)", {}, {}, PlotSeries::Style::Points};
    PlotSeries calibrated{"predicted (calibrated)", {}, {}, PlotSeries::Style::Points};
    PlotSeries uni{"uniformity (range)", {}, {}, PlotSeries::Style::LinePoints};
    PlotSeries exact{"exact per-step check", {}, {}, PlotSeries::Style::Points};
    double lifeMax = 0.0;
    for (const auto& s : rr.steps) {
        const double mid = (0.5 * (s.start + s.end) - t0) / 60.0;
        if (std::isfinite(s.measuredAS)) measured.x.push_back(mid), measured.y.push_back(s.measuredAS);
        if (std::isfinite(s.predictedAS)) predicted.x.push_back(mid), predicted.y.push_back(s.predictedAS);
        if (std::isfinite(s.predictedCalibratedAS))
            calibrated.x.push_back(mid), calibrated.y.push_back(s.predictedCalibratedAS);
        const double life = stepLifeKWh(s);
        if (std::isfinite(s.uniformityPct)) uni.x.push_back(life), uni.y.push_back(s.uniformityPct);
        if (std::isfinite(s.uniformityExactPct)) exact.x.push_back(life), exact.y.push_back(s.uniformityExactPct);
        lifeMax = std::max(lifeMax, life);
    }
    std::vector<PlotSeries> rate{measured, predicted};
    if (!calibrated.x.empty()) rate.push_back(calibrated);
    rate.push_back(envelope("monitor display (as logged)", minutes, rr.monitorDisplayedAS));
    renderLinePlot({"monitor rate per step", "time since the first sample (min)", "rate (A/s)"}, rate,
                   (dir / "monitor_rate.png").string());
    if (!uni.x.empty()) {
        PlotSeries spec{"spec", {0.0, std::max(lifeMax, 1e-6)}, {r.specPct, r.specPct}, PlotSeries::Style::Line};
        std::vector<PlotSeries> u{uni, spec};
        if (!exact.x.empty()) u.push_back(exact);
        // y from (almost) 0 so the spec line and the curve are both inside (yMin 0 = automatic)
        PlotAxes axes{"film uniformity over target life", "target life (kWh)", "uniformity (%)"};
        axes.yMin = 1e-9;
        axes.yMax = 1.15 * std::max(r.specPct, *std::max_element(uni.y.begin(), uni.y.end()));
        renderLinePlot(axes, u, (dir / "uniformity.png").string());
    }
}

}  // namespace magtwin
