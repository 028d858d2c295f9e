#include "ErosionConfig.hpp"

#include "config/ConfigReader.hpp"
#include "elements/ElementTable.hpp"
#include "erosion/YieldMultiplierMap.hpp"
#include "util/Csv.hpp"
#include "yield/AngularFactor.hpp"
#include "yield/YieldModelRegistry.hpp"

#include <filesystem>

namespace magtwin {

namespace {

/// Relative data-file paths in a config are relative to the config's folder.
std::string besideConfig(const std::string& configPath, const std::string& file) {
    const std::filesystem::path p(file);
    if (p.is_absolute()) return file;
    return (std::filesystem::path(configPath).parent_path() / p).string();
}

const Element& element(const ConfigSection& s, const std::string& key, bool asTarget) {
    const ElementTable& table = ElementTable::builtin();
    const std::string symbol = s.text(key);
    const Element* e = table.find(symbol);
    if (!e || (asTarget && (!e->surfaceBindingEv || !e->densityGPerCm3))) {
        const auto valid = asTarget ? table.targetSymbols() : table.symbols();
        const std::string near = closestMatch(symbol, valid);
        std::string list;
        for (const auto& v : valid) list += (list.empty() ? "" : " ") + v;
        s.fail(key, "'" + symbol + "' is not a known " + (asTarget ? "target material" : "gas") +
                        (near.empty() ? "" : " (did you mean '" + near + "'?)") + "; valid: " + list);
    }
    return *e;
}

TargetGeometry readTarget(const ConfigSection& cathode, const ConfigSection& target) {
    TargetGeometry t;
    t.kind = cathodeKindFromName(cathode.choice("type", {"planar-rect", "planar-circular", "rotary"}));
    switch (t.kind) {
        case CathodeKind::PlanarRect:
            t.lengthM = cathode.positiveQuantity("length", Dimension::Length);
            t.widthM = cathode.positiveQuantity("width", Dimension::Length);
            break;
        case CathodeKind::PlanarCircular:
            t.radiusM = cathode.positiveQuantity("radius", Dimension::Length);
            break;
        case CathodeKind::Rotary:
            t.lengthM = cathode.positiveQuantity("length", Dimension::Length);
            t.radiusM = cathode.positiveQuantity("outer_radius", Dimension::Length);
            break;
    }
    t.thicknessM = target.positiveQuantity("thickness", Dimension::Length);
    if (t.kind == CathodeKind::Rotary && t.thicknessM >= t.radiusM)
        target.fail("thickness", "must be smaller than the tube's outer radius");
    return t;
}

TrackProfileSpec readProfile(const ConfigSection& p, const std::string& configPath) {
    TrackProfileSpec spec;
    spec.shape = p.choice("shape", trackProfileNames());
    if (spec.shape == "gaussian") spec.sigmaM = p.positiveQuantity("sigma", Dimension::Length);
    if (spec.shape == "asymmetric-gaussian") {
        spec.sigmaInnerM = p.positiveQuantity("sigma_inner", Dimension::Length);
        spec.sigmaOuterM = p.positiveQuantity("sigma_outer", Dimension::Length);
    }
    if (spec.shape == "tabulated") {
        // CSV with columns offset_mm (outward positive) and value (any unit, normalised).
        const std::string file = besideConfig(configPath, p.text("file"));
        try {
            const CsvTable t = CsvTable::readFile(file);
            t.requireColumn("offset_mm");
            t.requireColumn("value");
            for (std::size_t r = 0; r < t.rowCount(); ++r) {
                spec.tableOffsetsM.push_back(t.number(r, "offset_mm") * 1e-3);
                spec.tableValues.push_back(t.number(r, "value"));
            }
        } catch (const std::exception& e) {
            p.fail("file", e.what());
        }
    }
    return spec;
}

std::function<double(const Eigen::Vector2d&)> readMultiplierMap(const ConfigSection& y, const std::string& configPath) {
    if (!y.has("multiplier_map")) return {};
    // CSV with columns x_mm, y_mm (cathode frame; rotary: arc length) and multiplier.
    const std::string file = besideConfig(configPath, y.text("multiplier_map"));
    try {
        const CsvTable t = CsvTable::readFile(file);
        std::vector<double> xs, ys, ms;
        for (const char* c : {"x_mm", "y_mm", "multiplier"}) t.requireColumn(c);
        for (std::size_t r = 0; r < t.rowCount(); ++r) {
            xs.push_back(t.number(r, "x_mm") * 1e-3);
            ys.push_back(t.number(r, "y_mm") * 1e-3);
            ms.push_back(t.number(r, "multiplier"));
        }
        auto map = std::make_shared<YieldMultiplierMap>(YieldMultiplierMap::fromRows(xs, ys, ms));
        return [map](const Eigen::Vector2d& p) { return (*map)(p); };
    } catch (const std::exception& e) {
        y.fail("multiplier_map", e.what());
    }
}

}  // namespace

ErosionSetup loadErosionSetup(const std::string& path) {
    const ConfigSection root = ConfigSection::loadFile(path);
    ErosionSetup s;
    s.configPath = path;
    s.title = root.textOr("title", std::filesystem::path(path).stem().string());

    const ConfigSection cathode = root.section("cathode");
    const ConfigSection target = root.section("target");
    const TargetGeometry geometry = readTarget(cathode, target);
    const Element& material = element(target, "material", true);
    s.material = material.symbol;

    const ConfigSection discharge = root.section("discharge");
    const Element& gas = discharge.has("gas") ? element(discharge, "gas", false) : ElementTable::builtin().get("Ar");
    s.gas = gas.symbol;
    DischargeOperatingPoint op;
    op.voltageV = discharge.positiveQuantity("voltage", Dimension::Voltage);
    op.currentA = discharge.optionalQuantity("current", Dimension::Current);
    if (!op.currentA) op.powerW = discharge.positiveQuantity("power", Dimension::Power);
    if (discharge.has("gamma_se")) op.secondaryElectronYield = discharge.number("gamma_se");
    try {
        s.supply = ionSupplyFrom(op, gas, material);
    } catch (const std::invalid_argument& e) {
        discharge.fail(discharge.has("gamma_se") ? "gamma_se" : "voltage", e.what());
    }

    const auto yieldSec = root.optionalSection("yield");
    const std::string model = yieldSec ? yieldSec->textOr("model", "auto") : "auto";
    std::vector<std::string> angularNames = angularFactorNames();
    const std::string angular = yieldSec ? yieldSec->choice("angular", angularNames, "yamamura1983") : "yamamura1983";
    try {
        s.yield = std::make_unique<SputterYield>(model, angular, gas, material);
    } catch (const std::invalid_argument& e) {
        yieldSec ? yieldSec->fail("model", e.what()) : root.fail("yield", e.what());
    }
    if (yieldSec) s.settings.yieldMultiplier = readMultiplierMap(*yieldSec, path);
    s.rate = std::make_unique<ErosionRate>(*s.yield, s.supply.ionEnergyEv, material.atomicDensityPerM3());

    const ConfigSection track = root.section("racetrack");
    RacetrackSpec spec;
    if (geometry.kind == CathodeKind::PlanarCircular) {
        spec.ringRadiusM = track.positiveQuantity("ring_radius", Dimension::Length);
        spec.magnetOffsetM = track.quantityOr("magnet_offset", Dimension::Length, 0.0);
        if (spec.magnetOffsetM < 0) track.fail("magnet_offset", "must be >= 0");
        spec.magnetAngleSamples = track.integerOr("magnet_angle_samples", 256);
    } else {
        spec.straightLengthM = track.positiveQuantity("straight_length", Dimension::Length, true);
        spec.trackSeparationM = track.positiveQuantity("track_separation", Dimension::Length);
    }
    spec.turnaroundEnhancement = track.numberOr("turnaround_enhancement", 1.0);
    if (!(spec.turnaroundEnhancement > 0)) track.fail("turnaround_enhancement", "must be positive");
    std::shared_ptr<TrackProfile> profile;
    const ConfigSection profileSec = track.section("profile");
    const TrackProfileSpec profileSpec = readProfile(profileSec, path);
    try {
        profile = makeTrackProfile(profileSpec);
    } catch (const std::invalid_argument& e) {
        profileSec.fail(profileSpec.shape == "tabulated" ? "file" : "shape", e.what());
    }
    try {
        s.flux = std::make_unique<RacetrackFlux>(geometry, spec, profile, s.supply.ionsPerSecond);
    } catch (const std::invalid_argument& e) {
        // Point at the key that places the loop: ring radius, or the straight/separation.
        const std::string what = e.what();
        const std::string key = geometry.kind == CathodeKind::PlanarCircular ? "ring_radius"
                                : what.find("along the length") != std::string::npos ? "straight_length"
                                                                                      : "track_separation";
        track.fail(key, what);
    }
    s.settings.narrowing.magnetDistanceM = target.quantityOr("magnet_distance", Dimension::Length, 0.0);
    if (s.settings.narrowing.magnetDistanceM != 0.0 && s.settings.narrowing.magnetDistanceM <= geometry.thicknessM)
        target.fail("magnet_distance", "must exceed the target thickness (it is measured from the new target face)");
    s.settings.narrowing.exponent = track.numberOr("narrowing_exponent", 1.0);
    if (s.settings.narrowing.exponent < 0) track.fail("narrowing_exponent", "must be >= 0");

    if (const auto solver = root.optionalSection("solver")) {
        s.settings.gridSpacingM = solver->positiveQuantity("grid_spacing", Dimension::Length);
        s.settings.maxDepthIncrementM = solver->quantityOr("max_depth_increment", Dimension::Length, 0.1e-3);
        if (!(s.settings.maxDepthIncrementM > 0)) solver->fail("max_depth_increment", "must be positive");
        s.settings.rotaryAngularCells = solver->integerOr("angular_cells", 0);
        if (s.settings.rotaryAngularCells < 0) solver->fail("angular_cells", "must be >= 0");
    }
    if (const auto place = root.optionalSection("placement")) {
        const auto o = place->quantityList("origin", Dimension::Length);
        if (o.size() != 3) place->fail("origin", "expected three lengths [x, y, z]");
        s.settings.origin = Eigen::Vector3d(o[0], o[1], o[2]);
    }
    if (const auto life = root.optionalSection("life")) {
        s.life.minRemainingThicknessM = life->quantityOr("min_remaining_thickness", Dimension::Length, 1e-3);
        if (!(s.life.minRemainingThicknessM >= 0 && s.life.minRemainingThicknessM < geometry.thicknessM))
            life->fail("min_remaining_thickness", "must be >= 0 and below the target thickness");
        if (const auto kwh = life->optionalQuantity("limit", Dimension::Energy)) {
            if (!(*kwh > 0)) life->fail("limit", "must be positive");
            s.life.lifeLimitKWh = *kwh / 3.6e6;
        }
        for (double j : life->quantityList("outputs", Dimension::Energy)) {
            if (j < 0) life->fail("outputs", "life points must be >= 0");
            s.life.outputLifeKWh.push_back(j / 3.6e6);
        }
        s.life.outputAngularCells = life->integerOr("output_angular_cells", 72);
    }
    root.rejectUnknownKeys();
    return s;
}

}  // namespace magtwin
