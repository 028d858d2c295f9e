#include "tests/postprocessing/ViewFixtures.hpp"

#include "postprocessing/io/AtomicFile.hpp"
#include "postprocessing/vtk/VtkWriters.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <limits>
#include <sstream>

namespace magtwin::test {
namespace {

constexpr double kPi = 3.14159265358979323846;

/// Distance from (x, y) to a stadium (racetrack) centre line: straight tracks at
/// y = +-radius for |x| <= halfLength, joined by semicircular turnarounds.
double distanceToRacetrack(double x, double y, double halfLength, double radius) {
    const double ax = std::abs(x);
    if (ax <= halfLength) return std::abs(std::abs(y) - radius);
    return std::abs(std::hypot(ax - halfLength, y) - radius);
}

std::string number(double v) {
    std::ostringstream o;
    o << std::setprecision(10) << v;
    return o.str();
}

double maxOf(const std::vector<double>& v) { return *std::max_element(v.begin(), v.end()); }

}  // namespace

std::vector<SeriesStep<GridSurface>> planarGrooveSeries() {
    const std::size_t nu = 121, nv = 65;
    const double lx = 0.60, ly = 0.16, zFace = 0.10, sigma = 0.006;
    std::vector<SeriesStep<GridSurface>> steps;
    for (int k = 1; k <= 3; ++k) {
        const double peakMm = 1.0 * k;
        GridSurface s;
        s.nu = nu;
        s.nv = nv;
        std::vector<double> depth, rate;
        for (std::size_t j = 0; j < nv; ++j)
            for (std::size_t i = 0; i < nu; ++i) {
                const double x = -lx / 2 + lx * i / (nu - 1), y = -ly / 2 + ly * j / (nv - 1);
                const double d = distanceToRacetrack(x, y, 0.22, 0.04);
                const double shape = std::exp(-d * d / (2 * sigma * sigma));
                depth.push_back(peakMm * shape);
                rate.push_back(0.01 * shape);                                // 1 mm per 100 kWh at the track centre
                s.points.emplace_back(x, y, zFace + peakMm * shape * 1e-3);  // face recedes upward
            }
        s.setScalar("depth_mm", depth);
        s.setScalar("erosion_rate_mm_per_kWh", rate);
        steps.push_back({100.0 * k, s});
    }
    return steps;
}

std::vector<SeriesStep<GridSurface>> rotaryGrooveSeries() {
    const std::size_t nu = 101, nv = 73;
    const double length = 0.5, radius = 0.0765, zAxis = 0.12, endWidth = 0.012;
    std::vector<SeriesStep<GridSurface>> steps;
    for (int k = 1; k <= 3; ++k) {
        const double peakMm = 0.5 * k;
        GridSurface s;
        s.nu = nu;
        s.nv = nv;
        std::vector<double> depth;
        for (std::size_t j = 0; j < nv; ++j)
            for (std::size_t i = 0; i < nu; ++i) {
                const double x = -length / 2 + length * i / (nu - 1);
                const double phi = 2 * kPi * j / (nv - 1);
                const double e = std::abs(x) - 0.20;
                const double dMm = peakMm * (0.3 + 0.7 * std::exp(-e * e / (2 * endWidth * endWidth)));
                depth.push_back(dMm);
                const double r = radius - dMm * 1e-3;
                s.points.emplace_back(x, r * std::sin(phi), zAxis - r * std::cos(phi));
            }
        s.setScalar("depth_mm", depth);
        steps.push_back({100.0 * k, s});
    }
    return steps;
}

void writeErosionFolder(const std::vector<SeriesStep<GridSurface>>& steps, double targetThicknessMm,
                        const std::string& dir) {
    std::filesystem::create_directories(dir);
    writeSurfaceSeries(steps, dir, "surface", "erosion.pvd");
    // Utilization = eroded volume / initial volume ~ mean depth / thickness (uniform grid).
    const auto& last = steps.back().data.scalar("depth_mm");
    double sum = 0;
    for (double d : last) sum += d;
    const double utilization = sum / last.size() / targetThicknessMm;
    std::ostringstream json;
    json << "{\"life_kWh\":" << number(steps.back().time) << ",\"utilization\":" << number(utilization)
         << ",\"max_depth_mm\":" << number(maxOf(last)) << ",\"steps\":" << steps.size() << "}\n";
    writeFileAtomically(dir + "/summary.json", [&](std::ostream& out) { out << json.str(); });
}

ThicknessFixture glassThickness() {
    ThicknessFixture f;
    f.substrate = "Gen-10.5 glass";
    f.edgeExclusionMm = 10.0;
    const std::size_t nu = 148, nv = 170;
    const double lx = 2.94, ly = 3.37, edge = 0.010;
    f.map.nu = nu;
    f.map.nv = nv;
    std::vector<double> t;
    for (std::size_t j = 0; j < nv; ++j)
        for (std::size_t i = 0; i < nu; ++i) {
            const double x = -lx / 2 + lx * i / (nu - 1), y = -ly / 2 + ly * j / (nv - 1);
            const double u = x / (lx / 2), v = y / (ly / 2);
            // Dome (8 % lower in the corners) times a ripple from 8 rotary cathodes 0.35 m apart.
            t.push_back(100.0 * (1 - 0.04 * u * u - 0.04 * v * v) * (1 + 0.006 * std::cos(2 * kPi * x / 0.35)));
            f.map.points.emplace_back(x, y, 0.0);
            f.inQualityArea.push_back(std::abs(x) <= lx / 2 - edge && std::abs(y) <= ly / 2 - edge);
        }
    f.map.setScalar("thickness_nm", t);
    return f;
}

ThicknessFixture waferThickness() {
    ThicknessFixture f;
    f.substrate = "300 mm wafer";
    f.edgeExclusionMm = 3.0;
    const std::size_t n = 61;
    const double radius = 0.15, edge = 0.003;
    f.map.nu = f.map.nv = n;
    std::vector<double> t;
    for (std::size_t j = 0; j < n; ++j)
        for (std::size_t i = 0; i < n; ++i) {
            const double x = -radius + 2 * radius * i / (n - 1), y = -radius + 2 * radius * j / (n - 1);
            const double r = std::hypot(x, y) / radius;
            t.push_back(50.0 * (1 - 0.015 * r * r + 0.004 * x / radius));
            f.map.points.emplace_back(x, y, 0.0);
            f.inQualityArea.push_back(std::hypot(x, y) <= radius - edge + 1e-12);
        }
    f.map.setScalar("thickness_nm", t);
    return f;
}

ThicknessFixture cosputterLibrary() {
    ThicknessFixture f;
    f.substrate = "Ni-Pt library";
    f.edgeExclusionMm = 2.0;
    const std::size_t n = 51;
    const double half = 0.05, edge = 0.002;
    f.map.nu = f.map.nv = n;
    std::vector<double> t, ni, pt;
    for (std::size_t j = 0; j < n; ++j)
        for (std::size_t i = 0; i < n; ++i) {
            const double x = -half + 2 * half * i / (n - 1), y = -half + 2 * half * j / (n - 1);
            t.push_back(200.0 * (1 - 20 * (x * x + y * y)));
            ni.push_back(0.3 + 0.4 * (x + half) / (2 * half));
            pt.push_back(1 - ni.back());
            f.map.points.emplace_back(x, y, 0.0);
            f.inQualityArea.push_back(std::abs(x) <= half - edge + 1e-12 && std::abs(y) <= half - edge + 1e-12);
        }
    f.map.setScalar("thickness_nm", t);
    f.map.setScalar("Ni_fraction", ni);
    f.map.setScalar("Pt_fraction", pt);
    return f;
}

std::pair<double, double> qualityAreaRange(const ThicknessFixture& f) {
    const auto& t = f.map.scalar("thickness_nm");
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t k = 0; k < t.size(); ++k)
        if (f.inQualityArea[k]) {
            lo = std::min(lo, t[k]);
            hi = std::max(hi, t[k]);
        }
    return {lo, hi};
}

