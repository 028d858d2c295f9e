#include "solvers/deposition/TargetLifeCost.hpp"

#include "boundary/elements/ElementTable.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "solvers/deposition/ErodedTargets.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace magtwin {

namespace {

/// Mass density (kg/m^3) of a target (film: its film density): n <m_atom>.
double massDensity(const Material& m, bool film) {
    return (film ? m.filmAtomicDensityPerM3() : m.atomicDensityPerM3()) * m.meanMassAmu() * kAtomicMassUnitKg;
}

const char* typeName(CathodeGroup::Type t) {
    switch (t) {
        case CathodeGroup::Type::RotaryArray:
            return "rotary";
        case CathodeGroup::Type::PlanarRect:
            return "planar-rect";
        case CathodeGroup::Type::PlanarCircular:
            return "planar-circular";
    }
    return "?";
}

/// 0, evenly spaced points to `lastKWh`, and `midKWh` inserted (ascending, no duplicates).
std::vector<double> comparisonPoints(int n, double lastKWh, double midKWh) {
    std::vector<double> kWh = lifePoints({0.0, lastKWh, n});
    if (std::none_of(kWh.begin(), kWh.end(), [&](double v) { return std::abs(v - midKWh) <= 1e-9 * lastKWh; }))
        kWh.insert(std::upper_bound(kWh.begin(), kWh.end(), midKWh), midKWh);
    return kWh;
}

std::size_t indexOf(const std::vector<LifePoint>& pts, double kWh) {
    std::size_t best = 0;
    for (std::size_t i = 1; i < pts.size(); ++i)
        if (std::abs(pts[i].kWh - kWh) < std::abs(pts[best].kWh - kWh)) best = i;
    return best;
}

}  // namespace

LifeCost lifeCost(const LifeCostInputs& in) {
    if (in.lifeKWh.empty() || in.lifeKWh.size() != in.meanFilmNm.size() || in.lifeKWh.front() != 0)
        throw std::invalid_argument("target life cost: one mean film per life point, the first at 0 kWh");
    if (!(in.cathodes >= 1) || in.trims.size() != std::size_t(in.cathodes) || !(in.cathodePowerKW > 0) ||
        !(in.meanFilmNm.front() > 0) || !(in.motionTimeS > 0) || !(in.substrateAreaM2 > 0) || !(in.targetLifeKWh > 0))
        throw std::invalid_argument(
            "target life cost: need cathodes >= 1 with one trim each, power, film at new, "
            "motion time, substrate area and target life > 0");
    LifeCost c;
    double sumTrims = 0, maxTrim = 0;
    for (double t : in.trims) sumTrims += t, maxTrim = std::max(maxTrim, t);
    c.arrayPowerKW = in.cathodePowerKW * sumTrims;
    c.arrayLifeKWh = in.cathodes * in.targetLifeKWh;
    c.arrayLifeHardestCathodeKWh = in.targetLifeKWh * sumTrims / maxTrim;
    c.targetMassKg = in.targetVolumeM3 * in.targetDensityKgM3;
    c.arrayMassKg = in.cathodes * c.targetMassKg;
    for (double m : in.meanFilmNm) c.ratePerKW.push_back(m / (in.motionTimeS / 60) / c.arrayPowerKW);
    // Film and material: the recipe's film on new targets; substrates coated over one life.
    c.filmNm = in.meanFilmNm.front();
    c.filmKgPerM2 = in.filmDensityKgM3 * c.filmNm * 1e-9;
    double integral = 0;  // int mean(L)/mean(0) dL over the life points (kWh), last rate held to L
    for (std::size_t i = 1; i < in.lifeKWh.size(); ++i)
        integral += 0.5 * (in.meanFilmNm[i] + in.meanFilmNm[i - 1]) / c.filmNm * (in.lifeKWh[i] - in.lifeKWh[i - 1]);
    integral += in.meanFilmNm.back() / c.filmNm * (in.targetLifeKWh - in.lifeKWh.back());
    const double meanCathodePowerW = 1e3 * c.arrayPowerKW / in.cathodes;
    c.substratesPerLife = integral * 3.6e6 / (meanCathodePowerW * in.motionTimeS);
    c.coatedAreaM2 = c.substratesPerLife * in.substrateAreaM2;
    c.boughtKgPerM2 = c.arrayMassKg / c.coatedAreaM2;
    c.depositedFraction = c.filmKgPerM2 * c.coatedAreaM2 / (c.arrayMassKg * in.utilization);
    return c;
}

