// cathodes[].target.groove_redeposition: the key reaches the erosion engine of `erode`
// (ErosionConfig) and of `deposit --life-kWh` (ErodedTargets). Off (or absent) is the
// erosion of earlier versions bit for bit; on, a deep groove keeps part of its sputtered
// atoms: the used target's emission map balances gross sputtered = escaped + redeposited
// (to 1e-9, the engine's conservation law) with a redeposited share > 0, and emits less
// than the same target without the key.
#include "cli/ErosionConfig.hpp"
#include "cli/deposit/DepositConfig.hpp"
#include "cli/tool/ToolFile.hpp"
#include "solvers/deposition/ErodedTargets.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <cstdio>
#include <fstream>
#include <numeric>

namespace magtwin {
namespace {

std::string smallPlanarTool(const std::string& redepositionLine) {
    const std::string path = "/tmp/magtwin_groove_key_" + std::to_string(::getpid()) + "_" +
                             std::to_string(std::hash<std::string>{}(redepositionLine)) + ".yaml";
    std::ofstream(path)
        << "tool: {name: groove key}\n"
           "cathodes:\n"
           "  - name: planar\n"
           "    type: planar-rect\n"
           "    position: [0 mm, 0 mm, 100 mm]\n"
           "    length: 300 mm\n"
           "    width: 150 mm\n"
           "    target:\n"
           "      material: Mo\n"
           "      thickness: 10 mm\n"
        << redepositionLine
        << "    magnets:\n"
           "      racetrack:\n"
           "        straight_length: 160 mm\n"
           "        track_separation: 80 mm\n"
           "        profile: {shape: gaussian, sigma: 6 mm}\n"
           "    discharge: {voltage: 400 V, current: 11 A, gamma_se: 0.1}\n"
           "    mesh: {pitch: 2 mm}\n"
           "substrates:\n"
           "  - {name: glass, kind: glass, size_x: 400 mm, size_y: 400 mm, pitch: 10 mm, edge_exclusion: 10 mm}\n";
    return path;
}

double total(const GridSurface& map, const std::string& field) {
    const auto& v = map.scalar(field);
    return std::accumulate(v.begin(), v.end(), 0.0);
}

// 40 kWh on this 4.4 kW cathode: a groove of a few mm (the new target's peak erosion rate).
constexpr double kLifeKWh = 40.0;

TEST(GrooveRedepositionKey, ReachesErodeAndDepositAndOffIsUnchanged) {
    const std::string absent = smallPlanarTool(""), off = smallPlanarTool("      groove_redeposition: false\n"),
                      on = smallPlanarTool("      groove_redeposition: true\n");
    const ToolFile tAbsent = loadToolFile(absent), tOff = loadToolFile(off), tOn = loadToolFile(on);
    EXPECT_FALSE(erosionSetupFor(tAbsent, "planar").engine->settings.grooveRedeposition);
    EXPECT_FALSE(erosionSetupFor(tOff, "planar").engine->settings.grooveRedeposition);
    EXPECT_TRUE(erosionSetupFor(tOn, "planar").engine->settings.grooveRedeposition);

    const CathodeGroup gAbsent = depositCaseFor(tAbsent, "").cathodes.at(0),
                       gOff = depositCaseFor(tOff, "").cathodes.at(0), gOn = depositCaseFor(tOn, "").cathodes.at(0);
    EXPECT_TRUE(gOn.cathode.target.grooveRedeposition);
    EXPECT_NE(erosionKey(gOn), erosionKey(gOff));  // the two never share one erosion
    GroupErosion eAbsent(gAbsent), eOff(gOff), eOn(gOn);
    const GridSurface mAbsent = eAbsent.mapAt(kLifeKWh), mOff = eOff.mapAt(kLifeKWh), mOn = eOn.mapAt(kLifeKWh);
    const auto& fa = mAbsent.scalar("sputtered_flux_per_m2_s");
    const auto& fo = mOff.scalar("sputtered_flux_per_m2_s");
    ASSERT_EQ(fa.size(), fo.size());
    for (std::size_t k = 0; k < fa.size(); ++k) ASSERT_EQ(fa[k], fo[k]) << k;
    EXPECT_EQ(eAbsent.erodedVolumeM3(), eOff.erodedVolumeM3());

    const double escaped = total(mOn, "sputtered_flux_per_m2_s"), redeposited = total(mOn, "redeposited_flux_per_m2_s"),
                 gross = total(mOn, "gross_sputtered_flux_per_m2_s");
    EXPECT_GT(redeposited, 1e-3 * gross);                        // a used groove keeps some of its atoms
    EXPECT_NEAR((escaped + redeposited) / gross, 1.0, 1e-9);     // sputtered = escaped + redeposited
    EXPECT_LT(escaped, total(mOff, "sputtered_flux_per_m2_s"));  // less emission per kW than without the key
    EXPECT_LT(eOn.erodedVolumeM3(), eOff.erodedVolumeM3());      // net erosion = sputtered - redeposited
    for (const auto& p : {absent, off, on}) std::remove(p.c_str());
}

TEST(GrooveRedepositionKey, RefusedOnAPlanarCircularTarget) {
    const std::string path = "/tmp/magtwin_groove_key_circ_" + std::to_string(::getpid()) + ".yaml";
    std::ofstream(path) << "tool: {name: groove key}\n"
                           "cathodes:\n"
                           "  - name: cu\n"
                           "    type: planar-circular\n"
                           "    position: [0 mm, 0 mm, 100 mm]\n"
                           "    radius: 100 mm\n"
                           "    target: {material: Cu, thickness: 10 mm, groove_redeposition: true}\n"
                           "    magnets:\n"
                           "      racetrack:\n"
                           "        ring_radius: 60 mm\n"
                           "        profile: {shape: gaussian, sigma: 10 mm}\n"
                           "    discharge: {voltage: 500 V, power: 5 kW, gamma_se: 0.1}\n";
    try {
        loadToolFile(path);
        ADD_FAILURE() << "accepted";
    } catch (const std::exception& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find(path + ":7"), std::string::npos) << what;
        EXPECT_NE(what.find("groove_redeposition"), std::string::npos) << what;
    }
    std::remove(path.c_str());
}

}  // namespace
}  // namespace magtwin
