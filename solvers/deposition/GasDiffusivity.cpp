#include "solvers/deposition/GasDiffusivity.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/util/GaussLegendre.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "solvers/deposition/ScreenedCoulombScattering.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace magtwin {

namespace {

constexpr double kM2PerAngstrom2 = 1e-20;

/// Impact parameter (Angstrom) beyond which 1 - cos chi < 1e-10 of its head-on value
/// (chi < 2e-5 rad): the screened potential falls off exponentially, so the tail beyond it
/// adds less than that share to Q^(1).
double outerImpactParameter(const ScreenedCoulombScattering& pair, double energyCmEv) {
    constexpr double chiSmall = 2e-5;
    double hi = 1.0;
    while (pair.deflection(hi, energyCmEv) > chiSmall) {
        hi *= 2;
        if (hi > 1e3) throw std::runtime_error("GasDiffusivity: deflection does not fall off");
    }
    double lo = hi / 2;
    for (int k = 0; k < 60 && hi - lo > 1e-6 * hi; ++k) {
        const double mid = 0.5 * (lo + hi);
        (pair.deflection(mid, energyCmEv) > chiSmall ? lo : hi) = mid;
    }
    return hi;
}

}  // namespace

double momentumTransferCrossSectionM2(const ScreenedCoulombScattering& pair, double energyCmEv, int panels) {
    const double bEnd = outerImpactParameter(pair, energyCmEv);
    // Panels of an 8-point Gauss-Legendre rule on [0, bEnd]: chi(b) is smooth (a purely
    // repulsive potential has no orbiting); 64 panels (the default) agree with 128 to < 1e-9
    // relative (GasDiffusivityTest).
    if (panels < 1) throw std::invalid_argument("momentumTransferCrossSectionM2: panels must be >= 1");
    const QuadratureRule rule = gaussLegendre(8, 0.0, bEnd / panels);
    double sum = 0.0;
    for (int p = 0; p < panels; ++p) {
        const double b0 = p * bEnd / panels;
        for (std::size_t i = 0; i < rule.x.size(); ++i) {
            const double b = b0 + rule.x[i];
            sum += rule.w[i] * (1.0 - std::cos(pair.deflection(b, energyCmEv))) * b;
        }
    }
    return 2.0 * kPi * sum * kM2PerAngstrom2;
}

double collisionIntegral11(const std::function<double(double)>& q1M2, double temperatureK, double reducedMassKg) {
    const double kT = kBoltzmannJPerK * temperatureK;
    const double kTEv = kT / kElementaryCharge;
    // exp(-g^2) g^5 is below 1e-13 of its peak beyond g = 6.5; 64-point Gauss-Legendre on
    // [0, 6.5] integrates exp(-g^2) g^5 (= 1) to 1e-15 (tested with the rigid sphere).
    const QuadratureRule rule = gaussLegendre(64, 0.0, 6.5);
    double sum = 0.0;
    for (std::size_t i = 0; i < rule.x.size(); ++i) {
        const double g = rule.x[i];
        sum += rule.w[i] * std::exp(-g * g) * std::pow(g, 5) * q1M2(g * g * kTEv);
    }
    return std::sqrt(kT / (2.0 * kPi * reducedMassKg)) * sum;
}

double binaryDiffusivityM2PerS(int z1, double m1Amu, int z2, double m2Amu, double pressurePa, double temperatureK) {
    if (!(pressurePa > 0) || !std::isfinite(pressurePa))
        throw std::invalid_argument("gas diffusivity: pressure must be > 0 Pa (got " + std::to_string(pressurePa) +
                                    ")");
    if (!(temperatureK > 0) || !std::isfinite(temperatureK))
        throw std::invalid_argument("gas diffusivity: temperature must be > 0 K (got " + std::to_string(temperatureK) +
                                    ")");
    const double mu = m1Amu * m2Amu / (m1Amu + m2Amu) * kAtomicMassUnitKg;
    // The Monte Carlo's cached pair (chiMin only shapes its table; the quadrature uses chi itself).
    const ScreenedCoulombScattering& pair = scatteringTableFor(z1, z2, 0.1);
    const double omega =
        collisionIntegral11([&](double e) { return momentumTransferCrossSectionM2(pair, e); }, temperatureK, mu);
    const double kT = kBoltzmannJPerK * temperatureK;
    const double n = pressurePa / kT;
    return 3.0 * kT / (16.0 * n * mu * omega);
}

double filmDiffusivityM2PerS(const Material& film, const std::string& gas, double pressurePa, double temperatureK) {
    const ElementTable& table = ElementTable::builtin();
    const Element* g = table.find(gas);
    if (!g) throw std::invalid_argument("gas diffusivity: unknown gas '" + gas + "'");
    double d = 0.0;
    for (const MaterialComponent& c : film.components) {
        const Element& e = table.get(c.symbol);
        d += c.atomFraction * binaryDiffusivityM2PerS(e.Z, e.massAmu, g->Z, g->massAmu, pressurePa, temperatureK);
    }
    return d;
}

}  // namespace magtwin