void writeDepositionFolder(const ThicknessFixture& f, const std::string& dir) {
    std::filesystem::create_directories(dir);
    writeSubstrateMapVtk(f.map, f.inQualityArea, dir + "/thickness.vts");
    const auto& t = f.map.scalar("thickness_nm");
    double sum = 0, sum2 = 0;
    std::size_t n = 0;
    for (std::size_t k = 0; k < t.size(); ++k)
        if (f.inQualityArea[k]) {
            sum += t[k];
            sum2 += t[k] * t[k];
            ++n;
        }
    const double mean = sum / n, sigma = std::sqrt(std::max(0.0, sum2 / n - mean * mean));
    const auto [lo, hi] = qualityAreaRange(f);
    const double u = 100 * (hi - lo) / (hi + lo);
    std::ostringstream json;
    json << "{\"substrate\":\"" << f.substrate << "\",\"uniformity_range_pct\":" << number(u)
         << ",\"uniformity_sigma_pct\":" << number(100 * sigma / mean) << ",\"mean_nm\":" << number(mean)
         << ",\"min_nm\":" << number(lo) << ",\"max_nm\":" << number(hi)
         << ",\"pass\":" << (u <= 3.0 ? "true" : "false") << ",\"edge_exclusion_mm\":" << number(f.edgeExclusionMm)
         << ",\"method\":\"analytic test fixture\"}\n";
    writeFileAtomically(dir + "/summary.json", [&](std::ostream& out) { out << json.str(); });
}

