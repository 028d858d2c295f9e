#include "solvers/reactive/BergModel.hpp"

#include "boundary/util/PhysicalConstants.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace magtwin {

namespace {

void requirePositive(double v, const char* name) {
    if (!(std::isfinite(v) && v > 0.0))
        throw std::invalid_argument(std::string("Berg model: ") + name + " must be finite and > 0, not " +
                                    std::to_string(v));
}

/// Log-grid bounds around the two pressure scales of the curve (target and collector).
struct ScanRange {
    double lo, hi;
};

}  // namespace

BergModel::BergModel(const BergParameters& p) : p_(p) {
    requirePositive(p.ionsPerSecond, "ion flow (ions/s)");
    requirePositive(p.targetAreaM2, "target area");
    requirePositive(p.collectorAreaM2, "collector area");
    requirePositive(p.stickingTarget, "target sticking coefficient");
    requirePositive(p.stickingCollector, "collector sticking coefficient");
    if (p.stickingTarget > 1.0 || p.stickingCollector > 1.0)
        throw std::invalid_argument("Berg model: sticking coefficients must be <= 1");
    requirePositive(p.metalYield, "metal yield");
    requirePositive(p.compoundYield, "compound yield");
    requirePositive(p.gasMoleculeMassKg, "gas molecule mass");
    requirePositive(p.atomsPerMolecule, "atoms per molecule");
    requirePositive(p.reactiveAtomsPerMetal, "reactive atoms per metal atom");
    requirePositive(p.temperatureK, "gas temperature");
    requirePositive(p.metalDensityPerM3, "metal density");
    requirePositive(p.compoundFormulaDensityPerM3, "compound density");
    if (!(std::isfinite(p.pumpingSpeedM3PerS) && p.pumpingSpeedM3PerS >= 0.0))
        throw std::invalid_argument("Berg model: pumping speed must be finite and >= 0");
    // B&N eq. 1: F = p / sqrt(2 pi m k T).
    impingementPerPa_ = 1.0 / std::sqrt(2.0 * kPi * p.gasMoleculeMassKg * kBoltzmannJPerK * p.temperatureK);
    // B&N eq. 2: J/q = ions per second per target area.
    ionFlux_ = p.ionsPerSecond / p.targetAreaM2;
    formulaPerMolecule_ = p.atomsPerMolecule / p.reactiveAtomsPerMetal;
    for (double g : {p.secondaryElectronMetal, p.secondaryElectronCompound, p.metalVoltageV})
        if (!(std::isfinite(g) && g >= 0.0))
            throw std::invalid_argument("Berg model: secondary electron yields and voltage must be finite and >= 0");
    // Equal gammas: the flux does not change with the state; keep the closed form.
    stateDependentDischarge_ = p.secondaryElectronMetal > 0.0 && p.secondaryElectronCompound > 0.0 &&
                               p.secondaryElectronCompound != p.secondaryElectronMetal;
    if (!(std::isfinite(p.inertPartialPressurePa) && p.inertPartialPressurePa >= 0.0))
        throw std::invalid_argument("Berg model: the working gas partial pressure must be finite and >= 0");
    if (p.implantation && !(p.inertPartialPressurePa > 0.0))
        throw std::invalid_argument(
            "Berg model: implantation needs the working gas partial pressure (> 0) to split the ion current");
    if (!(std::isfinite(p.redepositionFraction) && p.redepositionFraction >= 0.0 && p.redepositionFraction < 1.0))
        throw std::invalid_argument("Berg model: the redeposition fraction must be in [0, 1), not " +
                                    std::to_string(p.redepositionFraction));
    turningPoints_ = computeTurningPoints();
}

double BergModel::ionFlux(double thetaT) const {
    if (!stateDependentDischarge_) return ionFlux_;
    const double gm = p_.secondaryElectronMetal, g = gm + (p_.secondaryElectronCompound - gm) * thetaT;
    return ionFlux_ * g * (1.0 + gm) / (gm * (1.0 + g));
}

