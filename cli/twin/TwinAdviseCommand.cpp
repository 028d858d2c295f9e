// `magtwin twin advise TOOL --store PATH --target-nm X`: the next substrate's deposition time
// (or power) to hold a target thickness, by an EWMA / double-EWMA run-to-run controller on the
// twin's rate model and the stored readings (twin/advice/StoreAdvice.hpp; docs/twin-advise.md).
#include "cli/twin/TwinCommands.hpp"

#include "boundary/util/Json.hpp"
#include "cli/UsageError.hpp"
#include "cli/twin/TwinToolFile.hpp"
#include "twin/advice/StoreAdvice.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <iomanip>
#include <iostream>

namespace magtwin {

int runTwinAdvise(const TwinAdviseOptions& o) {
    if (!(o.targetNm > 0.0)) throw UsageError("--target-nm must be > 0 (got " + std::to_string(o.targetNm) + ")");
    if (!(o.lambda1 > 0.0 && o.lambda1 <= 1.0)) throw UsageError("--lambda must lie in (0, 1]");
    if (!(o.lambda2 >= 0.0 && o.lambda2 <= 1.0)) throw UsageError("--lambda2 must lie in [0, 1]");
    if (o.form != "multiplicative" && o.form != "additive")
        throw UsageError("--form must be multiplicative or additive (got '" + o.form + "')");
    const TwinToolFile tool = loadTwinToolFile(o.toolFile);
    const bool postgres = o.store.rfind("postgres", 0) == 0;
    if (!postgres && !std::filesystem::exists(o.store)) throw UsageError("--store '" + o.store + "' does not exist");
    auto store = openStore(o.store);
    const auto names = store->toolNames();
    if (std::find(names.begin(), names.end(), tool.name) == names.end())
        throw UsageError("--store '" + o.store + "' holds no runs of tool '" + tool.name + "' (run `twin sync` first)");
    RunAdvice a;
    try {
        a = adviseNextRun(*store, store->ensureTool(tool.name), o.targetNm, {o.lambda1, o.lambda2},
                          o.form == "additive" ? EwmaForm::Additive : EwmaForm::Multiplicative);
    } catch (const std::invalid_argument& e) {
        throw UsageError("--store '" + o.store + "': " + e.what());
    }
    const AdviceRun& last = a.runs.back();
    if (o.json) {
        std::cout << "{\"tool\":" << jsonString(tool.name) << ",\"target_nm\":" << jsonNumber(a.targetNm)
                  << ",\"controller\":{\"kind\":" << jsonString(a.weights.lambda2 > 0.0 ? "dEWMA" : "EWMA")
                  << ",\"form\":" << jsonString(o.form) << ",\"lambda1\":" << jsonNumber(a.weights.lambda1)
                  << ",\"lambda2\":" << jsonNumber(a.weights.lambda2) << ",\"stable_gain_ratio\":["
                  << jsonNumber(a.stableGain.first) << "," << jsonNumber(a.stableGain.second)
                  << "]},\"runs\":" << a.runs.size() << ",\"offset\":" << jsonNumber(a.offset)
                  << ",\"drift_per_run\":" << jsonNumber(a.drift) << ",\"rate_nm_s\":" << jsonNumber(a.rateNmS)
                  << ",\"last_run\":{\"time_s\":" << jsonNumber(last.end - last.start)
                  << ",\"thickness_nm\":" << jsonNumber(last.thicknessNm)
                  << ",\"predicted_nm\":" << jsonNumber(a.predictedNm.back())
                  << "},\"advice\":{\"time_s\":" << jsonNumber(a.timeS)
                  << ",\"power_scale\":" << jsonNumber(a.powerScale) << ",\"powers_W\":[";
        for (std::size_t i = 0; i < a.powersW.size(); ++i)
            std::cout << (i ? "," : "") << "{\"source\":" << jsonString(a.powersW[i].first)
                      << ",\"power_W\":" << jsonNumber(a.powersW[i].second) << "}";
        std::cout << "]}}\n";
        return 0;
    }
    std::cout << std::setprecision(4) << "tool " << tool.name << ": " << a.runs.size() << " run(s) with readings; "
              << (a.weights.lambda2 > 0.0 ? "double EWMA" : "EWMA") << " lambda " << a.weights.lambda1 << ", "
              << a.weights.lambda2 << " (stable for a rate-model gain ratio below " << a.stableGain.second << ")\n"
              << "last run: " << last.end - last.start << " s, " << last.thicknessNm << " nm measured\n"
              << (a.form == EwmaForm::Multiplicative
                      ? "rate ratio measured / twin x" + std::to_string(std::exp(a.offset)) + ", drift x" +
                            std::to_string(std::exp(a.drift)) + " per run"
                      : "offset " + std::to_string(a.offset) + " nm, drift " + std::to_string(a.drift) + " nm/run")
              << ", twin rate " << a.rateNmS << " nm/s\n"
              << "advice for " << a.targetNm << " nm: " << a.timeS << " s at the last powers, or the last time at x"
              << a.powerScale << " power";
    for (const auto& [source, w] : a.powersW) std::cout << " (" << source << " " << w << " W)";
    std::cout << "\n";
    return 0;
}

}  // namespace magtwin
