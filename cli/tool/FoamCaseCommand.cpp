#include "cli/tool/FoamCaseCommand.hpp"

#include "cli/UsageError.hpp"
#include "cli/tool/FoamCase.hpp"
#include "cli/tool/ToolFile.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>

namespace magtwin {

void addFoamCaseCommand(CLI::App& app) {
    struct Options {
        std::string tool;
        std::string life;
        FoamCaseOptions foam;
    };
    auto o = std::make_shared<Options>();
    CLI::App* cmd = app.add_subcommand(
        "foam-case", "A runnable 3-D OpenFOAM case from a tool file (mesh, patches, entries, Allrun -> results/)");
    cmd->add_option("tool", o->tool, "Tool file (YAML), e.g. cases/tools/wafer300_chamber.yaml")->required();
    cmd->add_option("--substrate", o->foam.substrate, "Substrate (default: the tool file's first)");
    cmd->add_option("--cells", o->foam.cells, "About this many cells")->check(CLI::Range(1000L, 100000000L));
    cmd->add_option("--out", o->foam.outDir, "Case folder (written complete or not at all)")->required();
    cmd->add_option("--life", o->life,
                    "Erode every cathode first, then the film on the eroded targets: \"X kWh\" (each cathode's "
                    "energy, as deposit --life-kWh) or end (until the first target's end of life); summary.json "
                    "adds each cathode's life_kWh, utilization_pct, min_remaining_m");
    cmd->callback([o]() {
        // The Allrun's absolute paths: this program's folder (sputterFoam beside it) and the
        // plugin library in the build tree's lib/.
        namespace fs = std::filesystem;
        const fs::path self = fs::canonical("/proc/self/exe");
        o->foam.binDir = self.parent_path().string();
        o->foam.libDir = (self.parent_path().parent_path() / "lib").string();
        if (!o->life.empty()) o->foam.life = parseFoamCaseLife(o->life);
        const ToolFile tool = loadToolFile(o->tool);
        const FoamCaseReport r = writeFoamCase(tool, o->foam);
        std::cout << "foam-case: " << r.outDir << ": " << r.cells << " cells, gap " << r.gapM * 1e3 << " mm, "
                  << r.motionTimeS << " s of deposition\n  patches:";
        for (const std::string& p : r.patches) std::cout << " " << p;
        if (std::any_of(r.trims.begin(), r.trims.end(), [](double t) { return t != 1.0; })) {
            std::cout << "\n  power trims (deposit's):";
            for (double t : r.trims) std::cout << " " << t;
        }
        if (r.lifeKWh >= 0)
            std::cout << "\n  life point: " << r.lifeKWh << " kWh per cathode (erosion phase to t = " << r.erosionTimeS
                      << " s)";
        std::cout << "\n  symmetry reduction: " << r.reduction << "\n  run: bash " << r.outDir << "/Allrun\n";
        if (!fs::exists(fs::path(o->foam.libDir) / "libmagtwinFoam.so") ||
            !fs::exists(fs::path(o->foam.binDir) / "sputterFoam"))
            std::cerr << "foam-case: warning: " << o->foam.libDir << "/libmagtwinFoam.so or " << o->foam.binDir
                      << "/sputterFoam is not built (scripts/build.sh with the OpenFOAM headers)\n";
    });
}

}  // namespace magtwin
