// libFuzzer target for the tool-file reader (loadToolFile, cli/tool, with the twin's `logs:`
// reader cli/twin/LogMappingConfig as its hook): any bytes as a tool file must give a tool
// or a ConfigError / UsageError (file, line, key), never another exception, a crash, a leak,
// undefined behaviour or a hang. Seeded with cases/tools/*.yaml by scripts/run-fuzz.sh
// (clang -fsanitize=fuzzer,address,undefined).
#include "cli/config/ConfigReader.hpp"
#include "cli/tool/ToolFile.hpp"
#include "cli/twin/LogMappingConfig.hpp"

#include <unistd.h>
#include <cstdint>
#include <cstdio>
#include <string>

using namespace magtwin;

namespace {

ToolNames namesOf(const ToolFile& tool) {
    ToolNames names;
    for (const ToolCathode& c : tool.cathodes)
        names.cathodes.push_back({c.name, c.target.material.name, c.target.thicknessM});
    for (const SupplySpec& s : tool.supplies)
        names.supplies.push_back({s.name,
                                  s.kind == "rf"          ? SupplyKind::Rf
                                  : s.kind == "pulsed-dc" ? SupplyKind::PulsedDc
                                                          : SupplyKind::Dc,
                                  s.feeds});
    for (const ToolSensor& s : tool.sensors) names.sensors.push_back(s.name);
    return names;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    static const std::string path = "/tmp/magtwin-fuzz-tool-" + std::to_string(::getpid()) + ".yaml";
    FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) return 0;
    std::fwrite(data, 1, size, f);
    std::fclose(f);
    try {
        const ToolFile tool = loadToolFile(path, [](const ConfigSection& root, const ToolFile& resolved) {
            (void)readLogFormats(root, namesOf(resolved));
        });
        (void)tool;
    } catch (const UsageError&) {
        // ConfigError (a UsageError) is the reader's answer to bad input.
    }
    return 0;
}
