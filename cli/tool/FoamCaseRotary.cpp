#include "cli/tool/FoamCaseRotary.hpp"

#include "boundary/util/PhysicalConstants.hpp"
#include "cli/tool/FoamDict.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <tuple>

namespace magtwin {

namespace {

/// The O-grid's square: 1.4 R where there is room (the ring blocks' corner angles stay near 90
/// degrees: checkMesh passes), at least 1.15 R, and the core square 0.55 R (its corners at
/// 0.78 R, inside the tube).
constexpr double kSquare = 1.4, kMinSquare = 1.15, kCore = 0.55;

/// A 2-D point of the cross-section: a grid point (i, k), a circle point of tube t at
/// perimeter point p, or a core point of tube t at its grid (ci, ck).
struct Point2 {
    int kind = 0;  // 0 grid, 1 circle, 2 core
    int t = 0, a = 0, b = 0;
    bool operator<(const Point2& o) const { return std::tie(kind, t, a, b) < std::tie(o.kind, o.t, o.a, o.b); }
};

struct Perimeter {
    int i = 0, k = 0;  ///< grid point
    int side = 0;      ///< side of the segment that starts here: 0 bottom, 1 right, 2 top, 3 left
    int cell = 0;      ///< the x interval (bottom, top) or z interval (right, left) of that segment
};

struct Builder {
    const RotaryChamber& c;
    AxisCells ax, ay, az;
    std::vector<int> tubeOf;              ///< per 2-D cell (i + NX k): the tube whose square holds it, or -1
    std::vector<std::array<int, 4>> box;  ///< per tube: i0, i1, k0, k1 (grid indices of its square)
    std::vector<std::vector<Perimeter>> perimeter;
    std::vector<std::vector<double>> angle;  ///< per tube: the polar angle of each circle point
    std::map<std::pair<Point2, int>, long> ids;
    std::vector<std::string> vertices;
    std::ostringstream blocks;
    std::set<std::pair<long, long>> arcs;
    std::ostringstream edges;
    std::vector<std::pair<std::string, std::vector<std::string>>> patches;
    long count = 0;
    std::vector<std::array<double, 3>> coords;

    explicit Builder(const RotaryChamber& chamber) : c(chamber) {}

    std::size_t NX() const { return ax.breaks.size() - 1; }
    std::size_t NY() const { return ay.breaks.size() - 1; }
    std::size_t NZ() const { return az.breaks.size() - 1; }

    void xz(const Point2& p, double& x, double& z) const {
        if (p.kind == 0) {
            x = ax.breaks[p.a];
            z = az.breaks[p.b];
            return;
        }
        const FoamTube& t = c.tubes[p.t];
        if (p.kind == 1) {
            const double phi = angle[p.t][p.a];
            x = t.xM + t.radiusM * std::cos(phi);
            z = t.zM + t.radiusM * std::sin(phi);
            return;
        }
        const double s = kCore * t.radiusM / t.squareHalfM;
        x = t.xM + s * (ax.breaks[box[p.t][0] + p.a] - t.xM);
        z = t.zM + s * (az.breaks[box[p.t][2] + p.b] - t.zM);
    }

    long id(const Point2& p, std::size_t level) {
        const auto key = std::make_pair(p, static_cast<int>(level));
        const auto it = ids.find(key);
        if (it != ids.end()) return it->second;
        double x, z;
        xz(p, x, z);
        const long n = static_cast<long>(vertices.size());
        vertices.push_back("(" + foamNumber(x) + " " + foamNumber(ay.breaks[level]) + " " + foamNumber(z) + ")");
        coords.push_back({x, ay.breaks[level], z});
        ids.emplace(key, n);
        return n;
    }

    void addFace(const std::string& name, const std::array<long, 8>& v, int which) {
        // blockMesh's hex faces, outward: x1-min, x1-max, x2-min, x2-max, x3-min, x3-max.
        static const int f[6][4] = {{0, 4, 7, 3}, {1, 2, 6, 5}, {0, 1, 5, 4}, {3, 7, 6, 2}, {0, 3, 2, 1}, {4, 5, 6, 7}};
        std::string s = "(";
        for (int m = 0; m < 4; ++m) s += std::to_string(v[f[which][m]]) + (m < 3 ? " " : ")");
        for (auto& p : patches)
            if (p.first == name) return p.second.push_back(s);
        patches.push_back({name, {s}});
    }

