// Erosion engine -> deposition: the emission map of the erosion engine (emissionMapAtLife)
// as a deposition source. At life 0 it must deposit what the racetrack source deposits
// (both sample the shared RacetrackFlux); on an eroded planar target the groove walls tilt
// the emission toward the groove and sputter with Y(E, theta).
#include "solvers/deposition/CathodeLayout.hpp"
#include "solvers/deposition/ErodedTargets.hpp"
#include "solvers/deposition/LineOfSightTransport.hpp"
#include "tests/solvers/chamber/TestCathodes.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

using namespace magtwin;

namespace {

/// A short planar-rect Mo cathode 80 mm above the substrate (long axis along y).
CathodeGroup smallPlanar() {
    CathodeSpec c = test::moCathode(CathodeKind::PlanarRect, 2000, 0.006, 0.006);
    c.name = "test planar";
    c.position = {0.0, 0.0, 0.08};
    c.geometry.lengthM = 0.30;
    c.geometry.widthM = 0.12;
    c.meshPitchM = 0.002;
    test::stadium(c, 0.20, 0.06, 1.0);  // Gaussian across, uniform along the track
    return test::group(c);
}

/// Points across the tracks (x) at the target's middle (y = 0), on the substrate plane.
std::vector<Eigen::Vector3d> lineAcross() {
    std::vector<Eigen::Vector3d> p;
    for (int i = -40; i <= 40; ++i) p.emplace_back(0.004 * i, 0.0, 0.0);
    return p;
}

double maxRelativeDifference(const std::vector<double>& a, const std::vector<double>& b) {
    const double peak = *std::max_element(b.begin(), b.end());
    double worst = 0;
    for (std::size_t i = 0; i < a.size(); ++i) worst = std::max(worst, std::abs(a[i] - b[i]) / peak);
    return worst;
}

}  // namespace

// Life 0: the erosion engine's map of the new target and the racetrack source are two
// samplings of one RacetrackFlux at the same 2 mm pitch (sigma / 3). Both quadratures of
// the Gaussian track are spectrally accurate at that pitch, so the remaining difference
// is the cell-centred (racetrack) vs dual-cell (emission map) placement of 2 mm point
// emitters 80 mm away: a shift of at most half a pitch changes the kernel by
// ~(pitch / h)^2 / 8 ~ 1e-4 of the peak; 1e-3 allows for that with margin.
TEST(ErodedTargets, NewTargetMapDepositsLikeTheRacetrackSource) {
    const CathodeGroup g = smallPlanar();
    const std::shared_ptr<const EmissionAngularDistribution> cosine = makeAngularDistribution("cosine");
    const EmissionLayout racetrack = buildEmission({g}, cosine, 0.0);
    const EmissionSource fromErosion = erodedEmissionSource(g, erodedEmissionMap(g, 0.0), cosine);
    // Same total, I_ion Y(eV, 0) / e from IonSupply, up to the erosion map's quadrature
    // (dual cells: the border row of points gets half cells) and its tabulated yield
    // (ErosionRate: < 1e-5); measured 7e-5, so 2e-4.
    EXPECT_NEAR(fromErosion.totalAtomsPerSecond() / racetrack.sources[0].totalAtomsPerSecond(), 1.0, 2e-4);
    const auto pts = lineAcross();
    EXPECT_LT(maxRelativeDifference(lineOfSightFlux({fromErosion}, pts), lineOfSightFlux(racetrack.sources, pts)),
              1e-3);
}

