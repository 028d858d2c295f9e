#include "solvers/erosion/YieldMultiplierMap.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>
#include <string>

namespace magtwin {

YieldMultiplierMap::YieldMultiplierMap(double x0, double y0, double dx, double dy, std::size_t nx, std::size_t ny,
                                       std::vector<double> values)
    : x0_(x0), y0_(y0), dx_(dx), dy_(dy), nx_(nx), ny_(ny), values_(std::move(values)) {
    if (nx < 2 || ny < 2 || !(dx > 0) || !(dy > 0) || values_.size() != nx * ny)
        throw std::invalid_argument("yield multiplier map: need a regular grid of at least 2 x 2 nodes");
    for (double v : values_)
        if (!(v >= 0.0) || !std::isfinite(v)) throw std::invalid_argument("yield multiplier map: values must be >= 0");
}

YieldMultiplierMap YieldMultiplierMap::fromRows(const std::vector<double>& x, const std::vector<double>& y,
                                                const std::vector<double>& m) {
    std::map<double, int> xs, ys;
    for (double v : x) xs[v] = 0;
    for (double v : y) ys[v] = 0;
    if (xs.size() < 2 || ys.size() < 2 || x.size() != xs.size() * ys.size())
        throw std::invalid_argument("yield multiplier map: the rows must form a complete regular x-y grid (" +
                                    std::to_string(xs.size()) + " x values, " + std::to_string(ys.size()) +
                                    " y values, " + std::to_string(x.size()) + " rows)");
    const double dx = (xs.rbegin()->first - xs.begin()->first) / (xs.size() - 1);
    const double dy = (ys.rbegin()->first - ys.begin()->first) / (ys.size() - 1);
    int k = 0;
    for (auto& e : xs) {
        if (std::abs(e.first - (xs.begin()->first + k * dx)) > 1e-6 * dx)
            throw std::invalid_argument("yield multiplier map: x values are not evenly spaced");
        e.second = k++;
    }
    k = 0;
    for (auto& e : ys) {
        if (std::abs(e.first - (ys.begin()->first + k * dy)) > 1e-6 * dy)
            throw std::invalid_argument("yield multiplier map: y values are not evenly spaced");
        e.second = k++;
    }
    std::vector<double> values(x.size(), -1.0);
    for (std::size_t r = 0; r < x.size(); ++r) values[xs[x[r]] + xs.size() * ys[y[r]]] = m[r];
    return YieldMultiplierMap(xs.begin()->first, ys.begin()->first, dx, dy, xs.size(), ys.size(), values);
}

double YieldMultiplierMap::operator()(const Eigen::Vector2d& p) const {
    const double u = (p.x() - x0_) / dx_, v = (p.y() - y0_) / dy_;
    if (u < 0 || v < 0 || u > nx_ - 1 || v > ny_ - 1) return 1.0;
    const std::size_t i = std::min(static_cast<std::size_t>(u), nx_ - 2);
    const std::size_t j = std::min(static_cast<std::size_t>(v), ny_ - 2);
    const double a = u - i, b = v - j;
    auto at = [&](std::size_t ii, std::size_t jj) { return values_[ii + nx_ * jj]; };
    return (1 - a) * (1 - b) * at(i, j) + a * (1 - b) * at(i + 1, j) + (1 - a) * b * at(i, j + 1) +
           a * b * at(i + 1, j + 1);
}

}  // namespace magtwin
