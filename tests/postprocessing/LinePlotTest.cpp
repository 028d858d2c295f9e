// LinePlot: gnuplot renders (gnuplot-nox must be installed, as for every PNG of the program).
// The PNG's size is read from its IHDR chunk (PNG specification, ISO/IEC 15948: bytes 16-23
// hold width and height, big-endian), so the test checks the picture the script asked for.
#include "postprocessing/plot/GnuplotSession.hpp"
#include "postprocessing/plot/LinePlot.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <utility>

namespace magtwin {
namespace {

namespace fs = std::filesystem;

std::pair<std::uint32_t, std::uint32_t> pngSize(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    unsigned char b[24] = {};
    in.read(reinterpret_cast<char*>(b), 24);
    auto be = [&](int o) {
        return std::uint32_t(b[o]) << 24 | std::uint32_t(b[o + 1]) << 16 | std::uint32_t(b[o + 2]) << 8 | b[o + 3];
    };
    EXPECT_EQ(b[1], 'P');
    EXPECT_EQ(b[2], 'N');
    EXPECT_EQ(b[3], 'G');
    return {be(16), be(20)};
}

class LinePlotTest : public ::testing::Test {
protected:
    fs::path dir = fs::temp_directory_path() / ("magtwin-lineplot-test-" + std::to_string(::getpid()));
    void SetUp() override { fs::create_directories(dir); }
    void TearDown() override { fs::remove_all(dir); }
};

TEST_F(LinePlotTest, PanelsSideBySideMakeOnePictureOfTheRequestedSize) {
    PlotPanel a, b;
    a.axes.title = "first\nsecond line";
    a.series = {{"a_b", {0, 1, 2}, {1, 4, 9}, PlotSeries::Style::LinePoints}};
    b.axes.key = "inside left top";
    b.axes.yMin = 0.5, b.axes.yMax = 3;
    b.series = {{"line", {0, 1}, {1, 2}}};
    const fs::path png = dir / "panels.png";
    renderLinePanels("two panels", {a, b}, 1000, 400, png.string());
    ASSERT_TRUE(fs::exists(png));
    EXPECT_EQ(pngSize(png), std::make_pair(std::uint32_t(1000), std::uint32_t(400)));
}

TEST_F(LinePlotTest, APanelWithoutDataIsRefusedAndNothingIsWritten) {
    PlotPanel a, empty;
    a.series = {{"a", {0, 1}, {1, 2}}};
    empty.series = {{"nothing", {}, {}}};
    const fs::path png = dir / "bad.png";
    EXPECT_THROW(renderLinePanels("t", {a, empty}, 800, 400, png.string()), std::runtime_error);
    EXPECT_THROW(renderLinePanels("t", {}, 800, 400, png.string()), std::runtime_error);
    EXPECT_FALSE(fs::exists(png));
}

TEST(GnuplotQuoted, EscapesQuotesBackslashesAndLineBreaks) {
    // gnuplot double-quoted strings: \" and \\ escapes, \n a line break (gnuplot manual, "quotes").
    EXPECT_EQ(gnuplotQuoted("a\"b"), "\"a\\\"b\"");
    EXPECT_EQ(gnuplotQuoted("a\\b"), "\"a\\\\b\"");
    EXPECT_EQ(gnuplotQuoted("one\ntwo"), "\"one\\ntwo\"");
}

TEST(GnuplotText, ShowsUnderscoresOfNamesLiterallyAndKeepsDeliberateMarkup) {
    // Enhanced text reads '_' as a subscript; in a double-quoted string "\\_" reaches the
    // enhanced-text parser as "\_", a literal underscore (gnuplot manual, "enhanced text").
    EXPECT_EQ(gnuplotText("fab7_mo_line"), "\"fab7\\\\_mo\\\\_line\"");
    EXPECT_EQ(gnuplotText(gnuplotLiteral("fab7_mo_line")), gnuplotText("fab7_mo_line"));  // not escaped twice
    EXPECT_EQ(gnuplotText("ng cm^{-2} s^{-1}"), "\"ng cm^{-2} s^{-1}\"");
    EXPECT_EQ(gnuplotText("U_{k}"), "\"U_{k}\"");
}

}  // namespace
}  // namespace magtwin
