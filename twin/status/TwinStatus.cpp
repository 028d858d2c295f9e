#include "twin/status/TwinStatus.hpp"

#include "boundary/util/Json.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <ctime>
#include <iomanip>
#include <stdexcept>

namespace magtwin {

namespace {

constexpr double kJPerKWh = 3.6e6;

std::string isoUtc(double t) {
    const auto s = static_cast<std::time_t>(std::floor(t));
    std::tm tm{};
    gmtime_r(&s, &tm);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%06.3fZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                  tm.tm_hour, tm.tm_min, tm.tm_sec + (t - std::floor(t)));
    return buf;
}

/// A target's stored erosion state (the newest replay's), or null before any replay.
std::string erosionJson(const ErosionStateRecord* e) {
    if (!e) return "null";
    return "{\"life_kWh\":" + jsonNumber(e->lifeKWh) + ",\"max_depth_m\":" + jsonNumber(e->maxDepthM) +
           ",\"eroded_volume_m3\":" + jsonNumber(e->erodedVolumeM3) + ",\"energy_kWh\":" + jsonNumber(e->energyKWh) +
           ",\"run_id\":" + jsonString(e->runId) + "}";
}

const ErosionStateRecord* erosionOf(const ToolStatus& s, const TargetRecord& t) {
    for (const auto& e : s.erosion)
        if (e.source == t.source && e.targetId == t.targetId) return &e;
    return nullptr;
}

/// {"productive":{"s":..,"share":..}, ... all six}
std::string statesJson(const std::array<double, kE10StateCount>& seconds, double periodS) {
    std::string o = "{";
    for (std::size_t i = 0; i < kE10StateCount; ++i)
        o += std::string(i ? "," : "") + "\"" + e10Name(kE10States[i]) + "\":{\"s\":" + jsonNumber(seconds[i]) +
             ",\"share\":" + jsonNumber(periodS > 0.0 ? seconds[i] / periodS : 0.0) + "}";
    return o + "}";
}

std::string e10Json(const std::string& tool, const E10Summary& e) {
    const double period = e.end - e.start;
    const bool rows = !e.days.empty();  // a tool without stored rows: no period
    std::string o = "{\"tool\":" + jsonString(tool) +
                    ",\"start\":" + (rows ? jsonString(isoUtc(e.start)) : std::string("null")) +
                    ",\"end\":" + (rows ? jsonString(isoUtc(e.end)) : std::string("null")) + ",\"days\":[";
    for (std::size_t d = 0; d < e.days.size(); ++d) {
        const E10Day& day = e.days[d];
        o += std::string(d ? "," : "") + "{\"date\":" + jsonString(day.date) +
             ",\"period_s\":" + jsonNumber(day.periodS) + ",\"no_data_s\":" + jsonNumber(day.noDataS) +
             ",\"no_data_share\":" + jsonNumber(day.periodS > 0.0 ? day.noDataS / day.periodS : 0.0) +
             ",\"states\":" + statesJson(day.stateS, day.periodS) + "}";
    }
    o += "],\"total\":{\"period_s\":" + jsonNumber(period) + ",\"no_data_s\":" + jsonNumber(e.noDataS) +
         ",\"no_data_share\":" + jsonNumber(period > 0.0 ? e.noDataS / period : 0.0) +
         ",\"states\":" + statesJson(e.totalS, period) + "},\"arcs\":" + std::to_string(e.arcs) +
         ",\"supply_faults\":" + std::to_string(e.supplyFaults) + ",\"timeline\":[";
    for (std::size_t i = 0; i < e.timeline.size(); ++i) {
        const E10Interval& iv = e.timeline[i];
        o += std::string(i ? "," : "") + "{\"start\":" + jsonString(isoUtc(iv.start)) +
             ",\"end\":" + jsonString(isoUtc(iv.end)) +
             ",\"state\":" + jsonString(iv.state ? e10Name(*iv.state) : "no_data") +
             ",\"cause\":" + jsonString(iv.cause) + "}";
    }
    return o + "]}";
}

}  // namespace

