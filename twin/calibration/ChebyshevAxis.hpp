// ChebyshevAxis: interpolation of a smooth function of one variable u on [0, uMax] from its
// values at the N Chebyshev-Lobatto points u_j = uMax (1 + cos(pi j / (N - 1))) / 2 (both
// ends included: u = 0 is a node). The interpolant is the degree N-1 polynomial through the
// nodes, written in Chebyshev polynomials with the discrete cosine transform of the values:
//   f(x) = sum''_k c_k T_k(x),   c_k = 2/(N-1) sum''_j f_j cos(pi j k / (N-1)),
// x = 2 u / uMax - 1, '' halving the first and last terms (Trefethen, Approximation Theory
// and Approximation Practice, SIAM 2013, ch. 3 and eq. (3.13)); for a function analytic in
// the Bernstein ellipse of parameter rho the error falls as rho^-N (ch. 8). The interpolant
// is linear in the values, f(u) = sum_j w_j(u) f_j: weights() gives w_j(u) and dw_j/du
// (T_k'(x) = k U_{k-1}(x)), so a fit can carry tabulated predictions per node and get the
// model and its exact derivative in u from them.
// Positive tabulated quantities (fluxes) are interpolated in log f (interpolatePositive,
// PositiveTable): a Beer-Lambert attenuation exp(-a u) is linear in u there, so the table
// is exact for a single path length whatever a u_max is, and its error comes only from the
// mixing of path lengths and the thermalised part.
#pragma once

#include <vector>

namespace magtwin {

class ChebyshevAxis {
public:
    /// Throws std::invalid_argument for uMax <= 0 or n < 2.
    ChebyshevAxis(double uMax, int n);
    const std::vector<double>& nodes() const { return nodes_; }
    double upper() const { return uMax_; }
    /// w[j] and dw[j]/du at u (u is clamped to [0, uMax]).
    void weights(double u, std::vector<double>& w, std::vector<double>& dw) const;
    /// sum_j w_j(u) f_j
    double interpolate(const std::vector<double>& f, double u) const;
    /// exp(sum_j w_j(u) log f_j) when every f_j > 0, else interpolate(f, u)
    double interpolatePositive(const std::vector<double>& f, double u) const;

private:
    double uMax_;
    std::vector<double> nodes_;
};

/// One tabulated quantity, interpolated as interpolatePositive does, with its derivative.
struct PositiveTable {
    explicit PositiveTable(const std::vector<double>& values);
    /// value and d value / du from the axis weights w, dw at u
    void evaluate(const std::vector<double>& w, const std::vector<double>& dw, double& value, double& derivative) const;
    std::vector<double> values, logs;  ///< logs empty: some value <= 0 (linear interpolation)
};

}  // namespace magtwin
