// A test fixture per store back end: SQLite in a temp folder always; PostgreSQL when
// MAGTWIN_TEST_POSTGRES_URL names a server (the ctest entry twin.postgres_store starts a real
// PostgreSQL 15 for it). Each test uses its own tool name, so one database serves a suite.
#pragma once

#include "twin/store/TwinStore.hpp"

#include "tests/twin/TwinTestFiles.hpp"

#include <gtest/gtest.h>

#include <cstdlib>
#include <memory>
#include <string>

namespace magtwin::test {

class StoreBackendTest : public ::testing::TestWithParam<std::string> {
protected:
    explicit StoreBackendTest(const std::string& tag) : dir_(tag) {}
    void SetUp() override {
        if (GetParam() == "postgres") {
            const char* url = std::getenv("MAGTWIN_TEST_POSTGRES_URL");
            if (!url) GTEST_SKIP() << "MAGTWIN_TEST_POSTGRES_URL not set (ctest twin.postgres_store sets it)";
            location_ = url;
        } else {
            location_ = dir_.file("store.sqlite");
        }
        store_ = openStore(location_);
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        toolId_ = store_->ensureTool(std::string(info->name()) + "-" + std::to_string(::getpid()));
    }
    TempDir dir_;
    std::string location_;
    std::unique_ptr<TwinStore> store_;
    std::int64_t toolId_ = 0;
};

}  // namespace magtwin::test
