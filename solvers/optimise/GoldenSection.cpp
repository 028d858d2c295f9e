#include "solvers/optimise/GoldenSection.hpp"

#include <cmath>
#include <stdexcept>

namespace magtwin {

GoldenSectionResult goldenSection(const std::function<double(double)>& f, double a, double b,
                                  const GoldenSectionOptions& options) {
    if (!(std::isfinite(a) && std::isfinite(b) && a <= b))
        throw std::invalid_argument("golden section: the bracket needs finite a <= b");
    if (options.maxEvaluations < 2) throw std::invalid_argument("golden section: at least 2 evaluations");
    const double r = 0.5 * (std::sqrt(5.0) - 1.0);
    double c = b - r * (b - a), d = a + r * (b - a);
    double fc = f(c), fd = f(d);
    GoldenSectionResult out;
    out.evaluations = 2;
    out.x = fc <= fd ? c : d;
    out.value = fc <= fd ? fc : fd;
    const auto narrowEnough = [&] { return options.xTolerance > 0.0 && b - a <= options.xTolerance; };
    while (out.evaluations < options.maxEvaluations && !narrowEnough()) {
        if (fc <= fd) {  // the minimum is in [a, d]
            b = d, d = c, fd = fc;
            c = b - r * (b - a);
            fc = f(c);
            if (fc < out.value) out.value = fc, out.x = c;
        } else {  // in [c, b]
            a = c, c = d, fc = fd;
            d = a + r * (b - a);
            fd = f(d);
            if (fd < out.value) out.value = fd, out.x = d;
        }
        ++out.evaluations;
    }
    out.lo = a;
    out.hi = b;
    return out;
}

}  // namespace magtwin
