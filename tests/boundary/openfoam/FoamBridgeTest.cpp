// Tests of the OpenFOAM-free bridge (boundary/openfoam/bridge/) the OpenFOAM boundary
// conditions call: kinetic-theory speed, film material lookup, and the emission /
// erosion split of SputterSource.
#include "boundary/elements/ElementTable.hpp"
#include "boundary/materials/MaterialLibrary.hpp"
#include "boundary/openfoam/bridge/CoreBridge.hpp"
#include "boundary/openfoam/bridge/ErodingTarget.hpp"
#include "boundary/openfoam/bridge/LineOfSight.hpp"
#include "boundary/openfoam/bridge/SputterSource.hpp"
#include "boundary/racetrack/RacetrackFlux.hpp"
#include "boundary/racetrack/TrackProfile.hpp"
#include "boundary/yield/SputterYield.hpp"
#include "solvers/erosion/ErosionFront.hpp"
#include "solvers/erosion/ErosionRate.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <vector>

namespace {

constexpr double kPi = 3.14159265358979323846;

magtwin::foam::SputterSourceSpec uniformMo(double ionFlux) {
    magtwin::foam::SputterSourceSpec spec;
    spec.ion = "Ar";
    spec.target = "Mo";
    spec.ionEnergyEv = 400.0;
    spec.ionFluxModel = "uniform";
    spec.uniformIonFlux = ionFlux;
    return spec;
}

}  // namespace

TEST(FoamBridge, MeanThermalSpeedOfArgonMatchesKineticTheory) {
    // c = (8 R T / (pi M))^(1/2) for Ar (M = 39.948 g/mol) at 298.15 K, with the molar
    // gas constant R = 8.314462618 J/(mol K) (CODATA 2018): 8 R T / (pi M) =
    // 158020.7 m^2/s^2, c = 397.52 m/s (textbook tables: 398 m/s). Tolerance 0.02 m/s:
    // the speed is given here a mass of 39.95 u (0.005 % heavier: -0.01 m/s).
    const double m = 39.95 * 1.66053906660e-27;
    EXPECT_NEAR(magtwin::foam::meanThermalSpeed(m, 298.15), 397.52, 0.02);
    EXPECT_THROW(magtwin::foam::meanThermalSpeed(m, 0.0), std::invalid_argument);
    EXPECT_THROW(magtwin::foam::meanThermalSpeed(0.0, 300.0), std::invalid_argument);
}

TEST(FoamBridge, FilmMaterialFromTheElementTable) {
    // Mo: rho = 10.22 g/cm^3, M = 95.95 g/mol (boundary/data/elements.csv):
    // n = rho N_A / M = 10.22e6 * 6.02214076e23 / 95.95 = 6.41441e28 m^-3.
    const auto mo = magtwin::foam::filmMaterial("Mo");
    EXPECT_NEAR(mo.atomicDensityPerM3 / 6.41441e28, 1.0, 1e-5);
    EXPECT_NEAR(mo.atomMassKg, 95.95 * 1.66053906660e-27, 1e-32);
    try {
        magtwin::foam::filmMaterial("Xx");
        FAIL() << "unknown element accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("known:"), std::string::npos) << e.what();
        EXPECT_EQ(std::string(e.what()).rfind("Entry 'filmElement': ", 0), 0u) << e.what();
    }
    EXPECT_THROW(magtwin::foam::filmMaterial("Ar"), std::invalid_argument);  // a gas: no film
}

