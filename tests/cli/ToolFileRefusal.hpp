// A tool file the reader must refuse: loadToolFile(path) throws ConfigError whose message
// names the file and line ("PATH:LINE"), the key and `text`; the file is removed afterwards.
#pragma once

#include "cli/tool/ToolFile.hpp"

#include <gtest/gtest.h>

#include <cstdio>
#include <string>

namespace magtwin {

inline void expectRefused(const std::string& path, int line, const std::string& key, const std::string& text) {
    try {
        loadToolFile(path);
        ADD_FAILURE() << path << ": accepted";
    } catch (const ConfigError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find(path + ":" + std::to_string(line)), std::string::npos) << what;
        EXPECT_NE(what.find(key), std::string::npos) << what;
        EXPECT_NE(what.find(text), std::string::npos) << what;
    }
    std::remove(path.c_str());
}

}  // namespace magtwin
