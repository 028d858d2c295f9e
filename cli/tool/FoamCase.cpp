#include "cli/tool/FoamCase.hpp"

#include "cli/config/ConfigReader.hpp"
#include "cli/deposit/DepositConfig.hpp"
#include "cli/tool/FoamCaseLayout.hpp"
#include "cli/tool/FoamDict.hpp"
#include "postprocessing/io/OutputFolder.hpp"
#include "solvers/deposition/GasDiffusivity.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace magtwin {

namespace {

namespace fs = std::filesystem;

std::string header(const char* cls, const char* object) {
    return std::string("FoamFile { version 2.0; format ascii; class ") + cls + "; object " + object + "; }\n\n";
}

void writeText(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream f(path);
    f << text;
    if (!f) throw std::runtime_error("cannot write " + path.string());
}

/// A single-quoted shell word.
std::string shellWord(const std::string& s) {
    std::string out = "'";
    for (char ch : s) out += ch == '\'' ? std::string("'\\''") : std::string(1, ch);
    return out + "'";
}

std::string emissionEntries(const ToolFile& tool) {
    const ToolDepositionSettings& d = tool.deposition;
    if (d.angular == "cosine") return "        emissionDistribution cosine;\n";
    if (d.angular == "cosn")
        return "        emissionDistribution cosn;\n        cosExponent         " + foamNumber(d.cosExponent) + ";\n";
    throw ConfigError(tool.path + ": deposition.angular " + d.angular +
                      ": the OpenFOAM line of sight (filmDeposition) takes cosine or cosn");
}

std::string controlDict(const FoamCaseOptions& o, const FoamCaseLayout& w) {
    const std::string lib = (fs::path(o.libDir) / "libmagtwinFoam.so").string();
    std::ostringstream s;
    s << header("dictionary", "controlDict") << "// One step of the substrate motion's time ("
      << foamNumber(w.motionTimeS) << " s): the film of filmDeposition after one backward-Euler step is flux x time.\n"
      << "libs            (\"" << lib << "\");\n"
      << "application     sputterFoam;\nstartFrom       startTime;\nstartTime       0;\nstopAt          endTime;\n"
      << "endTime         " << foamNumber(w.motionTimeS) << ";\ndeltaT          " << foamNumber(w.motionTimeS) << ";\n"
      << "writeControl    timeStep;\nwriteInterval   1;\npurgeWrite      0;\nwriteFormat     ascii;\n"
      << "writePrecision  12;\nwriteCompression off;\ntimeFormat      general;\ntimePrecision   8;\n"
      << "runTimeModifiable false;\n\nfunctions\n{\n    film\n    {\n        type        filmUniformity;\n"
      << "        libs        (\"" << lib << "\");\n        field       c;\n        patch       " << w.substrate->name
      << ";\n"
      << "        // deposit's quality area: the substrate less its edge exclusion\n"
      << "        qualityArea { " << w.qualityArea << " }\n    }\n}\n";
    return s.str();
}

std::string fieldC(const ToolFile& tool, const FoamCaseLayout& w, double D) {
    const bool gas = tool.process.pressurePa > 0;
    std::ostringstream s;
    s << header("volScalarField", "c")
      << (gas ? "// Number density of thermalised sputtered atoms [1/m^3]: born in the volume where they\n"
                "// thermalise (sputterFoam, the gas entries of constant/filmSource), taken up by every patch\n"
                "// with its sticking coefficient (targets, shields, walls: process.sticking; substrate: its film's)."
              : "// Number density of thermalised sputtered atoms [1/m^3]. At process.pressure 0 Pa every\n"
                "// sputtered atom flies in line of sight (thermalizedFraction 0): c = 0, and D only keeps the\n"
                "// matrix regular (it enters no flux).")
      << "\ndimensions      [0 -3 0 0 0 0 0];\ninternalField   uniform 0;\nboundaryField\n{\n";
    std::string names;
    for (std::size_t k = 0; k < w.cathodes.size(); ++k) {
        const ToolCathode& c = w.cathodes[k];
        names += (k ? "|" : "") + c.name;
        s << "    " << c.name << "\n    {\n        type                sputteredFlux;\n"
          << "        #include            \"$FOAM_CASE/constant/source." << c.name << "\"\n"
          << (w.trims[k] != 1.0
                  ? "        // power x " + foamNumber(w.trims[k]) + ": deposit's trim (deposition.optimise)\n"
                  : std::string())
          << cathodeFrameEntries(c)
          // In a gas the source file already has thermalizedFraction 0 (the share is born in the volume).
          << (gas ? std::string() : std::string("        thermalizedFraction 0;\n")) << "        diffusivity         "
          << foamNumber(D) << ";\n"
          << "        value               uniform 0;\n    }\n";
    }
    s << "    " << w.substrate->name << "\n    {\n        type                filmDeposition;\n"

      << "        #include            \"$FOAM_CASE/constant/filmSource\"\n"
      << (gas ? std::string() : "        diffusivity         " + foamNumber(D) + ";\n")
      << "        lineOfSightSource   " << (w.cathodes.size() == 1 ? names : "\"(" + names + ")\"") << ";\n"
      << emissionEntries(tool) << "        value               uniform 0;\n    }\n";
    // Shields and walls: the film's entries with process.sticking's coefficient. Walls that
    // keep less than all take the targets' ballistic arrivals (lineOfSightSource) and give
    // back (1 - s) of them as diffusing atoms (ballisticSticking); the shields share the
    // targets' plane and receive none.
    for (const auto& [wall, sticking] : {std::pair<const char*, double>{"shields", tool.process.sticking.shields},
                                         {"walls", tool.process.sticking.walls}}) {
        const bool givesBack = gas && sticking < 1 && std::string(wall) == "walls";
        s << "    " << wall << "\n    {\n        type                filmDeposition;\n"
          << "        #include            \"$FOAM_CASE/constant/filmSource\"\n"
          << "        stickingCoefficient " << foamNumber(sticking) << ";\n"
          << (gas ? std::string() : "        diffusivity         " + foamNumber(D) + ";\n")
          << (givesBack ? "        ballisticSticking   " + foamNumber(sticking) + ";\n        lineOfSightSource   " +
                              (w.cathodes.size() == 1 ? names : "\"(" + names + ")\"") + ";\n" + emissionEntries(tool)
                        : std::string())
          << "        value               uniform 0;\n    }\n";
    }
    if (w.kind == FoamCaseLayout::Kind::Rotary && w.rotary.symmetryY)
        s << "    " << w.rotary.symmetryPatch << "\n    {\n        type                symmetryPlane;\n    }\n";
    s << "}\n";
    return s.str();
}

std::string allrun(const ToolFile& tool, const FoamCaseOptions& o, const FoamCaseLayout& w, long cells,
                   const FoamCaseErosion* erosion) {
    std::ostringstream s;
    s << "#!/bin/sh\n"
      << "# Generated by `magtwin foam-case " << fs::absolute(tool.path).string() << " --substrate "
      << w.substrate->name << " --cells " << o.cells << "`: edit the tool file, not this case.\n"
      << "# " << cells << " cells; film on " << w.substrate->name << " after " << foamNumber(w.motionTimeS)
      << " s -> results/summary.json, results/film.csv.\n"
      << "# Runs from any folder with nothing set: the paths below are absolute.\n"
      << "#   bash Allrun               serial\n#   bash Allrun -parallel     2 ranks (decomposePar, mpirun, "
         "reconstructPar)\n#   bash Allrun -parallel N   N ranks (system/decomposeParDict rewritten: simple, n (N/a a "
         "1), a the largest divisor of N <= sqrt N)\n"
      << "cd \"$(dirname \"$0\")\" || exit 1\nHERE=$(pwd)\n"
      << "WM_PROJECT_DIR=" << shellWord(o.openFoamDir) << "; export WM_PROJECT_DIR\n"
      << "LD_LIBRARY_PATH=" << shellWord(o.libDir) << "${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}; export LD_LIBRARY_PATH\n"
      << "PATH=" << shellWord(o.binDir) << ":/usr/bin:/bin; export PATH\n"
      << "export OMPI_MCA_mpi_yield_when_idle=1\n"
      << "step() { log=$1; shift; \"$@\" > \"$log\" 2>&1 || { tail -30 \"$log\"; echo \"FAILED: $* (see $HERE/$log)\"; "
         "exit 1; }; }\n"
      << "rm -rf postProcessing processor* results results.tmp   # a rerun starts clean\n"
      << (erosion ? "rm -rf [1-9]* 0.[0-9]*   # and new targets\n"
                    "cp system/controlDict.erosion system/controlDict && "
                    "cp constant/dynamicMeshDict.erosion constant/dynamicMeshDict || exit 1\n" +
                        erosionAllrunPhase(w.motionTimeS)
                  : std::string())
      << "step log.blockMesh blockMesh\nstep log.checkMesh checkMesh\n"
      << "if [ \"${1:-}\" = \"-parallel\" ]; then\n"
      << "    N=2\n"
      << "    if [ -n \"${2:-}\" ]; then\n"
      << "        N=$2\n"
      << "        case $N in ''|*[!0-9]*|0) echo \"Allrun -parallel N: N must be a positive whole number of ranks, "
         "not '$N'\"; exit 2 ;; esac\n"
      << "        a=1; i=1; while [ $((i * i)) -le \"$N\" ]; do [ $((N % i)) -eq 0 ] && a=$i; i=$((i + 1)); done\n"
      << "        printf 'FoamFile { version 2.0; format ascii; class dictionary; object decomposeParDict; }\\n\\n"
         "numberOfSubdomains %s;\\nmethod          simple;\\ncoeffs          { n (%s %s 1); }\\n' \"$N\" "
         "$((N / a)) \"$a\" > system/decomposeParDict\n"
      << "    fi\n"
      << "    step log.decomposePar decomposePar -force\n"
      << (erosion ? "    erode_parallel \"$N\"\n" : "")
      << "    step log.sputterFoam mpirun --allow-run-as-root --oversubscribe -np \"$N\" sputterFoam -parallel\n"
      // With erosion every time: the eroded points (LIFE_T) and the film.
      << "    step log.reconstructPar reconstructPar" << (erosion ? "" : " -latestTime") << "\nelse\n"
      << (erosion ? "    erode_serial\n" : "") << "    step log.sputterFoam sputterFoam\nfi\n"
      << "touch case.foam   # ParaView: open case.foam\n"
      // The film and its uniformity from the filmUniformity function object (postProcessing/film).
      << (erosion ? std::string("DAT=postProcessing/film/$LIFE_T/filmUniformity.dat\n"
                                "CSV=$(ls postProcessing/film/*/film.csv 2>/dev/null | head -1)\n")
                  : "DAT=postProcessing/film/0/filmUniformity.dat\nCSV=postProcessing/film/" +
                        foamNumber(w.motionTimeS) + "/film.csv\n")
      << "[ -s \"$DAT\" ] && [ -s \"$CSV\" ] || { echo \"FAILED: no $DAT or $CSV (filmUniformity)\"; exit 1; }\n"
      << "mkdir -p results.tmp && cp \"$CSV\" results.tmp/film.csv\n"
      << "awk -v ee=" << foamNumber(w.substrate->edgeExclusionM) << " -v cells=" << cells
      << " -v tool=" << shellWord(fs::absolute(tool.path).string()) << " -v sname=" << shellWord(w.substrate->name)
      << " -v t=" << foamNumber(w.motionTimeS) << " '\n"
      << "  !/^#/ && NF >= 9 { last = $0 }\n"
      << "  END { if (last == \"\") exit 1; split(last, f)\n"
      << "    printf \"{\\n  \\\"tool\\\": \\\"%s\\\",\\n  \\\"substrate\\\": \\\"%s\\\",\\n\", tool, sname\n"
      << "    printf \"  \\\"time_s\\\": %s,\\n  \\\"cells\\\": %s,\\n  \\\"quality_faces\\\": %s,\\n\", t, cells, "
         "f[2]\n"
      << "    printf \"  \\\"quality_area_m2\\\": %s,\\n  \\\"edge_exclusion_m\\\": %s,\\n\", f[3], ee\n"
      << "    printf \"  \\\"mean_thickness_m\\\": %s,\\n  \\\"min_thickness_m\\\": %s,\\n  \\\"max_thickness_m\\\": "
         "%s,\\n\", "
         "f[4], f[5], f[6]\n"
      << "    printf \"  \\\"uniformity_range_pct\\\": %s,\\n  \\\"uniformity_sigma_pct\\\": %s,\\n\", f[7], f[8]\n"
      << "    printf \"  \\\"mean_rate_m_s\\\": %s,\\n  \\\"film_csv\\\": \\\"film.csv\\\"\\n}\\n\", f[9] }' \"$DAT\" "
         "> "
         "results.tmp/summary.json || { echo \"FAILED: summary from $DAT\"; exit 1; }\n"
      << (erosion ? erosionAllrunSummary(w.cathodes, *erosion, o.life.toEnd) : std::string())
      << "rm -rf results && mv results.tmp results\n"
      << "cat results/summary.json\n";
    return s.str();
}

}  // namespace

