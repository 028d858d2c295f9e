#include "solvers/deposition/LifeSweep.hpp"

#include "boundary/elements/ElementTable.hpp"

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace magtwin {

namespace {

double number(const std::string& s, const std::string& what, const std::string& text) {
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(v))
        throw std::invalid_argument("--life-sweep '" + text + "': " + what + " '" + s + "' is not a number");
    return v;
}

}  // namespace

LifeSweepRange parseLifeSweep(const std::string& text) {
    const std::size_t a = text.find(':'), b = a == std::string::npos ? a : text.find(':', a + 1);
    if (a == std::string::npos || b == std::string::npos || text.find(':', b + 1) != std::string::npos)
        throw std::invalid_argument("--life-sweep '" + text + "': expected FROM:TO:N (kWh, kWh, number of points)");
    LifeSweepRange r;
    r.fromKWh = number(text.substr(0, a), "FROM", text);
    const std::string to = text.substr(a + 1, b - a - 1);
    r.toEndOfLife = to == "eol" || to == "EOL";
    r.toKWh = r.toEndOfLife ? INFINITY : number(to, "TO", text);
    const double n = number(text.substr(b + 1), "N", text);
    if (!(r.fromKWh >= 0)) throw std::invalid_argument("--life-sweep '" + text + "': FROM must be >= 0 kWh");
    if (!(r.toKWh >= r.fromKWh)) throw std::invalid_argument("--life-sweep '" + text + "': TO must be >= FROM");
    if (!(n >= 1) || n != std::floor(n) || n > 10000)
        throw std::invalid_argument("--life-sweep '" + text + "': N must be an integer from 1 to 10000");
    r.points = int(n);
    if (r.points == 1 && r.toEndOfLife) r.toEndOfLife = false, r.toKWh = r.fromKWh;
    if (r.points > 1 && r.toKWh == r.fromKWh)
        throw std::invalid_argument("--life-sweep '" + text + "': N > 1 needs TO > FROM");
    return r;
}

std::vector<double> lifePoints(const LifeSweepRange& r) {
    std::vector<double> p;
    for (int i = 0; i < r.points; ++i)
        p.push_back(r.points == 1 ? r.fromKWh : r.fromKWh + (r.toKWh - r.fromKWh) * i / (r.points - 1));
    return p;
}

std::optional<double> firstSpecCrossingKWh(const std::vector<double>& kWh, const std::vector<double>& uPct,
                                           double specPct) {
    if (kWh.size() != uPct.size()) throw std::invalid_argument("spec crossing: one U per life point");
    for (std::size_t i = 0; i < kWh.size(); ++i) {
        if (!(uPct[i] > specPct)) continue;
        if (i == 0) return kWh[0];
        const double f = (specPct - uPct[i - 1]) / (uPct[i] - uPct[i - 1]);
        return kWh[i - 1] + f * (kWh[i] - kWh[i - 1]);
    }
    return std::nullopt;
}

std::optional<LifeInSubstrates> lifeInSubstrates(const DepositCase& c, double endOfLifeKWh,
                                                 const std::vector<double>& trims) {
    if (!(c.cycleTimeS > 0)) return std::nullopt;
    LifeInSubstrates l;
    l.cycleTimeS = c.cycleTimeS;
    l.exposureS = c.motion.kind == SubstrateMotion::Kind::InlineScan ? c.cycleTimeS : c.motion.timeS;
    for (double p : cathodePowersW(c, trims)) l.highestPowerW = std::max(l.highestPowerW, p);
    if (!(l.highestPowerW > 0) || !(l.exposureS > 0)) return std::nullopt;
    l.substrates = endOfLifeKWh * 3.6e6 / (l.highestPowerW * l.exposureS);
    l.days = l.substrates * l.cycleTimeS / 86400.0;
    return l;
}

LifePoint computeLifePoint(const DepositCase& c, std::shared_ptr<const EmissionAngularDistribution> law,
                           const std::vector<ErodedGroup>& eroded, double kWh, const std::vector<double>& fixedTrims,
                           const SubstrateGrid& grid, TransportMethod method, std::vector<double>& thicknessFixed,
                           std::vector<double>& thicknessRetrimmed) {
    const double n = c.filmMaterial.filmAtomicDensityPerM3();
    const CathodeResponses responses = responsesAt(c, law, kWh, eroded, grid, method);
    auto mapWith = [&](const std::vector<double>& trims) {
        return thicknessNm(responses.combined(cathodeTrims(c, trims)), n, c.sticking);
    };
    LifePoint p;
    p.kWh = kWh;
    thicknessFixed = mapWith(fixedTrims);
    p.fixed = uniformity(thicknessFixed, grid.inUniformityArea, c.uniformityTargetPct);
    if (p.fixed.meanNm > 0)
        p.diagnosis = diagnoseUniformity(thicknessFixed, grid.inUniformityArea, diagnosisGeometryOf(c, grid));
    if (c.optimiseTrims) {
        double pitch = 0;
        p.trims = optimiseTrims(c, law, kWh, eroded, method, pitch, &responses).trims;
        thicknessRetrimmed = mapWith(p.trims);
        p.retrimmed = uniformity(thicknessRetrimmed, grid.inUniformityArea, c.uniformityTargetPct);
    } else {
        p.trims = fixedTrims;
        thicknessRetrimmed = thicknessFixed;
        p.retrimmed = p.fixed;
    }
    return p;
}

