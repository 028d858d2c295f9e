#include "cli/ReactiveCommandOutput.hpp"

#include "postprocessing/io/AtomicFile.hpp"
#include "postprocessing/plot/LinePlot.hpp"

#include <filesystem>
#include <iomanip>

namespace magtwin {

void writeProcessCurve(const std::string& dir, const std::string& title, const ReactiveSetup& setup,
                       const std::vector<ProcessCurvePoint>& curve, double operatingFlowSccm,
                       const std::vector<ReactiveOperatingState>& operating) {
    std::filesystem::create_directories(dir);
    const std::string x = setup.gas.element;
    writeFileAtomically(dir + "/process_curve.csv", [&](std::ostream& o) {
        o << "# Berg's model (Berg & Nyberg, Thin Solid Films 476 (2005) 215): " << setup.metal.name << " in "
          << setup.gas.formula << " -> " << setup.compound.name << "; branch unstable = the negative-slope middle "
          << "branch (not reachable under flow control)\n";
        o << "flow_sccm,branch,stable,partial_pressure_Pa,target_compound_fraction,collector_compound_fraction,"
             "rate_nm_s,film_"
          << x << "_per_" << setup.metal.name << ",redeposition_fraction,sputtered_compound_fraction\n";
        o << std::setprecision(10);
        for (const ProcessCurvePoint& p : curve) {
            const BergState& s = p.state.state;
            o << p.flowSccm << ',' << branchName(p.state.branch) << ',' << (s.stable ? 1 : 0) << ','
              << s.partialPressurePa << ',' << s.thetaTarget << ',' << s.thetaCollector << ',' << s.rateMPerS * 1e9
              << ',' << s.filmReactivePerMetal << ',' << setup.parameters.redepositionFraction << ','
              << s.sputteredCompoundFraction << '\n';
        }
    });
    PlotPanel pressure, rate;
    pressure.axes.xLabel = rate.axes.xLabel = setup.gas.formula + " flow (sccm)";
    pressure.axes.yLabel = setup.gas.formula + " partial pressure (Pa)";
    rate.axes.yLabel = "film deposition rate (nm/s, times the substrate rate factor)";
    pressure.axes.key = "inside left top";
    rate.axes.key = "inside right top";
    for (ReactiveBranch b : {ReactiveBranch::Metal, ReactiveBranch::Compound, ReactiveBranch::Unstable}) {
        PlotSeries sp{branchName(b) + " branch",
                      {},
                      {},
                      b == ReactiveBranch::Unstable ? PlotSeries::Style::Points : PlotSeries::Style::Line};
        PlotSeries sr = sp;
        for (const ProcessCurvePoint& p : curve)
            if (p.state.branch == b) {
                sp.x.push_back(p.flowSccm), sp.y.push_back(p.state.state.partialPressurePa);
                sr.x.push_back(p.flowSccm), sr.y.push_back(p.state.state.rateMPerS * 1e9);
            }
        if (sp.x.empty()) continue;
        pressure.series.push_back(sp);
        rate.series.push_back(sr);
    }
    if (!operating.empty()) {
        PlotSeries sp{"operating point", {}, {}, PlotSeries::Style::Points};
        PlotSeries sr = sp;
        for (const ReactiveOperatingState& s : operating) {
            if (!s.state.stable) continue;  // the unstable middle state is not an operating state
            sp.x.push_back(operatingFlowSccm), sp.y.push_back(s.state.partialPressurePa);
            sr.x.push_back(operatingFlowSccm), sr.y.push_back(s.state.rateMPerS * 1e9);
        }
        pressure.series.push_back(sp);
        rate.series.push_back(sr);
    }
    std::string shown;  // enhanced-text gnuplot: '_' would start a subscript
    for (char c : title) shown += c == '_' ? std::string("\\_") : std::string(1, c);
    renderLinePanels(shown, {pressure, rate}, 1600, 700, dir + "/process_curve.png");
}

}  // namespace magtwin
