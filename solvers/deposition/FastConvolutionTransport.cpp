#include "deposition/FastConvolutionTransport.hpp"

#include <fftw3.h>
#include <omp.h>

#include <algorithm>
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

}  // namespace

std::vector<double> fastLineOfSightFlux(const std::vector<EmissionSource>& sources, const RegularPlaneGrid& g,
                                        const FastTransportOptions& opt, FastTransportStats* stats) {
    if (g.nx < 1 || g.ny < 1 || !(g.dx > 0) || !(g.dy > 0)) throw std::invalid_argument("fast transport: empty grid");
    std::call_once(threadsInit, [] { fftwf_init_threads(); });
    const int threads = opt.threads > 0 ? opt.threads : omp_get_max_threads();

    // Group elements into classes and find the grid index range the sources cover.
    std::map<ClassKey, ClassMembers> classes;
    long sxMin = 0, sxMax = 0, syMin = 0, syMax = 0;
    bool any = false;
    for (const auto& src : sources)
        for (const auto& e : src.elements) {
            const double h = e.position.z() - g.z;
            if (h <= 0 || e.atomsPerSecond() == 0.0) continue;
            const ClassKey key{std::lround(h / opt.heightQuantumM), std::lround(e.normal.x() / opt.normalQuantum),
                               std::lround(e.normal.y() / opt.normalQuantum), e.normal.z() > 0,
                               src.angular.get()};
            classes[key].elements.push_back(&e);
            const long ix = long(std::floor((e.position.x() - g.x0) / g.dx)),
                       iy = long(std::floor((e.position.y() - g.y0) / g.dy));
            if (!any) sxMin = sxMax = ix, syMin = syMax = iy;
            sxMin = std::min(sxMin, ix), sxMax = std::max(sxMax, ix + 1);
            syMin = std::min(syMin, iy), syMax = std::max(syMax, iy + 1);
            any = true;
        }
    std::vector<double> flux(g.nx * g.ny, 0.0);
    if (!any) return flux;

    const std::size_t msx = std::size_t(sxMax - sxMin + 1), msy = std::size_t(syMax - syMin + 1);
    const std::size_t Nx = fftSize(g.nx + msx - 1), Ny = fftSize(g.ny + msy - 1);
    const std::size_t Nxc = Nx / 2 + 1, rowR = 2 * Nxc;  // in-place r2c row length (floats)
    if (stats) *stats = {classes.size(), Nx, Ny};

    FloatBuffer src(Ny * rowR), ker(Ny * rowR), acc(Ny * rowR);
    auto* srcC = reinterpret_cast<fftwf_complex*>(src.p);
    auto* kerC = reinterpret_cast<fftwf_complex*>(ker.p);
    auto* accC = reinterpret_cast<fftwf_complex*>(acc.p);
    fftwf_plan forward, inverse;
    {
        fftwf_plan_with_nthreads(threads);
        forward = fftwf_plan_dft_r2c_2d(int(Ny), int(Nx), src.p, srcC, FFTW_ESTIMATE);
        inverse = fftwf_plan_dft_c2r_2d(int(Ny), int(Nx), accC, acc.p, FFTW_ESTIMATE);
    }
    std::unique_ptr<fftwf_plan_s, void (*)(fftwf_plan)> fwdGuard(forward, fftwf_destroy_plan),
        invGuard(inverse, fftwf_destroy_plan);
    std::fill(acc.p, acc.p + Ny * rowR, 0.0f);

    for (const auto& [key, members] : classes) {
        const double h = key.h * opt.heightQuantumM;
        Eigen::Vector3d n(key.nx * opt.normalQuantum, key.ny * opt.normalQuantum, 0.0);
        n.z() = -std::sqrt(std::max(0.0, 1.0 - n.head<2>().squaredNorm()));
        if (key.up) n.z() = -n.z();
        const EmissionAngularDistribution& law = *key.law;

        // Emitted atoms/s of the class, spread on the grid by cloud-in-cell weights.
        std::fill(src.p, src.p + Ny * rowR, 0.0f);
        for (const EmissionElement* e : members.elements) {
            const double u = (e->position.x() - g.x0) / g.dx, v = (e->position.y() - g.y0) / g.dy;
            const long iu = long(std::floor(u)), iv = long(std::floor(v));
            const double fu = u - iu, fv = v - iv, N = e->atomsPerSecond();
            const std::size_t a = std::size_t(iu - sxMin), b = std::size_t(iv - syMin);
            src.p[b * rowR + a] += float(N * (1 - fu) * (1 - fv));
            src.p[b * rowR + a + 1] += float(N * fu * (1 - fv));
            src.p[(b + 1) * rowR + a] += float(N * (1 - fu) * fv);
            src.p[(b + 1) * rowR + a + 1] += float(N * fu * fv);
        }
        // Kernel at grid offsets: index m <-> signed m' in [-(ms-1), n-1].
#pragma omp parallel for num_threads(threads) schedule(static)
        for (long my = 0; my < long(Ny); ++my) {
            float* row = ker.p + std::size_t(my) * rowR;
            const long sy = my < long(g.ny) ? my : my - long(Ny);
            if (sy < -long(msy - 1)) {
                std::fill(row, row + rowR, 0.0f);
                continue;
            }
            // Output i and stored source s' = i_s - smin meet at m' = i - s', so P - S = (m' - smin) cells.
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
                row[mx] = cosE > 0 ? float(law.perSteradian(cosE) * (h / r) / r2) : 0.0f;
            }
        }
        fftwf_execute_dft_r2c(forward, src.p, srcC);
        fftwf_execute_dft_r2c(forward, ker.p, kerC);
        const long nc = long(Ny * Nxc);
#pragma omp parallel for num_threads(threads) schedule(static)
        for (long k = 0; k < nc; ++k) {
            const float ar = srcC[k][0], ai = srcC[k][1], br = kerC[k][0], bi = kerC[k][1];
            accC[k][0] += ar * br - ai * bi;
            accC[k][1] += ar * bi + ai * br;
        }
    }
    fftwf_execute(inverse);
    const double scale = 1.0 / double(Nx * Ny);
    // Output point (i, j) sits at circular index (i, j) relative to the source origin.
    for (std::size_t j = 0; j < g.ny; ++j)
        for (std::size_t i = 0; i < g.nx; ++i) flux[i + g.nx * j] = std::max(0.0, double(acc.p[j * rowR + i]) * scale);
    return flux;
}

}  // namespace magtwin
