// LinePlot: x-y line and point plots rendered to PNG by gnuplot (Debian gnuplot-nox,
// pngcairo terminal). The program writes the data and a gnuplot script to a private
// temporary folder, runs gnuplot, and moves the PNG into place atomically.
#pragma once

#include <string>
#include <vector>

namespace magtwin {

struct PlotSeries {
    std::string label;
    std::vector<double> x;
    std::vector<double> y;
    enum class Style { Line, Points, LinePoints } style = Style::Line;
};

struct PlotAxes {
    std::string title;
    std::string xLabel;  ///< with unit, e.g. "ion energy (eV)"
    std::string yLabel;
    bool logX = false;
    bool logY = false;
    double yMin = 0.0;                        ///< lower y limit; 0 = automatic
    double yMax = 0.0;                        ///< upper y limit; 0 = automatic
    std::string key = "inside right bottom";  ///< gnuplot `set key` position
    int widthPx = 1200;
    int heightPx = 800;
};

/// Render `series` to `pngPath`. Throws std::runtime_error when gnuplot is missing or fails.
void renderLinePlot(const PlotAxes& axes, const std::vector<PlotSeries>& series, const std::string& pngPath);

/// One plot of a row of plots (its axes' widthPx/heightPx are ignored).
struct PlotPanel {
    PlotAxes axes;
    std::vector<PlotSeries> series;
};

/// The panels side by side in one PNG of widthPx x heightPx (gnuplot multiplot, one row),
/// `title` above them (titles may hold line breaks). Throws like renderLinePlot.
void renderLinePanels(const std::string& title, const std::vector<PlotPanel>& panels, int widthPx, int heightPx,
                      const std::string& pngPath);

}  // namespace magtwin
