#include "cli/ErosionConfig.hpp"

#include "cli/config/ConfigReader.hpp"
#include "solvers/erosion/ErosionGrid.hpp"

#include <cmath>
#include <cstdio>

namespace magtwin {

Eigen::Vector3d erosionPointInChamber(const ErosionSetup& setup, const Eigen::Vector3d& p) {
    return placeOnCathode(setup.chamberOrientation, setup.chamberPosition, Eigen::Vector3d(-p.y(), p.x(), p.z()));
}

ErosionSetup erosionSetupFor(const ToolFile& tool, const std::string& cathodeName) {
    ToolCathode c = tool.cathode(cathodeName);
    const ToolErosionSettings& e = tool.erosion;
    ErosionSetup s;
    s.configPath = tool.path;
    s.title = tool.name + " / " + c.name;
    s.chamberPosition = c.position;
    s.chamberOrientation = c.orientation;
    s.material = c.target.material.name;
    s.gas = c.discharge.gas;
    try {
        if ((s.reactive = reactiveStateFor(tool, c))) c.target.stateYieldFactor = s.reactive->yieldFactor;
        s.engine = makeErosionEngine(c, e);
    } catch (const CathodeSpecError& ex) {
        // loadToolFile ran the same checks with file and line; a ToolFile built in code lands here.
        throw ConfigError(tool.path + ": cathode " + c.name + ": " + ex.key + ": " + ex.what());
    }
    if (rotaryWobbleIgnoredByErosion(c)) s.rotaryWobbleAmplitudeRad = c.magnets.motion.wobbleAmplitudeRad;
    s.life = s.engine->life;
    s.life.outputAngularCells = e.outputAngularCells;

    // VTK output resolution (the CSV cross-sections keep the full grid).
    const ErosionGrid& grid = s.engine->front->grid();
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

std::string rotaryWobbleNote(const ErosionSetup& s) {
    if (!(s.rotaryWobbleAmplitudeRad > 0)) return "";
    char b[64];
    std::snprintf(b, sizeof b, "%.6g deg", s.rotaryWobbleAmplitudeRad * 180 / M_PI);
    return "the magnet bar swings +-" + std::string(b) +
           " around the tube axis; a turning tube's erosion is the rotation average of the racetrack, which the swing "
           "does not change, so the tube erodes as with a fixed bar (deposit applies the swing to the emission)";
}

}  // namespace magtwin
