#include "solvers/erosion/ErosionRate.hpp"
#include "boundary/util/PhysicalConstants.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {

namespace {
constexpr int kTableNodes = 2049;
constexpr double kHalfPi = 0.5 * kPi;
}  // namespace

ErosionRate::ErosionRate(const SputterYield& yield, double ionEnergyEv, double atomicDensityPerM3)
    : energyEv_(ionEnergyEv), density_(atomicDensityPerM3), table_(kTableNodes) {
    if (!(ionEnergyEv > 0.0)) throw std::invalid_argument("erosion rate: ion energy must be positive");
    if (!(atomicDensityPerM3 > 0.0)) throw std::invalid_argument("erosion rate: atomic density must be positive");
    for (int i = 0; i < kTableNodes; ++i) {
        // The last node is grazing incidence; evaluate just inside it (factor -> 0 there).
        const double theta = std::min(i * kHalfPi / (kTableNodes - 1), kHalfPi * (1.0 - 1e-9));
        table_[i] = std::max(0.0, yield.yield(ionEnergyEv, theta));
    }
}

double ErosionRate::yieldAt(double thetaRad) const {
    const double u = std::clamp(thetaRad, 0.0, kHalfPi) * (kTableNodes - 1) / kHalfPi;
    const int i = std::min(static_cast<int>(u), kTableNodes - 2);
    const double t = u - i;
    return table_[i] + t * (table_[i + 1] - table_[i]);
}

double ErosionRate::yieldAtSlope(double slope) const { return yieldAt(std::atan(slope)); }

}  // namespace magtwin
