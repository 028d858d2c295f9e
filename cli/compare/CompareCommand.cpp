#include "cli/compare/CompareCommand.hpp"

#include "cli/UsageError.hpp"
#include "cli/deposit/DepositConfig.hpp"
#include "postprocessing/io/AtomicFile.hpp"
#include "postprocessing/io/OutputFolder.hpp"
#include "postprocessing/reports/CompareReport.hpp"

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <iostream>
#include <memory>

namespace magtwin {

namespace {

struct CompareOptions {
    std::string toolA, toolB, out;
    int lifePoints = 10;
    std::string method = "fast";
    bool json = false;
};

bool sameSubstrate(const DepositCase& a, const DepositCase& b) {
    return a.substrate.shape == b.substrate.shape && std::abs(a.substrate.sizeXM - b.substrate.sizeXM) < 1e-9 &&
           std::abs(a.substrate.sizeYM - b.substrate.sizeYM) < 1e-9 &&
           std::abs(a.substrate.edgeExclusionM - b.substrate.edgeExclusionM) < 1e-9;
}

/// "[compare] TOOL: msg" on stderr when it is a terminal.
ProgressFn compareProgress(const std::string& tool) {
    return [tool](const std::string& msg) {
        if (::isatty(2)) std::cerr << "[compare] " << tool << ": " << msg << "\n";
    };
}

int runCompare(const CompareOptions& o) {
    if (o.method != "fast" && o.method != "direct")
        throw UsageError("--method must be fast or direct, got '" + o.method + "'");
    if (o.lifePoints < 2)
        throw UsageError("--life-points must be >= 2 (new and end of life), got " + std::to_string(o.lifePoints));
    // Read and check both tools before computing anything.
    std::vector<DepositCase> cases;
    for (const std::string& f : {o.toolA, o.toolB}) {
        cases.push_back(depositCaseFor(loadToolFile(f), ""));
        requireGasCalibration(cases.back(), o.method);
        requireComparable(cases.back(), o.lifePoints);
    }
    const bool same = sameSubstrate(cases[0], cases[1]);
    if (!same)
        std::cerr << "warning: " << o.toolA << " and " << o.toolB
                  << " have different substrates (size or edge exclusion): the comparison is not on the same glass\n";
    const TransportMethod method = o.method == "fast" ? TransportMethod::Fast : TransportMethod::Direct;
    std::vector<TargetLifeCost> cols;
    std::vector<double> seconds;
    for (const DepositCase& c : cases) {
        const auto t0 = std::chrono::steady_clock::now();
        const std::string tool = std::filesystem::path(c.file).stem().string();
        cols.push_back(targetLifeCost(c, o.lifePoints, method, compareProgress(tool)));
        seconds.push_back(std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
    }
    const std::string json = compareJson(cols, same, o.method, seconds);
    writeFolderAtomically(o.out, [&](const std::filesystem::path& tmp) {
        writeFileAtomically((tmp / "compare.json").string(), [&](std::ostream& s) { s << json; });
        writeComparePicture(cols, cases[0].uniformityTargetPct, (tmp / "compare.png").string());
    });
    if (o.json)
        std::cout << json;
    else {
        std::cout << "compare (" << o.method << ", " << cols[0].points.size() << " and " << cols[1].points.size()
                  << " life points):\n";
        printCompareTable(cols, std::cout);
        std::cout << "  output: " << o.out << "/ (compare.json, compare.png)\n";
    }
    return 0;
}

}  // namespace

void addCompareCommand(CLI::App& app) {
    auto o = std::make_shared<CompareOptions>();
    CLI::App* cmd = app.add_subcommand(
        "compare", "Two tools side by side over one target life: utilization, life, material per m^2, rate, U");
    cmd->add_option("tool_a", o->toolA, "First tool file (YAML), e.g. cases/tools/compare_gen10_5_planar.yaml")
        ->required();
    cmd->add_option("tool_b", o->toolB, "Second tool file (YAML), e.g. cases/tools/compare_gen10_5_rotary.yaml")
        ->required();
    cmd->add_option("--out", o->out, "Output folder (compare.json, compare.png; written complete or not at all)")
        ->required();
    cmd->add_option("--life-points", o->lifePoints,
                    "Life points from new to end of life (evenly spaced; mid-life is added)")
        ->capture_default_str();
    cmd->add_option("--method", o->method, "Transport: fast (FFT) or direct (view-factor sum)")->capture_default_str();
    cmd->add_flag("--json", o->json, "Print compare.json to stdout");
    cmd->callback([o]() {
        const int rc = runCompare(*o);
        if (rc != 0) throw CLI::RuntimeError(rc);
    });
}

}  // namespace magtwin
