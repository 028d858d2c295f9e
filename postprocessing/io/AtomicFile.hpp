// Atomic file output: write to a temporary name in the same folder, then rename, so an
// interrupted run never leaves a half-written file that a reader (ParaView, a script)
// could open.
#pragma once

#include <functional>
#include <ostream>
#include <string>

namespace magtwin {

/// Calls `write` with a stream to "<path>.tmp-<pid>", then renames it to `path`. A `path`
/// that is a device or a pipe (/dev/null, a FIFO) is written in place instead: a rename would
/// replace the device itself.
/// On any exception the temporary file is removed and the exception propagates.
void writeFileAtomically(const std::string& path, const std::function<void(std::ostream&)>& write);

/// Renames `tmpPath` to `path` (same filesystem); throws with both names on failure.
void commitFile(const std::string& tmpPath, const std::string& path);

/// A temporary path next to `path`, unique to this process.
std::string temporaryPathFor(const std::string& path);

}  // namespace magtwin
