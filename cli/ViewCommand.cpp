#include "cli/ViewCommand.hpp"

#include "cli/UsageError.hpp"
#include "postprocessing/view/ParaViewRunner.hpp"
#include "postprocessing/view/ResultFolder.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <memory>
#include <regex>

namespace magtwin {
namespace {

struct ViewOptions {
    std::string resultDir;
    std::string png;
    std::string kind;
    std::string size = "1600x900";
    double limitPct = 3.0;
    std::string field;
    int lifePoint = -1;
};

void runView(const ViewOptions& o) {
    if (!std::filesystem::is_directory(o.resultDir))
        throw UsageError("RESULT_DIR '" + o.resultDir + "' is not a folder");
    ViewRequest request;
    request.resultDir = o.resultDir;
    std::vector<ResultKind> kinds;
    try {
        kinds = detectResultKinds(o.resultDir);
        request.kind = o.kind.empty() ? classifyResultFolder(o.resultDir) : resultKindFromName(o.kind);
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    if (!o.kind.empty() && std::find(kinds.begin(), kinds.end(), request.kind) == kinds.end()) {
        std::string found;
        for (ResultKind k : kinds) found += std::string(found.empty() ? "" : ", ") + resultKindName(k);
        throw UsageError("--kind " + o.kind + ": '" + o.resultDir + "' is not such a result (it holds: " +
                         (found.empty() ? "nothing magtwin view knows" : found) + ")");
    }
    const std::smatch m = [&] {
        std::smatch match;
        static const std::regex re("([0-9]{2,5})x([0-9]{2,5})");
        if (!std::regex_match(o.size, match, re))
            throw UsageError("--size '" + o.size + "': expected WIDTHxHEIGHT, e.g. 1600x900");
        return match;
    }();
    request.width = std::stoi(m[1]);
    request.height = std::stoi(m[2]);
    if (request.width < 200 || request.height < 200)
        throw UsageError("--size '" + o.size + "': at least 200x200 pixels");
    if (!(o.limitPct > 0 && o.limitPct < 100)) throw UsageError("--limit-pct must be in (0, 100)");
    if (request.kind == ResultKind::Deposition) request.extraArgs = {"--limit-pct", std::to_string(o.limitPct)};
    if (o.lifePoint >= 0 && request.kind != ResultKind::LifeSweep)
        throw UsageError("--life-point: only for a life-sweep folder (deposit --life-sweep)");
    if (request.kind == ResultKind::LifeSweep && o.lifePoint >= 0)
        request.extraArgs = {"--life-point", std::to_string(o.lifePoint)};
    if (!o.field.empty()) {
        if (o.field.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:") !=
            std::string::npos)
            throw UsageError("--field '" + o.field + "': letters, digits, '_', '.', ':' only");
        request.extraArgs.push_back("--field");
        request.extraArgs.push_back(o.field);
    }
    request.pngPath = o.png.empty() ? (std::filesystem::path(o.resultDir) / "view.png").string() : o.png;
    renderResultView(request);
    std::cerr << "magtwin view: " << resultKindName(request.kind) << " picture written to " << request.pngPath << "\n";
}

}  // namespace

void addViewCommand(CLI::App& app) {
    auto options = std::make_shared<ViewOptions>();
    CLI::App* cmd = app.add_subcommand(
        "view",
        "Render the standard picture of a result folder (erosion, deposition, comparison, OpenFOAM case, twin "
        "replay, life sweep) with "
        "ParaView's pvbatch under Xvfb. Folder layouts: postprocessing/README.md");
    cmd->add_option("RESULT_DIR", options->resultDir, "result folder")->required();
    cmd->add_option("--png", options->png, "PNG to write (default RESULT_DIR/view.png)");
    cmd->add_option("--kind", options->kind,
                    "erosion | deposition | openfoam | compare | replay | life-sweep (default: from the files)");
    cmd->add_option("--size", options->size, "image size WIDTHxHEIGHT in pixels (default 1600x900)");
    cmd->add_option("--limit-pct", options->limitPct, "uniformity limit for the deposition verdict, % (default 3)");
    cmd->add_option("--field", options->field,
                    "field to colour by (default: depth_mm, thickness_nm, or p/T/U/rho for OpenFOAM)");
    cmd->add_option("--life-point", options->lifePoint,
                    "life-sweep: the life point whose map is drawn, from 0 (default: the last)")
        ->check(CLI::NonNegativeNumber);
    cmd->callback([options] { runView(*options); });
}

}  // namespace magtwin
