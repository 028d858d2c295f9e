// YieldSweep (what `magtwin yield` computes): the curves against published numbers and
// closed forms, and the validation table's medians on points built with known ratios.
#include "boundary/elements/ElementTable.hpp"
#include "boundary/yield/AngularFactor.hpp"
#include "boundary/yield/YieldModelRegistry.hpp"
#include "boundary/yield/YieldSweep.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <stdexcept>

using namespace magtwin;

namespace {
const ElementTable& table() { return ElementTable::builtin(); }
}  // namespace

// Chen (1985) Table 1, Ar+ 600 eV on Mo: Y = 0.67; the paper's formula reproduces its own
// table to <= 2.6 % (Chen1985.hpp), so 3 %. Yamamura & Tawara (1996) eq. (18) threshold for
// M1 <= M2: E_th = U_s (1 + 5.7 M1/M2) / gamma, gamma = 4 M1 M2 / (M1 + M2)^2, with the
// element table's U_s and masses (closed form, 1e-12).
TEST(YieldSweep, CurvesMatchPublishedValuesAndClosedForms) {
    const Element &ar = table().get("Ar"), &mo = table().get("Mo");
    const auto curves =
        yieldSweep(ar, mo, {"chen1985", "auto", "sigmund1969"}, "yamamura1983", 0.0, {300.0, 600.0, 1200.0});
    ASSERT_EQ(curves.size(), 3u);
    EXPECT_EQ(curves[0].model, "chen1985");
    EXPECT_NEAR(curves[0].yield[1], 0.67, 0.03 * 0.67);
    // "auto" resolves to the registry's default for a Table I target (yamamura1996).
    EXPECT_EQ(curves[1].model, defaultYieldModelName(mo));
    EXPECT_EQ(curves[1].model, "yamamura1996");
    const double M1 = ar.massAmu, M2 = mo.massAmu, gamma = 4 * M1 * M2 / ((M1 + M2) * (M1 + M2));
    ASSERT_TRUE(curves[1].thresholdEv);
    EXPECT_NEAR(*curves[1].thresholdEv, *mo.surfaceBindingEv * (1 + 5.7 * M1 / M2) / gamma,
                1e-12 * *curves[1].thresholdEv);
    // Sigmund's formula has no threshold; every curve rises with energy over 300 - 1200 eV.
    EXPECT_FALSE(curves[2].thresholdEv);
    for (const auto& c : curves) {
        EXPECT_EQ(c.energyEv, (std::vector<double>{300.0, 600.0, 1200.0}));
        EXPECT_LT(c.yield[0], c.yield[1]) << c.model;
        EXPECT_LT(c.yield[1], c.yield[2]) << c.model;
        EXPECT_EQ(c.angularFactor, "none");  // normal incidence: the angular model is not applied
        EXPECT_FALSE(c.citation.empty());
    }
}

// At 60 deg with yamamura1983 the yield is the normal-incidence yield times the report's
// factor t^f exp(-f cos(theta_opt) (t - 1)), t = 1 / cos(theta) (AngularFactor.hpp, with
// that model's f and theta_opt at the energy; 1e-12); with "none" it is the normal yield.
TEST(YieldSweep, AngularFactorAppliesOnlyOffNormal) {
    const Element &ar = table().get("Ar"), &cu = table().get("Cu");
    const double theta = 60.0 * M_PI / 180.0, E = 500.0;
    const auto normal = yieldSweep(ar, cu, {"yamamura1996"}, "yamamura1983", 0.0, {E});
    const auto oblique = yieldSweep(ar, cu, {"yamamura1996"}, "yamamura1983", theta, {E});
    const auto flat = yieldSweep(ar, cu, {"yamamura1996"}, "none", theta, {E});
    EXPECT_EQ(oblique[0].angularFactor, "yamamura1983");
    const YamamuraAngular1983 report(ar, cu);
    const double t = 1 / std::cos(theta), f = report.exponentF(E);
    const double factor = std::pow(t, f) * std::exp(-f * std::cos(report.optimumAngle(E)) * (t - 1));
    EXPECT_NEAR(oblique[0].yield[0], normal[0].yield[0] * factor, 1e-12 * oblique[0].yield[0]);
    EXPECT_EQ(flat[0].yield[0], normal[0].yield[0]);
    EXPECT_THROW(yieldSweep(ar, cu, {"no-such-model"}, "none", 0.0, {500.0}), std::invalid_argument);
    EXPECT_THROW(yieldSweep(ar, cu, {"chen1985"}, "no-such-factor", theta, {500.0}), std::invalid_argument);
}

// The table's medians on measured points made from chen1985's own yields divided by known
// factors e^l, so ln(Y_model / Y_exp) = l exactly (to rounding):
//   Ar on Cu: l = 0.1, -0.3, 0.2 (200, 500, 1000 eV); Ar on Mo: l = -0.05 (300 eV);
//   left out: Mo at 6 keV (beyond 5 keV), a zero yield, a Kr point (another projectile).
// Ar, chen1985: 4 points on 2 targets; median |l| of {0.05, 0.1, 0.2, 0.3} = 0.15; median l
// of {-0.3, -0.05, 0.1, 0.2} = 0.025. Per target: Cu median l = 0.1, Mo = -0.05.
TEST(YieldSweep, ValidationTableMediansWorkedByHand) {
    const Element &ar = table().get("Ar"), &kr = table().get("Kr"), &cu = table().get("Cu"), &mo = table().get("Mo");
    const auto chen = [&](const Element& ion, const Element& t, double E) {
        return yieldSweep(ion, t, {"chen1985"}, "none", 0.0, {E})[0].yield[0];
    };
    std::vector<MeasuredYield> data = {{"Cu", "Ar", 200, chen(ar, cu, 200) / std::exp(0.1)},
                                       {"Cu", "Ar", 500, chen(ar, cu, 500) / std::exp(-0.3)},
                                       {"Cu", "Ar", 1000, chen(ar, cu, 1000) / std::exp(0.2)},
                                       {"Mo", "Ar", 300, chen(ar, mo, 300) / std::exp(-0.05)},
                                       {"Mo", "Ar", 6000, chen(ar, mo, 6000)},
                                       {"Mo", "Ar", 800, 0.0},
                                       {"Cu", "Kr", 800, chen(kr, cu, 800) * 2}};
    ValidationOptions o;
    o.projectiles = {"Ar"};
    o.models = {"chen1985"};
    const YieldValidationTable t = yieldValidationTable(data, table(), "Ar", o);
    ASSERT_EQ(t.rows.size(), 1u);
    EXPECT_EQ(t.rows[0].points, 4u);
    EXPECT_EQ(t.rows[0].targets, 2u);
    EXPECT_NEAR(t.rows[0].medianAbsLog, 0.15, 1e-12);
    EXPECT_NEAR(t.rows[0].medianSigned, 0.025, 1e-12);
    ASSERT_EQ(t.byTarget.size(), 2u);
    EXPECT_EQ(t.byTarget[0].target, "Cu");
    EXPECT_EQ(t.byTarget[0].points, 3u);
    EXPECT_NEAR(t.byTarget[0].medianSigned, 0.1, 1e-12);
    EXPECT_EQ(t.byTarget[1].target, "Mo");
    EXPECT_NEAR(t.byTarget[1].medianSigned, -0.05, 1e-12);
    // The measured points of one pair (for the plot): positive yields only.
    EXPECT_EQ(measuredYieldsOf(data, "Ar", "Mo").size(), 2u);
    EXPECT_EQ(measuredYieldsOf(data, "Kr", "Cu").size(), 1u);
}
