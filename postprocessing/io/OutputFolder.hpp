// Output folders written complete or not at all: the files go into "DIR.tmp-PID", which
// replaces DIR by rename only once every file is written (an older DIR is moved aside to
// "DIR.old-PID" and removed after the swap). Shared by the result folders of every
// command (erode, deposit, ...).
#pragma once

#include <filesystem>
#include <functional>
#include <string>

namespace magtwin {

/// Calls `fill` with the temporary folder, then puts it in place as `dir`. On any
/// exception the temporary folder is removed, `dir` is left as it was, and the exception
/// propagates.
void writeFolderAtomically(const std::string& dir, const std::function<void(const std::filesystem::path&)>& fill);

}  // namespace magtwin
