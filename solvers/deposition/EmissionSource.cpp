#include "solvers/deposition/EmissionSource.hpp"

#include <Eigen/Geometry>

#include <stdexcept>

namespace magtwin {

double EmissionSource::totalAtomsPerSecond() const {
    double s = 0.0;
    for (const auto& e : elements) s += e.atomsPerSecond();
    return s;
}

void EmissionSource::scaleFlux(double factor) {
    for (auto& e : elements) e.fluxAtomsM2S *= factor;
}

EmissionSource emissionSourceFromGrid(const GridSurface& grid,
                                      std::shared_ptr<const EmissionAngularDistribution> angular,
                                      const std::string& fluxField, const std::string& normalField, bool periodicV) {
    if (grid.nu < 2 || grid.nv < 2) throw std::invalid_argument("emission map: needs at least 2 x 2 points");
    const std::vector<double>& flux = grid.scalar(fluxField);
    const std::vector<Eigen::Vector3d>* normals = nullptr;
    for (const auto& v : grid.vectors)
        if (v.first == normalField) normals = &v.second;
    if (!normals) throw std::invalid_argument("emission map: no vector field '" + normalField + "'");

    // Dual-cell areas: each quad's area (half the cross product of its diagonals) split
    // equally among its four corners.
    std::vector<double> area(grid.size(), 0.0);
    const std::size_t nvCells = periodicV ? grid.nv : grid.nv - 1;
    for (std::size_t j = 0; j < nvCells; ++j)
        for (std::size_t i = 0; i + 1 < grid.nu; ++i) {
            const std::size_t j1 = (j + 1) % grid.nv;
            const std::size_t a = grid.index(i, j), b = grid.index(i + 1, j), c = grid.index(i + 1, j1),
                              d = grid.index(i, j1);
            const double quad = 0.5 * (grid.points[c] - grid.points[a]).cross(grid.points[d] - grid.points[b]).norm();
            for (std::size_t k : {a, b, c, d}) area[k] += 0.25 * quad;
        }
    EmissionSource src;
    src.angular = std::move(angular);
    for (std::size_t k = 0; k < grid.size(); ++k) {
        if (!(flux[k] > 0.0) || area[k] <= 0.0) continue;
        const double n = (*normals)[k].norm();
        if (!(n > 0.0)) throw std::invalid_argument("emission map: zero normal at point " + std::to_string(k));
        src.elements.push_back({grid.points[k], (*normals)[k] / n, area[k], flux[k]});
    }
    return src;
}

}  // namespace magtwin
