#include "solvers/reactive/RacetrackPoisoning.hpp"

#include "boundary/util/PhysicalConstants.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {

namespace {
constexpr int kPointsPerDecade = 40;  ///< slope scan, as BergModel's
/// Patches below this share of the largest flux carry a negligible share of the metal and
/// compound fluxes; the scan's lower end stops at their pressure scale.
constexpr double kFluxFloor = 1e-8;
}  // namespace

RacetrackPoisoning::RacetrackPoisoning(const BergParameters& p, const std::vector<TargetPatch>& patches) : p_(p) {
    (void)BergModel(p);  // the same checks of every other input
    if (patches.empty()) throw std::invalid_argument("racetrack poisoning: no target patches");
    std::vector<TargetPatch> sorted = patches;
    for (const TargetPatch& t : sorted)
        if (!(std::isfinite(t.areaM2) && t.areaM2 > 0.0 && std::isfinite(t.ionFluxPerM2S) && t.ionFluxPerM2S >= 0.0))
            throw std::invalid_argument("racetrack poisoning: a patch needs an area > 0 and an ion flux >= 0");
    std::sort(sorted.begin(), sorted.end(),
              [](const TargetPatch& a, const TargetPatch& b) { return a.ionFluxPerM2S < b.ionFluxPerM2S; });
    for (const TargetPatch& t : sorted) {
        if (!patches_.empty() && patches_.back().ionFluxPerM2S == t.ionFluxPerM2S)
            patches_.back().areaM2 += t.areaM2;
        else
            patches_.push_back(t);
        area_ += t.areaM2;
        ions_ += t.ionFluxPerM2S * t.areaM2;
    }
    if (!(ions_ > 0.0)) throw std::invalid_argument("racetrack poisoning: no ion flux on the target");
    p_.ionsPerSecond = ions_;
    p_.targetAreaM2 = area_;
    impingementPerPa_ = 1.0 / std::sqrt(2.0 * kPi * p.gasMoleculeMassKg * kBoltzmannJPerK * p.temperatureK);
    formulaPerMolecule_ = p.atomsPerMolecule / p.reactiveAtomsPerMetal;
    turningPoints_ = computeTurningPoints();
}

std::vector<TargetPatch> RacetrackPoisoning::uniformPatches(const BergParameters& p, int n) {
    if (n < 1) throw std::invalid_argument("racetrack poisoning: at least one patch");
    return std::vector<TargetPatch>(std::size_t(n), {p.targetAreaM2 / n, p.ionsPerSecond / p.targetAreaM2});
}

namespace {
/// Implantation's reactive share of the ions and its derivative (BergModel.hpp, extension 2).
struct ReactiveShare {
    double f = 0.0, df = 0.0;
};
ReactiveShare reactiveShare(const BergParameters& p, double pressure) {
    if (!p.implantation) return {};
    const double pi = p.inertPartialPressurePa;
    return {pressure / (pressure + pi), pi / ((pressure + pi) * (pressure + pi))};
}
}  // namespace

double RacetrackPoisoning::localTheta(double J, double pressure) const {
    return localTheta(J, pressure, p_.redepositionFraction > 0.0 ? redepositedFlux(pressure) : RedepositedFlux{});
}

double RacetrackPoisoning::localTheta(double J, double pressure, const RedepositedFlux& r) const {
    const double nf = formulaPerMolecule_;
    const double form = nf * p_.stickingTarget * impingementPerPa_ * pressure + J * nf * reactiveShare(p_, pressure).f;
    if (p_.redepositionFraction > 0.0) {
        const double d = form + r.compoundPerM2S + J * p_.compoundYield + r.metalPerM2S;
        return d > 0.0 ? (form + r.compoundPerM2S) / d : 0.0;
    }
    const double d = form + J * p_.compoundYield;
    return d > 0.0 ? form / d : 0.0;
}

