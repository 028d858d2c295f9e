// TwinReplaySetup: what `twin replay` and `twin calibrate` both take from the command line
// and the tool file: the store (existing), the tool's id in it, and the replay's physics
// setup (cathodes, emission law, crystal monitor, substrate) from the tool file.
#pragma once

#include "cli/twin/TwinToolFile.hpp"
#include "twin/replay/TwinReplay.hpp"
#include "twin/store/TwinStore.hpp"

#include <memory>
#include <string>

namespace magtwin {

/// UsageError when a SQLite store file does not exist.
std::unique_ptr<TwinStore> openExistingStore(const std::string& location);
/// UsageError when the store holds nothing of the tool.
std::int64_t storedToolId(TwinStore& store, const std::string& toolName, const std::string& location);
ReplaySetup replaySetupFor(const TwinToolFile& tf, const std::string& formatName);

}  // namespace magtwin
