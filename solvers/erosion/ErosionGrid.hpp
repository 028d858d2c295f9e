// ErosionGrid: the 2-D map on which the eroded depth of a target is evolved.
//
//  - planar-rect:     cells over the face, u = x (length), v = y (width).
//  - planar-circular: a square grid over the disc; cells whose centre lies outside the
//                     target radius are inactive (depth 0, no flux).
//  - rotary:          u = x (axial), v = phi (tube angle, periodic); the state is the
//                     rotation average, so without a yield-multiplier map every angular
//                     column is the same (the solver then may use a single column and
//                     expand it for output, see ErosionSettings::rotaryAngularCells).
// Cell-centred; cell (i, j) at index i + nu * j, as in GridSurface.
// Placement in the chamber frame (z up from the substrate toward the cathode): planar
// face centre at `origin`, face toward -z, eroded surface at z = origin.z + d;
// rotary axis along x through `origin`, phi = 0 faces the substrate (-z).
#pragma once

#include "boundary/racetrack/RacetrackFlux.hpp"

#include <Eigen/Core>

#include <cstddef>
#include <vector>

namespace magtwin {

class ErosionGrid {
public:
    /// `spacingM`: cell size along u (and v for planar); `angularCells` (rotary): cells
    /// around the tube, >= 1.
    ErosionGrid(const TargetGeometry& target, double spacingM, int angularCells, const Eigen::Vector3d& origin);

    CathodeKind kind() const { return target_.kind; }
    const TargetGeometry& target() const { return target_; }
    std::size_t nu() const { return nu_; }
    std::size_t nv() const { return nv_; }
    std::size_t size() const { return nu_ * nv_; }
    std::size_t index(std::size_t i, std::size_t j) const { return i + nu_ * j; }
    double du() const { return du_; }
    double dv() const { return dv_; }  ///< metres (planar) or radians (rotary)
    bool periodicV() const { return target_.kind == CathodeKind::Rotary; }
    bool inside(std::size_t c) const { return inside_[c] != 0; }

    double u(std::size_t i) const { return u0_ + (i + 0.5) * du_; }
    double v(std::size_t j) const { return v0_ + (j + 0.5) * dv_; }
    /// Cathode-frame point for the flux and the multiplier map: (x, y) planar; (x, R phi) rotary.
    Eigen::Vector2d cathodePoint(std::size_t i, std::size_t j) const;
    /// Area of a cell on the original (uneroded) face, m^2.
    double cellArea() const;
    /// Depth (m) from the volume removed per m^2 of original face (planar: equal; rotary:
    /// the annulus R^2 - (R-d)^2 = 2 R V).
    double depthFromRemovedVolume(double volumePerArea) const;
    double removedVolumeFromDepth(double depthM) const;
    /// Physical spacing (m) between v-neighbours at depth d (rotary: arc at radius R-d).
    double spacingV(double depthM) const;
    /// Volume of the new target (exact body, not the grid).
    double targetVolume() const;

    /// Chamber-frame point of the eroded surface and its outward unit normal, from the
    /// depth and its derivatives along u and along the v arc length.
    Eigen::Vector3d surfacePoint(std::size_t i, std::size_t j, double depthM) const;
    Eigen::Vector3d surfaceNormal(std::size_t i, std::size_t j, double depthM, double dDepthDu,
                                  double dDepthDvArc) const;

private:
    TargetGeometry target_;
    Eigen::Vector3d origin_;
    std::size_t nu_ = 0, nv_ = 0;
    double du_ = 0, dv_ = 0, u0_ = 0, v0_ = 0;
    std::vector<unsigned char> inside_;
};

}  // namespace magtwin
