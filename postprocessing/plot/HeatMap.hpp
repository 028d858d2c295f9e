// HeatMap: a scalar field on a regular grid drawn as a colour map with contour lines
// (e.g. a substrate thickness map with the +-3 % band outlined), rendered to PNG by
// gnuplot (pngcairo). Masked points (NaN) are left blank. Large grids are subsampled
// to at most `maxCells` per axis for drawing (the data files keep full resolution).
// Colours: Viridis, the palette of the ParaView views (kViridisGnuplotPalette).
#pragma once

#include <string>
#include <vector>

namespace magtwin {

/// gnuplot command defining the Viridis palette (a full line, newline included).
extern const char* const kViridisGnuplotPalette;

struct HeatMapSpec {
    std::string title;
    std::string xLabel = "x (mm)";
    std::string yLabel = "y (mm)";
    std::string colourLabel;
    std::vector<double> contourLevels;  ///< drawn as black lines
    std::string contourLabel;
    int widthPx = 1100;
    int heightPx = 1100;
    std::size_t maxCells = 500;
};

/// values[i + nx*j] at (x[i], y[j]); NaN = not drawn. Throws std::runtime_error if gnuplot fails.
void renderHeatMap(const HeatMapSpec& spec, const std::vector<double>& x, const std::vector<double>& y,
                   const std::vector<double>& values, const std::string& pngPath);

}  // namespace magtwin
