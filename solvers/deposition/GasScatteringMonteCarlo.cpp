#include "solvers/deposition/GasScatteringMonteCarlo.hpp"

#include "boundary/util/PhysicalConstants.hpp"
#include "solvers/deposition/GasScatteringRandom.hpp"
#include "solvers/deposition/ScreenedCoulombScattering.hpp"

#include <omp.h>
#include <Eigen/Geometry>

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {

namespace {

constexpr double kEv = kElementaryCharge;  // J per eV

struct Emitter {
    std::vector<double> cdf;  ///< cumulative emitted atoms/s over all elements
    std::vector<const EmissionElement*> element;
    std::vector<const EmissionAngularDistribution*> law;
    std::vector<double> envelope;  ///< max of p(mu) pi / mu for the element's law
};

/// An orthonormal frame around unit n.
void frame(const Eigen::Vector3d& n, Eigen::Vector3d& t1, Eigen::Vector3d& t2) {
    t1 = (std::abs(n.x()) < 0.9 ? Eigen::Vector3d::UnitX() : Eigen::Vector3d::UnitY()).cross(n).normalized();
    t2 = n.cross(t1);
}

/// The surface a flight ends on.
enum class Surface { Floor, Top, SideX, SideY };

}  // namespace

bool TopPlaneFootprint::contains(double x, double y) const {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false;
    if (!disc) return true;
    const double ax = 0.5 * (x1 - x0), ay = 0.5 * (y1 - y0);
    const double u = (x - 0.5 * (x0 + x1)) / ax, v = (y - 0.5 * (y0 + y1)) / ay;
    return u * u + v * v <= 1;
}

MonteCarloTally gasScatteringFlux(const std::vector<EmissionSource>& sources, const RegularPlaneGrid& g, bool wafer,
                                  const ChamberBox& box, const GasScatteringSettings& s, std::uint64_t histories) {
    if (histories == 0 || g.nx < 2 || g.ny < 2) throw std::invalid_argument("mc: need histories > 0 and a 2 x 2 grid");
    if (!(s.pressurePa >= 0 && s.gasTemperatureK > 0 && s.maxEnergyEv > 0 && s.surfaceBindingEv > 0))
        throw std::invalid_argument("mc: need pressure >= 0, temperature > 0, U_s > 0, E_max > 0");
    for (const double st : {box.sticking.targets, box.sticking.shields, box.sticking.walls})
        if (!(st >= 0 && st <= 1)) throw std::invalid_argument("mc: sticking coefficients must be in [0, 1]");
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

    const ScreenedCoulombScattering& scatter = scatteringTableFor(s.atomZ, s.gasZ, s.chiMin);
    const double nGas = s.pressurePa / (kBoltzmannJPerK * s.gasTemperatureK);
    const double m1 = s.atomMassAmu * kAtomicMassUnitKg, m2 = s.gasMassAmu * kAtomicMassUnitKg,
                 mu = m1 * m2 / (m1 + m2);
    const double gasSigmaV = std::sqrt(kBoltzmannJPerK * s.gasTemperatureK / m2);  // per velocity component
    const double eCmPerG2 = 0.5 * mu / kEv;                                        // E_cm (eV) = this * g^2
    const double w1 = m1 / (m1 + m2), w2 = m2 / (m1 + m2);
    const double U = s.surfaceBindingEv, Fmax = std::pow(s.maxEnergyEv / (s.maxEnergyEv + U), 2);
    const double cx = g.x0 + 0.5 * (g.nx - 1) * g.dx, cy = g.y0 + 0.5 * (g.ny - 1) * g.dy;
    const double R = 0.5 * std::min((g.nx - 1) * g.dx, (g.ny - 1) * g.dy);
    const int threads = s.threads > 0 ? s.threads : omp_get_max_threads();
    const int blocks = 64;  // fixed work split: the result depends on the seed only
    std::vector<std::vector<std::uint64_t>> counts(blocks);
    std::vector<std::uint64_t> dep(blocks, 0), onTargets(blocks, 0), onShields(blocks, 0), onWalls(blocks, 0),
        coll(blocks, 0), refl(blocks, 0);
    const double wallKT = kBoltzmannJPerK * s.gasTemperatureK;  // surfaces at the gas temperature
    // Element frames once (the launch direction is built in the element's normal frame).
    std::vector<Eigen::Vector3d> t1s(em.element.size()), t2s(em.element.size());
    for (std::size_t k = 0; k < em.element.size(); ++k) frame(em.element[k]->normal, t1s[k], t2s[k]);

#pragma omp parallel for num_threads(threads) schedule(dynamic, 1)
    for (int blk = 0; blk < blocks; ++blk) {
        const ZigguratTable<128>& zn = normalZiggurat();
        const ZigguratTable<256>& ze = exponentialZiggurat();
        Xoshiro256 rng(s.seed * 0x9E3779B97F4A7C15ULL + std::uint64_t(blk) * 0xBF58476D1CE4E5B9ULL + 1);
        auto& c = counts[std::size_t(blk)];
        c.assign(g.nx * g.ny, 0);
        std::uint64_t nDep = 0, nTargets = 0, nShields = 0, nWalls = 0, nColl = 0, nRefl = 0;
        const std::uint64_t first = histories * std::uint64_t(blk) / blocks,
                            last = histories * std::uint64_t(blk + 1) / blocks;
        for (std::uint64_t h = first; h < last; ++h) {
            // Source element and launch.
            const double pick = rng.uniform() * total;
            const std::size_t k = std::size_t(std::upper_bound(em.cdf.begin(), em.cdf.end(), pick) - em.cdf.begin());
            const std::size_t ke = std::min(k, em.cdf.size() - 1);
            const EmissionElement& e = *em.element[ke];
            double muE;
            do muE = std::sqrt(rng.uniform());  // cosine envelope
            while (rng.uniform() * em.envelope[ke] > em.law[ke]->perSteradian(muE) * M_PI / muE);
            double cosPhi, sinPhi;
            rng.unitCircle(cosPhi, sinPhi);
            const double sinE = std::sqrt(std::max(0.0, 1 - muE * muE));
            const Eigen::Vector3d dir = muE * e.normal + sinE * (cosPhi * t1s[ke] + sinPhi * t2s[ke]);
            const double sq = std::sqrt(rng.uniform() * Fmax);
            const double energy = U * sq / (1 - sq);
            // Position and velocity as plain doubles: the flight loop below is the hot path.
            double vx, vy, vz;
            {
                const double speed = std::sqrt(2 * energy * kEv / m1);
                vx = dir.x() * speed, vy = dir.y() * speed, vz = dir.z() * speed;
            }
            double x = e.position.x(), y = e.position.y(), z = e.position.z();
            for (;;) {
                // Free flight in time: the gas partner is drawn now, the collision rate is
                // n sigma(g) g, so the flight time is Exp(1) / (n sigma(g) g) (the same law
                // as a path length Exp(1) |v| / (n sigma g)).
                const double gx = gasSigmaV * rng.normal(zn), gy = gasSigmaV * rng.normal(zn),
                             gz = gasSigmaV * rng.normal(zn);
                const double rx = vx - gx, ry = vy - gy, rz = vz - gz;
                const double g2 = rx * rx + ry * ry + rz * rz;
                ScreenedCoulombScattering::Row row{0, 0.0};
                double tColl = INFINITY, gRel = 0;
                if (nGas > 0) {
                    gRel = std::sqrt(g2);
                    row = scatter.locate(eCmPerG2 * g2);
                    tColl = rng.exponential(ze) / (nGas * scatter.crossSectionM2(row) * gRel);
                }
                // Time to the floor (substrate plane), the top plane and the side walls.
                double tHit = INFINITY;
                Surface hit = Surface::Floor;
                if (vz < 0) tHit = -z / vz;
                if (vz > 0) tHit = (box.zTop - z) / vz, hit = Surface::Top;
                const double tx = vx > 0 ? (box.xMax - x) / vx : (vx < 0 ? (box.xMin - x) / vx : INFINITY);
                const double ty = vy > 0 ? (box.yMax - y) / vy : (vy < 0 ? (box.yMin - y) / vy : INFINITY);
                if (tx < tHit) tHit = tx, hit = Surface::SideX;
                if (ty < tHit) tHit = ty, hit = Surface::SideY;
                if (tColl >= tHit) {
                    // On the surface (the coordinate across it set exactly, so the next flight
                    // starts inside the box).
                    x += tHit * vx, y += tHit * vy, z += tHit * vz;
                    Eigen::Vector3d inward;
                    double stick = box.sticking.walls;
                    std::uint64_t* stuck = &nWalls;
                    switch (hit) {
                        case Surface::Floor: {
                            z = 0, inward = Eigen::Vector3d::UnitZ();
                            const double fx = (x - g.x0) / g.dx + 0.5, fy = (y - g.y0) / g.dy + 0.5;
                            const bool inGrid = fx >= 0 && fy >= 0 && fx < double(g.nx) && fy < double(g.ny);
                            if (inGrid && (!wafer || std::hypot(x - cx, y - cy) <= R)) {
                                ++c[std::size_t(fx) + g.nx * std::size_t(fy)];
                                ++nDep;
                                stick = -1;  // deposited: the history ends
                            }
                            break;
                        }
                        case Surface::Top:
                            z = box.zTop, inward = -Eigen::Vector3d::UnitZ();
                            if (std::any_of(box.targets.begin(), box.targets.end(),
                                            [&](const TopPlaneFootprint& t) { return t.contains(x, y); }))
                                stick = box.sticking.targets, stuck = &nTargets;
                            else
                                stick = box.sticking.shields, stuck = &nShields;
                            break;
                        case Surface::SideX:
                            x = vx > 0 ? box.xMax : box.xMin, inward = Eigen::Vector3d(vx > 0 ? -1 : 1, 0, 0);
                            break;
                        case Surface::SideY:
                            y = vy > 0 ? box.yMax : box.yMin, inward = Eigen::Vector3d(0, vy > 0 ? -1 : 1, 0);
                            break;
                    }
                    if (stick < 0) break;
                    if (stick >= 1 || rng.uniform() < stick) {
                        ++*stuck;
                        break;
                    }
                    // Diffuse re-emission at the wall temperature: cosine direction about the
                    // inward normal, energy kT (E1 + E2) with E1, E2 ~ Exp(1) (the Gamma(2, kT)
                    // of the Maxwellian flux through a surface, ChamberSticking.hpp).
                    ++nRefl;
                    Eigen::Vector3d u1, u2;
                    frame(inward, u1, u2);
                    const double muR = std::sqrt(rng.uniform()), sinR = std::sqrt(std::max(0.0, 1 - muR * muR));
                    double cosA, sinA;
                    rng.unitCircle(cosA, sinA);
                    const Eigen::Vector3d d = muR * inward + sinR * (cosA * u1 + sinA * u2);
                    const double speed = std::sqrt(2 * wallKT * (rng.exponential(ze) + rng.exponential(ze)) / m1);
                    vx = d.x() * speed, vy = d.y() * speed, vz = d.z() * speed;
                    continue;
                }
                x += tColl * vx, y += tColl * vy, z += tColl * vz;
                // Elastic collision in the CM frame: the relative velocity turns by chi about
                // a uniform azimuth psi; |g| is kept.
                ++nColl;
                const double cosChi = scatter.sampleCosDeflection(row, rng.uniform());
                const double sinChi = std::sqrt(std::max(0.0, 1 - cosChi * cosChi));  // chi in [0, pi]
                double cosPsi, sinPsi;
                rng.unitCircle(cosPsi, sinPsi);
                const double inv = 1 / gRel, nx = rx * inv, ny = ry * inv, nz = rz * inv;
                double ox, oy, oz;  // new unit relative direction
                const double s2 = 1 - nz * nz;
                if (s2 > 1e-12) {
                    // Rotation of n by (chi, psi) about the frame (z x n, n x (z x n)) (the
                    // standard direction-cosine update, e.g. MCNP manual, eq. 2-42).
                    const double sn = std::sqrt(s2), q = sinChi / sn;
                    ox = cosChi * nx + q * (nx * nz * cosPsi - ny * sinPsi);
                    oy = cosChi * ny + q * (ny * nz * cosPsi + nx * sinPsi);
                    oz = cosChi * nz - sinChi * sn * cosPsi;
                } else {
                    ox = sinChi * cosPsi, oy = sinChi * sinPsi, oz = cosChi * nz;
                }
                const double cmx = w1 * vx + w2 * gx, cmy = w1 * vy + w2 * gy, cmz = w1 * vz + w2 * gz;
                vx = cmx + w2 * gRel * ox, vy = cmy + w2 * gRel * oy, vz = cmz + w2 * gRel * oz;
            }
        }
        const std::size_t b = std::size_t(blk);
        dep[b] = nDep, onTargets[b] = nTargets, onShields[b] = nShields, onWalls[b] = nWalls, coll[b] = nColl;
        refl[b] = nRefl;
    }
    for (int b = 0; b < blocks; ++b) {
        tally.deposited += dep[std::size_t(b)];
        tally.stuckOnTargets += onTargets[std::size_t(b)];
        tally.stuckOnShields += onShields[std::size_t(b)];
        tally.stuckOnWalls += onWalls[std::size_t(b)];
        tally.collisions += coll[std::size_t(b)];
        tally.reflections += refl[std::size_t(b)];
        for (std::size_t k = 0; k < tally.counts.size(); ++k) tally.counts[k] += counts[std::size_t(b)][k];
    }
    tally.lostToWalls = tally.stuckOnTargets + tally.stuckOnShields + tally.stuckOnWalls;
    tally.emitted = histories;
    tally.atomsPerHistory = total / double(histories);
    for (std::size_t k = 0; k < tally.counts.size(); ++k)
        tally.fluxAtomsM2S[k] = double(tally.counts[k]) * tally.atomsPerHistory / (g.dx * g.dy);
    return tally;
}

}  // namespace magtwin
