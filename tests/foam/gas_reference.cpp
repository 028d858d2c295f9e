// The core's references for tests/foam/sputterFoamGas3D (the chamber of its blockMeshDict:
// floor substrate y = 0, 0.2 m x 0.2 m; a 0.1 m x 0.1 m target in the middle of the ceiling
// y = 0.1 m facing down, 5 mm faces; every wall absorbs unless `mc` is given sticking coefficients). The OpenFOAM frame
// (x, y, z) is the core's (x, z, y): the core's z is the height above the substrate.
//   gas_reference entries P        the gas entries of the case at P Pa, 300 K: the core's Mo-in-Ar
//                                  gas model (kMoInArGasModel, the `deposit` default) and the
//                                  Chapman-Enskog D of Mo in Ar (GasDiffusivity)
//   gas_reference los              collisionless line-of-sight flux (LineOfSightTransport)
//   gas_reference fast P           the core's fast gas model: attenuated line of sight + its
//                                  thermalised diffusive part (GasAttenuationModel)
//   gas_reference mc P HISTORIES [TARGETS SHIELDS WALLS]
//                                  the core's gas Monte Carlo (GasScatteringMonteCarlo, what
//                                  `deposit --method mc` runs), in the chamber box; optionally
//                                  the sticking coefficients of the target face, the rest of the
//                                  ceiling (shield) and the sides (walls; the floor is all
//                                  substrate), default 1 (ChamberSticking.hpp)
// Fluxes are per unit sputtered flux density of the target (atoms m^-2 s^-1 per atom m^-2 s^-1)
// at the floor's face centres, CSV `x_m,z_m,flux` on stdout.
#include "boundary/elements/ElementTable.hpp"
#include "boundary/materials/MaterialLibrary.hpp"
#include "solvers/deposition/EmissionAngularDistribution.hpp"
#include "solvers/deposition/EmissionSource.hpp"
#include "solvers/deposition/GasAttenuationModel.hpp"
#include "solvers/deposition/GasDiffusivity.hpp"
#include "solvers/deposition/GasScatteringMonteCarlo.hpp"
#include "solvers/deposition/LineOfSightTransport.hpp"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string>