std::pair<double, double> writeOpenFoamCase(const std::string& dir) {
    std::filesystem::create_directories(dir + "/system");
    std::filesystem::create_directories(dir + "/0");
    const auto header = [](const char* cls, const char* object) {
        return std::string("FoamFile\n{\n    version 2.0;\n    format ascii;\n    class ") + cls + ";\n    object " +
               object + ";\n}\n";
    };
    writeFileAtomically(dir + "/system/controlDict", [&](std::ostream& out) {
        out << header("dictionary", "controlDict")
            << "application blockMesh;\nstartFrom startTime;\nstartTime 0;\nstopAt endTime;\nendTime 1;\n"
               "deltaT 1;\nwriteControl timeStep;\nwriteInterval 1;\nwriteFormat ascii;\nwritePrecision 12;\n"
               "writeCompression off;\ntimeFormat general;\ntimePrecision 6;\nrunTimeModifiable false;\n";
    });
    const int nx = 40, ny = 10, nz = 12;
    const double x0 = -0.2, x1 = 0.2, y0 = -0.1, y1 = 0.1, z1 = 0.12;
    writeFileAtomically(dir + "/system/blockMeshDict", [&](std::ostream& out) {
        out << header("dictionary", "blockMeshDict") << "convertToMeters 1;\nvertices\n(\n"
            << "    (" << x0 << " " << y0 << " 0) (" << x1 << " " << y0 << " 0) (" << x1 << " " << y1 << " 0) (" << x0
            << " " << y1 << " 0)\n"
            << "    (" << x0 << " " << y0 << " " << z1 << ") (" << x1 << " " << y0 << " " << z1 << ") (" << x1 << " "
            << y1 << " " << z1 << ") (" << x0 << " " << y1 << " " << z1 << ")\n);\n"
            << "blocks ( hex (0 1 2 3 4 5 6 7) (" << nx << " " << ny << " " << nz << ") simpleGrading (1 1 1) );\n"
            << "boundary\n(\n    walls\n    {\n        type wall;\n        faces ( (0 4 7 3) (1 2 6 5) (0 1 5 4) "
               "(3 7 6 2) (0 3 2 1) (4 5 6 7) );\n    }\n);\n";
    });
    // blockMesh numbers the cells of one block with x fastest, then y, then z.
    std::vector<double> t;
    for (int k = 0; k < nz; ++k)
        for (int j = 0; j < ny; ++j)
            for (int i = 0; i < nx; ++i) {
                const double x = x0 + (i + 0.5) * (x1 - x0) / nx, z = (k + 0.5) * z1 / nz;
                const double r2 = (x - 0.05) * (x - 0.05) + (z - 0.08) * (z - 0.08);
                t.push_back(300.0 + 200.0 * std::exp(-r2 / (2 * 0.04 * 0.04)));
            }
    writeFileAtomically(dir + "/0/T", [&](std::ostream& out) {
        out << header("volScalarField", "T") << "dimensions [0 0 0 1 0 0 0];\ninternalField nonuniform List<scalar> "
            << t.size() << "\n(\n"
            << std::setprecision(12);
        for (double v : t) out << v << "\n";
        out << ");\nboundaryField\n{\n    walls\n    {\n        type zeroGradient;\n    }\n}\n";
    });
    return {*std::min_element(t.begin(), t.end()), *std::max_element(t.begin(), t.end())};
}

}  // namespace magtwin::test
