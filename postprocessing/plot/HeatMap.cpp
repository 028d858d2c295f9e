#include "postprocessing/plot/HeatMap.hpp"

#include "postprocessing/plot/GnuplotSession.hpp"

#include <cmath>
#include <fstream>
#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace magtwin {

// Viridis (van der Walt & Smith, matplotlib 2.0, 2015): perceptually uniform, readable in
// grey and by colour-blind readers; the same map ParaView's "Viridis (matplotlib)" preset
// draws in `magtwin view`, so a gnuplot heat map and a ParaView picture of one film read the
// same. 11 samples of the published table at 0, 0.1, ..., 1 (end points 440154 / FDE725).
const char* const kViridisGnuplotPalette =
    "set palette defined (0 '#440154', 1 '#482475', 2 '#414487', 3 '#355F8D', 4 '#2A788E', "
    "5 '#21908C', 6 '#22A884', 7 '#42BE71', 8 '#7AD151', 9 '#BBDF27', 10 '#FDE725')\n";

void renderHeatMap(const HeatMapSpec& spec, const std::vector<double>& x, const std::vector<double>& y,
                   const std::vector<double>& values, const std::string& pngPath) {
    if (x.size() < 2 || y.size() < 2 || values.size() != x.size() * y.size())
        throw std::invalid_argument("heat map: need >= 2 x 2 points and nx*ny values");
    const GnuplotSession session;

    const std::size_t nx = x.size(), ny = y.size();
    const std::size_t sx = (nx + spec.maxCells - 1) / spec.maxCells, sy = (ny + spec.maxCells - 1) / spec.maxCells;
    {
        std::ofstream d(session.file("map.dat"));
        d << std::setprecision(8);
        for (std::size_t j = 0; j < ny; j += sy) {
            for (std::size_t i = 0; i < nx; i += sx) {
                const double v = values[i + nx * j];
                d << x[i] << ' ' << y[j] << ' ';
                if (std::isfinite(v))
                    d << v;
                else
                    d << "NaN";
                d << '\n';
            }
            d << '\n';
        }
    }
    const auto png = session.png();
    std::ostringstream gp;
    const std::string data = gnuplotQuoted(session.file("map.dat").string());
    if (!spec.contourLevels.empty()) {
        gp << "set view map\nset contour base\nunset surface\nset cntrparam levels discrete ";
        for (std::size_t k = 0; k < spec.contourLevels.size(); ++k)
            gp << (k ? "," : "") << std::setprecision(10) << spec.contourLevels[k];
        gp << "\nset table " << gnuplotQuoted(session.file("contours.dat").string()) << "\nsplot " << data
           << " using 1:2:3 with lines\nunset table\nunset contour\nset surface\n";
    }
    gp << "set terminal pngcairo size " << spec.widthPx << "," << spec.heightPx << " enhanced font 'DejaVu Sans,13'\n";
    gp << "set output " << gnuplotQuoted(png.string()) << "\n";
    gp << "set size ratio -1\n" << kViridisGnuplotPalette;
    gp << "set title " << gnuplotText(spec.title) << "\nset xlabel " << gnuplotText(spec.xLabel) << "\nset ylabel "
       << gnuplotText(spec.yLabel) << "\nset cblabel " << gnuplotText(spec.colourLabel) << "\n";
    gp << "set key outside bottom center\n";
    gp << "plot " << data << " using 1:2:3 with image notitle";
    if (!spec.contourLevels.empty())
        gp << ", " << gnuplotQuoted(session.file("contours.dat").string())
           << " using 1:2 with lines lc rgb 'black' lw 2 title " << gnuplotText(spec.contourLabel);
    gp << "\n";
    session.render(gp.str(), pngPath);
}

}  // namespace magtwin
