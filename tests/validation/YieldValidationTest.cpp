// Yield models against the measured yields compiled by Yamamura & Tawara (1996),
// read from ../shared/validation (skipped with a message when absent).
// Metric: median |ln(Y_model/Y_exp)| over points 100 eV - 5 keV, Table I targets.
#include "boundary/elements/ElementTable.hpp"
#include "boundary/yield/YieldModelRegistry.hpp"
#include "boundary/yield/YieldValidation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <iostream>

using namespace magtwin;

namespace {
std::vector<MeasuredYield> loadOrSkip(bool& skipped) {
    const std::string file = measuredYieldsFile(MAGTWIN_VALIDATION_DIR);
    skipped = !std::filesystem::exists(file);
    if (skipped) return {};
    return readMeasuredYields(file);
}
}  // namespace

TEST(YieldValidation, BestModelOnArgonMeetsMedianTarget) {
    bool skipped = false;
    const auto data = loadOrSkip(skipped);
    if (skipped) GTEST_SKIP() << "validation data absent: " << measuredYieldsFile(MAGTWIN_VALIDATION_DIR);
    const auto rows = validateYieldModels(data, ElementTable::builtin(), {});
    double bestAr = 1e9;
    std::string bestName;
    for (const auto& r : rows) {
        std::cout << r.projectile << " " << r.model << " n=" << r.points << " median|ln|=" << r.medianAbsLog
                  << " median ln=" << r.medianSigned << "\n";
        if (r.projectile == "Ar" && r.medianAbsLog < bestAr) bestAr = r.medianAbsLog, bestName = r.model;
        EXPECT_GT(r.points, 0u) << r.projectile << " " << r.model;
    }
    // Issue target for the best model on Ar: median |ln| <= 0.16 (about a 17 % factor).
    EXPECT_LE(bestAr, 0.16) << bestName;
    // The default ("auto" = yamamura1996 on Table I targets) must be that best model.
    EXPECT_EQ(bestName, defaultYieldModelName(ElementTable::builtin().get("Cu")));
}

TEST(YieldValidation, SigmundOverestimatesAtLowEnergy) {
    // Chen (1985): eq. (1) overestimates low-energy yields by a factor 2 to 25. Over
    // 100-300 eV Ar+ points the median ln(Y_S/Y_exp) must exceed ln 2.
    bool skipped = false;
    const auto data = loadOrSkip(skipped);
    if (skipped) GTEST_SKIP() << "validation data absent";
    ValidationOptions o;
    o.projectiles = {"Ar"};
    o.models = {"sigmund1969"};
    o.maxEnergyEv = 300.0;
    const auto rows = validateYieldModels(data, ElementTable::builtin(), o);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_GT(rows[0].medianSigned, std::log(2.0));
}
