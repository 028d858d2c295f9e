#include "postprocessing/io/AtomicFile.hpp"

#include <unistd.h>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace magtwin {

std::string temporaryPathFor(const std::string& path) {
    return path + ".tmp-" + std::to_string(static_cast<long>(::getpid()));
}

void commitFile(const std::string& tmpPath, const std::string& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status) &&
        !std::filesystem::is_directory(status)) {
        // A device or pipe: copy the content in (a rename would replace the device).
        {
            std::ifstream in(tmpPath, std::ios::binary);
            std::ofstream out(path, std::ios::binary);
            if (!in || !out) {
                std::remove(tmpPath.c_str());
                throw std::runtime_error("cannot write '" + path + "'");
            }
            out << in.rdbuf();
        }
        std::remove(tmpPath.c_str());
        return;
    }
    if (std::rename(tmpPath.c_str(), path.c_str()) != 0) {
        std::remove(tmpPath.c_str());
        throw std::runtime_error("cannot rename '" + tmpPath + "' to '" + path + "'");
    }
}

void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
    // A device or pipe (--out /dev/null, /dev/stdout, a FIFO) is written in place: renaming a
    // file onto it would replace the device itself (as root, /dev/null for every process).
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (!ec && std::filesystem::exists(status) && !std::filesystem::is_regular_file(status) &&
        !std::filesystem::is_directory(status)) {
        std::ofstream out(path, std::ios::binary);
        if (!out) throw std::runtime_error("cannot open '" + path + "' for writing");
        write(out);
        out.flush();
        if (!out) throw std::runtime_error("write to '" + path + "' failed");
        return;
    }
    const std::string tmp = temporaryPathFor(path);
    try {
        {
            std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
            if (!out) throw std::runtime_error("cannot open '" + tmp + "' for writing");
            write(out);
            out.flush();
            if (!out) throw std::runtime_error("write to '" + tmp + "' failed");
        }
        commitFile(tmp, path);
    } catch (...) {
        std::remove(tmp.c_str());
        throw;
    }
}

}  // namespace magtwin
