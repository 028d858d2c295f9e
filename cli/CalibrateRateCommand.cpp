#include "cli/CalibrateRateCommand.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "cli/UsageError.hpp"
#include "postprocessing/io/AtomicFile.hpp"
#include "postprocessing/plot/LinePlot.hpp"
#include "twin/calibration/RateCalibration.hpp"

#include <algorithm>
#include <filesystem>
#include <iomanip>
#include <iostream>
#include <memory>
#include <sstream>

namespace magtwin {

namespace {

struct CalibrateOptions {
    std::string data;
    std::string validationDir;
    std::string ion = "Ar";
    std::string target = "Zr";
    std::string csvPath;
    std::string pngPath;
};

void plotPredictedVsMeasured(const RateCalibration& cal, const std::string& png, const CalibrateOptions& o) {
    std::vector<PlotSeries> series;
    double hi = 0.0;
    for (const auto& fit : cal.fits) {
        std::ostringstream label;
        label << fit.pressureMTorr << " mTorr (R^2 " << std::fixed << std::setprecision(3) << fit.r2 << ")";
        PlotSeries s{label.str(), {}, {}, PlotSeries::Style::Points};
        for (const auto& p : cal.points)
            if (p.pressureMTorr == fit.pressureMTorr) {
                s.x.push_back(p.measuredNgPerCm2s);
                s.y.push_back(cal.predicted(p));
                hi = std::max({hi, p.measuredNgPerCm2s, cal.predicted(p)});
            }
        series.push_back(std::move(s));
    }
    series.push_back({"predicted = measured", {0.0, 1.05 * hi}, {0.0, 1.05 * hi}, PlotSeries::Style::Line});
    PlotAxes axes;
    axes.title =
        o.ion + "^+ -> " + o.target + ": predicted vs measured deposition rate (one transfer factor per pressure)";
    axes.xLabel = "measured QCM mass rate (ng cm^{-2} s^{-1})";
    axes.yLabel = "predicted mass rate (ng cm^{-2} s^{-1})";
    renderLinePlot(axes, series, png);
}

int run(const CalibrateOptions& o) {
    const std::string data =
        o.data.empty() ? o.validationDir + "/process_logs/jarlsanna_Zr_grid_power_pressure_qcm_rate.csv" : o.data;
    if (!std::filesystem::exists(data))
        throw UsageError("--data: '" + data + "' not found (give --data FILE or --validation-dir DIR)");
    const ElementTable& t = ElementTable::builtin();
    const Element* ion = t.find(o.ion);
    const Element* target = t.find(o.target);
    if (!ion) throw UsageError("--ion '" + o.ion + "' is not in the element table");
    if (!target || !target->surfaceBindingEv) throw UsageError("--target '" + o.target + "' is not a known target");
    const RateCalibration cal = calibrateTransferFactor(readPowerPressureGrid(data, *ion, *target), *target);
    if (cal.points.empty()) throw UsageError("--data: no usable rows in '" + data + "'");

    std::cout << "Rate model R = G (P/V)/(1+gamma_SE)/e * Y(eV) * m_atom against " << data << "\n"
              << std::setw(10) << "p (mTorr)" << std::setw(8) << "points" << std::setw(14) << "G (cm^-2)"
              << std::setw(8) << "R^2" << std::setw(22) << "throw if G=1/(pi h^2)"
              << "\n";
    for (const auto& f : cal.fits)
        std::cout << std::fixed << std::setprecision(1) << std::setw(10) << f.pressureMTorr << std::setw(8) << f.points
                  << std::setw(14) << std::scientific << std::setprecision(3) << f.transferFactorPerCm2 << std::fixed
                  << std::setw(8) << std::setprecision(3) << f.r2 << std::setw(19) << std::setprecision(1)
                  << f.equivalentThrowCm() << " cm\n";
    if (!o.csvPath.empty()) {
        writeFileAtomically(o.csvPath, [&](std::ostream& out) {
            out << "line,power_W,pressure_mTorr,voltage_V,measured_ng_cm2_s,predicted_ng_cm2_s\n"
                << std::setprecision(8);
            for (const auto& p : cal.points)
                out << p.line << "," << p.powerW << "," << p.pressureMTorr << "," << p.voltageV << ","
                    << p.measuredNgPerCm2s << "," << cal.predicted(p) << "\n";
        });
        std::cout << "points written: " << o.csvPath << "\n";
    }
    if (!o.pngPath.empty()) {
        plotPredictedVsMeasured(cal, o.pngPath, o);
        std::cout << "plot written: " << o.pngPath << "\n";
    }
    return 0;
}

}  // namespace

void addCalibrateRateCommand(CLI::App& app) {
    auto o = std::make_shared<CalibrateOptions>();
    o->validationDir = defaultValidationDir();
    CLI::App* cmd = app.add_subcommand(
        "calibrate-rate",
        "Fit the geometric transfer factor of the rate model to measured QCM rates vs power and pressure");
    cmd->add_option("--data", o->data, "Power x pressure grid CSV (default: the Zr grid of the validation data)");
    cmd->add_option("--validation-dir", o->validationDir, "Folder with the public validation data")
        ->capture_default_str();
    cmd->add_option("--ion", o->ion, "Sputter gas ion")->capture_default_str();
    cmd->add_option("--target", o->target, "Target element")->capture_default_str();
    cmd->add_option("--csv", o->csvPath, "Write measured and predicted rates per point");
    cmd->add_option("--png", o->pngPath, "Draw predicted vs measured rate to this PNG");
    cmd->callback([o]() {
        if (const int rc = run(*o); rc != 0) throw CLI::RuntimeError(rc);
    });
}

}  // namespace magtwin
