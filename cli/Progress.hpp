// Progress lines of the commands: "[TAG] message" on stderr when stderr is a terminal (a
// redirected run stays quiet). The libraries take a ProgressFn and never print.
#pragma once

#include <functional>
#include <string>

namespace magtwin {

/// "[deposit] msg" on stderr when it is a terminal.
void progress(const std::string& msg);
/// The same as a callback for the libraries (solvers/deposition ProgressFn).
std::function<void(const std::string&)> terminalProgress();

}  // namespace magtwin
