// Small crafted logs and formats for the twin tests (no tool file, no YAML).
#pragma once

#include "twin/logs/LogFormat.hpp"

#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <string>

namespace magtwin::test {

/// A fresh folder under the system temp folder, removed at scope exit.
struct TempDir {
    std::filesystem::path path;
    explicit TempDir(const std::string& tag) {
        path = std::filesystem::temp_directory_path() / ("magtwin-" + tag + "-" + std::to_string(::getpid()));
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempDir() { std::filesystem::remove_all(path); }
    std::string file(const std::string& name) const { return (path / name).string(); }
};

/// The chamber of the twin's small test tool files: one Mo cathode c1 100 mm above a
/// 100 mm wafer, fed by the DC supply dc1 (cathodes, substrates and supplies sections).
inline const char* kOneMoCathodeChamber = R"(cathodes:
  - {name: c1, type: planar-circular, position: [0 mm, 0 mm, 100 mm], radius: 50 mm,
     target: {material: Mo, thickness: 6 mm},
     magnets: {racetrack: {ring_radius: 25 mm, profile: {shape: gaussian, sigma: 5 mm}}},
     discharge: {voltage: 400 V, power: 1 kW}}
substrates:
  - {name: w, kind: wafer, diameter: 100 mm, pitch: 5 mm, edge_exclusion: 5 mm, motion: {kind: rotation, time: 60 s}}
supplies:
  - {name: dc1, kind: dc, feeds: [c1]}
)";

inline std::string writeFile(const std::string& path, const std::string& content) {
    std::ofstream(path, std::ios::binary) << content;
    return path;
}

/// "Time,P,Note" logs: 24-hour stamps in UTC, P in kW (so SI = 1000 x logged), Note text.
inline LogFormat smallFormat(int preambleLines = 1) {
    LogFormat f;
    f.name = "small";
    f.header.preambleLines = preambleLines;
    f.timestampColumn = "Time";
    f.timestamp.pattern = "%Y-%m-%d %H:%M:%S";
    f.numeric.push_back({"power", "P", 1000.0, 0.0, "W"});
    f.text.push_back({"note", "Note"});
    return f;
}

// The step detector's crafted log (StepDetectorTest.cpp, kRows) as a file: epoch seconds.
enum TwoCol { kTFwd, kTRfl, kTDc, kTSwARf, kTSwADc, kTSwBRf, kTSwBDc, kTShA, kTShB, kTSub, kTRfSet, kTDcSet, kTCols };

inline LogFormat twoSourceFileFormat() {
    LogFormat f;
    f.name = "crafted";
    f.header.preambleLines = 0;
    f.timestampColumn = "Time";
    f.timestamp.kind = TimestampFormat::Kind::EpochSeconds;
    for (int c = 0; c < kTCols; ++c)
        f.numeric.push_back({"c" + std::to_string(c), "c" + std::to_string(c), 1.0, 0.0, "1"});
    SupplyChannels rf{"rf", SupplyKind::Rf};
    rf.forwardPower = kTFwd, rf.reflectedPower = kTRfl, rf.setpoint = kTRfSet;
    SupplyChannels dc{"dc", SupplyKind::Dc};
    dc.power = kTDc, dc.setpoint = kTDcSet;
    f.supplies = {rf, dc};
    SourceChannels a;
    a.cathode = "A";
    a.switches = {{0, kTSwARf}, {1, kTSwADc}};
    a.shutter = kTShA;
    SourceChannels b;
    b.cathode = "B";
    b.switches = {{0, kTSwBRf}, {1, kTSwBDc}};
    b.shutter = kTShB;
    f.sources = {a, b};
    f.substrateShutter = kTSub;
    return f;
}

inline const char* kTwoSourceLog =
    "Time,c0,c1,c2,c3,c4,c5,c6,c7,c8,c9,c10,c11\n"
    "1000.0,0,0,0,0,0,0,0,0,0,0,0,0\n"
    "1001.0,50,5,0,1,0,0,0,0,0,0,50,0\n"
    "1002.5,100,10,0,1,0,0,0,0,0,0,100,0\n"
    "1003.0,100,10,0,1,0,0,0,1,0,0,100,0\n"
    "1004.0,100,10,0,1,0,0,0,1,0,1,100,0\n"
    "1006.0,100,10,200,1,0,0,1,1,0,1,100,200\n"
    "1007.0,100,10,200,1,0,0,1,1,1,1,100,200\n"
    "1008.25,100,10,200,1,0,0,1,1,1,1,100,200\n"
    "1009.0,100,10,200,0,0,1,1,0,1,1,100,200\n"
    "1010.0,0,0,0,0,0,0,0,0,0,1,0,0\n";

}  // namespace magtwin::test
