#include "postprocessing/io/OutputFolder.hpp"

#include <unistd.h>

#include <stdexcept>

namespace magtwin {

namespace fs = std::filesystem;

void writeFolderAtomically(const std::string& dir, const std::function<void(const fs::path&)>& fill) {
    const fs::path final(dir);
    const fs::path tmp(dir + ".tmp-" + std::to_string(::getpid()));
    std::error_code ec;
    fs::remove_all(tmp, ec);
    try {
        if (!fs::create_directories(tmp)) throw std::runtime_error("cannot create output folder " + tmp.string());
        fill(tmp);
        if (fs::exists(final)) {
            const fs::path old(dir + ".old-" + std::to_string(::getpid()));
            fs::rename(final, old);
            fs::rename(tmp, final);
            fs::remove_all(old, ec);
        } else {
            if (final.has_parent_path()) fs::create_directories(final.parent_path());
            fs::rename(tmp, final);
        }
    } catch (...) {
        fs::remove_all(tmp, ec);
        throw;
    }
}

}  // namespace magtwin
