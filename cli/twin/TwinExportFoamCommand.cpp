// `magtwin twin export-foam TOOL.yaml --store PATH --cathode NAME --out DIR`: the cathode's
// logged power as the OpenFOAM ionFluxScale Function1 (boundary/openfoam/common/
// sputterSourceSettings.H): f(t) = P(t) / P_nominal, P the delivered power of the stored
// rows (SourcePower.hpp: DC P, RF forward - reflected; 0 while off), P_nominal the tool
// file's discharge power of that cathode (or voltage x current), t in seconds from the first
// stored sample. The table follows the twin's energy rule (DeliveredEnergy.hpp): f is 0
// inside a logging gap or between two log files (two points 1 us inside it), so its integral
// x P_nominal is the energy `twin status` reports for the cathode (the header says it).
// The ion flux of the plugin is proportional to the discharge current; at the tool file's
// fixed voltage P/P_nominal = I/I_nominal, so the eroded depth after the table equals the
// depth after the logged energy (the erosion engine's depth per kWh at nominal power).
// DIR/ionFluxScale: the table, OpenFOAM list ( (t f) ... ) read by `type tableFile`;
// DIR/ionFluxScaleEntry: the boundary-condition entry that reads it from constant/.
#include "cli/twin/TwinCommands.hpp"

#include "cli/UsageError.hpp"
#include "cli/tool/ToolFile.hpp"
#include "cli/twin/TwinReplaySetup.hpp"
#include "postprocessing/io/AtomicFile.hpp"
#include "postprocessing/io/OutputFolder.hpp"
#include "twin/replay/DeliveredEnergy.hpp"
#include "twin/replay/ReplaySeries.hpp"

#include <charconv>
#include <filesystem>
#include <iomanip>
#include <iostream>

namespace magtwin {
namespace {

/// The shortest text that reads back as `v` (a table entry loses nothing).
std::string exact(double v) {
    char buf[32];
    return std::string(buf, std::to_chars(buf, buf + sizeof buf, v).ptr);
}

}  // namespace

int runTwinExportFoam(const TwinExportFoamOptions& o) {
    const TwinToolFile tf = loadTwinToolFile(o.toolFile);
    const ToolCathode& cathode = tf.tool->cathode(o.cathode);
    // The nominal: the discharge power, or voltage x current when the tool file gives the current.
    const ToolDischarge& d = cathode.discharge;
    const double nominalW = d.powerW ? *d.powerW : d.currentA ? d.voltageV * *d.currentA : 0.0;
    if (!(nominalW > 0))
        throw UsageError(o.toolFile + ": cathode '" + o.cathode +
                         "' has no discharge power or current (the table's nominal)");
    auto store = openExistingStore(o.store);
    const std::int64_t toolId = storedToolId(*store, tf.name, o.store);
    const std::string formatName = store->files(toolId).empty() ? "" : store->files(toolId).front().format;
    const ReplaySeries series(*store, toolId);
    const EnergySeries energy(tf.format(formatName), series);
    const std::size_t k = energy.sourceIndex(o.cathode);
    if (k == energy.power().size())
        throw UsageError(o.toolFile + ": cathode '" + o.cathode + "' is fed by no supply of the log format '" +
                         formatName + "'");
    const std::vector<PowerTablePoint> table = powerTable(energy, k);
    const auto& t = series.times();
    const double energyJ = energy.totalJ(k);
    writeFolderAtomically(o.out, [&](const std::filesystem::path& tmp) {
        writeFileAtomically((tmp / "ionFluxScale").string(), [&](std::ostream& out) {
            out << "// magtwin twin export-foam: " << tf.name << " cathode " << o.cathode << ", P / " << nominalW
                << " W, t from the first sample (s); " << t.size() << " rows, " << std::setprecision(10)
                << energyJ / 3.6e6 << " kWh\n(\n";
            for (const PowerTablePoint& p : table)
                out << "    (" << exact(p.timeS) << " " << exact(p.powerW / nominalW) << ")\n";
            out << ")\n";
        });
        writeFileAtomically((tmp / "ionFluxScaleEntry").string(), [&](std::ostream& out) {
            out << "// include in the target patch's dictionary; copy ionFluxScale to constant/\n"
                << "ionFluxScale\n{\n    type    tableFile;\n    format  foam;\n"
                << "    file    \"$FOAM_CASE/constant/ionFluxScale\";\n    outOfBounds clamp;\n    interpolationScheme "
                   "linear;\n}\n";
        });
    });
    std::cout << o.out << ": ionFluxScale of " << o.cathode << ", " << t.size() << " rows over "
              << (t.back() - t.front()) << " s, " << std::setprecision(10) << energyJ / 3.6e6 << " kWh logged\n";
    return 0;
}

}  // namespace magtwin
