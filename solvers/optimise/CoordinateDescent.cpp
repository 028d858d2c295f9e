#include "solvers/optimise/CoordinateDescent.hpp"

#include <stdexcept>

namespace magtwin {

std::vector<double> coordinateDescent(const CoordinateLine& line, std::vector<double> x,
                                      const std::vector<double>& lower, const std::vector<double>& upper,
                                      const CoordinateDescentOptions& options) {
    if (lower.size() != x.size() || upper.size() != x.size())
        throw std::invalid_argument("coordinate descent: bounds and start differ in size");
    for (std::size_t i = 0; i < x.size(); ++i)
        if (!(lower[i] <= upper[i])) throw std::invalid_argument("coordinate descent: lower bound above upper bound");
    if (options.sweeps < 1) throw std::invalid_argument("coordinate descent: at least one sweep");
    for (int s = 0; s < options.sweeps; ++s)
        for (std::size_t i = 0; i < x.size(); ++i) {
            const std::function<double(double)> f = line(i, x);
            const GoldenSectionResult g = goldenSection(f, lower[i], upper[i], options.line);
            const double centre = 0.5 * (g.lo + g.hi);
            if (f(centre) < f(x[i])) x[i] = centre;
        }
    return x;
}

}  // namespace magtwin
