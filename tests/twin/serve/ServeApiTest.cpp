// `twin serve`'s HTTP side against a real server on an ephemeral port with real requests
// (cpp-httplib's client and raw sockets): /api/status equals what `twin status --json`
// writes (writeTwinStatusJson over a second, read-write opening: the independent path), a
// commit shows within 2 s, nothing outside the embedded assets is reachable (raw and
// %-encoded traversal), size limits, the per-client rate limit, garbage never stops the
// server, and the store is opened read-only (bytes unchanged; no store created; a newer or
// older schema refused).
#include "tests/twin/serve/ServeTestSupport.hpp"
#include "tests/twin/serve/TestJson.hpp"
#include "twin/serve/RateLimiter.hpp"
#include "twin/serve/ServeAssets.hpp"
#include "twin/status/TwinStatus.hpp"

#include <gtest/gtest.h>
#include <httplib.h>
#include <sqlite3.h>

#include <chrono>
#include <fstream>
#include <random>
#include <sstream>

namespace magtwin {
namespace {

using test::rawRequest;
using test::ServeFixture;
using test::TempDir;

std::string statusJsonOf(const std::string& storePath, const std::string& tool = "") {
    auto store = openStore(storePath);
    std::ostringstream out;
    writeTwinStatusJson(out, readTwinStatus(*store, tool));
    return out.str();
}

std::string fileBytes(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

struct ServeApiTest : ::testing::Test {
    TempDir dir{"serve-api"};
    std::string store = dir.file("twin.sqlite");
    std::string log = dir.file("log.csv");
    void SetUp() override {
        test::writeFile(log, "export\nTime,P,Target,Usage\n" + test::serveRows(0, 299, "Mo-17"));
        test::syncServeLog(store, "small-tool", log);
    }
};

TEST_F(ServeApiTest, StatusIsWhatTwinStatusJsonPrints) {
    ServeFixture serve(store);
    httplib::Client c("127.0.0.1", serve.port());
    auto r = c.Get("/api/status");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->get_header_value("Content-Type"), "application/json");
    EXPECT_EQ(r->body, statusJsonOf(store));
    // 300 rows of which 5 x 30 at 2 kW: 150 s x 2 kW = 1/12 kWh (the sync's own test integrates
    // the same rectangle); the page and the API show the stored value
    EXPECT_NE(r->body.find("\"target_id\":\"Mo-17\""), std::string::npos);
    r = c.Get("/api/status?tool=small-tool");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->body, statusJsonOf(store, "small-tool"));
    r = c.Get("/api/status?tool=nope");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404);
    r = c.Get("/api/tools");
    ASSERT_TRUE(r);
    EXPECT_NE(r->body.find("{\"name\":\"small-tool\",\"rows\":300,\"steps\":"), std::string::npos) << r->body;
    r = c.Get("/api/tool?name=small-tool");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_NE(r->body.find("\"thickness_m\":0.006"), std::string::npos) << r->body;
    EXPECT_NE(r->body.find("\"replay_run\":null"), std::string::npos) << r->body;
    r = c.Get("/api/nothing");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 404);
}

