// Runs `magtwin view` -- i.e. the pvbatch scripts in the real Debian ParaView under
// Xvfb -- on analytic result folders and checks the pictures: the PNG exists, has the
// requested size, is not blank (many distinct colours, mostly not background), and the
// view reports the colour range it used. For the thickness map the colour range must be
// exactly the quality-area data range, and both ends of the colour map must appear in
// the map itself. Skipped (with the reason) when ParaView is not installed, unless
// MAGTWIN_REQUIRE_PARAVIEW=1 (set by scripts/run-tests.sh, i.e. in CI).
#include "postprocessing/view/ParaViewRunner.hpp"
#include "tests/postprocessing/ViewFixtures.hpp"

#include <gtest/gtest.h>
#include <vtkImageData.h>
#include <vtkNew.h>
#include <vtkPNGReader.h>
#include <vtkPointData.h>
#include <vtkUnsignedCharArray.h>

#include <unistd.h>
#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <regex>
#include <set>
#include <string>

namespace fs = std::filesystem;
using namespace magtwin::test;

namespace {

constexpr int kWidth = 1200, kHeight = 700;

struct Picture {
    int width = 0, height = 0;
    std::vector<std::array<int, 3>> rgb;  // row-major, bottom row first (VTK order)
};

Picture readPng(const std::string& path) {
    vtkNew<vtkPNGReader> reader;
    reader->SetFileName(path.c_str());
    reader->Update();
    Picture p;
    int dims[3];
    reader->GetOutput()->GetDimensions(dims);
    p.width = dims[0];
    p.height = dims[1];
    vtkDataArray* a = reader->GetOutput()->GetPointData()->GetScalars();
    const int nc = a->GetNumberOfComponents();
    for (vtkIdType k = 0; k < a->GetNumberOfTuples(); ++k)
        p.rgb.push_back({static_cast<int>(a->GetComponent(k, 0)), static_cast<int>(a->GetComponent(k, nc > 1 ? 1 : 0)),
                         static_cast<int>(a->GetComponent(k, nc > 2 ? 2 : 0))});
    return p;
}

/// Distinct RGB values; with `chromaticOnly`, only those that are not a grey level
/// (channels differing by more than 10), i.e. colour-mapped content rather than text.
std::size_t distinctColours(const Picture& p, bool chromaticOnly = false) {
    std::set<int> colours;
    for (const auto& c : p.rgb) {
        const int spread = std::max({c[0], c[1], c[2]}) - std::min({c[0], c[1], c[2]});
        if (!chromaticOnly || spread > 10) colours.insert(c[0] << 16 | c[1] << 8 | c[2]);
    }
    return colours.size();
}

double nonWhiteFraction(const Picture& p) {
    std::size_t n = 0;
    for (const auto& c : p.rgb) n += (c[0] < 245 || c[1] < 245 || c[2] < 245);
    return static_cast<double>(n) / p.rgb.size();
}

/// Pixels in columns [0, xMax) within RGB distance `tol` of `colour`.
std::size_t pixelsNear(const Picture& p, std::array<int, 3> colour, double tol, int xMax) {
    std::size_t n = 0;
    for (int y = 0; y < p.height; ++y)
        for (int x = 0; x < xMax; ++x) {
            const auto& c = p.rgb[static_cast<std::size_t>(y) * p.width + x];
            const double d = std::hypot(std::hypot(c[0] - colour[0], c[1] - colour[1]), c[2] - colour[2]);
            n += d <= tol;
        }
    return n;
}

/// Runs magtwin view; returns its stdout (the script's one-line JSON report).
std::string runView(const std::string& dir, const std::string& png, int& status,
                    const std::vector<std::string>& extra = {}) {
    std::string cmd = std::string("'") + MAGTWIN_BIN + "' view '" + dir + "' --png '" + png + "' --size " +
                      std::to_string(kWidth) + "x" + std::to_string(kHeight);
    for (const std::string& a : extra) cmd += " '" + a + "'";
    FILE* pipe = ::popen(cmd.c_str(), "r");
    std::string out;
    char buf[4096];
    while (pipe && std::fgets(buf, sizeof buf, pipe)) out += buf;
    status = pipe ? ::pclose(pipe) : -1;
    return out;
}

/// Number array "key": [a, b] from the report line.
std::pair<double, double> reportRange(const std::string& report, const std::string& key) {
    const std::regex re("\"" + key + "\": \\[([-0-9.eE+]+), ([-0-9.eE+]+)\\]");
    std::smatch m;
    if (!std::regex_search(report, m, re)) throw std::runtime_error("report lacks " + key + ": " + report);
    return {std::stod(m[1]), std::stod(m[2])};
}

class ParaViewViews : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        std::string tmpl = (fs::temp_directory_path() / "magtwin-views-XXXXXX").string();
        ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
        root = tmpl;
        writeErosionFolder(planarGrooveSeries(), 12.0, root + "/erosion-planar");
        writeErosionFolder(rotaryGrooveSeries(), 12.0, root + "/compare/b-rotary");
        writeErosionFolder(planarGrooveSeries(), 12.0, root + "/compare/a-planar");
        writeDepositionFolder(glassThickness(), root + "/deposition-glass");
        writeDepositionFolder(waferThickness(), root + "/deposition-wafer");
        writeDepositionFolder(cosputterLibrary(), root + "/deposition-library");
    }
    static void TearDownTestSuite() {
        // Keep the pictures for a human to look at when asked to.
        if (const char* keep = std::getenv("MAGTWIN_KEEP_VIEWS")) {
            fs::create_directories(keep);
            for (const auto& e : fs::recursive_directory_iterator(root))
                if (e.path().extension() == ".png")
                    fs::copy_file(e.path(), fs::path(keep) / e.path().filename(), fs::copy_options::overwrite_existing);
        }
        fs::remove_all(root);
    }
    void SetUp() override {
        try {
            magtwin::findPvbatch();
        } catch (const std::exception& e) {
            const char* require = std::getenv("MAGTWIN_REQUIRE_PARAVIEW");
            if (require && std::string(require) == "1") FAIL() << e.what();
            GTEST_SKIP() << e.what();
        }
    }
    /// Renders `dir`, checks the PNG basics, returns the picture and the report.
    Picture render(const std::string& name, const std::string& dir, std::string& report) {
        const std::string png = root + "/" + name + ".png";
        int status = -1;
        report = runView(dir, png, status);
        EXPECT_EQ(status, 0) << report;
        EXPECT_TRUE(fs::is_regular_file(png));
        for (const auto& e : fs::directory_iterator(root))  // no temporary PNG left behind
            EXPECT_EQ(e.path().filename().string().find(".tmp-"), std::string::npos) << e.path();
        if (!fs::is_regular_file(png)) return {};
        Picture p = readPng(png);
        EXPECT_EQ(p.width, kWidth);
        EXPECT_EQ(p.height, kHeight);
        const std::size_t colours = distinctColours(p), chromatic = distinctColours(p, true);
        const double covered = nonWhiteFraction(p);
        std::printf("[picture] %s.png %dx%d, %zu distinct colours (%zu non-grey), %.1f %% non-white\n", name.c_str(),
                    p.width, p.height, colours, chromatic, 100 * covered);
        // A blank render has 1 colour. Black text and axes on white anti-alias to grey
        // levels only (R = G = B), so colour-mapped surfaces show up as non-grey colours:
        // the colour maps have 256 entries and each view spans its data range, so well
        // over 150 of them appear. Text and axes alone cover < 3 % of the picture.
        EXPECT_GT(colours, 500u);
        EXPECT_GT(chromatic, 150u);
        EXPECT_GT(covered, 0.05);
        return p;
    }
    static std::string root;
};
std::string ParaViewViews::root;

