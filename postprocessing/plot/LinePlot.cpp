#include "plot/LinePlot.hpp"

#include "io/AtomicFile.hpp"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <stdexcept>

namespace magtwin {

namespace fs = std::filesystem;

namespace {
std::string quoted(const std::string& s) {
    std::string out = "\"";
    for (char c : s) {
        if (c == '"' || c == '\\') out += '\\';
        if (c == '&') out += "\\\\";  // enhanced-text mode would swallow a bare '&'
        out += c;
    }
    return out + "\"";
}
}  // namespace

void renderLinePlot(const PlotAxes& axes, const std::vector<PlotSeries>& series, const std::string& pngPath) {
    char tmpl[] = "/tmp/magtwin-plot-XXXXXX";
    if (!::mkdtemp(tmpl)) throw std::runtime_error("cannot create a temporary folder for plotting");
    const fs::path dir(tmpl);
    struct Cleanup {
        fs::path d;
        ~Cleanup() {
            std::error_code ec;
            fs::remove_all(d, ec);
        }
    } cleanup{dir};

    std::ofstream script(dir / "plot.gp");
    const fs::path png = dir / "out.png";
    script << "set terminal pngcairo size " << axes.widthPx << "," << axes.heightPx
           << " enhanced font 'DejaVu Sans,14'\n";
    script << "set output " << quoted(png.string()) << "\n";
    script << "set title " << quoted(axes.title) << "\n";
    script << "set xlabel " << quoted(axes.xLabel) << "\nset ylabel " << quoted(axes.yLabel) << "\n";
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
        const fs::path data = dir / ("s" + std::to_string(i) + ".dat");
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
        script << (i ? ", \\\n     " : "") << quoted(data.string()) << " using 1:2 " << style << " title "
               << quoted(s.label);
    }
    script << "\n";
    script.close();
    if (!anyData) throw std::runtime_error("nothing to plot for '" + pngPath + "'");

    const std::string cmd = "gnuplot " + quoted((dir / "plot.gp").string()) + " 2> " + quoted((dir / "err").string());
    if (std::system(cmd.c_str()) != 0 || !fs::exists(png)) {
        std::ifstream err(dir / "err");
        std::string msg((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
        throw std::runtime_error("gnuplot failed to render '" + pngPath + "': " + msg);
    }
    const std::string tmp = temporaryPathFor(pngPath);
    fs::copy_file(png, tmp, fs::copy_options::overwrite_existing);
    commitFile(tmp, pngPath);
}

}  // namespace magtwin
