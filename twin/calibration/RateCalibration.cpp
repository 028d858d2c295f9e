#include "twin/calibration/RateCalibration.hpp"

#include "boundary/racetrack/IonSupply.hpp"
#include "boundary/util/Csv.hpp"
#include "boundary/util/PhysicalConstants.hpp"
#include "boundary/yield/SputterYield.hpp"

#include <cmath>
#include <map>
#include <stdexcept>

namespace magtwin {

namespace {
constexpr double kAmuInNg = kAtomicMassUnitKg * 1e12;  // ng per u
}

double RatePressureFit::equivalentThrowCm() const { return std::sqrt(1.0 / (M_PI * transferFactorPerCm2)); }

double RateCalibration::predicted(const MeasuredRatePoint& p) const {
    for (const auto& f : fits)
        if (f.pressureMTorr == p.pressureMTorr) return f.transferFactorPerCm2 * p.modelAtomsPerSecond * atomMassNg;
    throw std::out_of_range("no fit for the pressure of line " + std::to_string(p.line));
}

std::vector<MeasuredRatePoint> readPowerPressureGrid(const std::string& path, const Element& ion, const Element& target,
                                                     const RateDataFilter& filter) {
    const CsvTable csv = CsvTable::readFile(path);
    const SputterYield yield("auto", "none", ion, target);
    std::vector<MeasuredRatePoint> out;
    for (std::size_t r = 0; r < csv.rowCount(); ++r) {
        MeasuredRatePoint p;
        p.line = csv.lineNumber(r);
        p.powerW = csv.number(r, "source_1_set_power_[W]");
        p.pressureMTorr = csv.number(r, "set_pressure_[mTorr]");
        p.voltageV = csv.number(r, "source_1_voltage_[V]_mean");
        const bool synthetic = csv.number(r, "synthetic") != 0.0;
        if ((filter.measuredRowsOnly && synthetic) || p.powerW < filter.minPowerW || p.voltageV < filter.minVoltageV ||
            p.pressureMTorr < filter.minPressureMTorr)
            continue;
        p.measuredNgPerCm2s = (csv.number(r, "qcm_1_mass_rate_[ng/cm2s]") + csv.number(r, "qcm_2_mass_rate_[ng/cm2s]") +
                               csv.number(r, "qcm_3_mass_rate_[ng/cm2s]")) /
                              3.0;
        DischargeOperatingPoint op;
        op.powerW = p.powerW;
        op.voltageV = p.voltageV;
        const IonSupply supply = ionSupplyFrom(op, ion, target);
        p.modelAtomsPerSecond = supply.ionsPerSecond * yield.yield(supply.ionEnergyEv);
        out.push_back(p);
    }
    return out;
}

RateCalibration calibrateTransferFactor(std::vector<MeasuredRatePoint> points, const Element& target) {
    RateCalibration cal;
    cal.atomMassNg = target.massAmu * kAmuInNg;
    std::map<double, std::vector<const MeasuredRatePoint*>> byPressure;
    for (const auto& p : points) byPressure[p.pressureMTorr].push_back(&p);
    for (const auto& [pressure, group] : byPressure) {
        double mm = 0.0, mq = 0.0, mean = 0.0;
        for (const auto* p : group) {
            const double m = p->modelAtomsPerSecond * cal.atomMassNg;
            mm += m * m;
            mq += m * p->measuredNgPerCm2s;
            mean += p->measuredNgPerCm2s / group.size();
        }
        RatePressureFit fit;
        fit.pressureMTorr = pressure;
        fit.points = group.size();
        fit.transferFactorPerCm2 = mm > 0.0 ? mq / mm : 0.0;
        double res = 0.0, tot = 0.0;
        for (const auto* p : group) {
            const double pred = fit.transferFactorPerCm2 * p->modelAtomsPerSecond * cal.atomMassNg;
            res += std::pow(p->measuredNgPerCm2s - pred, 2);
            tot += std::pow(p->measuredNgPerCm2s - mean, 2);
        }
        fit.r2 = tot > 0.0 ? 1.0 - res / tot : 0.0;
        cal.fits.push_back(fit);
    }
    cal.points = std::move(points);
    return cal;
}

}  // namespace magtwin
