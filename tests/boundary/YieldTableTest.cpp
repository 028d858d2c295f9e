// Chen (1985) Table 1: Ar+ at 600 eV, normal incidence. chen1985 must reproduce the
// paper's Y0 column and sigmund1969 its Y_S column within 3 % (the tolerance;
// the residual comes from the paper's U_s table vs Yamamura-Tawara's Table I U_s, and
// rounding of the printed values to 2 digits, up to 1 % on its own).
#include "boundary/elements/ElementTable.hpp"
#include "boundary/yield/YieldModelRegistry.hpp"

#include <gtest/gtest.h>

namespace {
struct Row {
    const char* target;
    double chenY0;
    double sigmundYs;
    double experiment;
};
// Chen Guoliang (1985), Table 1.
const Row kTable1[] = {{"Si", 0.47, 1.51, 0.53}, {"Ti", 0.66, 2.13, 0.58}, {"V", 0.63, 2.02, 0.70},
                       {"Ge", 1.09, 3.42, 1.22}, {"Zr", 0.72, 2.36, 0.75}, {"Nb", 0.59, 1.99, 0.65},
                       {"Mo", 0.67, 2.24, 0.84}, {"Sn", 1.64, 5.26, 1.37}, {"Ta", 0.60, 2.28, 0.62},
                       {"W", 0.55, 2.12, 0.60},  {"U", 0.89, 3.59, 0.97}};
}  // namespace

TEST(ChenTable1, Chen1985ReproducesY0Within3Percent) {
    const auto& el = magtwin::ElementTable::builtin();
    for (const auto& row : kTable1) {
        auto m = magtwin::makeYieldModel("chen1985", el.get("Ar"), el.get(row.target));
        EXPECT_NEAR(m->yield(600.0) / row.chenY0, 1.0, 0.03) << row.target;
    }
}

TEST(ChenTable1, Sigmund1969ReproducesYsWithin3Percent) {
    const auto& el = magtwin::ElementTable::builtin();
    for (const auto& row : kTable1) {
        auto m = magtwin::makeYieldModel("sigmund1969", el.get("Ar"), el.get(row.target));
        EXPECT_NEAR(m->yield(600.0) / row.sigmundYs, 1.0, 0.03) << row.target;
    }
}

TEST(ChenTable1, Chen1985WithinPaperClaimOfExperiment) {
    // The paper claims |Y0 - Y|/Y <= 20 % against experiment for 300-1500 eV Ar+;
    // Table 1's own worst case is Mo (0.67 vs 0.84, -20.2 %), so allow 21 %.
    const auto& el = magtwin::ElementTable::builtin();
    for (const auto& row : kTable1) {
        auto m = magtwin::makeYieldModel("chen1985", el.get("Ar"), el.get(row.target));
        EXPECT_NEAR(m->yield(600.0) / row.experiment, 1.0, 0.21) << row.target;
    }
}
