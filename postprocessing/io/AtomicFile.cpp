#include "postprocessing/io/AtomicFile.hpp"

#include <unistd.h>
#include <cstdio>
#include <fstream>
#include <stdexcept>

namespace magtwin {

std::string temporaryPathFor(const std::string& path) {
    return path + ".tmp-" + std::to_string(static_cast<long>(::getpid()));
}

void commitFile(const std::string& tmpPath, const std::string& path) {
    if (std::rename(tmpPath.c_str(), path.c_str()) != 0) {
        std::remove(tmpPath.c_str());
        throw std::runtime_error("cannot rename '" + tmpPath + "' to '" + path + "'");
    }
}

void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write) {
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
