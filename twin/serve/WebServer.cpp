#include "twin/serve/WebServer.hpp"

#include "boundary/util/Json.hpp"
#include "twin/serve/ServeAssets.hpp"

#include <httplib.h>

#include <chrono>
#include <thread>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <stdexcept>

namespace magtwin {

namespace {

using HandlerResponse = httplib::Server::HandlerResponse;

/// The library's server with a longer accept queue: cpp-httplib 0.11 listens with a backlog
/// of 5, so a burst of new connections (100 clients reconnecting) loses SYNs and waits for
/// TCP's 1 s retransmission; listen() again on the bound socket only raises the backlog
/// (Linux: listen(2) on a listening socket updates it).
class MagtwinHttpServer : public httplib::Server {
public:
    void widenBacklog(int backlog) { ::listen(svr_sock_, backlog); }
};

constexpr int kListenBacklog = 256;

void sendJson(httplib::Response& res, int status, const std::string& body) {
    res.status = status;
    res.set_header("Cache-Control", "no-store");
    res.set_content(body, "application/json");
}

void sendError(httplib::Response& res, int status, const std::string& message) {
    sendJson(res, status, "{\"error\":" + jsonString(message) + "}\n");
}

/// Why `host`:`port` cannot be bound, from the system's own attempt (errno text).
std::string bindFailure(const std::string& host, int port) {
    sockaddr_storage addr{};
    socklen_t len = 0;
    int family = AF_INET;
    auto* v4 = reinterpret_cast<sockaddr_in*>(&addr);
    auto* v6 = reinterpret_cast<sockaddr_in6*>(&addr);
    if (inet_pton(AF_INET, host.c_str(), &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET, v4->sin_port = htons(static_cast<uint16_t>(port)), len = sizeof *v4;
    } else if (inet_pton(AF_INET6, host.c_str(), &v6->sin6_addr) == 1) {
        family = AF_INET6, v6->sin6_family = AF_INET6, v6->sin6_port = htons(static_cast<uint16_t>(port));
        len = sizeof *v6;
    } else {
        return "not a numeric address";
    }
    const int fd = ::socket(family, SOCK_STREAM, 0);
    if (fd < 0) return std::strerror(errno);
    const int one = 1;
    ::setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    std::string why = "cannot listen";
    if (::bind(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0 || ::listen(fd, 1) != 0) why = std::strerror(errno);
    ::close(fd);
    return why;
}

}  // namespace

WebServer::WebServer(const WebServerSettings& settings, std::shared_ptr<StoreWatcher> watcher)
    : settings_(settings), watcher_(std::move(watcher)), server_(std::make_unique<MagtwinHttpServer>()) {
    if (settings_.rateLimitPerS > 0.0) limiter_ = std::make_unique<RateLimiter>(settings_.rateLimitPerS);
    const int threads = settings_.threads;
    server_->new_task_queue = [threads] { return new httplib::ThreadPool(static_cast<std::size_t>(threads)); };
    server_->set_payload_max_length(kMaxBodyBytes);
    // SO_REUSEADDR alone (the library's default adds SO_REUSEPORT, which would let a second
    // server share a port in use instead of failing).
    server_->set_socket_options([](int sock) {
        const int yes = 1;
        ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    });
    server_->set_read_timeout(5, 0);
    server_->set_write_timeout(5, 0);
    server_->set_keep_alive_timeout(5);
    server_->set_keep_alive_max_count(20);  // a connection gives its worker up after 20 requests (fairness)
    server_->set_tcp_nodelay(true);         // small answers go out at once (no Nagle + delayed-ACK 40 ms)
    routes();
    const std::string where = settings_.host + ":" + std::to_string(settings_.port);
    if (settings_.port == 0) {
        port_ = server_->bind_to_any_port(settings_.host);
        if (port_ <= 0) throw std::invalid_argument("--listen " + where + ": " + bindFailure(settings_.host, 0));
    } else {
        if (!server_->bind_to_port(settings_.host, settings_.port))
            throw std::invalid_argument("--listen " + where + ": " + bindFailure(settings_.host, settings_.port));
        port_ = settings_.port;
    }
    static_cast<MagtwinHttpServer&>(*server_).widenBacklog(kListenBacklog);
}

WebServer::~WebServer() { stop(); }

void WebServer::run() {
    runEntered_ = true;
    if (!stopRequested_) server_->listen_after_bind();
    runExited_ = true;
}

void WebServer::stop() {
    stopRequested_ = true;
    if (!server_) return;
    // run() has begun but its loop may not be listening yet: wait for it (or for run() to see
    // the request and return) so the library's stop() takes effect.
    if (runEntered_)
        while (!server_->is_running() && !runExited_) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    server_->stop();
}

void WebServer::routes() {
    httplib::Server& s = *server_;
    s.set_default_headers({
        {"Content-Security-Policy",
         "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; connect-src 'self'; "
         "base-uri 'none'; form-action 'none'; frame-ancestors 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "no-referrer"},
    });
    s.set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (req.method != "GET" && req.method != "HEAD") {
            res.set_header("Allow", "GET, HEAD");
            sendError(res, 405, "only GET and HEAD are served");
            return HandlerResponse::Handled;
        }
        if (req.target.size() > kMaxTargetBytes) {
            sendError(res, 414, "request target longer than " + std::to_string(kMaxTargetBytes) + " bytes");
            return HandlerResponse::Handled;
        }
        // A GET has no body: one announced (Content-Length > 0, chunked) is refused and the
        // connection closed, so unread bytes are never taken for a next request.
        const std::string length = req.get_header_value("Content-Length");
        if (!req.body.empty() || req.has_header("Transfer-Encoding") ||
            (!length.empty() && length.find_first_not_of('0') != std::string::npos)) {
            res.set_header("Connection", "close");
            sendError(res, 413, "a GET carries no body (at most " + std::to_string(kMaxBodyBytes) + " bytes are read)");
            return HandlerResponse::Handled;
        }
        if (limiter_ && !limiter_->allow(req.remote_addr)) {
            res.set_header("Retry-After", "1");
            sendError(res, 429, "rate limit: " + jsonNumber(settings_.rateLimitPerS) + " requests/s per client");
            return HandlerResponse::Handled;
        }
        return HandlerResponse::Unhandled;
    });
    s.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
        std::string what = "internal error";
        try {
            if (ep) std::rethrow_exception(ep);
        } catch (const std::exception& e) {
            what = e.what();
        } catch (...) {
        }
        sendError(res, 500, what);
    });

