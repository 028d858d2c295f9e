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
}

std::vector<TargetPatch> RacetrackPoisoning::uniformPatches(const BergParameters& p, int n) {
    if (n < 1) throw std::invalid_argument("racetrack poisoning: at least one patch");
    return std::vector<TargetPatch>(std::size_t(n), {p.targetAreaM2 / n, p.ionsPerSecond / p.targetAreaM2});
}

double RacetrackPoisoning::localTheta(double J, double pressure) const {
    const double f = formulaPerMolecule_ * p_.stickingTarget * impingementPerPa_ * pressure;
    const double d = f + J * p_.compoundYield;
    return d > 0.0 ? f / d : 0.0;
}

BergState RacetrackPoisoning::stateAt(double pressure) const {
    if (!(pressure >= 0.0)) throw std::invalid_argument("racetrack poisoning: partial pressure must be >= 0");
    const double F = impingementPerPa_ * pressure;
    const double Ac = p_.collectorAreaM2, Ym = p_.metalYield, Yc = p_.compoundYield;
    const double nf = formulaPerMolecule_, at = p_.stickingTarget, ac = p_.stickingCollector;
    const double kT = kBoltzmannJPerK * p_.temperatureK;

    // Local target balances (B&N eq. 3 per patch), summed; the expressions keep BergModel's
    // order so that one patch gives its numbers.
    double a = 0, da = 0, c = 0, dc = 0, uptakeT = 0, slopeT = 0, thetaArea = 0;
    for (const TargetPatch& t : patches_) {
        const double G = t.ionFluxPerM2S, At = t.areaM2;
        const double dt = nf * at * F + G * Yc;
        const double thetaT = dt > 0.0 ? nf * at * F / dt : 0.0;
        const double dThetaT = dt > 0.0 ? nf * at * G * Yc / (dt * dt) : 0.0;
        a += G * Yc * thetaT * At;
        da += G * Yc * At * dThetaT;
        c += G * Ym * (1.0 - thetaT) * At;
        dc += -G * Ym * At * dThetaT;
        uptakeT += at * F * (1.0 - thetaT) * At;
        slopeT += at * At * ((1.0 - thetaT) - F * dThetaT);
        thetaArea += thetaT * At;
    }
    // Collector (B&N eq. 6 with the summed target fluxes).
    const double b = nf * ac * F * Ac, db = nf * ac * Ac;
    const double D = a + b + c;
    const double thetaC = (a + b) / D;
    const double dThetaC = ((da + db) * c - (a + b) * dc) / (D * D);

    BergState s;
    s.partialPressurePa = pressure;
    s.thetaTarget = thetaArea / area_;
    s.thetaCollector = thetaC;
    s.targetUptakePerS = uptakeT;
    s.collectorUptakePerS = ac * F * (1.0 - thetaC) * Ac;
    s.pumpedPerS = pressure * p_.pumpingSpeedM3PerS / kT;
    s.supplyPerS = s.targetUptakePerS + s.collectorUptakePerS + s.pumpedPerS;
    s.slopePerSPerPa =
        impingementPerPa_ * (slopeT + ac * Ac * ((1.0 - thetaC) - F * dThetaC)) + p_.pumpingSpeedM3PerS / kT;
    s.stable = s.slopePerSPerPa > 0.0;
    s.metalAtomsPerS = a + c;  // B&N eq. 13, summed
    const double volumePerMetal = thetaC / p_.compoundFormulaDensityPerM3 + (1.0 - thetaC) / p_.metalDensityPerM3;
    s.rateMPerS = s.metalAtomsPerS / Ac * volumePerMetal;
    s.filmReactivePerMetal = p_.reactiveAtomsPerMetal * thetaC;
    return s;
}

std::vector<double> RacetrackPoisoning::turningPoints() const {
    // Pressure scales: theta_i = 1/2 at p_i = J_i Y_c / (n_f alpha_t F/p); the collector's at
    // n_f alpha_c F A_c = (I/e) Y_m. Four decades either side hold every turning point (as in
    // BergModel: beyond them the uptake is linear or saturated).
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
    const double lo = std::min(jMin * perJ, pc) * 1e-4, hi = std::max(jMax * perJ, pc) * 1e4;
    const int n = static_cast<int>(std::ceil(std::log10(hi / lo) * kPointsPerDecade));
    const double step = std::log(hi / lo) / n;
    std::vector<double> out;
    double prevP = lo;
    bool prevPositive = stateAt(lo).slopePerSPerPa > 0.0;
    for (int i = 1; i <= n; ++i) {
        const double p = lo * std::exp(i * step);
        const bool positive = stateAt(p).slopePerSPerPa > 0.0;
        if (positive != prevPositive) {
            double a = prevP, b = p;  // bisection in ln p to machine precision
            for (int it = 0; it < 200 && b - a > 1e-15 * b; ++it) {
                const double mid = std::sqrt(a * b);
                if ((stateAt(mid).slopePerSPerPa > 0.0) == prevPositive)
                    a = mid;
                else
                    b = mid;
            }
            out.push_back(std::sqrt(a * b));
        }
        prevP = p;
        prevPositive = positive;
    }
    return out;
}

double RacetrackPoisoning::solve(double target, double lo, double hi) const {
    return bisectSupply([this](double p) { return stateAt(p).supplyPerS; }, target, lo, hi);
}

std::vector<BergState> RacetrackPoisoning::statesAtFlow(double q) const {
    if (!(std::isfinite(q) && q >= 0.0))
        throw std::invalid_argument("racetrack poisoning: the supplied flow must be >= 0");
    if (q == 0.0) return {stateAt(0.0)};
    const double kT = kBoltzmannJPerK * p_.temperatureK;
    double pHigh = p_.pumpingSpeedM3PerS > 0.0 ? q * kT / p_.pumpingSpeedM3PerS
                                               : patches_.back().ionFluxPerM2S * p_.compoundYield /
                                                     (formulaPerMolecule_ * p_.stickingTarget * impingementPerPa_);
    while (stateAt(pHigh).supplyPerS < q) {
        pHigh *= 2.0;
        if (!std::isfinite(pHigh) || pHigh > 1e30)
            throw std::invalid_argument("racetrack poisoning: no steady state at this flow without pumping");
    }
    std::vector<double> edges{0.0};
    for (double t : turningPoints()) edges.push_back(t);
    edges.push_back(std::max(pHigh, edges.back()));
    std::vector<BergState> out;
    for (std::size_t i = 0; i + 1 < edges.size(); ++i) {
        const double fa = stateAt(edges[i]).supplyPerS - q, fb = stateAt(edges[i + 1]).supplyPerS - q;
        if (fa == 0.0 && i > 0) continue;  // a turning point counted with the interval before
        if ((fa <= 0.0) != (fb <= 0.0) || fb == 0.0) out.push_back(stateAt(solve(q, edges[i], edges[i + 1])));
    }
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
