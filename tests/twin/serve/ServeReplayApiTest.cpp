// `twin serve`'s replay and forecast fields (/api/tool: thickness_map, findings, forecast,
// targets[].utilization; /api/thickness_map) against the outputs of the same run, written apart:
// a real replay of a one-Mo-cathode tool (its report.json text, replayReportJson) and a real
// forecast (its --json text, forecastJson), both stored as `twin replay` and `twin forecast`
// store them, then served and read back over HTTP. The map is also checked against the
// replay's own per-interval figure: an interval's mean film rate (A/s) x its duration is the
// mean thickness of a one-interval film.
#include "tests/twin/serve/ServeTestSupport.hpp"
#include "tests/twin/serve/TestJson.hpp"

#include "boundary/util/Json.hpp"
#include "cli/deposit/DepositConfig.hpp"
#include "cli/twin/TwinReplaySetup.hpp"
#include "cli/twin/TwinToolFile.hpp"
#include "postprocessing/reports/ReplayFolder.hpp"
#include "twin/forecast/ForecastOutput.hpp"
#include "twin/forecast/UniformityForecast.hpp"
#include "twin/replay/ReplayReport.hpp"
#include "twin/replay/ReplayStoreRecords.hpp"

#include <gtest/gtest.h>
#include <httplib.h>

#include <cmath>
#include <ctime>
#include <sstream>

