#include "solvers/deposition/Substrate.hpp"

#include <cmath>
#include <stdexcept>

namespace magtwin {

Substrate Substrate::gen10_5Glass() { return Substrate{}; }

Substrate Substrate::wafer300mm() {
    Substrate s;
    s.shape = Shape::Wafer;
    s.sizeXM = s.sizeYM = 0.300;
    s.pitchM = 0.002;
    s.edgeExclusionM = 0.003;
    return s;
}

SubstrateGrid sampleSubstrate(const Substrate& s) {
    const bool wafer = s.shape == Substrate::Shape::Wafer;
    const double wx = s.sizeXM, wy = wafer ? s.sizeXM : s.sizeYM;
    if (!(wx > 0 && wy > 0 && s.pitchM > 0)) throw std::invalid_argument("substrate: sizes and pitch must be > 0");
    if (!(s.edgeExclusionM >= 0 && 2 * s.edgeExclusionM < std::min(wx, wy)))
        throw std::invalid_argument("substrate: edge exclusion must be >= 0 and leave part of the substrate");
    SubstrateGrid g;
    const std::size_t nx = std::size_t(std::round(wx / s.pitchM)) + 1, ny = std::size_t(std::round(wy / s.pitchM)) + 1;
    if (nx < 2 || ny < 2) throw std::invalid_argument("substrate: pitch larger than the substrate");
    g.grid.nu = nx;
    g.grid.nv = ny;
    g.dx = wx / double(nx - 1);
    g.dy = wy / double(ny - 1);
    g.x0 = s.centreXM - 0.5 * wx;
    g.y0 = s.centreYM - 0.5 * wy;
    g.grid.points.resize(nx * ny);
    g.onSubstrate.assign(nx * ny, 1);
    g.inUniformityArea.assign(nx * ny, 1);
    const double R = 0.5 * wx, tol = 1e-9 * wx;
    for (std::size_t j = 0; j < ny; ++j)
        for (std::size_t i = 0; i < nx; ++i) {
            const std::size_t k = g.grid.index(i, j);
            const double x = g.x0 + i * g.dx, y = g.y0 + j * g.dy;
            g.grid.points[k] = Eigen::Vector3d(x, y, s.zM);
            if (wafer) {
                const double r = std::hypot(x - s.centreXM, y - s.centreYM);
                g.onSubstrate[k] = r <= R + tol;
                g.inUniformityArea[k] = r <= R - s.edgeExclusionM + tol;
            } else {
                const double ex = std::min(x - g.x0, g.x0 + wx - x), ey = std::min(y - g.y0, g.y0 + wy - y);
                g.inUniformityArea[k] = std::min(ex, ey) >= s.edgeExclusionM - tol;
            }
        }
    return g;
}

}  // namespace magtwin
