#include "postprocessing/reports/YieldReport.hpp"

#include "postprocessing/io/AtomicFile.hpp"
#include "postprocessing/plot/LinePlot.hpp"

#include "boundary/util/Json.hpp"
#include "boundary/util/TextNumber.hpp"

#include <algorithm>
#include <iomanip>
#include <iostream>

namespace magtwin {

void writeYieldSweepCsv(const std::string& path, const std::string& ion, const std::string& target, double angleDeg,
                        const std::vector<double>& energiesEv, const std::vector<YieldCurve>& curves) {
    writeFileAtomically(path, [&](std::ostream& out) {
        out << "# magtwin yield: " << ion << " -> " << target << ", angle " << angleDeg << " deg\n";
        out << "energy_eV";
        for (const auto& c : curves) {
            out << ",yield_" << c.model;
            for (const auto& sp : c.species) out << ",yield_" << c.model << "_" << sp.symbol;
        }
        out << "\n" << std::setprecision(8);
        for (std::size_t i = 0; i < energiesEv.size(); ++i) {
            out << energiesEv[i];
            for (const auto& c : curves) {
                out << "," << c.yield[i];
                for (const auto& sp : c.species) out << "," << sp.yield[i];
            }
            out << "\n";
        }
    });
}

void plotYieldSweep(const std::string& path, const std::string& title, const std::vector<YieldCurve>& curves,
                    const std::vector<MeasuredYield>& measured) {
    std::vector<PlotSeries> series;
    for (const auto& c : curves) {
        PlotSeries s{c.model, {}, {}, PlotSeries::Style::Line};
        for (std::size_t i = 0; i < c.energyEv.size(); ++i)
            if (c.yield[i] > 0) {
                s.x.push_back(c.energyEv[i]);
                s.y.push_back(c.yield[i]);
            }
        series.push_back(std::move(s));
        for (const auto& sp : c.species) {  // a compound's partial yields, per species
            PlotSeries p{c.model + " " + sp.symbol, {}, {}, PlotSeries::Style::Line};
            for (std::size_t i = 0; i < c.energyEv.size(); ++i)
                if (sp.yield[i] > 0) {
                    p.x.push_back(c.energyEv[i]);
                    p.y.push_back(sp.yield[i]);
                }
            series.push_back(std::move(p));
        }
    }
    if (!measured.empty()) {
        PlotSeries pts{"measured (Yamamura & Tawara 1996 compilation)", {}, {}, PlotSeries::Style::Points};
        for (const auto& p : measured) {
            pts.x.push_back(p.energyEv);
            pts.y.push_back(p.yield);
        }
        series.push_back(std::move(pts));
    }
    PlotAxes axes;
    axes.title = title;
    axes.xLabel = "ion energy (eV)";
    axes.yLabel = "yield (atoms/ion)";
    axes.logX = axes.logY = true;
    double yMax = 0.0;
    for (const auto& s : series)
        for (double y : s.y) yMax = std::max(yMax, y);
    axes.yMin = yMax * 1e-4;  // four decades: threshold behaviour without a wall of empty plot
    renderLinePlot(axes, series, path);
    std::cout << "plot written: " << path << "\n";
}

void printCompoundYields(std::ostream& out, const std::string& ion, const Material& target, double angleDeg,
                         const std::vector<YieldCurve>& curves, bool json) {
    const auto text = [](double v) { return textNumber(v, 6); };
    if (json) {
        const bool many = curves.size() * (curves.empty() ? 0 : curves.front().energyEv.size()) > 1;
        if (many) out << "[";
        bool first = true;
        for (const auto& c : curves)
            for (std::size_t i = 0; i < c.energyEv.size(); ++i) {
                out << (first ? "" : ",") << (many ? "\n  " : "") << "{\"ion\":" << jsonString(ion)
                    << ",\"target\":" << jsonString(target.name) << ",\"model\":" << jsonString(c.model)
                    << ",\"energy_eV\":" << jsonNumber(c.energyEv[i]) << ",\"angle_deg\":" << jsonNumber(angleDeg)
                    << ",\"yield\":" << jsonNumber(c.yield[i])
                    << ",\"threshold_eV\":" << (c.thresholdEv ? jsonNumber(*c.thresholdEv) : "null")
                    << ",\"components\":[";
                for (std::size_t k = 0; k < c.species.size(); ++k) {
                    const SpeciesCurve& sp = c.species[k];
                    out << (k ? "," : "") << "{\"element\":" << jsonString(sp.symbol)
                        << ",\"bulk_fraction\":" << jsonNumber(sp.bulkFraction)
                        << ",\"surface_fraction\":" << jsonNumber(sp.surfaceFraction)
                        << ",\"binding_energy_eV\":" << jsonNumber(sp.bindingEnergyEv)
                        << ",\"yield\":" << jsonNumber(sp.yield[i]) << "}";
                }
                out << "]}";
                first = false;
            }
        out << (many ? "\n]\n" : "\n");
        return;
    }
    for (const auto& c : curves) {
        out << ion << "+ -> " << target.name << ", model " << c.model << " (" << c.citation << ")\n";
        out << "  target: " << target.source << "\n";
        out << "  threshold: "
            << (c.thresholdEv ? text(*c.thresholdEv) + " eV" : std::string("none (model has no threshold)")) << "\n";
        if (angleDeg > 0) out << "  angular factor: " << c.angularFactor << " at " << angleDeg << " deg\n";
        out << "  " << std::left << std::setw(8) << "species" << std::right << std::setw(12) << "bulk at.%"
            << std::setw(14) << "surface at.%" << std::setw(12) << "U_s (eV)"
            << "\n";
        for (const auto& sp : c.species)
            out << "  " << std::left << std::setw(8) << sp.symbol << std::right << std::setw(12)
                << text(100.0 * sp.bulkFraction) << std::setw(14) << text(100.0 * sp.surfaceFraction) << std::setw(12)
                << text(sp.bindingEnergyEv) << "\n";
        out << "  (steady state: the sputtered flux carries the bulk composition)\n";
        for (std::size_t i = 0; i < c.energyEv.size(); ++i) {
            out << "  E = " << std::setw(10) << text(c.energyEv[i]) << " eV   yield = " << text(c.yield[i])
                << " atoms/ion  (";
            for (std::size_t k = 0; k < c.species.size(); ++k)
                out << (k ? ", " : "") << c.species[k].symbol << " " << text(c.species[k].yield[i]);
            out << ")\n";
        }
    }
}

void printYieldValidation(const YieldValidationTable& t, const std::string& csvPath) {
    const ValidationOptions& vo = t.options;
    std::cout << "Median |ln(Y_model/Y_exp)| over measured points " << vo.minEnergyEv << "-" << vo.maxEnergyEv
              << " eV, Yamamura-Tawara Table I targets\n";
    std::cout << std::left << std::setw(6) << "ion" << std::setw(14) << "model" << std::right << std::setw(8)
              << "points" << std::setw(9) << "targets" << std::setw(12) << "median|ln|" << std::setw(13) << "median ln"
              << "\n";
    for (const auto& r : t.rows)
        std::cout << std::left << std::setw(6) << r.projectile << std::setw(14) << r.model << std::right << std::setw(8)
                  << r.points << std::setw(9) << r.targets << std::setw(12) << std::fixed << std::setprecision(3)
                  << r.medianAbsLog << std::setw(13) << r.medianSigned << "\n";
    writeFileAtomically(csvPath, [&](std::ostream& out) {
        out << "projectile,model,points,targets,median_abs_ln,median_ln\n" << std::setprecision(6);
        for (const auto& r : t.rows)
            out << r.projectile << "," << r.model << "," << r.points << "," << r.targets << "," << r.medianAbsLog << ","
                << r.medianSigned << "\n";
    });
    std::cout << "\n"
              << t.breakdownProjectile << "+ per target, median ln(Y_model/Y_exp) (>0: model too high):\n"
              << std::left << std::setw(6) << "target";
    for (const auto& m : vo.models) std::cout << std::right << std::setw(14) << m;
    std::cout << "\n";
    for (std::size_t i = 0; i < t.byTarget.size(); i += vo.models.size()) {
        std::cout << std::left << std::setw(6) << t.byTarget[i].target;
        for (std::size_t k = 0; k < vo.models.size(); ++k)
            std::cout << std::right << std::setw(14) << std::setprecision(3) << t.byTarget[i + k].medianSigned;
        std::cout << "\n";
    }
    std::cout << "table written: " << csvPath << "\n";
}

}  // namespace magtwin