std::vector<double> newTargetTrims(const DepositCase& c, std::shared_ptr<const EmissionAngularDistribution> law,
                                   const SubstrateGrid& grid, TransportMethod method, const ProgressFn& progress) {
    if (!c.optimiseTrims) return {};
    if (progress) progress("new-target trims (the fixed recipe)");
    double pitch = 0;
    const std::vector<ErodedGroup> fresh = erodeCathodeGroups(c.cathodes, law, 0.0);
    const CathodeResponses atNew = responsesAt(c, law, 0.0, fresh, grid, method);
    return optimiseTrims(c, law, 0.0, fresh, method, pitch, &atNew).trims;
}

std::vector<LifePoint> lifePointsAlong(const DepositCase& c, std::shared_ptr<const EmissionAngularDistribution> law,
                                       TargetErosionState& state, const std::vector<double>& kWh,
                                       const std::vector<double>& fixedTrims, const SubstrateGrid& grid,
                                       TransportMethod method, const LifePointSink& onPoint,
                                       const ProgressFn& progress) {
    std::vector<LifePoint> points;
    for (std::size_t i = 0; i < kWh.size(); ++i) {
        if (progress) {
            std::ostringstream m;
            m << std::setprecision(6) << "life point " << i + 1 << "/" << kWh.size() << ": " << kWh[i] << " kWh";
            progress(m.str());
        }
        const std::vector<ErodedGroup> eroded = state.at(kWh[i], law);
        std::vector<double> fixedMap, retrimmedMap;
        points.push_back(computeLifePoint(c, law, eroded, kWh[i], fixedTrims, grid, method, fixedMap, retrimmedMap));
        if (onPoint) onPoint(i, points.back(), grid, fixedMap, retrimmedMap);
    }
    return points;
}

LifeSweepResult sweepLife(const DepositCase& c, const LifeSweepRange& range, TransportMethod method,
                          const LifePointSink& onPoint, const ProgressFn& progress) {
    const auto say = [&progress](const std::string& m) {
        if (progress) progress(m);
    };
    if (!c.wobbleCandidatesRad.empty())
        throw std::invalid_argument(c.file +
                                    ": --life-sweep does not scan optimise.wobble_amplitudes; set the "
                                    "wobble_amplitude of the cathodes and remove the list");
    if (!c.endBoostGainBounds.empty() || !c.endBoostLengthBoundsM.empty())
        throw std::invalid_argument(c.file +
                                    ": --life-sweep does not search optimise.end_boost_gain/end_boost_length; "
                                    "set the along_track gain and length of the cathodes and remove the bounds");
    const auto law = angularLaw(c);
    LifeSweepResult result;
    try {
        const SubstrateGrid grid = sampleSubstrate(c.substrate);
        TargetErosionState state(c.cathodes);
        say("erosion engine: end of life of the targets");
        result.endOfLifeKWh = state.endOfLifeKWh();
        result.range = range;
        if (range.toEndOfLife) {
            // 0.1 % before the end of life: the state stepped through the earlier points reaches
            // the remaining-thickness limit within that of the end a single run from new reports
            // (measured: 3e-5 of it for the test pair at N = 3), so the last point is always a map.
            result.range.toKWh = result.endOfLifeKWh * (1 - kEndOfLifeMargin);
            if (range.fromKWh >= result.endOfLifeKWh) {
                std::ostringstream m;
                m << std::setprecision(6) << "--life-sweep: FROM = " << range.fromKWh
                  << " kWh is not before the end of life (" << result.endOfLifeKWh << " kWh)";
                throw std::invalid_argument(m.str());
            }
        } else if (range.toKWh > result.endOfLifeKWh) {
            std::ostringstream m;
            m << std::setprecision(6) << "--life-sweep: TO = " << range.toKWh << " kWh is past the end of life ("
              << result.endOfLifeKWh << " kWh, " << 1e3 * c.cathodes.front().erosion.minRemainingThicknessM
              << " mm remaining; TO = eol sweeps to it)";
            throw std::invalid_argument(m.str());
        }
        // The recipe: trims optimised on new targets (or the configured trims).
        result.fixedTrims = newTargetTrims(c, law, grid, method, progress);
        const std::vector<double> kWh = lifePoints(result.range);
        result.points = lifePointsAlong(c, law, state, kWh, result.fixedTrims, grid, method, onPoint, progress);
        std::vector<double> uFixed;
        for (const LifePoint& p : result.points) uFixed.push_back(p.fixed.rangePct);
        result.fixedRecipeLeavesSpecKWh = firstSpecCrossingKWh(kWh, uFixed, c.uniformityTargetPct);
        const double mean0 = result.points.front().fixed.meanNm, mean1 = result.points.back().fixed.meanNm;
        result.rateLossPct = mean0 > 0 ? 100.0 * (1.0 - mean1 / mean0) : 0.0;
        result.newTargetPowersW = cathodePowersW(c, result.fixedTrims);
        result.lastPointPowersW = cathodePowersW(c, result.points.back().trims);
        result.life = lifeInSubstrates(c, result.endOfLifeKWh, result.fixedTrims);
    } catch (const std::invalid_argument& e) {
        const std::string what = e.what();
        if (what.rfind(c.file, 0) == 0) throw;
        throw std::invalid_argument(c.file + ": " + what);
    }
    return result;
}

}  // namespace magtwin