    /// A hex over y interval j from the four 2-D points (x1 from q0 to q1, x2 from q0 to q3,
    /// x3 = +y); returns its vertex ids.
    std::array<long, 8> hex(const std::array<Point2, 4>& q, std::size_t j, long n1, long n2, const std::string& g1,
                            const std::string& g2, int arcEdge = -1) {
        std::array<long, 8> v{};
        for (int m = 0; m < 4; ++m) {
            v[m] = id(q[m], j);
            v[m + 4] = id(q[m], j + 1);
        }
        const RingCells& yc = ay.cells[j];
        blocks << "    hex (";
        for (int m = 0; m < 8; ++m) blocks << v[m] << (m < 7 ? " " : "");
        if (arcEdge < 0) {
            blocks << ") (" << n1 << " " << n2 << " " << yc.cells << ") simpleGrading (" << g1 << " " << g2 << " "
                   << yc.grading << ")\n";
        } else {
            // The x1 edges 0-1, 3-2, 7-6, 4-5: the arc ones (0-1 and 4-5, or 3-2 and 7-6) uniform
            // in angle, the square's or core's with the grid column's grading.
            const std::string a = arcEdge == 0 ? "1" : g1, o = arcEdge == 0 ? g1 : "1";
            blocks << ") (" << n1 << " " << n2 << " " << yc.cells << ") edgeGrading (" << a << " " << o << " " << o
                   << " " << a << " " << g2 << " " << g2 << " " << g2 << " " << g2 << " " << yc.grading << " "
                   << yc.grading << " " << yc.grading << " " << yc.grading << ")\n";
        }
        count += n1 * n2 * yc.cells;
        return v;
    }

    void arc(long a, long b, const FoamTube& t) {
        if (!arcs.insert({std::min(a, b), std::max(a, b)}).second) return;
        // The mid-point of the arc: the mean of the end points pushed out to the circle.
        const auto [xa, ya, za] = coords[static_cast<std::size_t>(a)];
        const auto [xb, yb, zb] = coords[static_cast<std::size_t>(b)];
        const double dx = 0.5 * (xa + xb) - t.xM, dz = 0.5 * (za + zb) - t.zM, r = std::hypot(dx, dz);
        edges << "    arc " << a << " " << b << " (" << foamNumber(t.xM + t.radiusM * dx / r) << " "
              << foamNumber(0.5 * (ya + yb)) << " " << foamNumber(t.zM + t.radiusM * dz / r) << ")\n";
    }

    /// The chamber's own faces of a block on y interval j (symmetry plane, end walls).
    void yEnds(const std::array<long, 8>& v, std::size_t j) {
        if (j == 0) addFace(c.symmetryY ? c.symmetryPatch : c.wallPatch, v, 4);
        if (j + 1 == NY()) addFace(c.wallPatch, v, 5);
    }

