#include "deposition/FastConvolutionTransport.hpp"

#include "deposition/GasAttenuationModel.hpp"

#include <fftw3.h>
#include <omp.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>
#include <tuple>

namespace magtwin {

namespace {

/// Smallest n >= m whose only prime factors are 2, 3, 5, 7 (fast FFTW sizes).
std::size_t fftSize(std::size_t m) {
    for (std::size_t n = std::max<std::size_t>(m, 1);; ++n) {
        std::size_t r = n;
        for (std::size_t p : {2, 3, 5, 7})
            while (r % p == 0) r /= p;
        if (r == 1) return n;
    }
}

struct FloatBuffer {
    float* p = nullptr;
    explicit FloatBuffer(std::size_t n) : p(fftwf_alloc_real(n)) {
        if (!p) throw std::bad_alloc();
    }
    ~FloatBuffer() { fftwf_free(p); }
    FloatBuffer(const FloatBuffer&) = delete;
    FloatBuffer& operator=(const FloatBuffer&) = delete;
};

struct ClassKey {
    long h, nx, ny;
    bool up;  ///< normal's z component > 0
    const EmissionAngularDistribution* law;
    bool operator<(const ClassKey& o) const {
        return std::tie(h, nx, ny, up, law) < std::tie(o.h, o.nx, o.ny, o.up, o.law);
    }
};

struct ClassMembers {
    std::vector<const EmissionElement*> elements;
};


std::once_flag threadsInit;

/// 4-point Lagrange cubic weights for nodes -1, 0, 1, 2 at fraction t in [0, 1):
/// reproduces cubics exactly, error O(pitch^4 f^(4)) (Abramowitz & Stegun 25.2.13).
void cubicWeights(double t, double w[4]) {
    w[0] = -t * (t - 1) * (t - 2) / 6.0;
    w[1] = (t + 1) * (t - 1) * (t - 2) / 2.0;
    w[2] = -(t + 1) * t * (t - 2) / 2.0;
    w[3] = (t + 1) * t * (t - 1) / 6.0;
}

using ClassMap = std::map<ClassKey, ClassMembers>;

/// Sum over classes of (emission * kernel) at the points of grid g (FFT, padded).
std::vector<double> convolveClasses(const ClassMap& classes, const RegularPlaneGrid& g, const FastTransportOptions& opt,
                                    FastTransportStats* stats) {
    // Index range the cubic source assignment touches.
    long sxMin = 0, sxMax = 0, syMin = 0, syMax = 0;
    bool first = true;
    for (const auto& c : classes)
        for (const EmissionElement* e : c.second.elements) {
            const long ix = long(std::floor((e->position.x() - g.x0) / g.dx)),
                       iy = long(std::floor((e->position.y() - g.y0) / g.dy));
            if (first) sxMin = sxMax = ix, syMin = syMax = iy, first = false;
            sxMin = std::min(sxMin, ix - 1), sxMax = std::max(sxMax, ix + 2);
            syMin = std::min(syMin, iy - 1), syMax = std::max(syMax, iy + 2);
        }
    const std::size_t msx = std::size_t(sxMax - sxMin + 1), msy = std::size_t(syMax - syMin + 1);
    const std::size_t Nx = fftSize(g.nx + msx - 1), Ny = fftSize(g.ny + msy - 1);
    const std::size_t Nxc = Nx / 2 + 1, rowR = 2 * Nxc;  // in-place r2c row length (floats)
    if (stats) stats->paddedNx = Nx, stats->paddedNy = Ny;
    // Threads pay off only on large grids (measured on the 2-core CI machine: a 0.65 M
    // point padded grid runs faster on one thread than on two).
    const int threads = opt.threads > 0 ? opt.threads : (Nx * Ny >= 4000000 ? omp_get_max_threads() : 1);

    FloatBuffer src(Ny * rowR), ker(Ny * rowR), acc(Ny * rowR);
    auto* srcC = reinterpret_cast<fftwf_complex*>(src.p);
    auto* kerC = reinterpret_cast<fftwf_complex*>(ker.p);
    auto* accC = reinterpret_cast<fftwf_complex*>(acc.p);
    fftwf_plan_with_nthreads(threads);
    std::unique_ptr<fftwf_plan_s, void (*)(fftwf_plan)> forward(
        fftwf_plan_dft_r2c_2d(int(Ny), int(Nx), src.p, srcC, FFTW_ESTIMATE), fftwf_destroy_plan);
    std::unique_ptr<fftwf_plan_s, void (*)(fftwf_plan)> inverse(
        fftwf_plan_dft_c2r_2d(int(Ny), int(Nx), accC, acc.p, FFTW_ESTIMATE), fftwf_destroy_plan);
    std::fill(acc.p, acc.p + Ny * rowR, 0.0f);

    for (const auto& [key, members] : classes) {
        const double h = key.h * opt.heightQuantumM;
        Eigen::Vector3d n(key.nx * opt.normalQuantum, key.ny * opt.normalQuantum, 0.0);
        n.z() = -std::sqrt(std::max(0.0, 1.0 - n.head<2>().squaredNorm()));
        if (key.up) n.z() = -n.z();
        const EmissionAngularDistribution& law = *key.law;

        // Emitted atoms/s of the class on the grid, by cubic assignment (transpose of
        // cubic interpolation: sum_m w_m(S) K(P - X_m) interpolates K(P - S) in S).
        std::fill(src.p, src.p + Ny * rowR, 0.0f);
        for (const EmissionElement* e : members.elements) {
            const double u = (e->position.x() - g.x0) / g.dx, v = (e->position.y() - g.y0) / g.dy;
            const long iu = long(std::floor(u)), iv = long(std::floor(v));
            double wu[4], wv[4];
            cubicWeights(u - double(iu), wu);
            cubicWeights(v - double(iv), wv);
            const double N = e->atomsPerSecond();
            for (int b = 0; b < 4; ++b) {
                float* row = src.p + std::size_t(iv - 1 + b - syMin) * rowR + std::size_t(iu - 1 - sxMin);
                for (int a = 0; a < 4; ++a) row[a] += float(N * wu[a] * wv[b]);
            }
        }
        // Thermalised diffusive part of the class (GasAttenuationModel.hpp), tabulated once.
        // GasAttenuation with n = 1: n sigma_eff = attenuationPerM and N_th / n = d_th.
        const GasAttenuation gas{1.0, opt.attenuationPerM, opt.scatteredDeposited, opt.thermalisationDistanceM};
        const double thermalWeight = opt.attenuationPerM > 0 ? gas.thermalisedFraction(h) : 0.0;
        std::unique_ptr<TabulatedDiffusionKernel> thermal;
        if (thermalWeight > 0)
            thermal = std::make_unique<TabulatedDiffusionKernel>(gas.thermalisationHeight(h), h,
                                                                 1.01 * std::hypot(double(Nx) * g.dx, double(Ny) * g.dy));
        // Kernel at grid offsets. Output i and stored source s' = i_s - smin meet at
        // circular index m' = i - s' in [-(ms-1), n-1], so P - S = (m' - smin) cells.
#pragma omp parallel for num_threads(threads) schedule(static)
        for (long my = 0; my < long(Ny); ++my) {
            float* row = ker.p + std::size_t(my) * rowR;
            const long sy = my < long(g.ny) ? my : my - long(Ny);
            if (sy < -long(msy - 1)) {
                std::fill(row, row + rowR, 0.0f);
                continue;
            }
            const double Y = double(sy - syMin) * g.dy;
            for (std::size_t mx = 0; mx < rowR; ++mx) {
                const long sx = long(mx) < long(g.nx) ? long(mx) : long(mx) - long(Nx);
                if (mx >= Nx || sx < -long(msx - 1)) {
                    row[mx] = 0.0f;
                    continue;
                }
                const double X = double(sx - sxMin) * g.dx;
                const double r2 = X * X + Y * Y + h * h, r = std::sqrt(r2);
                const double cosE = (n.x() * X + n.y() * Y - n.z() * h) / r;
                double k = cosE > 0 ? law.perSteradian(cosE) * (h / r) / r2 : 0.0;
                if (opt.attenuationPerM > 0)
                    k *= opt.scatteredDeposited + (1 - opt.scatteredDeposited) * std::exp(-opt.attenuationPerM * r);
                if (thermal) k += thermalWeight * (*thermal)(std::sqrt(X * X + Y * Y));
                row[mx] = float(k);
            }
        }
        fftwf_execute_dft_r2c(forward.get(), src.p, srcC);
        fftwf_execute_dft_r2c(forward.get(), ker.p, kerC);
        const long nc = long(Ny * Nxc);
#pragma omp parallel for num_threads(threads) schedule(static)
        for (long k = 0; k < nc; ++k) {
            const float ar = srcC[k][0], ai = srcC[k][1], br = kerC[k][0], bi = kerC[k][1];
            accC[k][0] += ar * br - ai * bi;
            accC[k][1] += ar * bi + ai * br;
        }
    }
    fftwf_execute(inverse.get());
    const double scale = 1.0 / double(Nx * Ny);
    std::vector<double> out(g.nx * g.ny);
    for (std::size_t j = 0; j < g.ny; ++j)
        for (std::size_t i = 0; i < g.nx; ++i) out[i + g.nx * j] = double(acc.p[j * rowR + i]) * scale;
    return out;
}

}  // namespace

std::vector<double> fastLineOfSightFlux(const std::vector<EmissionSource>& sources, const RegularPlaneGrid& g,
                                        const FastTransportOptions& opt, FastTransportStats* stats) {
    if (g.nx < 1 || g.ny < 1 || !(g.dx > 0) || !(g.dy > 0)) throw std::invalid_argument("fast transport: empty grid");
    if (!(opt.heightQuantumM > 0 && opt.normalQuantum > 0 && opt.pitchPerHeight > 0))
        throw std::invalid_argument("fast transport: quanta and pitch ratio must be > 0");
    std::call_once(threadsInit, [] { fftwf_init_threads(); });

    ClassMap classes;
    double minHeight = INFINITY;
    for (const auto& src : sources)
        for (const auto& e : src.elements) {
            const double h = e.position.z() - g.z;
            if (h <= 0 || e.atomsPerSecond() == 0.0) continue;
            const ClassKey key{std::lround(h / opt.heightQuantumM), std::lround(e.normal.x() / opt.normalQuantum),
                               std::lround(e.normal.y() / opt.normalQuantum), e.normal.z() > 0, src.angular.get()};
            classes[key].elements.push_back(&e);
            minHeight = std::min(minHeight, h);
        }
    std::vector<double> flux(g.nx * g.ny, 0.0);
    FastTransportStats local;
    local.classes = classes.size();
    if (classes.empty()) {
        if (stats) *stats = local;
        return flux;
    }
    // Transport grid: per axis, the output pitch times the largest integer k with
    // k * pitch <= ratio * h_min.
    const auto factor = [&](double d) {
        return std::max<std::size_t>(1, std::size_t(std::floor(opt.pitchPerHeight * minHeight / d)));
    };
    const std::size_t kx = factor(g.dx), ky = factor(g.dy);
    local.coarsening = std::max(kx, ky);
    if (kx == 1 && ky == 1) {
        flux = convolveClasses(classes, g, opt, &local);
    } else {
        RegularPlaneGrid c;
        c.dx = g.dx * double(kx);
        c.dy = g.dy * double(ky);
        c.x0 = g.x0 - c.dx;
        c.y0 = g.y0 - c.dy;
        c.z = g.z;
        c.nx = (g.nx - 1) / kx + 5;
        c.ny = (g.ny - 1) / ky + 5;
        const std::vector<double> coarse = convolveClasses(classes, c, opt, &local);
        // Cubic interpolation onto the output grid (fine point i sits at coarse coordinate i/k + 1).
        std::vector<std::array<double, 4>> wx(g.nx);
        std::vector<std::size_t> ix(g.nx);
        for (std::size_t i = 0; i < g.nx; ++i) {
            const double u = double(i) / double(kx) + 1.0;
            ix[i] = std::size_t(std::floor(u)) - 1;
            cubicWeights(u - std::floor(u), wx[i].data());
        }
        const int threads = opt.threads > 0 ? opt.threads : 1;
#pragma omp parallel for num_threads(threads) schedule(static)
        for (long j = 0; j < long(g.ny); ++j) {
            const double v = double(j) / double(ky) + 1.0;
            const long jv = long(std::floor(v));
            double wv[4];
            cubicWeights(v - double(jv), wv);
            for (std::size_t i = 0; i < g.nx; ++i) {
                const double* wu = wx[i].data();
                double s = 0;
                for (int b = 0; b < 4; ++b) {
                    const double* row = coarse.data() + std::size_t(jv - 1 + b) * c.nx + ix[i];
                    s += wv[b] * (wu[0] * row[0] + wu[1] * row[1] + wu[2] * row[2] + wu[3] * row[3]);
                }
                flux[i + g.nx * std::size_t(j)] = s;
            }
        }
    }
    for (double& f : flux) f = std::max(0.0, f);
    if (stats) *stats = local;
    return flux;
}

}  // namespace magtwin
