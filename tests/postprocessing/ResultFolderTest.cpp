// Result-folder detection for `magtwin view`: the layouts of postprocessing/README.md.
#include "postprocessing/view/ResultFolder.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <filesystem>
#include <fstream>

namespace fs = std::filesystem;
using magtwin::ResultKind;

namespace {

class ResultFolders : public ::testing::Test {
protected:
    void SetUp() override {
        std::string tmpl = (fs::temp_directory_path() / "magtwin-folders-XXXXXX").string();
        ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
        dir = tmpl;
    }
    void TearDown() override { fs::remove_all(dir); }
    void touch(const fs::path& rel) {
        fs::create_directories((dir / rel).parent_path());
        std::ofstream(dir / rel) << "x";
    }
    fs::path dir;
};

}  // namespace

TEST_F(ResultFolders, EachLayoutIsRecognisedByItsFiles) {
    touch("ero/erosion.pvd");
    touch("dep/thickness.vts");
    touch("case/system/controlDict");
    touch("cmp/planar/erosion.pvd");
    touch("cmp/rotary/erosion.pvd");
    EXPECT_EQ(magtwin::classifyResultFolder((dir / "ero").string()), ResultKind::Erosion);
    EXPECT_EQ(magtwin::classifyResultFolder((dir / "dep").string()), ResultKind::Deposition);
    EXPECT_EQ(magtwin::classifyResultFolder((dir / "case").string()), ResultKind::OpenFoamCase);
    EXPECT_EQ(magtwin::classifyResultFolder((dir / "cmp").string()), ResultKind::Comparison);
    EXPECT_STREQ(magtwin::viewScriptFor(ResultKind::Comparison), "compare_view.py");
}

TEST_F(ResultFolders, OneErosionSubfolderIsNoComparisonAndEmptyFoldersAreRejected) {
    touch("one/planar/erosion.pvd");
    EXPECT_THROW(magtwin::classifyResultFolder((dir / "one").string()), std::invalid_argument);
    EXPECT_THROW(magtwin::classifyResultFolder((dir / "missing").string()), std::invalid_argument);
    try {
        magtwin::classifyResultFolder((dir / "one").string());
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("erosion.pvd"), std::string::npos) << "message names what is looked for";
    }
}

TEST_F(ResultFolders, TwinReplayFolderNeedsItsReportAndItsMapSeries) {
    touch("replay/report.json");
    EXPECT_THROW(magtwin::classifyResultFolder((dir / "replay").string()), std::invalid_argument);  // no maps.pvd
    touch("replay/maps.pvd");
    EXPECT_EQ(magtwin::classifyResultFolder((dir / "replay").string()), ResultKind::Replay);
    EXPECT_STREQ(magtwin::viewScriptFor(ResultKind::Replay), "replay_view.py");
}

TEST_F(ResultFolders, LifeSweepFolderNeedsItsTableAndItsMapSeries) {
    touch("sweep/life_sweep.csv");
    EXPECT_THROW(magtwin::classifyResultFolder((dir / "sweep").string()), std::invalid_argument);  // no .pvd
    touch("sweep/life_sweep.pvd");
    EXPECT_EQ(magtwin::classifyResultFolder((dir / "sweep").string()), ResultKind::LifeSweep);
    EXPECT_STREQ(magtwin::viewScriptFor(ResultKind::LifeSweep), "life_sweep_view.py");
}

TEST_F(ResultFolders, FolderWithSeveralKindsListsThemAllErosionFirst) {
    touch("both/thickness.vts");
    touch("both/erosion.pvd");
    const auto kinds = magtwin::detectResultKinds((dir / "both").string());
    ASSERT_EQ(kinds.size(), 2u);
    EXPECT_EQ(kinds[0], ResultKind::Erosion);
    EXPECT_EQ(kinds[1], ResultKind::Deposition);
}

TEST(ResultKindNames, RoundTripAndUnknownNameListsTheValidOnes) {
    for (ResultKind k : {ResultKind::Erosion, ResultKind::Deposition, ResultKind::OpenFoamCase, ResultKind::Comparison,
                         ResultKind::Replay, ResultKind::LifeSweep})
        EXPECT_EQ(magtwin::resultKindFromName(magtwin::resultKindName(k)), k);
    try {
        magtwin::resultKindFromName("replays");
        FAIL() << "no exception";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("erosion, deposition, openfoam, compare, replay, life-sweep"),
                  std::string::npos);
    }
}
