#include "cli/twin/SimulationRecipeReader.hpp"

#include "cli/config/ConfigReader.hpp"
#include "cli/deposit/DepositConfig.hpp"
#include "cli/tool/ToolFile.hpp"
#include "twin/logs/TimestampParser.hpp"

#include <algorithm>
#include <cmath>

namespace magtwin {

namespace {

/// A duration as a whole number of sample intervals (fails otherwise).
int samplesOf(const ConfigSection& s, const std::string& key, double intervalS) {
    const double t = s.positiveQuantity(key, Dimension::Time);
    const double n = std::round(t / intervalS);
    if (n < 1 || std::abs(n * intervalS - t) > 1e-9 * t)
        s.fail(key, "must be a whole multiple of sample_interval (" + std::to_string(intervalS) + " s)");
    return int(n);
}

void requireName(const ConfigSection& s, const std::string& key, const std::string& name,
                 const std::vector<std::string>& known, const std::string& what) {
    if (std::find(known.begin(), known.end(), name) != known.end()) return;
    const std::string close = closestMatch(name, known);
    s.fail(key, "'" + name + "' is not a " + what + " of the tool file" +
                    (close.empty() ? "" : " (did you mean '" + close + "'?)"));
}

}  // namespace

SimulationRecipe readSimulationRecipe(const std::string& path, const std::vector<std::string>& cathodes,
                                      const std::vector<std::string>& supplies) {
    const ConfigSection root = ConfigSection::loadFile(path);
    SimulationRecipe r;
    r.file = path;
    r.name = root.text("name");
    const ConfigSection sub = root.section("substrates");
    r.substrateKind = sub.choice("kind", {"glass", "wafer"});
    r.substrates = sub.integerOr("count", 1);
    if (r.substrates < 1) sub.fail("count", "must be >= 1");
    r.idPrefix = sub.textOr("id_prefix", r.idPrefix);
    TimestampFormat iso;
    iso.kind = TimestampFormat::Kind::Iso8601;
    const auto start = TimestampParser(iso).parse(root.text("start"));
    if (!start) root.fail("start", "expected an ISO 8601 time such as 2026-03-02T06:00:00Z");
    r.startUtcS = *start;
    r.intervalS = root.positiveQuantity("sample_interval", Dimension::Time);
    r.powerW = root.positiveQuantity("power", Dimension::Power);
    if (root.has("source_power"))
        for (const auto& s : root.sectionList("source_power")) {
            const std::string c = s.text("cathode");
            requireName(s, "cathode", c, cathodes, "cathode");
            r.sourcePowerW.emplace_back(c, s.positiveQuantity("power", Dimension::Power));
        }
    if (root.has("targets"))
        for (const auto& s : root.sectionList("targets")) {
            RecipeTarget t{s.text("cathode"), s.text("id"), s.quantityOr("counter", Dimension::Energy, 0.0)};
            requireName(s, "cathode", t.cathode, cathodes, "cathode");
            r.targets.push_back(t);
        }
    if (const auto ch = root.optionalSection("chamber")) {
        r.pressurePa = ch->positiveQuantity("pressure", Dimension::Pressure, true);
        r.arFlowSccm = ch->numberOr("ar_flow_sccm", r.arFlowSccm);
    }
    double level = 0.0;
    for (const auto& s : root.sectionList("steps")) {
        RecipeStep step;
        const std::string kind = s.choice("kind", {"idle", "ramp", "pre-sputter", "deposition"});
        step.kind = kind == "idle"          ? RecipeStep::Kind::Idle
                    : kind == "ramp"        ? RecipeStep::Kind::Ramp
                    : kind == "pre-sputter" ? RecipeStep::Kind::PreSputter
                                            : RecipeStep::Kind::Deposition;
        step.samples = samplesOf(s, "time", r.intervalS);
        if (step.kind == RecipeStep::Kind::Ramp) {
            step.toFraction = s.quantity("to", Dimension::Fraction);
            if (!(step.toFraction >= 0 && step.toFraction <= 2)) s.fail("to", "must be 0 .. 200 % of the source power");
            level = step.toFraction;
        } else if (step.kind == RecipeStep::Kind::Idle) {
            level = 0.0;
        } else if (!(level > 0)) {
            s.fail("kind", kind + " needs the sources on: ramp them up before it");
        }
        r.steps.push_back(step);
    }
    const auto count = [&](RecipeStep::Kind k) {
        return std::count_if(r.steps.begin(), r.steps.end(), [k](const RecipeStep& s) { return s.kind == k; });
    };
    if (r.steps.front().kind != RecipeStep::Kind::Idle || count(RecipeStep::Kind::Idle) != 1)
        root.fail("steps", "the cycle starts with its one idle step (load / transfer; events happen in it)");
    if (count(RecipeStep::Kind::Deposition) != 1) root.fail("steps", "the cycle has exactly one deposition step");
    const RecipeStep& idle = r.steps.front();
    const RecipeStep& dep = r.steps[std::size_t(r.depositionStep())];
    if (root.has("events"))
        for (const auto& s : root.sectionList("events")) {
            RecipeEvent e;
            const std::string kind = s.choice("kind", {"arc", "target-change", "supply-switch", "gap"});
            e.substrate = s.integerOr("substrate", 0) - 1;
            if (e.substrate < 0 || e.substrate >= r.substrates)
                s.fail("substrate", "must be 1 .. " + std::to_string(r.substrates) + " (the substrate's number)");
            if (kind != "gap") {
                e.cathode = s.text("cathode");
                requireName(s, "cathode", e.cathode, cathodes, "cathode");
            }
            if (kind == "arc") {
                e.kind = RecipeEvent::Kind::Arc;
                e.atSample = samplesOf(s, "at", r.intervalS);
                if (e.atSample >= dep.samples)
                    s.fail("at", "must lie inside the deposition step (before its last sample)");
                e.residual = s.quantity("residual", Dimension::Fraction);
                if (!(e.residual > 0 && e.residual < 1)) s.fail("residual", "must be between 0 and 100 % (exclusive)");
            } else if (kind == "target-change") {
                e.kind = RecipeEvent::Kind::TargetChange;
                e.targetId = s.text("target_id");
            } else if (kind == "supply-switch") {
                e.kind = RecipeEvent::Kind::SupplySwitch;
                e.supply = s.text("supply");
                requireName(s, "supply", e.supply, supplies, "supply");
            } else {
                e.kind = RecipeEvent::Kind::Gap;
                e.gapSamples = samplesOf(s, "time", r.intervalS);
                // Row 1 of the idle step drops the power, row 2 carries target changes and
                // switches; the gap takes rows 3 .. 2 + n and a logged idle row must follow.
                if (e.gapSamples + 3 > idle.samples)
                    s.fail("time", "a gap must fit inside the idle step with 3 rows to spare");
            }
            r.events.push_back(e);
        }
    if (idle.samples < 3) root.fail("steps", "the idle step needs >= 3 samples (events happen in it)");
    root.rejectUnknownKeys();
    return r;
}

DepositCase simulationCaseFor(const ToolFile& tool, const std::string& kind) {
    for (const auto& s : tool.substrates)
        if (s.kind == kind) return depositCaseFor(tool, s.name);
    throw ConfigError(tool.path + ": the recipe's substrate kind '" + kind + "' is not a substrate of the tool");
}

}  // namespace magtwin