// An eroded planar target (groove several mm deep). Physics says:
//  - each groove wall faces the groove's centre line: a cosine emitter with normal
//    n = (sin a, 0, -cos a) sends  (X sin a + h cos a) / r  toward a point at lateral
//    offset X and depth h. The two walls of a groove lean opposite ways, so the sideways
//    terms cancel (to first order) and the film below the target falls by the
//    flux-weighted mean cos a of the walls, compared with the same elements emitting along
//    the original face normal; the missing atoms leave the tilted walls upward, back
//    into the groove (redeposition). So the film is thinner than with face normals, by
//    the ratio <cos a> below the track and between the tracks, up to the wall's own
//    offset term <|X| sin a> / h <~ 10 mm * 0.3 / 80 mm ~ 3 % (walls lean toward the
//    groove centre, i.e. toward a point below it): tolerance 0.03;
//  - the walls sputter with Y(E, theta) > Y(E, 0) (Yamamura's angular factor rises up to
//    ~60 deg, the walls are shallower), so at equal power the used target emits more
//    atoms than the new one.
TEST(ErodedTargets, GrooveWallsTiltEmissionAndSputterMore) {
    CathodeGroup g = smallPlanar();
    const std::shared_ptr<const EmissionAngularDistribution> cosine = makeAngularDistribution("cosine");
    const GridSurface map = erodedEmissionMap(g, 80.0);  // 80 kWh at 2 kW
    const auto& depth = map.scalar("depth_mm");
    ASSERT_GT(*std::max_element(depth.begin(), depth.end()), 3.0);  // a real groove (mm), 6 mm plate
    const EmissionSource eroded = erodedEmissionSource(g, map, cosine);
    EmissionSource faceNormals = eroded;
    for (auto& e : faceNormals.elements) e.normal = {0.0, 0.0, -1.0};
    const double track = 0.5 * g.cathode.magnets.track.trackSeparationM;
    const std::vector<Eigen::Vector3d> points{{track, 0.0, 0.0}, {0.0, 0.0, 0.0}};
    const auto tilted = lineOfSightFlux({eroded}, points);
    const auto flat = lineOfSightFlux({faceNormals}, points);
    double weighted = 0, total = 0;
    for (const auto& e : eroded.elements) {
        weighted += e.atomsPerSecond() * -e.normal.z();
        total += e.atomsPerSecond();
    }
    const double meanCos = weighted / total;
    EXPECT_LT(meanCos, 0.99);  // the walls are tilted (a > 8 deg on average)
    EXPECT_LT(tilted[0], flat[0]);
    EXPECT_LT(tilted[1], flat[1]);
    EXPECT_NEAR(tilted[0] / flat[0], meanCos, 0.03);  // below the track
    EXPECT_NEAR(tilted[1] / flat[1], meanCos, 0.03);  // between the tracks
    const EmissionLayout fresh = buildEmission({g}, cosine, 0.0);
    EXPECT_GT(eroded.totalAtomsPerSecond(), fresh.sources[0].totalAtomsPerSecond());
    // buildEmission at that life point uses the eroded map.
    const EmissionLayout used = buildEmission({g}, cosine, 80.0);
    EXPECT_NEAR(used.sources[0].totalAtomsPerSecond() / eroded.totalAtomsPerSecond(), 1.0, 1e-12);
    EXPECT_GT(used.erodedDepthM[0], 3e-3);
}

