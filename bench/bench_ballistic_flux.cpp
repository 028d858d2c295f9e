// filmDeposition's ballistic flux on a Gen-10.5 substrate (issue 21): the cost of the three
// sums of boundary/openfoam/bridge/LineOfSight.hpp, timed in one process through the same
// bridge calls the OpenFOAM condition makes:
//   pairwise   the exact direct sum (the path filmDeposition always took before: every target
//              face to every substrate face, no shadowing); timed on a sample of substrate
//              faces spread over the glass and scaled by the face count (its cost is exactly
//              linear in the receiving faces);
//   shadowed   the pairwise sum with the tubes as occluders (BVH, OccluderBvh.hpp), the same way;
//   fast       the FFT convolution over the whole patch (fluxOnPlane), timed in full.
// "Ranks": filmDeposition gives each processor its own substrate faces (here the halves in x,
// as a simple decomposition would) and replicates the target faces; each rank's call is timed
// one after the other with one OpenMP thread (one core a rank), the slower rank reported.
// Accuracy: fast against pairwise at the sampled faces, relative to their mean.
//
// Geometry: a Gen-10.5 glass 2.94 m x 3.37 m (faces of pitch 10 mm: 9.9e4 faces; 3 mm:
// 1.1e6), 12 rotary tubes (radius 82.5 mm, 3.5 m long, pitch 0.25 m) with their axes 0.16 m
// above the glass, meshed 10 mm along x 64 around (the target patch of a 3-D mesh); the
// racetrack emits from two bands at +-25 deg from the glass direction (Gaussian, 8 deg).
// Usage: magtwin_bench_ballistic_flux [PITCH_MM...]   (default 10 3)
#include "boundary/openfoam/bridge/LineOfSight.hpp"

#include <omp.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <vector>

using magtwin::foam::BallisticTransport;
using magtwin::foam::EmittingElement;
using magtwin::foam::PlaneFrame;
using magtwin::foam::Triangle;
using magtwin::foam::Vec3;

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kGlassX = 2.94, kGlassY = 3.37, kTubeR = 0.0825, kTubeL = 3.5, kAxisZ = 0.16;
constexpr int kTubes = 12, kAround = 64;
constexpr double kAlong = 0.01;

