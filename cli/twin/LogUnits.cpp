#include "cli/twin/LogUnits.hpp"

#include "cli/config/Units.hpp"

#include <utility>

namespace magtwin {

namespace {

using Table = std::vector<std::pair<std::string, LogUnit>>;

std::optional<Dimension> sharedDimension(LogQuantity q) {
    switch (q) {
        case LogQuantity::Power:
            return Dimension::Power;
        case LogQuantity::Voltage:
            return Dimension::Voltage;
        case LogQuantity::Current:
            return Dimension::Current;
        case LogQuantity::Pressure:
            return Dimension::Pressure;
        case LogQuantity::Time:
            return Dimension::Time;
        case LogQuantity::Energy:
            return Dimension::Energy;
        case LogQuantity::Angle:
            return Dimension::Angle;
        case LogQuantity::Length:
            return Dimension::Length;
        default:
            return std::nullopt;
    }
}

const char* siUnitOf(LogQuantity q) {
    switch (q) {
        case LogQuantity::Power:
            return "W";
        case LogQuantity::Voltage:
            return "V";
        case LogQuantity::Current:
            return "A";
        case LogQuantity::Pressure:
            return "Pa";
        case LogQuantity::Flow:
            return "m^3/s (standard)";
        case LogQuantity::Temperature:
            return "K";
        case LogQuantity::Rate:
            return "m/s";
        case LogQuantity::Thickness:
        case LogQuantity::Length:
            return "m";
        case LogQuantity::Density:
            return "kg/m^3";
        case LogQuantity::Frequency:
            return "Hz";
        case LogQuantity::Time:
            return "s";
        case LogQuantity::Energy:
            return "J";
        case LogQuantity::Angle:
            return "rad";
        default:
            return "1";
    }
}

Table localTable(LogQuantity q) {
    const std::string si = siUnitOf(q);
    switch (q) {
        case LogQuantity::Flow:
            return {{"sccm", {1e-6 / 60.0, 0.0, si}}, {"slm", {1e-3 / 60.0, 0.0, si}}};
        case LogQuantity::Temperature:
            return {{"K", {1.0, 0.0, si}}, {"degC", {1.0, 273.15, si}}};
        case LogQuantity::Rate:
            return {{"A/s", {1e-10, 0.0, si}}, {"nm/s", {1e-9, 0.0, si}}, {"m/s", {1.0, 0.0, si}}};
        case LogQuantity::Thickness:
            return {{"A", {1e-10, 0.0, si}},
                    {"kA", {1e-7, 0.0, si}},
                    {"nm", {1e-9, 0.0, si}},
                    {"um", {1e-6, 0.0, si}},
                    {"m", {1.0, 0.0, si}}};
        case LogQuantity::Density:
            return {{"g/cm3", {1e3, 0.0, si}}, {"kg/m3", {1.0, 0.0, si}}};
        case LogQuantity::Frequency:
            return {{"Hz", {1.0, 0.0, si}}, {"kHz", {1e3, 0.0, si}}};
        case LogQuantity::Fraction:
            return {{"", {1.0, 0.0, si}}, {"%", {1e-2, 0.0, si}}};
        case LogQuantity::Flag:
        case LogQuantity::Number:
            return {{"", {1.0, 0.0, si}}};
        default:
            break;
    }
    Table t;
    const Dimension d = *sharedDimension(q);
    for (const auto& u : unitsOf(d)) t.push_back({u, {*unitFactor(d, u), 0.0, si}});
    if (q == LogQuantity::Time) t.push_back({"us", {1e-6, 0.0, si}});
    return t;
}

}  // namespace

std::optional<LogUnit> logUnit(LogQuantity q, const std::string& unit) {
    for (const auto& [name, u] : localTable(q))
        if (name == unit) return u;
    return std::nullopt;
}

std::vector<std::string> logUnitNames(LogQuantity q) {
    std::vector<std::string> out;
    for (const auto& [name, u] : localTable(q)) out.push_back(name.empty() ? "(none)" : name);
    return out;
}

std::string logQuantityName(LogQuantity q) {
    static const char* names[] = {"power",           "voltage",   "current",  "pressure",    "gas flow", "temperature",
                                  "deposition rate", "thickness", "density",  "frequency",   "time",     "energy",
                                  "angle",           "length",    "fraction", "on/off flag", "number"};
    return names[static_cast<int>(q)];
}

}  // namespace magtwin
