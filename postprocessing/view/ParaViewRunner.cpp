#include "postprocessing/view/ParaViewRunner.hpp"

#include "postprocessing/io/AtomicFile.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <memory>
#include <stdexcept>
#include <thread>

#ifndef MAGTWIN_DEFAULT_PARAVIEW_SCRIPTS
#define MAGTWIN_DEFAULT_PARAVIEW_SCRIPTS "postprocessing/paraview"
#endif
#ifndef MAGTWIN_DEFAULT_PVBATCH
#define MAGTWIN_DEFAULT_PVBATCH "build/paraview/pvbatch"
#endif

extern char** environ;
namespace fs = std::filesystem;

namespace magtwin {
namespace {

bool isExecutable(const std::string& path) { return ::access(path.c_str(), X_OK) == 0 && fs::is_regular_file(path); }

/// Full path of `program` on $PATH, or "" if absent.
std::string onPath(const std::string& program) {
    const char* path = std::getenv("PATH");
    if (!path) return "";
    std::string dirs = path;
    std::size_t start = 0;
    while (start <= dirs.size()) {
        const std::size_t end = std::min(dirs.find(':', start), dirs.size());
        const std::string candidate = dirs.substr(start, end - start) + "/" + program;
        if (end > start && isExecutable(candidate)) return candidate;
        start = end + 1;
    }
    return "";
}

std::vector<char*> cArgs(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    return args;
}

int waitFor(pid_t pid, const std::string& name) {
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) throw std::runtime_error("waiting for '" + name + "' failed");
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

/// Runs argv[0] with `argv` and `env`, waits, returns its exit status (128+signal if killed).
int runProcess(const std::vector<std::string>& argv, const std::vector<std::string>& env) {
    auto args = cArgs(argv);
    auto envp = cArgs(env);
    pid_t pid = 0;
    if (::posix_spawn(&pid, args[0], nullptr, nullptr, args.data(), envp.data()) != 0)
        throw std::runtime_error("cannot start '" + argv[0] + "'");
    return waitFor(pid, argv[0]);
}

/// A private Xvfb for the lifetime of this object, on a display number of its own.
/// Xvfb takes the lock file /tmp/.X<n>-lock atomically before anything else and exits if
/// display n is in use, so trying numbers in turn is race-free against every X server on
/// the machine (xvfb-run's included). Xvfb's automatic choice (-displayfd without a
/// display) is not: two servers started together can both claim the same display
/// ("server already running" on one transport), seen as "bad X server connection".
/// -displayfd is still used, with an explicit display, to learn when Xvfb is ready.
class VirtualDisplay {
public:
    explicit VirtualDisplay(const std::string& xvfb) {
        const int first = 100 + static_cast<int>(::getpid() % 400);  // spread parallel runs apart
        for (int n = first; n < first + 64; ++n)
            if (start(xvfb, n)) {
                display_ = ":" + std::to_string(n);
                return;
            }
        throw std::runtime_error("could not start Xvfb on any of displays :" + std::to_string(first) +
                                 " to :" + std::to_string(first + 63));
    }
    ~VirtualDisplay() { stop(); }
    VirtualDisplay(const VirtualDisplay&) = delete;
    VirtualDisplay& operator=(const VirtualDisplay&) = delete;
    const std::string& display() const { return display_; }

private:
    /// Starts Xvfb on display n; true once it reports ready, false if it exited (in use).
    bool start(const std::string& xvfb, int n) {
        int fds[2];
        if (::pipe(fds) != 0) throw std::runtime_error("pipe() failed");
        posix_spawn_file_actions_t actions;
        ::posix_spawn_file_actions_init(&actions);
        ::posix_spawn_file_actions_addclose(&actions, fds[0]);
        ::posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0);
        ::posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
        auto args = cArgs({xvfb, ":" + std::to_string(n), "-displayfd", std::to_string(fds[1]), "-screen", "0",
                           "1920x1200x24", "-nolisten", "tcp"});
        const int rc = ::posix_spawn(&pid_, args[0], &actions, nullptr, args.data(), environ);
        ::posix_spawn_file_actions_destroy(&actions);
        ::close(fds[1]);
        if (rc != 0) {
            ::close(fds[0]);
            pid_ = 0;
            throw std::runtime_error("cannot start '" + xvfb + "'");
        }
        std::string reported;
        pollfd pfd{fds[0], POLLIN, 0};
        char c = 0;
        while (::poll(&pfd, 1, 20000) > 0 && ::read(fds[0], &c, 1) == 1 && c != '\n') reported += c;
        ::close(fds[0]);
        if (reported == std::to_string(n)) return true;
        stop();  // exited (display in use) or never became ready
        return false;
    }
    void stop() {
        if (pid_ > 0) {
            ::kill(pid_, SIGTERM);
            int status = 0;
            ::waitpid(pid_, &status, 0);
            pid_ = 0;
        }
    }
    pid_t pid_ = 0;
    std::string display_;
};

/// The current environment with DISPLAY replaced by `display`.
std::vector<std::string> environmentWithDisplay(const std::string& display) {
    std::vector<std::string> env;
    for (char** e = environ; *e; ++e)
        if (std::string(*e).rfind("DISPLAY=", 0) != 0) env.emplace_back(*e);
    env.push_back("DISPLAY=" + display);
    return env;
}

}  // namespace

