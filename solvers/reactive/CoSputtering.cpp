#include "solvers/reactive/CoSputtering.hpp"

#include "boundary/util/PhysicalConstants.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace magtwin {

namespace {
constexpr int kPointsPerDecade = 40;  ///< slope scan, as BergModel's
}  // namespace

CoSputteredTarget coSputteredTarget(const BergParameters& p) {
    return {p.targetAreaM2,   p.ionsPerSecond,         p.metalYield, p.compoundYield,
            p.stickingTarget, p.reactiveAtomsPerMetal, true};
}

CoSputtering::CoSputtering(const BergParameters& chamber, const std::vector<CoSputteredTarget>& targets)
    : p_(chamber), targets_(targets) {
    if (targets.empty()) throw std::invalid_argument("co-sputtering: no targets");
    if (chamber.redepositionFraction != 0.0)
        throw std::invalid_argument(
            "co-sputtering: redeposition on the targets is not modelled (redeposition_fraction 0)");
    double area = 0.0, ions = 0.0;
    const CoSputteredTarget* first = nullptr;
    for (std::size_t k = 0; k < targets.size(); ++k) {
        const CoSputteredTarget& t = targets[k];
        const std::string which = "co-sputtering: target " + std::to_string(k + 1) + ": ";
        if (!(std::isfinite(t.areaM2) && t.areaM2 > 0.0 && std::isfinite(t.ionsPerSecond) && t.ionsPerSecond >= 0.0))
            throw std::invalid_argument(which + "needs an area > 0 and an ion flow >= 0");
        if (!(t.metalYield >= 0.0)) throw std::invalid_argument(which + "metal yield must be >= 0");
        if (t.reacts) {
            if (!(t.compoundYield > 0.0 && t.sticking > 0.0 && t.sticking <= 1.0 && t.reactiveAtomsPerMetal > 0.0))
                throw std::invalid_argument(which + "a reacting target needs Y_c > 0, sticking in (0, 1] and x > 0");
            if (!first) first = &t;
            if (t.reactiveAtomsPerMetal != first->reactiveAtomsPerMetal)
                throw std::invalid_argument(which +
                                            "its compound's x differs from the first reacting target's (one "
                                            "collector compound)");
        }
        area += t.areaM2;
        ions += t.ionsPerSecond;
    }
    if (!first) throw std::invalid_argument("co-sputtering: no target reacts with the gas");
    if (!(ions > 0.0)) throw std::invalid_argument("co-sputtering: no ion flow on any target");
    p_.targetAreaM2 = area;
    p_.ionsPerSecond = ions;
    p_.metalYield = first->metalYield;  // the inputs BergModel checks; the targets carry their own
    p_.compoundYield = first->compoundYield;
    p_.stickingTarget = first->sticking;
    p_.reactiveAtomsPerMetal = first->reactiveAtomsPerMetal;
    p_.implantation = false;
    (void)BergModel(p_);  // the chamber's checks
    impingementPerPa_ = 1.0 / std::sqrt(2.0 * kPi * p_.gasMoleculeMassKg * kBoltzmannJPerK * p_.temperatureK);
    collectorFormulaPerMolecule_ = p_.atomsPerMolecule / p_.reactiveAtomsPerMetal;
    turningPoints_ = turningPointsOnGrid(scanPressures());
}

double CoSputtering::targetTheta(std::size_t k, double pressure) const {
    const CoSputteredTarget& t = targets_.at(k);
    if (!t.reacts) return 0.0;
    const double form = p_.atomsPerMolecule / t.reactiveAtomsPerMetal * t.sticking * impingementPerPa_ * pressure;
    const double d = form + t.ionsPerSecond / t.areaM2 * t.compoundYield;
    return d > 0.0 ? form / d : 0.0;
}

double CoSputtering::targetRateMPerS(std::size_t k, double pressure) const {
    const CoSputteredTarget& t = targets_.at(k);
    const double thetaT = targetTheta(k, pressure), G = t.ionsPerSecond / t.areaM2;
    const double metalAtoms = G * t.areaM2 * (t.compoundYield * thetaT + t.metalYield * (1.0 - thetaT));
    const double thetaC = stateAt(pressure).thetaCollector;
    const double volumePerMetal = thetaC / p_.compoundFormulaDensityPerM3 + (1.0 - thetaC) / p_.metalDensityPerM3;
    return metalAtoms / p_.collectorAreaM2 * volumePerMetal;
}

