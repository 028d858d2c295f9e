// The command lines of `twin forecast` and `twin export-foam` (registered by TwinCommand.cpp).
#include "cli/twin/TwinCommand.hpp"
#include "cli/twin/TwinCommands.hpp"

#include <memory>

namespace magtwin {

void addTwinForecastCommands(CLI::App& twin) {
    auto fc = std::make_shared<TwinForecastOptions>();
    CLI::App* f = twin.add_subcommand("forecast",
                                      "Where today's recipe leaves the uniformity spec; the trims that bring it back");
    f->add_option("tool", fc->toolFile, "Tool file (YAML) with a logs: section")->required()->check(CLI::ExistingFile);
    f->add_option("--store", fc->store, "SQLite file or postgresql://... URL")->required();
    f->add_option("--method", fc->method, "Transport: fast or direct")->capture_default_str();
    f->add_option("--points", fc->points, "Life points from now to the first end of life")->capture_default_str();
    f->add_option("--recipe", fc->recipe,
                  "Today's recipe: logged (the newest deposition step's power split) or configured (tool file / "
                  "optimised trims)")
        ->capture_default_str();
    f->add_flag("--json", fc->json, "Print the result as JSON");
    f->callback([fc]() {
        if (const int rc = runTwinForecast(*fc); rc != 0) throw CLI::RuntimeError(rc);
    });

    auto ef = std::make_shared<TwinExportFoamOptions>();
    CLI::App* e =
        twin.add_subcommand("export-foam", "A cathode's logged power as the OpenFOAM ionFluxScale time table");
    e->add_option("tool", ef->toolFile, "Tool file (YAML) with a logs: section")->required()->check(CLI::ExistingFile);
    e->add_option("--store", ef->store, "SQLite file or postgresql://... URL")->required();
    e->add_option("--cathode", ef->cathode, "Cathode name of the tool file")->required();
    e->add_option("--out", ef->out, "Output folder (written complete or not at all)")->required();
    e->callback([ef]() {
        if (const int rc = runTwinExportFoam(*ef); rc != 0) throw CLI::RuntimeError(rc);
    });
}

}  // namespace magtwin
