// CathodeLayout: the cathodes above a substrate (rotary-tube arrays and planar
// targets), each with its discharge power, turned into emission sources at a target
// life point. Plain SI parameter structs, filled by the command line from YAML.
//
// Emission rate per cathode: N = (P / V) / (1 + gamma_SE) * Y(e V) / e, the ion rate of
// the shared discharge balance (boundary/racetrack/IonSupply) times the yield Y from the
// project's yield models (boundary/yield).
// At a target life point > 0 kWh the emission comes from the erosion engine's map of the
// eroded target (ErodedTargets.hpp), for planar and rotary cathodes; new targets (0 kWh)
// use the racetrack sources (RacetrackSources.hpp), the same racetrack model.
#pragma once

#include "deposition/RacetrackSources.hpp"

#include <string>
#include <vector>

namespace magtwin {

struct DischargeSettings {
    std::string gas = "Ar";
    std::string targetMaterial = "Mo";
    double voltageV = 500.0;
    double secondaryElectronYield = 0.1;
    std::string yieldModel = "auto";
};

struct CathodeGroup {
    enum class Type { RotaryArray, PlanarRect, PlanarCircular };
    Type type = Type::RotaryArray;
    std::string name;
    // arrays (rotary tubes, planar-rect targets): count at pitch along x, centred on the
    // prototype's x
    RotaryTube tube;
    int count = 1;
    double pitchM = 0.25;
    // planar targets
    PlanarRectTarget rect;
    PlanarCircularTarget circular;
    double powerW = 10e3;              ///< per cathode (per tube for an array)
    double lifeKWh = -1.0;             ///< this group's own life point; < 0: the run's
    double targetThicknessM = 0.0;     ///< target material thickness (rotary: tube wall); needed when used
    double magnetDistanceM = 0.0;      ///< new target face -> magnets (TrackNarrowing of the erosion engine); 0: off
    bool grooveRedeposition = false;   ///< erosion engine: GrooveRedeposition (planar-rect, rotary)
    std::vector<double> powerTrims;    ///< per cathode multipliers (empty = all 1)
    std::vector<std::string> memberNames;  ///< label of each cathode (empty: name + number)
    DischargeSettings discharge;
    int cathodeCount() const { return type == Type::PlanarCircular ? 1 : count; }
};

/// Index of the cathode called `name` in group `g` (its own name for a single cathode, a
/// member name of an array); -1 when `g` has no cathode of that name.
int cathodeIndexOf(const CathodeGroup& g, const std::string& name);
/// Cathode `index` of group `g` as a group of its own (count 1, at that cathode's x, its
/// own trim, its member name): an array member with its own power and erosion state.
CathodeGroup arrayMember(const CathodeGroup& g, int index);

struct EmissionLayout {
    std::vector<EmissionSource> sources;     ///< one per cathode (tube or planar target)
    std::vector<std::string> cathodeNames;
    std::vector<double> atomsPerSecond;      ///< at trim 1
    std::vector<double> erodedDepthM;        ///< maximum groove depth (0 for a new target)
};

struct ErodedGroup;

/// Sputtered atoms per joule of discharge energy: Y / (V (1 + gamma_SE) e).
double sputteredAtomsPerJoule(const DischargeSettings& d);

/// Sources for all cathodes at `lifeKWh` (per cathode; a group's own lifeKWh >= 0 wins), with `trims` (one per cathode
/// over all groups, empty = group trims or 1). `eroded`: the groups' eroded emission
/// (erodeCathodeGroups with the same groups and life) so that repeated calls (the trim
/// optimiser) erode once; null = computed here. Throws std::invalid_argument on bad data.
EmissionLayout buildEmission(const std::vector<CathodeGroup>& groups,
                             std::shared_ptr<const EmissionAngularDistribution> angular, double lifeKWh,
                             const std::vector<double>& trims = {}, const std::vector<ErodedGroup>* eroded = nullptr);

}  // namespace magtwin