// The replay's map, findings and the forecast as the store keeps them (records written here by
// hand, no physics): /api/tool's summary equals the figures worked out by hand from the cells,
// /api/thickness_map gives every cell back bit for bit, and a second replay's records replace
// the first ones on the page (the revision changes).
TEST_F(ServeApiTest, ReplayMapFindingsAndForecastFromTheStore) {
    std::int64_t toolId = 0;
    {
        auto s = openStore(store);
        toolId = s->ensureTool("small-tool");
        ReplayRunRecord run;
        run.runId = "hand-1";
        run.replacesReport = true;
        run.erosion.push_back({"c1", "Mo-17", "Mo", 1.0 / 12, 1.0 / 12, 1e-4, 2e-8, run.runId, 4e-6});
        // 3 x 2 cells, the corner (0, 1) outside the quality area; the film 100, 102, 98, 97, 999, 103 nm
        run.thicknessMap.push_back({run.runId,
                                    1735689610.0,
                                    1735689900.0,
                                    5,
                                    "deposition",
                                    "W1",
                                    3,
                                    2,
                                    -0.01,
                                    -0.005,
                                    0.01,
                                    0.01,
                                    {100.0, 102.0, 98.0, 999.0, 97.0, 103.0},
                                    {1, 1, 1, 0, 1, 1}});
        run.findings.push_back({"counter", "Mo-17", "usage counter 9.5 % above the twin", std::nan(""), 9.5});
        run.findings.push_back({"gap", "Mo-17", "<b>no rows</b> for 31 s while on", 1735689700.0, 31.0});
        s->saveReplayRun(toolId, run);
        s->saveToolSetting(toolId, kUniformitySpecSetting, "3");
        ForecastRecord f;
        f.createdTime = 1765100000.0;
        f.specPct = 3.0, f.uNowPct = 1.5, f.xNowKWh = 1.0 / 12, f.xEndKWh = 40.0, f.kWhPerDay = 2.0;
        f.lastTime = 1735689899.0, f.crossingKWh = 20.0,
        f.crossingTime = 1735689899.0 + (20.0 - 1.0 / 12) / 2.0 * 86400;
        f.uAfterPct = 1.25, f.recipe = "logged", f.curve = {{1.0 / 12, 1.5}, {40.0, 4.5}}, f.eolKWh = {{"Mo-17", 41.0}};
        s->saveForecast(toolId, f);
    }
    ServeFixture serve(store);
    httplib::Client c("127.0.0.1", serve.port());
    auto r = c.Get("/api/tool?name=small-tool");
    ASSERT_TRUE(r);
    const test::Json d = test::JsonReader::parse(r->body);
    const test::Json& m = d["thickness_map"];
    // by hand over the five quality cells 100, 102, 98, 97, 103: mean 100, min 97, max 103,
    // U = 6 / 200 = 3 %, mid 100, band 97 .. 103 (3 %): no cell outside
    EXPECT_DOUBLE_EQ(m["mean_nm"].num(), 100.0);
    EXPECT_EQ(m["min_nm"].num(), 97.0);
    EXPECT_EQ(m["max_nm"].num(), 103.0);
    EXPECT_DOUBLE_EQ(m["uniformity_pct"].num(), 3.0);
    EXPECT_DOUBLE_EQ(m["band_low_nm"].num(), 97.0);
    EXPECT_DOUBLE_EQ(m["band_high_nm"].num(), 103.0);
    EXPECT_EQ(m["cells"].num(), 5.0);
    EXPECT_EQ(m["cells_outside_band"].num(), 0.0);
    EXPECT_EQ(m["intervals"].num(), 5.0);
    EXPECT_EQ(m["substrate_id"].s, "W1");
    EXPECT_EQ(m["start_s"].num(), 1735689610.0);
    r = c.Get("/api/thickness_map?name=small-tool");
    ASSERT_TRUE(r);
    const test::Json map = test::JsonReader::parse(r->body);
    ASSERT_EQ(map["thickness_nm"].size(), 6u);
    EXPECT_EQ(map["thickness_nm"][3].num(), 999.0);
    EXPECT_EQ(map["quality_area"][3].num(), 0.0);
    EXPECT_EQ(map["dx_m"].num(), 0.01);
    // findings in order, times as UTC s (null: none); markup stays text in the JSON string
    ASSERT_EQ(d["findings"].size(), 2u);
    EXPECT_TRUE(d["findings"][0]["time_s"].isNull());
    EXPECT_EQ(d["findings"][1]["time_s"].num(), 1735689700.0);
    EXPECT_EQ(d["findings"][1]["message"].s, "<b>no rows</b> for 31 s while on");
    // utilization = eroded / target volume = 2e-8 / 4e-6
    EXPECT_DOUBLE_EQ(d["targets"][0]["utilization"].num(), 2e-8 / 4e-6);
    EXPECT_EQ(d["targets"][0]["target_volume_m3"].num(), 4e-6);
    const test::Json& f = d["forecast"];
    EXPECT_EQ(f["u_cross_kWh"].num(), 20.0);
    EXPECT_EQ(f["u_cross_s"].num(), 1735689899.0 + (20.0 - 1.0 / 12) / 2.0 * 86400);
    EXPECT_TRUE(std::isnan(f["u_cross_kWh"].num()) == false);
    EXPECT_EQ(f["curve"].size(), 2u);
    EXPECT_EQ(f["eol"][0]["target_id"].s, "Mo-17");
    // a second replay (no map, one finding) replaces the first on the page
    const std::string before = c.Get("/api/revision")->body;
    {
        auto s = openStore(store);
        ReplayRunRecord next;
        next.runId = "hand-2";
        next.replacesReport = true;
        next.findings.push_back({"drift", "", "rate drifted 16 %", 1735689800.0, 16.0});
        s->saveReplayRun(toolId, next);
    }
    const auto t0 = std::chrono::steady_clock::now();
    while (c.Get("/api/revision")->body == before && std::chrono::steady_clock::now() - t0 < std::chrono::seconds(2))
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
    const test::Json d2 = test::JsonReader::parse(c.Get("/api/tool?name=small-tool")->body);
    EXPECT_TRUE(d2["thickness_map"].isNull());
    ASSERT_EQ(d2["findings"].size(), 1u);
    EXPECT_EQ(d2["findings"][0]["kind"].s, "drift");
}

