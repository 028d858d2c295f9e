#include "cli/tool/FoamCaseLayout.hpp"

#include "boundary/util/PhysicalConstants.hpp"
#include "cli/tool/FoamDict.hpp"

#include "cli/config/ConfigReader.hpp"
#include "cli/deposit/DepositConfig.hpp"
#include "solvers/deposition/ChamberWalls.hpp"
#include "solvers/deposition/DepositionRun.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace magtwin {

namespace {

/// The tool file describes no chamber wall: the core's rule (solvers/deposition/ChamberWalls.hpp,
/// the gas Monte Carlo's box too); the target plane outside the targets is the shields.
double wallMargin(double halfSize) { return chamberWallMarginM(halfSize); }

/// The narrowest width of the racetrack profile (the cells across a target resolve it).
double profileSigma(const ToolCathode& c) {
    const auto& p = c.magnets.profile;
    return p.shape == "asymmetric-gaussian" ? std::min(p.sigmaInnerM, p.sigmaOuterM) : p.sigmaM;
}

void checkNames(const ToolFile& tool, const ToolSubstrate& s) {
    const std::string file = tool.path + ": ";
    for (const ToolCathode& c : tool.cathodes)
        for (const std::string& reserved : {std::string("shields"), std::string("walls"), s.name})
            if (c.name == reserved)
                throw ConfigError(file + "cathode " + c.name + ": its name is also the patch of the " +
                                  (reserved == s.name ? "substrate" : reserved) + "; rename the cathode");
    if (s.name == "shields" || s.name == "walls")
        throw ConfigError(file + "substrate " + s.name + ": its name is also a chamber patch; rename the substrate");
}

void cylinderLayout(const ToolFile& tool, const ToolSubstrate& s, FoamCaseLayout& l) {
    const std::string file = tool.path + ": ";
    const ToolCathode& c = tool.cathodes.front();
    const std::string where = file + "cathode " + c.name + ": ";
    const std::string sub = file + "substrate " + s.name + ": ";
    if (tool.cathodes.size() != 1)
        throw ConfigError(file + "cathode " + tool.cathodes.at(1).name +
                          ": foam-case meshes one circular planar target over a wafer; this tool file has " +
                          std::to_string(tool.cathodes.size()) + " cathodes");
    if (s.kind != "wafer")
        throw ConfigError(sub + "kind " + s.kind + ": foam-case meshes a wafer under a circular target");
    const double axisOffset = std::hypot(c.position.x() - s.centreXM, c.position.y() - s.centreYM);
    if (axisOffset > 1e-6)
        throw ConfigError(where + "its axis is " + foamNumber(axisOffset * 1e3) + " mm off the centre of substrate " +
                          s.name + ": foam-case meshes a target coaxial with the wafer");
    if (s.motion.kind != "static" && s.motion.kind != "rotation")
        throw ConfigError(sub + "motion.kind " + s.motion.kind +
                          ": foam-case takes a static or rotating wafer (coaxial with the target, the rotation "
                          "average of an axisymmetric source is the static film)");
    l.kind = FoamCaseLayout::Kind::Cylinder;
    CylinderChamber& g = l.cylinder;
    g.centreXM = s.centreXM;
    g.centreYM = s.centreYM;
    g.heightM = c.position.z();
    g.waferRadiusM = 0.5 * s.sizeXM;
    g.qualityRadiusM = g.waferRadiusM - s.edgeExclusionM;
    g.targetRadiusM = c.geometry.radiusM;
    const double rMax = std::max(g.waferRadiusM, g.targetRadiusM);
    g.chamberRadiusM = rMax + wallMargin(rMax);
    g.edgeCellM = s.pitchM;  // the faces at the quality edge: deposit's map pitch
    g.substratePatch = s.name;
    g.targetPatch = c.name;
    l.qualityArea = "type disc; centre (" + foamNumber(g.centreXM) + " " + foamNumber(g.centreYM) +
                    " 0); normal (0 0 1); radius " + foamNumber(g.qualityRadiusM) + ";";
    l.reduction =
        "none: the chamber is axisymmetric, but the line-of-sight flux sums over the target faces of "
        "the mesh, so the full 360 degrees are meshed";
}

void boxLayout(const ToolFile& tool, const ToolSubstrate& s, FoamCaseLayout& l) {
    const std::string file = tool.path + ": ";
    const std::string sub = file + "substrate " + s.name + ": ";
    const double H = tool.cathodes.front().position.z();
    BoxChamber& b = l.box;
    b.targetCellM = 1e9;
    for (const ToolCathode& c : tool.cathodes) {
        const std::string where = file + "cathode " + c.name + ": ";
        if (c.kind != CathodeKind::PlanarRect)
            throw ConfigError(where + cathodeKindName(c.kind) +
                              ": foam-case meshes planar rectangular targets side by side (or one circular target "
                              "over a wafer, or a line of rotary tubes)");
        if (std::abs(c.position.z() - H) > 1e-9)
            throw ConfigError(where + "its face at z = " + foamNumber(c.position.z()) + " m is not in the plane of " +
                              tool.cathodes.front().name + "'s (z = " + foamNumber(H) +
                              " m): foam-case meshes targets whose faces share one plane");
        PatchRect t{c.position.x() - 0.5 * c.geometry.widthM, c.position.x() + 0.5 * c.geometry.widthM,
                    c.position.y() - 0.5 * c.geometry.lengthM, c.position.y() + 0.5 * c.geometry.lengthM, c.name};
        b.targets.push_back(t);
        // The turnarounds: from 3 sigma inside the straights' ends to the target's end.
        const auto& track = c.magnets.track;
        b.endZoneM = std::max(b.endZoneM, 0.5 * (c.geometry.lengthM - track.straightLengthM) + 3 * profileSigma(c));
        // 1.5 sigma across: the face-centre sum of a Gaussian on that grid is exact to
        // 2 exp(-2 pi^2 / 1.5^2) = 3e-4 (Poisson summation).
        b.targetCellM = std::min(b.targetCellM, 1.5 * profileSigma(c));
    }
    if (s.motion.kind != "static")
        throw ConfigError(sub + "motion.kind " + s.motion.kind +
                          ": foam-case meshes a static glass under planar targets (a scan's average is not generated)");
    b.heightM = H;
    b.substrate = {s.centreXM - 0.5 * s.sizeXM, s.centreXM + 0.5 * s.sizeXM, s.centreYM - 0.5 * s.sizeYM,
                   s.centreYM + 0.5 * s.sizeYM, s.name};
    b.quality = {b.substrate.x0 + s.edgeExclusionM, b.substrate.x1 - s.edgeExclusionM,
                 b.substrate.y0 + s.edgeExclusionM, b.substrate.y1 - s.edgeExclusionM, s.name};
    double x0 = b.substrate.x0, x1 = b.substrate.x1, y0 = b.substrate.y0, y1 = b.substrate.y1;
    for (const PatchRect& t : b.targets) {
        x0 = std::min(x0, t.x0);
        x1 = std::max(x1, t.x1);
        y0 = std::min(y0, t.y0);
        y1 = std::max(y1, t.y1);
    }
    const double mx = wallMargin(0.5 * (x1 - x0)), my = wallMargin(0.5 * (y1 - y0));
    b.x0 = x0 - mx;
    b.x1 = x1 + mx;
    b.y0 = y0 - my;
    b.y1 = y1 + my;
    b.edgeCellM = s.pitchM;
    l.kind = FoamCaseLayout::Kind::Box;
    l.qualityArea = "type box; min (" + foamNumber(b.quality.x0) + " " + foamNumber(b.quality.y0) + " -1); max (" +
                    foamNumber(b.quality.x1) + " " + foamNumber(b.quality.y1) + " 1);";
    l.reduction =
        "none: the line-of-sight flux sums over the target faces of the mesh, so a half or quarter "
        "with symmetry planes would drop the mirrored emitters";
}

/// True when the along-track factor is the same at +x and -x (uniform, end boost, a table
/// measured from the nearer end).
bool alongTrackSymmetric(const ToolCathode& c) {
    const AlongTrackProfile& a = c.magnets.track.alongTrack;
    return a.shape != AlongTrackProfile::Shape::Table || a.symmetric || a.isUniform();
}

void rotaryLayout(const ToolFile& tool, const ToolSubstrate& s, FoamCaseLayout& l) {
    const std::string file = tool.path + ": ";
    const std::string sub = file + "substrate " + s.name + ": ";
    RotaryChamber& r = l.rotary;
    r.tubeCellM = 1e9;
    bool symmetric = true;
    for (const ToolCathode& c : tool.cathodes) {
        const std::string where = file + "cathode " + c.name + ": ";
        if (c.kind != CathodeKind::Rotary)
            throw ConfigError(where + cathodeKindName(c.kind) +
                              ": foam-case meshes a line of rotary tubes (the first "
                              "cathode, " +
                              tool.cathodes.front().name + ", is rotary) with no planar target among them");
        // deposit averages a tube's emission over the magnet bar's swing (RacetrackSources);
        // sputteredFlux emits the fixed bar's lab-frame flux and foam-dict writes no swing.
        if (c.magnets.motion.kind == MagnetMotion::Kind::Wobble && c.magnets.motion.wobbleAmplitudeRad > 0)
            throw ConfigError(where + "magnets.motion wobble amplitude " +
                              foamNumber(c.magnets.motion.wobbleAmplitudeRad * 180 / kPi) +
                              " deg: sputteredFlux emits the fixed magnet bar's flux (no swing average); set "
                              "the amplitude to 0 deg for foam-case");
        FoamTube t;
        t.xM = c.position.x();
        t.zM = c.position.z();
        t.y0M = c.position.y() - 0.5 * c.geometry.lengthM;
        t.y1M = c.position.y() + 0.5 * c.geometry.lengthM;
        t.radiusM = c.geometry.radiusM;
        t.patch = c.name;
        r.tubes.push_back(t);
        // The turnarounds: from 3 sigma inside the straights' ends to the tube's end.
        r.endZoneM =
            std::max(r.endZoneM, 0.5 * (c.geometry.lengthM - c.magnets.track.straightLengthM) + 3 * profileSigma(c));
        // 1.5 sigma across (as the planar box): the face-centre sum of the Gaussian track exact
        // to 3e-4 (Poisson summation).
        r.tubeCellM = std::min(r.tubeCellM, 1.5 * profileSigma(c));
        symmetric = symmetric && std::abs(c.position.y() - s.centreYM) < 1e-9 && alongTrackSymmetric(c);
    }
    if (s.motion.kind != "static")
        throw ConfigError(sub + "motion.kind " + s.motion.kind +
                          ": foam-case meshes a static glass under rotary tubes (a scan's average is not generated)");
    const std::string crowded = rotaryTubeSquares(r.tubes);
    if (!crowded.empty()) throw ConfigError(file + crowded);
    r.substrate = {s.centreXM - 0.5 * s.sizeXM, s.centreXM + 0.5 * s.sizeXM, s.centreYM - 0.5 * s.sizeYM,
                   s.centreYM + 0.5 * s.sizeYM, s.name};
    r.quality = {r.substrate.x0 + s.edgeExclusionM, r.substrate.x1 - s.edgeExclusionM,
                 r.substrate.y0 + s.edgeExclusionM, r.substrate.y1 - s.edgeExclusionM, s.name};
    // Walls beyond the glass and the tubes' squares; the ceiling one square above the highest.
    double x0 = r.substrate.x0, x1 = r.substrate.x1, y0 = r.substrate.y0, y1 = r.substrate.y1, top = 0, aMax = 0;
    for (const FoamTube& t : r.tubes) {
        x0 = std::min(x0, t.xM - t.squareHalfM);
        x1 = std::max(x1, t.xM + t.squareHalfM);
        y0 = std::min(y0, t.y0M);
        y1 = std::max(y1, t.y1M);
        top = std::max(top, t.zM + t.squareHalfM);
        aMax = std::max(aMax, t.squareHalfM);
    }
    const double mx = wallMargin(0.5 * (x1 - x0)), my = wallMargin(0.5 * (y1 - y0));
    r.x0 = x0 - mx;
    r.x1 = x1 + mx;
    r.y0 = y0 - my;
    r.y1 = y1 + my;
    r.zTop = top + aMax;
    r.edgeCellM = s.pitchM;
    // Along the tubes: faces at most 1/8 of the lowest throw d long. The film is the
    // face-centre (midpoint) sum of the emission along the tube, whose kernel cos^2/R^2 varies
    // on the scale of d; the faces follow the glass's grading towards its quality edge (not
    // uniform, so the Poisson-summation exactness of a uniform sum does not hold), and the
    // midpoint rule's local error (h/d)^2/24 is 6.5e-4 at h = d/8.
    r.tubeAxialCellM = 1e9;
    for (const FoamTube& t : r.tubes) r.tubeAxialCellM = std::min(r.tubeAxialCellM, (t.zM - t.radiusM) / 8);
    // Every tube and the glass mirror-symmetric about y = the glass centre: half the chamber
    // (y >= centre), the symmetry plane its own patch; the line of sight adds the mirrored
    // emitters (filmDeposition: symmetryPlane patches), and in a gas the thermalised source
    // (sputterFoam's thermalisedSputterSource) sees the walls through the plane as a mirror.
    r.symmetryY = symmetric;
    if (r.symmetryY) r.y0 = s.centreYM;
    l.kind = FoamCaseLayout::Kind::Rotary;
    l.qualityArea = "type box; min (" + foamNumber(r.quality.x0) + " " + foamNumber(std::max(r.quality.y0, r.y0)) +
                    " -1); max (" + foamNumber(r.quality.x1) + " " + foamNumber(r.quality.y1) + " 1);";
    l.reduction = r.symmetryY
                      ? "half along the tube axes: y >= " + foamNumber(s.centreYM) +
                            " m (the glass centre), the plane y = " + foamNumber(s.centreYM) +
                            " a symmetryPlane patch; every tube centred on it with a symmetric along-track profile, "
                            "filmDeposition adds the mirrored half's emitters, the thermalised source sees the walls "
                            "through the plane. Not mirrored across x: the power trims differ tube by tube"
                      : "none: a tube not centred on the glass along y (or an asymmetric along-track profile)";
}

}  // namespace

