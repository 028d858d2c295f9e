#include "solvers/reactive/CoSputteringDynamics.hpp"

#include "boundary/util/PhysicalConstants.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>

namespace magtwin {

namespace {

/// theta_i of every patch of `d` in `s` (thetaTarget where not resolved).
std::vector<double> patchThetas(const TargetStateDynamics& d, const ReactiveSurfaceState& s) {
    if (s.thetaPatches.size() == d.patches().size()) return s.thetaPatches;
    return std::vector<double>(d.patches().size(), s.thetaTarget);
}

}  // namespace

CoSputteringDynamics::CoSputteringDynamics(std::vector<CoSputterMember> members) : members_(std::move(members)) {
    for (std::size_t k = 0; k < members_.size(); ++k) {
        const std::string which = "co-sputtering dynamics: target " + std::to_string(k + 1) + ": ";
        const CoSputterMember& m = members_[k];
        if (!m.dynamics) {
            if (!(std::isfinite(m.metalAtomsPerS) && m.metalAtomsPerS >= 0.0))
                throw std::invalid_argument(which + "a non-reacting target needs a metal flux >= 0 atoms/s");
            continue;
        }
        const BergParameters& p = m.dynamics->parameters();
        if (!chamber_) {
            chamber_ = &p;
            n0c_ = m.dynamics->siteDensityPerM2();
            continue;
        }
        const BergParameters& c = *chamber_;
        if (p.pumpingSpeedM3PerS != c.pumpingSpeedM3PerS || p.collectorAreaM2 != c.collectorAreaM2 ||
            p.stickingCollector != c.stickingCollector || p.temperatureK != c.temperatureK ||
            p.gasMoleculeMassKg != c.gasMoleculeMassKg || p.atomsPerMolecule != c.atomsPerMolecule)
            throw std::invalid_argument(which +
                                        "its chamber (pumping speed, collector area and sticking, temperature, gas) "
                                        "differs from the first reacting target's: one chamber, one gas");
        if (p.reactiveAtomsPerMetal != c.reactiveAtomsPerMetal)
            throw std::invalid_argument(which +
                                        "its compound's x differs from the first reacting target's (one collector "
                                        "compound)");
    }
    if (!chamber_) throw std::invalid_argument("co-sputtering dynamics: no target reacts with the gas");
    nfc_ = chamber_->atomsPerMolecule / chamber_->reactiveAtomsPerMetal;
    impingementPerPa_ =
        1.0 / std::sqrt(2.0 * kPi * chamber_->gasMoleculeMassKg * kBoltzmannJPerK * chamber_->temperatureK);
}

double CoSputteringDynamics::partialPressurePa(const CoSputterState& s, double q0) const {
    if (!(q0 >= 0.0)) throw std::invalid_argument("co-sputtering dynamics: the reactive supply must be >= 0");
    if (s.targets.size() != members_.size())
        throw std::invalid_argument("co-sputtering dynamics: the state needs one target per member");
    const double kT = kBoltzmannJPerK * chamber_->temperatureK;
    double uptake = 0.0;  // sum_k alpha_t,k sum_i (1 - theta_ki) dA_ki
    for (std::size_t k = 0; k < members_.size(); ++k) {
        const TargetStateDynamics* d = members_[k].dynamics;
        if (!d) continue;
        const std::vector<double> th = patchThetas(*d, s.targets[k]);
        double bare = 0.0;
        for (std::size_t i = 0; i < th.size(); ++i) bare += (1.0 - th[i]) * d->patches()[i].areaM2;
        uptake += d->parameters().stickingTarget * bare;
    }
    const double perPa = impingementPerPa_ * (uptake + chamber_->stickingCollector * (1.0 - s.thetaCollector) *
                                                           chamber_->collectorAreaM2) +
                         chamber_->pumpingSpeedM3PerS / kT;
    if (!(perPa > 0.0)) {
        if (q0 == 0.0) return 0.0;
        throw std::invalid_argument("co-sputtering dynamics: a reactive supply with no pumping and no uptake");
    }
    return q0 / perPa;
}

double CoSputteringDynamics::metalAtomsPerS(std::size_t k, const CoSputterState& s) const {
    const CoSputterMember& m = members_.at(k);
    if (!m.dynamics) return m.metalAtomsPerS;
    return m.dynamics->metalAtomsPerS(s.targets.at(k));
}

CoSputterState CoSputteringDynamics::advance(CoSputterState s, double q0, double dtS, ReactiveAdvanceTally* chamber,
                                             std::vector<ReactiveAdvanceTally>* perMember) const {
    if (!(dtS >= 0.0) || !std::isfinite(dtS))
        throw std::invalid_argument("co-sputtering dynamics: the time step must be finite and >= 0");
    if (s.targets.size() != members_.size())
        throw std::invalid_argument("co-sputtering dynamics: the state needs one target per member");
    const std::size_t nm = members_.size();
    const double Ac = chamber_->collectorAreaM2, ac = chamber_->stickingCollector;
    const double kT = kBoltzmannJPerK * chamber_->temperatureK;
    for (std::size_t k = 0; k < nm; ++k)
        if (members_[k].dynamics) {
            s.targets[k].thetaPatches = patchThetas(*members_[k].dynamics, s.targets[k]);
        } else {
            s.targets[k] = ReactiveSurfaceState{};  // metal only
        }
    if (perMember) perMember->resize(nm);

    // One step of length h at pressure p from state a (frozen coefficients; the collector sees
    // the fluxes of every target in a).
    struct Step {
        std::vector<std::vector<RelaxedTheta>> target;
        RelaxedTheta collector;
        double kMax;
    };
    auto stepAt = [&](const CoSputterState& a, double p, double h, Step& st) {
        const double F = impingementPerPa_ * p;
        st.target.resize(nm);
        double c = nfc_ * ac * F * Ac, d = 0.0, kt = 0.0;
        for (std::size_t k = 0; k < nm; ++k) {
            const TargetStateDynamics* dyn = members_[k].dynamics;
            if (!dyn) {
                d += members_[k].metalAtomsPerS;
                continue;
            }
            const BergParameters& pk = dyn->parameters();
            const double nf = pk.atomsPerMolecule / pk.reactiveAtomsPerMetal, n0 = dyn->siteDensityPerM2();
            const double form = nf * pk.stickingTarget * F;
            const std::vector<TargetPatch>& patches = dyn->patches();
            st.target[k].resize(patches.size());
            for (std::size_t i = 0; i < patches.size(); ++i) {
                const double G = patches[i].ionFluxPerM2S, A = patches[i].areaM2, erode = G * pk.compoundYield;
                const double rate = (form + erode) / n0;
                kt = std::max(kt, rate);
                const double th = a.targets[k].thetaPatches[i];
                st.target[k][i] = relaxedTheta(th, form + erode > 0.0 ? form / (form + erode) : 0.0, rate, h);
                c += G * pk.compoundYield * th * A;
                d += G * pk.metalYield * (1.0 - th) * A;
            }
        }
        const double kc = (c + d) / (n0c_ * Ac);
        st.collector = relaxedTheta(a.thetaCollector, c + d > 0.0 ? c / (c + d) : a.thetaCollector, kc, h);
        st.kMax = std::max(kt, kc);
    };

    Step pred, st;
    CoSputterState mid = s;
    double left = dtS;
    while (left > 0.0) {
        const double p0 = partialPressurePa(s, q0);
        stepAt(s, p0, 0.0, pred);
        double h = std::min(left, 0.05 / pred.kMax);
        if (left - h < 1e-9 * dtS) h = left;
        // predictor at p0, then the step again at the pressure of the mean state
        stepAt(s, p0, h, pred);
        for (std::size_t k = 0; k < nm; ++k)
            for (std::size_t i = 0; i < pred.target[k].size(); ++i)
                mid.targets[k].thetaPatches[i] = 0.5 * (s.targets[k].thetaPatches[i] + pred.target[k][i].theta);
        mid.thetaCollector = 0.5 * (s.thetaCollector + pred.collector.theta);
        const double p = partialPressurePa(mid, q0);
        stepAt(s, p, h, st);
        const double F = impingementPerPa_ * p;
        if (chamber) {
            chamber->suppliedMolecules += q0 * h;
            chamber->pumpedMolecules += p * chamber_->pumpingSpeedM3PerS / kT * h;
            chamber->collectorUptakeMolecules += ac * F * Ac * (h - st.collector.integral);
            chamber->partialPressureTimePaS += p * h;
            chamber->timeS += h;
            ++chamber->substeps;
        }
        for (std::size_t k = 0; k < nm; ++k) {
            const TargetStateDynamics* dyn = members_[k].dynamics;
            ReactiveAdvanceTally* t = perMember ? &(*perMember)[k] : nullptr;
            if (!dyn) {
                if (t) t->metalAtomsSputtered += members_[k].metalAtomsPerS * h, t->timeS += h;
                continue;
            }
            const BergParameters& pk = dyn->parameters();
            const std::vector<TargetPatch>& patches = dyn->patches();
            double bareTime = 0.0, erodedFormula = 0.0, metal = 0.0;
            for (std::size_t i = 0; i < patches.size(); ++i) {
                const double G = patches[i].ionFluxPerM2S, A = patches[i].areaM2, I = st.target[k][i].integral;
                bareTime += A * (h - I);
                erodedFormula += G * pk.compoundYield * A * I;
                metal += G * A * (pk.metalYield * (h - I) + pk.compoundYield * I);
            }
            const double uptake = pk.stickingTarget * F * bareTime;
            if (chamber) chamber->targetUptakeMolecules += uptake;
            if (t) {
                t->targetUptakeMolecules += uptake;
                t->targetFormedFormulaUnits += pk.atomsPerMolecule / pk.reactiveAtomsPerMetal * uptake;
                t->targetErodedFormulaUnits += erodedFormula;
                t->metalAtomsSputtered += metal;
                t->partialPressureTimePaS += p * h;
                t->timeS += h;
                ++t->substeps;
                t->patchThetaTimeS.resize(patches.size(), 0.0);
                for (std::size_t i = 0; i < patches.size(); ++i) t->patchThetaTimeS[i] += st.target[k][i].integral;
            }
            double sum = 0.0, area = 0.0;
            for (std::size_t i = 0; i < patches.size(); ++i) {
                s.targets[k].thetaPatches[i] = std::clamp(st.target[k][i].theta, 0.0, 1.0);
                sum += s.targets[k].thetaPatches[i] * patches[i].areaM2;
                area += patches[i].areaM2;
            }
            s.targets[k].thetaTarget = sum / area;
        }
        s.thetaCollector = std::clamp(st.collector.theta, 0.0, 1.0);
        for (ReactiveSurfaceState& t : s.targets) t.thetaCollector = s.thetaCollector;
        left -= h;
    }
    return s;
}

}  // namespace magtwin
