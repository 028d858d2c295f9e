// ServeSnapshot: everything `twin serve` answers, read from the store at one revision and kept
// as finished JSON text, so that requests never touch the store (one watcher thread reads it;
// StoreWatcher.hpp). Every document comes from the readers the command line uses:
//  - /api/status is writeTwinStatusJson(readTwinStatus(store, "")) - byte for byte what
//    `twin status --json` prints (and ?tool=NAME what `twin status --tool NAME --json` prints);
//  - /api/tools lists the tools with their stored rows, steps, targets and period;
//  - /api/tool?name=NAME adds per target the target thickness and volume, the share of the
//    thickness the newest replay's erosion groove has used and its utilization (eroded / new
//    target volume), the newest replay's substrate uniformity per interval against the target
//    life (the predictions the replay stored) with the spec it replayed against
//    (kUniformitySpecSetting), a summary of its thickness map with the spec band, its findings
//    with their times, and the newest forecast's spec crossing (docs/twin-serve.md);
//  - /api/thickness_map?name=NAME the newest replay's thickness map itself (every cell).
// The revision names the store's content cheaply (rows, steps, consumed bytes, replay runs,
// calibrations, the replay's uniformity spec per tool): a change of it is what makes the watcher rebuild the snapshot.
#pragma once

#include "twin/store/TwinStore.hpp"

#include <map>
#include <string>

namespace magtwin {

struct ServeSnapshot {
    std::string revision;
    std::string statusJson;                         ///< `twin status --json`
    std::map<std::string, std::string> toolStatus;  ///< tool -> `twin status --tool T --json`
    std::string toolsJson;                          ///< /api/tools
    std::map<std::string, std::string> toolDetail;  ///< tool -> /api/tool?name=T
    std::map<std::string, std::string> toolMap;     ///< tool -> /api/thickness_map?name=T
};

/// The store's revision: a short text that changes whenever a sync, follow, replay or
/// calibration commits (reads only; cheap next to a snapshot).
std::string storeRevision(TwinStore& store);

/// Reads every document of the snapshot from the store (tagged with `revision`).
ServeSnapshot readServeSnapshot(TwinStore& store, const std::string& revision);

}  // namespace magtwin
