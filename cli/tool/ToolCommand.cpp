#include "cli/tool/ToolCommand.hpp"

#include "postprocessing/io/AtomicFile.hpp"

#include "boundary/util/TextNumber.hpp"

#include "cli/tool/FoamDict.hpp"
#include "cli/tool/ToolFile.hpp"
#include "cli/tool/ToolFileWriter.hpp"
#include "cli/tool/ToolInit.hpp"
#include "cli/tool/ToolPicture.hpp"
#include "cli/tool/ToolSchema.hpp"

#include "cli/UsageError.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iomanip>
#include <iostream>

namespace magtwin {

namespace {

struct ToolOptions {
    std::string tool;
    bool json = false;
    std::string yaml;
    std::string png;
    bool markdown = false;
    std::string cathode, substrate, out, filmOut;
    ToolInitOptions init;
};

/// Writes `text` to `path` through a temporary name (nothing half-written; a device such as
/// /dev/null in place).
void writeAtomically(const std::string& path, const std::string& text) {
    writeFileAtomically(path, [&](std::ostream& o) { o << text; });
}

void printChamber(const ToolFile& t) {
    std::cout << t.name << " (" << t.path << "): " << t.cathodes.size() << " cathodes, " << t.substrates.size()
              << " substrates, " << t.sensors.size() << " sensors, " << t.supplies.size() << " supplies\n"
              << std::fixed << std::setprecision(1);
    for (const auto& c : t.cathodes)
        std::cout << "  cathode   " << std::left << std::setw(14) << c.name << std::setw(16) << cathodeKindName(c.kind)
                  << c.target.material.name << "  at (" << c.position.x() * 1e3 << ", " << c.position.y() * 1e3 << ", "
                  << c.position.z() * 1e3 << ") mm, "
                  << (c.tilted()
                          ? "facing (" + textNumber(c.faceNormal().x(), 3) + ", " + textNumber(c.faceNormal().y(), 3) +
                                ", " + textNumber(c.faceNormal().z(), 3) + "), "
                          : std::string())
                  << c.discharge.voltageV << " V, gamma_SE " << std::setprecision(3) << c.discharge.gammaSE
                  << (c.discharge.gammaSEGiven ? "" : " (Baragiola)") << std::setprecision(1) << "\n";
    for (const auto& s : t.substrates)
        std::cout << "  substrate " << std::setw(14) << s.name << std::setw(16) << s.kind << s.sizeXM * 1e3 << " x "
                  << s.sizeYM * 1e3 << " mm, edge exclusion " << s.edgeExclusionM * 1e3 << " mm, spec U < "
                  << s.uniformityTargetPct << " %\n";
    for (const auto& s : t.sensors)
        std::cout << "  sensor    " << std::setw(14) << s.name << std::setw(16) << s.type << "at ("
                  << s.position.x() * 1e3 << ", " << s.position.y() * 1e3 << ", " << s.position.z() * 1e3 << ") mm\n";
    for (const auto& s : t.supplies) {
        std::cout << "  supply    " << std::setw(14) << s.name << std::setw(16) << s.kind << "feeds";
        for (const auto& f : s.feeds) std::cout << " " << f;
        std::cout << "\n";
    }
    std::cout << std::right;
}

}  // namespace

void addToolCommand(CLI::App& app) {
    auto o = std::make_shared<ToolOptions>();
    CLI::App* tool = app.add_subcommand("tool", "Tool files: check, show, schema, init (docs/tool-file.md)");
    tool->require_subcommand(1);

    CLI::App* check = tool->add_subcommand("check", "Validate a tool file and print the resolved chamber");
    check->add_option("tool", o->tool, "Tool file (YAML)")->required();
    check->add_flag("--json", o->json, "Print {cathodes, substrates, sensors, supplies} as JSON");
    check->add_option("--yaml", o->yaml, "Write the fully resolved tool file (every default, SI units) to FILE");
    check->callback([o]() {
        const ToolFile t = loadToolFile(o->tool);
        if (!o->yaml.empty()) writeAtomically(o->yaml, resolvedToolYaml(t));
        if (o->json)
            std::cout << toolListingJson(t);
        else
            printChamber(t);
    });

    CLI::App* show = tool->add_subcommand("show", "Draw a tool file: top and side view");
    show->add_option("tool", o->tool, "Tool file (YAML)")->required();
    show->add_option("--png", o->png, "Output picture")->required();
    show->callback([o]() { drawToolFile(loadToolFile(o->tool), o->png); });

    CLI::App* schema = tool->add_subcommand("schema", "Print the tool-file schema");
    schema->add_flag("--markdown", o->markdown, "As the reference page docs/tool-file.md (the default)");
    schema->callback([]() { std::cout << toolSchemaMarkdown(); });

    CLI::App* init = tool->add_subcommand("init", "Write a commented starting tool file (typical magnet packs)");
    init->add_option("kind", o->init.kind, std::string("Kind of chamber: ") + toolInitKinds())->required();
    init->add_option("--out", o->out, "Tool file to write (YAML)")->required();
    init->add_option("--count", o->init.count, "Cathodes in the array (lines; default 14 tubes / 10 planars)");
    init->add_option("--pitch", o->init.pitch, "Cathode pitch across the array, e.g. '280 mm' (lines)");
    init->add_option("--length", o->init.length, "Tube or target length, e.g. '3800 mm' (lines)");
    init->add_option("--throw", o->init.throwDist, "Target surface to substrate, e.g. '165 mm'");
    init->add_option("--power", o->init.power, "Power per cathode, e.g. '18 kW'");
    init->add_option("--material", o->init.material, "Target material (element or library material; default Mo/Cu)");
    init->add_option("--substrate", o->init.substrate, "gen10.5 or wafer300");
    init->callback([o]() {
        writeAtomically(o->out, toolInitYaml(o->init));
        std::cout << "wrote " << o->out << " (" << o->init.kind << "); next: magtwin tool check " << o->out
                  << ", then magtwin deposit " << o->out << " --out DIR\n";
    });

    CLI::App* foam =
        app.add_subcommand("foam-dict", "OpenFOAM boundary-condition entries of a tool file's cathode/substrate");
    foam->add_option("tool", o->tool, "Tool file (YAML)")->required();
    foam->add_option("--cathode", o->cathode, "Cathode: sputteredFlux / sputterErosion source entries")->required();
    foam->add_option("--out", o->out, "Write the source entries to FILE (default: stdout)");
    foam->add_option("--substrate", o->substrate,
                     "Substrate: filmDeposition entries (filmElement, stickingCoefficient, gasTemperature, diffusivity "
                     "at the tool file's pressure)");
    foam->add_option("--film-out", o->filmOut, "Write the substrate's entries to FILE (needs --substrate)");
    foam->callback([o]() {
        const ToolFile t = loadToolFile(o->tool);
        const std::string source = foamSourceEntries(t, t.cathode(o->cathode));
        std::string film;
        if (!o->substrate.empty()) film = foamFilmEntries(t, t.substrate(o->substrate));
        if (!o->filmOut.empty() && film.empty()) throw UsageError("--film-out needs --substrate");
        if (o->out.empty())
            std::cout << source << film;
        else
            writeAtomically(o->out, source);
        if (!o->filmOut.empty())
            writeAtomically(o->filmOut, film);
        else if (!o->out.empty())
            std::cout << film;
    });
}

}  // namespace magtwin
