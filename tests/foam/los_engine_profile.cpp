// Runs magtwin's standalone deposition engine (solvers/deposition: EmissionSource,
// EmissionAngularDistribution "cosn", LineOfSightTransport in 3-D) on the geometry of
// tests/foam/filmDepositionLineOfSight and prints the collisionless flux per unit
// emitted flux at the substrate face centres:
//     x_m,flux_per_unit_emission     (CSV on stdout)
// usage: los_engine_profile COS_EXPONENT
// The 2-D case's target (0.2 m wide at y = 0, facing +y) becomes a 3-D plate |z| <= 5 m
// of 2.5 mm x 2.5 mm point elements (the case's face width), so this is the engine's
// 3-D view-factor sum, not the strip integral the plugin uses: the tails |z| > 5 m
// weigh < (0.2 m / 5 m)^2 ~ 2e-3 of the flux for n >= 1, the elements' midpoint
// error ~ (2.5 mm / 50 mm)^2 / 24 = 1e-4.
#include "solvers/deposition/EmissionAngularDistribution.hpp"
#include "solvers/deposition/EmissionSource.hpp"
#include "solvers/deposition/LineOfSightTransport.hpp"

#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::fprintf(stderr, "usage: %s COS_EXPONENT\n", argv[0]);
        return 2;
    }
    using namespace magtwin;
    AngularDistributionParams params;
    params.cosExponent = std::atof(argv[1]);
    // Case geometry (tests/foam/filmDepositionLineOfSight/system/blockMeshDict).
    const double halfWidth = 0.1, gap = 0.05, halfLength = 5.0;
    const int nx = 80;
    const double dx = 2 * halfWidth / nx;
    EmissionSource target{"target", {}, makeAngularDistribution("cosn", params)};
    for (double z = -halfLength + 0.5 * dx; z < halfLength; z += dx)
        for (int i = 0; i < nx; ++i)
            target.elements.push_back(
                {Eigen::Vector3d(-halfWidth + (i + 0.5) * dx, 0.0, z), Eigen::Vector3d(0, 1, 0), dx * dx, 1.0});
    std::vector<Eigen::Vector3d> points;
    for (int i = 0; i < nx; ++i) points.emplace_back(-halfWidth + (i + 0.5) * dx, gap, 0.0);
    const std::vector<double> flux = lineOfSightFlux({target}, points, Eigen::Vector3d(0, -1, 0));
    std::printf("x_m,flux_per_unit_emission\n");
    for (int i = 0; i < nx; ++i) std::printf("%.9g,%.12g\n", points[std::size_t(i)].x(), flux[std::size_t(i)]);
    return 0;
}
