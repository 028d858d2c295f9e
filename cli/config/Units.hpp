// Units: parse "12 kW", "3370 mm", "0.4 Pa" into SI numbers, once, at the edge.
// A quantity is a number followed by a unit of the expected dimension; the factors are
// exact SI definitions (1 in = 25.4 mm, 1 Torr = 101325/760 Pa, 1 kWh = 3.6e6 J).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace magtwin {

/// Speed is a scan speed ("10 mm/s"); Fraction is dimensionless and may be written bare
/// (0.03) or in percent ("3 %"); Temperature is in kelvin.
enum class Dimension {
    Length,
    Power,
    Voltage,
    Current,
    Pressure,
    Energy,
    Time,
    Angle,
    Speed,
    Fraction,
    Temperature,
    Density
};

/// "length", "power", ...; for messages.
std::string dimensionName(Dimension d);
/// The units accepted for `d`, e.g. {"m", "mm", "cm", "um", "in"}.
std::vector<std::string> unitsOf(Dimension d);
/// SI factor of `unit` for `d`, or nullopt when the unit is not one of unitsOf(d).
std::optional<double> unitFactor(Dimension d, const std::string& unit);
/// True when a bare number is a valid value of `d` (Fraction: 0.03 means 3 %).
bool unitOptional(Dimension d);
/// An example quantity for messages ("16 mm", "12 kW").
std::string exampleQuantity(Dimension d);

struct ParsedQuantity {
    double value = 0.0;  ///< as written
    std::string unit;    ///< empty when none was written
};
/// Splits "12.5 kW" / "12.5kW" / "12.5" into number and unit; nullopt if no leading number.
std::optional<ParsedQuantity> splitQuantity(const std::string& text);

}  // namespace magtwin
