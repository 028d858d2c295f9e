// The simulator's metrology maps (SimulatedFilm + metrologyMaps) against a direct deposit of
// the same case: the maps scale each cathode's nominal film by the energy it delivered
// (thickness linear in energy: sputtered atoms per joule, CathodeLayout.hpp); a deposit run
// (runDeposition) with each cathode's power changed to the same energy transports the new
// emission itself. A small hand-built chamber: two planar Mo targets (2 kW and 3 kW) over a
// 400 x 400 mm glass, static 60 s, cosine law, vacuum.
#include "boundary/materials/MaterialLibrary.hpp"
#include "tests/solvers/chamber/TestCathodes.hpp"
#include "tests/twin/simulate/SimulatedLogTestRecipe.hpp"
#include "twin/simulate/LogSimulation.hpp"
#include "twin/simulate/SimulatedFilm.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <iostream>
#include <sstream>

using namespace magtwin;

namespace {

DepositCase twoPlanarTargets() {
    DepositCase c;
    c.file = "hand-case.yaml";
    c.substrateName = "glass";
    c.substrate.sizeXM = 0.4, c.substrate.sizeYM = 0.4, c.substrate.pitchM = 0.01, c.substrate.edgeExclusionM = 0.01;
    c.motion.kind = SubstrateMotion::Kind::Static;
    c.motion.timeS = 60.0;
    c.filmMaterial = MaterialLibrary::builtin().get("Mo");
    const struct {
        const char* name;
        double x, powerW;
    } targets[] = {{"A", -0.10, 2000.0}, {"B", 0.12, 3000.0}};
    for (const auto& t : targets) {
        // 300 x 120 mm planar-rect Mo, 6 mm thick, 100 mm above; stadium 200 mm straights 60 mm
        // apart, sigma 6 mm (Gaussian across, uniform along the track), 450 V.
        CathodeSpec k = test::moCathode(CathodeKind::PlanarRect, t.powerW, 0.006, 0.006);
        k.name = t.name;
        k.position = {t.x, 0.0, 0.10};
        k.geometry.lengthM = 0.30;
        k.geometry.widthM = 0.12;
        k.meshPitchM = 0.004;
        test::stadium(k, 0.20, 0.06, 1.0);
        const CathodeGroup g = test::group(k);
        c.cathodes.push_back(g);
    }
    return c;
}

/// One substrate whose deposition step delivered `energyJ` per source (A, B).
SimulationTruth oneSubstrate(const std::vector<double>& energyJ) {
    SimulationTruth t;
    t.substrates.push_back({"G-0001", energyJ});
    return t;
}

const std::vector<SimulatedSource> kSources = {{"A", "Mo", 450.0, 0.0}, {"B", "Mo", 450.0, 0.0}};

double maxDifferenceOfPeak(const std::vector<double>& a, const std::vector<double>& b) {
    const double peak = *std::max_element(b.begin(), b.end());
    double worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::abs(a[i] - b[i]) / peak);
    return worst;
}

void expectMapEqualsDirectDeposit(TransportMethod method, const std::string& name, double tolerance) {
    const DepositCase c = twoPlanarTargets();
    FilmTransport transport;
    transport.method = method;
    const SimulatedFilm film = simulatedFilm(c, 0.0, transport);
    ASSERT_EQ(film.cathodes, (std::vector<std::string>{"A", "B"}));
    EXPECT_DOUBLE_EQ(film.nominalEnergyJ[0], 2000.0 * 60);
    EXPECT_DOUBLE_EQ(film.nominalEnergyJ[1], 3000.0 * 60);
    // A at 1.5 x and B at 0.5 x its power for the motion time: E_A = 180 kJ, E_B = 90 kJ.
    const auto maps = metrologyMaps(film, oneSubstrate({1.5 * 2000 * 60, 0.5 * 3000 * 60}), kSources, 1, 0.0, 7);
    ASSERT_EQ(maps.size(), 1u);
    EXPECT_EQ(maps[0].substrateId, "G-0001");
    DepositCase d = c;
    d.cathodes[0].powerW *= 1.5;
    d.cathodes[1].powerW *= 0.5;
    const DepositRun run = runDeposition(d, 0.0, name);
    ASSERT_EQ(run.thicknessNm.size(), maps[0].thicknessNm.size());
    const double diff = maxDifferenceOfPeak(maps[0].thicknessNm, run.thicknessNm);
    std::cout << name << ": max |map - deposit| / peak = " << diff << "\n";
    EXPECT_LE(diff, tolerance) << name;
    // And the map is not trivially small: the run deposits tens of nm in a minute at kW.
    EXPECT_GT(*std::max_element(run.thicknessNm.begin(), run.thicknessNm.end()), 1.0);
}

}  // namespace

// Direct: double-precision view-factor sums, linear in each source's strength; the two
// paths differ only by rounding (1e-12 of the peak).
TEST(SimulatedLogMetrology, MapEqualsADirectDepositOfTheSameCase) {
    expectMapEqualsDirectDeposit(TransportMethod::Direct, "direct", 1e-12);
}