RacetrackPoisoning::Redeposition RacetrackPoisoning::solveRedeposition(double pressure) const {
    // The fixed point Phi = (f_rd / A) (M(Phi), C(Phi)) of the header comment, by Newton's method
    // from Phi of the target without redeposition; theta_i is closed form at given Phi.
    const double Fp = impingementPerPa_, F = Fp * pressure;
    const double Ym = p_.metalYield, Yc = p_.compoundYield, nf = formulaPerMolecule_, at = p_.stickingTarget;
    const double w = p_.redepositionFraction / area_;  // uniform per area over the face
    const ReactiveShare share = reactiveShare(p_, pressure);
    // M, C and their derivatives in Phi_m, Phi_c (and in p at fixed Phi) at a trial Phi.
    struct Sums {
        double M = 0, C = 0, dMm = 0, dMc = 0, dCm = 0, dCc = 0, dMp = 0, dCp = 0;
    };
    auto sums = [&](double phiM, double phiC) {
        Sums z;
        for (const TargetPatch& t : patches_) {
            const double J = t.ionFluxPerM2S, dA = t.areaM2;
            const double form = nf * at * F + J * nf * share.f + phiC;
            const double D = form + J * Yc + phiM;
            const double th = D > 0.0 ? form / D : 0.0;
            // d theta / d Phi_c = (1 - theta) / D, d theta / d Phi_m = -theta / D,
            // d theta / dp = (n_f alpha_t F/p + J n_f df_R/dp) (1 - theta) / D
            const double tc = D > 0.0 ? (1.0 - th) / D : 0.0, tm = D > 0.0 ? -th / D : 0.0;
            const double tp = D > 0.0 ? (nf * at * Fp + J * nf * share.df) * (1.0 - th) / D : 0.0;
            z.M += J * Ym * (1.0 - th) * dA, z.C += J * Yc * th * dA;
            z.dMm -= J * Ym * tm * dA, z.dMc -= J * Ym * tc * dA, z.dMp -= J * Ym * tp * dA;
            z.dCm += J * Yc * tm * dA, z.dCc += J * Yc * tc * dA, z.dCp += J * Yc * tp * dA;
        }
        return z;
    };
    Sums z = sums(0.0, 0.0);
    double phiM = w * z.M, phiC = w * z.C;
    for (int it = 0; it < 100; ++it) {
        z = sums(phiM, phiC);
        // residual r = Phi - w (M, C); Jacobian I - w dM,C/dPhi
        const double rM = phiM - w * z.M, rC = phiC - w * z.C;
        const double a11 = 1.0 - w * z.dMm, a12 = -w * z.dMc, a21 = -w * z.dCm, a22 = 1.0 - w * z.dCc;
        const double det = a11 * a22 - a12 * a21;
        const double stepM = (rM * a22 - a12 * rC) / det, stepC = (a11 * rC - a21 * rM) / det;
        phiM = std::max(0.0, phiM - stepM), phiC = std::max(0.0, phiC - stepC);
        if (!(std::abs(stepM) + std::abs(stepC) > 1e-15 * (phiM + phiC))) break;
    }
    z = sums(phiM, phiC);
    // dPhi/dp = (I - w dM,C/dPhi)^-1 w (dM/dp, dC/dp) at fixed Phi (implicit function theorem)
    const double a11 = 1.0 - w * z.dMm, a12 = -w * z.dMc, a21 = -w * z.dCm, a22 = 1.0 - w * z.dCc;
    const double det = a11 * a22 - a12 * a21, bM = w * z.dMp, bC = w * z.dCp;
    Redeposition r;
    r.flux.metalPerM2S = phiM, r.flux.compoundPerM2S = phiC;
    r.dMetalDp = (bM * a22 - a12 * bC) / det, r.dCompoundDp = (a11 * bC - a21 * bM) / det;
    return r;
}

RedepositedFlux RacetrackPoisoning::redepositedFlux(double pressurePa) const {
    if (!(pressurePa >= 0.0)) throw std::invalid_argument("racetrack poisoning: partial pressure must be >= 0");
    if (!(p_.redepositionFraction > 0.0)) return {};
    return solveRedeposition(pressurePa).flux;
}

