// GaussLegendre: the n-point Gauss-Legendre rule on [a, b], exact for polynomials of degree
// 2n - 1. Nodes are the roots of the Legendre polynomial P_n found by Newton's method from
// the guess cos(pi (i + 3/4) / (n + 1/2)), weights 2 / ((1 - z^2) P_n'(z)^2) (Press et al.,
// Numerical Recipes, 3rd ed., Cambridge 2007, sec. 4.6.1, routine gauleg). One definition
// for the transport's strip integral, the screened-Coulomb deflection integral and the tests.
#pragma once

#include <vector>

namespace magtwin {

struct QuadratureRule {
    std::vector<double> x;  ///< nodes, ascending
    std::vector<double> w;  ///< weights (sum = b - a)
};

/// The n-point Gauss-Legendre rule on [a, b]; n >= 1. Throws std::invalid_argument for n < 1.
QuadratureRule gaussLegendre(int n, double a, double b);

}  // namespace magtwin
