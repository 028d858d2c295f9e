// CathodeLayout: the cathodes above a substrate (rotary-tube arrays and planar
// targets), each with its discharge power, turned into emission sources at a target
// life point. Each group holds its resolved cathode (solvers/chamber/CathodeSpec).
//
// Emission rate per cathode: N = (P / V) / (1 + gamma_SE) * Y(e V) / e, the ion rate of
// the shared discharge balance (boundary/racetrack/IonSupply) times the yield Y from the
// project's yield models (boundary/yield).
// At a target life point > 0 kWh the emission comes from the erosion engine's map of the
// eroded target (ErodedTargets.hpp), for planar and rotary cathodes; new targets (0 kWh)
// use the racetrack sources (RacetrackSources.hpp), the same racetrack model.
#pragma once

#include "boundary/materials/MaterialLibrary.hpp"
#include "solvers/chamber/CathodeSpec.hpp"
#include "solvers/chamber/ErosionEngine.hpp"
#include "solvers/chamber/OperatingPoint.hpp"
#include "solvers/deposition/RacetrackSources.hpp"

#include <optional>
#include <string>
#include <vector>

namespace magtwin {

struct DischargeSettings {
    std::string gas = "Ar";
    Material targetMaterial = MaterialLibrary::builtin().get("Mo");
    double voltageV = 500.0;
    double secondaryElectronYield = 0.1;
    std::string yieldModel = "auto";
};

/// One tool-file cathode item above the substrate: a single cathode, or an array kept as
/// its prototype plus the placement of its members (count at pitch along x, centred on the
/// prototype's position; member names; power trims). The prototype is the resolved
/// CathodeSpec itself (solvers/chamber): the deposition sources (rotaryTubeOf, ...) and the
/// erosion engine (makeErosionEngine, ErodedTargets) are both built from it, nothing is
/// translated back.
struct CathodeGroup {
    enum class Type { RotaryArray, PlanarRect, PlanarCircular };
    Type type = Type::RotaryArray;  ///< the prototype's kind (cathodeGroupOf keeps them equal)
    std::string name;
    CathodeSpec cathode;            ///< the prototype; position = the group's centre
    ErosionEngineSettings erosion;  ///< the chamber's erosion: settings (used targets)
    int count = 1;                  ///< members along x (rotary tubes, planar-rect targets)
    double pitchM = 0.25;
    /// The operating point this run uses, per cathode: the prototype's discharge (cathodeGroupOf),
    /// or what the twin's replay reads from the log (power, voltage, material).
    double powerW = 10e3;
    DischargeSettings discharge;
    double lifeKWh = -1.0;                 ///< this group's own life point; < 0: the run's
    std::vector<double> powerTrims;        ///< per cathode multipliers (empty = all 1)
    std::vector<std::string> memberNames;  ///< label of each cathode (empty: name + number)
    /// The target's state (reactive sputtering, solvers/reactive/ReactiveTargetState; defaults:
    /// a metallic target): the new target's metal atoms per second relative to the metallic
    /// target's (a used target's emission map carries the state through
    /// cathode.target.stateYieldFactor), the film atoms per emitted metal atom (1 + x theta_c:
    /// the reactive gas the film takes up where the metal lands) and the film it deposits.
    double stateEmissionFactor = 1.0;
    double filmAtomsPerEmittedAtom = 1.0;
    std::optional<Material> depositedMaterial;
    int cathodeCount() const { return type == Type::PlanarCircular ? 1 : count; }
};

/// The group of `members` (one cathode, or the members of one array in order) with the
/// chamber's erosion settings: the prototype is the first member moved to the array's
/// centre; the operating point is its discharge. Throws std::invalid_argument for an
/// empty list.
CathodeGroup cathodeGroupOf(const std::vector<const CathodeSpec*>& members, const ErosionEngineSettings& erosion);
/// The prototype at the group's operating point (power, voltage, gas, material, gamma_SE,
/// yield model): what the erosion engine of a used target is built from.
CathodeSpec operatingSpec(const CathodeGroup& g);
/// The operating point of one cathode of the group (trim 1), the numbers deposit states.
OperatingPoint groupOperatingPoint(const CathodeGroup& g);

/// The deposition sources' descriptions of the prototype, at the group's centre (member k
/// of an array is shifted by (k - (n - 1) / 2) pitch along x).
RacetrackShape racetrackShapeOf(const CathodeSpec& c);
RotaryTube rotaryTubeOf(const CathodeGroup& g);
PlanarRectTarget planarRectOf(const CathodeGroup& g);
PlanarCircularTarget planarCircularOf(const CathodeGroup& g);

/// Index of the cathode called `name` in group `g` (its own name for a single cathode, a
/// member name of an array); -1 when `g` has no cathode of that name.
int cathodeIndexOf(const CathodeGroup& g, const std::string& name);
/// Cathode `index` of group `g` as a group of its own (count 1, at that cathode's x, its
/// own trim, its member name): an array member with its own power and erosion state.
CathodeGroup arrayMember(const CathodeGroup& g, int index);

struct EmissionLayout {
    std::vector<EmissionSource> sources;  ///< one per cathode (tube or planar target)
    std::vector<std::string> cathodeNames;
    std::vector<double> atomsPerSecond;  ///< at trim 1
    std::vector<double> erodedDepthM;    ///< maximum groove depth (0 for a new target)
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