BergState RacetrackPoisoning::stateAt(double pressure) const {
    if (!(pressure >= 0.0)) throw std::invalid_argument("racetrack poisoning: partial pressure must be >= 0");
    if (p_.redepositionFraction > 0.0) return stateWithRedeposition(pressure);
    const double Fp = impingementPerPa_, F = Fp * pressure;
    const double Ac = p_.collectorAreaM2, Ym = p_.metalYield, Yc = p_.compoundYield;
    const double nf = formulaPerMolecule_, at = p_.stickingTarget, ac = p_.stickingCollector;
    const double kT = kBoltzmannJPerK * p_.temperatureK;
    const ReactiveShare share = reactiveShare(p_, pressure);
    const double fR = share.f, dfR = share.df;

    // Local target balances (B&N eq. 3 with implantation, per patch), summed; the expressions
    // keep BergModel's order so that one patch gives its numbers.
    double a = 0, da = 0, c = 0, dc = 0, uptakeT = 0, slopeT = 0, thetaArea = 0;
    for (const TargetPatch& t : patches_) {
        const double G = t.ionFluxPerM2S, At = t.areaM2;
        const double form = nf * at * F + G * nf * fR;
        const double thetaT = form + G * Yc > 0.0 ? form / (form + G * Yc) : 0.0;
        // d theta_t / dp = -h_p / h_theta of h = G (Y_c theta - n_f f_R (1 - theta)) - n_f alpha_t F (1 - theta)
        const double hTheta = G * (Yc + nf * fR) + nf * at * F;
        const double hP = -(G * nf * dfR + nf * at * Fp) * (1.0 - thetaT);
        const double dThetaT = hTheta > 0.0 ? -hP / hTheta : 0.0;
        a += G * Yc * thetaT * At;
        da += At * Yc * G * dThetaT;
        c += G * Ym * (1.0 - thetaT) * At;
        dc += At * Ym * (-G) * dThetaT;
        uptakeT += (at * F + G * fR) * (1.0 - thetaT) * At;
        slopeT += At * ((at * Fp + G * dfR) * (1.0 - thetaT) - (at * F + G * fR) * dThetaT);
        thetaArea += thetaT * At;
    }
    // Collector (B&N eq. 6 with the summed target fluxes).
    const double b = nf * ac * F * Ac, db = nf * ac * Fp * Ac;
    const double D = a + b + c;
    const double thetaC = (a + b) / D;
    const double dThetaC = ((da + db) * c - (a + b) * dc) / (D * D);

    BergState s;
    s.partialPressurePa = pressure;
    s.thetaTarget = thetaArea / area_;
    s.thetaCollector = thetaC;
    s.ionsPerSecond = ions_;
    s.voltageV = p_.metalVoltageV;
    s.reactiveIonFraction = fR;
    s.targetUptakePerS = uptakeT;
    s.collectorUptakePerS = ac * F * (1.0 - thetaC) * Ac;
    s.pumpedPerS = pressure * p_.pumpingSpeedM3PerS / kT;
    s.supplyPerS = s.targetUptakePerS + s.collectorUptakePerS + s.pumpedPerS;
    const double dCollector = ac * Ac * (Fp * (1.0 - thetaC) - F * dThetaC);
    s.slopePerSPerPa = slopeT + dCollector + p_.pumpingSpeedM3PerS / kT;
    s.stable = s.slopePerSPerPa > 0.0;
    s.metalAtomsPerS = a + c;  // B&N eq. 13, summed
    s.sputteredCompoundFraction = s.metalAtomsPerS > 0.0 ? a / s.metalAtomsPerS : 0.0;
    const double volumePerMetal = thetaC / p_.compoundFormulaDensityPerM3 + (1.0 - thetaC) / p_.metalDensityPerM3;
    s.rateMPerS = s.metalAtomsPerS / Ac * volumePerMetal;
    s.filmReactivePerMetal = p_.reactiveAtomsPerMetal * thetaC;
    return s;
}