TEST(FoamBridge, UniformSourceFluxesAndRecession) {
    const magtwin::foam::SputterSource source(uniformMo(1e20));
    const double y0 = source.yield(0.0);
    EXPECT_GT(y0, 0.0);
    // J = Gamma Y cos(theta) per face; nothing from a face turned away from the ions.
    EXPECT_DOUBLE_EQ(source.sputteredFlux(0.1, 0.2, 1.0), 1e20 * y0);
    EXPECT_DOUBLE_EQ(source.sputteredFlux(0.1, 0.2, -0.5), 0.0);
    const double cos30 = std::cos(kPi / 6);
    EXPECT_NEAR(source.sputteredFlux(0.0, 0.0, cos30), 1e20 * source.yield(kPi / 6) * cos30, 1e20 * 1e-12);
    // Recession along the original normal: Gamma Y / n, no cos factor (projected area).
    EXPECT_NEAR(source.recessionSpeed(0.0, 0.0, 1.0), 1e20 * y0 / source.targetAtomicDensity(), 1e-22);
}

TEST(FoamBridge, UnknownIonFluxModelListsTheValidOnes) {
    auto spec = uniformMo(1e20);
    spec.ionFluxModel = "lorentz";
    try {
        magtwin::foam::SputterSource source(spec);
        FAIL() << "unknown model accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("uniform, racetrack"), std::string::npos) << e.what();
    }
}

TEST(FoamBridge, RotaryEmissionIsLabFixedAndAveragesToTheErosionFlux) {
    // A rotary tube (R = 0.08 m): the racetrack is fixed in the lab, the tube turns.
    // Emission at t = R phi is the lab flux (peaked on the tracks at t = +-R_t); the
    // erosion flux is its average round the tube, so integral(emission dt) / (2 pi R)
    // must equal it (the definition of the rotation average in RacetrackFlux.hpp).
    auto spec = uniformMo(0.0);
    spec.ionFluxModel = "racetrack";
    spec.racetrack.cathode = "rotary";
    spec.racetrack.targetLengthM = 1.0;
    spec.racetrack.targetRadiusM = 0.08;
    spec.racetrack.targetThicknessM = 0.01;
    spec.racetrack.straightLengthM = 0.8;
    spec.racetrack.trackSeparationM = 0.1;
    spec.racetrack.sigmaM = 0.01;
    spec.racetrack.ionCurrentA = 10.0;
    const magtwin::foam::SputterSource source(spec);
    const double R = 0.08, x = 0.0;
    const double onTrack = source.emissionIonFlux(x, 0.05);
    const double facingSubstrate = source.emissionIonFlux(x, 0.0);
    const double behind = source.emissionIonFlux(x, kPi * R * 0.99);
    EXPECT_GT(onTrack, 100.0 * facingSubstrate);  // 5 sigma off the track: e^-12.5
    EXPECT_EQ(behind, 0.0);
    // Trapezoid rule over one turn (periodic, smooth: spectrally accurate); 1e-6 covers
    // the core's own quadrature of the average.
    const int n = 4000;
    double sum = 0.0;
    for (int i = 0; i < n; ++i) sum += source.emissionIonFlux(x, -kPi * R + (i + 0.5) * 2 * kPi * R / n);
    const double average = sum / n;
    EXPECT_NEAR(average / source.ionFlux(x, 0.0), 1.0, 1e-6);
    EXPECT_DOUBLE_EQ(source.ionFlux(x, 0.0), source.ionFlux(x, 0.123));  // no phi dependence
}

TEST(FoamBridge, LineOfSightFromALambertianDiskOnItsAxis) {
    // A uniformly emitting disk (J atoms/m^2/s, cosine law) of radius a gives on its axis
    // at height h the flux J a^2 / (h^2 + a^2) (the disk-to-point view factor, e.g.
    // Howell's catalogue of configuration factors, B-13). Polar elements, midpoint rule:
    // 1e-4 covers the discretisation (200 x 64 elements).
    using magtwin::foam::EmittingElement;
    const double J = 1e20, a = 0.1, h = 0.05;
    std::vector<EmittingElement> disk;
    const int nr = 200, nphi = 64;
    for (int i = 0; i < nr; ++i) {
        const double r = (i + 0.5) * a / nr;
        for (int j = 0; j < nphi; ++j) {
            const double phi = (j + 0.5) * 2 * kPi / nphi;
            disk.push_back(
                {{r * std::cos(phi), r * std::sin(phi), 0.0}, {0.0, 0.0, 1.0}, J * r * (a / nr) * (2 * kPi / nphi)});
        }
    }
    const magtwin::foam::BallisticTransport cosine("cosine", 1.0);
    const auto got =
        cosine.flux(disk, {{0.0, 0.0, h}, {0.0, 0.0, h}}, {{0.0, 0.0, -1.0}, {0.0, 0.0, 1.0}}, false, {0, 0, 0});
    EXPECT_NEAR(got[0] / (J * a * a / (h * h + a * a)), 1.0, 1e-4);
    // Facing away: nothing arrives.
    EXPECT_EQ(got[1], 0.0);
}

