// process.sticking (targets, shields, walls; solvers/deposition/ChamberSticking.hpp):
//  - absent: 1 everywhere (the absorbing walls every transport assumed before the key);
//  - given (a number or a percentage): resolved once into ToolProcess::sticking, carried to
//    deposit's case and written back by the resolved tool file;
//  - below 0, above 1 or not a number: stops with the file, line and key;
//  - below 1 with a transport other than the gas Monte Carlo: deposit refuses, naming the key.
#include "cli/deposit/DepositConfig.hpp"
#include "cli/tool/ToolFile.hpp"
#include "cli/tool/ToolFileWriter.hpp"
#include "solvers/deposition/DepositionRun.hpp"
#include "tests/cli/ToolFileRefusal.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <cstdio>
#include <fstream>

namespace magtwin {
namespace {

/// A 2-inch gun over a 100 mm wafer; `sticking` is the process section's line 4 (or empty).
std::string gunTool(const std::string& sticking, const std::string& tag) {
    const std::string path = "/tmp/magtwin_sticking_key_" + std::to_string(::getpid()) + "_" + tag + ".yaml";
    std::ofstream(path) << "tool: {name: sticking key}\n"
                           "process:\n"
                           "  gas: Ar\n"
                        << (sticking.empty() ? "" : "  " + sticking + "\n")
                        << "cathodes:\n"
                           "  - name: gun\n"
                           "    type: planar-circular\n"
                           "    position: [0 mm, 0 mm, 150 mm]\n"
                           "    radius: 25.4 mm\n"
                           "    target: {material: Mo, thickness: 6 mm}\n"
                           "    magnets: {racetrack: {ring_radius: 12 mm, profile: {shape: gaussian, sigma: 3 mm}}}\n"
                           "    discharge: {voltage: 400 V, power: 100 W, gamma_se: 0.1}\n"
                           "substrates:\n"
                           "  - {name: wafer, kind: wafer, diameter: 100 mm, pitch: 5 mm, edge_exclusion: 3 mm}\n";
    return path;
}

TEST(ChamberStickingKeys, AbsentMeansEverySurfaceKeepsEverything) {
    const std::string path = gunTool("", "absent");
    const ToolFile t = loadToolFile(path);
    EXPECT_TRUE(t.process.sticking.allStick());
    EXPECT_TRUE(depositCaseFor(t, "").chamberSticking.allStick());
    EXPECT_EQ(resolvedToolYaml(t).find("sticking:\n"), std::string::npos);  // nothing to write back
    std::remove(path.c_str());
}

TEST(ChamberStickingKeys, ResolveOnceAndRoundTrip) {
    const std::string path = gunTool("sticking: {targets: 0.9, shields: 50 %, walls: 0}", "given");
    const ToolFile t = loadToolFile(path);
    EXPECT_EQ(t.process.sticking.targets, 0.9);
    EXPECT_DOUBLE_EQ(t.process.sticking.shields, 0.5);
    EXPECT_EQ(t.process.sticking.walls, 0.0);
    const DepositCase c = depositCaseFor(t, "");
    EXPECT_EQ(c.chamberSticking.targets, 0.9);
    EXPECT_EQ(c.chamberSticking.walls, 0.0);
    // The resolved tool file reads back to the same coefficients.
    const std::string again = "/tmp/magtwin_sticking_key_" + std::to_string(::getpid()) + "_resolved.yaml";
    std::ofstream(again) << resolvedToolYaml(t);
    const ToolFile r = loadToolFile(again);
    EXPECT_EQ(r.process.sticking.targets, 0.9);
    EXPECT_EQ(r.process.sticking.shields, t.process.sticking.shields);
    EXPECT_EQ(r.process.sticking.walls, 0.0);
    std::remove(again.c_str());
    std::remove(path.c_str());
}

TEST(ChamberStickingKeys, OutOfRangeOrNotANumberNamesFileLineAndKey) {
    expectRefused(gunTool("sticking: {walls: 1.5}", "above"), 4, "process.sticking.walls", "must be in [0, 1]");
    expectRefused(gunTool("sticking: {shields: -0.2}", "below"), 4, "process.sticking.shields", "must be in [0, 1]");
    expectRefused(gunTool("sticking: {targets: most}", "text"), 4, "process.sticking.targets", "");
    expectRefused(gunTool("sticking: {ceiling: 0.5}", "unknown"), 4, "ceiling", "");
}

TEST(ChamberStickingKeys, DepositRefusesTransportsThatLoseTheAtoms) {
    const std::string path = gunTool("sticking: {walls: 0.4}", "transport");
    const DepositCase c = depositCaseFor(loadToolFile(path), "");
    for (const char* method : {"fast", "direct"}) {
        try {
            requireStickingTransport(c, method);
            ADD_FAILURE() << method << ": accepted";
        } catch (const std::invalid_argument& e) {
            const std::string what = e.what();
            EXPECT_NE(what.find(path + ":4"), std::string::npos) << what;
            EXPECT_NE(what.find("process.sticking.walls"), std::string::npos) << what;
            EXPECT_NE(what.find("--method mc"), std::string::npos) << what;
        }
    }
    EXPECT_NO_THROW(requireStickingTransport(c, "mc"));
    std::remove(path.c_str());
}

}  // namespace
}  // namespace magtwin
