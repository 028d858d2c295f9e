#include "postprocessing/plot/LinePlot.hpp"

#include "postprocessing/plot/GnuplotSession.hpp"

#include <fstream>
#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace magtwin {

namespace {

/// One panel's settings and plot command; its data files are named with `prefix`. Returns
/// false when no series has a point to plot.
bool writePanel(const GnuplotSession& session, const PlotAxes& axes, const std::vector<PlotSeries>& series,
                const std::string& prefix, std::ostream& script) {
    script << "set title " << gnuplotText(axes.title) << "\n";
    script << "set xlabel " << gnuplotText(axes.xLabel) << "\nset ylabel " << gnuplotText(axes.yLabel) << "\n";
    script << "set grid\nset key " << axes.key << " box opaque\n";
    script << (axes.logX ? "set logscale x\nset format x '10^{%L}'\n" : "unset logscale x\nset format x '% h'\n");
    script << (axes.logY ? "set logscale y\nset format y '10^{%L}'\n" : "unset logscale y\nset format y '% h'\n");
    if (axes.yMin != 0.0 || axes.yMax != 0.0)
        script << "set yrange [" << (axes.yMin != 0.0 ? std::to_string(axes.yMin) : "*") << ":"
               << (axes.yMax != 0.0 ? std::to_string(axes.yMax) : "*") << "]\n";
    else
        script << "set autoscale y\n";
    script << "plot ";
    bool anyData = false;
    for (std::size_t i = 0; i < series.size(); ++i) {
        const auto& s = series[i];
        const auto data = session.file(prefix + std::to_string(i) + ".dat");
        std::ofstream d(data);
        d << std::setprecision(10);
        for (std::size_t k = 0; k < s.x.size() && k < s.y.size(); ++k) {
            if ((axes.logX && s.x[k] <= 0) || (axes.logY && s.y[k] <= 0)) continue;
            d << s.x[k] << ' ' << s.y[k] << '\n';
            anyData = true;
        }
        const char* style = s.style == PlotSeries::Style::Line     ? "with lines lw 2"
                            : s.style == PlotSeries::Style::Points ? "with points pt 7 ps 0.6"
                                                                   : "with linespoints lw 2 pt 7";
        script << (i ? ", \\\n     " : "") << gnuplotQuoted(data.string()) << " using 1:2 " << style << " title "
               << gnuplotText(s.label);
    }
    script << "\n";
    return anyData;
}

}  // namespace

void renderLinePlot(const PlotAxes& axes, const std::vector<PlotSeries>& series, const std::string& pngPath) {
    const GnuplotSession session;
    std::ostringstream script;
    script << "set terminal pngcairo size " << axes.widthPx << "," << axes.heightPx
           << " enhanced font 'DejaVu Sans,14'\n";
    script << "set output " << gnuplotQuoted(session.png().string()) << "\n";
    if (!writePanel(session, axes, series, "s", script))
        throw std::runtime_error("nothing to plot for '" + pngPath + "'");
    session.render(script.str(), pngPath);
}

void renderLinePanels(const std::string& title, const std::vector<PlotPanel>& panels, int widthPx, int heightPx,
                      const std::string& pngPath) {
    if (panels.empty()) throw std::runtime_error("nothing to plot for '" + pngPath + "'");
    const GnuplotSession session;
    std::ostringstream script;
    script << "set terminal pngcairo size " << widthPx << "," << heightPx << " enhanced font 'DejaVu Sans,13'\n";
    script << "set output " << gnuplotQuoted(session.png().string()) << "\n";
    script << "set multiplot layout 1," << panels.size() << " title " << gnuplotText(title) << "\n";
    for (std::size_t p = 0; p < panels.size(); ++p)
        if (!writePanel(session, panels[p].axes, panels[p].series, "p" + std::to_string(p) + "s", script))
            throw std::runtime_error("nothing to plot in panel " + std::to_string(p + 1) + " of '" + pngPath + "'");
    script << "unset multiplot\n";
    session.render(script.str(), pngPath);
}

}  // namespace magtwin
