// `magtwin twin serve`: the store as a read-only web view and JSON API (twin/serve;
// docs/twin-serve.md). Parses --listen and --rate-limit, opens the store read-only, serves
// until SIGINT or SIGTERM.
#include "cli/twin/TwinCommands.hpp"

#include "cli/UsageError.hpp"
#include "twin/serve/WebServer.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>

#include <pthread.h>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

namespace magtwin {

namespace {

/// "HOST:PORT" (HOST a numeric IPv4 address, [IPv6] or localhost; PORT 0..65535, 0: any free).
std::pair<std::string, int> parseListen(const std::string& listen) {
    const std::string bad = "--listen '" + listen + "' is not an address: expected HOST:PORT, e.g. 127.0.0.1:8080";
    const auto colon = listen.rfind(':');
    if (colon == std::string::npos || colon + 1 == listen.size()) throw UsageError(bad);
    std::string host = listen.substr(0, colon);
    const std::string portText = listen.substr(colon + 1);
    if (portText.find_first_not_of("0123456789") != std::string::npos || portText.size() > 5) throw UsageError(bad);
    const int port = std::stoi(portText);
    if (port > 65535) throw UsageError(bad);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    if (host == "localhost") host = "127.0.0.1";
    in6_addr a6{};
    in_addr a4{};
    if (inet_pton(AF_INET, host.c_str(), &a4) != 1 && inet_pton(AF_INET6, host.c_str(), &a6) != 1)
        throw UsageError(bad);
    return {host, port};
}

bool loopback(const std::string& host) { return host.rfind("127.", 0) == 0 || host == "::1"; }

/// "N/s" or "N" -> N per second; "off" or "0" -> 0; "" -> off on loopback, 20/s elsewhere.
double parseRateLimit(const std::string& text, const std::string& host) {
    if (text.empty()) return loopback(host) ? 0.0 : 20.0;
    if (text == "off") return 0.0;
    std::string n = text;
    if (n.size() > 2 && n.compare(n.size() - 2, 2, "/s") == 0) n.resize(n.size() - 2);
    char* end = nullptr;
    const double v = std::strtod(n.c_str(), &end);
    if (n.empty() || *end != '\0' || !(v >= 0.0) || v > 1e6)
        throw UsageError("--rate-limit '" + text + "': expected N/s (requests per second per client) or off");
    return v;
}

}  // namespace

int runTwinServe(const TwinServeOptions& o) {
    const auto [host, port] = parseListen(o.listen);
    WebServerSettings settings;
    settings.host = host;
    settings.port = port;
    settings.rateLimitPerS = parseRateLimit(o.rateLimit, host);
    const bool postgres = o.store.rfind("postgres", 0) == 0;
    if (!postgres && !std::filesystem::is_regular_file(o.store))
        throw UsageError("--store '" + o.store + "' does not exist");

    // SIGINT/SIGTERM are taken by one thread (sigwait) that stops the server; every other
    // thread (the watcher, the server's workers) starts with them blocked.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGINT);
    sigaddset(&stopSignals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

    const std::string location = o.store;
    auto watcher =
        std::make_shared<StoreWatcher>([location] { return openStoreReadOnly(location); }, o.pollMs, !postgres);
    WebServer server(settings, watcher);
    std::cout << "serving " << o.store << " on http://"
              << (host.find(':') == std::string::npos ? host : "[" + host + "]") << ":" << server.port()
              << "/ (read-only; rate limit "
              << (settings.rateLimitPerS > 0.0 ? std::to_string(settings.rateLimitPerS) + "/s per client" : "off")
              << ")" << std::endl;
    std::thread signals([&server, stopSignals] {
        int sig = 0;
        sigwait(&stopSignals, &sig);
        server.stop();
    });
    server.run();
    // Stopped by a signal, or the server failed: wake the signal thread if it still waits.
    pthread_kill(signals.native_handle(), SIGTERM);
    signals.join();
    return 0;
}

}  // namespace magtwin
