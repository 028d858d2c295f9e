// The real DTU anait log (../shared/validation) synced into a fresh SQLite store with the
// shipped tool file, for the DTU validation tests (replay, cracker); skipped when the
// validation data is absent.
#pragma once

#include "cli/twin/TwinReplaySetup.hpp"
#include "cli/twin/TwinToolFile.hpp"
#include "twin/replay/TwinReplay.hpp"
#include "twin/store/TwinStore.hpp"
#include "twin/sync/LogSync.hpp"

#include <gtest/gtest.h>

#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace magtwin {

inline const std::string kDtuLog =
    std::string(MAGTWIN_VALIDATION_DIR) + "/process_logs/dtu_nanolab_anait_0034_Ba-Zr_RecordingSet_2025.07.07.csv";
inline const std::string kDtuTool = std::string(MAGTWIN_SOURCE_DIR) + "/cases/tools/dtu_anait.yaml";

class DtuSyncedStore : public ::testing::Test {
protected:
    void SetUp() override {
        if (!std::filesystem::exists(kDtuLog)) GTEST_SKIP() << "validation data absent: " << kDtuLog;
        dir_ = std::filesystem::temp_directory_path() /
               ("magtwin-dtu-" + std::string(::testing::UnitTest::GetInstance()->current_test_info()->name()) + "-" +
                std::to_string(::getpid()));
        std::filesystem::create_directories(dir_);
        tf_ = loadTwinToolFile(kDtuTool);
        store_ = openStore((dir_ / "s.sqlite").string());
        tool_ = store_->ensureTool(tf_.name);
        FileSync sync(*store_, tool_, tf_.logs.front(), kDtuLog);
        sync.pump();
        setup_ = replaySetupFor(tf_, "");
    }
    void TearDown() override {
        store_.reset();
        if (!dir_.empty()) std::filesystem::remove_all(dir_);
    }
    std::filesystem::path dir_;
    TwinToolFile tf_;
    std::unique_ptr<TwinStore> store_;
    std::int64_t tool_ = 0;
    ReplaySetup setup_;
};

}  // namespace magtwin