TEST(FoamBridge, LineOfSightFromAStripIn2D) {
    // One strip element (N' atoms/s per metre) straight below a receiver at distance r:
    // the z-integrated cosine kernel gives N' / (2 r), whatever the offset along the strip.
    using magtwin::foam::EmittingElement;
    // Off-axis (receiver at x = 0.03, y = 0.04, rho = 0.05, cos a = cos b = 0.8): 0.64 N' / (2 rho).
    const std::vector<EmittingElement> strip{{{0.0, 0.0, 0.3}, {0.0, 1.0, 0.0}, 2.0}};
    const auto got =
        magtwin::foam::BallisticTransport("cosine", 1.0)
            .flux(strip, {{0.0, 0.05, 0.0}, {0.03, 0.04, 0.0}}, {{0.0, -1.0, 0.0}, {0.0, -1.0, 0.0}}, true, {0, 0, 1});
    EXPECT_NEAR(got[0], 2.0 / (2 * 0.05), 1e-12);
    EXPECT_NEAR(got[1], 0.64 * 2.0 / (2 * 0.05), 1e-12);
}

TEST(FoamBridge, UnknownEmissionDistributionListsTheValidNames) {
    try {
        magtwin::foam::BallisticTransport("cosinus", 1.0);
        FAIL() << "no exception";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("cosn"), std::string::npos) << e.what();
    }
}

// ---- Compound and alloy targets (issue 19) ------------------------------------------------

namespace {

magtwin::foam::SputterSourceSpec uniformTarget(const std::string& target) {
    magtwin::foam::SputterSourceSpec spec = uniformMo(1e20);
    spec.target = target;
    return spec;
}

/// n = rho N_A / sum_i c_i M_i with the element table's masses (boundary/data/elements.csv).
double atomicDensity(const magtwin::Material& m, double densityGPerCm3) {
    double mass = 0;
    for (const auto& c : m.components) mass += c.atomFraction * magtwin::ElementTable::builtin().get(c.symbol).massAmu;
    return densityGPerCm3 * 1e6 * 6.02214076e23 / mass;
}

std::string messageOf(const magtwin::foam::SputterSourceSpec& spec) {
    try {
        magtwin::foam::SputterSource s(spec);
    } catch (const std::invalid_argument& e) {
        return e.what();
    }
    return "";
}

}  // namespace

// A library compound (ITO) in the dictionaries: the bridge's source sputters the core's
// steady-state total yield (boundary/yield/SputterYield for the ITO Material, the path the
// erosion engine takes) and erodes at the compound's atomic density, recomputed here from
// the library's composition and density. Tolerances: the yield table's first node is Y(E, 0)
// itself (exact); n to 1e-12 relative (the same formula summed in another order).
TEST(FoamBridge, LibraryCompoundTargetSputtersTheCoreYieldAtItsAtomicDensity) {
    const magtwin::Material ito = magtwin::MaterialLibrary::builtin().get("ITO");
    const magtwin::foam::SputterSource source(uniformTarget("ITO"));
    const magtwin::SputterYield core("auto", "yamamura1983", magtwin::ElementTable::builtin().get("Ar"), ito);
    EXPECT_EQ(source.yield(0.0), core.yield(400.0, 0.0));
    EXPECT_NEAR(source.targetAtomicDensity(), atomicDensity(ito, ito.densityGPerCm3),
                1e-12 * source.targetAtomicDensity());
    const auto comps = source.targetComponents();
    ASSERT_EQ(comps.size(), ito.components.size());
    for (std::size_t i = 0; i < comps.size(); ++i) {
        EXPECT_EQ(comps[i].first, ito.components[i].symbol);
        EXPECT_EQ(comps[i].second, ito.components[i].atomFraction);
    }
    EXPECT_NEAR(source.targetMeanAtomMassKg(), ito.meanMassAmu() * 1.66053906660e-27, 1e-35);
    // Aliases as users write them.
    EXPECT_EQ(magtwin::foam::SputterSource(uniformTarget("Mo-Nb")).yield(0.0),
              magtwin::foam::SputterSource(uniformTarget("MoNb")).yield(0.0));
}