FoamCaseReport writeFoamCase(const ToolFile& tool, const FoamCaseOptions& o) {
    // --life: the life point first (the end of life from the erosion engine for "end"), then
    // deposit's trims at it; "end" takes them 0.1 % before the end of life (as --life-sweep:
    // the engine refuses a map at or past it).
    const double lifeKWh = o.life.erode ? foamCaseLifeKWh(tool, o.substrate, o.life) : 0.0;
    const FoamCaseLayout w = foamCaseLayout(tool, o.substrate, o.life.toEnd ? 0.999 * lifeKWh : lifeKWh);
    const ToolSubstrate& s = *w.substrate;
    if (o.life.erode && w.kind == FoamCaseLayout::Kind::Rotary)
        throw ConfigError(tool.path + ": cathode '" + w.cathodes.front().name +
                          "': --life erodes planar targets only; a rotary tube's moving-mesh erosion in a generated "
                          "3-D case is not done (magtwin erode gives its life)");
    // At 0 Pa no atom is thermalised (thermalizedFraction 0, c = 0): D enters no flux and only
    // keeps the matrix regular. In a gas D is the film's atoms' Chapman-Enskog diffusivity
    // (solvers/deposition/GasDiffusivity.hpp, the value foam-dict writes into filmSource), the
    // targets take the volume-born thermalised share back with sticking 1 (their entries from
    // foamSourceEntries) and sputterFoam adds the source from the gas entries in filmSource.
    // The gas entries are the fast gas model's (sigma_eff, eta, N_th), whose default
    // parameters are the Mo-in-Ar calibration: refused for another pair as `deposit` refuses
    // it (foam-case has no Monte Carlo to offer instead).
    requireGasCalibration(depositCaseFor(tool, s.name), "fast", "");
    // At 0 Pa the atoms a shield or wall gives back fly in line of sight again, which the
    // case (line of sight from the targets only, c = 0) does not carry.
    if (tool.process.pressurePa <= 0)
        for (const auto& [key, value] : {std::pair<const char*, double>{"shields", tool.process.sticking.shields},
                                         {"walls", tool.process.sticking.walls}})
            if (value < 1)
                throw ConfigError(tool.process.stickingOrigin + "." + key + "': " + foamNumber(value) +
                                  " < 1 at process.pressure 0 Pa: the atoms it gives back fly in line of sight "
                                  "again, which foam-case's collisionless case does not follow (`magtwin deposit "
                                  "--method mc` does)");
    const bool gas = tool.process.pressurePa > 0;
    const double D = gas ? filmDiffusivityM2PerS(s.filmMaterial, tool.process.gas, tool.process.pressurePa,
                                                 tool.process.temperatureK)
                         : 1.0;
    // Everything that can fail on the tool file before anything is written.
    std::vector<std::string> sources;
    for (const ToolCathode& c : w.cathodes) sources.push_back(foamSourceEntries(tool, c));
    const std::string film = foamFilmEntries(tool, s);
    long cells = 0;
    const std::string blockMesh =
        w.kind == FoamCaseLayout::Kind::Cylinder ? cylinderBlockMeshDict(w.cylinder, o.cells, cells)
        : w.kind == FoamCaseLayout::Kind::Rotary ? rotaryBlockMeshDict(w.rotary, o.cells, cells)
                                                 : boxBlockMeshDict(w.box, o.cells, cells);
    const std::string cField = fieldC(tool, w, D);
    FoamCaseErosion erosion;
    if (o.life.erode) erosion = foamCaseErosion(lifeKWh, o.life.toEnd, w.cathodes);
    const std::string lib = (fs::path(o.libDir) / "libmagtwinFoam.so").string();

    FoamCaseReport r;
    r.outDir = o.outDir;
    r.cells = cells;
    r.gapM = w.kind == FoamCaseLayout::Kind::Cylinder ? w.cylinder.heightM : w.box.heightM;
    if (w.kind == FoamCaseLayout::Kind::Rotary) {  // the lowest tube surface above the glass
        r.gapM = 1e9;
        for (const FoamTube& t : w.rotary.tubes) r.gapM = std::min(r.gapM, t.zM - t.radiusM);
    }
    r.motionTimeS = w.motionTimeS;
    for (const ToolCathode& c : w.cathodes) r.patches.push_back(c.name);
    r.patches.insert(r.patches.end(), {s.name, "shields", "walls"});
    if (w.kind == FoamCaseLayout::Kind::Rotary && w.rotary.symmetryY) r.patches.push_back(w.rotary.symmetryPatch);
    r.reduction = w.reduction;
    r.trims = w.trims;
    if (o.life.erode) {
        r.lifeKWh = lifeKWh;
        r.erosionTimeS = erosion.endTimeS;
    }

    writeFolderAtomically(o.outDir, [&](const fs::path& dir) {
        writeText(dir / "system/blockMeshDict", blockMesh);
        if (o.life.erode) {
            // The erosion phase's dictionaries in place; Allrun copies the film phase's over them.
            std::string film = controlDict(o, w);
            film.replace(film.find("startFrom       startTime;"), 26, "startFrom       latestTime;");
            writeText(dir / "system/controlDict.film",
                      "// Film phase (Allrun copies this over controlDict after the erosion phase, and sets\n"
                      "// endTime = the eroded time + the motion time): the deposition on the eroded mesh.\n" +
                          film);
            writeText(dir / "system/controlDict.erosion", erosionControlDict(lib, w.cathodes, erosion));
            writeText(dir / "system/controlDict", erosionControlDict(lib, w.cathodes, erosion));
            writeText(dir / "constant/dynamicMeshDict.erosion", erosionDynamicMeshDict());
            writeText(dir / "constant/dynamicMeshDict.film", filmDynamicMeshDict());
            writeText(dir / "constant/dynamicMeshDict", erosionDynamicMeshDict());
            writeText(dir / "0/pointDisplacement",
                      pointDisplacementField(w.cathodes, {s.name, "shields", "walls"}, erosion));
        } else {
            writeText(dir / "system/controlDict", controlDict(o, w));
        }
        writeText(dir / "system/fvSchemes",
                  header("dictionary", "fvSchemes") +
                      "ddtSchemes      { default Euler; }\ngradSchemes     { default Gauss linear; }\n"
                      "divSchemes      { default none; }\nlaplacianSchemes { default Gauss linear corrected; }\n"
                      "interpolationSchemes { default linear; }\nsnGradSchemes   { default corrected; }\n");
        writeText(dir / "system/fvSolution",
                  header("dictionary", "fvSolution") +
                      "solvers\n{\n    c { solver PCG; preconditioner DIC; tolerance 1e-12; relTol 0; maxIter 2000; "
                      "}\n" +
                      (o.life.erode ? erosionSolverEntries() : std::string()) + "}\n" +
                      (o.life.erode ? "PIMPLE { nOuterCorrectors 1; }\n" : ""));
        writeText(dir / "system/decomposeParDict",
                  header("dictionary", "decomposeParDict") +
                      "numberOfSubdomains 2;\nmethod          simple;\ncoeffs          { n (2 1 1); }\n"
                      "// N ranks: `bash Allrun -parallel N` rewrites this file (n (N/a a 1), a the largest\n"
                      "// divisor of N <= sqrt N), or by hand numberOfSubdomains N and n (a b 1) with a b = N (or\n"
                      "// method scotch where OpenFOAM was built with it; Debian's is a stub), then decomposePar\n"
                      "// and `mpirun -np N sputterFoam -parallel`. docs/openfoam.md: how to choose N.\n");
        if (!o.life.erode)
            writeText(dir / "constant/dynamicMeshDict",
                      header("dictionary", "dynamicMeshDict") +
                          "// The deposition over the motion time: the target does not move (erosion: foam-case "
                          "--life).\n"
                          "dynamicFvMesh   staticFvMesh;\n");
        writeText(
            dir / "constant/transportProperties",
            header("dictionary", "transportProperties") +
                (gas ? "// The gas (pressure, temperature, sigma_eff, eta, thermalisation column) and the film's\n"
                       "// Chapman-Enskog diffusivity: the film file foam-dict writes from the tool file.\n"
                       "#include \"filmSource\"\nD               $diffusivity;\n"
                     : "// process.pressure 0 Pa: collisionless (no volume source); D only keeps the matrix "
                       "regular.\nD               [0 2 -1 0 0 0 0] " +
                           foamNumber(D) + ";\n"));
        for (std::size_t k = 0; k < w.cathodes.size(); ++k)
            writeText(dir / ("constant/source." + w.cathodes[k].name), sources[k]);
        writeText(dir / "constant/filmSource", film);
        writeText(dir / "0/c", cField);
        writeText(dir / "Allrun", allrun(tool, o, w, cells, o.life.erode ? &erosion : nullptr));
        fs::permissions(dir / "Allrun", fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                        fs::perm_options::add);
        writeText(dir / "Allclean",
                  "#!/bin/sh\ncd \"$(dirname \"$0\")\" || exit 1\nrm -rf constant/polyMesh processor* postProcessing "
                  "results results.tmp log.* case.foam [1-9]* 0.[0-9]*\n");
    });
    return r;
}

}  // namespace magtwin