namespace {

using namespace magtwin;

constexpr double kHalf = 0.1, kTargetHalf = 0.05, kHeight = 0.1, kFace = 0.005, kTemperatureK = 300;
constexpr int kFloorCells = 40;  // 0.2 m / 5 mm
constexpr double kIonEnergyEv = 400;

std::vector<EmissionSource> target() {
    EmissionSource s{"target", {}, makeAngularDistribution("cosine")};
    const int n = int(std::lround(2 * kTargetHalf / kFace));
    for (int j = 0; j < n; ++j)
        for (int i = 0; i < n; ++i)
            s.elements.push_back(
                {Eigen::Vector3d(-kTargetHalf + (i + 0.5) * kFace, -kTargetHalf + (j + 0.5) * kFace, kHeight),
                 Eigen::Vector3d(0, 0, -1), kFace * kFace, 1.0});
    return {s};
}

RegularPlaneGrid floorGrid() {
    return {-kHalf + 0.5 * kFace, -kHalf + 0.5 * kFace, kFace, kFace, 0.0, kFloorCells, kFloorCells};
}

std::vector<Eigen::Vector3d> floorPoints() {
    const RegularPlaneGrid g = floorGrid();
    std::vector<Eigen::Vector3d> p;
    for (std::size_t j = 0; j < g.ny; ++j)
        for (std::size_t i = 0; i < g.nx; ++i) p.emplace_back(g.x0 + i * g.dx, g.y0 + j * g.dy, 0.0);
    return p;
}

GasAttenuation gasModel(double pressurePa) {
    GasAttenuation g;
    g.numberDensityPerM3 = GasAttenuation::numberDensity(pressurePa, kTemperatureK);
    g.sigmaEffM2 = kMoInArGasModel.sigmaEffM2;
    g.scatteredDeposited = kMoInArGasModel.eta;
    g.thermalisationColumnPerM2 = kMoInArGasModel.thermalisationColumnPerM2;
    return g;
}

void print(const std::vector<double>& flux) {
    const auto p = floorPoints();
    std::printf("x_m,z_m,flux\n");
    for (std::size_t k = 0; k < p.size(); ++k) std::printf("%.9g,%.9g,%.12g\n", p[k].x(), p[k].y(), flux[k]);
}

int usage(const char* self) {
    std::fprintf(stderr, "usage: %s entries P | los | fast P | mc P HISTORIES [TARGETS SHIELDS WALLS]\n", self);
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) return usage(argv[0]);
    const std::string mode = argv[1];
    if (mode == "entries" && argc == 3) {
        const double p = std::atof(argv[2]);
        std::printf(
            "// The core's gas model at %g Pa, %g K (kMoInArGasModel) and the Chapman-Enskog D of Mo\n"
            "// in Ar (GasDiffusivity; 1 m^2/s at 0 Pa, where nothing diffuses: c = 0).\n",
            p, kTemperatureK);
        std::printf(
            "gasPressure %.10g;\ngasTemperature %.10g;\nsigmaEff %.10g;\nscatteredDeposited %.10g;\n"
            "thermalisationColumn %.10g;\n",
            p, kTemperatureK, kMoInArGasModel.sigmaEffM2, kMoInArGasModel.eta,
            kMoInArGasModel.thermalisationColumnPerM2);
        const double d =
            p > 0 ? filmDiffusivityM2PerS(MaterialLibrary::builtin().get("Mo"), "Ar", p, kTemperatureK) : 1.0;
        std::printf("diffusivity %.10g;\n", d);
        return 0;
    }
    if (mode == "los" && argc == 2) {
        print(lineOfSightFlux(target(), floorPoints(), Eigen::Vector3d(0, 0, 1)));
        return 0;
    }
    if (mode == "fast" && argc == 3) {
        const GasAttenuation g = gasModel(std::atof(argv[2]));
        std::vector<double> f = lineOfSightFlux(target(), floorPoints(), Eigen::Vector3d(0, 0, 1), g);
        const std::vector<double> th = thermalisedDiffusionFlux(target(), floorPoints(), g);
        for (std::size_t k = 0; k < f.size(); ++k) f[k] += th[k];
        print(f);
        return 0;
    }
    if (mode == "mc" && (argc == 4 || argc == 7)) {
        // The settings `deposit` derives for a Mo target in Ar (DepositionRun.cpp,
        // gasScatteringSettingsOf): Thompson U_s of Mo, the tail cut at the largest energy an
        // ion of e V gives a target atom head-on, V = the ion energy of the case (400 V).
        const ElementTable& t = ElementTable::builtin();
        const Element &atom = t.get("Mo"), &gas = t.get("Ar");
        GasScatteringSettings s;
        s.pressurePa = std::atof(argv[2]);
        s.gasTemperatureK = kTemperatureK;
        s.gasZ = gas.Z;
        s.gasMassAmu = gas.massAmu;
        s.atomZ = atom.Z;
        s.atomMassAmu = atom.massAmu;
        s.surfaceBindingEv = atom.requireSurfaceBindingEv();
        s.maxEnergyEv = kIonEnergyEv * 4 * gas.massAmu * atom.massAmu / std::pow(gas.massAmu + atom.massAmu, 2);
        ChamberBox box{-kHalf, kHalf, -kHalf, kHalf, kHeight};
        box.targets.push_back({-kTargetHalf, kTargetHalf, -kTargetHalf, kTargetHalf, false});
        if (argc == 7) box.sticking = {std::atof(argv[4]), std::atof(argv[5]), std::atof(argv[6])};
        const MonteCarloTally tally =
            gasScatteringFlux(target(), floorGrid(), false, box, s, std::uint64_t(std::atof(argv[3])));
        std::fprintf(stderr,
                     "mc: emitted %llu deposited %llu lost %llu (target %llu, shield %llu, walls %llu), "
                     "re-emitted %llu, collisions/history %.3g\n",
                     (unsigned long long)tally.emitted, (unsigned long long)tally.deposited,
                     (unsigned long long)tally.lostToWalls, (unsigned long long)tally.stuckOnTargets,
                     (unsigned long long)tally.stuckOnShields, (unsigned long long)tally.stuckOnWalls,
                     (unsigned long long)tally.reflections, double(tally.collisions) / double(tally.emitted));
        print(tally.fluxAtomsM2S);
        return 0;
    }
    return usage(argv[0]);
}