TEST_F(ServeApiTest, AssetsAreTheEmbeddedOnes) {
    ServeFixture serve(store);
    httplib::Client c("127.0.0.1", serve.port());
    for (const std::string name :
         {"index.html", "tool.html", "common.js", "tool.js", "thickness.js", "overview.js", "app.css"}) {
        const ServeAsset* a = findServeAsset(name);
        ASSERT_NE(a, nullptr) << name;
        auto r = c.Get(("/" + name).c_str());
        ASSERT_TRUE(r) << name;
        EXPECT_EQ(r->status, 200);
        EXPECT_EQ(r->body, std::string(a->body)) << name;
        EXPECT_EQ(r->get_header_value("X-Content-Type-Options"), "nosniff");
        EXPECT_NE(r->get_header_value("Content-Security-Policy").find("script-src 'self'"), std::string::npos);
    }
    auto r = c.Get("/");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->body, std::string(findServeAsset("index.html")->body));
}

TEST_F(ServeApiTest, NothingOutsideTheAssetsCanBeRead) {
    // A file beside the store and /etc/passwd: neither may come back, however the path is spelled.
    test::writeFile(dir.file("secret.txt"), "SECRET-BESIDE-THE-STORE\n");
    ServeFixture serve(store);
    const std::string dirName = dir.path.filename().string();
    const std::vector<std::string> targets = {
        "/../../../../etc/passwd",
        "/..%2f..%2f..%2f..%2fetc%2fpasswd",
        "/%2e%2e/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
        "/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/%252e%252e%252fetc%252fpasswd",
        "/..\\..\\..\\etc\\passwd",
        "/tool.html/../../../../etc/passwd",
        "/%2fetc%2fpasswd",
        "//etc/passwd",
        "/etc/passwd",
        "/../secret.txt",
        "/..%2fsecret.txt",
        "/../" + dirName + "/secret.txt",
        "/%2e%2e%2f" + dirName + "%2fsecret.txt",
        "/api/../../etc/passwd",
        "/index.html%00.css",
        "/app.css/..%2f..%2f..%2fetc%2fpasswd",
    };
    for (const auto& t : targets) {
        const std::string resp =
            rawRequest(serve.port(), "GET " + t + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
        SCOPED_TRACE(t);
        ASSERT_FALSE(resp.empty());
        EXPECT_TRUE(resp.rfind("HTTP/1.1 404", 0) == 0 || resp.rfind("HTTP/1.1 400", 0) == 0) << resp.substr(0, 80);
        EXPECT_EQ(resp.find("root:"), std::string::npos);
        EXPECT_EQ(resp.find("SECRET-BESIDE"), std::string::npos);
    }
}

TEST_F(ServeApiTest, RequestLimitsAndMethods) {
    ServeFixture serve(store);
    httplib::Client c("127.0.0.1", serve.port());
    auto r = c.Post("/api/status", "x", "text/plain");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 405);
    r = c.Get(("/api/status?tool=" + std::string(kMaxTargetBytes, 'a')).c_str());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 414);
    // a GET with a body larger than the limit: refused (413), the connection closed
    const std::string big(kMaxBodyBytes * 4, 'x');
    std::string resp = rawRequest(serve.port(), "GET /api/status HTTP/1.1\r\nHost: x\r\nContent-Length: " +
                                                    std::to_string(big.size()) + "\r\n\r\n" + big);
    EXPECT_EQ(resp.rfind("HTTP/1.1 413", 0), 0u) << resp.substr(0, 80);
    // a header longer than the library's limit (8 KiB): refused, not crashed
    resp =
        rawRequest(serve.port(), "GET / HTTP/1.1\r\nHost: x\r\nX-Long: " + std::string(100000, 'y') + "\r\n\r\n", 500);
    EXPECT_EQ(resp.find("200 OK"), std::string::npos);
    r = c.Get("/api/tools");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
}

