// Helpers of the `twin serve` tests: a small store filled through the real sync (FileSync),
// a server on an ephemeral port in this process, and a raw socket for requests no HTTP client
// would send.
#pragma once

#include "tests/twin/TwinTestFiles.hpp"
#include "twin/serve/WebServer.hpp"
#include "twin/sync/LogSync.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <memory>
#include <string>
#include <thread>

namespace magtwin::test {

/// "Time,P,Target,Usage": one DC supply feeding c1 (P in kW), the loaded target's ID and the
/// tool's usage counter (kWh) per row.
inline LogFormat serveFormat() {
    LogFormat f = smallFormat();
    f.text.clear();
    f.text.push_back({"target", "Target"});
    f.numeric.push_back({"usage", "Usage", 3.6e6, 0.0, "J"});
    SupplyChannels dc{"dc1", SupplyKind::Dc};
    dc.power = 0;
    f.supplies = {dc};
    SourceChannels c1;
    c1.cathode = "c1";
    c1.hardWiredSupply = 0;
    c1.targetId = 0;
    c1.usageCounter = 1;
    c1.materialFromToolFile = "Mo";
    c1.targetThicknessM = 6e-3;
    f.sources = {c1};
    return f;
}

/// Rows [first, last] at one per second from 2025-01-01 00:00:00 UTC: 2 kW for the first
/// half of each minute, idle for the second; the counter counts the energy (kWh).
inline std::string serveRows(int first, int last, const std::string& target) {
    std::string out;
    for (int i = first; i <= last; ++i) {
        char line[160];
        const double kw = (i % 60) < 30 ? 2.0 : 0.0;
        int on = 0;  // seconds with the source on before row i (the counter's reading)
        for (int k = 0; k < i; ++k) on += (k % 60) < 30;
        std::snprintf(line, sizeof line, "2025-01-01 %02d:%02d:%02d,%g,%s,%.9f\n", i / 3600, (i / 60) % 60, i % 60, kw,
                      target.c_str(), on * 2.0 / 3600.0);
        out += line;
    }
    return out;
}

/// Syncs `log` into the store at `storePath` (created) as tool `tool`.
inline void syncServeLog(const std::string& storePath, const std::string& tool, const std::string& log) {
    auto store = openStore(storePath);
    const LogFormat format = serveFormat();
    FileSync sync(*store, store->ensureTool(tool), format, log);
    sync.pump();
}

/// A `twin serve` in this process on an ephemeral loopback port.
struct ServeFixture {
    std::shared_ptr<StoreWatcher> watcher;
    std::unique_ptr<WebServer> server;
    std::thread thread;
    ServeFixture(const std::string& storePath, double rateLimitPerS = 0.0, int pollMs = 100) {
        watcher = std::make_shared<StoreWatcher>([storePath] { return openStoreReadOnly(storePath); }, pollMs);
        WebServerSettings s;
        s.port = 0;
        s.rateLimitPerS = rateLimitPerS;
        server = std::make_unique<WebServer>(s, watcher);
        thread = std::thread([this] { server->run(); });
    }
    ~ServeFixture() {
        server->stop();
        thread.join();
    }
    int port() const { return server->port(); }
};

/// Sends `bytes` to 127.0.0.1:`port` and returns what comes back until the peer closes or
/// `timeoutMs` passes without data ("" when nothing).
inline std::string rawRequest(int port, const std::string& bytes, int timeoutMs = 3000) {
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
        ::close(fd);
        return "<connect failed>";
    }
    timeval tv{timeoutMs / 1000, (timeoutMs % 1000) * 1000};
    ::setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    std::size_t sent = 0;
    while (sent < bytes.size()) {
        const ssize_t n = ::send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) break;  // the server may close on garbage before reading it all
        sent += static_cast<std::size_t>(n);
    }
    std::string out;
    char buf[4096];
    for (ssize_t n; (n = ::recv(fd, buf, sizeof buf, 0)) > 0;) out.append(buf, static_cast<std::size_t>(n));
    ::close(fd);
    return out;
}

}  // namespace magtwin::test