// A composition of the user's own: the library alloy MoNb (no heat of formation: the same
// multicomponent model input) given by its atom fractions and density sputters and erodes
// exactly as the library's; a one-element composition at the element's density is the
// element, bit for bit (the element path stays unchanged).
TEST(FoamBridge, CustomCompositionTargetEqualsTheLibraryAlloyAndTheElement) {
    const magtwin::Material monb = magtwin::MaterialLibrary::builtin().get("MoNb");
    magtwin::foam::SputterSourceSpec spec = uniformTarget("MoNb-custom");
    for (const auto& c : monb.components) spec.targetComposition.emplace_back(c.symbol, c.atomFraction);
    spec.targetDensityGPerCm3 = monb.densityGPerCm3;
    const magtwin::foam::SputterSource custom(spec), library(uniformTarget("MoNb"));
    EXPECT_DOUBLE_EQ(custom.yield(0.0), library.yield(0.0));
    EXPECT_DOUBLE_EQ(custom.yield(0.7), library.yield(0.7));
    EXPECT_DOUBLE_EQ(custom.targetAtomicDensity(), library.targetAtomicDensity());

    magtwin::foam::SputterSourceSpec mo = uniformTarget("myMo");
    mo.targetComposition = {{"Mo", 1.0}};
    mo.targetDensityGPerCm3 = *magtwin::ElementTable::builtin().get("Mo").densityGPerCm3;
    const magtwin::foam::SputterSource one(mo), element(uniformMo(1e20));
    EXPECT_EQ(one.yield(0.3), element.yield(0.3));
    EXPECT_EQ(one.targetAtomicDensity(), element.targetAtomicDensity());
    EXPECT_EQ(element.targetAtomicDensity(), magtwin::ElementTable::builtin().get("Mo").atomicDensityPerM3());
}

// Bad entries name the dictionary key (the boundary conditions forward the message in a
// FatalIOError): a sum that is not 1, a missing density, an unknown element or name.
TEST(FoamBridge, BadCompositionEntriesNameTheKey) {
    magtwin::foam::SputterSourceSpec spec = uniformTarget("ITOish");
    spec.targetComposition = {{"In", 0.4}, {"Sn", 0.03}, {"O", 0.47}};
    spec.targetDensityGPerCm3 = 7.1;
    std::string m = messageOf(spec);
    EXPECT_EQ(m.rfind("Entry 'targetComposition': ", 0), 0u) << m;
    EXPECT_NE(m.find("sum to 0.9"), std::string::npos) << m;
    EXPECT_NE(m.find("at.%"), std::string::npos) << m;
    spec.targetComposition = {{"In", 0.4}, {"Sn", 0.03}, {"O", 0.57}};
    spec.targetDensityGPerCm3 = 0;
    m = messageOf(spec);
    EXPECT_EQ(m.rfind("Entry 'targetDensity': ", 0), 0u) << m;
    spec.targetDensityGPerCm3 = 7.1;
    spec.targetComposition = {{"In", 0.4}, {"Xx", 0.03}, {"O", 0.57}};
    m = messageOf(spec);
    EXPECT_EQ(m.rfind("Entry 'targetComposition': ", 0), 0u) << m;
    EXPECT_NE(m.find("Xx"), std::string::npos) << m;
    m = messageOf(uniformTarget("ITOO"));
    EXPECT_EQ(m.rfind("Entry 'target': ", 0), 0u) << m;
    EXPECT_NE(m.find("did you mean 'ITO'"), std::string::npos) << m;
    EXPECT_TRUE(messageOf(uniformTarget("ITO")).empty());
}

