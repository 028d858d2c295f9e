// The RF keys of supplies[] (docs/rf.md): read in SI with their schema defaults, written back, and
// refused with file, line and key when out of range or given on a supply of another kind.
#include "cli/tool/ToolFile.hpp"
#include "cli/tool/ToolSchema.hpp"

#include <gtest/gtest.h>

#include <fstream>

namespace magtwin {
namespace {

std::string toolWithSupply(const std::string& file, const std::string& supply) {
    const std::string path = testing::TempDir() + file;
    std::ofstream(path) << "tool: {name: rf gun}\n"
                           "cathodes:\n"
                           "  - name: gun\n"
                           "    type: planar-circular\n"
                           "    position: [0 mm, 0 mm, 50 mm]\n"
                           "    radius: 25 mm\n"
                           "    target: {material: Cu, thickness: 3 mm}\n"
                           "    magnets: {racetrack: {ring_radius: 12 mm, profile: {shape: gaussian, sigma: 2 mm}}}\n"
                           "    discharge: {voltage: 300 V, power: 50 W}\n"
                           "supplies:\n"
                        << supply;
    return path;
}

void expectRefused(const std::string& path, const std::string& key, const std::string& what) {
    try {
        loadToolFile(path);
        FAIL() << key << " accepted";
    } catch (const ConfigError& e) {
        const std::string m = e.what();
        EXPECT_NE(m.find(path + ":"), std::string::npos) << m;  // file and line
        EXPECT_NE(m.find(key), std::string::npos) << m;
        EXPECT_NE(m.find(what), std::string::npos) << m;
    }
}

TEST(RfSupplyKeys, DefaultsAreTheSchemasAndGivenValuesAreRead) {
    const ToolFile d = loadToolFile(toolWithSupply("rf_default.yaml", "  - {name: rf1, kind: rf, feeds: [gun]}\n"));
    EXPECT_DOUBLE_EQ(d.supplies[0].rf.matchEfficiency,
                     std::stod(toolKey("supplies[]", "match_efficiency").defaultValue));
    EXPECT_DOUBLE_EQ(d.supplies[0].rf.cableEfficiency,
                     std::stod(toolKey("supplies[]", "cable_efficiency").defaultValue));
    EXPECT_DOUBLE_EQ(d.supplies[0].rf.electronTemperatureV,
                     std::stod(toolKey("supplies[]", "electron_temperature_eV").defaultValue));
    EXPECT_FALSE(d.supplies[0].rf.plasmaPotentialV.has_value());
    const ToolFile g = loadToolFile(
        toolWithSupply("rf_given.yaml",
                       "  - {name: rf1, kind: rf, feeds: [gun], match_efficiency: 0.85, cable_efficiency: 0.95,\n"
                       "     electron_temperature_eV: 4, plasma_potential: 30 V}\n"));
    EXPECT_DOUBLE_EQ(g.supplies[0].rf.matchEfficiency, 0.85);
    EXPECT_DOUBLE_EQ(g.supplies[0].rf.cableEfficiency, 0.95);
    EXPECT_DOUBLE_EQ(g.supplies[0].rf.electronTemperatureV, 4.0);
    EXPECT_DOUBLE_EQ(*g.supplies[0].rf.plasmaPotentialV, 30.0);
}

TEST(RfSupplyKeys, OutOfRangeOrOnAnotherKindIsRefusedWithFileLineAndKey) {
    expectRefused(toolWithSupply("rf_match.yaml", "  - {name: rf1, kind: rf, feeds: [gun], match_efficiency: 1.5}\n"),
                  "match_efficiency", "must be in (0, 1]");
    expectRefused(toolWithSupply("rf_cable.yaml", "  - {name: rf1, kind: rf, feeds: [gun], cable_efficiency: 0}\n"),
                  "cable_efficiency", "must be in (0, 1]");
    expectRefused(
        toolWithSupply("rf_te.yaml", "  - {name: rf1, kind: rf, feeds: [gun], electron_temperature_eV: 20}\n"),
        "electron_temperature_eV", "[1, 10] eV");
    expectRefused(
        toolWithSupply("rf_vp_unit.yaml", "  - {name: rf1, kind: rf, feeds: [gun], plasma_potential: 30 W}\n"),
        "plasma_potential", "");
    expectRefused(toolWithSupply("rf_vp.yaml", "  - {name: rf1, kind: rf, feeds: [gun], plasma_potential: -5 V}\n"),
                  "plasma_potential", "[0, 1000] V");
    expectRefused(toolWithSupply("rf_on_dc.yaml", "  - {name: dc1, kind: dc, feeds: [gun], match_efficiency: 0.8}\n"),
                  "match_efficiency", "is an RF setting");
}

}  // namespace
}  // namespace magtwin
