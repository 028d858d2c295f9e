// FoamCaseRotary (`magtwin foam-case` on rotary tubes): the O-grids' room rule and the
// blockMeshDict text read back independently (cell count from the blocks' own counts, every
// arc end and mid-point on its tube's circle, the patches). The runs against `deposit` are
// tests/foam (foam.foamCase.gen10_5_rotary_line.*).
#include "cli/tool/FoamCaseRotary.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

namespace magtwin {
namespace {

FoamTube tube(const std::string& name, double x, double z, double R = 0.076) {
    FoamTube t;
    t.patch = name;
    t.xM = x;
    t.zM = z;
    t.y0M = -2.05;
    t.y1M = 2.05;
    t.radiusM = R;
    return t;
}

TEST(FoamCaseRotary, SquaresTakeTheRoomThereIs) {
    std::vector<FoamTube> line{tube("a", -0.135, 0.25), tube("b", 0.135, 0.25)};
    EXPECT_EQ(rotaryTubeSquares(line), "");
    EXPECT_DOUBLE_EQ(line[0].squareHalfM, 1.4 * 0.076);  // room: 135 mm > 1.4 R = 106.4 mm
    // 200 mm apart (less than 2 x 1.4 R): the squares share the distance, 100 mm each (1.32 R).
    std::vector<FoamTube> close{tube("a", -0.1, 0.25), tube("b", 0.1, 0.25)};
    EXPECT_EQ(rotaryTubeSquares(close), "");
    EXPECT_DOUBLE_EQ(close[0].squareHalfM, 0.1);
    std::vector<FoamTube> tooClose{tube("a", -0.085, 0.25), tube("b", 0.085, 0.25)};
    const std::string why = rotaryTubeSquares(tooClose);
    EXPECT_NE(why.find("cathode a: its axis is 170 mm from cathode b's"), std::string::npos) << why;
    std::vector<FoamTube> low{tube("a", 0, 0.076 + 0.02)};  // 20 mm above the glass < 0.3 R
    EXPECT_NE(rotaryTubeSquares(low).find("cathode a: its surface is 20 mm above"), std::string::npos);
}

struct ParsedDict {
    std::vector<std::array<double, 3>> vertices;
    long cells = 0;
    long blocks = 0;
};

ParsedDict parse(const std::string& dict) {
    ParsedDict p;
    const std::size_t v0 = dict.find("vertices\n(\n"), v1 = dict.find(");", v0);
    std::istringstream vs(dict.substr(v0 + 11, v1 - v0 - 11));
    std::string line;
    while (std::getline(vs, line)) {
        std::array<double, 3> v{};
        if (std::sscanf(line.c_str(), " (%lf %lf %lf)", &v[0], &v[1], &v[2]) == 3) p.vertices.push_back(v);
    }
    const std::regex hex(R"(hex \([0-9 ]+\) \((\d+) (\d+) (\d+)\))");
    for (auto it = std::sregex_iterator(dict.begin(), dict.end(), hex); it != std::sregex_iterator(); ++it) {
        p.cells += std::stol((*it)[1]) * std::stol((*it)[2]) * std::stol((*it)[3]);
        ++p.blocks;
    }
    return p;
}

TEST(FoamCaseRotary, DictReadsBackToItsCountsAndCircles) {
    for (const bool symmetric : {false, true}) {
        RotaryChamber c;
        c.tubes = {tube("t1", -0.135, 0.25), tube("t2", 0.135, 0.25)};
        ASSERT_EQ(rotaryTubeSquares(c.tubes), "");
        c.substrate = {-0.3, 0.3, -1.5, 1.5, "glass"};
        c.quality = {-0.29, 0.29, -1.49, 1.49, "glass"};
        c.x0 = -0.5;
        c.x1 = 0.5;
        c.y0 = symmetric ? 0.0 : -2.3;
        c.y1 = 2.3;
        c.symmetryY = symmetric;
        c.zTop = 0.25 + 2 * 1.4 * 0.076;
        c.tubeCellM = 0.012;
        c.endZoneM = 0.124;
        c.tubeAxialCellM = 0.02175;
        long count = 0;
        const std::string dict = rotaryBlockMeshDict(c, 50000, count);
        const ParsedDict p = parse(dict);
        EXPECT_EQ(p.cells, count) << "the reported count is the blocks' own";
        // Every arc: its two ends (vertex ids) and its mid-point on the tube's circle.
        const std::regex arc(R"(arc (\d+) (\d+) \(([-0-9.e]+) ([-0-9.e]+) ([-0-9.e]+)\))");
        long arcs = 0;
        for (auto it = std::sregex_iterator(dict.begin(), dict.end(), arc); it != std::sregex_iterator(); ++it) {
            const double mx = std::stod((*it)[3]), mz = std::stod((*it)[5]);
            const double xc = mx < 0 ? -0.135 : 0.135;
            EXPECT_NEAR(std::hypot(mx - xc, mz - 0.25), 0.076, 1e-9);
            for (int k : {1, 2}) {
                const auto& v = p.vertices.at(static_cast<std::size_t>(std::stol((*it)[k])));
                EXPECT_NEAR(std::hypot(v[0] - xc, v[2] - 0.25), 0.076, 1e-9);
            }
            ++arcs;
        }
        // Four arcs round each tube (no grid line cuts these squares) at every y level.
        std::vector<double> ys;
        for (const auto& v : p.vertices)
            if (std::none_of(ys.begin(), ys.end(), [&](double y) { return std::abs(y - v[1]) < 1e-12; }))
                ys.push_back(v[1]);
        EXPECT_EQ(arcs, 2 * 4 * static_cast<long>(ys.size()));
        for (const char* patch : {"t1", "t2", "glass", "shields", "walls"})
            EXPECT_NE(dict.find(std::string("\n    ") + patch + "\n"), std::string::npos) << patch;
        EXPECT_EQ(dict.find("type symmetryPlane;") != std::string::npos, symmetric);
    }
}

}  // namespace
}  // namespace magtwin