namespace magtwin {
namespace {

using test::Json;
using test::JsonReader;
using test::TempDir;

// One Mo cathode 100 mm above a wafer (tests/twin/TwinTestFiles.hpp), a crystal below it.
const std::string kTool = std::string("tool: {name: serve-replay-tool}\n") + test::kOneMoCathodeChamber +
                          R"(sensors:
  - {name: qcm, type: crystal-monitor, position: [0 mm, 0 mm, -2000 mm], facing: [0, 0, 1]}
logs:
  - name: small
    header: {preamble_lines: 0}
    timestamp: {column: Time, format: "%Y-%m-%d %H:%M:%S"}
    supplies:
      - supply: dc1
        setpoint: {column: SP, unit: W}
        power: {column: P, unit: W}
        voltage: {column: V, unit: V}
    sources:
      - cathode: c1
        supply: dc1
        target_id: {column: Target}
        usage_counter: {column: Usage, unit: kWh}
    crystal_monitors:
      - sensor: qcm
        rate: {column: Rate, unit: A/s}
        tooling: {column: Tooling, unit: "%"}
        active_material: {column: Mat}
        density: {column: Rho, unit: g/cm3}
        z_ratio: {column: Z}
)";

/// Two 500 W runs (10 min and 5 min) with 10 idle minutes between; the usage counter counts
/// 10 % more than the power (a counter finding), the monitor set to Barium (a monitor-material
/// finding). One row a second.
std::string logText() {
    std::ostringstream o;
    o.precision(15);
    o << "Time,SP,P,V,Target,Usage,Rate,Tooling,Mat,Rho,Z\n";
    double counter = 0.0;
    for (int t = 0; t <= 1500; ++t) {
        const bool on = t <= 600 || t >= 1200;
        char stamp[32];
        std::snprintf(stamp, sizeof stamp, "2025-01-01 %02d:%02d:%02d", t / 3600, t / 60 % 60, t % 60);
        o << stamp << "," << (on ? 500 : 0) << "," << (on ? 500 : 0) << "," << (on ? 400 : 0) << ",T1," << counter
          << "," << (on ? 2.0 : 0.0) << ",150,Barium,3.5,2.1\n";
        if (on) counter += 1.1 * 500.0 / 3.6e6;
    }
    return o.str();
}

std::string get(int port, const std::string& path) {
    httplib::Client c("127.0.0.1", port);
    auto r = c.Get(path.c_str());
    if (!r || r->status != 200) throw std::runtime_error(path + ": no 200 answer");
    return r->body;
}

/// Equal as the writer wrote them (both are jsonNumber of the same double, or both null).
void expectSame(double api, double reference, const std::string& what) {
    if (std::isnan(reference))
        EXPECT_TRUE(std::isnan(api)) << what;
    else
        EXPECT_EQ(api, reference) << what;
}

TEST(ServeReplayApiTest, MapFindingsUtilizationAndForecastAreTheRunsOwn) {
    TempDir dir("serve-replay");
    const std::string storePath = dir.file("s.sqlite");
    std::string reportText, forecastText;
    double intervalMeanNm = 0.0;
    {
        const TwinToolFile tf = loadTwinToolFile(test::writeFile(dir.file("tool.yaml"), kTool));
        auto store = openStore(storePath);
        const std::int64_t tool = store->ensureTool(tf.name);
        FileSync sync(*store, tool, tf.logs.front(), test::writeFile(dir.file("log.csv"), logText()));
        sync.pump();
        // what `twin replay` does (cli/twin/TwinReplayCommand.cpp)
        const ReplaySetup setup = replaySetupFor(tf, "");
        ReplayReport report =
            reportReplay(*store, tool, setup, replayTool(*store, tool, setup), {}, ReplayReportSettings{});
        reportText = replayReportJson(report);
        store->saveReplayRun(tool, replayRunRecord(report, store->targets(tool), "run-1", setup.monitor.name));
        store->saveToolSetting(tool, kUniformitySpecSetting, jsonNumber(setup.uniformitySpecPct));
        const ReplayStep& last = report.replay.steps.back();
        intervalMeanNm = last.mapMeanAS / 10.0 * (last.end - last.start);
        // what `twin forecast` does (cli/twin/TwinForecastCommand.cpp), configured recipe
        const DepositCase c = depositCaseFor(*tf.tool, "");
        double lastTime = 0.0;
        for (const auto& f : store->files(tool)) lastTime = std::max(lastTime, f.lastTime);
        const ForecastResult r = forecastUniformity(c, groupUsage(c, store->targets(tool), lastTime), std::nullopt,
                                                    TransportMethod::Fast, {3});
        forecastText = forecastJson(r, lastTime);
        store->saveForecast(tool, forecastRecord(r, lastTime, 1765100000.0));
    }
    const Json report = JsonReader::parse(reportText);
    const Json forecast = JsonReader::parse(forecastText);
    test::ServeFixture serve(storePath);
    const Json detail = JsonReader::parse(get(serve.port(), "/api/tool?name=serve-replay-tool"));
    const Json map = JsonReader::parse(get(serve.port(), "/api/thickness_map?name=serve-replay-tool"));

    // the thickness map: the second run only (the last coated substrate), as report.json says
    const Json& tm = report["thickness_map"];
    const Json& am = detail["thickness_map"];
    ASSERT_FALSE(tm.isNull());
    for (const char* key : {"start_s", "end_s", "intervals", "cells", "mean_nm", "min_nm", "max_nm", "uniformity_pct",
                            "band_low_nm", "band_high_nm", "cells_outside_band"})
        EXPECT_NEAR(am[key].num(), tm[key].num(), 1e-12 * std::abs(tm[key].num())) << key;
    // in the second run (2025-01-01 00:20:00 to 00:25:00 UTC): its first rows, not the first run
    const double t0 = 1735689600.0;  // 2025-01-01 00:00:00 UTC
    EXPECT_GE(tm["start_s"].num(), t0 + 1200.0);
    EXPECT_LE(tm["start_s"].num(), t0 + 1202.0);
    EXPECT_LE(tm["end_s"].num(), t0 + 1500.0);
    EXPECT_EQ(am["label"].s, tm["label"].s);
    EXPECT_EQ(am["spec_pct"].num(), report["uniformity_spec_pct"].num());
    // one interval: its mean rate x its duration (the replay's per-interval figure)
    EXPECT_EQ(tm["intervals"].num(), 1.0);
    EXPECT_NEAR(tm["mean_nm"].num(), intervalMeanNm, 1e-9 * intervalMeanNm);
    // /api/thickness_map: every cell; the summary recomputed here from the cells
    const std::size_t n = std::size_t(map["nx"].num() * map["ny"].num());
    ASSERT_EQ(map["thickness_nm"].size(), n);
    ASSERT_EQ(map["quality_area"].size(), n);
    double sum = 0.0, lo = INFINITY, hi = -INFINITY;
    std::size_t cells = 0, outside = 0;
    for (std::size_t k = 0; k < n; ++k)
        if (map["quality_area"][k].num() == 1.0) {
            const double v = map["thickness_nm"][k].num();
            sum += v, lo = std::min(lo, v), hi = std::max(hi, v), ++cells;
        }
    const double mid = 0.5 * (lo + hi), spec = report["uniformity_spec_pct"].num() / 100.0;
    for (std::size_t k = 0; k < n; ++k)
        if (map["quality_area"][k].num() == 1.0) {
            const double v = map["thickness_nm"][k].num();
            outside += v < mid * (1 - spec) || v > mid * (1 + spec);
        }
    EXPECT_EQ(double(cells), tm["cells"].num());
    EXPECT_NEAR(sum / double(cells), tm["mean_nm"].num(), 1e-12 * sum / double(cells));  // summation order
    EXPECT_EQ(lo, tm["min_nm"].num());
    EXPECT_EQ(hi, tm["max_nm"].num());
    EXPECT_NEAR(100 * (hi - lo) / (hi + lo), tm["uniformity_pct"].num(), 1e-12);
    EXPECT_EQ(double(outside), tm["cells_outside_band"].num());

    // findings: report.json's, in its order, with their times (ISO there, UTC s here)
    const Json& rf = report["findings"];
    const Json& af = detail["findings"];
    ASSERT_EQ(af.size(), rf.size());
    ASSERT_GE(rf.size(), 2u);  // the counter and the monitor material at least
    bool counter = false, monitor = false;
    for (std::size_t i = 0; i < rf.size(); ++i) {
        EXPECT_EQ(af[i]["kind"].s, rf[i]["kind"].s);
        EXPECT_EQ(af[i]["target_id"].s, rf[i]["target_id"].s);
        EXPECT_EQ(af[i]["message"].s, rf[i]["message"].s);
        expectSame(af[i]["size"].num(), rf[i]["size"].num(), rf[i]["kind"].s);
        if (rf[i]["time"].isNull()) {
            EXPECT_TRUE(af[i]["time_s"].isNull());
        } else {
            const std::time_t t = std::time_t(std::floor(af[i]["time_s"].num()));
            std::tm tm{};
            gmtime_r(&t, &tm);
            char iso[32];
            std::strftime(iso, sizeof iso, "%Y-%m-%dT%H:%M:%SZ", &tm);
            EXPECT_EQ(iso, rf[i]["time"].s);
        }
        counter |= rf[i]["kind"].s == "counter";
        monitor |= rf[i]["kind"].s == "monitor-material";
    }
    EXPECT_TRUE(counter);
    EXPECT_TRUE(monitor);

    // utilization: report.json's erosion per target; the volume is a 50 mm radius x 6 mm disc
    ASSERT_EQ(detail["targets"].size(), 1u);
    const Json& t = detail["targets"][0];
    const Json& e = report["erosion"][0];
    EXPECT_EQ(t["target_id"].s, e["target_id"].s);
    EXPECT_EQ(t["utilization"].num(), e["utilization"].num());
    EXPECT_EQ(t["target_volume_m3"].num(), e["target_volume_m3"].num());
    EXPECT_NEAR(t["target_volume_m3"].num(), M_PI * 0.05 * 0.05 * 6e-3, 1e-12);
    EXPECT_GT(t["utilization"].num(), 0.0);
    EXPECT_LT(t["utilization"].num(), 0.01);  // 15 min at 500 W on a 6 mm target

    // the forecast: the command's output
    const Json& fc = detail["forecast"];
    ASSERT_FALSE(fc.isNull());
    expectSame(fc["u_cross_kWh"].num(), forecast["u_cross_kWh"].num(), "u_cross_kWh");
    expectSame(fc["u_cross_s"].num(), forecast["u_cross_s"].num(), "u_cross_s");
    expectSame(fc["u_now_pct"].num(), forecast["u_now_pct"].num(), "u_now_pct");
    expectSame(fc["u_after_pct"].num(), forecast["u_after_pct"].num(), "u_after_pct");
    EXPECT_EQ(fc["spec_pct"].num(), forecast["spec_pct"].num());
    EXPECT_EQ(fc["life_now_kWh"].num(), forecast["life_now_kWh"].num());
    EXPECT_EQ(fc["kWh_per_day"].num(), forecast["kWh_per_day"].num());
    EXPECT_EQ(fc["recipe"].s, forecast["recipe"].s);
    ASSERT_EQ(fc["curve"].size(), forecast["curve"].size());
    for (std::size_t i = 0; i < fc["curve"].size(); ++i) {
        EXPECT_EQ(fc["curve"][i]["life_kWh"].num(), forecast["curve"][i]["life_kWh"].num());
        EXPECT_EQ(fc["curve"][i]["u_pct"].num(), forecast["curve"][i]["u_pct"].num());
    }
    ASSERT_EQ(fc["eol"].size(), forecast["eol"].size());
    EXPECT_EQ(fc["eol"][0]["eol_kWh"].num(), forecast["eol"][0]["eol_kWh"].num());
    // the life now is the stored energy of T1: 15 min at 500 W (both runs' ends included)
    EXPECT_NEAR(fc["life_now_kWh"].num(), 500.0 * 902 / 3.6e6, 500.0 * 2 / 3.6e6);
}

}  // namespace
}  // namespace magtwin