double BergModel::ionFluxSlope(double thetaT) const {
    if (!stateDependentDischarge_) return 0.0;
    const double gm = p_.secondaryElectronMetal, dg = p_.secondaryElectronCompound - gm, g = gm + dg * thetaT;
    return ionFlux_ * (1.0 + gm) / gm * dg / ((1.0 + g) * (1.0 + g));
}

double BergModel::pressureScalePa() const {
    // theta_t = 1/2 where n_f alpha_t F = (J/q) Y_c.
    return ionFlux_ * p_.compoundYield / (formulaPerMolecule_ * p_.stickingTarget * impingementPerPa_);
}

BergState BergModel::stateAt(double pressure) const {
    if (!(pressure >= 0.0)) throw std::invalid_argument("Berg model: partial pressure must be >= 0");
    const double Fp = impingementPerPa_, F = Fp * pressure;
    const double At = p_.targetAreaM2, Ac = p_.collectorAreaM2, Ym = p_.metalYield, Yc = p_.compoundYield;
    const double nf = formulaPerMolecule_, at = p_.stickingTarget, ac = p_.stickingCollector;
    const double kT = kBoltzmannJPerK * p_.temperatureK;
    // Extension (2): the reactive share of the ions, f_R = p / (p + p_inert), and df_R/dp.
    double fR = 0.0, dfR = 0.0;
    if (p_.implantation) {
        const double pi = p_.inertPartialPressurePa;
        fR = pressure / (pressure + pi);
        dfR = pi / ((pressure + pi) * (pressure + pi));
    }

    // Target (B&N eq. 3 with the implantation term): h(theta) = G(theta) [Y_c theta -
    // n_f f_R (1 - theta)] - n_f alpha_t F (1 - theta) = 0. Closed form for a fixed ion flux;
    // with extension (1) G depends on theta: h(0) <= 0 < h(1) = G(1) Y_c, bisection.
    // Extension (3) adds k theta (1 - theta) to the compound's removal, k = f_rd (Y_m - Y_c).
    const double fRd = p_.redepositionFraction, k = fRd * (p_.metalYield - Yc);
    auto h = [&](double t) {
        return ionFlux(t) * (Yc * t + k * t * (1.0 - t) - nf * fR * (1.0 - t)) - nf * at * F * (1.0 - t);
    };
    double thetaT;
    if (!stateDependentDischarge_ && fRd > 0.0) {
        // G k theta^2 - B theta + A = 0, B = G (Y_c + k) + A: the root in [0, 1] (h(0) = -A <= 0 < h(1)),
        // in the form without cancellation for either sign of k.
        const double A = nf * at * F + ionFlux_ * nf * fR, B = ionFlux_ * (Yc + k) + A;
        const double disc = std::max(0.0, B * B - 4.0 * ionFlux_ * k * A);
        thetaT = B > 0.0 ? 2.0 * A / (B + std::sqrt(disc)) : 0.0;
    } else if (!stateDependentDischarge_) {
        const double form = nf * at * F + ionFlux_ * nf * fR;
        thetaT = form / (form + ionFlux_ * Yc);
    } else if (h(0.0) >= 0.0) {
        thetaT = 0.0;
    } else {
        double lo = 0.0, hi = 1.0;
        for (int it = 0; it < 200; ++it) {
            const double mid = 0.5 * (lo + hi);
            if (mid <= lo || mid >= hi) break;
            (h(mid) < 0.0 ? lo : hi) = mid;
        }
        thetaT = std::abs(h(lo)) <= std::abs(h(hi)) ? lo : hi;
    }
    const double G = ionFlux(thetaT), dG = ionFluxSlope(thetaT);
    // d theta_t / dp = -h_p / h_theta (implicit function theorem).
    double hTheta = dG * (Yc * thetaT - nf * fR * (1.0 - thetaT)) + G * (Yc + nf * fR) + nf * at * F;
    if (fRd > 0.0) hTheta += k * (dG * thetaT * (1.0 - thetaT) + G * (1.0 - 2.0 * thetaT));
    const double hP = -(G * nf * dfR + nf * at * Fp) * (1.0 - thetaT);
    const double dThetaT = -hP / hTheta;
    // Collector (B&N eq. 6): theta_c = (a + b) / (a + b + c), derivatives in p; it receives the
    // share 1 - f_rd of the sputtered compound and metal (extension 3).
    const double out = 1.0 - fRd;
    const double a = out * (G * Yc * thetaT * At), b = nf * ac * F * Ac, c = out * (G * Ym * (1.0 - thetaT) * At);
    const double da = out * (At * Yc * (dG * thetaT + G) * dThetaT), db = nf * ac * Fp * Ac,
                 dc = out * (At * Ym * (dG * (1.0 - thetaT) - G) * dThetaT);
    const double D = a + b + c;
    const double thetaC = (a + b) / D;
    const double dThetaC = ((da + db) * c - (a + b) * dc) / (D * D);

    BergState s;
    s.partialPressurePa = pressure;
    s.thetaTarget = thetaT;
    s.thetaCollector = thetaC;
    s.ionsPerSecond = G * At;
    s.reactiveIonFraction = fR;
    const double gm = p_.secondaryElectronMetal;
    s.voltageV = stateDependentDischarge_ ? p_.metalVoltageV * gm / (gm + (p_.secondaryElectronCompound - gm) * thetaT)
                                          : p_.metalVoltageV;
    // Gas balance (B&N eqs. 9-12; the implanted molecules with the target's uptake).
    s.targetUptakePerS = (at * F + G * fR) * (1.0 - thetaT) * At;
    s.collectorUptakePerS = ac * F * (1.0 - thetaC) * Ac;
    s.pumpedPerS = pressure * p_.pumpingSpeedM3PerS / kT;
    s.supplyPerS = s.targetUptakePerS + s.collectorUptakePerS + s.pumpedPerS;
    const double dTarget =
        At * ((at * Fp + dG * dThetaT * fR + G * dfR) * (1.0 - thetaT) - (at * F + G * fR) * dThetaT);
    const double dCollector = ac * Ac * (Fp * (1.0 - thetaC) - F * dThetaC);
    s.slopePerSPerPa = dTarget + dCollector + p_.pumpingSpeedM3PerS / kT;
    s.stable = s.slopePerSPerPa > 0.0;
    // Deposition (B&N eq. 13) and the film.
    s.metalAtomsPerS = G * At * (Ym * (1.0 - thetaT) + Yc * thetaT);
    s.redepositedAtomsPerS = fRd * s.metalAtomsPerS;
    s.sputteredCompoundFraction = s.metalAtomsPerS > 0.0 ? G * At * Yc * thetaT / s.metalAtomsPerS : 0.0;
    const double volumePerMetal = thetaC / p_.compoundFormulaDensityPerM3 + (1.0 - thetaC) / p_.metalDensityPerM3;
    s.rateMPerS = out * s.metalAtomsPerS / Ac * volumePerMetal;
    s.filmReactivePerMetal = p_.reactiveAtomsPerMetal * thetaC;
    return s;
}

