// cathodes[].magnets.motion.waveform / dwell_fraction (planar magnet travel, rotary wobble):
//  - the keys reach the erosion engine of `erode` (ErosionConfig) and of the deposition side
//    (DepositConfig's cathode group, and so ErodedTargets and RacetrackSources); absent is
//    sinusoidal;
//  - two waveforms never share one cached erosion (erosionKey);
//  - the resolved tool file (resolvedToolYaml) reads back to the same waveform;
//  - a dwell fraction without waveform dwell, outside [0, 1), an unknown waveform and a
//    waveform on a magnet that does not wobble stop with the file, line and key.
#include "cli/ErosionConfig.hpp"
#include "cli/deposit/DepositConfig.hpp"
#include "cli/tool/ToolFile.hpp"
#include "cli/tool/ToolFileWriter.hpp"
#include "solvers/deposition/ErodedTargets.hpp"

#include <gtest/gtest.h>

#include <unistd.h>
#include <cstdio>
#include <fstream>

namespace magtwin {
namespace {

std::string planarTool(const std::string& motion, const std::string& tag) {
    const std::string path = "/tmp/magtwin_waveform_key_" + std::to_string(::getpid()) + "_" + tag + ".yaml";
    std::ofstream(path)
        << "tool: {name: waveform key}\n"
           "cathodes:\n"
           "  - name: planar\n"
           "    type: planar-rect\n"
           "    position: [0 mm, 0 mm, 100 mm]\n"
           "    length: 300 mm\n"
           "    width: 150 mm\n"
           "    target: {material: Mo, thickness: 10 mm}\n"
           "    magnets:\n"
           "      racetrack:\n"
           "        straight_length: 160 mm\n"
           "        track_separation: 80 mm\n"
           "        profile: {shape: gaussian, sigma: 6 mm}\n"
           "      motion: "
        << motion
        << "\n"
           "    discharge: {voltage: 400 V, current: 11 A, gamma_se: 0.1}\n"
           "    mesh: {pitch: 2 mm}\n"
           "substrates:\n"
           "  - {name: glass, kind: glass, size_x: 400 mm, size_y: 400 mm, pitch: 10 mm, edge_exclusion: 10 mm}\n";
    return path;
}

void expectRefused(const std::string& motion, const std::string& tag, const std::string& key, const std::string& text) {
    const std::string path = planarTool(motion, tag);
    try {
        loadToolFile(path);
        ADD_FAILURE() << motion << ": accepted";
    } catch (const std::exception& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find(path + ":14"), std::string::npos) << what;  // the motion line
        EXPECT_NE(what.find(key), std::string::npos) << what;
        EXPECT_NE(what.find(text), std::string::npos) << what;
    }
    std::remove(path.c_str());
}

TEST(MagnetWaveformKey, ReachesErodeAndDepositAndReadsBack) {
    const std::string absent = planarTool("{kind: wobble, travel: 8 mm}", "absent"),
                      triangular = planarTool("{kind: wobble, travel: 8 mm, waveform: triangular}", "tri"),
                      dwell =
                          planarTool("{kind: wobble, travel: 8 mm, waveform: dwell, dwell_fraction: 25 %}", "dwell");
    const ToolFile tAbsent = loadToolFile(absent), tTri = loadToolFile(triangular), tDwell = loadToolFile(dwell);
    EXPECT_EQ(erosionSetupFor(tAbsent, "planar").engine->settings.magnetTravelWaveform, SwingWaveform::Sinusoidal);
    EXPECT_EQ(erosionSetupFor(tTri, "planar").engine->settings.magnetTravelWaveform, SwingWaveform::Triangular);
    const ErosionSettings sDwell = erosionSetupFor(tDwell, "planar").engine->settings;
    EXPECT_EQ(sDwell.magnetTravelWaveform, SwingWaveform::Dwell);
    EXPECT_DOUBLE_EQ(sDwell.magnetTravelDwellFraction, 0.25);
    EXPECT_DOUBLE_EQ(sDwell.magnetTravelM, 0.008);

    const CathodeGroup gAbsent = depositCaseFor(tAbsent, "").cathodes.at(0),
                       gTri = depositCaseFor(tTri, "").cathodes.at(0),
                       gDwell = depositCaseFor(tDwell, "").cathodes.at(0);
    EXPECT_EQ(planarRectOf(gAbsent).wobbleWaveform, SwingWaveform::Sinusoidal);
    EXPECT_EQ(planarRectOf(gTri).wobbleWaveform, SwingWaveform::Triangular);
    EXPECT_EQ(planarRectOf(gDwell).wobbleWaveform, SwingWaveform::Dwell);
    EXPECT_DOUBLE_EQ(planarRectOf(gDwell).wobbleDwellFraction, 0.25);
    EXPECT_NE(erosionKey(gAbsent), erosionKey(gTri));  // never one cached erosion for two waveforms
    EXPECT_NE(erosionKey(gTri), erosionKey(gDwell));

    const std::string again = "/tmp/magtwin_waveform_key_" + std::to_string(::getpid()) + "_again.yaml";
    std::ofstream(again) << resolvedToolYaml(tDwell);
    const MagnetMotion back = loadToolFile(again).cathodes.at(0).magnets.motion;
    EXPECT_EQ(back.waveform, SwingWaveform::Dwell);
    EXPECT_DOUBLE_EQ(back.dwellFraction, 0.25);
    for (const auto& p : {absent, triangular, dwell, again}) std::remove(p.c_str());
}

TEST(MagnetWaveformKey, BadValuesStopWithFileLineAndKey) {
    expectRefused("{kind: wobble, travel: 8 mm, waveform: triangular, dwell_fraction: 0.2}", "tri_dwell",
                  "dwell_fraction", "used only by waveform dwell");
    expectRefused("{kind: wobble, travel: 8 mm, waveform: dwell, dwell_fraction: 1.2}", "too_long", "dwell_fraction",
                  "[0, 1)");
    expectRefused("{kind: wobble, travel: 8 mm, waveform: square}", "square", "waveform", "triangular");
    expectRefused("{kind: none, waveform: dwell}", "none", "waveform", "not used by motion kind none");
}

}  // namespace
}  // namespace magtwin
