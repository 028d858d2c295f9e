#include "boundary/openfoam/bridge/OccluderBvh.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace magtwin {
namespace foam {

namespace {

constexpr std::size_t kLeafSize = 4;
constexpr double kSegmentEps = 1e-9;  ///< open segment: t in (eps, 1 - eps)

Vec3 sub(const Vec3& a, const Vec3& b) { return {a[0] - b[0], a[1] - b[1], a[2] - b[2]}; }
Vec3 cross(const Vec3& a, const Vec3& b) {
    return {a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0]};
}
double dot(const Vec3& a, const Vec3& b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }

double centroid(const Triangle& t, int axis) { return (t.a[axis] + t.b[axis] + t.c[axis]) / 3.0; }

/// Moller-Trumbore: the segment parameter t of the hit, or -1 for none.
double segmentHit(const Triangle& tri, const Vec3& o, const Vec3& d) {
    const Vec3 e1 = sub(tri.b, tri.a), e2 = sub(tri.c, tri.a);
    const Vec3 p = cross(d, e2);
    const double det = dot(e1, p);
    // Parallel to the plane (or a degenerate triangle): a segment in the plane of a
    // zero-thickness occluder passes it edge-on.
    if (std::abs(det) <= 1e-300) return -1;
    const double inv = 1.0 / det;
    const Vec3 s = sub(o, tri.a);
    const double u = dot(s, p) * inv;
    if (u < 0 || u > 1) return -1;
    const Vec3 q = cross(s, e1);
    const double v = dot(d, q) * inv;
    if (v < 0 || u + v > 1) return -1;
    return dot(e2, q) * inv;
}

/// Slab test of the segment o + t d, t in [0, 1], against the box [lo, hi]. No division
/// by a zero component (OpenFOAM runs with floating-point exceptions trapped): an axis the
/// segment does not move along only asks whether o lies between the slabs.
bool segmentMeetsBox(const Vec3& o, const Vec3& d, const Vec3& lo, const Vec3& hi) {
    double t0 = 0, t1 = 1;
    for (int k = 0; k < 3; ++k) {
        if (d[k] == 0) {
            if (o[k] < lo[k] || o[k] > hi[k]) return false;
            continue;
        }
        double a = (lo[k] - o[k]) / d[k], b = (hi[k] - o[k]) / d[k];
        if (a > b) std::swap(a, b);
        t0 = std::max(t0, a);
        t1 = std::min(t1, b);
        if (t0 > t1) return false;
    }
    return true;
}

}  // namespace

OccluderBvh::OccluderBvh(std::vector<Triangle> triangles) : triangles_(std::move(triangles)) {
    if (!triangles_.empty()) {
        nodes_.reserve(2 * triangles_.size() / kLeafSize + 2);
        build(0, triangles_.size());
    }
}

std::size_t OccluderBvh::build(std::size_t first, std::size_t count) {
    const std::size_t index = nodes_.size();
    nodes_.emplace_back();
    Vec3 lo{std::numeric_limits<double>::max(), std::numeric_limits<double>::max(),
            std::numeric_limits<double>::max()};
    Vec3 hi{-lo[0], -lo[1], -lo[2]};
    for (std::size_t i = first; i < first + count; ++i)
        for (const Vec3* p : {&triangles_[i].a, &triangles_[i].b, &triangles_[i].c})
            for (int k = 0; k < 3; ++k) lo[k] = std::min(lo[k], (*p)[k]), hi[k] = std::max(hi[k], (*p)[k]);
    nodes_[index].lo = lo;
    nodes_[index].hi = hi;
    if (count <= kLeafSize) {
        nodes_[index].first = first;
        nodes_[index].count = count;
        return index;
    }
    int axis = 0;
    for (int k = 1; k < 3; ++k)
        if (hi[k] - lo[k] > hi[axis] - lo[axis]) axis = k;
    const std::size_t half = count / 2;
    const auto begin = triangles_.begin() + std::ptrdiff_t(first);
    std::nth_element(begin, begin + std::ptrdiff_t(half), begin + std::ptrdiff_t(count),
                     [axis](const Triangle& x, const Triangle& y) { return centroid(x, axis) < centroid(y, axis); });
    const std::size_t left = build(first, half);
    const std::size_t right = build(first + half, count - half);
    nodes_[index].left = left;
    nodes_[index].right = right;
    return index;
}

bool OccluderBvh::blocked(const Vec3& from, const Vec3& to) const {
    if (nodes_.empty()) return false;
    const Vec3 d = sub(to, from);
    std::size_t stack[128];
    std::size_t top = 0;
    stack[top++] = 0;
    while (top > 0) {
        const Node& node = nodes_[stack[--top]];
        if (!segmentMeetsBox(from, d, node.lo, node.hi)) continue;
        if (node.count > 0) {
            for (std::size_t i = node.first; i < node.first + node.count; ++i) {
                const double t = segmentHit(triangles_[i], from, d);
                if (t > kSegmentEps && t < 1 - kSegmentEps) return true;
            }
            continue;
        }
        stack[top++] = node.left;
        stack[top++] = node.right;
    }
    return false;
}

}  // namespace foam
}  // namespace magtwin