TEST_F(ServeApiTest, GarbageNeverStopsTheServer) {
    ServeFixture serve(store);
    std::mt19937 rng(20261207);
    std::vector<std::string> garbage = {
        "",
        "\r\n\r\n",
        "GET\r\n\r\n",
        "GET / HTTP/9.9\r\n\r\n",
        "GARBAGE /// ???\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: -5\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nContent-Length: 99999999999999999999\r\n\r\n",
        "GET / HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n",
        "GET / HTTP/1.1\r\n" + std::string(20000, ':') + "\r\n\r\n",
        std::string("GET /\0/ HTTP/1.1\r\n\r\n", 20),
        "GET /api/status?tool=%ZZ%%% HTTP/1.1\r\nHost: x\r\n\r\n",
        "GET /api/status HTTP/1.1\r\nHost: x\r\nRange: bytes=999999-1\r\n\r\n",
        "GET /api/status HTTP/1.1\r\nHost: x\r\nRange: bytes=0-0,0-0,0-0,0-0,0-0,0-0,0-0,0-0\r\n\r\n",
    };
    for (int k = 0; k < 40; ++k) {  // random bytes, some after a valid request line
        std::string g = k % 2 ? "GET / HTTP/1.1\r\n" : "";
        const std::size_t n = 1 + rng() % 3000;
        for (std::size_t i = 0; i < n; ++i) g.push_back(static_cast<char>(rng() & 0xff));
        garbage.push_back(g);
    }
    for (const auto& g : garbage) rawRequest(serve.port(), g, 200);
    // a connection that sends half a request and goes quiet does not block the others
    const int quiet = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET, a.sin_port = htons(static_cast<uint16_t>(serve.port()));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    ASSERT_EQ(::connect(quiet, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
    ::send(quiet, "GET / HT", 8, MSG_NOSIGNAL);
    httplib::Client c("127.0.0.1", serve.port());
    auto r = c.Get("/api/status");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
    EXPECT_EQ(r->body, statusJsonOf(store));
    ::close(quiet);
}

TEST_F(ServeApiTest, RateLimitPerClient) {
    ServeFixture serve(store, 5.0);
    httplib::Client c("127.0.0.1", serve.port());
    int ok = 0, limited = 0;
    const auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < 20; ++i) {
        auto r = c.Get("/api/revision");
        ASSERT_TRUE(r);
        (r->status == 200 ? ok : limited) += 1;
        if (r->status == 429) {
            EXPECT_EQ(r->get_header_value("Retry-After"), "1");
        }
    }
    // a burst of 5 tokens (one second at 5/s) plus what refilled while the 20 requests ran
    // (5/s x their duration, measured: a loaded machine is slower), never more
    const double took = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    EXPECT_GE(ok, 5);
    EXPECT_LE(ok, 5 + static_cast<int>(5.0 * took) + 1) << took << " s";
    if (took < 1.0) {
        EXPECT_GE(limited, 9);
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    auto r = c.Get("/api/revision");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200);
}

TEST(RateLimiterTest, TokenBucket) {
    RateLimiter limit(2.0);
    const auto t0 = RateLimiter::Clock::time_point{} + std::chrono::hours(1);
    EXPECT_TRUE(limit.allow("a", t0));
    EXPECT_TRUE(limit.allow("a", t0));
    EXPECT_FALSE(limit.allow("a", t0));                                   // burst of 2 used
    EXPECT_TRUE(limit.allow("b", t0));                                    // per client
    EXPECT_FALSE(limit.allow("a", t0 + std::chrono::milliseconds(400)));  // 0.8 token
    EXPECT_TRUE(limit.allow("a", t0 + std::chrono::milliseconds(500)));   // 1.0 token
}

TEST_F(ServeApiTest, ACommitShowsWithinTwoSeconds) {
    ServeFixture serve(store);
    httplib::Client c("127.0.0.1", serve.port());
    auto r0 = c.Get("/api/revision");
    ASSERT_TRUE(r0);
    // `twin follow` commits: the same sync appends rows 300..419
    std::ofstream(log, std::ios::app) << test::serveRows(300, 419, "Mo-17");
    const auto t0 = std::chrono::steady_clock::now();
    test::syncServeLog(store, "small-tool", log);
    std::string revision = r0->body;
    double waited = 0.0;
    while (revision == r0->body && waited < 5.0) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        revision = c.Get("/api/revision")->body;
        waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    }
    EXPECT_LT(waited, 2.0) << "the issue's live update: within 2 s of a commit";
    auto r = c.Get("/api/status");
    ASSERT_TRUE(r);
    EXPECT_EQ(r->body, statusJsonOf(store));
    EXPECT_NE(c.Get("/api/tools")->body.find("\"rows\":420"), std::string::npos);
}