// The film of a compound: the mean atom mass and the film's atomic density (the library's
// film density, or filmDensity), or a composition with its film density.
TEST(FoamBridge, CompoundFilmMaterial) {
    const magtwin::Material ito = magtwin::MaterialLibrary::builtin().get("ITO");
    const double rhoFilm = ito.filmDensityGPerCm3.value_or(ito.densityGPerCm3);
    const auto film = magtwin::foam::filmMaterial("ITO");
    EXPECT_EQ(film.symbol, "ITO");
    EXPECT_NEAR(film.atomicDensityPerM3, atomicDensity(ito, rhoFilm), 1e-12 * film.atomicDensityPerM3);
    EXPECT_NEAR(film.atomMassKg, ito.meanMassAmu() * 1.66053906660e-27, 1e-35);
    const auto lighter = magtwin::foam::filmMaterial("ITO", {}, 6.0);
    EXPECT_NEAR(lighter.atomicDensityPerM3, atomicDensity(ito, 6.0), 1e-12 * lighter.atomicDensityPerM3);
    std::vector<std::pair<std::string, double>> comp;
    for (const auto& c : ito.components) comp.emplace_back(c.symbol, c.atomFraction);
    const auto custom = magtwin::foam::filmMaterial("myITO", comp, 6.0);
    EXPECT_EQ(custom.symbol, "myITO");
    EXPECT_NEAR(custom.atomicDensityPerM3, lighter.atomicDensityPerM3, 1e-12 * lighter.atomicDensityPerM3);
    try {
        magtwin::foam::filmMaterial("myITO", comp, 0.0);
        FAIL() << "a film composition without density accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_EQ(std::string(e.what()).rfind("Entry 'filmDensity': ", 0), 0u) << e.what();
    }
    // The element path: exactly the element table's numbers.
    const auto mo = magtwin::foam::filmMaterial("Mo");
    EXPECT_EQ(mo.atomicDensityPerM3, magtwin::ElementTable::builtin().get("Mo").atomicDensityPerM3());
    EXPECT_EQ(mo.atomMassKg, magtwin::ElementTable::builtin().get("Mo").massAmu * 1.66053906660e-27);
}

