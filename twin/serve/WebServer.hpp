// WebServer: the HTTP side of `twin serve` (cpp-httplib, Debian libcpp-httplib-dev): the
// hand-written pages embedded in the program (ServeAssets.hpp) and the JSON API under /api/
// (docs/twin-serve.md), answered from the StoreWatcher's snapshot. It is an adapter: every
// document it sends was written by twin/status and twin/serve/ServeSnapshot.
//
// Hardening: only GET and HEAD; a request line longer than kMaxTargetBytes is refused (414)
// and a body longer than kMaxBodyBytes (413); assets are looked up by exact name in the
// embedded table (no file system path is ever built from a request, so no traversal, raw or
// %-encoded, can reach a file); a per-client rate limit (RateLimiter) when configured;
// Content-Security-Policy without inline script, nosniff, no framing; a handler that throws
// answers 500 and the server goes on.
#pragma once

#include "twin/serve/RateLimiter.hpp"
#include "twin/serve/StoreWatcher.hpp"

#include <atomic>
#include <memory>
#include <string>

namespace httplib {
class Server;
}

namespace magtwin {

struct WebServerSettings {
    std::string host = "127.0.0.1";
    int port = 8080;             ///< 0: an ephemeral port (port() tells which)
    double rateLimitPerS = 0.0;  ///< per client; 0: no limit
    int threads = 32;            ///< worker threads (each holds one keep-alive connection)
};

constexpr std::size_t kMaxTargetBytes = 2048;
constexpr std::size_t kMaxBodyBytes = 1024;

class WebServer {
public:
    /// Binds at once: throws std::invalid_argument naming the address when it cannot (port in
    /// use, an address not of this machine).
    WebServer(const WebServerSettings& settings, std::shared_ptr<StoreWatcher> watcher);
    ~WebServer();
    WebServer(const WebServer&) = delete;
    WebServer& operator=(const WebServer&) = delete;

    int port() const { return port_; }
    /// Serves until stop() (from another thread or a signal handler's thread); returns at once
    /// when stop() came first.
    void run();
    /// Ends run(), whenever it is called: before run() (run() then returns at once), while run()
    /// is starting (it waits until the server listens, then stops it: the library's own stop()
    /// does nothing before its loop runs, which left run() serving for ever), or while serving.
    void stop();

private:
    void routes();

    WebServerSettings settings_;
    std::shared_ptr<StoreWatcher> watcher_;
    std::unique_ptr<httplib::Server> server_;
    std::unique_ptr<RateLimiter> limiter_;
    int port_ = 0;
    std::atomic<bool> stopRequested_{false}, runEntered_{false}, runExited_{false};
};

}  // namespace magtwin
