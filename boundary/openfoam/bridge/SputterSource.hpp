// SputterSource: the sputtered-atom emission of a target surface, as the OpenFOAM
// sputteredFlux boundary condition needs it, through an OpenFOAM-free interface
// (plain std types; C++14-clean so OpenFOAM translation units can include it).
//
//   J(p, theta) = Gamma(p) * Y(E, theta) * cos(theta)      atoms m^-2 s^-1 of face area
//
// Gamma: ion flux per m^2 of the original (uneroded) target face, either uniform or
// magtwin::RacetrackFlux (boundary/racetrack/) evaluated in the cathode frame;
// Y(E, theta) = magtwin::SputterYield (energy model x angular factor, boundary/yield/),
// tabulated in theta by magtwin::ErosionRate (solvers/erosion/); theta: angle between the
// local face normal and the original face normal (the ions arrive along the latter, see
// ErosionRate.hpp for the thin-sheath assumption); cos(theta) converts per projected
// area to per face area. A compound or alloy target (a library material such as ITO, or
// a composition of the user's own) sputters Y = sum_i Y_i atoms per ion, carrying the
// bulk composition at steady state, and recedes at Gamma Y / n with n its atomic density
// (boundary/materials/Material.hpp, boundary/yield/SputterYield.hpp).
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace magtwin {
namespace foam {

/// Racetrack parameters in SI, as RacetrackFlux takes them (see RacetrackFlux.hpp).
struct RacetrackSourceSpec {
    std::string cathode = "planar-rect";  ///< planar-rect | planar-circular | rotary
    double targetLengthM = 0.0;
    double targetWidthM = 0.0;
    double targetRadiusM = 0.0;
    double targetThicknessM = 0.0;
    double straightLengthM = 0.0;
    double trackSeparationM = 0.0;
    double turnaroundEnhancement = 1.0;
    double ringRadiusM = 0.0;
    double magnetOffsetM = 0.0;
    std::string profile = "gaussian";     ///< gaussian | asymmetric-gaussian
    double sigmaM = 0.0;
    double sigmaInnerM = 0.0;
    double sigmaOuterM = 0.0;
    double ionCurrentA = 0.0;             ///< ion part of the cathode current: ions/s = I/e
};

struct SputterSourceSpec {
    std::string ion = "Ar";
    /// Target material: an element symbol or a library name (ITO, MoNb, TiN ...;
    /// boundary/materials/MaterialLibrary), or the label of targetComposition.
    std::string target;
    /// A composition of the user's own (element symbol, atom fraction; the fractions
    /// sum to 1 within 1e-3): when given, `target` is only its name and
    /// targetDensityGPerCm3 is required.
    std::vector<std::pair<std::string, double>> targetComposition;
    double targetDensityGPerCm3 = 0.0;      ///< bulk density of targetComposition [g/cm^3]
    std::string yieldModel = "auto";        ///< YieldModelRegistry name
    std::string angularModel = "yamamura1983";
    double ionEnergyEv = 0.0;
    std::string ionFluxModel = "uniform";   ///< uniform | racetrack
    double uniformIonFlux = 0.0;            ///< ions m^-2 s^-1 (uniform)
    RacetrackSourceSpec racetrack;          ///< (racetrack)
};

class ErodingTarget;

class SputterSource {
public:
    /// Throws std::invalid_argument with the core's message (unknown names list the
    /// valid ones; geometry errors name the parameter).
    explicit SputterSource(const SputterSourceSpec& spec);
    ~SputterSource();
    SputterSource(const SputterSource&) = delete;
    SputterSource& operator=(const SputterSource&) = delete;

    /// Names accepted for SputterSourceSpec::ionFluxModel.
    static std::vector<std::string> ionFluxModels();

    /// Ion flux (ions m^-2 s^-1 of original face) at a point of the cathode frame that
    /// erodes the target: the time (rotation) average the surface element sees.
    double ionFlux(double cathodeX, double cathodeY) const;
    /// Ion flux behind the emission at a fixed point of the chamber: the same as ionFlux
    /// except for a rotary target, whose racetrack stays fixed in the lab while the tube
    /// turns: there the lab-frame flux at (x, t = R phi from the substrate-facing line).
    double emissionIonFlux(double cathodeX, double cathodeY) const;
    /// Y(E, theta), theta in [0, pi/2].
    double yield(double thetaRad) const;
    /// J = Gamma_emission Y(theta) cos(theta) per m^2 of original face; 0 for cos <= 0.
    double sputteredFlux(double cathodeX, double cathodeY, double cosTheta) const;
    /// Recession speed v = Gamma Y(E, theta) / n (m/s) along the original face normal
    /// (magtwin::ErosionRate: Gamma per projected area, so no 1/cos factor); theta from
    /// cosTheta, clamped to [0, pi/2] (grazing: Y -> 0).
    double recessionSpeed(double cathodeX, double cathodeY, double cosTheta) const;
    /// Atomic density of the target (atoms/m^3), for the erosion rate.
    double targetAtomicDensity() const;
    /// Mean atomic mass of the target's atoms (kg), sum_i c_i M_i.
    double targetMeanAtomMassKg() const;
    /// The target's components (symbol, atom fraction) in the material's order.
    std::vector<std::pair<std::string, double>> targetComponents() const;
    /// The energy model actually used ("auto" resolved).
    std::string yieldModelName() const;

private:
    friend class ErodingTarget;  // builds the core erosion front on impl_'s rate and flux
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace foam
}  // namespace magtwin