// Viridis (matplotlib) end colours, as ParaView's preset defines them (0..1 -> 0..255).
constexpr std::array<int, 3> kViridisLow{68, 1, 84}, kViridisHigh{253, 231, 37};

void checkThicknessMap(const Picture& p, const std::string& report, const ThicknessFixture& f) {
    const auto [lo, hi] = qualityAreaRange(f);
    const auto [cLo, cHi] = reportRange(report, "colour_range");
    // The script computes the range from the map's values, which are stored as Float32
    // (writeSubstrateMapVtk): agreement to the binary32 rounding 2^-24 relative.
    const double float32 = 5.960464477539063e-08;
    EXPECT_NEAR(cLo, lo, float32 * hi);
    EXPECT_NEAR(cHi, hi, float32 * hi);
    // Both ends of the colour map must be painted on the map (left 55 % of the picture,
    // minus the scalar bar at 0.89 of that view's width): RGB distance 20 covers about
    // the outer 5 % of the range; 20 pixels is well above stray anti-aliasing.
    const int mapColumns = static_cast<int>(0.55 * 0.85 * kWidth);
    EXPECT_GT(pixelsNear(p, kViridisLow, 20, mapColumns), 20u) << "lowest thickness colour missing";
    EXPECT_GT(pixelsNear(p, kViridisHigh, 20, mapColumns), 20u) << "highest thickness colour missing";
}

}  // namespace

