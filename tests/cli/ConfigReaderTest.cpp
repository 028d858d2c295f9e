// ConfigSection: units to SI (exact SI definitions), unit-suffixed keys, lists, and
// errors that name file, line and key.
#include "cli/config/ConfigReader.hpp"

#include <gtest/gtest.h>

using namespace magtwin;

namespace {

std::string errorOf(const std::function<void()>& f) {
    try {
        f();
    } catch (const ConfigError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(ConfigReader, QuantitiesInValueOrKeyConvertToSI) {
    const auto c = ConfigSection::parse(
        "a:\n  length: 3370 mm\n  power: 12 kW\n  pressure: 3 mTorr\n  thickness_mm: 16\n  life: [1 MWh, 500 kWh]\n"
        "  width_in: 1.5\n",
        "t.yaml");
    const auto a = c.section("a");
    EXPECT_DOUBLE_EQ(a.quantity("length", Dimension::Length), 3.370);
    EXPECT_DOUBLE_EQ(a.quantity("power", Dimension::Power), 12000.0);
    EXPECT_DOUBLE_EQ(a.quantity("pressure", Dimension::Pressure), 3e-3 * 101325.0 / 760.0);  // 1 Torr = 101325/760 Pa
    EXPECT_DOUBLE_EQ(a.quantity("thickness", Dimension::Length), 0.016);
    EXPECT_DOUBLE_EQ(a.quantity("width", Dimension::Length), 1.5 * 0.0254);  // 1 in = 25.4 mm exactly
    const auto life = a.quantityList("life", Dimension::Energy);
    ASSERT_EQ(life.size(), 2u);
    EXPECT_DOUBLE_EQ(life[0], 3.6e9);
    EXPECT_DOUBLE_EQ(life[1], 1.8e9);
    EXPECT_NO_THROW(c.rejectUnknownKeys());
}

TEST(ConfigReader, ErrorsNameFileLineAndKey) {
    const auto c =
        ConfigSection::parse("a:\n  length: 3370\n  power: 12 V\n  both: 1 mm\n  both_mm: 1\n  tipo: x\n", "cfg.yaml");
    const auto a = c.section("a");
    EXPECT_NE(
        errorOf([&] { a.quantity("length", Dimension::Length); }).find("cfg.yaml:2: key 'a.length': missing unit"),
        std::string::npos);
    EXPECT_NE(errorOf([&] { a.quantity("power", Dimension::Power); }).find("cfg.yaml:3: key 'a.power'"),
              std::string::npos);
    EXPECT_NE(errorOf([&] { a.quantity("both", Dimension::Length); }).find("given twice"), std::string::npos);
    a.textOr("type", "");
    const std::string unknown = errorOf([&] { c.rejectUnknownKeys(); });
    EXPECT_NE(unknown.find("cfg.yaml:6: unknown key 'a.tipo'"), std::string::npos) << unknown;
    EXPECT_NE(unknown.find("did you mean 'type'"), std::string::npos) << unknown;
    EXPECT_NE(errorOf([] { ConfigSection::parse("a: [1, 2\nb: 3\n", "bad.yaml"); }).find("bad.yaml:"),
              std::string::npos);
}

TEST(ConfigReader, KeyThatIsAListIsAConfigError) {
    // fuzz_tool_file found `? [a, b]`-style keys ending in yaml-cpp's bad-conversion
    // exception (an uncaught crash) in the misspelling search and the unknown-key check.
    const auto c = ConfigSection::parse("a:\n  [x, y]: 1\n  power: 1 W\n", "cfg.yaml");
    const auto a = c.section("a");
    EXPECT_NE(errorOf([&] { a.text("name"); }).find("cfg.yaml:2: key 'a.name': missing (required)"), std::string::npos)
        << errorOf([&] { a.text("name"); });
    a.quantity("power", Dimension::Power);
    const std::string unknown = errorOf([&] { c.rejectUnknownKeys(); });
    EXPECT_NE(unknown.find("cfg.yaml:2: a key in section 'a' is a list or a section"), std::string::npos) << unknown;
}

TEST(ConfigReader, ClosestMatch) {
    EXPECT_EQ(closestMatch("racetrak", {"racetrack", "target", "cathode"}), "racetrack");
    EXPECT_EQ(closestMatch("zzzz", {"racetrack", "target"}), "");
}

TEST(ConfigReader, DepositionUnitsListsAndSectionLists) {
    const auto c = ConfigSection::parse(
        "f:\n  sticking: 0.8\n  target: 3 %\n  speed: 600 mm/min\n  t: 300 K\n  trims: [0.9, 1.1]\n"
        "cathodes:\n  - power: 5 kW\n  - power: 6 kW\n    pwoer: 1\n",
        "d.yaml");
    const auto f = c.section("f");
    struct Expected {
        const char* key;
        Dimension dimension;
        double si;
    };
    for (const Expected& e : {Expected{"sticking", Dimension::Fraction, 0.8},  // a fraction may be bare
                              Expected{"target", Dimension::Fraction, 0.03},
                              Expected{"speed", Dimension::Speed, 0.01},  // 600 mm/min = 10 mm/s
                              Expected{"t", Dimension::Temperature, 300.0}})
        EXPECT_DOUBLE_EQ(f.quantity(e.key, e.dimension), e.si) << e.key;
    EXPECT_EQ(f.numberList("trims"), (std::vector<double>{0.9, 1.1}));
    const auto list = c.sectionList("cathodes");
    ASSERT_EQ(list.size(), 2u);
    EXPECT_DOUBLE_EQ(list[0].quantity("power", Dimension::Power), 5000.0);
    EXPECT_DOUBLE_EQ(list[1].quantity("power", Dimension::Power), 6000.0);
    EXPECT_NO_THROW(list[0].rejectUnknownKeysHere());
    const std::string unknown = errorOf([&] { list[1].rejectUnknownKeysHere(); });
    EXPECT_NE(unknown.find("d.yaml:10: unknown key 'cathodes[1].pwoer'"), std::string::npos) << unknown;
    EXPECT_NE(unknown.find("did you mean 'power'"), std::string::npos) << unknown;
}
