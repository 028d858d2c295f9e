// Deposition benchmark: Gen-10.5 glass (2940 x 3370 mm) at 2 mm pitch (1471 x 1686 =
// 2.48 M points) under a 12-tube rotary array with eroded targets, by the FFT method,
// and the direct view-factor sum on the same sources run in the same process on an
// evenly spaced subset of the same grid points (the full direct map would take hours):
// the speed ratio compares time per map point, the accuracy compares values there.
// Prints the figures the deposition issue asks for; peak RSS from getrusage.
#include "elements/ElementTable.hpp"
#include "racetrack/IonSupply.hpp"
#include "deposition/FastConvolutionTransport.hpp"
#include "deposition/GasAttenuationModel.hpp"
#include "deposition/GasScatteringMonteCarlo.hpp"
#include "deposition/LineOfSightTransport.hpp"
#include "deposition/RacetrackSources.hpp"
#include "deposition/Substrate.hpp"

#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>

using namespace magtwin;

int main(int argc, char** argv) {
    const std::size_t directPoints = argc > 1 ? std::size_t(std::atol(argv[1])) : 2000;
    const std::shared_ptr<const EmissionAngularDistribution> cosine = makeAngularDistribution("cosine");
    RotaryTube tube;
    tube.outerRadiusM = 0.076;
    tube.erodedDepthM = 0.008;  // mid-life: 8 mm of the wall sputtered away (rotation-averaged)
    tube.axisZ = 0.25;
    tube.lengthM = 3.6;
    tube.track = {0.10, 0.008, 3.5, 1.3};
    tube.axialPitchM = 0.004;
    tube.angularPitchRad = 0.05;
    DischargeOperatingPoint op;  // 20 kW per tube at 500 V, gamma_SE 0.1, Y = 1
    op.powerW = 20e3;
    op.voltageV = 500;
    op.secondaryElectronYield = 0.1;
    const std::vector<double> rates(
        12, ionSupplyFrom(op, ElementTable::builtin().get("Ar"), ElementTable::builtin().get("Mo")).ionsPerSecond);
    const auto sources = rotaryArraySources(tube, 12, 0.25, rates, cosine);
    std::size_t elements = 0;
    for (const auto& s : sources) elements += s.elements.size();

    const SubstrateGrid sub = sampleSubstrate(Substrate::gen10_5Glass());
    RegularPlaneGrid g{sub.x0, sub.y0, sub.dx, sub.dy, 0.0, sub.grid.nu, sub.grid.nv};
    using clock = std::chrono::steady_clock;
    const auto t0 = clock::now();
    FastTransportStats stats;
    const auto fast = fastLineOfSightFlux(sources, g, {}, &stats);
    const double tFast = std::chrono::duration<double>(clock::now() - t0).count();

    std::vector<Eigen::Vector3d> pts;
    std::vector<std::size_t> idx;
    const std::size_t stride = std::max<std::size_t>(1, sub.grid.size() / directPoints);
    for (std::size_t k = stride / 2; k < sub.grid.size(); k += stride) {
        idx.push_back(k);
        pts.push_back(sub.grid.points[k]);
    }
    const auto t1 = clock::now();
    const auto direct = lineOfSightFlux(sources, pts);
    const double tDirect = std::chrono::duration<double>(clock::now() - t1).count();
    double mean = 0, worst = 0;
    for (double v : direct) mean += v / double(direct.size());
    for (std::size_t k = 0; k < idx.size(); ++k) worst = std::max(worst, std::abs(fast[idx[k]] - direct[k]));
    const double directFullEstimate = tDirect / double(pts.size()) * double(sub.grid.size());
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    std::printf("grid %zu x %zu = %zu points, %zu emitting elements, %zu classes, padded FFT %zu x %zu\n", g.nx, g.ny,
                sub.grid.size(), elements, stats.classes, stats.paddedNx, stats.paddedNy);
    std::printf("fast map:    %.3f s\n", tFast);
    std::printf("direct:      %.3f s for %zu points (%.3g s/point) -> full map ~ %.0f s\n", tDirect, pts.size(),
                tDirect / double(pts.size()), directFullEstimate);
    std::printf("speed ratio: %.0fx (direct time per map / fast)\n", directFullEstimate / tFast);
    std::printf("max |fast - direct| = %.2e of mean over the %zu direct points\n", worst / mean, pts.size());
    std::printf("peak RSS:    %.0f MiB\n", double(ru.ru_maxrss) / 1024.0);

    // A whole map direct can finish: 300 mm wafer at 2 mm pitch under a 3-inch-class
    // circular planar cathode (h = 100 mm), every point computed both ways.
    PlanarCircularTarget disc;
    disc.centre = {0.02, 0.0, 0.10};
    disc.radiusM = 0.05;
    disc.trackRadiusM = 0.03;
    disc.sigmaM = 0.006;
    disc.pitchM = 0.0005;
    const std::vector<EmissionSource> wsrc{planarCircularSource(disc, 1e18, cosine)};
    const SubstrateGrid wafer = sampleSubstrate(Substrate::wafer300mm());
    RegularPlaneGrid wg{wafer.x0, wafer.y0, wafer.dx, wafer.dy, 0.0, wafer.grid.nu, wafer.grid.nv};
    const auto t2 = clock::now();
    const auto wFast = fastLineOfSightFlux(wsrc, wg);
    const double tWFast = std::chrono::duration<double>(clock::now() - t2).count();
    const auto t3 = clock::now();
    const auto wDirect = lineOfSightFlux(wsrc, wafer.grid.points);
    const double tWDirect = std::chrono::duration<double>(clock::now() - t3).count();
    double wMean = 0, wWorst = 0;
    for (double v : wDirect) wMean += v / double(wDirect.size());
    for (std::size_t k = 0; k < wDirect.size(); ++k) wWorst = std::max(wWorst, std::abs(wFast[k] - wDirect[k]));
    std::printf("wafer 300 mm, %zu points, %zu elements: fast %.4f s, direct %.3f s, ratio %.0fx, max diff %.2e of mean\n",
                wafer.grid.size(), wsrc[0].elements.size(), tWFast, tWDirect, tWDirect / tWFast, wWorst / wMean);

    // Gas-scattering Monte Carlo throughput: 10 cm throw at 0.5 Pa (Mo in Ar, 300 K), the
    // small circular cathode above, chamber box 0.6 x 0.6 x 0.1 m.
    PlanarCircularTarget mcDisc = disc;
    mcDisc.centre = {0.0, 0.0, 0.10};
    mcDisc.pitchM = 0.002;
    const std::vector<EmissionSource> mcSrc{planarCircularSource(mcDisc, 1e18, cosine)};
    const RegularPlaneGrid mcGrid{-0.15, -0.15, 0.005, 0.005, 0.0, 61, 61};
    GasScatteringSettings gs;
    gs.pressurePa = 0.5;
    const std::uint64_t histories = 1000000;
    const auto t4 = clock::now();
    const MonteCarloTally tally = gasScatteringFlux(mcSrc, mcGrid, true, {-0.3, 0.3, -0.3, 0.3, 0.10}, gs, histories);
    const double tMc = std::chrono::duration<double>(clock::now() - t4).count();
    std::printf("MC 0.5 Pa x 10 cm: %.3g histories/s (%llu histories, %.1f collisions each, %.1f %% deposited)\n",
                double(histories) / tMc, static_cast<unsigned long long>(histories),
                double(tally.collisions) / double(histories), 100.0 * double(tally.deposited) / double(histories));

    // Where the calibrated fast gas model stops holding: calibrate at 1 and 5 Pa cm (as in
    // the unit test), then compare with the MC up to 20 Pa cm (10 cm throw).
    PlanarCircularTarget cal = disc;
    cal.centre = {0.0, 0.0, 0.10};
    cal.pitchM = 0.003;
    const std::vector<EmissionSource> calSrc{planarCircularSource(cal, 1e18, cosine)};
    const RegularPlaneGrid calGrid{-0.15, -0.15, 0.01, 0.01, 0.0, 31, 31};
    const ChamberBox calBox{-0.25, 0.25, -0.25, 0.25, 0.10};
    std::vector<double> pressures{0.1, 0.25, 0.5, 1.0, 2.0};
    std::vector<std::vector<double>> maps;
    for (double p : pressures) {
        gs.pressurePa = p;
        maps.push_back(gasScatteringFlux(calSrc, calGrid, false, calBox, gs, 300000).fluxAtomsM2S);
    }
    const auto n = [&](double p) { return GasAttenuation::numberDensity(p, gs.gasTemperatureK); };
    const GasCalibration fit = calibrateGasAttenuation(calSrc, calGrid, {maps[0], maps[2]}, {n(0.1), n(0.5)}, 0.02, 0.14);
    std::printf("fast gas model (sigma_eff %.3g m^2, eta %.2f) vs MC, max error of peak:", fit.sigmaEffM2, fit.eta);
    for (std::size_t k = 0; k < pressures.size(); ++k)
        std::printf(" %.1f Pa cm: %.1f %%;", pressures[k] * 10,
                    100 * gasModelError(calSrc, calGrid, maps[k], {n(pressures[k]), fit.sigmaEffM2, fit.eta}, 0.02, 0.14));
    std::printf("\n");
    return 0;
}
