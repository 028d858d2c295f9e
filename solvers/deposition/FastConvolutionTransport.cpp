#include "solvers/deposition/FastConvolutionTransport.hpp"

#include "solvers/deposition/FastTransportClasses.hpp"
#include "solvers/deposition/GasAttenuationModel.hpp"

#include <fftw3.h>
#include <omp.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <memory>
#include <mutex>
#include <stdexcept>

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

std::once_flag threadsInit;

/// 4-point Lagrange cubic weights for nodes -1, 0, 1, 2 at fraction t in [0, 1):
/// reproduces cubics exactly, error O(pitch^4 f^(4)) (Abramowitz & Stegun 25.2.13).
void cubicWeights(double t, double w[4]) {
    w[0] = -t * (t - 1) * (t - 2) / 6.0;
    w[1] = (t + 1) * (t - 1) * (t - 2) / 2.0;
    w[2] = -(t + 1) * t * (t - 2) / 2.0;
    w[3] = (t + 1) * t * (t - 1) / 6.0;
}

/// d p / d cos(theta) at c in (0, 1] (central difference, one-sided at the ends; error
/// O(eps^2) relative, ~1e-10, for the smooth laws of EmissionAngularDistribution.hpp).
double lawSlope(const EmissionAngularDistribution& law, double c) {
    constexpr double eps = 1e-5;
    if (c + eps > 1.0) return (law.perSteradian(c) - law.perSteradian(c - eps)) / eps;
    if (c - eps <= 0.0) return (law.perSteradian(c + eps) - law.perSteradian(c)) / eps;
    return (law.perSteradian(c + eps) - law.perSteradian(c - eps)) / (2 * eps);
}

/// Buffers of one thread: per component a source and a kernel array (in-place r2c rows).
struct ThreadBuffers {
    std::vector<std::unique_ptr<FloatBuffer>> src, ker;
    std::unique_ptr<FloatBuffer> acc;
    ThreadBuffers(std::size_t n, std::size_t comps) : acc(std::make_unique<FloatBuffer>(n)) {
        for (std::size_t c = 0; c < comps; ++c) {
            src.push_back(std::make_unique<FloatBuffer>(n));
            ker.push_back(std::make_unique<FloatBuffer>(n));
        }
        std::fill(acc->p, acc->p + n, 0.0f);
    }
};