double BergModel::uptakeSlope(double pressure) const {
    const BergState s = stateAt(pressure);
    return s.slopePerSPerPa - p_.pumpingSpeedM3PerS / (kBoltzmannJPerK * p_.temperatureK);
}

namespace {
ScanRange scanRange(double pTarget, double pCollector) {
    // Away from both scales Q_t and Q_c are linear (p << scale) or saturated (p >> scale): four
    // decades either side hold every turning point (the slope there differs from its limit by
    // < 1e-4 relative).
    return {std::min(pTarget, pCollector) * 1e-4, std::max(pTarget, pCollector) * 1e4};
}
constexpr int kPointsPerDecade = 40;
}  // namespace

double BergModel::minUptakeSlopePressure() const {
    const double pc = ionFlux_ * p_.metalYield * p_.targetAreaM2 /
                      (formulaPerMolecule_ * p_.stickingCollector * impingementPerPa_ * p_.collectorAreaM2);
    const ScanRange r = scanRange(pressureScalePa(), pc);
    const int n = static_cast<int>(std::ceil(std::log10(r.hi / r.lo) * kPointsPerDecade));
    const double step = std::log(r.hi / r.lo) / n;
    int best = 0;
    double bestValue = uptakeSlope(r.lo);
    for (int i = 1; i <= n; ++i) {
        const double v = uptakeSlope(r.lo * std::exp(i * step));
        if (v < bestValue) bestValue = v, best = i;
    }
    // Golden section on ln p in the neighbouring cells (the minimum is smooth and single there).
    double lo = std::log(r.lo) + std::max(best - 1, 0) * step, hi = std::log(r.lo) + std::min(best + 1, n) * step;
    const double g = 0.5 * (std::sqrt(5.0) - 1.0);
    double x1 = hi - g * (hi - lo), x2 = lo + g * (hi - lo);
    double f1 = uptakeSlope(std::exp(x1)), f2 = uptakeSlope(std::exp(x2));
    for (int it = 0; it < 200 && hi - lo > 1e-13 * std::max(1.0, std::abs(lo)); ++it) {
        if (f1 < f2) {
            hi = x2, x2 = x1, f2 = f1, x1 = hi - g * (hi - lo), f1 = uptakeSlope(std::exp(x1));
        } else {
            lo = x1, x1 = x2, f1 = f2, x2 = lo + g * (hi - lo), f2 = uptakeSlope(std::exp(x2));
        }
    }
    return std::exp(0.5 * (lo + hi));
}

