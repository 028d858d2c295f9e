// `magtwin twin status`: per source and target the energy the twin integrated, the tool's
// own usage-counter change over the same rows, the number of steps, the target's stored
// erosion state (after `twin replay`) and the tool's time in SEMI E10's six equipment states
// per day (twin/status/TwinStatus.hpp; docs/twin-status.md).
#include "cli/twin/TwinCommands.hpp"

#include "cli/UsageError.hpp"
#include "twin/status/TwinStatus.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>

namespace magtwin {

int runTwinStatus(const TwinStatusOptions& o) {
    const bool postgres = o.store.rfind("postgres", 0) == 0;
    if (!postgres && !std::filesystem::exists(o.store)) throw UsageError("--store '" + o.store + "' does not exist");
    auto store = openStore(o.store);
    if (o.digest) {
        for (const auto& name : o.tool.empty() ? store->toolNames() : std::vector<std::string>{o.tool}) {
            const auto names = store->toolNames();
            if (std::find(names.begin(), names.end(), name) == names.end())
                throw UsageError("--tool '" + name + "' is not in the store");
            const std::int64_t toolId = store->ensureTool(name);
            std::cout << name << " " << storeContentDigest(*store, toolId) << " twin "
                      << twinStateDigest(*store, toolId) << "\n";
        }
        return 0;
    }
    const std::vector<ToolStatus> status = readTwinStatus(*store, o.tool);
    if (o.json)
        writeTwinStatusJson(std::cout, status);
    else
        writeTwinStatusText(std::cout, status);
    return 0;
}

}  // namespace magtwin