BergState RacetrackPoisoning::stateWithRedeposition(double pressure) const {
    const double Fp = impingementPerPa_, F = Fp * pressure;
    const double Ac = p_.collectorAreaM2, Ym = p_.metalYield, Yc = p_.compoundYield;
    const double nf = formulaPerMolecule_, at = p_.stickingTarget, ac = p_.stickingCollector;
    const double kT = kBoltzmannJPerK * p_.temperatureK, fRd = p_.redepositionFraction;
    const ReactiveShare share = reactiveShare(p_, pressure);
    const double fR = share.f, dfR = share.df;
    const Redeposition rd = solveRedeposition(pressure);
    const double phiM = rd.flux.metalPerM2S, phiC = rd.flux.compoundPerM2S;

    // Local balances with the redeposited fluxes (header comment), summed.
    double a = 0, da = 0, c = 0, dc = 0, uptakeT = 0, slopeT = 0, thetaArea = 0;
    for (const TargetPatch& t : patches_) {
        const double G = t.ionFluxPerM2S, At = t.areaM2;
        const double form = nf * at * F + G * nf * fR + phiC;
        const double D = form + G * Yc + phiM;
        const double thetaT = D > 0.0 ? form / D : 0.0;
        // d theta / dp: directly and through Phi_m(p), Phi_c(p)
        const double dThetaT =
            D > 0.0 ? ((nf * at * Fp + G * nf * dfR + rd.dCompoundDp) * (1.0 - thetaT) - rd.dMetalDp * thetaT) / D
                    : 0.0;
        a += G * Yc * thetaT * At;
        da += At * Yc * G * dThetaT;
        c += G * Ym * (1.0 - thetaT) * At;
        dc += At * Ym * (-G) * dThetaT;
        uptakeT += (at * F + G * fR) * (1.0 - thetaT) * At;
        slopeT += At * ((at * Fp + G * dfR) * (1.0 - thetaT) - (at * F + G * fR) * dThetaT);
        thetaArea += thetaT * At;
    }
    // Collector (B&N eq. 6): the share 1 - f_rd of the sputtered compound and metal.
    const double out = 1.0 - fRd;
    const double b = nf * ac * F * Ac, db = nf * ac * Fp * Ac;
    const double D = out * (a + c) + b;
    const double thetaC = (out * a + b) / D;
    const double dThetaC = ((out * da + db) * out * c - (out * a + b) * out * dc) / (D * D);

    BergState s;
    s.partialPressurePa = pressure;
    s.thetaTarget = thetaArea / area_;
    s.thetaCollector = thetaC;
    s.ionsPerSecond = ions_;
    s.voltageV = p_.metalVoltageV;
    s.reactiveIonFraction = fR;
    s.targetUptakePerS = uptakeT;
    s.collectorUptakePerS = ac * F * (1.0 - thetaC) * Ac;
    s.pumpedPerS = pressure * p_.pumpingSpeedM3PerS / kT;
    s.supplyPerS = s.targetUptakePerS + s.collectorUptakePerS + s.pumpedPerS;
    const double dCollector = ac * Ac * (Fp * (1.0 - thetaC) - F * dThetaC);
    s.slopePerSPerPa = slopeT + dCollector + p_.pumpingSpeedM3PerS / kT;
    s.stable = s.slopePerSPerPa > 0.0;
    s.metalAtomsPerS = a + c;
    s.redepositedAtomsPerS = fRd * s.metalAtomsPerS;
    s.sputteredCompoundFraction = s.metalAtomsPerS > 0.0 ? a / s.metalAtomsPerS : 0.0;
    const double volumePerMetal = thetaC / p_.compoundFormulaDensityPerM3 + (1.0 - thetaC) / p_.metalDensityPerM3;
    s.rateMPerS = out * s.metalAtomsPerS / Ac * volumePerMetal;
    s.filmReactivePerMetal = p_.reactiveAtomsPerMetal * thetaC;
    return s;
}

double RacetrackPoisoning::pressureScalePa() const {
    return patches_.back().ionFluxPerM2S * p_.compoundYield /
           (formulaPerMolecule_ * p_.stickingTarget * impingementPerPa_);
}

std::vector<double> RacetrackPoisoning::scanPressures() const {
    // Pressure scales: theta_i = 1/2 at p_i = J_i Y_c / (n_f alpha_t F/p); the collector's at
    // n_f alpha_c F A_c = (I/e) Y_m. Four decades either side hold every turning point (as in
    // BergModel: beyond them the uptake is linear or saturated; implantation's share f_R
    // saturates above p_inert, which a working gas puts inside the range).
    const double perJ = p_.compoundYield / (formulaPerMolecule_ * p_.stickingTarget * impingementPerPa_);
    const double jMax = patches_.back().ionFluxPerM2S;
    double jMin = jMax;
    for (const TargetPatch& t : patches_)
        if (t.ionFluxPerM2S >= kFluxFloor * jMax) {
            jMin = t.ionFluxPerM2S;
            break;
        }
    const double pc =
        ions_ * p_.metalYield / (formulaPerMolecule_ * p_.stickingCollector * impingementPerPa_ * p_.collectorAreaM2);
    double lo = std::min(jMin * perJ, pc), hi = std::max(jMax * perJ, pc);
    if (p_.implantation) lo = std::min(lo, p_.inertPartialPressurePa), hi = std::max(hi, p_.inertPartialPressurePa);
    if (p_.redepositionFraction > 0.0) {
        // the face outside the track poisons like a collector under the redeposited metal:
        // n_f alpha_t F = f_rd (I/e) Y_m / A_t
        const double pr = p_.redepositionFraction * ions_ * p_.metalYield /
                          (formulaPerMolecule_ * p_.stickingTarget * impingementPerPa_ * area_);
        lo = std::min(lo, pr), hi = std::max(hi, pr);
    }
    return logGrid(lo * 1e-4, hi * 1e4, kPointsPerDecade);
}

