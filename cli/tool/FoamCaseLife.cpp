#include "cli/tool/FoamCaseLife.hpp"

#include "cli/UsageError.hpp"
#include "cli/config/ConfigReader.hpp"
#include "cli/config/Units.hpp"
#include "cli/deposit/DepositConfig.hpp"
#include "cli/tool/FoamCaseLayout.hpp"
#include "cli/tool/FoamDict.hpp"
#include "solvers/deposition/ErodedTargets.hpp"

#include <algorithm>
#include <sstream>

namespace magtwin {

namespace {

constexpr double kJoulePerKWh = 3.6e6;

std::string header(const char* cls, const char* object) {
    return std::string("FoamFile { version 2.0; format ascii; class ") + cls + "; object " + object + "; }\n\n";
}

/// Where the erosion phase ends for "end": past the end of life, so the run stops at the
/// end of life itself (sputterErosion cuts the step there, targetErosion ends the run).
constexpr double kPastEndOfLife = 1.05;

/// At least this many OpenFOAM steps in the erosion phase (targetErosion's maxDeltaT): the
/// Courant limit alone lets one step carry a life point on chamber-sized cells, and each step
/// adds a row of depth, remaining thickness and utilization to targetErosion.dat and a check
/// of the mesh quality as the grooves deepen. The engine's own steps do not depend on it.
constexpr double kErosionSteps = 10;

}  // namespace

FoamCaseLife parseFoamCaseLife(const std::string& text) {
    FoamCaseLife life;
    life.erode = true;
    if (text == "end") {
        life.toEnd = true;
        return life;
    }
    const auto q = splitQuantity(text);
    const auto factor = q ? unitFactor(Dimension::Energy, q->unit) : std::nullopt;
    if (!q || q->unit.empty() || !factor || !(q->value > 0))
        throw UsageError("--life " + text + ": expected `end` or a positive energy per cathode, e.g. \"500 kWh\"");
    life.kWh = q->value * *factor / kJoulePerKWh;
    return life;
}

double foamCaseLifeKWh(const ToolFile& tool, const std::string& substrate, const FoamCaseLife& life) {
    // The end of life of each target from the core's engine (the run `magtwin erode` makes),
    // the smallest over the cathodes: the line stops when its first target is used up.
    const DepositCase c = depositCaseFor(tool, substrate);
    TargetErosionState state(c.cathodes);
    const double endOfLife = state.endOfLifeKWh();
    if (life.toEnd) return endOfLife;
    if (life.kWh >= endOfLife)
        throw ConfigError(tool.path + ": --life " + foamNumber(life.kWh) +
                          " kWh: past the end of life of the targets (" + foamNumber(endOfLife) +
                          " kWh from the erosion engine, as magtwin erode); use --life end");
    return life.kWh;
}

FoamCaseErosion foamCaseErosion(double lifeKWh, bool toEnd, const std::vector<ToolCathode>& cathodes) {
    FoamCaseErosion e;
    e.lifeKWh = lifeKWh;
    for (const ToolCathode& c : cathodes) e.powersW.push_back(dischargePowerW(c.discharge));
    e.referencePowerW = *std::max_element(e.powersW.begin(), e.powersW.end());
    e.endTimeS = lifeKWh * kJoulePerKWh / e.referencePowerW * (toEnd ? kPastEndOfLife : 1.0);
    return e;
}

std::string erosionSolverEntries() {
    // The points' displacement inside the chamber (displacementLaplacian): the cathode faces'
    // displacement is imposed, the interior only has to stay a valid mesh, 1e-10 m is far below
    // the engine's 0.1 um end-of-life tolerance.
    return "    \"cellDisplacement.*\" { solver PCG; preconditioner DIC; tolerance 1e-10; relTol 0; maxIter 2000; }\n";
}

std::string erosionDynamicMeshDict() {
    return header("dictionary", "dynamicMeshDict") +
           "// Erosion phase (Allrun: moveDynamicMesh): the cathode patches recede by sputterErosion\n"
           "// (0/pointDisplacement), the other points follow a Laplacian. The film phase uses\n"
           "// dynamicMeshDict.film (Allrun copies it over this file).\n"
           "dynamicFvMesh       dynamicMotionSolverFvMesh;\nmotionSolverLibs    (fvMotionSolvers);\n"
           "motionSolver        displacementLaplacian;\ndisplacementLaplacianCoeffs { diffusivity uniform; }\n";
}

std::string filmDynamicMeshDict() {
    return header("dictionary", "dynamicMeshDict") +
           "// Film phase: the deposition over the motion time on the eroded mesh (the latest time's\n"
           "// points), which does not move in that time.\ndynamicFvMesh   staticFvMesh;\n";
}

std::string pointDisplacementField(const std::vector<ToolCathode>& cathodes, const std::vector<std::string>& others,
                                   const FoamCaseErosion& e) {
    std::ostringstream s;
    s << header("pointVectorField", "pointDisplacement")
      << "// The erosion of each cathode (sputterErosion: the erosion engine of `magtwin erode` on the\n"
      << "// tool file's entries in constant/source.NAME). One clock for every cathode: each erodes at\n"
      << "// P_ref = " << foamNumber(e.referencePowerW) << " W (ionFluxScale P_ref/P_k; the eroded shape after E kWh\n"
      << "// does not depend on the power it came at), so all reach " << foamNumber(e.lifeKWh)
      << " kWh at the same time.\n"
      << "dimensions      [0 1 0 0 0 0 0];\ninternalField   uniform (0 0 0);\nboundaryField\n{\n";
    for (std::size_t k = 0; k < cathodes.size(); ++k) {
        const double scale = e.referencePowerW / e.powersW[k];
        s << "    " << cathodes[k].name << "\n    {\n        type                sputterErosion;\n"
          << "        #include            \"$FOAM_CASE/constant/source." << cathodes[k].name << "\"\n"
          << cathodeFrameEntries(cathodes[k])
          << (scale != 1.0 ? "        ionFluxScale        constant " + foamNumber(scale) + ";   // P_ref / " +
                                 foamNumber(e.powersW[k]) + " W\n"
                           : std::string())
          << "        value               uniform (0 0 0);\n    }\n";
    }
    for (const std::string& p : others)
        s << "    " << p
          << "\n    {\n        type                fixedValue;\n        value               uniform (0 0 0);\n"
          << "    }\n";
    s << "}\n";
    return s.str();
}

std::string erosionControlDict(const std::string& lib, const std::vector<ToolCathode>& cathodes,
                               const FoamCaseErosion& e) {
    std::ostringstream s;
    const std::string end = foamNumber(e.endTimeS);
    s << header("dictionary", "controlDict")
      << "// Erosion phase (Allrun: moveDynamicMesh; the film phase copies controlDict.film over this\n"
      << "// file): every cathode to " << foamNumber(e.lifeKWh) << " kWh at P_ref = " << foamNumber(e.referencePowerW)
      << " W (t = " << end << " s"
      << (e.endTimeS * e.referencePowerW / kJoulePerKWh > e.lifeKWh * 1.0001
              ? ", past the end of life: the run ends there"
              : "")
      << "). deltaT from the erosion Courant\n"
      << "// number (targetErosion: no target point recedes by more than 0.5 of its cell's height per step;\n"
      << "// with one object per cathode the smallest of their steps), at most a tenth of the run.\n"
      << "libs            (\"" << lib << "\");\n"
      << "application     moveDynamicMesh;\nstartFrom       startTime;\nstartTime       0;\nstopAt          endTime;\n"
      << "endTime         " << end << ";\ndeltaT          " << end << ";\n"
      << "writeControl    adjustableRunTime;\nwriteInterval   " << end << ";\npurgeWrite      0;\n"
      << "writeFormat     ascii;\nwritePrecision  12;\nwriteCompression off;\ntimeFormat      general;\n"
      << "timePrecision   10;\nrunTimeModifiable false;\n\nfunctions\n{\n";
    for (std::size_t k = 0; k < cathodes.size(); ++k)
        s << "    erosion_" << cathodes[k].name << "\n    {\n        type                targetErosion;\n"
          << "        libs                (\"" << lib << "\");\n        patch               " << cathodes[k].name
          << ";\n        power               " << foamNumber(e.powersW[k])
          << ";   // W: life_kWh is this cathode's own energy\n        maxErosionCourant   0.5;\n"
          << "        maxDeltaT           " << foamNumber(e.endTimeS / kErosionSteps) << ";\n    }\n";
    s << "}\n";
    return s.str();
}

std::string erosionAllrunPhase(double motionTimeS) {
    // Leaves LIFE_T (the eroded state's time) set and the film phase's dictionaries in place.
    const std::string film =
        "cp system/controlDict.film system/controlDict && "
        "cp constant/dynamicMeshDict.film constant/dynamicMeshDict || exit 1\n"
        "FILM_END=$(awk -v a=\"$LIFE_T\" 'BEGIN { printf \"%.12g\", a + " +
        foamNumber(motionTimeS) +
        " }')\n"
        "sed -i \"s/^endTime .*/endTime         $FILM_END;/\" system/controlDict\n";
    std::ostringstream s;
    s << "# Erosion phase: every cathode to the life point (moveDynamicMesh, sputterErosion), then the\n"
      << "# film on the eroded mesh from its time LIFE_T.\n"
      << "erode_serial() {\n"
      << "    step log.moveDynamicMesh moveDynamicMesh\n"
      << "    LIFE_T=$(ls -d [0-9]* | sort -g | tail -1)\n"
      << "    [ \"$LIFE_T\" != 0 ] || { echo \"FAILED: no eroded time written (log.moveDynamicMesh)\"; exit 1; }\n"
      << "    cp 0/c \"$LIFE_T/c\" || exit 1\n"
      << "    " << film << "}\n"
      << "erode_parallel() {\n"
      << "    step log.moveDynamicMesh mpirun --allow-run-as-root --oversubscribe -np \"$1\" moveDynamicMesh "
         "-parallel\n"
      << "    LIFE_T=$(cd processor0 && ls -d [0-9]* | sort -g | tail -1)\n"
      << "    [ \"$LIFE_T\" != 0 ] || { echo \"FAILED: no eroded time written (log.moveDynamicMesh)\"; exit 1; }\n"
      << "    for d in processor*; do cp \"$d/0/c\" \"$d/$LIFE_T/c\" || exit 1; done\n"
      << "    " << film << "}\n";
    return s.str();
}

std::string erosionAllrunSummary(const std::vector<ToolCathode>& cathodes, const FoamCaseErosion& e, bool toEnd) {
    std::ostringstream s;
    // The eroded state beside the film too (the mesh does not move in the film phase), so the
    // latest time has both for ParaView and `magtwin view`.
    s << "FILM_T=$(ls -d [0-9]* | sort -g | tail -1)\n"
      << "[ \"$FILM_T\" = \"$LIFE_T\" ] || cp \"$LIFE_T/pointDisplacement\" \"$FILM_T/\" || exit 1\n";
    s << "# The life entries: each cathode's last targetErosion row (Time max_depth_m min_remaining_m\n"
      << "# utilization_pct energy_kWh width_scale ...) and whether it reached its end of life.\n"
      << "sed -i -e '$d' results.tmp/summary.json && sed -i -e '$s/$/,/' results.tmp/summary.json || exit 1\n"
      << "{\n"
      << "    printf '  \"life_point\": \"" << (toEnd ? std::string("end") : foamNumber(e.lifeKWh) + " kWh")
      << "\",\\n  \"erosion_time_s\": %s,\\n  \"erosion_reference_power_W\": " << foamNumber(e.referencePowerW)
      << ",\\n  \"cathodes\": [\\n' \"$LIFE_T\"\n"
      << "    sep=''\n"
      << "    for name in";
    for (const ToolCathode& c : cathodes) s << " " << c.name;
    s << R"SH(; do
        dat=postProcessing/erosion_$name/0/targetErosion.dat
        eol=false; [ -s postProcessing/erosion_$name/endOfLife.json ] && eol=true
        awk -v name="$name" -v eol=$eol -v sep="$sep" '!/^#/ && NF >= 9 { last = $0 }
          END { if (last == "") exit 1; split(last, f)
            printf "%s    {\"name\": \"%s\", \"life_kWh\": %s, \"utilization_pct\": %s, \"min_remaining_m\": %s, \"max_depth_m\": %s, \"width_scale\": %s, \"end_of_life\": %s}", sep, name, f[5], f[4], f[3], f[2], f[6], eol }' "$dat" || { echo "FAILED: no erosion rows in $dat" >&2; exit 1; }
        sep=',\n'
    done
    printf '\n  ],\n'
} >> results.tmp/summary.json || exit 1
# The line's life: the smallest cathode energy (all equal unless the first end of life cut the run).
awk '/"life_kWh": / { sub(/.*"life_kWh": /, ""); sub(/,.*/, ""); v = $0 + 0; if (n++ == 0 || v < m) m = v }
     END { printf "  \"life_kWh\": %.10g\n}\n", m }' results.tmp/summary.json > results.tmp/life.txt &&
    cat results.tmp/life.txt >> results.tmp/summary.json && rm results.tmp/life.txt || exit 1
)SH";
    return s.str();
}

}  // namespace magtwin
