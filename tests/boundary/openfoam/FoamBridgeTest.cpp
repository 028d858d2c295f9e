// Tests of the OpenFOAM-free bridge (boundary/openfoam/bridge/) the OpenFOAM boundary
// conditions call: kinetic-theory speed, film material lookup, and the emission /
// erosion split of SputterSource.
#include "boundary/openfoam/bridge/CoreBridge.hpp"
#include "boundary/openfoam/bridge/LineOfSight.hpp"
#include "boundary/openfoam/bridge/SputterSource.hpp"

#include <gtest/gtest.h>

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