TEST_F(ParaViewViews, ErosionViewShowsSurfaceAndCrossSections) {
    std::string report;
    render("erosion", root + "/erosion-planar", report);
    const auto [lo, hi] = reportRange(report, "colour_range");
    EXPECT_EQ(lo, 0.0);
    EXPECT_DOUBLE_EQ(hi, 3.0);  // fixture: 3 mm peak depth at 300 kWh
    EXPECT_NE(report.find("\"section_axis\": \"y\""), std::string::npos) << "cross-section not across the track";
    // ParaView's PVD reader sees the life steps of erosion.pvd as its time steps.
    EXPECT_NE(report.find("\"pvd_times\": [100.0, 200.0, 300.0]"), std::string::npos) << report;
}

TEST_F(ParaViewViews, GlassThicknessMapSpansTheDataAndFails) {
    std::string report;
    const Picture p = render("deposition-glass", root + "/deposition-glass", report);
    checkThicknessMap(p, report, glassThickness());
    EXPECT_NE(report.find("\"pass\": false"), std::string::npos);
}

TEST_F(ParaViewViews, WaferThicknessMapSpansTheDataAndPasses) {
    std::string report;
    const Picture p = render("deposition-wafer", root + "/deposition-wafer", report);
    checkThicknessMap(p, report, waferThickness());
    EXPECT_NE(report.find("\"pass\": true"), std::string::npos);
}

// A co-sputtered library: the thickness map beside the composition map of the species whose
// fraction varies most (Ni and Pt span the same range: the first, Ni), coloured over its
// quality-area range 30.8 .. 69.2 at.% (fixture: 0.3 + 0.4 (x + 50 mm) / 100 mm at |x| <= 48 mm).
TEST_F(ParaViewViews, CoSputterLibraryShowsTheCompositionMap) {
    std::string report;
    const Picture p = render("deposition-library", root + "/deposition-library", report);
    EXPECT_NE(report.find("\"composition_species\": \"Ni\""), std::string::npos) << report;
    const auto [lo, hi] = reportRange(report, "composition_colour_range");
    // Float32 storage of the fractions (writeSubstrateMapVtk): 6e-8 relative, x 100 for at.%.
    EXPECT_NEAR(lo, 30.8, 1e-5);
    EXPECT_NEAR(hi, 69.2, 1e-5);
    // Both ends of the composition colour map appear in the right half of the picture.
    std::size_t low = 0, high = 0;
    for (int row = 0; row < p.height; ++row)
        for (int col = p.width / 2; col < p.width; ++col) {
            const auto& c = p.rgb[std::size_t(row) * std::size_t(p.width) + std::size_t(col)];
            const auto near = [&c](const std::array<int, 3>& ref) {
                return std::abs(c[0] - ref[0]) + std::abs(c[1] - ref[1]) + std::abs(c[2] - ref[2]) < 20;
            };
            low += near(kViridisLow);
            high += near(kViridisHigh);
        }
    EXPECT_GT(low, 20u) << "lowest Ni fraction colour missing";
    EXPECT_GT(high, 20u) << "highest Ni fraction colour missing";
    // --field Pt_fraction picks that species.
    const std::string png = root + "/deposition-library-pt.png";
    int status = -1;
    const std::string pt = runView(root + "/deposition-library", png, status, {"--field", "Pt_fraction"});
    EXPECT_EQ(status, 0) << pt;
    EXPECT_NE(pt.find("\"composition_species\": \"Pt\""), std::string::npos) << pt;
}

// An OpenFOAM case (blockMesh + analytic 0/T) opened through case.foam: the colour range
// must be the field's range over the cells.
TEST_F(ParaViewViews, OpenFoamCaseThroughCaseFoam) {
    const std::string dir = root + "/foam-case";
    const auto [lo, hi] = writeOpenFoamCase(dir);
    const std::string blockMesh =
        "WM_PROJECT_DIR=/usr/share/openfoam blockMesh -case '" + dir + "' > '" + dir + "/log.blockMesh' 2>&1";
    if (std::system(blockMesh.c_str()) != 0) GTEST_SKIP() << "blockMesh (Debian package openfoam) not available";
    std::string report;
    render("openfoam", dir, report);
    const auto [cLo, cHi] = reportRange(report, "colour_range");
    // The reader stores fields as float32 by default: agreement to float precision.
    EXPECT_NEAR(cLo, lo, 1e-6 * hi);
    EXPECT_NEAR(cHi, hi, 1e-6 * hi);
    EXPECT_TRUE(fs::is_regular_file(dir + "/case.foam"));
}

TEST_F(ParaViewViews, PlanarVersusRotaryComparison) {
    std::string report;
    render("compare", root + "/compare", report);
    const auto [lo, hi] = reportRange(report, "colour_range");
    EXPECT_EQ(lo, 0.0);
    EXPECT_DOUBLE_EQ(hi, 3.0);  // common scale = deeper of the two (planar 3 mm, rotary 1.5 mm)
    EXPECT_NE(report.find("\"a-planar\""), std::string::npos);
    EXPECT_NE(report.find("\"b-rotary\""), std::string::npos);
}