/// Sum over work items of (emission * kernel) at the points of grid g (FFT, padded). Items
/// run in parallel, one thread each (static round-robin, so the sum is deterministic for a
/// given thread count); each thread accumulates its spectra, the sums are added in order.
std::vector<double> convolveItems(const TransportGrouping& grouping, const RegularPlaneGrid& g,
                                  const FastTransportOptions& opt, FastTransportStats* stats) {
    // Index range the cubic source assignment touches.
    long sxMin = 0, sxMax = 0, syMin = 0, syMax = 0;
    bool first = true;
    std::size_t maxComps = 1;
    for (const auto& item : grouping.items) {
        maxComps = std::max(maxComps, item.components.size());
        for (const auto& c : item.contributions) {
            const long ix = long(std::floor((c.x - g.x0) / g.dx)), iy = long(std::floor((c.y - g.y0) / g.dy));
            if (first) sxMin = sxMax = ix, syMin = syMax = iy, first = false;
            sxMin = std::min(sxMin, ix - 1), sxMax = std::max(sxMax, ix + 2);
            syMin = std::min(syMin, iy - 1), syMax = std::max(syMax, iy + 2);
        }
    }
    const std::size_t msx = std::size_t(sxMax - sxMin + 1), msy = std::size_t(syMax - syMin + 1);
    const std::size_t Nx = fftSize(g.nx + msx - 1), Ny = fftSize(g.ny + msy - 1);
    const std::size_t Nxc = Nx / 2 + 1, rowR = 2 * Nxc;  // in-place r2c row length (floats)
    const std::size_t n = Ny * rowR;
    if (stats) stats->paddedNx = Nx, stats->paddedNy = Ny;
    const int threads =
        std::max(1, std::min<int>(opt.threads > 0 ? opt.threads : omp_get_max_threads(), int(grouping.items.size())));
    std::vector<ThreadBuffers> buffers;
    buffers.reserve(std::size_t(threads));
    for (int t = 0; t < threads; ++t) buffers.emplace_back(n, maxComps);
    // Plans made once (planning is not thread-safe); executing a plan on other arrays of the
    // same alignment (fftwf_alloc) from several threads is (FFTW manual, sec. 5.4 "Thread safety").
    fftwf_plan_with_nthreads(1);
    auto* c0 = reinterpret_cast<fftwf_complex*>(buffers[0].src[0]->p);
    std::unique_ptr<fftwf_plan_s, void (*)(fftwf_plan)> forward(
        fftwf_plan_dft_r2c_2d(int(Ny), int(Nx), buffers[0].src[0]->p, c0, FFTW_ESTIMATE), fftwf_destroy_plan);
    auto* a0 = reinterpret_cast<fftwf_complex*>(buffers[0].acc->p);
    std::unique_ptr<fftwf_plan_s, void (*)(fftwf_plan)> inverse(
        fftwf_plan_dft_c2r_2d(int(Ny), int(Nx), a0, buffers[0].acc->p, FFTW_ESTIMATE), fftwf_destroy_plan);
    std::fill(buffers[0].acc->p, buffers[0].acc->p + n, 0.0f);  // planning may touch the arrays

    const GasAttenuation gas{1.0, opt.attenuationPerM, opt.scatteredDeposited, opt.thermalisationDistanceM};
    const double rhoMax = 1.01 * std::hypot(double(Nx) * g.dx, double(Ny) * g.dy);
#pragma omp parallel for num_threads(threads) schedule(static, 1)
    for (long it = 0; it < long(grouping.items.size()); ++it) {
        const TransportItem& item = grouping.items[std::size_t(it)];
        ThreadBuffers& b = buffers[std::size_t(omp_get_thread_num())];
        const std::size_t nc = item.components.size();
        const double h = item.heightM;
        const Eigen::Vector3d nrm = item.normal;
        const EmissionAngularDistribution& law = *item.law;
        // Emitted atoms/s of the item on the grid, by cubic assignment (transpose of cubic
        // interpolation: sum_m w_m(S) K(P - X_m) interpolates K(P - S) in S).
        for (std::size_t c = 0; c < nc; ++c) std::fill(b.src[c]->p, b.src[c]->p + n, 0.0f);
        for (const auto& e : item.contributions) {
            const double u = (e.x - g.x0) / g.dx, v = (e.y - g.y0) / g.dy;
            const long iu = long(std::floor(u)), iv = long(std::floor(v));
            double wu[4], wv[4];
            cubicWeights(u - double(iu), wu);
            cubicWeights(v - double(iv), wv);
            for (std::size_t c = 0; c < nc; ++c)
                for (int bb = 0; bb < 4; ++bb) {
                    float* row = b.src[c]->p + std::size_t(iv - 1 + bb - syMin) * rowR + std::size_t(iu - 1 - sxMin);
                    for (int a = 0; a < 4; ++a) row[a] += float(e.weight[c] * wu[a] * wv[bb]);
                }
        }
        // Thermalised diffusive part (GasAttenuationModel.hpp): GasAttenuation with n = 1,
        // n sigma_eff = attenuationPerM and N_th / n = d_th; on the Full or A component.
        const double thermalWeight = opt.attenuationPerM > 0 ? gas.thermalisedFraction(h) : 0.0;
        std::unique_ptr<TabulatedDiffusionKernel> thermal;
        if (thermalWeight > 0)
            thermal = std::make_unique<TabulatedDiffusionKernel>(gas.thermalisationHeight(h), h, rhoMax);
        const bool full = item.components[0] == KernelComponent::Full;
        // Kernels at grid offsets. Output i and stored source s' = i_s - smin meet at
        // circular index m' = i - s' in [-(ms-1), n-1], so P - S = (m' - smin) cells.
        for (long my = 0; my < long(Ny); ++my) {
            const long sy = my < long(g.ny) ? my : my - long(Ny);
            const bool emptyRow = sy < -long(msy - 1);
            const double Y = double(sy - syMin) * g.dy;
            for (std::size_t mx = 0; mx < rowR; ++mx) {
                const std::size_t at = std::size_t(my) * rowR + mx;
                const long sx = long(mx) < long(g.nx) ? long(mx) : long(mx) - long(Nx);
                if (emptyRow || mx >= Nx || sx < -long(msx - 1)) {
                    for (std::size_t c = 0; c < nc; ++c) b.ker[c]->p[at] = 0.0f;
                    continue;
                }
                const double X = double(sx - sxMin) * g.dx;
                const double r2 = X * X + Y * Y + h * h, r = std::sqrt(r2);
                const double cosE = (nrm.x() * X + nrm.y() * Y - nrm.z() * h) / r;
                double att = 1.0;
                if (opt.attenuationPerM > 0)
                    att = opt.scatteredDeposited + (1 - opt.scatteredDeposited) * std::exp(-opt.attenuationPerM * r);
                const double geo = (h / r) / r2 * att;
                const double th = thermal ? thermalWeight * (*thermal)(std::sqrt(X * X + Y * Y)) : 0.0;
                const double p = cosE > 0 ? law.perSteradian(cosE) : 0.0;
                const double slope = cosE > 0 && !full ? lawSlope(law, cosE) : 0.0;
                for (std::size_t c = 0; c < nc; ++c) {
                    double k = 0;
                    switch (item.components[c]) {
                        case KernelComponent::Full:
                            k = p * geo + th;
                            break;
                        case KernelComponent::A:
                            k = (p - slope * cosE) * geo + th;
                            break;
                        case KernelComponent::Bx:
                            k = slope * (X / r) * geo;
                            break;
                        case KernelComponent::By:
                            k = slope * (Y / r) * geo;
                            break;
                        case KernelComponent::Bz:
                            k = slope * (-h / r) * geo;
                            break;
                    }
                    b.ker[c]->p[at] = float(k);
                }
            }
        }
        auto* accC = reinterpret_cast<fftwf_complex*>(b.acc->p);
        for (std::size_t c = 0; c < nc; ++c) {
            auto* srcC = reinterpret_cast<fftwf_complex*>(b.src[c]->p);
            auto* kerC = reinterpret_cast<fftwf_complex*>(b.ker[c]->p);
            fftwf_execute_dft_r2c(forward.get(), b.src[c]->p, srcC);
            fftwf_execute_dft_r2c(forward.get(), b.ker[c]->p, kerC);
            for (std::size_t k = 0; k < Ny * Nxc; ++k) {
                const float ar = srcC[k][0], ai = srcC[k][1], br = kerC[k][0], bi = kerC[k][1];
                accC[k][0] += ar * br - ai * bi;
                accC[k][1] += ar * bi + ai * br;
            }
        }
    }
    for (int t = 1; t < threads; ++t)
        for (std::size_t k = 0; k < n; ++k) buffers[0].acc->p[k] += buffers[std::size_t(t)].acc->p[k];
    fftwf_execute(inverse.get());
    const double scale = 1.0 / double(Nx * Ny);
    std::vector<double> out(g.nx * g.ny);
    for (std::size_t j = 0; j < g.ny; ++j)
        for (std::size_t i = 0; i < g.nx; ++i) out[i + g.nx * j] = double(buffers[0].acc->p[j * rowR + i]) * scale;
    return out;
}

}  // namespace

