#include "cli/twin/TwinCommand.hpp"

#include "cli/twin/TwinCommands.hpp"

#include <memory>

namespace magtwin {

void addTwinCommand(CLI::App& app) {
    CLI::App* twin =
        app.add_subcommand("twin", "The twin's tool logs: sync them into a store, follow one, show status, replay");
    twin->require_subcommand(1);

    auto sync = std::make_shared<TwinSyncOptions>();
    CLI::App* s = twin->add_subcommand("sync", "Add the new rows of tool logs to the store (incremental, crash-safe)");
    s->add_option("tool", sync->toolFile, "Tool file (YAML) with a logs: section")
        ->required()
        ->check(CLI::ExistingFile);
    s->add_option("logs", sync->logs, "Log files")->required();
    s->add_option("--store", sync->store, "SQLite file or postgresql://... URL")->required();
    s->add_option("--format", sync->format, "Log format name from the tool file (default: the first)");
    s->add_flag("--json", sync->json, "Print the result as JSON");
    s->callback([sync]() {
        if (const int rc = runTwinSync(*sync); rc != 0) throw CLI::RuntimeError(rc);
    });

    auto follow = std::make_shared<TwinSyncOptions>();
    CLI::App* f = twin->add_subcommand("follow", "Tail a growing log into the store until SIGINT/SIGTERM");
    f->add_option("tool", follow->toolFile, "Tool file (YAML) with a logs: section")
        ->required()
        ->check(CLI::ExistingFile);
    f->add_option("log", follow->logs, "Log file to follow")->required()->expected(1);
    f->add_option("--store", follow->store, "SQLite file or postgresql://... URL")->required();
    f->add_option("--format", follow->format, "Log format name from the tool file (default: the first)");
    f->add_option("--poll-ms", follow->pollMs, "How often the file is checked, ms")
        ->capture_default_str()
        ->check(CLI::Range(10, 900));
    f->callback([follow]() {
        if (const int rc = runTwinFollow(*follow); rc != 0) throw CLI::RuntimeError(rc);
    });

    auto status = std::make_shared<TwinStatusOptions>();
    CLI::App* st = twin->add_subcommand("status", "Energy, usage counter and steps per source and target");
    st->add_option("--store", status->store, "SQLite file or postgresql://... URL")->required();
    st->add_option("--tool", status->tool, "Only this tool (default: every tool in the store)");
    st->add_flag("--json", status->json, "Print the result as JSON");
    st->add_flag("--digest", status->digest, "Print a digest of each tool's stored content (to compare two stores)");
    st->callback([status]() {
        if (const int rc = runTwinStatus(*status); rc != 0) throw CLI::RuntimeError(rc);
    });

    auto sim = std::make_shared<TwinSimulateOptions>();
    CLI::App* sl =
        twin->add_subcommand("simulate-log", "Write a tool log with known truth from a recipe (docs/simulate-log.md)");
    sl->add_option("tool", sim->toolFile, "Tool file (YAML) with a logs: section")
        ->required()
        ->check(CLI::ExistingFile);
    sl->add_option("--recipe", sim->recipe, "Recipe (YAML, cases/recipes/)")->required()->check(CLI::ExistingFile);
    sl->add_option("--out", sim->out, "Log file to write (LOG.csv; the truth goes to LOG.truth.json)")->required();
    sl->add_option("--seed", sim->seed, "Seed of the sensor noise")->capture_default_str();
    sl->add_option("--format", sim->format, "Log format name from the tool file (default: the first)");
    sl->add_option("--metrology-every", sim->metrologyEvery, "Thickness map of every Nth substrate (0: none)")
        ->capture_default_str();
    sl->add_option("--metrology-dir", sim->metrologyDir, "Folder for the thickness maps (SUBSTRATE_ID.csv)");
    sl->add_option("--metrology-pitch", sim->metrologyPitchMm, "Map pitch, mm (default 20 on glass, 5 on a wafer)");
    sl->add_option("--metrology-noise", sim->metrologyNoisePct,
                   "Relative Gaussian noise of each map point, percent (seeded)");
    sl->add_option("--metrology-method", sim->metrologyMethod, "Transport of the maps: fast or direct")
        ->capture_default_str();
    sl->add_option("--gas-sigma-eff", sim->gasSigmaEffM2,
                   "Inject this gas strength (sigma_eff, m^2) into the maps, at the recipe's chamber pressure");
    sl->callback([sim]() {
        if (const int rc = runTwinSimulate(*sim); rc != 0) throw CLI::RuntimeError(rc);
    });

    auto replay = std::make_shared<TwinReplayOptions>();
    CLI::App* r =
        twin->add_subcommand("replay", "Replay the stored log against the physics: rates, uniformity, counter audit");
    r->add_option("tool", replay->toolFile, "Tool file (YAML) with a logs: section")
        ->required()
        ->check(CLI::ExistingFile);
    r->add_option("--store", replay->store, "SQLite file or postgresql://... URL")->required();
    r->add_option("--out", replay->out, "Output folder (written complete or not at all)")->required();
    r->add_option("--format", replay->format, "Log format name from the tool file (default: the first)");
    r->add_option("--tolerance", replay->tolerancePct, "Counter audit tolerance, percent")->capture_default_str();
    r->add_option("--drift-tolerance", replay->driftTolerancePct,
                  "Drift band beyond the calibrated prediction's 2 sigma, percent")
        ->capture_default_str();
    r->add_option("--life-points", replay->lifePoints,
                  "Arrays: film maps at K life points to end of life, interpolated in energy (0: exact per step; "
                  "default 16 with an array)")
        ->check(CLI::Range(0, 1000));
    r->add_option("--map-pitch", replay->mapPitchMm,
                  "Substrate map pitch, mm (default: the substrate's; >= 10 mm with a life table)")
        ->check(CLI::PositiveNumber);
    r->add_option("--transport", replay->transport,
                  "Substrate map transport: fast, direct (default: fast with a life table)")
        ->check(CLI::IsMember({"auto", "fast", "direct"}));
    r->add_option("--exact-check", replay->exactCheckEvery,
                  "Also compute every N-th mapped interval exactly (U beside the table's)")
        ->check(CLI::Range(0, 1000000));
    r->add_option("--map-every", replay->mapEvery,
                  "Every N-th mapped interval into maps.pvd (0: none; default: 32 to 64 evenly spaced maps)")
        ->check(CLI::Range(0, 1000000));
    r->add_flag("--json", replay->json, "Print report.json on stdout");
    r->callback([replay]() {
        if (const int rc = runTwinReplay(*replay); rc != 0) throw CLI::RuntimeError(rc);
    });

    auto cal = std::make_shared<TwinCalibrateOptions>();
    CLI::App* c =
        twin->add_subcommand("calibrate", "Fit per-source rate scales to the monitor readings (a new store version)");
    c->add_option("tool", cal->toolFile, "Tool file (YAML) with a logs: section")->required()->check(CLI::ExistingFile);
    c->add_option("--store", cal->store, "SQLite file or postgresql://... URL")->required();
    c->add_option("--format", cal->format, "Log format name from the tool file (default: the first)");
    c->add_option("--metrology", cal->metrology, "Thickness metrology files (x, y, thickness)")
        ->check(CLI::ExistingFile);
    c->add_option("--window", cal->windowS, "Observation window within an interval, s")->capture_default_str();
    c->add_option("--gas", cal->gas,
                  "Gas-scattering strength: fit (with metrology and pressure > 0, where identifiable) or off")
        ->capture_default_str();
    c->add_flag("--json", cal->json, "Print the result as JSON");
    c->callback([cal]() {
        if (const int rc = runTwinCalibrate(*cal); rc != 0) throw CLI::RuntimeError(rc);
    });
    auto advise = std::make_shared<TwinAdviseOptions>();
    CLI::App* ad = twin->add_subcommand(
        "advise", "Next substrate's time or power for a target thickness (EWMA run-to-run on the replayed readings)");
    ad->add_option("tool", advise->toolFile, "Tool file (YAML) with a logs: section")
        ->required()
        ->check(CLI::ExistingFile);
    ad->add_option("--store", advise->store, "SQLite file or postgresql://... URL")->required();
    ad->add_option("--target-nm", advise->targetNm, "Target film thickness, nm")->required();
    ad->add_option("--lambda", advise->lambda1, "EWMA weight of the offset, (0, 1]")->capture_default_str();
    ad->add_option("--lambda2", advise->lambda2, "EWMA weight of the drift, [0, 1] (0: single EWMA)")
        ->capture_default_str();
    ad->add_option("--form", advise->form, "EWMA model: multiplicative (a rate ratio) or additive (an offset, nm)")
        ->capture_default_str();
    ad->add_flag("--json", advise->json, "Print the advice as JSON");
    ad->callback([advise]() {
        if (const int rc = runTwinAdvise(*advise); rc != 0) throw CLI::RuntimeError(rc);
    });
    auto serve = std::make_shared<TwinServeOptions>();
    CLI::App* sv = twin->add_subcommand("serve", "The store as a read-only web view and JSON API (docs/twin-serve.md)");
    sv->add_option("--store", serve->store, "SQLite file or postgresql://... URL (opened read-only)")->required();
    sv->add_option("--listen", serve->listen, "HOST:PORT to listen on (port 0: any free port)")->capture_default_str();
    sv->add_option("--rate-limit", serve->rateLimit,
                   "Requests per second per client (N/s, or off; default off on loopback, 20/s elsewhere)");
    sv->add_option("--poll-ms", serve->pollMs, "How often the store is checked for new commits, ms")
        ->capture_default_str()
        ->check(CLI::Range(20, 1000));
    sv->callback([serve]() {
        if (const int rc = runTwinServe(*serve); rc != 0) throw CLI::RuntimeError(rc);
    });
    addTwinForecastCommands(*twin);
}

}  // namespace magtwin