std::string cathodeFrameEntries(const ToolCathode& c) {
    const std::string e1e2 = c.kind == CathodeKind::Rotary
                                 ? "        e1                  (0 1 0);\n        e2                  (0 0 -1);\n"
                             : c.kind == CathodeKind::PlanarCircular
                                 ? "        e1                  (1 0 0);\n        e2                  (0 -1 0);\n"
                                 : "        e1                  (0 1 0);\n        e2                  (1 0 0);\n";
    return "        origin              (" + foamNumber(c.position.x()) + " " + foamNumber(c.position.y()) + " " +
           foamNumber(c.position.z()) + ");\n" + e1e2;
}

FoamCaseLayout foamCaseLayout(const ToolFile& tool, const std::string& substrateName, double lifeKWh) {
    if (tool.cathodes.empty() || tool.substrates.empty())
        throw ConfigError(tool.path + ": foam-case needs a cathode and a substrate");
    const ToolSubstrate& s = substrateName.empty() ? tool.substrates.front() : tool.substrate(substrateName);
    // A cathode through or touching the substrate plane (zero gap) is the reader's check
    // (ToolGeometryChecks: file, line, cathode); what is left is this generator's reach.
    checkNames(tool, s);
    for (const ToolCathode& c : tool.cathodes)
        if (c.tilted())
            throw ConfigError(tool.path + ": cathode " + c.name +
                              ": a turned target (facing/tilt): foam-case meshes targets facing -z");
    FoamCaseLayout l;
    l.substrate = &s;
    l.motionTimeS = s.motion.timeS;
    if (tool.cathodes.front().kind == CathodeKind::PlanarCircular)
        cylinderLayout(tool, s, l);
    else if (tool.cathodes.front().kind == CathodeKind::Rotary)
        rotaryLayout(tool, s, l);
    else
        boxLayout(tool, s, l);
    if (!(s.sizeXM > 2 * s.edgeExclusionM && s.sizeYM > 2 * s.edgeExclusionM))
        throw ConfigError(tool.path + ": substrate " + s.name + ": edge_exclusion leaves no quality area");

    // The power each cathode runs at in `deposit`: its own, times the optimiser's trim.
    l.cathodes = tool.cathodes;
    l.trims.assign(l.cathodes.size(), 1.0);
    if (tool.deposition.optimiseTrims) {
        const DepositRun run = runDeposition(depositCaseFor(tool, s.name), lifeKWh, "fast");
        const std::vector<std::string> names = cathodeNamesOf(run.config);
        for (std::size_t k = 0; k < l.cathodes.size(); ++k) {
            const auto it = std::find(names.begin(), names.end(), l.cathodes[k].name);
            if (it == names.end())
                throw ConfigError(tool.path + ": cathode " + l.cathodes[k].name + ": not in deposit");
            const double p = run.cathodePowerW[static_cast<std::size_t>(it - names.begin())];
            l.trims[k] = p / dischargePowerW(l.cathodes[k].discharge);
            l.cathodes[k].discharge.powerW = p;
            l.cathodes[k].discharge.currentA.reset();
        }
    }
    return l;
}

}  // namespace magtwin
