#include "twin/replay/ReplayReport.hpp"

#include "boundary/util/TextNumber.hpp"

#include "twin/calibration/DriftCheck.hpp"
#include "twin/replay/DeliveredEnergy.hpp"
#include "twin/replay/ReplaySeries.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <iomanip>
#include <map>
#include <sstream>

namespace magtwin {
namespace {

double percentile(std::vector<double> v, double q) {
    std::sort(v.begin(), v.end());
    const double pos = q * static_cast<double>(v.size() - 1);
    const auto lo = static_cast<std::size_t>(std::floor(pos));
    const std::size_t hi = std::min(lo + 1, v.size() - 1);
    return v[lo] + (pos - static_cast<double>(lo)) * (v[hi] - v[lo]);
}

}  // namespace

RatioStats ratioStats(const std::vector<double>& measured, const std::vector<double>& predicted) {
    std::vector<double> r;
    for (std::size_t i = 0; i < measured.size(); ++i)
        if (std::isfinite(measured[i]) && std::isfinite(predicted[i]) && predicted[i] > 0.0 && measured[i] > 0.0)
            r.push_back(measured[i] / predicted[i]);
    RatioStats s;
    s.steps = r.size();
    if (r.empty()) return {0, std::nan(""), std::nan("")};
    s.median = percentile(r, 0.5);
    s.spread = (percentile(r, 0.84) - percentile(r, 0.16)) / (2.0 * s.median);
    return s;
}

void applyCalibration(ReplaySetup& setup, const std::vector<CalibrationRecord>& calibrations) {
    if (calibrations.empty()) return;
    for (const auto& p : calibrations.back().parameters) setup.rateScale[p.source + "|" + p.targetId] = p.scale;
    setup.gas.sigmaEffM2 = calibrations.back().gas.sigmaEffM2;  // 0: vacuum
}

ReplayReport reportReplay(TwinStore& store, std::int64_t toolId, const ReplaySetup& setup, ReplayResult replay,
                          const std::vector<CalibrationRecord>& calibrations, const ReplayReportSettings& s) {
    ReplayReport report;
    report.specPct = setup.uniformitySpecPct;
    report.replay = std::move(replay);
    const ReplaySeries series(store, toolId);
    report.counters = auditCounters(store.targets(toolId), setup.format, series, EnergySeries(setup.format, series),
                                    s.counterTolerancePct);
    for (const auto& c : report.counters)
        if (c.flagged)
            report.findings.push_back({"counter", c.targetId,
                                       c.source + " target " + c.targetId + ": usage counter +" +
                                           textNumber(c.counterDeltaKWh, 10) + " kWh vs twin energy " +
                                           textNumber(c.energyKWh, 10) + " kWh (" + textNumber(c.errorPct, 10) + " %)" +
                                           (c.cause.empty() ? "" : ": " + c.cause),
                                       0.0, c.errorPct});
    for (auto& f : counterGapFindings(report.counters)) report.findings.push_back(f);
    for (auto& f : shutterJumps(series, report.replay.power, "sensor." + setup.monitor.name + ".rate"))
        report.findings.push_back(f);
    if (!calibrations.empty()) {
        DriftSettings drift;
        drift.tolerancePct = s.driftTolerancePct;
        drift.minDurationS = s.minStepS;
        drift.calibratedShutterOpen =
            calibrations.back().summary.find("\"fit_substrate_shutter_open\":true") != std::string::npos;
        for (auto& f : driftFindings(report.replay.steps, calibrations.back().parameters, drift))
            report.findings.push_back(f);
    }
    addMonitorMaterialFindings(report);
    addToolingFinding(report);
    // reactive targets: each mode change (ReactiveTargetState.hpp), size = theta_t there
    for (const auto& t : report.replay.reactive.transitions)
        report.findings.push_back({"reactive-mode", t.targetId,
                                   transitionText(t, setup.format.timestamp.utcOffsetSeconds), t.time, t.thetaTarget});
    for (const auto& n : report.replay.reactive.notes) report.findings.push_back({"reactive-supply", "", n, 0.0, 0.0});
    std::vector<double> measured, displayed, predicted, calibrated;
    for (const auto& st : report.replay.steps) {
        if (st.end - st.start < s.minStepS) continue;
        measured.push_back(st.measuredAS);
        displayed.push_back(st.measuredDisplayedAS);
        predicted.push_back(st.predictedAS);
        calibrated.push_back(st.predictedCalibratedAS);
    }
    report.before = ratioStats(measured, predicted);
    report.after = ratioStats(measured, calibrated);
    report.unconverted = ratioStats(displayed, predicted);
    if (!calibrations.empty())
        report.calibration =
            "v" + std::to_string(calibrations.back().version) + " " + calibrations.back().method +
            (setup.gas.sigmaEffM2 > 0.0 ? "; gas sigma_eff " + textNumber(setup.gas.sigmaEffM2, 4) + " m2" : "");
    return report;
}

void addMonitorMaterialFindings(ReplayReport& r) {
    std::map<std::string, std::pair<int, const ReplayStep*>> byCase;  // "monitor|film" -> count, first step
    for (const auto& s : r.replay.steps) {
        if (s.sources.empty() || s.monitorMaterial.empty()) continue;
        const std::string key = s.monitorMaterial + "|" + s.depositedMaterial;
        auto& e = byCase[key];
        if (!e.second) e.second = &s;
        ++e.first;
    }
    for (const auto& [key, e] : byCase) {
        const ReplayStep& s = *e.second;
        if (!(s.monitorDensityKgM3 > 0.0) || !(s.depositedDensityKgM3 > 0.0)) continue;
        const double factor = s.monitorDensityKgM3 / s.depositedDensityKgM3;
        if (std::fabs(factor - 1.0) < 0.02) continue;
        std::ostringstream m;
        m << std::setprecision(3) << "monitor set to " << s.monitorMaterial << " (density "
          << s.monitorDensityKgM3 / 1000.0 << " g/cm3, Z-ratio " << s.monitorZRatio << ") in " << e.first
          << " step(s) depositing " << s.depositedMaterial << " (" << s.depositedDensityKgM3 / 1000.0
          << " g/cm3): its readings are converted with the deposited film's density"
          << " (x" << factor << "; the Z-ratio is not used at this crystal loading), not fitted";
        r.findings.push_back({"monitor-material", s.sources.front().targetId, m.str(), s.start, factor});
    }
}

void addToolingFinding(ReplayReport& r) {
    // the twin's geometric tooling (substrate mean film rate / crystal film rate) per interval
    std::vector<double> geometric, logged;
    for (const auto& s : r.replay.steps) {
        if (!(s.monitorTooling > 0.0) || !(s.predictedAS > 0.0) || !std::isfinite(s.mapMeanAS)) continue;
        geometric.push_back(s.mapMeanAS / (s.predictedAS / s.monitorTooling));
        logged.push_back(s.monitorTooling);
    }
    if (geometric.empty()) return;
    const double g = percentile(geometric, 0.5), l = percentile(logged, 0.5);
    if (std::fabs(g / l - 1.0) < 0.25) return;
    std::ostringstream m;
    m << std::setprecision(3) << "the monitor's tooling setting (" << 100.0 * l
      << " %) and the twin's geometric tooling (" << 100.0 * g
      << " %: substrate mean / crystal film rate at the tool file's monitor position) differ x" << l / g
      << ": the sensor position or the tool's geometry in the tool file is not the tool's";
    r.findings.push_back({"tooling", "", m.str(), 0.0, l / g});
}

}  // namespace magtwin