double BergModel::criticalPumpingSpeed() const {
    const double m = uptakeSlope(minUptakeSlopePressure());
    return m < 0.0 ? -m * kBoltzmannJPerK * p_.temperatureK : 0.0;
}

std::vector<double> BergModel::turningPoints() const { return turningPoints_; }

std::vector<double> BergModel::computeTurningPoints() const {
    const double pMin = minUptakeSlopePressure();
    if (stateAt(pMin).slopePerSPerPa >= 0.0) return {};
    // dQ/dp < 0 at pMin; it is > 0 near p = 0 (pumping + bare-surface uptake) and as p -> inf
    // (pumping; uptake saturates), so one sign change on each side.
    auto root = [this](double lo, double hi) {
        const bool loPositive = stateAt(lo).slopePerSPerPa > 0.0;
        for (int it = 0; it < 200; ++it) {
            const double mid = std::sqrt(lo * hi);
            if ((stateAt(mid).slopePerSPerPa > 0.0) == loPositive)
                lo = mid;
            else
                hi = mid;
            if (hi - lo <= 1e-15 * hi) break;
        }
        return std::sqrt(lo * hi);
    };
    double lo = pMin, hi = pMin;
    while (stateAt(lo).slopePerSPerPa <= 0.0) lo *= 0.5;
    while (stateAt(hi).slopePerSPerPa <= 0.0) hi *= 2.0;
    return {root(lo, pMin), root(pMin, hi)};
}

double bisectSupply(const std::function<double(double)>& supplyAt, double target, double lo, double hi) {
    double fLo = supplyAt(lo) - target;
    for (int it = 0; it < 300; ++it) {
        const double mid = 0.5 * (lo + hi);
        if (mid <= lo || mid >= hi) break;
        const double fMid = supplyAt(mid) - target;
        if ((fMid > 0.0) == (fLo > 0.0))
            lo = mid, fLo = fMid;
        else
            hi = mid;
    }
    const double fl = std::abs(supplyAt(lo) - target), fh = std::abs(supplyAt(hi) - target);
    return fl <= fh ? lo : hi;
}

}  // namespace magtwin
