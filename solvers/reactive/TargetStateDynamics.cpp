#include "solvers/reactive/TargetStateDynamics.hpp"

#include "boundary/util/PhysicalConstants.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace magtwin {

namespace {

/// theta(h) of d theta/dt = k (thetaInf - theta), and its integral over [0, h].
struct Relaxed {
    double theta, integral;
};
Relaxed relax(double theta0, double thetaInf, double k, double h) {
    if (!(k * h > 1e-12)) return {theta0 + k * h * (thetaInf - theta0), theta0 * h};
    const double decay = std::exp(-k * h);
    const double theta = thetaInf + (theta0 - thetaInf) * decay;
    return {theta, thetaInf * h + (theta0 - thetaInf) * (1.0 - decay) / k};
}

}  // namespace

TargetStateDynamics::TargetStateDynamics(const BergParameters& p, double siteDensityPerM2) : p_(p) {
    const BergModel check(p);  // the same parameter checks as the steady-state model
    (void)check;
    if (siteDensityPerM2 != 0.0 && !(std::isfinite(siteDensityPerM2) && siteDensityPerM2 > 0.0))
        throw std::invalid_argument("target state dynamics: the surface site density must be > 0 per m^2, not " +
                                    std::to_string(siteDensityPerM2));
    // One monolayer of the compound (Kubart et al. 2006): n_0 = n_MRx^(2/3).
    n0_ = siteDensityPerM2 > 0.0 ? siteDensityPerM2 : std::pow(p.compoundFormulaDensityPerM3, 2.0 / 3.0);
    impingementPerPa_ = 1.0 / std::sqrt(2.0 * kPi * p.gasMoleculeMassKg * kBoltzmannJPerK * p.temperatureK);
    ionFlux_ = p.ionsPerSecond / p.targetAreaM2;
    nf_ = p.atomsPerMolecule / p.reactiveAtomsPerMetal;
}

double TargetStateDynamics::partialPressurePa(const ReactiveSurfaceState& s, double q0) const {
    if (!(q0 >= 0.0)) throw std::invalid_argument("target state dynamics: the reactive supply must be >= 0");
    const double kT = kBoltzmannJPerK * p_.temperatureK;
    // Q_0 = p [g (alpha_t (1 - theta_t) A_t + alpha_c (1 - theta_c) A_c) + S / kT]
    const double perPa = impingementPerPa_ * (p_.stickingTarget * (1.0 - s.thetaTarget) * p_.targetAreaM2 +
                                              p_.stickingCollector * (1.0 - s.thetaCollector) * p_.collectorAreaM2) +
                         p_.pumpingSpeedM3PerS / kT;
    if (!(perPa > 0.0)) {
        // fully poisoned surfaces and no pumping: nothing removes the gas
        if (q0 == 0.0) return 0.0;
        throw std::invalid_argument("target state dynamics: a reactive supply with no pumping and no uptake");
    }
    return q0 / perPa;
}

double TargetStateDynamics::metalAtomsPerS(const ReactiveSurfaceState& s) const {
    return p_.ionsPerSecond * (p_.metalYield * (1.0 - s.thetaTarget) + p_.compoundYield * s.thetaTarget);
}

double TargetStateDynamics::rateFactor(const ReactiveSurfaceState& s) const {
    return (1.0 - s.thetaTarget) + s.thetaTarget * p_.compoundYield / p_.metalYield;
}

double TargetStateDynamics::targetTimeConstantS(double pressurePa) const {
    const double F = impingementPerPa_ * pressurePa;
    return n0_ / (nf_ * p_.stickingTarget * F + ionFlux_ * p_.compoundYield);
}

ReactiveSurfaceState TargetStateDynamics::advance(ReactiveSurfaceState s, double q0, double dtS,
                                                  ReactiveAdvanceTally* tally) const {
    if (!(dtS >= 0.0) || !std::isfinite(dtS))
        throw std::invalid_argument("target state dynamics: the time step must be finite and >= 0");
    const double At = p_.targetAreaM2, Ac = p_.collectorAreaM2, G = ionFlux_;
    const double Ym = p_.metalYield, Yc = p_.compoundYield, at = p_.stickingTarget, ac = p_.stickingCollector;
    const double kT = kBoltzmannJPerK * p_.temperatureK;

    // One step of length h at pressure p from state a: the exact solutions with frozen coefficients.
    struct Step {
        Relaxed target, collector;
        double kMax;
    };
    auto stepAt = [&](const ReactiveSurfaceState& a, double p, double h) {
        const double F = impingementPerPa_ * p;
        const double form = nf_ * at * F, erode = G * Yc;
        const double kt = (form + erode) / n0_;
        const double c = G * Yc * a.thetaTarget * At + nf_ * ac * F * Ac, d = G * Ym * (1.0 - a.thetaTarget) * At;
        const double kc = (c + d) / (n0_ * Ac);
        Step st;
        st.target = relax(a.thetaTarget, form / (form + erode), kt, h);
        st.collector = relax(a.thetaCollector, c + d > 0.0 ? c / (c + d) : a.thetaCollector, kc, h);
        st.kMax = std::max(kt, kc);
        return st;
    };

    double left = dtS;
    while (left > 0.0) {
        const double p0 = partialPressurePa(s, q0);
        double h = std::min(left, 0.05 / stepAt(s, p0, 0.0).kMax);
        if (left - h < 1e-9 * dtS) h = left;
        // predictor at p0, then the step again at the pressure of the mean state (second order
        // in h for the coupling through p)
        const Step pred = stepAt(s, p0, h);
        const ReactiveSurfaceState mid{0.5 * (s.thetaTarget + pred.target.theta),
                                       0.5 * (s.thetaCollector + pred.collector.theta)};
        const double p = partialPressurePa(mid, q0);
        const Step st = stepAt(s, p, h);
        if (tally) {
            const double F = impingementPerPa_ * p;
            tally->suppliedMolecules += q0 * h;
            tally->pumpedMolecules += p * p_.pumpingSpeedM3PerS / kT * h;
            tally->targetUptakeMolecules += at * F * At * (h - st.target.integral);
            tally->collectorUptakeMolecules += ac * F * Ac * (h - st.collector.integral);
            tally->targetFormedFormulaUnits += nf_ * at * F * At * (h - st.target.integral);
            tally->targetErodedFormulaUnits += G * Yc * At * st.target.integral;
            tally->metalAtomsSputtered += G * At * (Ym * (h - st.target.integral) + Yc * st.target.integral);
            tally->partialPressureTimePaS += p * h;
            tally->timeS += h;
            ++tally->substeps;
        }
        s.thetaTarget = std::clamp(st.target.theta, 0.0, 1.0);
        s.thetaCollector = std::clamp(st.collector.theta, 0.0, 1.0);
        left -= h;
    }
    return s;
}

}  // namespace magtwin
