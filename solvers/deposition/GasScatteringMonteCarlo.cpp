#include "deposition/GasScatteringMonteCarlo.hpp"

#include "deposition/ScreenedCoulombScattering.hpp"

#include <Eigen/Geometry>
#include <omp.h>

#include <algorithm>
#include <cmath>
#include <random>
#include <stdexcept>

namespace magtwin {

namespace {

constexpr double kBoltzmann = 1.380649e-23;     // J/K (SI 2019 exact)
constexpr double kAmu = 1.66053906660e-27;      // kg (CODATA 2018)
constexpr double kEv = 1.602176634e-19;         // J

struct Emitter {
    std::vector<double> cdf;  ///< cumulative emitted atoms/s over all elements
    std::vector<const EmissionElement*> element;
    std::vector<const EmissionAngularDistribution*> law;
    std::vector<double> envelope;  ///< max of p(mu) pi / mu for the element's law
};

/// xoshiro256** (Blackman & Vigna, "Scrambled linear pseudorandom number generators",
/// ACM TOMS 47 (2021) 36), seeded by splitmix64; uniform doubles from the top 53 bits.
class Xoshiro256 {
public:
    explicit Xoshiro256(std::uint64_t seed) {
        for (auto& w : s_) {
            seed += 0x9E3779B97F4A7C15ULL;
            std::uint64_t z = seed;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            w = z ^ (z >> 31);
        }
    }
    double uniform() { return double(next() >> 11) * 0x1.0p-53; }
    /// Standard normal deviates by Marsaglia's polar method (two per accepted pair).
    double normal() {
        if (haveSpare_) {
            haveSpare_ = false;
            return spare_;
        }
        double u, v, q;
        do {
            u = 2 * uniform() - 1;
            v = 2 * uniform() - 1;
            q = u * u + v * v;
        } while (q >= 1 || q == 0);
        const double f = std::sqrt(-2 * std::log(q) / q);
        spare_ = v * f;
        haveSpare_ = true;
        return u * f;
    }
    /// (cos a, sin a) for a uniform angle a, without trigonometric calls (disc rejection).
    void unitCircle(double& c, double& s) {
        double u, v, q;
        do {
            u = 2 * uniform() - 1;
            v = 2 * uniform() - 1;
            q = u * u + v * v;
        } while (q >= 1 || q == 0);
        c = (u * u - v * v) / q;
        s = 2 * u * v / q;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) { return (x << k) | (x >> (64 - k)); }
    std::uint64_t next() {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9, t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    std::uint64_t s_[4];
    double spare_ = 0;
    bool haveSpare_ = false;
};

/// An orthonormal frame around unit n.
void frame(const Eigen::Vector3d& n, Eigen::Vector3d& t1, Eigen::Vector3d& t2) {
    t1 = (std::abs(n.x()) < 0.9 ? Eigen::Vector3d::UnitX() : Eigen::Vector3d::UnitY()).cross(n).normalized();
    t2 = n.cross(t1);
}

}  // namespace

MonteCarloTally gasScatteringFlux(const std::vector<EmissionSource>& sources, const RegularPlaneGrid& g, bool wafer,
                                  const ChamberBox& box, const GasScatteringSettings& s, std::uint64_t histories) {
    if (histories == 0 || g.nx < 2 || g.ny < 2) throw std::invalid_argument("mc: need histories > 0 and a 2 x 2 grid");
    if (!(s.pressurePa >= 0 && s.gasTemperatureK > 0 && s.maxEnergyEv > 0 && s.surfaceBindingEv > 0))
        throw std::invalid_argument("mc: need pressure >= 0, temperature > 0, U_s > 0, E_max > 0");
    Emitter em;
    double total = 0;
    for (const auto& src : sources) {
        double env = 0;
        for (int k = 1; k <= 1000; ++k) {
            const double mu = k / 1000.0;
            env = std::max(env, src.angular->perSteradian(mu) * M_PI / mu);
        }
        for (const auto& e : src.elements) {
            if (e.atomsPerSecond() <= 0) continue;
            total += e.atomsPerSecond();
            em.cdf.push_back(total);
            em.element.push_back(&e);
            em.law.push_back(src.angular.get());
            em.envelope.push_back(env * 1.0001);
        }
    }
    MonteCarloTally tally;
    tally.fluxAtomsM2S.assign(g.nx * g.ny, 0.0);
    tally.counts.assign(g.nx * g.ny, 0);
    if (em.cdf.empty()) return tally;

    const ScreenedCoulombScattering scatter(s.atomZ, s.gasZ, ScreenedCoulombScattering::Screening::ZblUniversal, s.chiMin);
    const double nGas = s.pressurePa / (kBoltzmann * s.gasTemperatureK);
    const double m1 = s.atomMassAmu * kAmu, m2 = s.gasMassAmu * kAmu, mu = m1 * m2 / (m1 + m2);
    const double gasSigmaV = std::sqrt(kBoltzmann * s.gasTemperatureK / m2);  // per velocity component
    const double U = s.surfaceBindingEv, Fmax = std::pow(s.maxEnergyEv / (s.maxEnergyEv + U), 2);
    const double cx = g.x0 + 0.5 * (g.nx - 1) * g.dx, cy = g.y0 + 0.5 * (g.ny - 1) * g.dy;
    const double R = 0.5 * std::min((g.nx - 1) * g.dx, (g.ny - 1) * g.dy);
    const int threads = s.threads > 0 ? s.threads : omp_get_max_threads();
    const int blocks = 64;  // fixed work split: the result depends on the seed only
    std::vector<std::vector<std::uint64_t>> counts(blocks);
    std::vector<std::uint64_t> dep(blocks, 0), lost(blocks, 0), coll(blocks, 0);

#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
    for (int blk = 0; blk < blocks; ++blk) {
        Xoshiro256 rng(s.seed * 0x9E3779B97F4A7C15ULL + std::uint64_t(blk) * 0xBF58476D1CE4E5B9ULL + 1);
        auto uni = [&rng](Xoshiro256&) { return rng.uniform(); };
        auto gauss = [&rng, gasSigmaV](Xoshiro256&) { return gasSigmaV * rng.normal(); };
        auto& c = counts[std::size_t(blk)];
        c.assign(g.nx * g.ny, 0);
        const std::uint64_t first = histories * std::uint64_t(blk) / blocks, last = histories * std::uint64_t(blk + 1) / blocks;
        for (std::uint64_t h = first; h < last; ++h) {
            // Source element and launch.
            const double pick = uni(rng) * total;
            const std::size_t k = std::size_t(std::upper_bound(em.cdf.begin(), em.cdf.end(), pick) - em.cdf.begin());
            const std::size_t ke = std::min(k, em.cdf.size() - 1);
            const EmissionElement& e = *em.element[ke];
            double muE;
            do muE = std::sqrt(uni(rng));  // cosine envelope
            while (uni(rng) * em.envelope[ke] > em.law[ke]->perSteradian(muE) * M_PI / muE);
            Eigen::Vector3d t1, t2;
            frame(e.normal, t1, t2);
            const double phi = 2 * M_PI * uni(rng), sinE = std::sqrt(std::max(0.0, 1 - muE * muE));
            Eigen::Vector3d dir = muE * e.normal + sinE * (std::cos(phi) * t1 + std::sin(phi) * t2);
            const double sq = std::sqrt(uni(rng) * Fmax);
            const double energy = U * sq / (1 - sq);
            Eigen::Vector3d v = dir * std::sqrt(2 * energy * kEv / m1);
            Eigen::Vector3d x = e.position;
            bool done = false;
            while (!done) {
                // Free flight: sample the gas partner now, flight length from sigma at that E_cm.
                double step = INFINITY;
                Eigen::Vector3d vGas(gauss(rng), gauss(rng), gauss(rng));
                if (nGas > 0) {
                    const double eCm = 0.5 * mu * (v - vGas).squaredNorm() / kEv;
                    // Collision rate n sigma |g| relative to the atom's own speed |v|.
                    const double lambda = v.norm() / (nGas * scatter.crossSectionM2(eCm) * (v - vGas).norm());
                    step = -lambda * std::log(1 - uni(rng));
                }
                const double speed = v.norm();
                const Eigen::Vector3d u = v / speed;
                // Distance to the substrate plane and to the box walls.
                double tHit = INFINITY;
                int wall = -1;
                if (u.z() < 0) tHit = -x.z() / u.z(), wall = 0;
                auto consider = [&](double pos, double vel, double lo, double hi) {
                    if (vel > 0 && (hi - pos) / vel < tHit) tHit = (hi - pos) / vel, wall = 1;
                    if (vel < 0 && (lo - pos) / vel < tHit) tHit = (lo - pos) / vel, wall = 1;
                };
                consider(x.x(), u.x(), box.xMin, box.xMax);
                consider(x.y(), u.y(), box.yMin, box.yMax);
                if (u.z() > 0 && (box.zTop - x.z()) / u.z() < tHit) tHit = (box.zTop - x.z()) / u.z(), wall = 1;
                if (step >= tHit) {
                    x += tHit * u;
                    done = true;
                    if (wall == 0) {
                        const double fx = (x.x() - g.x0) / g.dx + 0.5, fy = (x.y() - g.y0) / g.dy + 0.5;
                        const bool inside = wafer ? std::hypot(x.x() - cx, x.y() - cy) <= R
                                                  : (fx >= 0 && fy >= 0 && fx < double(g.nx) && fy < double(g.ny));
                        if (inside && fx >= 0 && fy >= 0 && fx < double(g.nx) && fy < double(g.ny)) {
                            ++c[std::size_t(fx) + g.nx * std::size_t(fy)];
                            ++dep[std::size_t(blk)];
                        } else {
                            ++lost[std::size_t(blk)];
                        }
                    } else {
                        ++lost[std::size_t(blk)];
                    }
                    break;
                }
                x += step * u;
                // Elastic collision in the CM frame.
                ++coll[std::size_t(blk)];
                const Eigen::Vector3d rel = v - vGas, vcm = (m1 * v + m2 * vGas) / (m1 + m2);
                const double gRel = rel.norm();
                const double eCm = 0.5 * mu * gRel * gRel / kEv;
                const double cosChi = std::cos(scatter.sampleDeflection(eCm, uni(rng)));
                const double sinChi = std::sqrt(std::max(0.0, 1 - cosChi * cosChi));  // chi in [0, pi]
                double cosPsi, sinPsi;
                rng.unitCircle(cosPsi, sinPsi);
                Eigen::Vector3d r1, r2;
                const Eigen::Vector3d n = rel / gRel;
                frame(n, r1, r2);
                const Eigen::Vector3d relNew = gRel * (cosChi * n + sinChi * (cosPsi * r1 + sinPsi * r2));
                v = vcm + (m2 / (m1 + m2)) * relNew;
            }
        }
    }
    for (int b = 0; b < blocks; ++b) {
        tally.deposited += dep[std::size_t(b)];
        tally.lostToWalls += lost[std::size_t(b)];
        tally.collisions += coll[std::size_t(b)];
        for (std::size_t k = 0; k < tally.counts.size(); ++k) tally.counts[k] += counts[std::size_t(b)][k];
    }
    tally.emitted = histories;
    tally.atomsPerHistory = total / double(histories);
    for (std::size_t k = 0; k < tally.counts.size(); ++k)
        tally.fluxAtomsM2S[k] = double(tally.counts[k]) * tally.atomsPerHistory / (g.dx * g.dy);
    return tally;
}

}  // namespace magtwin
