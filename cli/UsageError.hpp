// UsageError: bad command-line input. main() prints it and exits with status 2.
#pragma once

#include <stdexcept>
#include <string>

namespace magtwin {

struct UsageError : std::invalid_argument {
    explicit UsageError(const std::string& what) : std::invalid_argument(what) {}
};

/// Default folder with the public validation data: $MAGTWIN_VALIDATION_DIR, else the
/// path configured at build time (../shared/validation beside the source tree).
std::string defaultValidationDir();

}  // namespace magtwin