// The erosion engine behind sputterErosion (bridge/ErodingTarget) is the core's ErosionFront
// on the SputterSource's rate and racetrack: after the same full-power time its depth at the
// engine's cell centres equals a front built directly from the core objects (an independent
// construction: RacetrackFlux + ErosionRate as erode's builder makes them), and between the
// centres it interpolates linearly (the depth at a midpoint is the mean of its neighbours).
TEST(FoamBridge, ErodingTargetIsTheCoreFrontAndInterpolatesBetweenCells) {
    magtwin::foam::SputterSourceSpec spec;
    spec.ion = "Ar";
    spec.target = "Mo";
    spec.ionEnergyEv = 400.0;
    spec.ionFluxModel = "racetrack";
    spec.racetrack.cathode = "planar-rect";
    spec.racetrack.targetLengthM = 0.2;
    spec.racetrack.targetWidthM = 0.1;
    spec.racetrack.targetThicknessM = 0.008;
    spec.racetrack.straightLengthM = 0.1;
    spec.racetrack.trackSeparationM = 0.05;
    spec.racetrack.turnaroundEnhancement = 1.2;
    spec.racetrack.sigmaM = 0.005;
    spec.racetrack.ionCurrentA = 2.0;
    const magtwin::foam::SputterSource source(spec);
    magtwin::foam::ErodingTargetSpec e;
    e.gridSpacingM = 1e-3;
    e.magnetDistanceM = 0.02;
    e.magnetTravelM = 0.003;
    e.grooveRedeposition = true;
    magtwin::foam::ErodingTarget target(source, e);

    // The same front from the core objects.
    const magtwin::ElementTable& table = magtwin::ElementTable::builtin();
    magtwin::TargetGeometry g;
    g.kind = magtwin::CathodeKind::PlanarRect;
    g.lengthM = 0.2;
    g.widthM = 0.1;
    g.thicknessM = 0.008;
    magtwin::RacetrackSpec track;
    track.straightLengthM = 0.1;
    track.trackSeparationM = 0.05;
    track.turnaroundEnhancement = 1.2;
    magtwin::TrackProfileSpec profile;
    profile.sigmaM = 0.005;
    const magtwin::RacetrackFlux flux(g, track, magtwin::makeTrackProfile(profile), 2.0 / 1.602176634e-19);
    const magtwin::SputterYield yield("auto", "yamamura1983", table.get("Ar"), table.get("Mo"));
    const magtwin::ErosionRate rate(yield, 400.0, table.get("Mo").atomicDensityPerM3());
    magtwin::ErosionSettings s;
    s.gridSpacingM = 1e-3;
    s.narrowing.magnetDistanceM = 0.02;
    s.magnetTravelM = 0.003;
    s.grooveRedeposition = true;
    magtwin::ErosionFront front(flux, rate, s);

    const double t = 20 * 3600.0;
    EXPECT_NEAR(target.advance(t, 0.007), t, 1e-6);
    while (front.time() < t * (1 - 1e-12)) front.step(t - front.time(), 0.007);
    const magtwin::ErosionGrid& grid = front.grid();
    double worst = 0.0, dmax = 0.0;
    for (std::size_t j = 0; j < grid.nv(); ++j)
        for (std::size_t i = 0; i < grid.nu(); ++i) {
            const double d = front.depth()[grid.index(i, j)];
            dmax = std::max(dmax, d);
            worst = std::max(worst, std::abs(target.depthAt(grid.u(i), grid.v(j)) - d));
        }
    // The same steps on the same numbers: equal to rounding.
    EXPECT_LE(worst, 1e-12 * dmax);
    EXPECT_NEAR(target.maxDepth(), front.maxDepth(), 1e-15);
    EXPECT_NEAR(target.widthScale(), front.widthScale(), 1e-15);
    EXPECT_LT(target.widthScale(), 1.0);
    EXPECT_NEAR(target.utilization(), front.erodedVolume() / grid.targetVolume(), 1e-15);
    // Midway between two cells across the track: the mean of the two.
    const std::size_t i = grid.nu() / 2, j = grid.nv() / 4;
    const double mid = target.depthAt(grid.u(i), 0.5 * (grid.v(j) + grid.v(j + 1)));
    EXPECT_NEAR(mid, 0.5 * (front.depth()[grid.index(i, j)] + front.depth()[grid.index(i, j + 1)]), 1e-15);
    // End of life: stops at the depth limit (within ErosionLife's 0.1 um).
    magtwin::foam::ErodingTarget copy(target);
    const double limit = target.maxDepth() + 0.5e-3;
    const double done = copy.advance(1e9, limit);
    EXPECT_LT(done, 1e9);
    EXPECT_TRUE(copy.reached(limit));
    EXPECT_NEAR(copy.maxDepth(), limit, 1e-7);
    EXPECT_NEAR(target.maxDepth(), front.maxDepth(), 1e-15);  // the copy is independent

    // A uniform flux has no engine: refused with the reason.
    const magtwin::foam::SputterSource uniform(uniformMo(1e20));
    EXPECT_THROW(magtwin::foam::ErodingTarget(uniform, e), std::invalid_argument);
}
