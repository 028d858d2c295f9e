#include "cli/tool/ToolRunSettings.hpp"

namespace magtwin {

namespace {
constexpr double kJoulePerKWh = 3.6e6;  // exact
}  // namespace

void readErosionSettings(const SchemaSection& top, ToolErosionSettings& e) {
    const auto s = top.section("erosion");
    if (!s) return;
    e.angular = s->text("angular");
    e.gridSpacingM = s->optionalQuantity("grid_spacing");
    if (e.gridSpacingM && !(*e.gridSpacingM > 0)) s->fail("grid_spacing", "must be > 0");
    e.maxDepthIncrementM = positive(*s, "max_depth_increment");
    e.angularCells = s->integer("angular_cells", 0);
    e.minRemainingThicknessM = s->quantity("min_remaining_thickness");
    if (e.minRemainingThicknessM < 0) s->fail("min_remaining_thickness", "must be >= 0");
    if (const auto limit = s->optionalQuantity("limit")) {
        if (!(*limit > 0)) s->fail("limit", "must be positive");
        e.lifeLimitKWh = *limit / kJoulePerKWh;
    }
    for (double j : s->quantityList("outputs")) {
        if (j < 0) s->fail("outputs", "life points must be >= 0");
        e.outputLifeKWh.push_back(j / kJoulePerKWh);
    }
    e.outputAngularCells =
        s->integer("output_angular_cells", 8);  // minimum accepted (a written tube needs a few cells)
    e.vtkSpacingM = s->optionalQuantity("vtk_spacing");
    if (e.vtkSpacingM && !(*e.vtkSpacingM > 0)) s->fail("vtk_spacing", "must be positive");
}

void readDepositionSettings(const SchemaSection& top, ToolDepositionSettings& d) {
    const auto s = top.section("deposition");
    d.gasSigmaEffM2 = std::stod(toolKey("deposition.gas_model", "sigma_eff_m2").defaultValue);
    d.gasEta = std::stod(toolKey("deposition.gas_model", "eta").defaultValue);
    d.gasThermalisationColumnPerM2 =
        std::stod(toolKey("deposition.gas_model", "thermalisation_column_per_m2").defaultValue);
    d.histories = std::stol(toolKey("deposition.monte_carlo", "histories").defaultValue);
    d.seed = std::stol(toolKey("deposition.monte_carlo", "seed").defaultValue);
    if (!s) return;
    d.angular = s->text("angular");
    d.cosExponent = s->number("cos_exponent");
    if (!(d.cosExponent > 0)) s->fail("cos_exponent", "must be > 0");
    if (const auto o = s->section("optimise")) {
        d.optimiseTrims = o->flag("power_trims");
        d.minTrim = o->number("min_trim");
        d.maxTrim = o->number("max_trim");
        if (!(d.minTrim > 0 && d.minTrim <= 1 && d.maxTrim >= 1))
            o->fail("min_trim", "need 0 < min_trim <= 1 <= max_trim");
        d.wobbleCandidatesRad = o->quantityList("wobble_amplitudes");
        for (double a : d.wobbleCandidatesRad)
            if (a < 0 || a > 1.0) o->fail("wobble_amplitudes", "each must be between 0 and 57 deg");
        if (!d.wobbleCandidatesRad.empty() && !d.optimiseTrims) o->fail("wobble_amplitudes", "needs power_trims: true");
        d.endBoostGainBounds = o->numberList("end_boost_gain");
        d.endBoostLengthBoundsM = o->quantityList("end_boost_length");
        for (const char* key : {"end_boost_gain", "end_boost_length"}) {
            const auto& b = std::string(key) == "end_boost_gain" ? d.endBoostGainBounds : d.endBoostLengthBoundsM;
            if (b.empty()) continue;
            if (b.size() != 2 || !(b[0] <= b[1])) o->fail(key, "expected [min, max] with min <= max");
            if (!d.optimiseTrims) o->fail(key, "needs power_trims: true");
            if (!d.wobbleCandidatesRad.empty())
                o->fail(key, "not together with wobble_amplitudes (one search at a time)");
        }
        if (!d.endBoostGainBounds.empty() && d.endBoostGainBounds[0] < -1.0)
            o->fail("end_boost_gain", "min must be >= -1 (the flux factor 1 + gain >= 0)");
        if (!d.endBoostLengthBoundsM.empty() && !(d.endBoostLengthBoundsM[0] > 0))
            o->fail("end_boost_length", "min must be > 0");
    }
    if (const auto g = s->section("gas_model")) {
        d.gasModelGiven = true;
        d.gasSigmaEffM2 = g->number("sigma_eff_m2");
        if (!(d.gasSigmaEffM2 > 0)) g->fail("sigma_eff_m2", "must be > 0");
        d.gasEta = g->number("eta");
        if (!(d.gasEta >= 0 && d.gasEta <= 1)) g->fail("eta", "must be between 0 and 1");
        d.gasThermalisationColumnPerM2 = g->number("thermalisation_column_per_m2");
        if (!(d.gasThermalisationColumnPerM2 >= 0)) g->fail("thermalisation_column_per_m2", "must be >= 0");
    }
    if (const auto mc = s->section("monte_carlo")) {
        d.histories = mc->integer("histories", 1);  // minimum accepted; the default is the schema's
        d.seed = mc->integer("seed", 0);
    }
}

}  // namespace magtwin
