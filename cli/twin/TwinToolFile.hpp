// TwinToolFile: the parts of a tool file the twin's log sync needs - tool name, cathodes
// (name, target material and thickness), supplies (name, kind, feeds), sensors and `logs:`.
// Other top-level sections are left to the tool-file reader (issue 10), so they are not
// rejected here; at the merge this becomes loadToolFile + readLogFormats.
#pragma once

#include "logs/LogFormat.hpp"
#include "twin/LogMappingConfig.hpp"

#include <string>
#include <vector>

namespace magtwin {

struct TwinToolFile {
    std::string name;
    ToolNames names;
    std::vector<LogFormat> logs;
    /// The log format called `name` ("" = the first); throws UsageError listing the formats.
    const LogFormat& format(const std::string& name) const;
};

TwinToolFile loadTwinToolFile(const std::string& path);

}  // namespace magtwin
