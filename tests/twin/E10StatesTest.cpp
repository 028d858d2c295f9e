// Equipment states after SEMI E10 (twin/equipment/E10States.hpp) on a crafted log whose every
// second is assigned by hand: the tool file's rules go through the sync into the store, and
// the status is computed from the store alone. Also: the settings' round trip, the recipe
// glob, bad calendar entries (file, line, key) and the real DTU log (all six states listed,
// shares summing to 1, its deposition steps productive).
#include "tests/twin/TwinTestFiles.hpp"

#include "cli/twin/TwinToolFile.hpp"
#include "twin/equipment/E10States.hpp"
#include "twin/status/TwinStatus.hpp"
#include "twin/store/TwinStore.hpp"
#include "twin/sync/LogSync.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <sstream>

namespace magtwin {
namespace {

using test::TempDir;
using test::writeFile;

std::string toolYaml(const std::string& equipment) {
    return std::string("tool: {name: e10-tool}\n") + test::kOneMoCathodeChamber + R"(logs:
  - name: small
    header: {preamble_lines: 0}
    timestamp: {column: Time, format: "%Y-%m-%d %H:%M:%S"}
    chamber:
      pressure: {column: Pr, unit: Pa}
      substrate_shutter: {column: Sub}
      recipe: {column: Recipe}
    supplies:
      - supply: dc1
        setpoint: {column: SP, unit: W}
        power: {column: P, unit: W}
    sources:
      - cathode: c1
        supply: dc1
)" + equipment;
}

const char* kRules = R"(    equipment_states:
      pumped_below: 10 Pa
      recipes:
        - {match: "ENG*", state: engineering}
      calendar:
        - {from: "2025-01-02T00:05:00Z", to: "2025-01-02T00:05:50Z", state: non_scheduled, note: holiday}
)";

/// Rows 1 s apart from 2025-01-01 23:50:00 UTC (t = 0; midnight at t = 600) to t = 1000, none
/// in 801..899. By hand, per second:
///   [0,100) idle pumped: standby; [100,400) ramp + pre-sputter then deposition: productive;
///   [400,460) standby; [460,520) burn-in without a deposition: scheduled down;
///   [520,560) standby; [560,700) deposition, the supply dipping to 10 W at 600..602 (an arc:
///   [600,603) unscheduled down); [700,760) idle vented (1e5 Pa): unscheduled down;
///   [760,800) recipe ENG_test: engineering; [800,900) no rows: no data;
///   [900,950) the calendar's holiday: non-scheduled; [950,1000) standby.
std::string craftedLog() {
    std::ostringstream o;
    o << "Time,SP,P,Pr,Sub,Recipe\n";
    for (int t = 0; t <= 1000; ++t) {
        if (t > 800 && t < 900) continue;
        const bool on = (t >= 100 && t < 400) || (t >= 460 && t < 520) || (t >= 560 && t < 700);
        const double p = !on ? 0.0 : (t >= 600 && t <= 602) ? 10.0 : 500.0;
        const bool open = (t >= 200 && t < 400) || (t >= 560 && t < 700);
        const double pressure = t >= 700 && t < 760 ? 1e5 : 0.5;
        const char* recipe = t >= 760 && t <= 800 ? "ENG_test" : "PROD";
        const int s = 85800 + t;  // seconds since 2025-01-01 00:00
        char stamp[32];
        std::snprintf(stamp, sizeof stamp, "2025-01-%02d %02d:%02d:%02d", 1 + s / 86400, s / 3600 % 24, s / 60 % 60,
                      s % 60);
        o << stamp << "," << (on ? 500 : 0) << "," << p << "," << pressure << "," << (open ? 1 : 0) << "," << recipe
          << "\n";
    }
    return o.str();
}

double stateS(const std::array<double, kE10StateCount>& a, E10State s) { return a[static_cast<std::size_t>(s)]; }