std::vector<double> RacetrackPoisoning::computeTurningPoints() const { return turningPointsOnGrid(scanPressures()); }

double RacetrackPoisoning::criticalPumpingSpeed() const { return criticalPumpingSpeedOnGrid(scanPressures()); }

std::vector<TargetPatch> coarsenPatches(const std::vector<TargetPatch>& patches, int bins) {
    if (bins < 1) throw std::invalid_argument("racetrack poisoning: at least one bin");
    double jMax = 0.0;
    for (const TargetPatch& t : patches) jMax = std::max(jMax, t.ionFluxPerM2S);
    std::vector<double> area(std::size_t(bins), 0.0), ions(std::size_t(bins), 0.0);
    for (const TargetPatch& t : patches) {
        const int b = jMax > 0.0 ? std::min(bins - 1, static_cast<int>(t.ionFluxPerM2S / jMax * bins)) : 0;
        area[std::size_t(b)] += t.areaM2;
        ions[std::size_t(b)] += t.areaM2 * t.ionFluxPerM2S;
    }
    std::vector<TargetPatch> out;
    for (std::size_t b = 0; b < area.size(); ++b)
        if (area[b] > 0.0) out.push_back({area[b], ions[b] / area[b]});
    return out;
}

ReactiveApproach reactiveApproachFromName(const std::string& name) {
    if (name == "from_metal") return ReactiveApproach::FromMetal;
    if (name == "from_compound") return ReactiveApproach::FromCompound;
    throw std::invalid_argument("unknown reactive approach '" + name + "' (from_metal, from_compound)");
}

std::string reactiveApproachName(ReactiveApproach a) {
    return a == ReactiveApproach::FromMetal ? "from_metal" : "from_compound";
}

BergState stateFromHistory(const std::vector<BergState>& states, ReactiveApproach approach) {
    std::vector<const BergState*> stable;
    for (const BergState& s : states)
        if (s.stable) stable.push_back(&s);
    if (stable.empty()) throw std::invalid_argument("no stable steady state at this flow");
    return approach == ReactiveApproach::FromMetal ? *stable.front() : *stable.back();
}

BergState stateAfterRamp(const RacetrackPoisoning& model, const std::vector<double>& flows, ReactiveApproach start) {
    if (flows.empty()) throw std::invalid_argument("a flow ramp needs at least one flow");
    const std::vector<double> turns = model.turningPoints();
    auto segment = [&turns](double p) { return std::lower_bound(turns.begin(), turns.end(), p) - turns.begin(); };
    BergState prev = stateFromHistory(model.statesAtFlow(flows.front()), start);
    double prevFlow = flows.front();
    for (std::size_t k = 1; k < flows.size(); ++k) {
        std::vector<BergState> stable;
        for (const BergState& s : model.statesAtFlow(flows[k]))
            if (s.stable) stable.push_back(s);
        if (stable.empty()) throw std::invalid_argument("no stable steady state at a flow of the ramp");
        const auto seg = segment(prev.partialPressurePa);
        const BergState* next = nullptr;
        for (const BergState& s : stable)
            if (segment(s.partialPressurePa) == seg) next = &s;
        if (!next) {  // the segment ended: the jump goes the way the flow moved
            if (flows[k] >= prevFlow) {
                next = &stable.back();
                for (const BergState& s : stable)
                    if (s.partialPressurePa > prev.partialPressurePa) {
                        next = &s;
                        break;
                    }
            } else {
                next = &stable.front();
                for (const BergState& s : stable)
                    if (s.partialPressurePa < prev.partialPressurePa) next = &s;
            }
        }
        prev = *next;
        prevFlow = flows[k];
    }
    return prev;
}

}  // namespace magtwin