    s.Get("/api/status", [this](const httplib::Request& req, httplib::Response& res) {
        const auto snap = watcher_->snapshot();
        if (!req.has_param("tool")) return sendJson(res, 200, snap->statusJson);
        const auto it = snap->toolStatus.find(req.get_param_value("tool"));
        if (it == snap->toolStatus.end())
            return sendError(res, 404, "--tool '" + req.get_param_value("tool") + "' is not in the store");
        sendJson(res, 200, it->second);
    });
    s.Get("/api/tools", [this](const httplib::Request&, httplib::Response& res) {
        sendJson(res, 200, watcher_->snapshot()->toolsJson);
    });
    s.Get("/api/tool", [this](const httplib::Request& req, httplib::Response& res) {
        const auto snap = watcher_->snapshot();
        const auto it = snap->toolDetail.find(req.get_param_value("name"));
        if (it == snap->toolDetail.end())
            return sendError(res, 404, "tool '" + req.get_param_value("name") + "' is not in the store");
        sendJson(res, 200, it->second);
    });
    s.Get("/api/thickness_map", [this](const httplib::Request& req, httplib::Response& res) {
        const auto snap = watcher_->snapshot();
        const auto it = snap->toolMap.find(req.get_param_value("name"));
        if (it == snap->toolMap.end())
            return sendError(res, 404, "tool '" + req.get_param_value("name") + "' is not in the store");
        sendJson(res, 200, it->second);
    });
    s.Get("/api/revision", [this](const httplib::Request&, httplib::Response& res) {
        const auto snap = watcher_->snapshot();
        const std::string error = watcher_->lastError();
        sendJson(res, 200,
                 "{\"revision\":" + jsonString(snap->revision) +
                     ",\"error\":" + (error.empty() ? std::string("null") : jsonString(error)) + "}\n");
    });
    s.Get("/api/.*", [](const httplib::Request& req, httplib::Response& res) {
        sendError(res, 404, "no API " + req.path + " (docs/twin-serve.md)");
    });
    // Assets by exact name from the embedded table: the decoded path must be "/" or "/NAME"
    // with NAME in the table (no '/', so "..", "%2e%2e%2f" and absolute paths find nothing).
    s.Get(".*", [](const httplib::Request& req, httplib::Response& res) {
        const std::string name = req.path == "/" ? "index.html" : req.path.substr(1);
        const ServeAsset* a = name.find('/') == std::string::npos ? findServeAsset(name) : nullptr;
        if (!a) return sendError(res, 404, "not found");
        res.set_header("Cache-Control", "no-cache");
        res.set_content(std::string(a->body), std::string(a->mime).c_str());
    });
}

}  // namespace magtwin
