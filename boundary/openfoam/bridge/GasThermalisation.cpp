#include "boundary/openfoam/bridge/GasThermalisation.hpp"

#include "solvers/deposition/EmissionAngularDistribution.hpp"
#include "solvers/deposition/GasAttenuationModel.hpp"

#include <cmath>
#include <stdexcept>
#include <string>

namespace magtwin {
namespace foam {

namespace {

GasAttenuation coreModel(double n, double sigma, double eta, double column) {
    GasAttenuation g;
    g.numberDensityPerM3 = n;
    g.sigmaEffM2 = sigma;
    g.scatteredDeposited = eta;
    g.thermalisationColumnPerM2 = column;
    return g;
}

void require(bool ok, const std::string& entry, double value, const std::string& expected) {
    if (!ok)
        throw std::invalid_argument("Entry '" + entry + "' = " + std::to_string(value) + ": expected " + expected);
}

}  // namespace

GasThermalisation::GasThermalisation(double pressurePa, double temperatureK, double sigmaEffM2,
                                     double scatteredDeposited, double thermalisationColumnPerM2,
                                     const std::string& distribution, double cosExponent) {
    require(std::isfinite(pressurePa) && pressurePa >= 0, "gasPressure", pressurePa, ">= 0 Pa");
    require(std::isfinite(temperatureK) && temperatureK > 0, "gasTemperature", temperatureK, "> 0 K");
    require(std::isfinite(sigmaEffM2) && sigmaEffM2 >= 0, "sigmaEff", sigmaEffM2, ">= 0 m^2");
    require(scatteredDeposited >= 0 && scatteredDeposited <= 1, "scatteredDeposited", scatteredDeposited,
            "a value in [0, 1]");
    require(std::isfinite(thermalisationColumnPerM2) && thermalisationColumnPerM2 >= 0, "thermalisationColumn",
            thermalisationColumnPerM2, ">= 0 m^-2");
    numberDensity_ = GasAttenuation::numberDensity(pressurePa, temperatureK);
    sigmaEff_ = sigmaEffM2;
    eta_ = scatteredDeposited;
    column_ = thermalisationColumnPerM2;
    AngularDistributionParams params;
    params.cosExponent = cosExponent;
    try {
        angular_ = makeAngularDistribution(distribution, params);
    } catch (const std::exception& e) {
        throw std::invalid_argument(std::string("Entry 'emissionDistribution': ") + e.what());
    }
}

double GasThermalisation::viewWeight(double cosEmit, double cosReceive, double areaM2, double r) const {
    if (!(cosEmit > 0) || !(cosReceive > 0) || !(r > 0)) return 0.0;
    return angular_->perSteradian(cosEmit) * cosReceive * areaM2 / (r * r);
}

double GasThermalisation::transmission(double r) const {
    return std::exp(-numberDensity_ * sigmaEff_ * r);
}

double GasThermalisation::thermalisedFractionOf(double meanTransmission) const {
    if (numberDensity_ <= 0 || column_ <= 0) return 0.0;  // as GasAttenuation: no diffusive part
    return (1 - eta_) * (1 - meanTransmission);
}

double GasThermalisation::thermalisedFraction(double h) const {
    if (!(h > 0)) return 0.0;
    return coreModel(numberDensity_, sigmaEff_, eta_, column_).thermalisedFraction(h);
}

double GasThermalisation::thermalisationDistance(double h) const {
    if (!(h > 0) || numberDensity_ <= 0) return 0.0;
    return h - coreModel(numberDensity_, sigmaEff_, eta_, column_).thermalisationHeight(h);
}

}  // namespace foam
}  // namespace magtwin
