// Tool file: arrays expand to named cathodes at the documented positions, gamma_SE
// defaults to Baragiola's estimate, deposit regroups an array into one cathode group with
// the old deposition vocabulary's numbers, and the body geometry behind the overlap /
// sensor checks is exact for round bodies.
#include "cli/deposit/DepositConfig.hpp"
#include "cli/tool/ToolFile.hpp"
#include "cli/tool/ToolGeometryChecks.hpp"
#include "cli/tool/ToolSchema.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <set>

namespace magtwin {
namespace {

const std::string kRotaryLine = std::string(MAGTWIN_SOURCE_DIR) + "/cases/tools/gen10_5_rotary_line.yaml";

TEST(ToolFile, ArrayExpandsToNamedCathodesCentredOnPosition) {
    const ToolFile t = loadToolFile(kRotaryLine);
    ASSERT_EQ(t.cathodes.size(), 14u);
    for (int i = 0; i < 14; ++i) {
        const ToolCathode& c = t.cathodes[std::size_t(i)];
        EXPECT_EQ(c.name, (i < 9 ? "tube0" : "tube") + std::to_string(i + 1));
        // Member k of n at centre + (k - (n - 1) / 2) pitch: -1755 mm .. +1755 mm at 270 mm.
        EXPECT_NEAR(c.position.x(), -1.755 + 0.27 * i, 1e-12);
        EXPECT_DOUBLE_EQ(c.position.z(), 0.25);
        EXPECT_EQ(c.arrayName, "tube");
    }
    EXPECT_EQ(&t.cathode("tube03"), &t.cathodes[2]);
    EXPECT_THROW(t.cathode("tube15"), ConfigError);
}

TEST(ToolFile, SecondaryElectronYieldDefaultsToBaragiola) {
    const ToolFile t = loadToolFile(kRotaryLine);
    // Baragiola et al., Surf. Sci. 90 (1979) 240: gamma = 0.032 (0.78 E_i - 2 phi), with the
    // Ar ionization energy 15.7596 eV (NIST ASD) and the Mo work function 4.6 eV (CRC
    // Handbook, polycrystalline); 1e-4 covers the rounding of the tabulated inputs.
    EXPECT_FALSE(t.cathodes[0].discharge.gammaSEGiven);
    EXPECT_NEAR(t.cathodes[0].discharge.gammaSE, 0.032 * (0.78 * 15.7596 - 2 * 4.6), 1e-4);
}

TEST(ToolFile, DepositRegroupsAnArrayWithTheStadiumOfTheOldVocabulary) {
    const DepositCase c = depositCaseFor(loadToolFile(kRotaryLine), "");
    ASSERT_EQ(c.cathodes.size(), 1u);
    const CathodeGroup& g = c.cathodes[0];
    EXPECT_EQ(g.count, 14);
    EXPECT_DOUBLE_EQ(g.pitchM, 0.27);
    const RotaryTube tube = rotaryTubeOf(g);
    EXPECT_NEAR(tube.axisX, 0.0, 1e-12);
    // The tool file's straight (3900 mm) as it is: no loop length to convert back and forth.
    EXPECT_DOUBLE_EQ(tube.track.straightLengthM, 3.9);
    EXPECT_DOUBLE_EQ(tube.track.separationM, 0.1);
    EXPECT_EQ(g.memberNames.front(), "tube01");
    EXPECT_EQ(g.memberNames.back(), "tube14");
    EXPECT_EQ(c.substrateName, "glass");
    EXPECT_DOUBLE_EQ(c.substrate.sizeXM, 3.37);
}

/// A one-gun tool (a 50 mm Cu target) with `magnets` (the YAML of that key, indented under
/// it) and `rest` (top-level YAML after the cathodes), written to TempDir()/FILE.
std::string oneGunTool(const std::string& file, const std::string& magnets, const std::string& rest) {
    const std::string path = testing::TempDir() + file;
    std::ofstream(path) << "tool: {name: one gun}\n"
                           "cathodes:\n"
                           "  - name: gun\n"
                           "    type: planar-circular\n"
                           "    position: [0 mm, 0 mm, 50 mm]\n"
                           "    radius: 25 mm\n"
                           "    target: {material: Cu, thickness: 3 mm}\n"
                           "    magnets:\n"
                        << magnets << "    discharge: {voltage: 400 V, power: 300 W}\n"
                        << rest;
    return path;
}

/// A one-gun tool with a `logs` list.
std::string toolWithLogs(const std::string& logKey) {
    return oneGunTool(
        "tool_with_logs.yaml", "      racetrack: {ring_radius: 12 mm, profile: {shape: gaussian, sigma: 2 mm}}\n",
        "supplies:\n  - {name: dc1, kind: dc, feeds: [gun]}\nlogs:\n  - {" + logKey + ": power_W, supply: dc1}\n");
}

TEST(ToolFile, LogsAreHandedToTheTwinsReaderAndCheckedAfterIt) {
    // Without a reader the `logs` list is skipped (the twin reads it).
    EXPECT_NO_THROW(loadToolFile(toolWithLogs("column")));
    std::vector<std::string> supplies;
    const auto reader = [&supplies](const ConfigSection& root, const ToolFile& tool) {
        for (const auto& s : tool.supplies) supplies.push_back(s.name);
        for (const ConfigSection& log : root.sectionList("logs")) {
            log.text("column");
            log.text("supply");
        }
    };
    EXPECT_NO_THROW(loadToolFile(toolWithLogs("column"), reader));
    EXPECT_EQ(supplies, std::vector<std::string>{"dc1"});
    // A misspelt key of the twin's section is reported like any other (after the reader).
    try {
        loadToolFile(toolWithLogs("colum"), [](const ConfigSection& root, const ToolFile&) {
            for (const ConfigSection& log : root.sectionList("logs")) log.has("column");
        });
        FAIL() << "misspelt logs key accepted";
    } catch (const ConfigError& e) {
        EXPECT_NE(std::string(e.what()).find("unknown key 'logs[0].colum'"), std::string::npos) << e.what();
    }
}

/// A one-gun tool with a rotating magnet; `angleSamples` < 0: the key left out.
std::string toolWithAngleSamples(int angleSamples) {
    const std::string samples = angleSamples < 0 ? "" : ", angle_samples: " + std::to_string(angleSamples);
    return oneGunTool("tool_angle_samples.yaml",
                      "      racetrack: {ring_radius: 10 mm, profile: {shape: gaussian, sigma: 2 mm}}\n"
                      "      motion: {kind: rotating, offset: 4 mm" +
                          samples + "}\n",
                      "");
}

TEST(ToolFile, IntegerKeysTakeTheSchemaDefaultAndRefuseOnlyBelowTheirMinimum) {
    // Absent: the schema's default (256). 64 is a valid choice below the default (the reader
    // once passed the default as the minimum and refused it); 7 is below RacetrackFlux's 8.
    EXPECT_EQ(loadToolFile(toolWithAngleSamples(-1)).cathodes[0].magnets.motion.angleSamples,
              std::stoi(toolKey("cathodes[].magnets.motion", "angle_samples").defaultValue));
    EXPECT_EQ(loadToolFile(toolWithAngleSamples(64)).cathodes[0].magnets.motion.angleSamples, 64);
    try {
        loadToolFile(toolWithAngleSamples(7));
        FAIL() << "angle_samples 7 accepted";
    } catch (const ConfigError& e) {
        EXPECT_NE(std::string(e.what()).find("angle_samples"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find(">= 8"), std::string::npos) << e.what();
    }
}

ToolCathode tube(double x, double z, double r) {
    ToolCathode c;
    c.kind = CathodeKind::Rotary;
    c.position = {x, 0.0, z};
    c.geometry = {CathodeKind::Rotary, 1.0, 0.0, r, 0.01};
    return c;
}

TEST(ToolGeometry, RoundBodiesAreRoundNotBoxes) {
    const ToolCathode a = tube(0.0, 0.25, 0.076);
    // A point at 45 deg just outside the radius lies in the bounding box but not in the tube.
    const double d = 0.0761 / std::sqrt(2.0);
    EXPECT_FALSE(insideBody(a, {d, 0.0, 0.25 + d}));
    EXPECT_TRUE(insideBody(a, {0.0, 0.4, 0.25 + 0.075}));
    EXPECT_FALSE(insideBody(a, {0.0, 0.6, 0.25}));  // beyond the tube end (length 1 m)
    const BodyBox b = cathodeBody(a);
    EXPECT_DOUBLE_EQ(b.lo.z(), 0.25 - 0.076);
    EXPECT_DOUBLE_EQ(b.hi.y(), 0.5);
}

TEST(ToolSchema, EveryKeyOnceWithAMeaning) {
    std::set<std::string> seen;
    for (const ToolKey& k : toolSchema()) {
        EXPECT_TRUE(seen.insert(k.section + "." + k.key).second) << k.section << "." << k.key;
        EXPECT_FALSE(k.meaning.empty()) << k.key;
        if (k.kind == ToolKey::Kind::Quantity || k.kind == ToolKey::Kind::QuantityList) {
            EXPECT_TRUE(k.dimension.has_value()) << k.key;
        }
    }
    EXPECT_THROW(toolKey("cathodes[]", "no_such_key"), std::logic_error);
    EXPECT_NE(toolSchemaMarkdown().find("| `tooling_factor` |"), std::string::npos);
}

}  // namespace
}  // namespace magtwin
