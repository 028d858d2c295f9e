// ErosionRate: local recession speed of a sputtered target surface.
//
//   v = Gamma * Y(E, theta) * m / n        (m/s, along the original face normal)
//
// Gamma: ion flux through the original target face (ions m^-2 s^-1, RacetrackFlux);
// Y(E, theta) = Y_model(E) A(E, theta) (magtwin::SputterYield); m: optional local
// yield multiplier (grain size / texture map, 1 by default); n: atomic density of the
// target (Element::atomicDensityPerM3, atoms m^-3).
//
// Sheath assumption (fixes the ion direction): the cathode sheath (~0.1-1 mm) is thin
// compared with the groove width (centimetres) and the ions fall through it along the
// magnet-frame normal, i.e. along the ORIGINAL target face normal, without following
// the local groove wall. A surface element tilted by theta from the original face
// (tan theta = |grad d|, d the eroded depth) therefore receives the flux Gamma per unit
// projected area at incidence angle theta; the atoms it loses per unit projected area
// are Gamma Y(E, theta), so the depth grows at v above (no 1/cos theta factor: the
// projected-area bookkeeping already contains it). Energy E = e V for every ion.
//
// Y(E, theta) is tabulated once in theta (2049 nodes over [0, 90 deg], linear
// interpolation; the Yamamura factor is smooth there, the table error is < 1e-5 relative)
// because the front solver evaluates it millions of times per step.
#pragma once

#include "boundary/yield/SputterYield.hpp"

#include <vector>

namespace magtwin {

class ErosionRate {
public:
    ErosionRate(const SputterYield& yield, double ionEnergyEv, double atomicDensityPerM3);

    double ionEnergyEv() const { return energyEv_; }
    double atomicDensityPerM3() const { return density_; }
    /// Y(E, 0): normal-incidence yield at the ion energy.
    double normalYield() const { return table_.front(); }
    /// Y(E, theta) from the table; theta in [0, pi/2].
    double yieldAt(double thetaRad) const;
    /// Y(E, theta(slope)) with tan theta = slope >= 0.
    double yieldAtSlope(double slope) const;
    /// Atoms leaving per m^2 of original face per s.
    double sputteredFlux(double ionFlux, double thetaRad, double multiplier = 1.0) const {
        return ionFlux * yieldAt(thetaRad) * multiplier;
    }
    /// Recession speed (m/s) along the original face normal.
    double recessionSpeed(double ionFlux, double thetaRad, double multiplier = 1.0) const {
        return sputteredFlux(ionFlux, thetaRad, multiplier) / density_;
    }

private:
    double energyEv_;
    double density_;
    std::vector<double> table_;  ///< Y at theta_i = i * (pi/2) / (N-1)
};

}  // namespace magtwin
