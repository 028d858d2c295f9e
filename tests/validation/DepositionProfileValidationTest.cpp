// Measured radial deposition profile (limonad360/Double-Rotation ExpData/130mm.txt, see
// ../shared/validation/PROVENANCE.md: throw ~130 mm, magnetron axis at scan x = 47 mm)
// against our line-of-sight profile of a circular planar cathode with its racetrack.
// The cathode geometry is not published with the data, so the racetrack radius is the
// one fitted parameter (scanned 20-100 mm); sigma 8 mm is a typical racetrack width.
// Metric: after normalising both peaks to 1, max and RMS |model - measured| over the 24
// points. Reported on stdout; the test asserts the collisionless model reproduces the
// shape within 5 % of the peak at the best radius (a cosine point source misses it by
// 19 %, so the check is not automatic) and that the fitted radius is a plausible
// magnetron racetrack (30-80 mm for a 2-6 inch cathode).
#include "solvers/deposition/LineOfSightTransport.hpp"
#include "solvers/deposition/RacetrackSources.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>

using namespace magtwin;

namespace {

struct Point {
    double rM, thickness;
};

std::vector<Point> readProfile(const std::string& file) {
    std::ifstream in(file);
    std::vector<Point> out;
    double x, t;
    while (in >> x >> t) out.push_back({(x - 47.0) * 1e-3, t});  // PROVENANCE.md: r = x - 47 mm
    return out;
}

struct ShapeError {
    double maxAbs = 0, rms = 0;
};

ShapeError shapeError(const std::vector<Point>& data, double trackRadiusM) {
    PlanarCircularTarget t;
    t.centre = {0.0, 0.0, 0.130};
    t.radiusM = trackRadiusM + 0.04;
    t.trackRadiusM = trackRadiusM;
    t.sigmaM = 0.008;
    t.pitchM = 0.001;
    const std::vector<EmissionSource> src{planarCircularSource(t, 1.0, makeAngularDistribution("cosine"))};
    std::vector<Eigen::Vector3d> pts;
    for (const auto& p : data) pts.emplace_back(p.rM, 0.0, 0.0);
    const auto model = lineOfSightFlux(src, pts);
    const double mPeak = *std::max_element(model.begin(), model.end());
    double dPeak = 0;
    for (const auto& p : data) dPeak = std::max(dPeak, p.thickness);
    ShapeError e;
    for (std::size_t k = 0; k < data.size(); ++k) {
        const double d = std::abs(model[k] / mPeak - data[k].thickness / dPeak);
        e.maxAbs = std::max(e.maxAbs, d);
        e.rms += d * d / double(data.size());
    }
    e.rms = std::sqrt(e.rms);
    return e;
}

}  // namespace

TEST(DepositionValidation, Limonad360RadialProfileShape) {
    const std::string file =
        std::string(MAGTWIN_VALIDATION_DIR) + "/erosion_deposition/limonad360_measured_deposition_profile_130mm.tsv";
    if (!std::filesystem::exists(file)) GTEST_SKIP() << "validation data absent: " << file;
    const auto data = readProfile(file);
    ASSERT_EQ(data.size(), 24u);
    double bestR = 0;
    ShapeError best{1e9, 1e9};
    for (double R = 0.020; R <= 0.1000001; R += 0.005) {
        const ShapeError e = shapeError(data, R);
        if (e.rms < best.rms) best = e, bestR = R;
    }
    const ShapeError point = shapeError(data, 0.0);
    std::cout << "limonad360 130 mm profile: best racetrack radius " << bestR * 1e3 << " mm, shape error max "
              << best.maxAbs * 100 << " % / rms " << best.rms * 100 << " % of peak (racetrack at the axis: max "
              << point.maxAbs * 100 << " %)\n";
    RecordProperty("shape_error_max_pct", std::to_string(best.maxAbs * 100));
    EXPECT_LT(best.maxAbs, 0.05);
    EXPECT_GE(bestR, 0.030);
    EXPECT_LE(bestR, 0.080);
    EXPECT_GT(point.maxAbs, 0.10);
}
