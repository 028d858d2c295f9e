// ErodedTargets: the emission of used targets, from the erosion engine.
//
// At a life point L (kWh per cathode) each cathode group's target is eroded by the
// erosion engine of its CathodeSpec at the group's operating point with the chamber's
// erosion: settings (makeErosionEngine, solvers/chamber: the builder `magtwin erode` uses,
// so grid spacing, depth increment, angular law and cells, minimum remaining thickness,
// life limit, multiplier map and narrowing exponent are honoured alike), and its emission
// map (emissionMapAtLife -> ErosionFront::surface: the eroded surface, its normals and the
// sputtered flux Gamma m Y(E, theta)) becomes the deposition source
// (emissionSourceFromGrid, periodic around a rotary tube). The groove walls tilt the
// emission and sputter with the angular yield; the surface recedes from the substrate.
// All cathodes of a group share one map (the eroded shape depends on the energy delivered,
// kWh, not on the power; a power trim scales the flux), and groups with the same erosion
// inputs (erosionKey) share one erosion: TargetErosionState keeps one GroupErosion per
// distinct target and advances it from life point to life point (a life sweep erodes each
// step once). The source keeps the eroded geometry exactly (no snapping of heights or
// normals: the direct sum is the reference; the fast transport groups them itself).
//
// Frames: the erosion engine puts the target's long axis (planar-rect length, rotary
// axis) along x; the deposition layout puts it along y. The map is turned by +90 deg
// about z: (x, y, z) -> (c_x - y, c_y + x, z).
// Magnet wobble on a rotary tube: the eroded tube is the rotation average (ErosionEngine.hpp), so a
// racetrack swung by a is the map's flux turned by a around the axis; the wobble average
// uses the Gauss-Chebyshev nodes of RacetrackSources.hpp with linear interpolation
// between angular cells. A planar magnet travel across the width changes the erosion
// itself: the erosion engine erodes with the travel-averaged flux (ErosionSettings::
// magnetTravelM) and its map is already the time-averaged emission.
#pragma once

#include "solvers/deposition/CathodeLayout.hpp"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace magtwin {

struct ErodedGroup {
    bool eroded = false;  ///< false at life 0: the group uses the racetrack sources
    double lifeKWh = 0.0;
    double maxDepthM = 0.0;
    double erodedVolumeM3 = 0.0;  ///< volume removed from one target of the group (ErosionFront::erodedVolume)
    double targetVolumeM3 = 0.0;  ///< volume of one new target (ErosionGrid::targetVolume; 0 at life 0)
    EmissionSource prototype;     ///< first cathode of the group at trim 1, centred on the group's x
};

/// A target at its end of life (the chamber's erosion.min_remaining_thickness somewhere, or
/// erosion.limit), as `magtwin erode` reports it (ErosionLife: utilization = eroded volume /
/// volume of the new target): the same engine and steps, so the same numbers.
struct TargetEndOfLife {
    double lifeKWh = 0.0;         ///< energy delivered to the target (kWh)
    double erodedVolumeM3 = 0.0;  ///< volume removed by then
    double targetVolumeM3 = 0.0;  ///< volume of the new target
    double utilization() const { return erodedVolumeM3 / targetVolumeM3; }
};

/// The life point of group `g` for a run at `runLifeKWh` (the group's own life wins).
double groupLifeKWh(const CathodeGroup& g, double runLifeKWh);

/// The erosion of one group's target, kept between life points (the twin's erosion state):
/// mapAt() advances the front from where it is, so a life sweep erodes each step once.
class GroupErosion {
public:
    explicit GroupErosion(const CathodeGroup& g);
    ~GroupErosion();
    double lifeKWh() const;
    /// The emission map (erosion frame, no wobble average) at `lifeKWh` >= lifeKWh().
    GridSurface mapAt(double lifeKWh);
    /// Life at the end of life (ErosionLife), run from the new target.
    double endOfLifeKWh() const;
    /// The target at that end of life (from the new target, whatever the state; computed once).
    TargetEndOfLife endOfLife() const;
    /// Volume removed from the target so far (m^3).
    double erodedVolumeM3() const;
    /// Volume of the new target (m^3; `erode`'s utilization denominator).
    double targetVolumeM3() const;
    /// The target state's yield factor by relative ion flux for the erosion from here on
    /// (ErosionFront::setRelativeFluxYieldFactor; empty: 1).
    void setRelativeFluxYieldFactor(const std::function<double(double)>& factor);

private:
    struct Engine;
    CathodeGroup group_;
    std::unique_ptr<Engine> engine_;
};

/// The erosion inputs of a group (its operating spec and erosion settings), as text:
/// groups with equal keys erode identically, so they share one GroupErosion. The rotary
/// wobble and the group's position are not part of it (applied to the map afterwards); a
/// planar-rect travel is (it changes the erosion).
std::string erosionKey(const CathodeGroup& g);

/// The erosion state of all groups of a chamber, each distinct target eroded once.
class TargetErosionState {
public:
    explicit TargetErosionState(const std::vector<CathodeGroup>& groups);
    /// The groups' emission at `runLifeKWh` (a group's own life wins); advances the state
    /// (an earlier life point restarts that target from new).
    std::vector<ErodedGroup> at(double runLifeKWh, std::shared_ptr<const EmissionAngularDistribution> angular);
    /// The smallest end of life over the groups (kWh).
    double endOfLifeKWh();
    /// Each group's target at its own end of life (same order as the groups).
    std::vector<TargetEndOfLife> endsOfLife();
    /// The targets' state yield factor by relative ion flux for the erosion up to the next
    /// at() (a replay's reactive target: m(theta) per flux class over that energy; empty: 1).
    /// A target restarted from new takes the factor current then.
    void setRelativeFluxYieldFactor(std::function<double(double)> factor);

private:
    std::function<double(double)> stateFactor_;
    std::vector<CathodeGroup> groups_;
    std::vector<std::string> shared_;
    std::map<std::string, std::unique_ptr<GroupErosion>> engines_;
};

/// Erodes every group with a life point > 0 (a fresh TargetErosionState). Throws std::invalid_argument (naming the
/// group) when a target thickness is missing or the life point is past end of life.
std::vector<ErodedGroup> erodeCathodeGroups(const std::vector<CathodeGroup>& groups,
                                            std::shared_ptr<const EmissionAngularDistribution> angular,
                                            double runLifeKWh);

/// The eroded emission map of one group at `lifeKWh` >= 0 (0: the new target), in the
/// erosion engine's frame, at the group's power; exposed for tests.
GridSurface erodedEmissionMap(const CathodeGroup& g, double lifeKWh);
/// That map as the emission source of the group's first cathode, turned into the
/// deposition frame (see the header comment).
EmissionSource erodedEmissionSource(const CathodeGroup& g, const GridSurface& map,
                                    std::shared_ptr<const EmissionAngularDistribution> angular);

}  // namespace magtwin