    bool insideTube(const FoamTube& t, std::size_t j) const {
        const double ym = 0.5 * (ay.breaks[j] + ay.breaks[j + 1]);
        return ym > t.y0M && ym < t.y1M;
    }
};

int indexOf(const std::vector<double>& breaks, double v) {
    for (std::size_t i = 0; i < breaks.size(); ++i)
        if (std::abs(breaks[i] - v) < 1e-9) return static_cast<int>(i);
    throw std::invalid_argument("rotaryBlockMeshDict: a tube square edge is not a grid line");
}

}  // namespace

std::string rotaryTubeSquares(std::vector<FoamTube>& tubes) {
    for (FoamTube& t : tubes) {
        // Room below: half the gap to the floor beyond the radius.
        t.squareHalfM = std::min(kSquare * t.radiusM, t.radiusM + 0.5 * (t.zM - t.radiusM));
    }
    for (std::size_t i = 0; i < tubes.size(); ++i)
        for (std::size_t j = i + 1; j < tubes.size(); ++j) {
            FoamTube &a = tubes[i], &b = tubes[j];
            if (a.y1M <= b.y0M || b.y1M <= a.y0M) continue;
            // The squares must not overlap: share the Chebyshev distance in proportion to R.
            const double d = std::max(std::abs(a.xM - b.xM), std::abs(a.zM - b.zM));
            if (a.squareHalfM + b.squareHalfM > d) {
                const double share = d / (a.radiusM + b.radiusM);
                a.squareHalfM = std::min(a.squareHalfM, share * a.radiusM);
                b.squareHalfM = std::min(b.squareHalfM, share * b.radiusM);
            }
        }
    for (std::size_t i = 0; i < tubes.size(); ++i) {
        const FoamTube& t = tubes[i];
        if (t.squareHalfM >= kMinSquare * t.radiusM - 1e-12) continue;
        if (t.squareHalfM < kMinSquare * t.radiusM && t.zM - t.radiusM < 2 * (kMinSquare - 1) * t.radiusM)
            return "cathode " + t.patch + ": its surface is " + foamNumber((t.zM - t.radiusM) * 1e3) +
                   " mm above the substrate plane: foam-case's O-grid round a tube needs at least 0.3 x its radius (" +
                   foamNumber(0.3 * t.radiusM * 1e3) + " mm) below it";
        for (std::size_t j = 0; j < tubes.size(); ++j) {
            if (j == i) continue;
            const FoamTube& u = tubes[j];
            const double d = std::max(std::abs(t.xM - u.xM), std::abs(t.zM - u.zM));
            if (d < kMinSquare * (t.radiusM + u.radiusM) && !(t.y1M <= u.y0M || u.y1M <= t.y0M))
                return "cathode " + t.patch + ": its axis is " + foamNumber(d * 1e3) + " mm from cathode " + u.patch +
                       "'s (surfaces " +
                       foamNumber((std::hypot(t.xM - u.xM, t.zM - u.zM) - t.radiusM - u.radiusM) * 1e3) +
                       " mm apart): foam-case's O-grids need the axes at least 1.15 x the sum of the radii (" +
                       foamNumber(kMinSquare * (t.radiusM + u.radiusM) * 1e3) + " mm) apart along x or z";
        }
        return "cathode " + t.patch + ": no room for its O-grid";
    }
    return "";
}

std::string rotaryBlockMeshDict(const RotaryChamber& c, long cells, long& cellCount) {
    if (!(c.x1 > c.x0) || !(c.y1 > c.y0) || !(c.zTop > 0) || !(cells > 0) || !(c.edgeCellM > 0) || !(c.tubeCellM > 0) ||
        c.tubes.empty())
        throw std::invalid_argument("rotaryBlockMeshDict: bad chamber");
    for (const FoamTube& t : c.tubes)
        if (!(t.squareHalfM > t.radiusM) || t.xM - t.squareHalfM <= c.x0 || t.xM + t.squareHalfM >= c.x1 ||
            t.zM - t.squareHalfM <= 0 || t.zM + t.squareHalfM >= c.zTop || !(t.y1M > t.y0M))
            throw std::invalid_argument("rotaryBlockMeshDict: tube " + t.patch + " outside the chamber");
    std::vector<double> xb{c.x0, c.x1}, yb{c.y0, c.y1}, zb{0.0, c.zTop};
    for (double v : {c.substrate.x0, c.substrate.x1, c.quality.x0, c.quality.x1})
        if (v > c.x0 && v < c.x1) xb.push_back(v);
    for (double v : {c.substrate.y0, c.substrate.y1, c.quality.y0, c.quality.y1})
        if (v > c.y0 && v < c.y1) yb.push_back(v);
    for (const FoamTube& t : c.tubes) {
        xb.insert(xb.end(), {t.xM - t.squareHalfM, t.xM + t.squareHalfM});
        zb.insert(zb.end(), {t.zM - t.squareHalfM, t.zM + t.squareHalfM});
        for (double v : {t.y0M, t.y1M, t.y0M + c.endZoneM, t.y1M - c.endZoneM})
            if (v > c.y0 + 1e-9 && v < c.y1 - 1e-9 && v >= t.y0M - 1e-9 && v <= t.y1M + 1e-9) yb.push_back(v);
    }
    const auto between = [](double v, double a, double b) { return v > a && v < b; };
    const auto inSquareX = [&](double x) {
        for (const FoamTube& t : c.tubes)
            if (between(x, t.xM - t.squareHalfM, t.xM + t.squareHalfM)) return true;
        return false;
    };
    const auto inSquareZ = [&](double z) {
        for (const FoamTube& t : c.tubes)
            if (between(z, t.zM - t.squareHalfM, t.zM + t.squareHalfM)) return true;
        return false;
    };
    // The tube surface's faces tubeCellM across: the square's side carries them at a / R of it
    // (a cell of the side subtends at most that arc; shorter towards the corners).
    double aOverR = 1e9;
    for (const FoamTube& t : c.tubes) aOverR = std::min(aOverR, t.squareHalfM / t.radiusM);
    const double squareCell = c.tubeCellM * aOverR;

    Builder b(c);
    double h = std::cbrt((c.x1 - c.x0) * (c.y1 - c.y0) * c.zTop / static_cast<double>(cells));
    for (int iter = 0; iter < 8; ++iter) {
        // Under a tube's square the columns keep the square's size (no edge cells, no grading
        // towards a quality edge there): the square's side then matches the circle's equal
        // arcs closely and the O-grid's cells stay orthogonal (checkMesh); the quality area's
        // last face centre lies up to half a square cell inside its edge there.
        const auto sizeX = [&](double x) {
            if (inSquareX(x)) return std::min(h, squareCell);
            if (between(x, c.substrate.x0, c.quality.x0) || between(x, c.quality.x1, c.substrate.x1))
                return c.edgeCellM;
            return h;
        };
        const auto sizeZ = [&](double z) { return inSquareZ(z) ? std::min(h, squareCell) : h; };
        const auto sizeY = [&](double y) {
            if (between(y, c.substrate.y0, c.quality.y0) || between(y, c.quality.y1, c.substrate.y1))
                return c.edgeCellM;
            double size = h;
            for (const FoamTube& t : c.tubes) {
                if (between(y, t.y0M, t.y0M + c.endZoneM) || between(y, t.y1M - c.endZoneM, t.y1M))
                    size = std::min(size, c.tubeCellM);
                if (between(y, t.y0M, t.y1M)) size = std::min(size, c.tubeAxialCellM);
            }
            return size;
        };
        b.ax = axisCells(xb, sizeX, c.quality.x0, c.quality.x1, c.edgeCellM, [&](double x) { return !inSquareX(x); });
        b.ay = axisCells(yb, sizeY, c.quality.y0, c.quality.y1, c.edgeCellM);
        b.az = axisCells(zb, sizeZ, -1.0, -1.0, c.edgeCellM);
        const double approx = static_cast<double>(b.ax.total * b.ay.total * b.az.total);
        h *= std::cbrt(approx / static_cast<double>(cells));
    }
    const std::size_t NX = b.NX(), NY = b.NY(), NZ = b.NZ();

    // Each tube's square in grid indices, its cells, and its perimeter (counter-clockwise
    // seen along +y... in the x-z plane: bottom left to right, right side up, top right to
    // left, left side down).
    b.tubeOf.assign(NX * NZ, -1);
    for (std::size_t t = 0; t < c.tubes.size(); ++t) {
        const FoamTube& tube = c.tubes[t];
        const int i0 = indexOf(b.ax.breaks, tube.xM - tube.squareHalfM),
                  i1 = indexOf(b.ax.breaks, tube.xM + tube.squareHalfM);
        const int k0 = indexOf(b.az.breaks, tube.zM - tube.squareHalfM),
                  k1 = indexOf(b.az.breaks, tube.zM + tube.squareHalfM);
        b.box.push_back({i0, i1, k0, k1});
        for (int k = k0; k < k1; ++k)
            for (int i = i0; i < i1; ++i)
                b.tubeOf[static_cast<std::size_t>(i) + NX * static_cast<std::size_t>(k)] = static_cast<int>(t);
        std::vector<Perimeter> p;
        for (int i = i0; i < i1; ++i) p.push_back({i, k0, 0, i});
        for (int k = k0; k < k1; ++k) p.push_back({i1, k, 1, k});
        for (int i = i1; i > i0; --i) p.push_back({i, k1, 2, i - 1});
        for (int k = k1; k > k0; --k) p.push_back({i0, k, 3, k - 1});
        // The circle points: uniform in angle per cell all round (the arcs' faces equally wide,
        // whatever the grid's breaks and grading along the square: the face-centre sum over
        // the Gaussian track is then exact to exp(-2 pi^2 sigma^2 / h^2), Poisson summation),
        // starting at the bottom-left corner's polar angle (-135 degrees).
        long total = 0;
        for (const Perimeter& q : p)
            total += (q.side == 0 || q.side == 2 ? b.ax.cells : b.az.cells)[static_cast<std::size_t>(q.cell)].cells;
        std::vector<double> phi;
        long sum = 0;
        for (const Perimeter& q : p) {
            phi.push_back(-0.75 * kPi + 2.0 * kPi * static_cast<double>(sum) / static_cast<double>(total));
            sum += (q.side == 0 || q.side == 2 ? b.ax.cells : b.az.cells)[static_cast<std::size_t>(q.cell)].cells;
        }
        b.angle.push_back(phi);
        b.perimeter.push_back(p);
    }
    const auto gridPt = [](int i, int k) { return Point2{0, 0, i, k}; };

    for (std::size_t j = 0; j < NY; ++j) {
        // The grid blocks outside the squares: x1 = +z, x2 = +x, x3 = +y.
        for (std::size_t k = 0; k < NZ; ++k)
            for (std::size_t i = 0; i < NX; ++i) {
                if (b.tubeOf[i + NX * k] >= 0) continue;
                const int I = static_cast<int>(i), K = static_cast<int>(k);
                const auto v =
                    b.hex({gridPt(I, K), gridPt(I, K + 1), gridPt(I + 1, K + 1), gridPt(I + 1, K)}, j,
                          b.az.cells[k].cells, b.ax.cells[i].cells, b.az.cells[k].grading, b.ax.cells[i].grading);
                if (k == 0) {
                    const double xm = 0.5 * (b.ax.breaks[i] + b.ax.breaks[i + 1]);
                    const double ym = 0.5 * (b.ay.breaks[j] + b.ay.breaks[j + 1]);
                    b.addFace(c.substrate.contains(xm, ym) ? c.substrate.patch : c.wallPatch, v, 0);
                }
                if (k + 1 == NZ) b.addFace(c.shieldPatch, v, 1);
                if (i == 0) b.addFace(c.wallPatch, v, 2);
                if (i + 1 == NX) b.addFace(c.wallPatch, v, 3);
                b.yEnds(v, j);
            }
        // Each tube's O-grid.
        for (std::size_t t = 0; t < c.tubes.size(); ++t) {
            const FoamTube& tube = c.tubes[t];
            const std::vector<Perimeter>& per = b.perimeter[t];
            const bool solid = b.insideTube(tube, j);
            const int T = static_cast<int>(t), P = static_cast<int>(per.size());
            const auto [i0, i1, k0, k1] = b.box[t];
            (void)i1;
            (void)k1;
            const double a = tube.squareHalfM, R = tube.radiusM;
            const long nOuter = std::max(2L, static_cast<long>(std::ceil((a - R) / squareCell - 1e-9)));
            const long nInner = std::max(2L, static_cast<long>(std::ceil((1.0 - kCore) * R / squareCell - 1e-9)));
            for (int p = 0; p < P; ++p) {
                const Perimeter& q = per[static_cast<std::size_t>(p)];
                const int pn = (p + 1) % P;
                const Perimeter& qn = per[static_cast<std::size_t>(pn)];
                const Point2 S0 = gridPt(q.i, q.k), S1 = gridPt(qn.i, qn.k);
                const Point2 C0{1, T, p, 0}, C1{1, T, pn, 0};
                const Point2 Q0{2, T, q.i - i0, q.k - k0}, Q1{2, T, qn.i - i0, qn.k - k0};
                const bool alongX = q.side == 0 || q.side == 2;
                const RingCells& tc = alongX ? b.ax.cells[static_cast<std::size_t>(q.cell)]
                                             : b.az.cells[static_cast<std::size_t>(q.cell)];
                std::array<Point2, 4> outer, inner;
                int arcFaceOuter = 2;  // the outer ring block's face on the circle (x2-min or x2-max)
                switch (q.side) {
                    case 0:
                        outer = {C0, C1, S1, S0};
                        inner = {Q0, Q1, C1, C0};
                        arcFaceOuter = 2;
                        break;
                    case 1:
                        outer = {C0, C1, S1, S0};
                        inner = {Q0, Q1, C1, C0};
                        arcFaceOuter = 2;
                        break;
                    case 2:
                        outer = {S1, S0, C0, C1};
                        inner = {C1, C0, Q0, Q1};
                        arcFaceOuter = 3;
                        break;
                    default:
                        outer = {S1, S0, C0, C1};
                        inner = {C1, C0, Q0, Q1};
                        arcFaceOuter = 3;
                        break;
                }
                // The arc on x1 edge 0-1 (outer ring: bottom, right; inner ring: top, left) or 3-2.
                const int outerArc = q.side == 0 || q.side == 1 ? 0 : 1;
                const auto vo = b.hex(outer, j, tc.cells, nOuter, tc.grading, "1", outerArc);
                const long c0a = b.id(C0, j), c1a = b.id(C1, j), c0b = b.id(C0, j + 1), c1b = b.id(C1, j + 1);
                b.arc(c0a, c1a, tube);
                b.arc(c0b, c1b, tube);
                b.yEnds(vo, j);
                if (solid) {
                    b.addFace(tube.patch, vo, arcFaceOuter);
                    continue;
                }
                const auto vi = b.hex(inner, j, tc.cells, nInner, tc.grading, "1", 1 - outerArc);
                b.yEnds(vi, j);
                // End caps: the inner ring's and the core's faces on a tube end.
                if (j > 0 && b.insideTube(tube, j - 1)) b.addFace(tube.patch, vi, 4);
                if (j + 1 < NY && b.insideTube(tube, j + 1)) b.addFace(tube.patch, vi, 5);
            }
            if (solid) continue;
            // The core: the square's grid scaled by kCore R / a (x1 = +z, x2 = +x).
            for (int k = k0; k < k1; ++k)
                for (int i = i0; i < i1; ++i) {
                    const int ci = i - i0, ck = k - k0;
                    const auto v = b.hex({Point2{2, T, ci, ck}, Point2{2, T, ci, ck + 1}, Point2{2, T, ci + 1, ck + 1},
                                          Point2{2, T, ci + 1, ck}},
                                         j, b.az.cells[static_cast<std::size_t>(k)].cells,
                                         b.ax.cells[static_cast<std::size_t>(i)].cells,
                                         b.az.cells[static_cast<std::size_t>(k)].grading,
                                         b.ax.cells[static_cast<std::size_t>(i)].grading);
                    b.yEnds(v, j);
                    if (j > 0 && b.insideTube(tube, j - 1)) b.addFace(tube.patch, v, 4);
                    if (j + 1 < NY && b.insideTube(tube, j + 1)) b.addFace(tube.patch, v, 5);
                }
        }
    }
    cellCount = b.count;

    std::ostringstream o;
    o << "FoamFile { version 2.0; format ascii; class dictionary; object blockMeshDict; }\n\n"
      << "// Rotary line: a box chamber with each tube cut out as an O-grid (square half-side ";
    for (std::size_t t = 0; t < c.tubes.size(); ++t)
        o << (t ? ", " : "") << foamNumber(c.tubes[t].squareHalfM / c.tubes[t].radiusM) << " R";
    o << "); " << cellCount << " cells, " << foamNumber(c.tubeCellM) << " m faces on the tubes, "
      << foamNumber(c.edgeCellM) << " m at the quality edges"
      << (c.symmetryY ? "; half chamber, symmetry plane y = " + foamNumber(c.y0) : std::string())
      << ".\nconvertToMeters 1;\n\nvertices\n(\n";
    for (const std::string& v : b.vertices) o << "    " << v << "\n";
    o << ");\n\nblocks\n(\n" << b.blocks.str() << ");\n\nedges\n(\n" << b.edges.str() << ");\n\nboundary\n(\n";
    std::vector<std::string> order;
    for (const FoamTube& t : c.tubes) order.push_back(t.patch);
    order.insert(order.end(), {c.substrate.patch, c.shieldPatch, c.wallPatch, c.symmetryPatch});
    for (const std::string& name : order) {
        const auto it =
            std::find_if(b.patches.begin(), b.patches.end(), [&](const auto& p) { return p.first == name; });
        if (it == b.patches.end()) {
            if (name == c.symmetryPatch && !c.symmetryY) continue;
            throw std::invalid_argument("rotaryBlockMeshDict: patch " + name + " has no faces");
        }
        o << "    " << name << "\n    {\n        type " << (name == c.symmetryPatch ? "symmetryPlane" : "wall")
          << ";\n        faces\n        (\n";
        for (const std::string& f : it->second) o << "            " << f << "\n";
        o << "        );\n    }\n";
    }
    o << ");\n\nmergePatchPairs\n(\n);\n";
    return o.str();
}

}  // namespace magtwin
