// OccluderBvh: "does anything stand between these two points?" for the ballistic flux with
// shadowing (LineOfSight.hpp). The occluding surfaces (shields, other targets, fixtures) are
// triangles in a bounding volume hierarchy: axis-aligned boxes split at the median of the
// triangle centroids along the box's longest axis, at most kLeafSize triangles per leaf
// (Pharr, Jakob & Humphreys, Physically Based Rendering, 3rd ed. 2016, sec. 4.3, the
// "equal counts" split). A segment is tested against a box with the slab method (Kay &
// Kajiya, SIGGRAPH 1986) and against a triangle with the Moller-Trumbore test (Moller &
// Trumbore, J. Graphics Tools 2(1) (1997) 21-28, doi:10.1080/10867651.1997.10487468).
// A query costs O(log T) box tests for T triangles instead of T triangle tests.
//
// Blocked means a triangle crosses the open segment A + t (B - A), t in (eps, 1 - eps),
// eps = 1e-9: the faces the segment starts and ends on (the emitting target face, the
// receiving substrate face) never block it, however they are listed. A hit exactly on a
// shared edge of two triangles may count on either; the flux it decides is one element's
// share at a shadow edge, inside the discretisation error of the face-centre sum.
// Deterministic: the answer does not depend on the order the triangles were given in.
// Plain C++, no OpenFOAM.
#pragma once

#include <array>
#include <cstddef>
#include <vector>

namespace magtwin {
namespace foam {

using Vec3 = std::array<double, 3>;

struct Triangle {
    Vec3 a{}, b{}, c{};
};

class OccluderBvh {
public:
    explicit OccluderBvh(std::vector<Triangle> triangles);

    /// True when a triangle crosses the open segment from `from` to `to` (see above).
    bool blocked(const Vec3& from, const Vec3& to) const;

    std::size_t size() const { return triangles_.size(); }

private:
    struct Node {
        Vec3 lo{}, hi{};
        std::size_t first = 0, count = 0;  ///< leaf: triangles [first, first + count)
        std::size_t left = 0, right = 0;   ///< inner node (count == 0): children
    };
    std::size_t build(std::size_t first, std::size_t count);

    std::vector<Triangle> triangles_;
    std::vector<Node> nodes_;
};

}  // namespace foam
}  // namespace magtwin
