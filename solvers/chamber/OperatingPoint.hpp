// OperatingPoint: the discharge a cathode runs at, from its DischargeSpec and target
// material, in one function used by the erosion engine (makeErosionEngine), the deposition
// sources (CathodeLayout: sputtered atoms per second), `erode`'s and `deposit`'s
// summary.json and `tool check --json`, so they all state and use the same numbers.
//
//   I      = P / V (or the given current), P = V I
//   I_ion  = I / (1 + gamma_SE),  ions/s = I_ion / e        (boundary/racetrack/IonSupply;
//            the steady state of a DC magnetron, Depla et al., Thin Solid Films 517 (2009) 2825)
//   E_ion  = e V (ions cross the full cathode sheath)
//   Y      = Y(E_ion, 0) of discharge.yield_model at normal incidence (boundary/yield)
//   atoms/s = ions/s x Y
// An RF-driven cathode takes ions/s and E_ion from the RF energy balance instead
// (boundary/racetrack/RfDischarge.hpp, docs/rf.md); the yield is the same.
#pragma once

#include "boundary/racetrack/IonSupply.hpp"
#include "boundary/racetrack/RfDischarge.hpp"
#include "solvers/chamber/CathodeSpec.hpp"

#include <string>

namespace magtwin {

struct OperatingPoint {
    std::string gas, material, yieldModel;
    double powerW = 0.0;
    double voltageV = 0.0;
    double dischargeCurrentA = 0.0;
    double gammaSE = 0.0;
    double ionCurrentA = 0.0;    ///< I / (1 + gamma_SE)
    double ionsPerSecond = 0.0;  ///< I_ion / e
    double ionEnergyEv = 0.0;
    double yieldAtomsPerIon = 0.0;  ///< at normal incidence
    double atomsPerSecond() const { return ionsPerSecond * yieldAtomsPerIon; }
};

/// The operating point of `discharge` on a `targetMaterial` target; throws
/// CathodeSpecError ("discharge" or "discharge.yield_model") for an impossible one.
OperatingPoint operatingPoint(const DischargeSpec& discharge, const Material& targetMaterial);
/// The same from the discharge balance already computed (IonSupply) and the yield model.
OperatingPoint operatingPoint(const IonSupply& supply, const DischargeSpec& discharge, const Material& targetMaterial);
/// An RF-driven cathode: the ion supply of the RF energy balance (boundary/racetrack/RfDischarge.hpp,
/// ions at e (V_dc + V_p), I_ion = e P_abs / E_T) instead of P / V; `discharge.voltageV` is |V_dc|.
OperatingPoint operatingPoint(const RfIonSupply& rf, const DischargeSpec& discharge, const Material& targetMaterial);

}  // namespace magtwin