TEST(E10States, EverySecondOfACraftedLogAsWorkedByHand) {
    TempDir dir("e10-crafted");
    const TwinToolFile tf = loadTwinToolFile(writeFile(dir.file("tool.yaml"), toolYaml(kRules)));
    auto store = openStore(dir.file("s.sqlite"));
    const std::int64_t tool = store->ensureTool(tf.name);
    saveEquipmentRules(*store, tool, tf.logs.front());
    FileSync sync(*store, tool, tf.logs.front(), writeFile(dir.file("log.csv"), craftedLog()));
    sync.pump();
    store.reset();
    auto reopened = openStore(dir.file("s.sqlite"));  // the rules come from the store alone
    const E10Summary e = equipmentStates(*reopened, reopened->ensureTool("e10-tool"));
    // 1e-6 s: sums of whole seconds at epoch ~1.7e9 s (double: 2.4e-7 s resolution)
    constexpr double kTol = 1e-6;
    EXPECT_NEAR(e.end - e.start, 1000.0, kTol);
    EXPECT_NEAR(stateS(e.totalS, E10State::Standby), 100 + 60 + 40 + 50, kTol);
    EXPECT_NEAR(stateS(e.totalS, E10State::Productive), 300 + 40 + 97, kTol);
    EXPECT_NEAR(stateS(e.totalS, E10State::ScheduledDown), 60, kTol);
    EXPECT_NEAR(stateS(e.totalS, E10State::UnscheduledDown), 3 + 60, kTol);
    EXPECT_NEAR(stateS(e.totalS, E10State::Engineering), 40, kTol);
    EXPECT_NEAR(stateS(e.totalS, E10State::NonScheduled), 50, kTol);
    EXPECT_NEAR(e.noDataS, 100, kTol);
    EXPECT_EQ(e.arcs, 1u);
    EXPECT_EQ(e.supplyFaults, 0u);
    // the two days (UTC: the log's zone), split at midnight (t = 600)
    ASSERT_EQ(e.days.size(), 2u);
    EXPECT_EQ(e.days[0].date, "2025-01-01");
    EXPECT_EQ(e.days[1].date, "2025-01-02");
    EXPECT_NEAR(e.days[0].periodS, 600, kTol);
    EXPECT_NEAR(e.days[1].periodS, 400, kTol);
    EXPECT_NEAR(stateS(e.days[0].stateS, E10State::Standby), 200, kTol);
    EXPECT_NEAR(stateS(e.days[0].stateS, E10State::Productive), 340, kTol);
    EXPECT_NEAR(stateS(e.days[0].stateS, E10State::ScheduledDown), 60, kTol);
    EXPECT_NEAR(stateS(e.days[1].stateS, E10State::Productive), 97, kTol);
    EXPECT_NEAR(stateS(e.days[1].stateS, E10State::UnscheduledDown), 63, kTol);
    EXPECT_NEAR(stateS(e.days[1].stateS, E10State::Standby), 50, kTol);
    EXPECT_NEAR(e.days[1].noDataS, 100, kTol);
    for (const auto& d : e.days) {  // conservation: six states + no data = the day's period
        double sum = d.noDataS;
        for (double s : d.stateS) sum += s;
        EXPECT_NEAR(sum, d.periodS, kTol) << d.date;
    }
    // the JSON lists all six states every day, zeros included
    std::ostringstream json;
    writeTwinStatusJson(json, readTwinStatus(*reopened, ""));
    const std::string j = json.str();
    for (const char* name :
         {"productive", "standby", "engineering", "scheduled_down", "unscheduled_down", "non_scheduled"}) {
        std::size_t n = 0;
        for (std::size_t at = j.find(std::string("\"") + name + "\":{\"s\":"); at != std::string::npos;
             at = j.find(std::string("\"") + name + "\":{\"s\":", at + 1))
            ++n;
        EXPECT_EQ(n, 3u) << name;  // two days and the total
    }
    EXPECT_NE(j.find("\"non_scheduled\":{\"s\":0,\"share\":0}"), std::string::npos) << j;  // day 1's zero
    EXPECT_NE(j.find("\"state\":\"no_data\",\"cause\":\"logging gap\""), std::string::npos);
}

TEST(E10States, WithoutStoredRulesTheDefaultsApply) {
    // a store synced without saveEquipmentRules (before schema 4): no recipe rules, no
    // calendar, no supplies known (so no arcs): the recipe and calendar time fall back
    TempDir dir("e10-defaults");
    const TwinToolFile tf = loadTwinToolFile(writeFile(dir.file("tool.yaml"), toolYaml(kRules)));
    auto store = openStore(dir.file("s.sqlite"));
    const std::int64_t tool = store->ensureTool(tf.name);
    FileSync sync(*store, tool, tf.logs.front(), writeFile(dir.file("log.csv"), craftedLog()));
    sync.pump();
    const E10Summary e = equipmentStates(*store, tool);
    EXPECT_NEAR(stateS(e.totalS, E10State::Engineering), 0.0, 1e-9);
    EXPECT_NEAR(stateS(e.totalS, E10State::NonScheduled), 0.0, 1e-9);
    EXPECT_NEAR(stateS(e.totalS, E10State::Productive), 440, 1e-6);  // the arc is productive now
    EXPECT_NEAR(stateS(e.totalS, E10State::Standby), 250 + 40 + 50, 1e-6);
    EXPECT_EQ(e.arcs, 0u);
}