// The rotary wobble of the eroded-target map (motion/SwingAverage weights, the field turned
// round the tube with linear interpolation between angular cells): turning a periodic field
// keeps its sum exactly, so every waveform emits the same atoms as the still bar (to
// rounding); the spread of the emission round the tube grows by the swing's mean square
// angle, A^2 <s^2> with <s^2> = 1/2 (sinusoidal), 1/3 (triangular), (1 - delta)/3 + delta
// (dwell), plus what the linear interpolation adds, at most (cell angle)^2 / 4 (a node
// between cells at fraction f adds f (1 - f) cell^2 to the variance).
TEST(ErodedTargets, RotaryWobbleKeepsTheAtomsAndSpreadsByTheMeanSquareSwing) {
    // Old tube fields: r 40 mm, length 300 mm, 10 mm axial pitch, 5 deg cells, axis 120 mm,
    // track separation 30 mm, sigma 5 mm, loop 260 mm (straight 230 mm), 4 mm wall, Mo at 450 V, 3 kW.
    CathodeSpec c = test::moCathode(CathodeKind::Rotary, 3000, 0.004, 0.005);
    c.name = "test tube";
    c.position = {0.0, 0.0, 0.12};
    c.geometry.radiusM = 0.04;
    c.geometry.lengthM = 0.30;
    c.meshPitchM = 0.01;
    c.meshAngularPitchRad = 2 * M_PI / 72;
    test::stadium(c, 0.23, 0.03, 1.0);
    CathodeGroup g = test::group(c);
    const auto spread = [](const GridSurface& map, double& total) {  // variance of the angle (rad^2)
        const auto& f = map.scalar("sputtered_flux_per_m2_s");
        double s0 = 0, s2 = 0;
        for (std::size_t j = 0; j < map.nv; ++j) {
            const double phi =
                -M_PI + 2 * M_PI * (j + 0.5) / map.nv;  // cell centres (ErosionGrid), 0 facing the substrate
            for (std::size_t i = 0; i < map.nu; ++i) s0 += f[map.index(i, j)], s2 += f[map.index(i, j)] * phi * phi;
        }
        total = s0;
        return s2 / s0;
    };
    double still = 0;
    const double var0 = spread(erodedEmissionMap(g, 0.0), still);
    const double A = 10 * M_PI / 180, cell = 2 * M_PI / 72;
    struct Case {
        SwingWaveform w;
        double delta, meanSquare;
    };
    for (const Case c : {Case{SwingWaveform::Sinusoidal, 0.0, 0.5}, Case{SwingWaveform::Triangular, 0.0, 1.0 / 3},
                         Case{SwingWaveform::Dwell, 0.6, 0.4 / 3 + 0.6}}) {
        g.cathode.magnets.motion.kind = MagnetMotion::Kind::Wobble;
        g.cathode.magnets.motion.wobbleAmplitudeRad = A;
        g.cathode.magnets.motion.waveform = c.w;
        g.cathode.magnets.motion.dwellFraction = c.delta;
        double total = 0;
        const double var = spread(erodedEmissionMap(g, 0.0), total);
        EXPECT_NEAR(total / still, 1.0, 1e-12) << swingWaveformName(c.w);
        EXPECT_GE(var - var0 - A * A * c.meanSquare, -1e-12) << swingWaveformName(c.w);
        EXPECT_LE(var - var0 - A * A * c.meanSquare, cell * cell / 4) << swingWaveformName(c.w);
    }
}

// A tilted planar cathode (CathodeSpec::orientation): the eroded map is turned about the face
// centre as a whole. Every element of the tilted group's source is R (p - c) + c of the
// untilted group's (same erosion: orientation is not an erosion input, erosionKey), its normal
// R n, its flux unchanged; both at a used life point (a groove with tilted walls).
TEST(ErodedTargets, TiltedCathodeTurnsTheErodedMapAboutItsFaceCentre) {
    const CathodeGroup flat = smallPlanar();
    CathodeGroup tilted = flat;
    tilted.cathode.orientation = orientationTilt(1, 35.0 * M_PI / 180.0);
    tilted.cathode.position.z() = 0.12;  // the turned 120 mm wide face stays above z = 0
    CathodeGroup flatHigh = flat;
    flatHigh.cathode.position.z() = 0.12;
    EXPECT_EQ(erosionKey(tilted), erosionKey(flatHigh));
    const std::shared_ptr<const EmissionAngularDistribution> cosine = makeAngularDistribution("cosine");
    const GridSurface map = erodedEmissionMap(flatHigh, 80.0);
    const EmissionSource a = erodedEmissionSource(flatHigh, map, cosine), b = erodedEmissionSource(tilted, map, cosine);
    ASSERT_EQ(a.elements.size(), b.elements.size());
    const Eigen::Matrix3d& R = tilted.cathode.orientation;
    const Eigen::Vector3d c = flatHigh.cathode.position;
    double worst = 0;
    for (std::size_t k = 0; k < a.elements.size(); ++k) {
        worst = std::max(worst, (b.elements[k].position - (c + R * (a.elements[k].position - c))).norm());
        worst = std::max(worst, (b.elements[k].normal - R * a.elements[k].normal).norm());
        EXPECT_EQ(a.elements[k].fluxAtomsM2S, b.elements[k].fluxAtomsM2S);
        EXPECT_EQ(a.elements[k].areaM2, b.elements[k].areaM2);
    }
    EXPECT_LT(worst, 1e-15);  // one product of a rotation: round-off of order eps |p - c|
    EXPECT_EQ(a.totalAtomsPerSecond(), b.totalAtomsPerSecond());
}
