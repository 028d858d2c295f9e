#include "solvers/deposition/RingMagnetDesign.hpp"

#include "boundary/racetrack/RacetrackFlux.hpp"
#include "boundary/racetrack/TrackProfile.hpp"
#include "solvers/deposition/DesignSearch.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <stdexcept>

namespace magtwin {

namespace {

RingMagnetDesign designOf(const std::vector<double>& x) { return {x[0], x[1], x[2], x[3]}; }

/// For each throw value of the search grid, the lowest-U design evaluated with that throw.
std::vector<RingMagnetFigures> bestPerThrow(const std::map<std::vector<double>, RingMagnetFigures>& searched,
                                            const DesignParameter& throwAxis) {
    std::vector<RingMagnetFigures> out;
    const int n = throwAxis.lo == throwAxis.hi ? 1 : throwAxis.gridPoints;
    for (int i = 0; i < n; ++i) {
        const double t = n == 1
                             ? throwAxis.lo
                             : (i + 1 == n ? throwAxis.hi : throwAxis.lo + (throwAxis.hi - throwAxis.lo) * i / (n - 1));
        const RingMagnetFigures* best = nullptr;
        for (const auto& [x, f] : searched)
            if (x[2] == t && (!best || f.u.rangePct < best->u.rangePct)) best = &f;
        if (best) out.push_back(*best);
    }
    return out;
}

}  // namespace

const CathodeGroup& ringMagnetCathode(const DepositCase& c) {
    if (c.cathodes.size() != 1 || c.cathodes.front().type != CathodeGroup::Type::PlanarCircular)
        throw std::invalid_argument(c.file +
                                    ": --design-search needs a tool with exactly one cathode, of type "
                                    "planar-circular");
    return c.cathodes.front();
}

RingMagnetBounds defaultRingMagnetBounds(const DepositCase& c) {
    const PlanarCircularTarget t = planarCircularOf(ringMagnetCathode(c));
    return {0.2 * t.radiusM, t.radiusM - t.magnetOffsetM, 0.008, 0.040, 0.050, 0.300, t.magnetOffsetM, t.magnetOffsetM};
}

RingMagnetDesign ringMagnetDesignOf(const DepositCase& c) {
    const PlanarCircularTarget t = planarCircularOf(ringMagnetCathode(c));
    // Another profile shape: the sigma of the Gaussian with its FWHM (FWHM = 2 sqrt(2 ln 2) sigma).
    const double sigma = t.profile ? t.profile->fwhm() / (2 * std::sqrt(2 * std::log(2.0))) : t.sigmaM;
    return {t.trackRadiusM, sigma, t.centre.z(), t.magnetOffsetM};
}

DepositCase withRingMagnetDesign(const DepositCase& c, const RingMagnetDesign& d) {
    ringMagnetCathode(c);
    DepositCase out = c;
    CathodeSpec& k = out.cathodes.front().cathode;  // the resolved cathode: every path reads it
    k.magnets.track.ringRadiusM = d.ringM;
    k.magnets.profile = TrackProfileSpec{};  // a Gaussian of sigma d.sigmaM
    k.magnets.profile.sigmaM = d.sigmaM;
    k.position.z() = d.throwM;
    k.magnets.track.magnetOffsetM = d.offsetM;
    if (d.offsetM > 0) k.magnets.motion.kind = MagnetMotion::Kind::Rotating;
    k.magnets.motion.offsetM = d.offsetM;
    return out;
}

bool ringTrackFits(const CathodeGroup& g, const RingMagnetDesign& d) {
    TargetGeometry disc;
    disc.kind = CathodeKind::PlanarCircular;
    disc.radiusM = g.cathode.geometry.radiusM;
    disc.thicknessM =
        g.cathode.target.thicknessM > 0 ? g.cathode.target.thicknessM : disc.radiusM;  // not part of the rule
    RacetrackSpec ring;
    ring.ringRadiusM = d.ringM;
    ring.magnetOffsetM = d.offsetM;
    ring.magnetAngleSamples = g.cathode.magnets.track.magnetAngleSamples;
    try {
        RacetrackFlux(disc, ring, std::make_shared<GaussianProfile>(d.sigmaM), 1.0);
        return true;
    } catch (const std::invalid_argument&) {
        return false;
    }
}

DepositRun ringMagnetRun(const DepositCase& c, const RingMagnetDesign& d, double pitchM) {
    DepositCase trial = withRingMagnetDesign(c, d);
    trial.substrate.pitchM = pitchM;
    trial.optimiseTrims = false;  // the tool's own trims (one cathode: a trim scales the map, U is the same)
    trial.endBoostGainBounds.clear(), trial.endBoostLengthBoundsM.clear();  // straight tracks only
    return runDeposition(trial, 0.0, "fast");
}

RingMagnetFigures ringMagnetFigures(const DepositRun& run, const RingMagnetDesign& d) {
    const bool scanned = run.config.motion.kind == SubstrateMotion::Kind::InlineScan;
    return {d, run.uniformity, scanned ? 0.0 : run.uniformity.meanNm / run.config.motion.timeS};
}

RingMagnetSearch searchRingMagnet(const DepositCase& c, const RingMagnetBounds& b,
                                  const std::function<bool(const RingMagnetDesign&)>& toolAccepts,
                                  const ProgressFn& progress) {
    const CathodeGroup& g = ringMagnetCathode(c);
    RingMagnetSearch s;
    s.bounds = b;
    const double offsetM = g.cathode.magnets.track.magnetOffsetM;
    if ((b.offsetLoM != offsetM || b.offsetHiM != offsetM) && !(offsetM > 0))
        throw std::invalid_argument(c.file +
                                    ": the magnet offset is searched only for a rotating magnet "
                                    "(magnets.motion: {kind: rotating, offset})");
    const std::vector<DesignParameter> params = {{"ring radius", b.ringLoM, b.ringHiM, 9, 0.5e-3},
                                                 {"sigma", b.sigmaLoM, b.sigmaHiM, 5, 0.25e-3},
                                                 {"throw", b.throwLoM, b.throwHiM, 6, 1e-3},
                                                 {"magnet offset", b.offsetLoM, b.offsetHiM, 4, 0.5e-3}};
    s.searchPitchM = std::max(c.substrate.pitchM, c.substrateName == "wafer" ? 0.003 : 0.010);
    const auto feasible = [&](const std::vector<double>& x) {
        const RingMagnetDesign d = designOf(x);
        return ringTrackFits(g, d) && (!toolAccepts || toolAccepts(d));
    };
    std::map<std::vector<double>, RingMagnetFigures> searched;  // every design on the search grid
    const auto objective = [&](const std::vector<double>& x) {
        const RingMagnetDesign d = designOf(x);
        const RingMagnetFigures f = ringMagnetFigures(ringMagnetRun(c, d, s.searchPitchM), d);
        searched[x] = f;
        return f.u.rangePct;
    };
    DesignSearchResult found;
    try {
        found = searchDesign(params, feasible, objective, 3, [&progress](int n) {
            if (progress && n % 20 == 0) progress("design search: " + std::to_string(n) + " designs evaluated");
        });
    } catch (const std::invalid_argument& e) {
        throw std::invalid_argument(c.file + ": " + e.what());
    }
    s.gridEvaluations = found.gridEvaluations;
    s.refinementEvaluations = found.refinementEvaluations;
    // The best five at the substrate's own pitch (the verdict's grid), best of those kept.
    for (std::size_t i = 0; i < std::min<std::size_t>(5, found.evaluated.size()); ++i) {
        const RingMagnetDesign d = designOf(found.evaluated[i].x);
        DepositRun r = ringMagnetRun(c, d, c.substrate.pitchM);
        s.best.push_back(ringMagnetFigures(r, d));
        if (s.best.size() == 1 || r.uniformity.rangePct < s.bestRun.uniformity.rangePct) s.bestRun = std::move(r);
    }
    std::stable_sort(s.best.begin(), s.best.end(), [](const RingMagnetFigures& x, const RingMagnetFigures& y) {
        return x.u.rangePct < y.u.rangePct;
    });
    DepositCase own = c;
    own.optimiseTrims = false;
    own.endBoostGainBounds.clear(), own.endBoostLengthBoundsM.clear();
    s.toolDesign = ringMagnetFigures(runDeposition(own, 0.0, "fast"), ringMagnetDesignOf(c));
    s.bestPerThrow = bestPerThrow(searched, params[2]);
    return s;
}

}  // namespace magtwin
