// Runs magtwin's standalone erosion engine (solvers/erosion/ErosionFront) on the target
// of cases/planar-cross-section and prints the depth across the tracks at the middle of
// the straights (cathode x = 0), the line the OpenFOAM cross-section models:
//     y_m,depth_m          (CSV on stdout)
// usage: erosion_engine_profile HOURS GRID_SPACING_M
// The parameters are the case's constant/targetSource; no narrowing, no multiplier map
// (the OpenFOAM boundary condition has neither).
#include "boundary/elements/ElementTable.hpp"
#include "boundary/racetrack/IonSupply.hpp"
#include "boundary/racetrack/RacetrackFlux.hpp"
#include "boundary/racetrack/TrackProfile.hpp"
#include "boundary/yield/SputterYield.hpp"
#include "solvers/erosion/ErosionFront.hpp"
#include "solvers/erosion/ErosionRate.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <memory>

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s HOURS GRID_SPACING_M\n", argv[0]);
        return 2;
    }
    const double seconds = std::atof(argv[1]) * 3600.0;
    using namespace magtwin;
    const ElementTable& table = ElementTable::builtin();
    const Element& ion = table.get("Ar");
    const Element& target = table.get("Mo");

    TargetGeometry geometry;
    geometry.kind = CathodeKind::PlanarRect;
    geometry.lengthM = 1.0;
    geometry.widthM = 0.3;
    geometry.thicknessM = 0.01;
    RacetrackSpec track;
    track.straightLengthM = 0.8;
    track.trackSeparationM = 0.1;
    track.turnaroundEnhancement = 1.5;
    TrackProfileSpec profile;
    profile.shape = "gaussian";
    profile.sigmaM = 0.01;
    const RacetrackFlux flux(geometry, track, makeTrackProfile(profile), 10.0 / kElementaryCharge);

    const SputterYield yield("auto", "yamamura1983", ion, target);
    const ErosionRate rate(yield, 400.0, target.atomicDensityPerM3());
    ErosionSettings settings;
    settings.gridSpacingM = std::atof(argv[2]);
    ErosionFront front(flux, rate, settings);
    while (front.time() < seconds * (1.0 - 1e-12)) {
        front.step(seconds - front.time(), geometry.thicknessM);
    }

    // The u column nearest to x = 0 (the middle of the straights).
    const ErosionGrid& grid = front.grid();
    std::size_t iMid = 0;
    for (std::size_t i = 0; i < grid.nu(); ++i) {
        if (std::abs(grid.u(i)) < std::abs(grid.u(iMid))) iMid = i;
    }
    std::printf("y_m,depth_m\n");
    for (std::size_t j = 0; j < grid.nv(); ++j) {
        std::printf("%.9g,%.9g\n", grid.v(j), front.depth()[grid.index(iMid, j)]);
    }
    std::fprintf(stderr, "engine: t = %g s, column u = %g m, %zu x %zu cells\n", front.time(), grid.u(iMid), grid.nu(),
                 grid.nv());
    return 0;
}
