// LogMappingConfig: the tool file's `logs:` section -> LogFormat structs (twin/logs), once,
// at the edge. Every key is documented in docs/twin-logs.md. The names it refers to
// (supplies, cathodes, sensors) come from the rest of the tool file and are validated here:
// a switch to a supply that does not feed the source, an unknown unit or a misspelt key stops
// with the file, line and key.
#pragma once

#include "cli/config/ConfigReader.hpp"
#include "twin/logs/LogFormat.hpp"

#include <string>
#include <vector>

namespace magtwin {

/// What a log mapping may refer to in the rest of the tool file.
struct ToolNames {
    struct Supply {
        std::string name;
        SupplyKind kind = SupplyKind::Dc;
        std::vector<std::string> feeds;
        RfDischargeSettings rf{};
    };
    struct Cathode {
        std::string name;
        std::string material;
        double targetThicknessM = 0.0;
    };
    std::vector<Supply> supplies;
    std::vector<Cathode> cathodes;
    std::vector<std::string> sensors;
};

/// Reads `logs:` (a list) of the tool file's root section.
std::vector<LogFormat> readLogFormats(const ConfigSection& toolRoot, const ToolNames& names);

}  // namespace magtwin