std::vector<ToolStatus> readTwinStatus(TwinStore& store, const std::string& tool) {
    std::vector<std::string> tools = store.toolNames();
    if (!tool.empty()) {
        if (std::find(tools.begin(), tools.end(), tool) == tools.end())
            throw std::invalid_argument("--tool '" + tool + "' is not in the store");
        tools = {tool};
    }
    std::vector<ToolStatus> out;
    for (const auto& name : tools) {
        ToolStatus s;
        s.tool = name;
        const std::int64_t id = store.ensureTool(name);
        s.totals = store.totals(id);
        s.targets = store.targets(id);
        s.erosion = store.erosionStates(id);
        s.e10 = equipmentStates(store, id);
        out.push_back(std::move(s));
    }
    return out;
}

void writeTwinStatusJson(std::ostream& out, const std::vector<ToolStatus>& status) {
    out << "{\"targets\":[";
    bool first = true;
    for (const auto& s : status)
        for (const auto& t : s.targets) {
            const double counter = t.hasCounter ? (t.counterLastJ - t.counterFirstJ) / kJPerKWh : 0.0;
            out << (first ? "" : ",") << "{\"tool\":" << jsonString(s.tool) << ",\"source\":" << jsonString(t.source)
                << ",\"target_id\":" << jsonString(t.targetId) << ",\"material\":" << jsonString(t.material)
                << ",\"energy_kWh\":" << jsonNumber(t.energyJ / kJPerKWh)
                << ",\"counter_kWh\":" << (t.hasCounter ? jsonNumber(counter) : "null") << ",\"steps\":" << t.steps
                << ",\"erosion\":" << erosionJson(erosionOf(s, t)) << "}";
            first = false;
        }
    out << "],\"e10\":[";
    for (std::size_t i = 0; i < status.size(); ++i) out << (i ? "," : "") << e10Json(status[i].tool, status[i].e10);
    out << "]}\n";
}

void writeTwinStatusText(std::ostream& out, const std::vector<ToolStatus>& status) {
    for (const auto& s : status) {
        out << "tool " << s.tool << ": " << s.totals.rows << " rows, " << s.totals.steps << " steps\n"
            << std::left << std::setw(12) << "source" << std::setw(16) << "target" << std::setw(14) << "material"
            << std::right << std::setw(14) << "energy (kWh)" << std::setw(15) << "counter (kWh)" << std::setw(8)
            << "steps"
            << "\n";
        for (const auto& t : s.targets) {
            const ErosionStateRecord* e = erosionOf(s, t);
            const double counter = t.hasCounter ? (t.counterLastJ - t.counterFirstJ) / kJPerKWh : 0.0;
            out << std::left << std::setw(12) << t.source << std::setw(16) << t.targetId << std::setw(14) << t.material
                << std::right << std::fixed << std::setprecision(6) << std::setw(14) << t.energyJ / kJPerKWh
                << std::setw(15) << (t.hasCounter ? std::to_string(counter) : std::string("-")) << std::setw(8)
                << t.steps << "\n";
            if (e)
                out << "  erosion at " << e->lifeKWh << " kWh: max depth " << e->maxDepthM * 1e3 << " mm (" << e->runId
                    << ")\n";
        }
        if (s.e10.days.empty()) continue;
        out << "equipment states (SEMI E10), share of each day's logged period";
        if (s.e10.arcs + s.e10.supplyFaults > 0)
            out << " (" << s.e10.arcs << " arcs, " << s.e10.supplyFaults << " supply faults)";
        out << "\n" << std::left << std::setw(12) << "day" << std::right << std::setw(10) << "period h";
        for (E10State st : kE10States) out << std::setw(18) << e10Name(st);
        out << std::setw(10) << "no data\n";
        for (const auto& d : s.e10.days) {
            out << std::left << std::setw(12) << d.date << std::right << std::fixed << std::setprecision(2)
                << std::setw(10) << d.periodS / 3600.0 << std::setprecision(1);
            for (std::size_t i = 0; i < kE10StateCount; ++i)
                out << std::setw(16) << (d.periodS > 0.0 ? 100.0 * d.stateS[i] / d.periodS : 0.0) << " %";
            out << std::setw(7) << (d.periodS > 0.0 ? 100.0 * d.noDataS / d.periodS : 0.0) << " %\n";
        }
    }
}

}  // namespace magtwin
