#include "solvers/chamber/CathodeSpec.hpp"

#include <cmath>

namespace magtwin {

double dischargePowerW(const DischargeSpec& d) {
    if (d.powerW) return *d.powerW;
    return d.currentA ? d.voltageV * *d.currentA : 0.0;
}

}  // namespace magtwin

namespace magtwin {

Eigen::Matrix3d orientationFacing(const Eigen::Vector3d& facing) {
    const Eigen::Vector3d down(0, 0, -1), f = facing.normalized();
    if (f == down) return Eigen::Matrix3d::Identity();
    if (f == -down) return Eigen::AngleAxisd(M_PI, Eigen::Vector3d::UnitX()).toRotationMatrix();
    return Eigen::Quaterniond::FromTwoVectors(down, f).toRotationMatrix();
}

Eigen::Matrix3d orientationTilt(int axis, double angleRad) {
    if (angleRad == 0.0) return Eigen::Matrix3d::Identity();
    return Eigen::AngleAxisd(angleRad, axis == 0 ? Eigen::Vector3d::UnitX() : Eigen::Vector3d::UnitY())
        .toRotationMatrix();
}

}  // namespace magtwin