double seconds(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

double peakRssMb() {
    rusage u{};
    getrusage(RUSAGE_SELF, &u);
    return double(u.ru_maxrss) / 1024.0;
}

struct Tubes {
    std::vector<EmittingElement> emitters;
    std::vector<Triangle> occluders;
};

Tubes rotaryArray() {
    Tubes t;
    const int nAlong = int(std::lround(kTubeL / kAlong));
    for (int k = 0; k < kTubes; ++k) {
        const double x0 = (k - (kTubes - 1) / 2.0) * 0.25;
        for (int i = 0; i < nAlong; ++i) {
            const double y0 = -kTubeL / 2 + i * kAlong, y1 = y0 + kAlong;
            for (int j = 0; j < kAround; ++j) {
                // angle from the downward direction (towards the glass)
                const double a0 = 2 * kPi * j / kAround, a1 = 2 * kPi * (j + 1) / kAround, a = 0.5 * (a0 + a1);
                const auto at = [&](double ang, double y) {
                    return Vec3{x0 + kTubeR * std::sin(ang), y, kAxisZ - kTubeR * std::cos(ang)};
                };
                t.occluders.push_back({at(a0, y0), at(a1, y0), at(a1, y1)});
                t.occluders.push_back({at(a0, y0), at(a1, y1), at(a0, y1)});
                const double off = std::remainder(a, 2 * kPi);
                const double band = std::exp(-std::pow((std::abs(off) - 25 * kPi / 180) / (8 * kPi / 180), 2) / 2);
                if (band < 1e-3) continue;
                const Vec3 c = at(a, 0.5 * (y0 + y1)), n{std::sin(a), 0, -std::cos(a)};
                const double area = kTubeR * (a1 - a0) * kAlong;
                t.emitters.push_back({c, n, 1e21 * band * area});
            }
        }
    }
    return t;
}

struct Rank {
    std::vector<Vec3> points;
};

/// Face centres of the glass at `pitch`, split in x into `ranks` parts.
std::vector<Rank> glass(double pitch, int ranks, std::size_t* total) {
    const std::size_t nx = std::size_t(std::lround(kGlassX / pitch)), ny = std::size_t(std::lround(kGlassY / pitch));
    std::vector<Rank> out(static_cast<std::size_t>(ranks));
    for (std::size_t i = 0; i < nx; ++i)
        for (std::size_t j = 0; j < ny; ++j)
            out[i * std::size_t(ranks) / nx].points.push_back(
                {-kGlassX / 2 + (double(i) + 0.5) * pitch, -kGlassY / 2 + (double(j) + 0.5) * pitch, 0});
    *total = nx * ny;
    return out;
}

PlaneFrame glassFrame(double pitch) {
    PlaneFrame f;
    f.origin = {0, 0, 0};
    f.e1 = {1, 0, 0};
    f.e2 = {0, 1, 0};
    f.normal = {0, 0, 1};
    f.uMin = -kGlassX / 2 + pitch / 2, f.uMax = kGlassX / 2 - pitch / 2;
    f.vMin = -kGlassY / 2 + pitch / 2, f.vMax = kGlassY / 2 - pitch / 2;
    return f;
}

/// Every `stride`-th point (a sample spread over the glass).
std::vector<Vec3> sample(const std::vector<Vec3>& pts, std::size_t count) {
    std::vector<Vec3> s;
    const std::size_t stride = std::max<std::size_t>(1, pts.size() / count);
    for (std::size_t i = stride / 2; i < pts.size(); i += stride) s.push_back(pts[i]);
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    omp_set_num_threads(1);
    std::vector<double> pitches;
    for (int i = 1; i < argc; ++i) pitches.push_back(std::atof(argv[i]) * 1e-3);
    if (pitches.empty()) pitches = {0.010, 0.003};
    const Tubes tubes = rotaryArray();
    std::printf("Gen-10.5 rotary array: %zu emitting target faces, %zu occluding triangles\n", tubes.emitters.size(),
                tubes.occluders.size());
    BallisticTransport open("cosine", 1);
    BallisticTransport shadowed("cosine", 1);
    auto t0 = std::chrono::steady_clock::now();
    shadowed.setOccluders(tubes.occluders);
    std::printf("BVH build: %.2f s\n", seconds(t0));
    std::printf("%9s %5s | %12s %12s %12s | %8s %10s | %9s %8s\n", "faces", "ranks", "pairwise_s", "shadowed_s",
                "fast_s", "old/fast", "fast_err", "shadow/op", "RSS_MB");
    for (double pitch : pitches) {
        for (int ranks : {1, 2}) {
            std::size_t total = 0;
            const std::vector<Rank> parts = glass(pitch, ranks, &total);
            const PlaneFrame frame = glassFrame(pitch);
            double pairwise = 0, shadow = 0, fast = 0, err = 0, mean = 0, shadowShare = 0;
            for (const Rank& r : parts) {
                const std::vector<Vec3> probe = sample(r.points, 400), probeS = sample(r.points, 40);
                const std::vector<Vec3> n(probe.size(), {0, 0, 1}), nS(probeS.size(), {0, 0, 1});
                t0 = std::chrono::steady_clock::now();
                const std::vector<double> exact = open.flux(tubes.emitters, probe, n, false, {0, 0, 0});
                pairwise = std::max(pairwise, seconds(t0) * double(r.points.size()) / double(probe.size()));
                t0 = std::chrono::steady_clock::now();
                const std::vector<double> hidden = shadowed.flux(tubes.emitters, probeS, nS, false, {0, 0, 0});
                shadow = std::max(shadow, seconds(t0) * double(r.points.size()) / double(probeS.size()));
                t0 = std::chrono::steady_clock::now();
                const std::vector<double> all = open.fluxOnPlane(tubes.emitters, r.points, frame);
                fast = std::max(fast, seconds(t0));
                // accuracy at the probes: the fast values there
                const std::vector<double> atProbe = open.fluxOnPlane(tubes.emitters, probe, frame);
                for (std::size_t i = 0; i < probe.size(); ++i) mean += exact[i];
                for (std::size_t i = 0; i < probe.size(); ++i) err = std::max(err, std::abs(atProbe[i] - exact[i]));
                const std::vector<double> openS = open.flux(tubes.emitters, probeS, nS, false, {0, 0, 0});
                double a = 0, b = 0;
                for (std::size_t i = 0; i < probeS.size(); ++i) a += hidden[i], b += openS[i];
                shadowShare = a / b;
                (void)all;
            }
            std::size_t probes = 0;
            for (const Rank& r : parts) probes += sample(r.points, 400).size();
            mean /= double(probes);
            std::printf("%9zu %5d | %12.1f %12.1f %12.2f | %8.0f %10.2e | %9.3f %8.0f\n", total, ranks, pairwise,
                        shadow, fast, pairwise / fast, err / mean, shadowShare, peakRssMb());
            std::fflush(stdout);
        }
    }
    std::printf(
        "pairwise, shadowed: per-rank time of the exact sum over that rank's faces (from a sample of\n"
        "400 and 40 faces per rank, linear in the faces); fast: per-rank time of the FFT path, in full;\n"
        "fast_err: max |fast - pairwise| / mean at the sampled faces; shadow/op: shadowed/open flux.\n");
    return 0;
}
