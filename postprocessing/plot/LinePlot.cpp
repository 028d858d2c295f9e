#include "plot/LinePlot.hpp"

#include "plot/GnuplotSession.hpp"

#include <fstream>
#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace magtwin {

void renderLinePlot(const PlotAxes& axes, const std::vector<PlotSeries>& series, const std::string& pngPath) {
    const GnuplotSession session;
    std::ostringstream script;
    const auto png = session.png();
    script << "set terminal pngcairo size " << axes.widthPx << "," << axes.heightPx
           << " enhanced font 'DejaVu Sans,14'\n";
    script << "set output " << gnuplotQuoted(png.string()) << "\n";
    script << "set title " << gnuplotQuoted(axes.title) << "\n";
    script << "set xlabel " << gnuplotQuoted(axes.xLabel) << "\nset ylabel " << gnuplotQuoted(axes.yLabel) << "\n";
    script << "set grid\nset key inside right bottom box opaque\n";
    if (axes.logX) script << "set logscale x\nset format x '10^{%L}'\n";
    if (axes.logY) script << "set logscale y\nset format y '10^{%L}'\n";
    if (axes.yMin != 0.0 || axes.yMax != 0.0)
        script << "set yrange [" << (axes.yMin != 0.0 ? std::to_string(axes.yMin) : "*") << ":"
               << (axes.yMax != 0.0 ? std::to_string(axes.yMax) : "*") << "]\n";
    script << "plot ";
    bool anyData = false;
    for (std::size_t i = 0; i < series.size(); ++i) {
        const auto& s = series[i];
        const auto data = session.file("s" + std::to_string(i) + ".dat");
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
               << gnuplotQuoted(s.label);
    }
    script << "\n";
    if (!anyData) throw std::runtime_error("nothing to plot for '" + pngPath + "'");
    session.render(script.str(), pngPath);
}

}  // namespace magtwin
