#include "boundary/racetrack/RfDischarge.hpp"

#include "boundary/util/PhysicalConstants.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace magtwin {
namespace {

/// Electron mass (kg), CODATA 2018.
constexpr double kElectronMassKg = 9.1093837015e-31;

void requireArgon(const Element& gas) {
    if (gas.symbol != "Ar")
        throw std::invalid_argument("no RF energy-loss data for " + gas.symbol +
                                    ": the RF discharge model has argon's rate coefficients only "
                                    "(Lieberman & Lichtenberg Table 3.3); give the supply a DC-equivalent setup");
}

}  // namespace

double collisionalEnergyLossEv(const Element& gas, double te) {
    requireArgon(gas);
    if (!(te >= 1.0 && te <= 10.0))
        throw std::invalid_argument("RF discharge: electron temperature " + std::to_string(te) +
                                    " V is outside the 1-10 V range of the rate fits");
    const double lnT = std::log(te);
    const double kIz = 2.34e-14 * std::pow(te, 0.59) * std::exp(-17.44 / te);
    const double kEx = 2.48e-14 * std::pow(te, 0.33) * std::exp(-12.78 / te);
    const double kEl = 2.336e-14 * std::pow(te, 1.609) * std::exp(0.0618 * lnT * lnT - 0.1171 * lnT * lnT * lnT);
    const double massRatio = kElectronMassKg / (gas.massAmu * kAtomicMassUnitKg);
    return 15.76 + kEx / kIz * 12.14 + kEl / kIz * 3.0 * massRatio * te;
}

double wallPlasmaPotentialV(const Element& gas, double te) {
    const double m = gas.massAmu * kAtomicMassUnitKg;
    return te * (0.5 + 0.5 * std::log(m / (2.0 * kPi * kElectronMassKg)));
}

RfIonSupply rfIonSupply(const RfDischargeSettings& s, double deliveredW, double dcBiasV, const Element& gas) {
    if (!(deliveredW > 0.0)) throw std::invalid_argument("RF discharge: delivered power must be > 0 W");
    if (!(dcBiasV >= 0.0)) throw std::invalid_argument("RF discharge: |DC self-bias| must be >= 0 V");
    for (double eta : {s.matchEfficiency, s.cableEfficiency})
        if (!(eta > 0.0 && eta <= 1.0)) throw std::invalid_argument("RF discharge: efficiencies must be in (0, 1]");
    RfIonSupply out;
    out.deliveredW = deliveredW;
    out.absorbedW = s.matchEfficiency * s.cableEfficiency * deliveredW;
    const double te = s.electronTemperatureV;
    out.collisionalLossEv = collisionalEnergyLossEv(gas, te);
    out.plasmaPotentialV = s.plasmaPotentialV ? *s.plasmaPotentialV : wallPlasmaPotentialV(gas, te);
    out.ionEnergyEv = dcBiasV + out.plasmaPotentialV;
    out.energyPerPairEv = out.collisionalLossEv + 2.0 * te + out.ionEnergyEv;
    out.ionCurrentA = out.absorbedW / out.energyPerPairEv;  // e P / (e E_T): A = W / V
    out.ionsPerSecond = out.ionCurrentA / kElementaryCharge;
    return out;
}

}  // namespace magtwin
