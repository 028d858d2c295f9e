// RateCalibration: the twin's deposition-rate model against a tool's measured rates
// (QCM mass rate at fixed positions vs discharge power, voltage and pressure), and the
// one number a tool must supply that physics cannot: the geometric transfer factor.
//
//   predicted mass rate  R = G * (I_ion / e) * Y(e V) * m_atom
//   I_ion = (P / V) / (1 + gamma_SE)          (boundary/racetrack/IonSupply.hpp)
//   Y: the project's "auto" yield model at the measured voltage (normal incidence)
//
// G (cm^-2) is the fraction of the sputtered atoms that lands per cm^2 at the sensor. It
// depends on the throw, the emission distribution and gas scattering, none of which the
// public data give, so it is fitted per pressure through the origin (least squares). The
// check is the power dependence (R^2 of the proportional law at each pressure); G falling
// with pressure is the gas-scattering loss. For a cosine point source at height h with no
// gas, G = 1/(pi h^2): equivalentThrowCm() inverts that as a plausibility check.
#pragma once

#include "boundary/elements/Element.hpp"

#include <string>
#include <vector>

namespace magtwin {

struct MeasuredRatePoint {
    int line = 0;  ///< line in the data file
    double powerW = 0.0;
    double pressureMTorr = 0.0;
    double voltageV = 0.0;
    double measuredNgPerCm2s = 0.0;    ///< mean of the sensors
    double modelAtomsPerSecond = 0.0;  ///< (I_ion/e) Y(eV), before the transfer factor
};

struct RatePressureFit {
    double pressureMTorr = 0.0;
    std::size_t points = 0;
    double transferFactorPerCm2 = 0.0;  ///< fitted G
    double r2 = 0.0;                    ///< of measured vs G * model
    double equivalentThrowCm() const;   ///< sqrt(1 / (pi G))
};

struct RateCalibration {
    std::vector<MeasuredRatePoint> points;
    std::vector<RatePressureFit> fits;
    double atomMassNg = 0.0;
    /// Predicted mass rate of a point with its pressure's fitted G (ng cm^-2 s^-1).
    double predicted(const MeasuredRatePoint& p) const;
};

struct RateDataFilter {
    double minPowerW = 10.0;  ///< below, the discharge is not established
    double minVoltageV = 100.0;
    double minPressureMTorr = 7.0;  ///< at 1-4 mTorr the supply sits at its voltage limit
    bool measuredRowsOnly = true;   ///< drop rows marked synthetic = 1
};

/// Reads the Zr power x pressure grid format (jarlsanna/gps-for-magnetron-sputtering
/// Zr_grid.csv, arXiv:2506.05999): columns source_1_set_power_[W], set_pressure_[mTorr],
/// qcm_{1,2,3}_mass_rate_[ng/cm2s], source_1_voltage_[V]_mean, synthetic. Errors name the
/// file, line and column.
std::vector<MeasuredRatePoint> readPowerPressureGrid(const std::string& path, const Element& ion, const Element& target,
                                                     const RateDataFilter& filter = {});

/// Fits G per pressure (through the origin) and fills R^2.
RateCalibration calibrateTransferFactor(std::vector<MeasuredRatePoint> points, const Element& target);

}  // namespace magtwin
