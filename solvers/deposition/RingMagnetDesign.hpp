// RingMagnetDesign: the magnet design search of a wafer chamber with one planar-circular
// cathode (`magtwin deposit TOOL --design-search`). Parameters (DesignSearch.hpp: grid +
// compass refinement, deterministic):
//   ring radius a of the magnet's racetrack ring (RacetrackSpec::ringRadiusM),
//   its width: Gaussian profile sigma (the search's profile is Gaussian; a tool's other
//   profile shape is replaced by the Gaussian of the searched sigma),
//   throw: the target face's height above the substrate (the cathode's centre z).
//   and, for a rotating magnet, its offset e (the ring centre from the target axis; the flux
//   is the time average over a turn of the ring moved by e, RacetrackFlux planar-circular).
//   By default e stays the tool's own (a fixed parameter): the magnet as it is built.
// A design is feasible only when its track fits the target by the erosion engine's own rule
// (RacetrackFlux::checkInsideTarget: a + e + the profile's 1 % footprint, 3.035 sigma for a
// Gaussian, <= target radius), so every design can also be eroded (--life-kWh,
// --life-sweep), and when the caller's check of the tool accepts it (the command: no sensor
// inside the moved target body, so the written tool file loads).
// Default bounds: e fixed at the tool's; ring 20 % of the target radius .. target radius - e; sigma 8..40 mm (8 mm:
// a fixed racetrack's width, the narrowest a time average can be); throw 50..300 mm, from
// short-throw chambers (target-to-substrate 40-70 mm for 4-6 inch cathodes: ULVAC, "T/S
// distance", https://www.ulvac.co.jp/wiki/process_g_keyword_ts/) to long-throw sputtering
// (300 mm target-to-wafer: Takagi et al., J. Vac. Sci. Technol. B 23 (2005) 1076,
// doi:10.1116/1.1924609, section II).
// Objective: U = (max - min) / (max + min) of the film in the uniformity area of the plain
// `deposit` run (new target, fast transport, the tool's own trims: runDeposition) on a copy
// of the substrate grid at the trim optimiser's pitch (3 mm wafer, 10 mm glass, or the
// substrate's own when coarser); the best five designs are re-run at the substrate's own
// pitch, and the best of those is the result.
#pragma once

#include "solvers/deposition/DepositionRun.hpp"

#include <functional>
#include <vector>

namespace magtwin {

/// One design (m).
struct RingMagnetDesign {
    double ringM = 0, sigmaM = 0, throwM = 0;
    double offsetM = 0;  ///< rotating magnet: ring centre from the target axis (0: fixed magnet)
};

struct RingMagnetBounds {
    double ringLoM = 0, ringHiM = 0, sigmaLoM = 0, sigmaHiM = 0, throwLoM = 0, throwHiM = 0;
    double offsetLoM = 0, offsetHiM = 0;  ///< lo == hi: fixed
};

/// A design's film: U, sigma/mean, mean (UniformityReport) and the deposition rate (nm/s:
/// mean film / motion time; 0 for a scanned substrate).
struct RingMagnetFigures {
    RingMagnetDesign design;
    UniformityReport u;
    double rateNmS = 0;
};

struct RingMagnetSearch {
    RingMagnetBounds bounds;
    double searchPitchM = 0;
    int gridEvaluations = 0, refinementEvaluations = 0;
    RingMagnetFigures toolDesign;         ///< the case's own design, at the substrate's pitch
    std::vector<RingMagnetFigures> best;  ///< up to five, best first, at the substrate's pitch
    /// The throw/rate trade-off: for each throw of the search grid, the lowest-U design
    /// evaluated with that throw (figures on the search grid).
    std::vector<RingMagnetFigures> bestPerThrow;
    DepositRun bestRun;  ///< the best design's run (what `deposit` writes)
};

/// The case's one planar-circular cathode; throws std::invalid_argument naming the case's
/// file when it has another cathode or more than one.
const CathodeGroup& ringMagnetCathode(const DepositCase& c);
/// The default bounds (header) for the case's cathode.
RingMagnetBounds defaultRingMagnetBounds(const DepositCase& c);
/// The case's own design (its ring radius, its profile's sigma, its throw, its offset).
RingMagnetDesign ringMagnetDesignOf(const DepositCase& c);
/// The case with design `d`: ring radius, a Gaussian profile of sigma, the cathode at z = throw,
/// the magnet offset.
DepositCase withRingMagnetDesign(const DepositCase& c, const RingMagnetDesign& d);
/// The erosion engine's rule: ring radius + magnet offset + the Gaussian's 1 % footprint
/// <= target radius.
bool ringTrackFits(const CathodeGroup& g, const RingMagnetDesign& d);
/// The plain `deposit` run of design `d` (new target, fast, the case's own trims) on the
/// substrate at `pitchM`, and its figures.
DepositRun ringMagnetRun(const DepositCase& c, const RingMagnetDesign& d, double pitchM);
RingMagnetFigures ringMagnetFigures(const DepositRun& run, const RingMagnetDesign& d);

/// The search over `bounds` (header). `toolAccepts` (optional): the caller's check of a
/// design against the rest of the tool. Throws std::invalid_argument naming the case's
/// file on bad bounds, a case without exactly one planar-circular cathode, an offset range
/// for a magnet that does not rotate, or when no design of the grid is feasible.
RingMagnetSearch searchRingMagnet(const DepositCase& c, const RingMagnetBounds& bounds,
                                  const std::function<bool(const RingMagnetDesign&)>& toolAccepts = {},
                                  const ProgressFn& progress = {});

}  // namespace magtwin
