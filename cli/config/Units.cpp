#include "cli/config/Units.hpp"

#include <cctype>
#include <cstdlib>
#include <utility>

namespace magtwin {

namespace {

using UnitTable = std::vector<std::pair<std::string, double>>;

const UnitTable& table(Dimension d) {
    static const UnitTable length{{"m", 1.0}, {"mm", 1e-3}, {"cm", 1e-2}, {"um", 1e-6}, {"in", 0.0254}};
    static const UnitTable power{{"W", 1.0}, {"kW", 1e3}, {"MW", 1e6}};
    static const UnitTable voltage{{"V", 1.0}, {"kV", 1e3}};
    static const UnitTable current{{"A", 1.0}, {"mA", 1e-3}};
    static const UnitTable pressure{
        {"Pa", 1.0}, {"mbar", 100.0}, {"mTorr", 101325.0 / 760.0 * 1e-3}, {"Torr", 101325.0 / 760.0}};
    static const UnitTable energy{{"J", 1.0}, {"Wh", 3.6e3}, {"kWh", 3.6e6}, {"MWh", 3.6e9}};
    static const UnitTable time{{"s", 1.0}, {"min", 60.0}, {"h", 3600.0}};
    static const UnitTable angle{{"rad", 1.0}, {"deg", 3.14159265358979323846 / 180.0}};
    static const UnitTable speed{{"m/s", 1.0}, {"mm/s", 1e-3}, {"m/min", 1.0 / 60.0}, {"mm/min", 1e-3 / 60.0}};
    static const UnitTable fraction{{"%", 1e-2}};
    static const UnitTable temperature{{"K", 1.0}};
    static const UnitTable density{{"g/cm3", 1e3}, {"kg/m3", 1.0}};
    switch (d) {
        case Dimension::Length:
            return length;
        case Dimension::Power:
            return power;
        case Dimension::Voltage:
            return voltage;
        case Dimension::Current:
            return current;
        case Dimension::Pressure:
            return pressure;
        case Dimension::Energy:
            return energy;
        case Dimension::Time:
            return time;
        case Dimension::Angle:
            return angle;
        case Dimension::Speed:
            return speed;
        case Dimension::Fraction:
            return fraction;
        case Dimension::Temperature:
            return temperature;
        case Dimension::Density:
            return density;
    }
    return length;
}

}  // namespace

std::string dimensionName(Dimension d) {
    switch (d) {
        case Dimension::Length:
            return "length";
        case Dimension::Power:
            return "power";
        case Dimension::Voltage:
            return "voltage";
        case Dimension::Current:
            return "current";
        case Dimension::Pressure:
            return "pressure";
        case Dimension::Energy:
            return "energy";
        case Dimension::Time:
            return "time";
        case Dimension::Angle:
            return "angle";
        case Dimension::Speed:
            return "speed";
        case Dimension::Fraction:
            return "fraction";
        case Dimension::Temperature:
            return "temperature";
        case Dimension::Density:
            return "density";
    }
    return "?";
}

std::vector<std::string> unitsOf(Dimension d) {
    std::vector<std::string> out;
    for (const auto& u : table(d)) out.push_back(u.first);
    return out;
}

std::optional<double> unitFactor(Dimension d, const std::string& unit) {
    for (const auto& u : table(d))
        if (u.first == unit) return u.second;
    return std::nullopt;
}

bool unitOptional(Dimension d) { return d == Dimension::Fraction; }

std::string exampleQuantity(Dimension d) {
    switch (d) {
        case Dimension::Length:
            return "16 mm";
        case Dimension::Power:
            return "12 kW";
        case Dimension::Voltage:
            return "450 V";
        case Dimension::Current:
            return "30 A";
        case Dimension::Pressure:
            return "0.4 Pa";
        case Dimension::Energy:
            return "5000 kWh";
        case Dimension::Time:
            return "2 h";
        case Dimension::Angle:
            return "30 deg";
        case Dimension::Speed:
            return "10 mm/s";
        case Dimension::Fraction:
            return "3 %";
        case Dimension::Temperature:
            return "300 K";
        case Dimension::Density:
            return "7.14 g/cm3";
    }
    return "";
}

std::optional<ParsedQuantity> splitQuantity(const std::string& text) {
    const char* begin = text.c_str();
    char* end = nullptr;
    const double v = std::strtod(begin, &end);
    if (end == begin) return std::nullopt;
    std::string rest(end);
    while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.front()))) rest.erase(rest.begin());
    while (!rest.empty() && std::isspace(static_cast<unsigned char>(rest.back()))) rest.pop_back();
    return ParsedQuantity{v, rest};
}

}  // namespace magtwin