TEST(E10Settings, RoundTripAndGlob) {
    E10Settings s;
    s.pumpedBelowPa = 1.0 / 3.0;
    s.recipeKey = "chamber.recipe";
    s.supplies = {"rf 2", "dc1"};
    s.recipes = {{"PM *", E10State::ScheduledDown}, {"", E10State::Engineering}};
    s.calendar = {{1751895692.463, 1751899292.5, E10State::NonScheduled, "line\nbreak 5:x"}};
    s.dayOffsetS = 7200;
    const E10Settings r = decodeE10Settings(encodeE10Settings(s));
    EXPECT_EQ(r.pumpedBelowPa, s.pumpedBelowPa);
    EXPECT_EQ(r.recipeKey, s.recipeKey);
    EXPECT_EQ(r.supplies, s.supplies);
    ASSERT_EQ(r.recipes.size(), 2u);
    EXPECT_EQ(r.recipes[0].pattern, "PM *");
    EXPECT_EQ(r.recipes[1].state, E10State::Engineering);
    ASSERT_EQ(r.calendar.size(), 1u);
    EXPECT_EQ(r.calendar[0].start, s.calendar[0].start);
    EXPECT_EQ(r.calendar[0].note, s.calendar[0].note);
    EXPECT_EQ(r.dayOffsetS, 7200);
    EXPECT_THROW(decodeE10Settings("e10 v9\n"), std::runtime_error);
    EXPECT_TRUE(recipeMatches("ENG*", "ENG_test"));
    EXPECT_TRUE(recipeMatches("*burn?in*", "target burn-in 3"));
    EXPECT_FALSE(recipeMatches("ENG*", "PROD_ENG"));
    EXPECT_FALSE(recipeMatches("PM", "PM2"));
}

TEST(E10Settings, BadCalendarEntriesNameFileLineAndKey) {
    TempDir dir("e10-bad");
    const std::vector<std::pair<std::string, std::string>> cases{
        {"{from: \"2025-01-02T01:00:00Z\", to: \"2025-01-02T00:00:00Z\", state: scheduled_down}", "to"},
        {"{from: \"2025-01-02 soon\", to: \"2025-01-02T00:00:00Z\", state: scheduled_down}", "from"},
        {"{from: \"2025-01-02T00:00:00Z\", to: \"2025-01-02T01:00:00Z\", state: productive}", "state"},
        {"{from: \"2025-01-02T00:00:00Z\", to: \"2025-01-02T01:00:00Z\", state: scheduled_down, when: x}", "when"},
    };
    for (const auto& [entry, key] : cases) {
        const std::string path = writeFile(dir.file("bad.yaml"), toolYaml("    equipment_states:\n      calendar:\n"
                                                                          "        - " +
                                                                          entry + "\n"));
        try {
            loadTwinToolFile(path);
            ADD_FAILURE() << "accepted: " << entry;
        } catch (const std::exception& e) {
            const std::string what = e.what();
            EXPECT_NE(what.find("bad.yaml"), std::string::npos) << what;
            EXPECT_NE(what.find("bad.yaml:28:"), std::string::npos) << what;  // the entry's line
            EXPECT_NE(what.find(key), std::string::npos) << what;
        }
    }
}

TEST(E10States, RealDtuLogListsAllSixStatesAndItsDepositionIsProductive) {
    const std::string log =
        std::string(MAGTWIN_VALIDATION_DIR) + "/process_logs/dtu_nanolab_anait_0034_Ba-Zr_RecordingSet_2025.07.07.csv";
    if (!std::filesystem::exists(log)) GTEST_SKIP() << "validation data absent: " << log;
    TempDir dir("e10-dtu");
    const TwinToolFile tf = loadTwinToolFile(std::string(MAGTWIN_SOURCE_DIR) + "/cases/tools/dtu_anait.yaml");
    auto store = openStore(dir.file("s.sqlite"));
    const std::int64_t tool = store->ensureTool(tf.name);
    saveEquipmentRules(*store, tool, tf.logs.front());
    FileSync sync(*store, tool, tf.logs.front(), log);
    sync.pump();
    const E10Summary e = equipmentStates(*store, tool);
    ASSERT_EQ(e.days.size(), 1u);
    EXPECT_EQ(e.days[0].date, "2025-07-07");
    double sum = e.noDataS;
    for (double s : e.totalS) sum += s;
    EXPECT_NEAR(sum, e.end - e.start, 1e-6);
    // the deposition steps' own time (the sync's steps) is productive, so productive >= it
    double depositionS = 0.0;
    for (const auto& s : store->steps(tool))
        if (s.label == "deposition" || s.label == "co-sputter") depositionS += s.endTime - s.startTime;
    EXPECT_GT(depositionS, 0.0);
    EXPECT_GE(stateS(e.totalS, E10State::Productive), depositionS);
    // no gaps in this log (median interval 1.0 s, longest 1.03 s): no time without data
    EXPECT_EQ(e.noDataS, 0.0);
    std::cout << "DTU E10 over " << (e.end - e.start) / 3600.0 << " h:";
    for (std::size_t i = 0; i < kE10StateCount; ++i)
        std::cout << " " << e10Name(kE10States[i]) << " " << 100.0 * e.totalS[i] / (e.end - e.start) << " %";
    std::cout << ", arcs " << e.arcs << ", supply faults " << e.supplyFaults << "\n";
}

}  // namespace
}  // namespace magtwin