TEST_F(ServeApiTest, TheReplaysSpecIsServedWhenStored) {
    ServeFixture serve(store);
    httplib::Client c("127.0.0.1", serve.port());
    EXPECT_NE(c.Get("/api/tool?name=small-tool")->body.find("\"uniformity_spec_pct\":null"), std::string::npos);
    {  // what `twin replay` keeps (TwinReplayCommand.cpp): the tool file's spec, percent
        auto rw = openStore(store);
        rw->saveToolSetting(rw->ensureTool("small-tool"), kUniformitySpecSetting, "2.5");
    }
    std::string body;
    for (int i = 0; i < 100 && body.find("\"uniformity_spec_pct\":2.5") == std::string::npos; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        body = c.Get("/api/tool?name=small-tool")->body;
    }
    EXPECT_NE(body.find("\"uniformity_spec_pct\":2.5"), std::string::npos) << body;
}

TEST_F(ServeApiTest, StoreIsOpenedReadOnly) {
    const std::string before = fileBytes(store);
    {
        ServeFixture serve(store);
        httplib::Client c("127.0.0.1", serve.port());
        for (const char* path : {"/api/status", "/api/tools", "/api/tool?name=small-tool", "/api/revision"})
            ASSERT_TRUE(c.Get(path));
        // the read-only opening refuses writes itself
        auto ro = openStoreReadOnly(store);
        EXPECT_THROW(ro->ensureTool("another-tool"), std::exception);
        EXPECT_EQ(ro->ensureTool("small-tool"), openStore(store)->ensureTool("small-tool"));
    }
    EXPECT_EQ(fileBytes(store), before);
}

TEST(ServeStoreTest, MissingNewerOlderStoresAreRefused) {
    TempDir dir("serve-store");
    EXPECT_THROW(openStoreReadOnly(dir.file("none.sqlite")), std::invalid_argument);
    EXPECT_FALSE(std::filesystem::exists(dir.file("none.sqlite")));
    {  // an older schema: a read-only reader does not migrate it
        openStore(dir.file("old.sqlite"), kStoreSchemaVersion - 1);
        try {
            openStoreReadOnly(dir.file("old.sqlite"));
            ADD_FAILURE() << "older schema accepted";
        } catch (const std::invalid_argument& e) {
            EXPECT_NE(std::string(e.what()).find("is older than this magtwin"), std::string::npos) << e.what();
        }
    }
    {  // a newer schema
        openStore(dir.file("new.sqlite"));
        sqlite3* db = nullptr;
        ASSERT_EQ(sqlite3_open(dir.file("new.sqlite").c_str(), &db), SQLITE_OK);
        sqlite3_exec(db, ("UPDATE schema_version SET version = " + std::to_string(kStoreSchemaVersion + 1)).c_str(),
                     nullptr, nullptr, nullptr);
        sqlite3_close(db);
        try {
            openStoreReadOnly(dir.file("new.sqlite"));
            ADD_FAILURE() << "newer schema accepted";
        } catch (const std::invalid_argument& e) {
            EXPECT_NE(std::string(e.what()).find("is newer than this magtwin"), std::string::npos) << e.what();
        }
    }
    test::writeFile(dir.file("text.sqlite"), "not a database at all\n");
    EXPECT_THROW(openStoreReadOnly(dir.file("text.sqlite")), std::invalid_argument);
}

TEST_F(ServeApiTest, PortInUseIsAClearError) {
    ServeFixture first(store);
    WebServerSettings s;
    s.port = first.port();
    try {
        WebServer second(s, first.watcher);
        ADD_FAILURE() << "bound a port in use";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("Address already in use"), std::string::npos) << e.what();
    }
}

}  // namespace
}  // namespace magtwin
