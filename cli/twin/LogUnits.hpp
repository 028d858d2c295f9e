// LogUnits: the units a tool writes into its log columns, per logged quantity, and their
// conversion to SI (si = scale * logged + offset). Exact definitions: 1 A (angstrom) =
// 1e-10 m; 1 sccm = 1e-6 m^3/min at standard conditions = 1e-6/60 m^3/s (standard volume
// flow); degC = K - 273.15; 1 g/cm^3 = 1000 kg/m^3; the rest via config/Units.hpp.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace magtwin {

enum class LogQuantity {
    Power,
    Voltage,
    Current,
    Pressure,
    Flow,
    Temperature,
    Rate,
    Thickness,
    Density,
    Frequency,
    Time,
    Energy,
    Angle,
    Length,
    Fraction,
    Flag,
    Number
};

struct LogUnit {
    double scale = 1.0, offset = 0.0;
    std::string siUnit;
};

/// nullopt when `unit` is not a unit of `q`; "" is valid only for Flag, Number, Fraction.
std::optional<LogUnit> logUnit(LogQuantity q, const std::string& unit);
std::vector<std::string> logUnitNames(LogQuantity q);
std::string logQuantityName(LogQuantity q);

}  // namespace magtwin
