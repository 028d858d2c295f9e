#include "ErosionConfig.hpp"

#include "config/ConfigReader.hpp"
#include "elements/ElementTable.hpp"
#include "erosion/ErosionGrid.hpp"
#include "erosion/YieldMultiplierMap.hpp"
#include "util/Csv.hpp"

#include <cmath>

namespace magtwin {

namespace {

std::function<double(const Eigen::Vector2d&)> multiplierMap(const std::string& file) {
    if (file.empty()) return {};
    // CSV with columns x_mm, y_mm (cathode frame; rotary: arc length) and multiplier.
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
}

}  // namespace

ErosionSetup erosionSetupFor(const ToolFile& tool, const std::string& cathodeName) {
    const ToolCathode& c = tool.cathode(cathodeName);
    const ToolErosionSettings& e = tool.erosion;
    const std::string where = tool.path + ": cathode " + c.name + ": ";
    ErosionSetup s;
    s.configPath = tool.path;
    s.title = tool.name + " / " + c.name;
    s.chamberPosition = c.position;
    const ElementTable& table = ElementTable::builtin();
    const Element& material = table.get(c.target.material);
    const Element& gas = table.get(c.discharge.gas);
    s.material = material.symbol;
    s.gas = gas.symbol;
    if (c.magnets.motion.kind == MagnetMotion::Kind::Wobble && c.magnets.motion.wobbleAmplitudeRad > 0)
        throw ConfigError(where + "magnets.motion.amplitude: a wobbling rotary magnet bar is not modelled by the erosion engine "
                                  "(deposit averages it over the eroded emission); set its amplitude to 0 or kind: none to erode this cathode");
    s.settings.grooveRedeposition = c.target.grooveRedeposition;
    if (c.magnets.motion.kind == MagnetMotion::Kind::Wobble) {  // planar-rect travel across the width
        s.settings.magnetTravelM = c.magnets.motion.wobbleTravelM;
        s.settings.magnetTravelSamples = c.magnets.motion.wobbleSamples;
        s.settings.magnetTravelWaveform = c.magnets.motion.waveform;
        s.settings.magnetTravelDwellFraction = c.magnets.motion.dwellFraction;
    }

    DischargeOperatingPoint op;
    op.voltageV = c.discharge.voltageV;
    op.currentA = c.discharge.currentA;
    op.powerW = c.discharge.powerW.value_or(0.0);
    op.secondaryElectronYield = c.discharge.gammaSE;
    try {
        s.supply = ionSupplyFrom(op, gas, material);
    } catch (const std::invalid_argument& ex) {
        throw ConfigError(where + "discharge: " + ex.what());
    }
    try {
        s.yield = std::make_unique<SputterYield>(c.discharge.yieldModel, e.angular, gas, material);
    } catch (const std::invalid_argument& ex) {
        throw ConfigError(where + "discharge.yield_model: " + ex.what());
    }
    try {
        s.settings.yieldMultiplier = multiplierMap(c.target.multiplierMapFile);
    } catch (const std::exception& ex) {
        throw ConfigError(where + "target.multiplier_map: " + ex.what());
    }
    s.rate = std::make_unique<ErosionRate>(*s.yield, s.supply.ionEnergyEv, material.atomicDensityPerM3());
    try {
        s.flux = std::make_unique<RacetrackFlux>(c.geometry, c.magnets.track, makeTrackProfile(c.magnets.profile),
                                                 s.supply.ionsPerSecond);
    } catch (const std::invalid_argument& ex) {
        // Point at the key that places the loop: ring radius, or the straight/separation.
        const std::string what = ex.what();
        const std::string key = c.kind == CathodeKind::PlanarCircular            ? "ring_radius"
                                : what.find("along the length") != std::string::npos ? "straight_length"
                                                                                      : "track_separation";
        throw ConfigError(c.racetrackOrigin + "." + key + "': " + what);
    }
    s.settings.narrowing.magnetDistanceM = c.target.magnetDistanceM;
    s.settings.narrowing.exponent = c.magnets.narrowingExponent;
    s.settings.gridSpacingM = e.gridSpacingM.value_or(c.meshPitchM);
    s.settings.maxDepthIncrementM = e.maxDepthIncrementM;
    s.settings.rotaryAngularCells = e.angularCells;

    if (!(e.minRemainingThicknessM < c.target.thicknessM))
        throw ConfigError(where + "erosion.min_remaining_thickness must be below the target thickness");
    s.life.minRemainingThicknessM = e.minRemainingThicknessM;
    if (e.lifeLimitKWh) s.life.lifeLimitKWh = *e.lifeLimitKWh;
    s.life.outputLifeKWh = e.outputLifeKWh;
    s.life.outputAngularCells = e.outputAngularCells;

    // VTK output resolution (the CSV cross-sections keep the full grid).
    const ErosionGrid grid(c.geometry, s.settings.gridSpacingM, 1, Eigen::Vector3d::Zero());
    if (e.vtkSpacingM) {
        s.vtkStrideU = std::max<std::size_t>(1, static_cast<std::size_t>(std::llround(*e.vtkSpacingM / grid.du())));
        s.vtkStrideV = c.kind == CathodeKind::Rotary ? 1 : s.vtkStrideU;
    } else if (c.kind != CathodeKind::Rotary) {
        const double points = static_cast<double>(grid.nu()) * static_cast<double>(grid.nv());
        s.vtkStrideU = s.vtkStrideV = static_cast<std::size_t>(std::ceil(std::sqrt(points / 150000.0)));
    } else {
        const double points = static_cast<double>(grid.nu()) * s.life.outputAngularCells;
        s.vtkStrideU = static_cast<std::size_t>(std::ceil(points / 150000.0));
    }
    return s;
}

}  // namespace magtwin
