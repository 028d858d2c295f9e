#include "cli/twin/TwinToolFile.hpp"

#include "cli/tool/ToolFile.hpp"

namespace magtwin {

const LogFormat& TwinToolFile::format(const std::string& wanted) const {
    if (wanted.empty()) return logs.front();
    std::string known;
    for (const auto& f : logs) {
        if (f.name == wanted) return f;
        known += (known.empty() ? "" : ", ") + f.name;
    }
    throw UsageError("--format '" + wanted + "' is not a log format of tool '" + name + "' (formats: " + known + ")");
}

namespace {

/// The names the log mapping refers to, from the resolved tool file.
ToolNames namesOf(const ToolFile& tool) {
    ToolNames names;
    for (const ToolCathode& c : tool.cathodes)
        names.cathodes.push_back({c.name, c.target.material.name, c.target.thicknessM});
    for (const SupplySpec& s : tool.supplies) {
        const SupplyKind kind = s.kind == "rf"          ? SupplyKind::Rf
                                : s.kind == "pulsed-dc" ? SupplyKind::PulsedDc
                                                        : SupplyKind::Dc;
        names.supplies.push_back({s.name, kind, s.feeds, s.rf});
    }
    for (const ToolSensor& s : tool.sensors) names.sensors.push_back(s.name);
    return names;
}

}  // namespace

TwinToolFile loadTwinToolFile(const std::string& path) {
    // The whole tool file through its one reader (cli/tool: schema, units, geometry checks);
    // its `logs` key goes to the twin's mapping reader once the names are known.
    TwinToolFile t;
    const ToolFile tool = loadToolFile(path, [&t](const ConfigSection& root, const ToolFile& resolved) {
        t.names = namesOf(resolved);
        t.logs = readLogFormats(root, t.names);
    });
    t.name = tool.name;
    t.tool = std::make_shared<const ToolFile>(tool);
    return t;
}

}  // namespace magtwin
