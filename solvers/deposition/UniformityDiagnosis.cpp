#include "solvers/deposition/UniformityDiagnosis.hpp"

#include "solvers/deposition/DepositCase.hpp"
#include "solvers/deposition/Substrate.hpp"

#include <Eigen/Dense>

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace magtwin {

namespace {

/// U of 1 + c over the listed values (percent).
double componentRangePct(const std::vector<double>& c) {
    if (c.empty()) return 0.0;
    const auto [lo, hi] = std::minmax_element(c.begin(), c.end());
    return 100.0 * (*hi - *lo) / (2.0 + *hi + *lo);
}

/// Legendre polynomials P_0..P_d at xi (Bonnet's recursion).
void legendre(double xi, int d, double* p) {
    p[0] = 1.0;
    if (d >= 1) p[1] = xi;
    for (int n = 1; n < d; ++n) p[n + 1] = ((2 * n + 1) * xi * p[n] - n * p[n - 1]) / (n + 1);
}

std::string mm(double m) {
    std::ostringstream o;
    o << std::lround(m * 1e3);
    return o.str();
}

}  // namespace

std::string causeName(NonUniformityCause c) {
    switch (c) {
        case NonUniformityCause::PitchRipple:
            return "pitch_ripple";
        case NonUniformityCause::EdgeFall:
            return "edge_fall";
        case NonUniformityCause::AlongFall:
            return "along_cathode_fall";
        case NonUniformityCause::Rest:
            break;
    }
    return "rest";
}

std::string causeDescription(NonUniformityCause c, const DiagnosisGeometry& g) {
    switch (c) {
        case NonUniformityCause::PitchRipple:
            return g.pitchM > 0 ? "ripple at the " + mm(g.pitchM) + " mm cathode pitch" : "ripple at the cathode pitch";
        case NonUniformityCause::EdgeFall:
            return g.radial ? "fall from the centre toward the wafer edge"
                            : "fall toward the substrate edges across the cathodes";
        case NonUniformityCause::AlongFall:
            return "fall along the cathodes (target ends, racetrack turnarounds)";
        case NonUniformityCause::Rest:
            break;
    }
    return "rest (neither a pitch ripple nor a trend across or along the cathodes)";
}

std::vector<std::string> remediesFor(NonUniformityCause cause, const DiagnosisGeometry& g) {
    switch (cause) {
        case NonUniformityCause::PitchRipple:
            if (g.rotary)
                return {
                    "swing the magnet bars: magnets.motion {kind: wobble, amplitude}, scanned by "
                    "deposition.optimise.wobble_amplitudes (e.g. [0 deg, 10 deg, 20 deg, 30 deg]); or oscillate "
                    "the substrate along x by about half the pitch (substrates[].motion kind oscillation)",
                    "widen the magnet bar's magnets.racetrack.track_separation: the two tracks' plumes fill the "
                    "gap between the tubes",
                    "raise the throw (cathodes[].position z): the ripple falls roughly as exp(-2 pi h / p) with "
                    "the throw h at pitch p",
                    "a smaller pitch (more tubes over the same width)"};
            return {
                "oscillate the substrate along x by about half the pitch (substrates[].motion kind oscillation), "
                "or move the magnet packs (magnets.motion {kind: wobble, travel})",
                "raise the throw (cathodes[].position z): the ripple falls roughly as exp(-2 pi h / p) with the "
                "throw h at pitch p",
                "a smaller pitch (more targets over the same width)"};
        case NonUniformityCause::EdgeFall:
            if (g.radial)
                return {
                    "run `magtwin deposit TOOL --design-search`: ring radius, profile sigma and throw for the "
                    "lowest U",
                    "a larger magnets.racetrack.ring_radius moves the emission toward the wafer edge",
                    "a shorter throw with a larger ring, or a larger target"};
            return {
                "end-cathode power trims: deposition.optimise.power_trims: true (raise max_trim when the end "
                "cathodes' trims sit at it)",
                "an extra cathode at each end (array.count + 2), so the outer cathodes sit beyond the substrate "
                "edges",
                "a wider array (larger pitch or count) or a smaller quality area"};
        case NonUniformityCause::AlongFall:
            return {
                "end boost on the magnet bars: magnets.racetrack.along_track {shape: end-boost, gain, length}, "
                "searched by deposition.optimise.end_boost_gain / end_boost_length",
                "stronger turnarounds: magnets.racetrack.turnaround_enhancement",
                "longer cathodes (length and magnets.racetrack.straight_length), so the turnarounds sit beyond "
                "the substrate edge"};
        case NonUniformityCause::Rest:
            break;
    }
    return {
        "look at thickness_map.png: local structure (one cathode's trim, tilt or erosion, a sensor or shield "
        "shadow) that is neither a ripple at the pitch nor a trend across or along the cathodes"};
}

const DiagnosisComponent& UniformityDiagnosis::component(NonUniformityCause c) const {
    for (const auto& k : components)
        if (k.cause == c) return k;
    throw std::invalid_argument("diagnosis has no component " + causeName(c));
}

UniformityDiagnosis diagnoseUniformity(const std::vector<double>& t, const std::vector<char>& mask,
                                       const DiagnosisGeometry& g) {
    const std::size_t n = g.nx * g.ny;
    if (t.size() != n || mask.size() != n)
        throw std::invalid_argument("uniformity diagnosis: map, mask and grid sizes differ");
    double sum = 0, lo = INFINITY, hi = -INFINITY;
    std::size_t count = 0;
    for (std::size_t k = 0; k < n; ++k)
        if (mask[k]) sum += t[k], ++count, lo = std::min(lo, t[k]), hi = std::max(hi, t[k]);
    if (count == 0) throw std::invalid_argument("uniformity diagnosis: no points in the quality area");
    const double mean = sum / double(count);
    if (!(mean > 0)) throw std::invalid_argument("uniformity diagnosis: the mean film is not positive");

    UniformityDiagnosis d;
    d.uPct = 100.0 * (hi - lo) / (hi + lo);
    std::vector<double> f(n, 0.0);
    for (std::size_t k = 0; k < n; ++k)
        if (mask[k]) f[k] = t[k] / mean - 1.0;

    std::vector<double> ripple, edge, along, rest;
    ripple.reserve(count), edge.reserve(count), along.reserve(count), rest.reserve(count);
    if (g.radial) {
        // Azimuthal mean in rings one grid pitch wide.
        const double dr = std::min(g.dx, g.dy);
        std::vector<double> ringSum, ringCount;
        std::vector<std::size_t> ring(n, 0);
        for (std::size_t k = 0; k < n; ++k) {
            if (!mask[k]) continue;
            const double x = g.x0 + double(k % g.nx) * g.dx - g.centreXM,
                         y = g.y0 + double(k / g.nx) * g.dy - g.centreYM;
            ring[k] = std::size_t(std::hypot(x, y) / dr);
            if (ring[k] >= ringSum.size()) ringSum.resize(ring[k] + 1, 0.0), ringCount.resize(ring[k] + 1, 0.0);
            ringSum[ring[k]] += f[k], ringCount[ring[k]] += 1;
        }
        for (std::size_t k = 0; k < n; ++k) {
            if (!mask[k]) continue;
            const double p = ringSum[ring[k]] / ringCount[ring[k]];
            ripple.push_back(0.0), along.push_back(0.0), edge.push_back(p), rest.push_back(f[k] - p);
        }
    } else {
        // Row (along, A(y)) and column (across, C(x)) means.
        std::vector<double> colSum(g.nx, 0.0), colN(g.nx, 0.0), rowSum(g.ny, 0.0), rowN(g.ny, 0.0);
        for (std::size_t k = 0; k < n; ++k)
            if (mask[k]) {
                const std::size_t i = k % g.nx, j = k / g.nx;
                colSum[i] += f[k], colN[i] += 1, rowSum[j] += f[k], rowN[j] += 1;
            }
        std::vector<std::size_t> cols;
        for (std::size_t i = 0; i < g.nx; ++i)
            if (colN[i] > 0) cols.push_back(i);
        const double xa = g.x0 + double(cols.front()) * g.dx, xb = g.x0 + double(cols.back()) * g.dx;
        const double width = xb - xa, xMid = 0.5 * (xa + xb);
        // Basis: Legendre P_0..P_d of xi, then the pitch harmonics.
        int degree = 8, harmonics = 0;
        if (g.pitchM > 0) {
            degree = std::clamp(int(std::floor(width / g.pitchM)), 2, 8);
            if (width >= g.pitchM)
                while (harmonics < 3 && g.pitchM / double(harmonics + 1) >= 4.0 * g.dx) ++harmonics;
        }
        degree = std::min<int>(degree, int(cols.size()) - 2 * harmonics - 1);
        degree = std::max(degree, 0);
        const int nPoly = degree + 1, nb = nPoly + 2 * harmonics;
        Eigen::MatrixXd a(cols.size(), nb);
        Eigen::VectorXd b(cols.size());
        std::vector<double> p(static_cast<std::size_t>(nPoly));
        for (std::size_t r = 0; r < cols.size(); ++r) {
            const std::size_t i = cols[r];
            const double x = g.x0 + double(i) * g.dx, w = std::sqrt(colN[i]);
            legendre(width > 0 ? (x - xMid) / (0.5 * width) : 0.0, degree, p.data());
            for (int q = 0; q < nPoly; ++q) a(Eigen::Index(r), q) = w * p[std::size_t(q)];
            for (int h = 1; h <= harmonics; ++h) {
                const double phase = 2.0 * M_PI * double(h) * x / g.pitchM;
                a(Eigen::Index(r), nPoly + 2 * (h - 1)) = w * std::cos(phase);
                a(Eigen::Index(r), nPoly + 2 * (h - 1) + 1) = w * std::sin(phase);
            }
            b(Eigen::Index(r)) = w * colSum[i] / colN[i];
        }
        const Eigen::VectorXd coef = a.colPivHouseholderQr().solve(b);
        std::vector<double> ripCol(g.nx, 0.0), edgeCol(g.nx, 0.0);
        for (std::size_t i : cols) {
            const double x = g.x0 + double(i) * g.dx;
            legendre(width > 0 ? (x - xMid) / (0.5 * width) : 0.0, degree, p.data());
            for (int q = 1; q < nPoly; ++q) edgeCol[i] += coef(q) * p[std::size_t(q)];
            for (int h = 1; h <= harmonics; ++h) {
                const double phase = 2.0 * M_PI * double(h) * x / g.pitchM;
                ripCol[i] +=
                    coef(nPoly + 2 * (h - 1)) * std::cos(phase) + coef(nPoly + 2 * (h - 1) + 1) * std::sin(phase);
            }
        }
        for (std::size_t k = 0; k < n; ++k) {
            if (!mask[k]) continue;
            const std::size_t i = k % g.nx, j = k / g.nx;
            const double aY = rowSum[j] / rowN[j];
            ripple.push_back(ripCol[i]), edge.push_back(edgeCol[i]), along.push_back(aY);
            rest.push_back(f[k] - ripCol[i] - edgeCol[i] - aY);
        }
    }
    d.components = {{NonUniformityCause::PitchRipple, componentRangePct(ripple), 0},
                    {NonUniformityCause::EdgeFall, componentRangePct(edge), 0},
                    {NonUniformityCause::AlongFall, componentRangePct(along), 0},
                    {NonUniformityCause::Rest, componentRangePct(rest), 0}};
    double total = 0;
    for (const auto& c : d.components) total += c.rangePct;
    for (auto& c : d.components) c.share = total > 0 ? c.rangePct / total : 0.0;
    // The dominant cause: the named component with the largest U_c (the rest only when it
    // outweighs all three: then no named cause explains the map).
    const DiagnosisComponent* best = &d.components[0];
    for (const auto& c : d.components)
        if (c.rangePct > best->rangePct) best = &c;
    d.dominant = best->cause;
    d.remedies = remediesFor(d.dominant, g);
    return d;
}

DiagnosisGeometry diagnosisGeometryOf(const DepositCase& c, const SubstrateGrid& grid) {
    DiagnosisGeometry g;
    g.nx = grid.grid.nu, g.ny = grid.grid.nv;
    g.x0 = grid.x0, g.y0 = grid.y0, g.dx = grid.dx, g.dy = grid.dy;
    g.radial = c.motion.kind == SubstrateMotion::Kind::WaferRotation;
    g.centreXM = c.substrate.centreXM, g.centreYM = c.substrate.centreYM;
    // The widest array's pitch; else the median spacing of the cathodes' x centres.
    int widest = 1;
    std::vector<double> xs;
    bool anyRotary = false;
    for (const CathodeGroup& k : c.cathodes) {
        anyRotary = anyRotary || k.type == CathodeGroup::Type::RotaryArray;
        if (k.cathodeCount() > widest) widest = k.cathodeCount(), g.pitchM = k.pitchM;
        xs.push_back(k.cathode.position.x());
    }
    g.rotary = anyRotary;
    if (widest == 1 && xs.size() > 1) {
        std::sort(xs.begin(), xs.end());
        std::vector<double> gaps;
        for (std::size_t i = 1; i < xs.size(); ++i)
            if (xs[i] - xs[i - 1] > 1e-6) gaps.push_back(xs[i] - xs[i - 1]);
        if (!gaps.empty()) {
            std::nth_element(gaps.begin(), gaps.begin() + gaps.size() / 2, gaps.end());
            g.pitchM = gaps[gaps.size() / 2];
        }
    }
    return g;
}

}  // namespace magtwin