std::string findPvbatch() {
    if (const char* env = std::getenv("MAGTWIN_PVBATCH")) {
        if (!isExecutable(env))
            throw std::runtime_error(std::string("MAGTWIN_PVBATCH='") + env + "' is not executable");
        return env;
    }
    if (isExecutable(MAGTWIN_DEFAULT_PVBATCH)) return MAGTWIN_DEFAULT_PVBATCH;
    const std::string system = onPath("pvbatch");
    if (!system.empty()) return system;
    throw std::runtime_error(std::string("ParaView's pvbatch not found (looked at $MAGTWIN_PVBATCH, ") +
                             MAGTWIN_DEFAULT_PVBATCH + " and PATH): run scripts/install-paraview.sh");
}

std::string paraviewScriptsDir() {
    if (const char* env = std::getenv("MAGTWIN_PARAVIEW_SCRIPTS")) return env;
    return MAGTWIN_DEFAULT_PARAVIEW_SCRIPTS;
}

void renderResultView(const ViewRequest& request) {
    const std::string script = paraviewScriptsDir() + "/" + viewScriptFor(request.kind);
    if (!fs::is_regular_file(script)) throw std::runtime_error("view script '" + script + "' not found");
    const std::string pvbatch = findPvbatch();

    // pvbatch picks the image format from the extension, so the temporary name ends in .png.
    const fs::path png = fs::absolute(request.pngPath);
    if (!fs::is_directory(png.parent_path()))
        throw std::invalid_argument("--png '" + request.pngPath + "': folder " + png.parent_path().string() +
                                    " does not exist");
    const std::string tmp =
        (png.parent_path() / ("." + png.filename().string() + ".tmp-" + std::to_string(::getpid()) + ".png")).string();

    std::vector<std::string> argv;
    for (const std::string& a : {pvbatch, script, std::string("--input"), fs::absolute(request.resultDir).string(),
                                 std::string("--output"), tmp, std::string("--width"), std::to_string(request.width),
                                 std::string("--height"), std::to_string(request.height)})
        argv.push_back(a);
    argv.insert(argv.end(), request.extraArgs.begin(), request.extraArgs.end());

    // Rendering needs an X server: a private Xvfb when installed, else the user's DISPLAY.
    // On some machines (seen in sandboxed CI containers) the X server refuses a fraction
    // of connections ("bad X server connection", pvbatch aborts with SIGABRT); measured
    // here: 7-15 % of XOpenDisplay calls on a fresh Xvfb fail and the next one succeeds.
    // So a pvbatch killed by a signal is retried with a fresh server; a script error
    // (normal exit status != 0) is not.
    const std::string xvfbPath = onPath("Xvfb");
    const char* userDisplay = std::getenv("DISPLAY");
    if (xvfbPath.empty() && !userDisplay)
        throw std::runtime_error("rendering needs an X server: install xvfb (scripts/install-deps.sh) or set DISPLAY");
    // 8 attempts with a growing pause: under heavy load (a fresh-machine check beside four
    // compiles) 4 quick attempts on one display all failed once.
    constexpr int kAttempts = 8;
    int status = -1;
    for (int attempt = 1; attempt <= kAttempts; ++attempt) {
        std::unique_ptr<VirtualDisplay> xvfb;
        std::string display = userDisplay ? userDisplay : "";
        if (!xvfbPath.empty()) {
            xvfb = std::make_unique<VirtualDisplay>(xvfbPath);
            display = xvfb->display();
        }
        status = runProcess(argv, environmentWithDisplay(display));
        if (status < 128 || attempt == kAttempts) break;
        std::cerr << "magtwin view: pvbatch was killed by signal " << status - 128 << " (attempt " << attempt << " of "
                  << kAttempts << "; usually a refused X connection), retrying\n";
        std::this_thread::sleep_for(std::chrono::milliseconds(250 * attempt));
    }
    if (status != 0 || !fs::is_regular_file(tmp)) {
        std::error_code ignored;
        fs::remove(tmp, ignored);
        if (status == 2)  // the script found the folder lacking (message already on stderr)
            throw std::invalid_argument("'" + request.resultDir + "' cannot be drawn as " +
                                        resultKindName(request.kind) + " (see the message above)");
        throw std::runtime_error("pvbatch " + std::string(viewScriptFor(request.kind)) + " failed (exit status " +
                                 std::to_string(status) + ") for '" + request.resultDir + "'");
    }
    commitFile(tmp, png.string());
}

}  // namespace magtwin
