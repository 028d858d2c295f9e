#include "boundary/util/GaussLegendre.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace magtwin {

QuadratureRule gaussLegendre(int n, double a, double b) {
    if (n < 1) throw std::invalid_argument("gaussLegendre: n must be >= 1, got " + std::to_string(n));
    QuadratureRule r;
    r.x.resize(std::size_t(n));
    r.w.resize(std::size_t(n));
    for (int i = 0; i < n; ++i) {
        // Root i of P_n, descending in z (ascending once mapped with -z below).
        double z = std::cos(M_PI * (i + 0.75) / (n + 0.5)), dp = 0.0;
        for (int it = 0; it < 100; ++it) {
            double p0 = 1.0, p1 = z;
            for (int k = 2; k <= n; ++k) {
                const double p2 = ((2.0 * k - 1.0) * z * p1 - (k - 1.0) * p0) / k;
                p0 = p1;
                p1 = p2;
            }
            dp = n == 1 ? 1.0 : n * (z * p1 - p0) / (z * z - 1.0);
            const double dz = n == 1 ? z : p1 / dp;
            z -= dz;
            if (std::abs(dz) < 1e-15) break;
        }
        r.x[std::size_t(i)] = 0.5 * (a + b) - 0.5 * (b - a) * z;
        r.w[std::size_t(i)] = 0.5 * (b - a) * 2.0 / ((1.0 - z * z) * dp * dp);
    }
    return r;
}

}  // namespace magtwin
