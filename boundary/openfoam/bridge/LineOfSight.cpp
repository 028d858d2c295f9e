#include "bridge/LineOfSight.hpp"

#include <cmath>

namespace magtwin {
namespace foam {

namespace {
constexpr double kPi = 3.14159265358979323846;
double dot(const Vec3& a, const Vec3& b) { return a[0] * b[0] + a[1] * b[1] + a[2] * b[2]; }
}  // namespace

double lineOfSightFlux(const std::vector<EmittingElement>& emitters, const Vec3& point,
                       const Vec3& normal, bool planar2D, const Vec3& emptyDirection) {
    double flux = 0.0;
    for (const EmittingElement& e : emitters) {
        Vec3 d{point[0] - e.centre[0], point[1] - e.centre[1], point[2] - e.centre[2]};
        if (planar2D) {  // distances and angles in the plane normal to the strips
            const double along = dot(d, emptyDirection);
            for (int i = 0; i < 3; ++i) d[i] -= along * emptyDirection[i];
        }
        const double dist2 = dot(d, d);
        if (dist2 <= 0.0) continue;
        const double dist = std::sqrt(dist2);
        const double cosEmit = dot(e.normal, d) / dist;   // leaving the emitter
        const double cosRecv = -dot(normal, d) / dist;    // arriving at the receiver
        if (cosEmit <= 0.0 || cosRecv <= 0.0) continue;
        flux += planar2D ? e.rate * cosEmit * cosRecv / (2.0 * dist)
                         : e.rate * cosEmit * cosRecv / (kPi * dist2);
    }
    return flux;
}

}  // namespace foam
}  // namespace magtwin
