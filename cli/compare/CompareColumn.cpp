#include "compare/CompareColumn.hpp"

#include "UsageError.hpp"
#include "deposition/DepositionRun.hpp"
#include "Progress.hpp"
#include "deposition/ErodedTargets.hpp"
#include "deposition/LifeSweep.hpp"
#include "elements/ElementTable.hpp"
#include "io/OutputFolder.hpp"
#include "util/PhysicalConstants.hpp"

#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iostream>
#include <sstream>

namespace magtwin {

namespace {

void compareProgress(const std::string& tool, const std::string& msg) {
    if (::isatty(2)) std::cerr << "[compare] " << tool << ": " << msg << "\n";
}

/// Mass density (kg/m^3) of an element of the built-in table: n m_atom.
double massDensity(const std::string& symbol) {
    const Element& e = ElementTable::builtin().get(symbol);
    return e.atomicDensityPerM3() * e.massAmu * kAtomicMassUnitKg;
}

const char* typeName(CathodeGroup::Type t) {
    switch (t) {
        case CathodeGroup::Type::RotaryArray: return "rotary";
        case CathodeGroup::Type::PlanarRect: return "planar-rect";
        case CathodeGroup::Type::PlanarCircular: return "planar-circular";
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

void requireComparable(const DepositCase& c, int lifePoints) {
    if (lifePoints < 2)
        throw UsageError("--life-points must be >= 2 (new and end of life), got " + std::to_string(lifePoints));
    if (c.cathodes.size() != 1)
        throw UsageError(c.file + ": compare needs one cathode or one cathode array (one life clock), the tool has " +
                         std::to_string(c.cathodes.size()) + " cathode groups");
    if (c.cathodes.front().lifeKWh >= 0)
        throw UsageError(c.file + ": cathode " + c.cathodes.front().name +
                         " has its own life: compare runs every target from new; remove it");
    if (c.motion.kind == SubstrateMotion::Kind::InlineScan)
        throw UsageError(c.file + ": compare needs a static or rotating substrate (rate per kW in nm/min per kW), "
                                  "motion kind is scan");
    if (!c.wobbleCandidatesRad.empty())
        throw UsageError(c.file + ": compare does not scan optimise.wobble_amplitudes; set the cathodes' wobble "
                                  "amplitude and remove the list");
}

CompareColumn compareColumn(const DepositCase& c, int lifePoints, TransportMethod method) {
    requireComparable(c, lifePoints);
    const CathodeGroup& g = c.cathodes.front();
    CompareColumn col;
    col.file = c.file;
    col.cathodeGroup = g.name;
    col.cathodeType = typeName(g.type);
    col.targetMaterial = g.discharge.targetMaterial;
    col.substrate = c.substrateName;
    col.cathodes = g.cathodeCount();
    col.cathodePowerKW = g.powerW / 1e3;
    col.substrateAreaM2 = c.substrate.shape == Substrate::Shape::Wafer
                              ? M_PI / 4 * c.substrate.sizeXM * c.substrate.sizeXM
                              : c.substrate.sizeXM * c.substrate.sizeYM;
    col.motionTimeS = c.motion.timeS;
    col.tool = std::filesystem::path(c.file).stem().string();
    const std::string& label = col.tool;
    const auto law = angularLaw(c);
    try {
        const SubstrateGrid grid = sampleSubstrate(c.substrate);
        TargetErosionState state(c.cathodes);
        compareProgress(label, "erosion engine: end of life");
        const TargetEndOfLife end = state.endsOfLife().front();
        col.targetLifeKWh = end.lifeKWh;
        col.utilizationPct = 100 * end.utilization();
        col.targetVolumeM3 = end.targetVolumeM3;
        col.targetMassKg = end.targetVolumeM3 * massDensity(g.discharge.targetMaterial);
        col.arrayMassKg = col.cathodes * col.targetMassKg;
        col.arrayLifeKWh = col.cathodes * end.lifeKWh;

        compareProgress(label, "new-target trims (the fixed recipe)");
        col.fixedTrims = newTargetTrims(c, law, grid, method);
        const std::vector<double> trims = cathodeTrims(c, col.fixedTrims);
        double sumTrims = 0, maxTrim = 0;
        for (double t : trims) sumTrims += t, maxTrim = std::max(maxTrim, t);
        col.arrayPowerKW = col.cathodePowerKW * sumTrims;
        col.arrayLifeHardestCathodeKWh = end.lifeKWh * sumTrims / maxTrim;

        const std::vector<double> kWh =
            comparisonPoints(lifePoints, kLastLifePointFraction * end.lifeKWh, end.lifeKWh / 2);
        for (std::size_t i = 0; i < kWh.size(); ++i) {
            compareProgress(label, "life point " + std::to_string(i + 1) + "/" + std::to_string(kWh.size()) + ": " +
                                       jsonNumber(kWh[i], 6) + " kWh");
            const std::vector<ErodedGroup> eroded = state.at(kWh[i], law);
            std::vector<double> fixedMap, retrimmedMap;
            col.points.push_back(
                computeLifePoint(c, law, eroded, kWh[i], col.fixedTrims, grid, method, fixedMap, retrimmedMap));
            col.ratePerKW.push_back(col.points.back().fixed.meanNm / (col.motionTimeS / 60) / col.arrayPowerKW);
        }
    } catch (const UsageError&) {
        throw;
    } catch (const std::invalid_argument& e) {
        throw UsageError(c.file + ": " + e.what());
    }
    col.newIndex = 0;
    col.midIndex = indexOf(col.points, col.targetLifeKWh / 2);
    col.endIndex = col.points.size() - 1;
    // Film and material: the recipe's film on new targets; substrates coated over one life.
    col.filmNm = col.points.front().fixed.meanNm;
    col.filmKgPerM2 = massDensity(c.filmMaterial) * col.filmNm * 1e-9;
    double integral = 0;  // int mean(L)/mean(0) dL over the life points (kWh), last rate held to L
    for (std::size_t i = 1; i < col.points.size(); ++i)
        integral += 0.5 * (col.points[i].fixed.meanNm + col.points[i - 1].fixed.meanNm) / col.filmNm *
                    (col.points[i].kWh - col.points[i - 1].kWh);
    integral += col.points.back().fixed.meanNm / col.filmNm * (col.targetLifeKWh - col.points.back().kWh);
    const double meanCathodePowerW = 1e3 * col.arrayPowerKW / col.cathodes;
    col.substratesPerLife = integral * 3.6e6 / (meanCathodePowerW * col.motionTimeS);
    col.coatedAreaM2 = col.substratesPerLife * col.substrateAreaM2;
    col.boughtKgPerM2 = col.arrayMassKg / col.coatedAreaM2;
    return col;
}

std::string compareColumnJson(const CompareColumn& col, int indent) {
    const std::string in(std::size_t(indent), ' '), in2 = in + "  ";
    auto num = [](double v) { return jsonNumber(v, 6); };
    auto uAt = [&](std::size_t i) {
        const LifePoint& p = col.points[i];
        return "{\"life_kWh\": " + num(p.kWh) + ", \"U_fixed_pct\": " + num(p.fixed.rangePct) +
               ", \"U_retrimmed_pct\": " + num(p.retrimmed.rangePct) + "}";
    };
    std::ostringstream o;
    o << "{\n"
      << in2 << "\"file\": \"" << col.file << "\",\n"
      << in2 << "\"tool\": \"" << col.tool << "\",\n"
      << in2 << "\"cathode\": \"" << col.cathodeGroup << "\",\n"
      << in2 << "\"cathode_type\": \"" << col.cathodeType << "\",\n"
      << in2 << "\"target_material\": \"" << col.targetMaterial << "\",\n"
      << in2 << "\"cathodes\": " << col.cathodes << ",\n"
      << in2 << "\"cathode_power_kW\": " << num(col.cathodePowerKW) << ",\n"
      << in2 << "\"array_power_kW\": " << num(col.arrayPowerKW) << ",\n"
      << in2 << "\"substrate\": \"" << col.substrate << "\",\n"
      << in2 << "\"substrate_area_m2\": " << num(col.substrateAreaM2) << ",\n"
      << in2 << "\"motion_time_s\": " << num(col.motionTimeS) << ",\n"
      // every digit: erode, deposit --life-sweep and replay give these to 1e-9 (tests/solvers/chamber)
      << in2 << "\"utilization_pct\": " << jsonNumber(col.utilizationPct, 17) << ",\n"
      << in2 << "\"target_life_kWh\": " << jsonNumber(col.targetLifeKWh, 17) << ",\n"
      << in2 << "\"array_life_kWh\": " << num(col.arrayLifeKWh) << ",\n"
      << in2 << "\"array_life_hardest_cathode_kWh\": " << num(col.arrayLifeHardestCathodeKWh) << ",\n"
      << in2 << "\"target_mass_kg\": " << num(col.targetMassKg) << ",\n"
      << in2 << "\"array_mass_kg\": " << num(col.arrayMassKg) << ",\n"
      << in2 << "\"film_nm\": " << num(col.filmNm) << ",\n"
      << in2 << "\"film_kg_per_m2\": " << num(col.filmKgPerM2) << ",\n"
      << in2 << "\"substrates_per_target_life\": " << num(col.substratesPerLife) << ",\n"
      << in2 << "\"coated_area_m2\": " << num(col.coatedAreaM2) << ",\n"
      << in2 << "\"material_bought_kg_per_m2\": " << num(col.boughtKgPerM2) << ",\n"
      << in2 << "\"bought_per_film_kg\": " << num(col.boughtKgPerM2 / col.filmKgPerM2) << ",\n"
      << in2 << "\"rate_nm_per_min_per_kW\": {\"new\": " << num(col.ratePerKW[col.newIndex])
      << ", \"mid\": " << num(col.ratePerKW[col.midIndex]) << ", \"end\": " << num(col.ratePerKW[col.endIndex]) << "},\n"
      << in2 << "\"U_new\": " << uAt(col.newIndex) << ",\n"
      << in2 << "\"U_mid\": " << uAt(col.midIndex) << ",\n"
      << in2 << "\"U_end\": " << uAt(col.endIndex) << ",\n"
      << in2 << "\"fixed_trims\": [";
    for (std::size_t k = 0; k < col.fixedTrims.size(); ++k) o << (k ? ", " : "") << num(col.fixedTrims[k]);
    o << "],\n" << in2 << "\"points\": [";
    for (std::size_t i = 0; i < col.points.size(); ++i) {
        const LifePoint& p = col.points[i];
        o << (i ? "," : "") << "\n" << in2 << "  {\"life_kWh\": " << num(p.kWh)
          << ", \"life_fraction\": " << num(p.kWh / col.targetLifeKWh) << ", \"U_fixed_pct\": " << num(p.fixed.rangePct)
          << ", \"U_retrimmed_pct\": " << num(p.retrimmed.rangePct) << ", \"sigma_fixed_pct\": " << num(p.fixed.sigmaPct)
          << ", \"mean_fixed_nm\": " << num(p.fixed.meanNm) << ", \"rate_nm_per_min_per_kW\": " << num(col.ratePerKW[i])
          << "}";
    }
    o << "\n" << in2 << "]\n" << in << "}";
    return o.str();
}

}  // namespace magtwin
