// Calibration versions in the store, on every back end (SQLite always; PostgreSQL when
// MAGTWIN_TEST_POSTGRES_URL names a server, as in StoreSyncTest).
#include "twin/store/TwinStore.hpp"

#include "tests/twin/StoreBackendTest.hpp"

#include <gtest/gtest.h>

namespace magtwin {
namespace {

class StoreCalibration : public test::StoreBackendTest {
protected:
    StoreCalibration() : StoreBackendTest("store-calibration") {}
};

TEST_P(StoreCalibration, VersionsCountUpAndValuesRoundTripExactly) {
    EXPECT_TRUE(store_->calibrations(toolId_).empty());
    CalibrationRecord a;
    a.createdTime = 1751895692.463;
    a.method = "ceres-lm monitor-rate";
    a.parameters = {{"source1", "Ba_T_001", 0.1 + 0.2, 1.0 / 3.0}, {"source3", "Zr T 001", 0.2291, 1e-17}};
    a.summary = "{\"steps\":3}";
    a.gas = {6.31e-21 * 1.1, 1.0 / 7.0 * 1e-21, "fitted"};
    EXPECT_EQ(store_->saveCalibration(toolId_, a), 1);
    CalibrationRecord b = a;
    b.parameters[0].scale = 2.5;
    EXPECT_EQ(store_->saveCalibration(toolId_, b), 2);
    // a reopened store sees both, oldest first, bit-exact
    store_ = openStore(location_);
    const auto all = store_->calibrations(toolId_);
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].version, 1);
    EXPECT_EQ(all[1].version, 2);
    EXPECT_EQ(all[0].createdTime, a.createdTime);
    EXPECT_EQ(all[0].method, a.method);
    EXPECT_EQ(all[0].summary, a.summary);
    ASSERT_EQ(all[0].parameters.size(), 2u);
    EXPECT_EQ(all[0].parameters[0].scale, 0.1 + 0.2);
    EXPECT_EQ(all[0].parameters[0].sigma, 1.0 / 3.0);
    EXPECT_EQ(all[0].parameters[1].targetId, "Zr T 001");
    EXPECT_EQ(all[0].parameters[1].sigma, 1e-17);
    EXPECT_EQ(all[1].parameters[0].scale, 2.5);
    EXPECT_EQ(all[0].gas.sigmaEffM2, 6.31e-21 * 1.1);
    EXPECT_EQ(all[0].gas.sigmaM2, 1.0 / 7.0 * 1e-21);
    EXPECT_EQ(all[0].gas.status, "fitted");
    // another tool has its own versions
    const std::int64_t other =
        store_->ensureTool("other-" + std::to_string(toolId_) + "-" + std::to_string(::getpid()));
    EXPECT_TRUE(store_->calibrations(other).empty());
    EXPECT_EQ(store_->saveCalibration(other, a), 1);
}

INSTANTIATE_TEST_SUITE_P(Backends, StoreCalibration, ::testing::Values("sqlite", "postgres"));

}  // namespace
}  // namespace magtwin
