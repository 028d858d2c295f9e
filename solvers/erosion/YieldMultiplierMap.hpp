// YieldMultiplierMap: a local sputter-yield multiplier m(x, y) over the target face, on a
// regular grid, bilinear in between and 1 outside the mapped area. Use: a target maker's
// grain-size or texture map turned into relative yields (grain boundaries and some grain
// orientations sputter faster; the source review's "mountain effect"); the erosion speed
// scales with m (see ErosionRate). Coordinates in the cathode frame (planar: x, y on the
// face; rotary: x axial, arc length R phi), metres.
#pragma once

#include <Eigen/Core>

#include <cstddef>
#include <vector>

namespace magtwin {

class YieldMultiplierMap {
public:
    /// Grid nodes x0 + i dx (i < nx), y0 + j dy (j < ny); values[i + nx j] >= 0.
    /// Throws std::invalid_argument for a malformed grid or negative values.
    YieldMultiplierMap(double x0, double y0, double dx, double dy, std::size_t nx, std::size_t ny,
                       std::vector<double> values);
    /// From scattered rows that form a complete regular grid (any order).
    static YieldMultiplierMap fromRows(const std::vector<double>& x, const std::vector<double>& y,
                                       const std::vector<double>& m);
    double operator()(const Eigen::Vector2d& p) const;

private:
    double x0_, y0_, dx_, dy_;
    std::size_t nx_, ny_;
    std::vector<double> values_;
};

}  // namespace magtwin
