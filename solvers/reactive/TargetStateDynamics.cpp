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

TargetStateDynamics::TargetStateDynamics(const BergParameters& p, double siteDensityPerM2,
                                         std::vector<TargetPatch> profile)
    : p_(p) {
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
    if (profile.empty()) {
        patches_ = {{p.targetAreaM2, ionFlux_}};
    } else {
        // the checks and the merging of equal fluxes of the steady-state model, then the scale
        const RacetrackPoisoning check(p, profile);
        patches_ = check.patches();
        for (TargetPatch& t : patches_) t.ionFluxPerM2S *= p.ionsPerSecond / check.ionsPerSecond();
    }
    for (const TargetPatch& t : patches_) area_ += t.areaM2;
}

std::vector<double> TargetStateDynamics::patchThetas(const ReactiveSurfaceState& s) const {
    if (s.thetaPatches.size() == patches_.size()) return s.thetaPatches;
    return std::vector<double>(patches_.size(), s.thetaTarget);
}

double TargetStateDynamics::partialPressurePa(const ReactiveSurfaceState& s, double q0) const {
    if (!(q0 >= 0.0)) throw std::invalid_argument("target state dynamics: the reactive supply must be >= 0");
    const double kT = kBoltzmannJPerK * p_.temperatureK;
    // Q_0 = p [g (alpha_t (1 - theta_t) A_t + alpha_c (1 - theta_c) A_c) + S / kT]
    double bare = 0.0;  // sum_i (1 - theta_i) dA_i
    const bool resolved = s.thetaPatches.size() == patches_.size();
    for (std::size_t i = 0; i < patches_.size(); ++i)
        bare += (1.0 - (resolved ? s.thetaPatches[i] : s.thetaTarget)) * patches_[i].areaM2;
    const double perPa = impingementPerPa_ * (p_.stickingTarget * bare +
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
    const std::vector<double> th = patchThetas(s);
    double out = 0.0;
    for (std::size_t i = 0; i < patches_.size(); ++i)
        out +=
            patches_[i].ionFluxPerM2S * patches_[i].areaM2 * (p_.metalYield * (1.0 - th[i]) + p_.compoundYield * th[i]);
    return out;
}

double TargetStateDynamics::rateFactor(const ReactiveSurfaceState& s) const {
    return metalAtomsPerS(s) / (p_.ionsPerSecond * p_.metalYield);
}

double TargetStateDynamics::targetTimeConstantS(double pressurePa) const {
    const double F = impingementPerPa_ * pressurePa;
    return n0_ / (nf_ * p_.stickingTarget * F + patches_.back().ionFluxPerM2S * p_.compoundYield);
}

ReactiveSurfaceState TargetStateDynamics::advance(ReactiveSurfaceState s, double q0, double dtS,
                                                  ReactiveAdvanceTally* tally) const {
    if (!(dtS >= 0.0) || !std::isfinite(dtS))
        throw std::invalid_argument("target state dynamics: the time step must be finite and >= 0");
    const double Ac = p_.collectorAreaM2;
    const double Ym = p_.metalYield, Yc = p_.compoundYield, at = p_.stickingTarget, ac = p_.stickingCollector;
    const double kT = kBoltzmannJPerK * p_.temperatureK, fRd = p_.redepositionFraction;
    const std::size_t n = patches_.size();
    s.thetaPatches = patchThetas(s);

    // One step of length h at pressure p from state a: the exact solutions with frozen
    // coefficients (per patch for the target; the collector sees the summed fluxes of a).
    struct Step {
        std::vector<Relaxed> target;
        Relaxed collector;
        double kMax;
    };
    auto stepAt = [&](const ReactiveSurfaceState& a, double p, double h, Step& st) {
        const double F = impingementPerPa_ * p;
        st.target.resize(n);
        // Extension (3) of BergModel.hpp: the redeposited compound (phiC) and metal (phiM) per
        // area, uniform over the face, from the sputtered fluxes of `a` (frozen over the step).
        // The collector receives the share 1 - f_rd (c: compound arriving and formed, d: metal).
        const double out = 1.0 - fRd;
        double sputC = 0.0, sputM = 0.0, c = nf_ * ac * F * Ac, d = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            const double G = patches_[i].ionFluxPerM2S, A = patches_[i].areaM2;
            sputC += G * Yc * a.thetaPatches[i] * A;
            sputM += G * Ym * (1.0 - a.thetaPatches[i]) * A;
            c += out * (G * Yc * a.thetaPatches[i] * A);
            d += out * (G * Ym * (1.0 - a.thetaPatches[i]) * A);
        }
        const double phiC = fRd * sputC / area_, phiM = fRd * sputM / area_;
        const double form = nf_ * at * F + phiC;
        double kt = 0.0;
        for (std::size_t i = 0; i < n; ++i) {
            const double G = patches_[i].ionFluxPerM2S, erode = G * Yc + phiM;
            const double k = (form + erode) / n0_;
            kt = std::max(kt, k);
            st.target[i] = relax(a.thetaPatches[i], form + erode > 0.0 ? form / (form + erode) : 0.0, k, h);
        }
        const double kc = (c + d) / (n0_ * Ac);
        st.collector = relax(a.thetaCollector, c + d > 0.0 ? c / (c + d) : a.thetaCollector, kc, h);
        st.kMax = std::max(kt, kc);
    };
    auto meanOf = [&](const std::vector<double>& th) {
        double sum = 0.0;
        for (std::size_t i = 0; i < n; ++i) sum += th[i] * patches_[i].areaM2;
        return sum / area_;
    };

    Step pred, st;  // buffers reused over the steps
    ReactiveSurfaceState mid;
    mid.thetaPatches.resize(n);
    double left = dtS;
    while (left > 0.0) {
        const double p0 = partialPressurePa(s, q0);
        stepAt(s, p0, 0.0, pred);
        double h = std::min(left, 0.05 / pred.kMax);
        if (left - h < 1e-9 * dtS) h = left;
        // predictor at p0, then the step again at the pressure of the mean state (second order
        // in h for the coupling through p)
        stepAt(s, p0, h, pred);
        for (std::size_t i = 0; i < n; ++i) mid.thetaPatches[i] = 0.5 * (s.thetaPatches[i] + pred.target[i].theta);
        mid.thetaCollector = 0.5 * (s.thetaCollector + pred.collector.theta);
        const double p = partialPressurePa(mid, q0);
        stepAt(s, p, h, st);
        if (tally) {
            const double F = impingementPerPa_ * p;
            double bareTime = 0.0, erodedFormula = 0.0, metal = 0.0;
            for (std::size_t i = 0; i < n; ++i) {
                const double G = patches_[i].ionFluxPerM2S, A = patches_[i].areaM2, I = st.target[i].integral;
                bareTime += A * (h - I);
                erodedFormula += G * Yc * A * I;
                metal += G * A * (Ym * (h - I) + Yc * I);
            }
            tally->suppliedMolecules += q0 * h;
            tally->pumpedMolecules += p * p_.pumpingSpeedM3PerS / kT * h;
            tally->targetUptakeMolecules += at * F * bareTime;
            tally->collectorUptakeMolecules += ac * F * Ac * (h - st.collector.integral);
            tally->targetFormedFormulaUnits += nf_ * at * F * bareTime;
            tally->targetErodedFormulaUnits += erodedFormula;
            tally->metalAtomsSputtered += metal;
            tally->partialPressureTimePaS += p * h;
            tally->timeS += h;
            ++tally->substeps;
            tally->patchThetaTimeS.resize(n, 0.0);
            for (std::size_t i = 0; i < n; ++i) tally->patchThetaTimeS[i] += st.target[i].integral;
        }
        for (std::size_t i = 0; i < n; ++i) s.thetaPatches[i] = std::clamp(st.target[i].theta, 0.0, 1.0);
        s.thetaTarget = meanOf(s.thetaPatches);
        s.thetaCollector = std::clamp(st.collector.theta, 0.0, 1.0);
        left -= h;
    }
    return s;
}

}  // namespace magtwin
