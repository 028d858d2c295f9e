#include "view/ParaViewRunner.hpp"

#include "io/AtomicFile.hpp"

#include <cerrno>
#include <cstdlib>
#include <filesystem>
#include <spawn.h>
#include <stdexcept>
#include <sys/wait.h>
#include <unistd.h>

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

/// Runs argv[0] with `argv`, waits, returns its exit status (128+signal if killed).
int runProcess(const std::vector<std::string>& argv) {
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    pid_t pid = 0;
    if (::posix_spawn(&pid, args[0], nullptr, nullptr, args.data(), environ) != 0)
        throw std::runtime_error("cannot start '" + argv[0] + "'");
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) throw std::runtime_error("waiting for '" + argv[0] + "' failed");
    if (WIFEXITED(status)) return WEXITSTATUS(status);
    return 128 + (WIFSIGNALED(status) ? WTERMSIG(status) : 0);
}

}  // namespace

std::string findPvbatch() {
    if (const char* env = std::getenv("MAGTWIN_PVBATCH")) {
        if (!isExecutable(env)) throw std::runtime_error(std::string("MAGTWIN_PVBATCH='") + env + "' is not executable");
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
    const std::string tmp =
        (png.parent_path() / ("." + png.filename().string() + ".tmp-" + std::to_string(::getpid()) + ".png")).string();

    std::vector<std::string> argv;
    const std::string xvfb = onPath("xvfb-run");
    if (!xvfb.empty()) {
        argv = {xvfb, "-a", "-s", "-screen 0 1920x1200x24"};
    } else if (!std::getenv("DISPLAY")) {
        throw std::runtime_error("rendering needs an X server: install xvfb (scripts/install-deps.sh) or set DISPLAY");
    }
    for (const std::string& a : {pvbatch, script, std::string("--input"), fs::absolute(request.resultDir).string(),
                                 std::string("--output"), tmp, std::string("--width"), std::to_string(request.width),
                                 std::string("--height"), std::to_string(request.height)})
        argv.push_back(a);
    argv.insert(argv.end(), request.extraArgs.begin(), request.extraArgs.end());

    const int status = runProcess(argv);
    if (status != 0 || !fs::is_regular_file(tmp)) {
        std::error_code ignored;
        fs::remove(tmp, ignored);
        throw std::runtime_error("pvbatch " + std::string(viewScriptFor(request.kind)) + " failed (exit status " +
                                 std::to_string(status) + ") for '" + request.resultDir + "'");
    }
    commitFile(tmp, png.string());
}

}  // namespace magtwin
