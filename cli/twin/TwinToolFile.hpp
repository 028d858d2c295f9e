// TwinToolFile: the parts of a tool file the twin's log sync needs - tool name, cathodes
// (name, target material and thickness), supplies (name, kind, feeds), sensors and `logs:`.
// Read with the tool file's own reader (loadToolFile, cli/tool), which hands its `logs` key
// to readLogFormats (cli/twin/LogMappingConfig).
#pragma once

#include "cli/twin/LogMappingConfig.hpp"
#include "twin/logs/LogFormat.hpp"

#include <memory>
#include <string>
#include <vector>

namespace magtwin {

struct ToolFile;

struct TwinToolFile {
    std::string name;
    ToolNames names;
    std::vector<LogFormat> logs;
    std::shared_ptr<const ToolFile> tool;  ///< the whole resolved tool file (replay, calibration)
    /// The log format called `name` ("" = the first); throws UsageError listing the formats.
    const LogFormat& format(const std::string& name) const;
};

TwinToolFile loadTwinToolFile(const std::string& path);

}  // namespace magtwin
