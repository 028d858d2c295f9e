// LineOfSight: collisionless (ballistic) flux from emitting surface elements to a
// receiving one, for a cosine (Knudsen) emission law p(theta) = cos(theta) / pi per sr
// (the textbook emission of sputtered atoms well above threshold; e.g. Ohring,
// Materials Science of Thin Films, 2nd ed., 2002, sec. 5.2.2):
//
//   3-D:  Phi = sum_e N_e cos(theta_e) cos(theta_r) / (pi R^2)
//   2-D:  Phi = sum_e N'_e cos(a_e) cos(a_r) / (2 r)      (infinite strips: the 3-D
//         kernel integrated along the strip, int dz / (r^2 + z^2)^2 = pi / (2 r^3))
//
// N_e atoms/s (N'_e per metre of strip), angles from the emitter's and receiver's normals
// (both into the gas), R (r) the distance (in the plane). Pairs not facing each other
// contribute nothing; no shadowing (valid when nothing stands between target and
// substrate). Plain C++, no OpenFOAM: the plugin's filmDeposition gathers the elements.
#pragma once

#include <array>
#include <vector>

namespace magtwin {
namespace foam {

using Vec3 = std::array<double, 3>;

struct EmittingElement {
    Vec3 centre{};
    Vec3 normal{};      ///< unit, into the gas
    double rate = 0.0;  ///< atoms/s (3-D) or atoms/s per metre of strip (2-D)
};

/// Flux (atoms m^-2 s^-1) at a receiving point with unit normal `normal` (into the gas).
/// `planar2D`: the mesh is 2-D with `emptyDirection` the strips' axis (unit vector).
double lineOfSightFlux(const std::vector<EmittingElement>& emitters, const Vec3& point,
                       const Vec3& normal, bool planar2D, const Vec3& emptyDirection);

}  // namespace foam
}  // namespace magtwin