// Fast: the convolution runs in single precision (FFTW fftw3f); a transport of emission
// scaled by 1.5 equals 1.5 x the transport to a few float epsilons (2^-24 = 6e-8), 1e-6 of the peak.
TEST(SimulatedLogMetrology, FastMapEqualsAFastDepositOfTheSameCase) {
    expectMapEqualsDirectDeposit(TransportMethod::Fast, "fast", 1e-6);
}

// Seeded noise of the maps: the same seed gives the same maps, another seed other maps; the
// relative scatter is the requested 2 % (sample standard deviation of the points within
// 3 standard errors, sigma / sqrt(2 n)).
TEST(SimulatedLogMetrology, SeededNoiseIsReproducibleAndOfTheRequestedSize) {
    const SimulatedFilm film = simulatedFilm(twoPlanarTargets(), 0.0);
    const SimulationTruth truth = oneSubstrate({120e3, 180e3});
    const auto clean = metrologyMaps(film, truth, kSources, 1, 0.0, 7);
    const auto a = metrologyMaps(film, truth, kSources, 1, 2.0, 7),
               again = metrologyMaps(film, truth, kSources, 1, 2.0, 7);
    const auto b = metrologyMaps(film, truth, kSources, 1, 2.0, 8);
    EXPECT_EQ(a[0].thicknessNm, again[0].thicknessNm);
    EXPECT_NE(a[0].thicknessNm, b[0].thicknessNm);
    double sum = 0, sum2 = 0;
    const std::size_t n = clean[0].thicknessNm.size();
    for (std::size_t i = 0; i < n; ++i) {
        const double x = a[0].thicknessNm[i] / clean[0].thicknessNm[i] - 1;
        sum += x, sum2 += x * x;
    }
    const double mean = sum / double(n), sd = std::sqrt((sum2 - double(n) * mean * mean) / double(n - 1));
    const double band = 3 * 0.02 / std::sqrt(2.0 * double(n));
    EXPECT_NEAR(sd, 0.02, band) << n << " points";
    EXPECT_NEAR(mean, 0.0, 3 * 0.02 / std::sqrt(double(n)));
}

// Every N-th substrate gets a map (N, 2N, ...), named by its ID.
TEST(SimulatedLogMetrology, EveryNthSubstrate) {
    const SimulatedFilm film = simulatedFilm(twoPlanarTargets(), 0.05);
    SimulationTruth truth;
    for (int s = 1; s <= 7; ++s) truth.substrates.push_back({"S-" + std::to_string(s), {1e3 * s, 2e3}});
    const auto maps = metrologyMaps(film, truth, kSources, 3, 0.0, 1);
    ASSERT_EQ(maps.size(), 2u);
    EXPECT_EQ(maps[0].substrateId, "S-3");
    EXPECT_EQ(maps[1].substrateId, "S-6");
    EXPECT_TRUE(metrologyMaps(film, truth, kSources, 0, 0.0, 1).empty());
}

// The whole run (simulateLog) on the hand recipe over the two-target chamber: the crystal
// monitor's rate per watt of each source (what the log's QCM columns carry) is the mean of
// the film over the uniformity area per joule, so for every substrate the metrology map's
// mean over that area equals sum_k rate_k E_k (E_k the truth's deposition energy), to 1e-12.
TEST(SimulatedLogRun, CrystalMonitorRateIsTheMetrologyMapsMean) {
    LogSimulation s;
    s.format = simtest::handFormat();
    s.recipe = simtest::handRecipe();
    s.sources = simtest::handSources();
    s.settings.seed = 7;
    s.filmCase = twoPlanarTargets();
    s.metrologyPitchM = 0.02;
    s.metrologyEvery = 1;
    std::ostringstream log;
    const LogSimulationResult r = simulateLog(log, s);
    EXPECT_EQ(std::int64_t(log.str().size()), r.facts.bytes);
    ASSERT_EQ(r.maps.size(), 2u);
    ASSERT_EQ(r.truth.targets.size(), 3u);
    EXPECT_DOUBLE_EQ(r.truth.targets[0].energyJ, 69800.0);  // SimulatedLogTest: worked by hand
    for (std::size_t m = 0; m < 2; ++m) {
        double sum = 0;
        int n = 0;
        for (std::size_t i = 0; i < r.film.grid.grid.size(); ++i)
            if (r.film.grid.inUniformityArea[i]) sum += r.maps[m].thicknessNm[i] * 1e-9, ++n;
        double qcm = 0;
        for (std::size_t k = 0; k < r.sources.size(); ++k) {
            EXPECT_GT(r.sources[k].filmRateMPerSPerW, 0.0);
            qcm += r.sources[k].filmRateMPerSPerW * r.truth.substrates[m].depositionEnergyJ[k];
        }
        EXPECT_NEAR(sum / n, qcm, 1e-12 * qcm) << "substrate " << m + 1;
    }
}
