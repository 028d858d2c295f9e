#include "postprocessing/view/ResultFolder.hpp"

#include <algorithm>
#include <filesystem>
#include <stdexcept>

namespace fs = std::filesystem;

namespace magtwin {
namespace {

bool isErosionFolder(const fs::path& dir) { return fs::is_regular_file(dir / "erosion.pvd"); }

std::size_t erosionSubfolders(const fs::path& dir) {
    std::size_t n = 0;
    for (const auto& entry : fs::directory_iterator(dir))
        if (entry.is_directory() && isErosionFolder(entry.path())) ++n;
    return n;
}

}  // namespace

const char* resultKindName(ResultKind kind) {
    switch (kind) {
        case ResultKind::Erosion:
            return "erosion";
        case ResultKind::Deposition:
            return "deposition";
        case ResultKind::OpenFoamCase:
            return "openfoam";
        case ResultKind::Comparison:
            return "compare";
        case ResultKind::Replay:
            return "replay";
        case ResultKind::LifeSweep:
            return "life-sweep";
    }
    return "?";
}

const char* viewScriptFor(ResultKind kind) {
    switch (kind) {
        case ResultKind::Erosion:
            return "erosion_view.py";
        case ResultKind::Deposition:
            return "deposition_view.py";
        case ResultKind::OpenFoamCase:
            return "foam_view.py";
        case ResultKind::Comparison:
            return "compare_view.py";
        case ResultKind::Replay:
            return "replay_view.py";
        case ResultKind::LifeSweep:
            return "life_sweep_view.py";
    }
    return "?";
}

ResultKind resultKindFromName(const std::string& name) {
    for (ResultKind k : {ResultKind::Erosion, ResultKind::Deposition, ResultKind::OpenFoamCase, ResultKind::Comparison,
                         ResultKind::Replay, ResultKind::LifeSweep})
        if (name == resultKindName(k)) return k;
    throw std::invalid_argument("unknown result kind '" + name +
                                "'; accepted: erosion, deposition, openfoam, compare, replay, life-sweep");
}

std::vector<ResultKind> detectResultKinds(const std::string& dir) {
    const fs::path p(dir);
    if (!fs::is_directory(p)) throw std::invalid_argument("'" + dir + "' is not a folder");
    std::vector<ResultKind> kinds;
    if (isErosionFolder(p)) kinds.push_back(ResultKind::Erosion);
    if (fs::is_regular_file(p / "thickness.vts")) kinds.push_back(ResultKind::Deposition);
    if (fs::is_regular_file(p / "system" / "controlDict")) kinds.push_back(ResultKind::OpenFoamCase);
    if (erosionSubfolders(p) >= 2) kinds.push_back(ResultKind::Comparison);
    if (fs::is_regular_file(p / "report.json") && fs::is_regular_file(p / "maps.pvd"))
        kinds.push_back(ResultKind::Replay);
    if (fs::is_regular_file(p / "life_sweep.csv") && fs::is_regular_file(p / "life_sweep.pvd"))
        kinds.push_back(ResultKind::LifeSweep);
    return kinds;
}

ResultKind classifyResultFolder(const std::string& dir) {
    const auto kinds = detectResultKinds(dir);
    if (kinds.empty())
        throw std::invalid_argument("'" + dir +
                                    "' holds no result magtwin view knows: expected erosion.pvd (erosion), "
                                    "thickness.vts (deposition), system/controlDict (OpenFOAM case), two or "
                                    "more subfolders with erosion.pvd (comparison), report.json with maps.pvd "
                                    "(twin replay) or life_sweep.csv with life_sweep.pvd (deposit --life-sweep); see "
                                    "postprocessing/README.md");
    return kinds.front();
}

}  // namespace magtwin
