// util/GaussLegendre against closed forms: the 2- and 3-point rules (Abramowitz & Stegun,
// Handbook of Mathematical Functions, 1964, Table 25.4) and exactness for polynomials of
// degree 2n - 1 (the defining property), with 1e-14 for round-off.
#include "boundary/util/GaussLegendre.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

namespace magtwin {
namespace {

TEST(GaussLegendre, TwoAndThreePointRulesAreTheTabulatedOnes) {
    const QuadratureRule two = gaussLegendre(2, -1.0, 1.0);
    EXPECT_NEAR(two.x[0], -1 / std::sqrt(3.0), 1e-15);
    EXPECT_NEAR(two.x[1], 1 / std::sqrt(3.0), 1e-15);
    EXPECT_NEAR(two.w[0], 1.0, 1e-15);
    const QuadratureRule three = gaussLegendre(3, -1.0, 1.0);
    EXPECT_NEAR(three.x[0], -std::sqrt(0.6), 1e-15);
    EXPECT_NEAR(three.x[1], 0.0, 1e-15);
    EXPECT_NEAR(three.w[0], 5.0 / 9.0, 1e-14);  // weights carry P_n'(z)^2: a few ulp
    EXPECT_NEAR(three.w[1], 8.0 / 9.0, 1e-14);
}

TEST(GaussLegendre, ExactForPolynomialsOfDegreeTwoNMinusOneOnAnyInterval) {
    for (int n : {1, 4, 17, 48, 64}) {
        const double a = -0.3, b = 2.1;
        const QuadratureRule r = gaussLegendre(n, a, b);
        for (int i = 1; i < n; ++i) EXPECT_LT(r.x[std::size_t(i - 1)], r.x[std::size_t(i)]);
        for (int d = 0; d <= 2 * n - 1; d += std::max(1, (2 * n - 1) / 7)) {
            double sum = 0;
            for (int i = 0; i < n; ++i) sum += r.w[std::size_t(i)] * std::pow(r.x[std::size_t(i)], d);
            const double exact = (std::pow(b, d + 1) - std::pow(a, d + 1)) / (d + 1);
            EXPECT_NEAR(sum, exact, 1e-13 * std::max(1.0, std::abs(exact))) << "n " << n << " degree " << d;
        }
    }
    EXPECT_THROW(gaussLegendre(0, 0.0, 1.0), std::invalid_argument);
}

}  // namespace
}  // namespace magtwin
