#include "twin/TwinToolFile.hpp"

#include <yaml-cpp/yaml.h>

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

TwinToolFile loadTwinToolFile(const std::string& path) {
    const ConfigSection root = ConfigSection::loadFile(path);
    TwinToolFile t;
    t.name = root.section("tool").text("name");
    for (const auto& c : root.sectionList("cathodes")) {
        ToolNames::Cathode cathode;
        cathode.name = c.text("name");
        if (const auto target = c.optionalSection("target")) {
            cathode.material = target->textOr("material", "");
            cathode.targetThicknessM = target->quantityOr("thickness", Dimension::Length, 0.0);
        }
        t.names.cathodes.push_back(cathode);
    }
    for (const auto& s : root.sectionList("supplies")) {
        ToolNames::Supply supply;
        supply.name = s.text("name");
        const std::string kind = s.choice("kind", {"dc", "rf", "pulsed-dc"});
        supply.kind = kind == "rf" ? SupplyKind::Rf : kind == "pulsed-dc" ? SupplyKind::PulsedDc : SupplyKind::Dc;
        if (s.has("feeds")) {
            // ConfigSection has no list-of-names reader yet (the tool-file branch adds one);
            // until the merge, read this one list with yaml-cpp directly.
            const YAML::Node feeds = YAML::LoadFile(path)["supplies"][t.names.supplies.size()]["feeds"];
            if (!feeds.IsSequence()) s.fail("feeds", "expected a list of cathode names like [source1, source3]");
            for (const auto& f : feeds) {
                const std::string name = f.as<std::string>();
                bool known = false;
                for (const auto& c : t.names.cathodes) known = known || c.name == name;
                if (!known) s.fail("feeds", "'" + name + "' is not a cathode of this tool file");
                supply.feeds.push_back(name);
            }
        }
        t.names.supplies.push_back(supply);
    }
    if (root.has("sensors"))
        for (const auto& s : root.sectionList("sensors")) t.names.sensors.push_back(s.text("name"));
    t.logs = readLogFormats(root, t.names);
    return t;
}

}  // namespace magtwin
