// Small crafted logs and formats for the twin tests (no tool file, no YAML).
#pragma once

#include "logs/LogFormat.hpp"

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

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

}  // namespace magtwin::test
