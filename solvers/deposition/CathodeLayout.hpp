// CathodeLayout: the cathodes above a substrate (rotary-tube arrays and planar
// targets), each with its discharge power, turned into emission sources at a target
// life point. Plain SI parameter structs, filled by the command line from YAML.
//
// Emission rate per cathode: N = (P / V) / (1 + gamma_SE) * Y(e V) / e, the ion rate of
// the shared discharge balance (boundary/racetrack/IonSupply) times the yield Y from the
// project's yield models (boundary/yield).
// Target life (kWh) thins a rotary tube uniformly around its circumference (the
// rotation average of the erosion issue), by the sputtered volume over its surface:
//   depth = Y * E_life / (V (1 + gamma_SE) e n_target 2 pi R L),  E_life in J,
// so the racetrack surface moves away from the glass as the tube is used. Planar
// targets keep their new-target emission (their groove needs the erosion engine).
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
    std::vector<double> powerTrims;    ///< per cathode multipliers (empty = all 1)
    DischargeSettings discharge;
    int cathodeCount() const { return type == Type::PlanarCircular ? 1 : count; }
};

struct EmissionLayout {
    std::vector<EmissionSource> sources;     ///< one per cathode (tube or planar target)
    std::vector<std::string> cathodeNames;
    std::vector<double> atomsPerSecond;      ///< at trim 1
    std::vector<double> erodedDepthM;        ///< rotary tubes; 0 for planar
};

/// Sputtered atoms per joule of discharge energy: Y / (V (1 + gamma_SE) e).
double sputteredAtomsPerJoule(const DischargeSettings& d);

/// Sources for all cathodes at `lifeKWh` (per cathode; a group's own lifeKWh >= 0 wins), with `trims` (one per cathode
/// over all groups, empty = group trims or 1). Throws std::invalid_argument on bad data.
EmissionLayout buildEmission(const std::vector<CathodeGroup>& groups,
                             std::shared_ptr<const EmissionAngularDistribution> angular, double lifeKWh,
                             const std::vector<double>& trims = {});

}  // namespace magtwin
