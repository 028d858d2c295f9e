#include "boundary/yield/NuclearStopping.hpp"

#include <cmath>

namespace magtwin::stopping {

namespace {
double screeningSum(int Z1, int Z2) {
    return std::pow(static_cast<double>(Z1), 2.0 / 3.0) + std::pow(static_cast<double>(Z2), 2.0 / 3.0);
}
}  // namespace

double lindhardScreeningLength(int Z1, int Z2) { return 0.885 * kBohrRadius / std::sqrt(screeningSum(Z1, Z2)); }

double reducedEnergy(double energyEv, int Z1, double M1, int Z2, double M2) {
    const double M = M2 / M1;
    const double a = lindhardScreeningLength(Z1, Z2);
    const double eTF = (1.0 + M) * Z1 * Z2 * kE2 / (M * a);
    return energyEv / eTF;
}

double wsmIntegrand(double x) {
    const double inner = std::pow(2.618 * std::pow(x, 4.0 / 3.0), 2.0 / 3.0);
    return 1.309 * std::cbrt(x) / std::pow(1.0 + inner, 1.5);
}

double thomasFermiReducedStopping(double eps) {
    if (eps <= 0.0) return 0.0;
    const double W = std::cbrt(2.618) * std::pow(eps, 4.0 / 9.0);
    const double root = std::sqrt(1.0 + W * W);
    double bracket = std::asinh(W) - W / root;
    if (W < 1e-3) {
        // asinh W - W/sqrt(1+W^2) = W^3/3 * (2 - ... ): series avoids cancellation.
        // asinh W = W - W^3/6 + 3W^5/40;  W/sqrt(1+W^2) = W - W^3/2 + 3W^5/8.
        const double W3 = W * W * W;
        bracket = W3 / 3.0 - 0.3 * W3 * W * W;
    }
    return 9.0 / (8.0 * eps) * bracket;
}

double nuclearStoppingCrossSection(double energyEv, int Z1, double M1, int Z2, double M2) {
    const double M = M2 / M1;
    const double a = lindhardScreeningLength(Z1, Z2);
    const double eps = reducedEnergy(energyEv, Z1, M1, Z2, M2);
    return 4.0 * M_PI * a * Z1 * Z2 * kE2 * thomasFermiReducedStopping(eps) / (1.0 + M);
}

double matsunamiReducedStopping(double eps) {
    if (eps <= 0.0) return 0.0;
    const double r = std::sqrt(eps);
    return 3.441 * r * std::log(eps + 2.718) / (1.0 + 6.355 * r + eps * (6.882 * r - 1.708));
}

double yamamuraReducedEnergy(double energyEv, int Z1, double M1, int Z2, double M2) {
    return 0.03255 / (Z1 * Z2 * std::sqrt(screeningSum(Z1, Z2))) * M2 / (M1 + M2) * energyEv;
}

double energyTransferFactor(double M1, double M2) { return 4.0 * M1 * M2 / ((M1 + M2) * (M1 + M2)); }

}  // namespace magtwin::stopping