BergState CoSputtering::stateAt(double pressure) const {
    if (!(pressure >= 0.0)) throw std::invalid_argument("co-sputtering: partial pressure must be >= 0");
    const double Fp = impingementPerPa_, F = Fp * pressure;
    const double Ac = p_.collectorAreaM2, ac = p_.stickingCollector, kT = kBoltzmannJPerK * p_.temperatureK;
    // Each target's balance (B&N eq. 3 at the common p), its compound and metal fluxes and its
    // uptake, with their p-derivatives (BergModel's expressions with the fixed ion flux).
    double a = 0, da = 0, c = 0, dc = 0, uptakeT = 0, slopeT = 0, thetaArea = 0;
    for (const CoSputteredTarget& t : targets_) {
        const double G = t.ionsPerSecond / t.areaM2, At = t.areaM2;
        double thetaT = 0.0, dThetaT = 0.0;
        if (t.reacts) {
            const double nf = p_.atomsPerMolecule / t.reactiveAtomsPerMetal, at = t.sticking;
            const double form = nf * at * F;
            thetaT = form + G * t.compoundYield > 0.0 ? form / (form + G * t.compoundYield) : 0.0;
            const double hTheta = G * t.compoundYield + nf * at * F;
            dThetaT = hTheta > 0.0 ? nf * at * Fp * (1.0 - thetaT) / hTheta : 0.0;
            uptakeT += at * F * (1.0 - thetaT) * At;
            slopeT += At * (at * Fp * (1.0 - thetaT) - at * F * dThetaT);
        }
        a += G * t.compoundYield * thetaT * At;
        da += At * t.compoundYield * G * dThetaT;
        c += G * t.metalYield * (1.0 - thetaT) * At;
        dc -= At * t.metalYield * G * dThetaT;
        thetaArea += thetaT * At;
    }
    // The common collector (B&N eq. 6 with the summed fluxes).
    const double nf = collectorFormulaPerMolecule_;
    const double b = nf * ac * F * Ac, db = nf * ac * Fp * Ac;
    const double D = a + b + c;
    const double thetaC = D > 0.0 ? (a + b) / D : 0.0;
    const double dThetaC = D > 0.0 ? ((da + db) * c - (a + b) * dc) / (D * D) : 0.0;

    BergState s;
    s.partialPressurePa = pressure;
    s.thetaTarget = thetaArea / p_.targetAreaM2;
    s.thetaCollector = thetaC;
    s.ionsPerSecond = p_.ionsPerSecond;
    s.voltageV = p_.metalVoltageV;
    s.targetUptakePerS = uptakeT;
    s.collectorUptakePerS = ac * F * (1.0 - thetaC) * Ac;
    s.pumpedPerS = pressure * p_.pumpingSpeedM3PerS / kT;
    s.supplyPerS = s.targetUptakePerS + s.collectorUptakePerS + s.pumpedPerS;
    s.slopePerSPerPa = slopeT + ac * Ac * (Fp * (1.0 - thetaC) - F * dThetaC) + p_.pumpingSpeedM3PerS / kT;
    s.stable = s.slopePerSPerPa > 0.0;
    s.metalAtomsPerS = a + c;  // B&N eq. 13, summed over the targets
    const double volumePerMetal = thetaC / p_.compoundFormulaDensityPerM3 + (1.0 - thetaC) / p_.metalDensityPerM3;
    s.rateMPerS = s.metalAtomsPerS / Ac * volumePerMetal;
    s.filmReactivePerMetal = p_.reactiveAtomsPerMetal * thetaC;
    return s;
}

std::vector<double> CoSputtering::scanPressures() const {
    // every reacting target's scale (theta_k = 1/2) and the collector's; 4 decades either side
    double lo = HUGE_VAL, hi = 0.0, metal = 0.0;
    for (const CoSputteredTarget& t : targets_) {
        metal += t.ionsPerSecond * t.metalYield;
        if (!t.reacts || !(t.ionsPerSecond > 0.0)) continue;
        const double pk = t.ionsPerSecond / t.areaM2 * t.compoundYield /
                          (p_.atomsPerMolecule / t.reactiveAtomsPerMetal * t.sticking * impingementPerPa_);
        lo = std::min(lo, pk), hi = std::max(hi, pk);
    }
    const double pc =
        metal / (collectorFormulaPerMolecule_ * p_.stickingCollector * impingementPerPa_ * p_.collectorAreaM2);
    if (pc > 0.0) lo = std::min(lo, pc), hi = std::max(hi, pc);
    if (!(hi > 0.0)) lo = hi = 1.0;  // no ions on a reacting target: any scale (Q_tot is linear)
    return logGrid(lo * 1e-4, hi * 1e4, kPointsPerDecade);
}

double CoSputtering::criticalPumpingSpeed() const { return criticalPumpingSpeedOnGrid(scanPressures()); }

double CoSputtering::pressureScalePa() const {
    const std::vector<double> g = scanPressures();
    return g.back() * 1e-4;
}

}  // namespace magtwin
