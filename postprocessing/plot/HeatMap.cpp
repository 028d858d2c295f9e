#include "plot/HeatMap.hpp"

#include "io/AtomicFile.hpp"

#include <cmath>
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
        out += c;
    }
    return out + "\"";
}
}  // namespace

void renderHeatMap(const HeatMapSpec& spec, const std::vector<double>& x, const std::vector<double>& y,
                   const std::vector<double>& values, const std::string& pngPath) {
    if (x.size() < 2 || y.size() < 2 || values.size() != x.size() * y.size())
        throw std::invalid_argument("heat map: need >= 2 x 2 points and nx*ny values");
    char tmpl[] = "/tmp/magtwin-heatmap-XXXXXX";
    if (!::mkdtemp(tmpl)) throw std::runtime_error("cannot create a temporary folder for plotting");
    const fs::path dir(tmpl);
    struct Cleanup {
        fs::path d;
        ~Cleanup() {
            std::error_code ec;
            fs::remove_all(d, ec);
        }
    } cleanup{dir};

    const std::size_t nx = x.size(), ny = y.size();
    const std::size_t sx = (nx + spec.maxCells - 1) / spec.maxCells, sy = (ny + spec.maxCells - 1) / spec.maxCells;
    {
        std::ofstream d(dir / "map.dat");
        d << std::setprecision(8);
        for (std::size_t j = 0; j < ny; j += sy) {
            for (std::size_t i = 0; i < nx; i += sx) {
                const double v = values[i + nx * j];
                d << x[i] << ' ' << y[j] << ' ';
                if (std::isfinite(v)) d << v; else d << "NaN";
                d << '\n';
            }
            d << '\n';
        }
    }
    const fs::path png = dir / "out.png";
    std::ofstream gp(dir / "plot.gp");
    const std::string data = quoted((dir / "map.dat").string());
    if (!spec.contourLevels.empty()) {
        gp << "set view map\nset contour base\nunset surface\nset cntrparam levels discrete ";
        for (std::size_t k = 0; k < spec.contourLevels.size(); ++k)
            gp << (k ? "," : "") << std::setprecision(10) << spec.contourLevels[k];
        gp << "\nset table " << quoted((dir / "contours.dat").string()) << "\nsplot " << data
           << " using 1:2:3 with lines\nunset table\nunset contour\nset surface\n";
    }
    gp << "set terminal pngcairo size " << spec.widthPx << "," << spec.heightPx << " enhanced font 'DejaVu Sans,13'\n";
    gp << "set output " << quoted(png.string()) << "\n";
    gp << "set size ratio -1\nset palette rgb 33,13,10\n";
    gp << "set title " << quoted(spec.title) << "\nset xlabel " << quoted(spec.xLabel) << "\nset ylabel "
       << quoted(spec.yLabel) << "\nset cblabel " << quoted(spec.colourLabel) << "\n";
    gp << "set key outside bottom center\n";
    gp << "plot " << data << " using 1:2:3 with image notitle";
    if (!spec.contourLevels.empty())
        gp << ", " << quoted((dir / "contours.dat").string()) << " using 1:2 with lines lc rgb 'black' lw 2 title "
           << quoted(spec.contourLabel);
    gp << "\n";
    gp.close();
    const std::string cmd = "gnuplot " + quoted((dir / "plot.gp").string()) + " 2> " + quoted((dir / "err").string());
    if (std::system(cmd.c_str()) != 0 || !fs::exists(png)) {
        std::ifstream err(dir / "err");
        const std::string msg((std::istreambuf_iterator<char>(err)), std::istreambuf_iterator<char>());
        throw std::runtime_error("gnuplot failed to render '" + pngPath + "': " + msg);
    }
    const std::string tmp = temporaryPathFor(pngPath);
    fs::copy_file(png, tmp, fs::copy_options::overwrite_existing);
    commitFile(tmp, pngPath);
}

}  // namespace magtwin
