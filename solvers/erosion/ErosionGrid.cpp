#include "solvers/erosion/ErosionGrid.hpp"
#include "boundary/util/PhysicalConstants.hpp"

#include <algorithm>
#include <cmath>
#include <stdexcept>

namespace magtwin {

namespace {
std::size_t cellsFor(double extent, double spacing) {
    return std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(extent / spacing)));
}
}  // namespace

ErosionGrid::ErosionGrid(const TargetGeometry& target, double spacingM, int angularCells, const Eigen::Vector3d& origin)
    : target_(target), origin_(origin) {
    if (!(spacingM > 0.0)) throw std::invalid_argument("erosion grid spacing must be positive");
    switch (target.kind) {
        case CathodeKind::PlanarRect:
            nu_ = cellsFor(target.lengthM, spacingM);
            nv_ = cellsFor(target.widthM, spacingM);
            du_ = target.lengthM / nu_;
            dv_ = target.widthM / nv_;
            u0_ = -0.5 * target.lengthM;
            v0_ = -0.5 * target.widthM;
            break;
        case CathodeKind::PlanarCircular:
            nu_ = nv_ = cellsFor(2.0 * target.radiusM, spacingM);
            du_ = dv_ = 2.0 * target.radiusM / nu_;
            u0_ = v0_ = -target.radiusM;
            break;
        case CathodeKind::Rotary:
            if (angularCells < 1) throw std::invalid_argument("rotary angular cells must be >= 1");
            nu_ = cellsFor(target.lengthM, spacingM);
            nv_ = static_cast<std::size_t>(angularCells);
            du_ = target.lengthM / nu_;
            dv_ = 2.0 * kPi / nv_;
            u0_ = -0.5 * target.lengthM;
            v0_ = -kPi;
            break;
    }
    inside_.assign(size(), 1);
    if (target.kind == CathodeKind::PlanarCircular)
        for (std::size_t j = 0; j < nv_; ++j)
            for (std::size_t i = 0; i < nu_; ++i)
                inside_[index(i, j)] = std::hypot(u(i), v(j)) <= target.radiusM ? 1 : 0;
}

Eigen::Vector2d ErosionGrid::cathodePoint(std::size_t i, std::size_t j) const {
    if (target_.kind == CathodeKind::Rotary) return {u(i), target_.radiusM * v(j)};
    return {u(i), v(j)};
}

double ErosionGrid::cellArea() const {
    return target_.kind == CathodeKind::Rotary ? du_ * dv_ * target_.radiusM : du_ * dv_;
}

double ErosionGrid::depthFromRemovedVolume(double V) const {
    if (target_.kind != CathodeKind::Rotary) return V;
    const double R = target_.radiusM;
    return R - std::sqrt(std::max(0.0, R * R - 2.0 * R * V));
}

double ErosionGrid::removedVolumeFromDepth(double d) const {
    if (target_.kind != CathodeKind::Rotary) return d;
    const double R = target_.radiusM;
    return (R * R - (R - d) * (R - d)) / (2.0 * R);
}

double ErosionGrid::spacingV(double depthM) const {
    return target_.kind == CathodeKind::Rotary ? (target_.radiusM - depthM) * dv_ : dv_;
}

double ErosionGrid::targetVolume() const {
    const double T = target_.thicknessM;
    switch (target_.kind) {
        case CathodeKind::PlanarRect:
            return target_.lengthM * target_.widthM * T;
        case CathodeKind::PlanarCircular:
            return kPi * target_.radiusM * target_.radiusM * T;
        case CathodeKind::Rotary: {
            const double R = target_.radiusM;
            return kPi * (R * R - (R - T) * (R - T)) * target_.lengthM;
        }
    }
    return 0.0;
}

Eigen::Vector3d ErosionGrid::surfacePoint(std::size_t i, std::size_t j, double d) const {
    if (target_.kind == CathodeKind::Rotary) {
        const double rho = target_.radiusM - d;
        const double phi = v(j);
        return origin_ + Eigen::Vector3d(u(i), rho * std::sin(phi), -rho * std::cos(phi));
    }
    return origin_ + Eigen::Vector3d(u(i), v(j), d);
}

Eigen::Vector3d ErosionGrid::surfaceNormal(std::size_t, std::size_t j, double, double gu, double gv) const {
    if (target_.kind == CathodeKind::Rotary) {
        // Material at rho < R - d(x, phi): outward normal ~ e_rho + d_x e_x + (d_arc) e_phi.
        const double phi = v(j);
        const Eigen::Vector3d eRho(0.0, std::sin(phi), -std::cos(phi));
        const Eigen::Vector3d ePhi(0.0, std::cos(phi), std::sin(phi));
        return (eRho + gu * Eigen::Vector3d::UnitX() + gv * ePhi).normalized();
    }
    // Material above z = d(x, y): outward (toward the substrate) normal ~ (d_x, d_y, -1).
    return Eigen::Vector3d(gu, gv, -1.0).normalized();
}

}  // namespace magtwin
