// GasScatteringMonteCarlo ("mc"): transport of sputtered atoms through the working gas
// by Monte Carlo, the reference for gas-scattering effects.
//
// Each history: an element is chosen in proportion to its emitted atoms/s; the direction
// follows the element's angular law (rejection from a cosine envelope) and the energy
// the Thompson distribution f(E) ~ E / (E + U_s)^3, truncated at E_max (M. W. Thompson,
// Phil. Mag. 18 (1968) 377), sampled by inverting F(E) = E^2/(E + U_s)^2. Free flights
// are exponential with mean free path 1 / (n_gas sigma(E_cm)), n_gas = p / (k T) (ideal
// gas), sigma from ScreenedCoulombScattering at the CM energy with a gas partner of
// Maxwellian velocity at T (so atoms thermalise to the gas temperature). Collisions are
// elastic two-body events (CM deflection chi sampled from the table, random azimuth).
// A history ends when the atom lands on the substrate (deposited) or sticks to another
// surface of the chamber box (ChamberSticking.hpp): the targets (ChamberBox::targets, in the
// top plane z = zTop), the shields (the rest of the top plane) and the walls (the sides and the
// floor z = 0 beside the substrate). An atom that does not stick (probability 1 - s of the
// surface; no random number is drawn where s = 1) leaves diffusely from where it hit, at the
// gas temperature (full accommodation), and flies on. Every history is counted exactly once:
// deposited + stuck on targets + shields + walls = emitted.
// Tilted planar targets (CathodeSpec::orientation) need nothing more: each history is launched
// about its element's own normal (an orthonormal frame per element, built once), and the box is
// taken round every emitting element (DepositionRun); tested against the closed form of a tilted
// point source in vacuum (TiltedSourceTest: emitted = deposited + lost, landed share within 4 sigma).
// Approximations: the gas partner is drawn from the plain Maxwellian once per flight (not
// weighted by sigma(g) g, exact for E >> kT, slightly biased for thermalised atoms); the
// targets themselves are not obstacles (rotary tubes do not shadow), only the box is.
// Seeded (xoshiro256** per fixed work block from `seed`, GasScatteringRandom.hpp): results
// are identical for a given seed whatever the thread count (64 fixed blocks, each with its
// own stream; tested).
// Cost (bench_deposition mc): the scattering table is built once per atom/gas pair
// (scatteringTableFor) and shared by the cross-section and deflection lookups of a
// collision (one table position per collision, no log call); flights are timed (Exp(1) /
// (n sigma g)) so no speed normalisation is needed; normal and exponential deviates come
// from ziggurats. 2.6e5 -> 7.7e5 histories per CPU-second at 0.5 Pa x 10 cm (20
// collisions per history), i.e. >= 1e6 histories/s on 2 free cores.
#pragma once

#include "solvers/deposition/ChamberSticking.hpp"
#include "solvers/deposition/EmissionSource.hpp"
#include "solvers/deposition/FastConvolutionTransport.hpp"

#include <cstdint>
#include <vector>

namespace magtwin {

struct GasScatteringSettings {
    double pressurePa = 0.5;
    double gasTemperatureK = 300.0;
    int gasZ = 18;  ///< Ar
    double gasMassAmu = 39.948;
    int atomZ = 42;  ///< sputtered species (Mo)
    double atomMassAmu = 95.95;
    double surfaceBindingEv = 6.82;  ///< Thompson U_s
    double maxEnergyEv = 100.0;      ///< Thompson truncation (~ a fraction of the ion energy)
    double chiMin = 0.1;             ///< neglected CM deflections (rad)
    std::uint64_t seed = 12345;
    int threads = 0;  ///< 0: OpenMP default
};

/// A target face in the box's top plane: the rectangle [x0, x1] x [y0, y1], or the disc
/// inscribed in it when `disc`.
struct TopPlaneFootprint {
    double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
    bool disc = false;
    bool contains(double x, double y) const;
};

/// Chamber: the box [xMin, xMax] x [yMin, yMax] x [0, zTop]; the substrate is the grid
/// area (rectangle, or the disc inscribed in it when `wafer`) on z = 0; the target faces
/// lie in the top plane (targets that are not, such as rotary tubes, are no obstacle to
/// the atoms); the surfaces' sticking coefficients (default 1: every atom that misses the
/// substrate is lost).
struct ChamberBox {
    double xMin = -1, xMax = 1, yMin = -1, yMax = 1, zTop = 1;
    std::vector<TopPlaneFootprint> targets;
    ChamberSticking sticking;
};

struct MonteCarloTally {
    std::vector<double> fluxAtomsM2S;                           ///< at the grid points (cell-centred histogram)
    std::vector<std::uint64_t> counts;                          ///< deposited histories per cell
    std::uint64_t emitted = 0, deposited = 0, lostToWalls = 0;  ///< lost = stuck on targets + shields + walls
    std::uint64_t stuckOnTargets = 0, stuckOnShields = 0, stuckOnWalls = 0;
    std::uint64_t reflections = 0;  ///< diffuse re-emissions from surfaces with sticking < 1
    std::uint64_t collisions = 0;
    double atomsPerHistory = 0;  ///< emitted atoms/s represented by one history
};

MonteCarloTally gasScatteringFlux(const std::vector<EmissionSource>& sources, const RegularPlaneGrid& substrate,
                                  bool wafer, const ChamberBox& chamber, const GasScatteringSettings& settings,
                                  std::uint64_t histories);

}  // namespace magtwin
