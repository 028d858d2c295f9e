// twin_serve_load HOST PORT CLIENTS SECONDS PATH...: a load client for `magtwin twin serve`
// (bench/twin_serve_bench.sh). CLIENTS threads, each with its own keep-alive connection
// (cpp-httplib's client), request the PATHs in turn for SECONDS (bounded in time: the loop
// stops by itself) and record each request's latency; prints the request count, the
// throughput, p50 / p99 / max latency overall and per path, and the errors (transport
// failures or a status other than 200). Only the loopback address is accepted.
#include <httplib.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace {

double percentile(std::vector<double> v, double p) {
    if (v.empty()) return 0.0;
    std::sort(v.begin(), v.end());
    const std::size_t k = std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size() - 1) + 0.5));
    return v[k];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 6) {
        std::fprintf(stderr, "usage: twin_serve_load HOST PORT CLIENTS SECONDS PATH...\n");
        return 2;
    }
    const std::string host = argv[1];
    if (host.rfind("127.", 0) != 0 && host != "::1") {
        std::fprintf(stderr, "twin_serve_load: only loopback addresses (127.0.0.0/8, ::1)\n");
        return 2;
    }
    const int port = std::atoi(argv[2]), clients = std::atoi(argv[3]);
    const double seconds = std::atof(argv[4]);
    const std::vector<std::string> paths(argv + 5, argv + argc);
    std::mutex mutex;
    std::map<std::string, std::vector<double>> latencies;  // ms per path
    std::atomic<long> errors{0};
    std::string firstError;
    const auto start = std::chrono::steady_clock::now();
    const auto end =
        start + std::chrono::duration_cast<std::chrono::steady_clock::duration>(std::chrono::duration<double>(seconds));
    std::vector<std::thread> threads;
    for (int c = 0; c < clients; ++c)
        threads.emplace_back([&, c] {
            httplib::Client client(host, port);
            client.set_keep_alive(true);
            client.set_tcp_nodelay(true);
            client.set_connection_timeout(10, 0);
            client.set_read_timeout(30, 0);
            std::map<std::string, std::vector<double>> mine;
            for (std::size_t i = static_cast<std::size_t>(c); std::chrono::steady_clock::now() < end; ++i) {
                const std::string& path = paths[i % paths.size()];
                const auto t0 = std::chrono::steady_clock::now();
                auto r = client.Get(path.c_str());
                const double ms =
                    std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
                if (!r || r->status != 200) {
                    ++errors;
                    std::lock_guard<std::mutex> lock(mutex);
                    if (firstError.empty())
                        firstError =
                            path + ": " + (r ? "HTTP " + std::to_string(r->status) : httplib::to_string(r.error()));
                    continue;
                }
                mine[path].push_back(ms);
            }
            std::lock_guard<std::mutex> lock(mutex);
            for (auto& [p, v] : mine) latencies[p].insert(latencies[p].end(), v.begin(), v.end());
        });
    for (auto& t : threads) t.join();
    const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::vector<double> all;
    for (const auto& [p, v] : latencies) all.insert(all.end(), v.begin(), v.end());
    std::printf("%d clients, %.1f s: %zu requests (%.0f/s), %ld errors%s%s\n", clients, elapsed, all.size(),
                static_cast<double>(all.size()) / elapsed, errors.load(),
                firstError.empty() ? "" : "; first: ", firstError.c_str());
    std::printf("  %-40s %9s %9s %9s %9s\n", "path", "requests", "p50 ms", "p99 ms", "max ms");
    for (const auto& [p, v] : latencies)
        std::printf("  %-40s %9zu %9.2f %9.2f %9.2f\n", p.c_str(), v.size(), percentile(v, 0.5), percentile(v, 0.99),
                    percentile(v, 1.0));
    std::printf("  %-40s %9zu %9.2f %9.2f %9.2f\n", "all", all.size(), percentile(all, 0.5), percentile(all, 0.99),
                percentile(all, 1.0));
    return errors.load() == 0 ? 0 : 1;
}