std::vector<double> fastLineOfSightFlux(const std::vector<EmissionSource>& sources, const RegularPlaneGrid& g,
                                        const FastTransportOptions& opt, FastTransportStats* stats) {
    if (g.nx < 1 || g.ny < 1 || !(g.dx > 0) || !(g.dy > 0)) throw std::invalid_argument("fast transport: empty grid");
    if (!(opt.normalBin > 0 && opt.nonLinearNormalBin > 0 && opt.heightNodeSpacingPerHeight > 0 &&
          opt.pitchPerHeight > 0))
        throw std::invalid_argument("fast transport: normal bin, height node spacing and pitch ratio must be > 0");
    std::call_once(threadsInit, [] { fftwf_init_threads(); });

    const TransportGrouping grouping = groupTransportItems(sources, g.z, opt.normalBin, opt.nonLinearNormalBin,
                                                           opt.heightNodeSpacingPerHeight, opt.attenuationPerM > 0);
    std::vector<double> flux(g.nx * g.ny, 0.0);
    FastTransportStats local;
    local.classes = grouping.items.size();
    local.normalClasses = grouping.normalClasses;
    local.exactItems = grouping.exactItems;
    local.expandedItems = grouping.expandedItems;
    if (grouping.items.empty()) {
        if (stats) *stats = local;
        return flux;
    }
    const double minHeight = grouping.minHeightM;
    // Transport grid: per axis the pitch pitchPerHeight * h_min, or the output pitch when
    // that is finer; the result is interpolated onto the output points with cubics.
    const double q = opt.pitchPerHeight * minHeight;
    const double fx = std::max(1.0, q / g.dx), fy = std::max(1.0, q / g.dy);
    local.coarsening = std::max(fx, fy);
    if (fx == 1.0 && fy == 1.0) {
        flux = convolveItems(grouping, g, opt, &local);
    } else {
        RegularPlaneGrid c;
        c.dx = g.dx * fx;
        c.dy = g.dy * fy;
        c.x0 = g.x0 - c.dx;
        c.y0 = g.y0 - c.dy;
        c.z = g.z;
        c.nx = std::size_t(std::floor(double(g.nx - 1) / fx)) + 5;
        c.ny = std::size_t(std::floor(double(g.ny - 1) / fy)) + 5;
        const std::vector<double> coarse = convolveItems(grouping, c, opt, &local);
        // Cubic interpolation onto the output grid (output point i sits at transport coordinate i/f + 1).
        std::vector<std::array<double, 4>> wx(g.nx);
        std::vector<std::size_t> ix(g.nx);
        for (std::size_t i = 0; i < g.nx; ++i) {
            const double u = double(i) / fx + 1.0;
            ix[i] = std::size_t(std::floor(u)) - 1;
            cubicWeights(u - std::floor(u), wx[i].data());
        }
        const int threads = opt.threads > 0 ? opt.threads : omp_get_max_threads();
#pragma omp parallel for num_threads(threads) schedule(static)
        for (long j = 0; j < long(g.ny); ++j) {
            const double v = double(j) / fy + 1.0;
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
