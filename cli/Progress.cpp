#include "cli/Progress.hpp"

#include <unistd.h>

#include <iostream>

namespace magtwin {

void progress(const std::string& msg) {
    if (::isatty(2)) std::cerr << "[deposit] " << msg << "\n";
}

std::function<void(const std::string&)> terminalProgress() {
    return [](const std::string& m) { progress(m); };
}

}  // namespace magtwin