void requireComparable(const DepositCase& c, int lifePoints) {
    if (lifePoints < 2)
        throw std::invalid_argument("--life-points must be >= 2 (new and end of life), got " +
                                    std::to_string(lifePoints));
    if (c.cathodes.size() != 1)
        throw std::invalid_argument(c.file +
                                    ": compare needs one cathode or one cathode array (one life clock), the tool has " +
                                    std::to_string(c.cathodes.size()) + " cathode groups");
    if (c.cathodes.front().lifeKWh >= 0)
        throw std::invalid_argument(c.file + ": cathode " + c.cathodes.front().name +
                                    " has its own life: compare runs every target from new; remove it");
    if (c.motion.kind == SubstrateMotion::Kind::InlineScan)
        throw std::invalid_argument(c.file +
                                    ": compare needs a static or rotating substrate (rate per kW in nm/min per "
                                    "kW), motion kind is scan");
    if (!c.wobbleCandidatesRad.empty())
        throw std::invalid_argument(c.file +
                                    ": compare does not scan optimise.wobble_amplitudes; set the cathodes' "
                                    "wobble amplitude and remove the list");
}

TargetLifeCost targetLifeCost(const DepositCase& c, int lifePoints, TransportMethod method,
                              const ProgressFn& progress) {
    const auto say = [&progress](const std::string& m) {
        if (progress) progress(m);
    };
    requireComparable(c, lifePoints);
    const CathodeGroup& g = c.cathodes.front();
    TargetLifeCost col;
    col.file = c.file;
    col.tool = std::filesystem::path(c.file).stem().string();
    col.cathodeGroup = g.name;
    col.cathodeType = typeName(g.type);
    col.targetMaterial = g.discharge.targetMaterial.name;
    col.substrate = c.substrateName;
    LifeCostInputs& in = col.inputs;
    in.cathodes = g.cathodeCount();
    in.cathodePowerKW = g.powerW / 1e3;
    in.substrateAreaM2 = c.substrate.shape == Substrate::Shape::Wafer
                             ? M_PI / 4 * c.substrate.sizeXM * c.substrate.sizeXM
                             : c.substrate.sizeXM * c.substrate.sizeYM;
    in.motionTimeS = c.motion.timeS;
    in.targetDensityKgM3 = massDensity(g.discharge.targetMaterial, false);
    in.filmDensityKgM3 = massDensity(c.filmMaterial, true);
    const auto law = angularLaw(c);
    try {
        const SubstrateGrid grid = sampleSubstrate(c.substrate);
        TargetErosionState state(c.cathodes);
        say("erosion engine: end of life");
        const TargetEndOfLife end = state.endsOfLife().front();
        col.targetLifeKWh = in.targetLifeKWh = end.lifeKWh;
        in.utilization = end.utilization();
        col.utilizationPct = 100 * end.utilization();
        col.targetVolumeM3 = in.targetVolumeM3 = end.targetVolumeM3;

        col.fixedTrims = newTargetTrims(c, law, grid, method, progress);
        in.trims = cathodeTrims(c, col.fixedTrims);
        const std::vector<double> kWh =
            comparisonPoints(lifePoints, kLastLifePointFraction * end.lifeKWh, end.lifeKWh / 2);
        col.points = lifePointsAlong(c, law, state, kWh, col.fixedTrims, grid, method, {}, progress);
        for (const LifePoint& p : col.points) {
            in.lifeKWh.push_back(p.kWh);
            in.meanFilmNm.push_back(p.fixed.meanNm);
        }
        col.cost = lifeCost(in);
    } catch (const std::invalid_argument& e) {
        const std::string what = e.what();
        if (what.rfind(c.file, 0) == 0) throw;
        throw std::invalid_argument(c.file + ": " + what);
    }
    col.newIndex = 0;
    col.midIndex = indexOf(col.points, col.targetLifeKWh / 2);
    col.endIndex = col.points.size() - 1;
    return col;
}

}  // namespace magtwin
