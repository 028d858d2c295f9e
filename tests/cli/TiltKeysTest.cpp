// cathodes[].facing / cathodes[].tilt (tilted planar cathodes) and substrates[].motion.angle
// (a substrate resting at a platen angle):
//  - the keys resolve once into CathodeSpec::orientation (facing: the smallest turn from
//    straight down; tilt: a right-handed turn about x or y through the face centre) and reach
//    deposit's cathode group (the sources), erode's output frame and the resolved tool file;
//  - a tilted target's body box is the turned body's (ToolGeometryChecks);
//  - a target turned to face away from the substrate, one whose turned body cuts z = 0, a
//    rotary tube with a tilt, both keys at once, and a platen angle on a moving substrate stop
//    with the file, line and key.
#include "cli/ErosionConfig.hpp"
#include "cli/ErosionOutput.hpp"
#include "cli/deposit/DepositConfig.hpp"
#include "cli/tool/ToolFile.hpp"
#include "cli/tool/ToolFileWriter.hpp"
#include "cli/tool/ToolGeometryChecks.hpp"
#include "solvers/deposition/CathodeLayout.hpp"
#include "tests/cli/ToolFileRefusal.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <cmath>
#include <cstdio>
#include <fstream>

namespace magtwin {
namespace {

/// A 2-inch planar-circular gun 150 mm up; `orientation` is inserted as the cathode's line 6.
std::string gunTool(const std::string& orientation, const std::string& tag, const std::string& motion = "",
                    const std::string& type = "planar-circular") {
    const std::string path = "/tmp/magtwin_tilt_key_" + std::to_string(::getpid()) + "_" + tag + ".yaml";
    const bool rotary = type == "rotary";
    std::ofstream(path) << "tool: {name: tilt key}\n"
                           "cathodes:\n"
                           "  - name: gun\n"
                           "    type: "
                        << type
                        << "\n"
                           "    position: [0 mm, 100 mm, 150 mm]\n"
                           "    "
                        << orientation << "\n"
                        << (rotary ? "    outer_radius: 40 mm\n    length: 300 mm\n" : "    radius: 25.4 mm\n")
                        << "    target: {material: Cu, thickness: 6 mm}\n"
                        << (rotary ? "    magnets: {racetrack: {straight_length: 150 mm, track_separation: 40 mm, "
                                     "profile: {shape: gaussian, sigma: 4 mm}}}\n"
                                   : "    magnets: {racetrack: {ring_radius: 12 mm, profile: {shape: gaussian, "
                                     "sigma: 3 mm}}}\n")
                        << "    discharge: {voltage: 400 V, power: 100 W, gamma_se: 0.1}\n"
                           "substrates:\n"
                           "  - {name: wafer, kind: wafer, diameter: 100 mm, pitch: 5 mm, edge_exclusion: 3 mm"
                        << (motion.empty() ? "" : ", motion: " + motion) << "}\n";
    return path;
}

TEST(TiltKeys, FacingAndTiltResolveToOneOrientation) {
    const double a = 50.0 * M_PI / 180.0;
    const std::string facing = gunTool(
                          "facing: [0, " + std::to_string(-std::sin(a)) + ", " + std::to_string(-std::cos(a)) + "]",
                          "facing"),
                      tilt = gunTool("tilt: {axis: x, angle: -50 deg}", "tilt"), none = gunTool("# untilted", "none");
    const ToolFile tf = loadToolFile(facing), tt = loadToolFile(tilt), tn = loadToolFile(none);
    const CathodeSpec &f = tf.cathodes.at(0), &t = tt.cathodes.at(0), &n = tn.cathodes.at(0);
    EXPECT_FALSE(n.tilted());
    EXPECT_TRUE(f.tilted() && t.tilted());
    // tilt -50 deg about x takes (0, 0, -1) to (0, -sin 50, -cos 50): the facing above
    EXPECT_NEAR((t.faceNormal() - Eigen::Vector3d(0, -std::sin(a), -std::cos(a))).norm(), 0.0, 1e-15);
    EXPECT_NEAR((f.orientation - t.orientation).norm(), 0.0, 1e-6);  // facing given to 6 digits
    // a rotation: orthonormal, determinant 1
    EXPECT_NEAR((t.orientation * t.orientation.transpose() - Eigen::Matrix3d::Identity()).norm(), 0.0, 1e-15);
    EXPECT_NEAR(t.orientation.determinant(), 1.0, 1e-15);

    // deposit's cathode group carries it to the sources: every element normal is the face normal
    const CathodeGroup g = depositCaseFor(tt, "").cathodes.at(0);
    const EmissionSource s =
        planarCircularSource(planarCircularOf(g), 1e18,
                             std::shared_ptr<const EmissionAngularDistribution>(makeAngularDistribution("cosine")));
    for (const auto& e : s.elements) EXPECT_NEAR((e.normal - t.faceNormal()).norm(), 0.0, 1e-15);

    // erode's output frame: the cathode frame's face point (u, v, 0) lands on the turned face
    const ErosionSetup es = erosionSetupFor(tt, "gun");
    const Eigen::Vector3d q = erosionPointInChamber(es, Eigen::Vector3d(0.01, 0.02, 0.0));
    EXPECT_NEAR((q - t.position).dot(t.faceNormal()), 0.0, 1e-15);  // in the face plane
    EXPECT_NEAR((q - t.position).norm(), std::hypot(0.01, 0.02), 1e-15);
    // untilted: the quarter turn and the position, as before orientations existed (bit for bit)
    const ErosionSetup en = erosionSetupFor(tn, "gun");
    EXPECT_EQ(erosionPointInChamber(en, Eigen::Vector3d(0.01, 0.02, 0.003)),
              Eigen::Vector3d(n.position + Eigen::Vector3d(-0.02, 0.01, 0.003)));

    // the turned body's box: a 2-inch disc turned 50 deg reaches r sin 50 below its centre
    const BodyBox box = cathodeBody(t);
    EXPECT_NEAR(box.lo.z(), 0.15 - 0.0254 * std::sin(a), 1e-12);
    EXPECT_TRUE(insideBody(t, t.position + 0.003 * -t.faceNormal()));  // behind the face, in the target
    EXPECT_FALSE(insideBody(t, t.position + 0.003 * t.faceNormal()));  // in front of the face

    // the resolved tool file reads back to the same orientation
    const std::string again = "/tmp/magtwin_tilt_key_" + std::to_string(::getpid()) + "_again.yaml";
    std::ofstream(again) << resolvedToolYaml(tt);
    EXPECT_NEAR((loadToolFile(again).cathodes.at(0).orientation - t.orientation).norm(), 0.0, 1e-15);
    for (const auto& p : {facing, tilt, none, again}) std::remove(p.c_str());
}

TEST(TiltKeys, PlatenAngleReachesTheDepositCase) {
    const std::string p = gunTool("# untilted", "platen", "{kind: static, angle: 185 deg, time: 10 s}");
    const DepositCase c = depositCaseFor(loadToolFile(p), "");
    EXPECT_NEAR(c.motion.platenAngleRad, 185.0 * M_PI / 180.0, 1e-15);
    EXPECT_EQ(c.motion.kind, SubstrateMotion::Kind::Static);
    std::remove(p.c_str());
}

TEST(TiltKeys, BadOrientationsStopWithFileLineAndKey) {
    // line 6 is the orientation line
    expectRefused(gunTool("facing: [0, 1, 0.2]", "away"), 6, "facing", "face away from the substrate");
    expectRefused(gunTool("tilt: {axis: y, angle: 100 deg}", "over"), 6, "angle", "face away from the substrate");
    expectRefused(gunTool("facing: [0, 0, 0]", "zero"), 6, "facing", "nonzero");
    // turned 89 deg, a 2-inch disc 150 mm up still clears z = 0 ... but 10 mm up it does not
    {
        const std::string path = gunTool("tilt: {axis: x, angle: 80 deg}", "cut");
        std::string text;
        {
            std::ifstream in(path);
            text.assign(std::istreambuf_iterator<char>(in), {});
        }
        text.replace(text.find("150 mm"), 6, "10 mm");
        std::ofstream(path) << text;
        expectRefused(path, 6, "angle", "cuts the substrate plane");
    }
    expectRefused(gunTool("tilt: {axis: x, angle: 10 deg}", "rotary", "", "rotary"), 6, "tilt", "planar cathodes only");
    {
        const std::string path = gunTool("tilt: {axis: x, angle: 10 deg}", "both");
        std::string text;
        {
            std::ifstream in(path);
            text.assign(std::istreambuf_iterator<char>(in), {});
        }
        text.replace(text.find("    radius"), 0, "    facing: [0, 0, -1]\n");
        std::ofstream(path) << text;
        try {
            loadToolFile(path);
            ADD_FAILURE() << "both keys accepted";
        } catch (const ConfigError& e) {
            EXPECT_NE(std::string(e.what()).find("one of facing and tilt"), std::string::npos) << e.what();
        }
        std::remove(path.c_str());
    }
    expectRefused(gunTool("# untilted", "platen_rot", "{kind: rotation, angle: 10 deg}"), 12, "angle",
                  "used only by motion kind static");
}

}  // namespace
}  // namespace magtwin
