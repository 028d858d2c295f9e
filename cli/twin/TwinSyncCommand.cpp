// `magtwin twin sync` and `magtwin twin follow`: logs -> store (twin/sync/LogSync).
#include "cli/twin/TwinCommands.hpp"

#include "boundary/util/Json.hpp"
#include "cli/UsageError.hpp"
#include "cli/twin/TwinToolFile.hpp"
#include "twin/equipment/E10States.hpp"
#include "twin/sync/LogSync.hpp"

#include <sys/stat.h>
#include <chrono>
#include <csignal>
#include <filesystem>
#include <iostream>
#include <thread>

namespace magtwin {

namespace {

/// Progress on stderr, at most once a second.
class Progress {
public:
    explicit Progress(std::string path) : path_(std::move(path)) {
        std::error_code ec;
        size_ = std::filesystem::file_size(path_, ec);
    }
    void operator()(std::uint64_t bytes) {
        const auto now = std::chrono::steady_clock::now();
        if (now - last_ < std::chrono::seconds(1)) return;
        last_ = now;
        std::cerr << "[twin sync] " << path_ << ": " << bytes / 1000000 << " of " << size_ / 1000000 << " MB\n";
    }

private:
    std::string path_;
    std::uint64_t size_ = 0;
    std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

void printIssues(const FileSyncReport& r) {
    for (const auto& i : r.issues) std::cerr << r.path << ":" << i.line << ": " << i.kind << ": " << i.message << "\n";
}

volatile std::sig_atomic_t stopRequested = 0;
extern "C" void requestStop(int) { stopRequested = 1; }

struct FileIdentity {
    dev_t device = 0;
    ino_t inode = 0;
    bool exists = false;
};

FileIdentity identityOf(const std::string& path) {
    struct stat st;
    if (::stat(path.c_str(), &st) != 0) return {};
    return {st.st_dev, st.st_ino, true};
}

}  // namespace

int runTwinSync(const TwinSyncOptions& o) {
    const TwinToolFile tool = loadTwinToolFile(o.toolFile);
    const LogFormat& format = tool.format(o.format);
    for (const auto& log : o.logs) {
        if (!std::filesystem::is_regular_file(log)) throw UsageError("log '" + log + "' not found");
        LogIssues ignored;
        LogReader check(format, log, ignored, 4096);  // header and mapping, before the store is touched
    }
    auto store = openStore(o.store);
    const std::int64_t toolId = store->ensureTool(tool.name);
    saveEquipmentRules(*store, toolId, format);  // the E10 rules for readers of the store alone
    // One file after the other: each FileSync starts from the store as the previous file
    // left it (targets' energy, other files' time spans).
    std::vector<FileSyncReport> reports;
    for (const auto& log : o.logs) {
        FileSync sync(*store, toolId, format, log);
        Progress progress(log);
        sync.onCommit = [&](std::uint64_t b) { progress(b); };
        sync.pump();
        sync.reportPendingLine();
        reports.push_back(sync.report());
    }
    const StoreTotals totals = store->totals(toolId);
    if (o.json) {
        std::cout << "{\"files\":[";
        for (std::size_t f = 0; f < reports.size(); ++f) {
            const auto& r = reports[f];
            std::cout << (f ? "," : "") << "{\"path\":" << jsonString(r.path) << ",\"rows_read\":" << r.rowsRead
                      << ",\"rows_added\":" << r.rowsAdded << ",\"rows_rejected\":" << r.rowsRejected
                      << ",\"issues\":[";
            for (std::size_t i = 0; i < r.issues.size(); ++i)
                std::cout << (i ? "," : "") << "{\"line\":" << r.issues[i].line
                          << ",\"kind\":" << jsonString(r.issues[i].kind)
                          << ",\"message\":" << jsonString(r.issues[i].message) << "}";
            std::cout << "]}";
        }
        std::cout << "],\"rows_total\":" << totals.rows << ",\"steps_total\":" << totals.steps << "}\n";
    } else {
        for (const auto& r : reports) {
            printIssues(r);
            std::cout << r.path << ": " << r.rowsRead << " rows read, " << r.rowsAdded << " added, " << r.rowsRejected
                      << " rejected, " << r.issues.size() << " issues\n";
        }
        std::cout << "store " << o.store << ": " << totals.rows << " rows, " << totals.steps << " steps\n";
    }
    return 0;
}

int runTwinFollow(const TwinSyncOptions& o) {
    const TwinToolFile tool = loadTwinToolFile(o.toolFile);
    const LogFormat& format = tool.format(o.format);
    const std::string path = o.logs.front();
    auto store = openStore(o.store);
    const std::int64_t toolId = store->ensureTool(tool.name);
    saveEquipmentRules(*store, toolId, format);  // the E10 rules for readers of the store alone
    stopRequested = 0;
    std::signal(SIGINT, requestStop);
    std::signal(SIGTERM, requestStop);
    // Batches of at most batchRows rows, re-polled every poll interval: a row appended to the
    // file is committed within one poll interval plus one batch (well under 1 s).
    const auto poll = std::chrono::milliseconds(o.pollMs);
    while (!stopRequested && !identityOf(path).exists) std::this_thread::sleep_for(poll);
    std::int64_t total = 0;
    auto lastProgress = std::chrono::steady_clock::now();
    while (!stopRequested) {
        const FileIdentity id = identityOf(path);
        std::unique_ptr<FileSync> opened;
        try {
            opened = std::make_unique<FileSync>(*store, toolId, format, path);
        } catch (const LogHeaderNotFound&) {
            // A new (rotated) file whose header is not written yet: wait for it.
            if (std::chrono::steady_clock::now() - lastProgress > std::chrono::seconds(o.headerWaitS)) throw;
            std::this_thread::sleep_for(poll);
            continue;
        }
        FileSync& sync = *opened;
        sync.batchRows = 4096;
        for (;;) {
            total += sync.pump();
            lastProgress = std::chrono::steady_clock::now();
            if (stopRequested) break;
            const FileIdentity now = identityOf(path);
            std::error_code ec;
            const auto size = std::filesystem::file_size(path, ec);
            const bool rotated =
                !now.exists || now.inode != id.inode || now.device != id.device || (!ec && size < sync.consumedBytes());
            if (rotated) {
                total += sync.pump();  // the old file's last complete lines (still open)
                std::cerr << "[twin follow] " << path << ": rotated; continuing with the new file\n";
                while (!stopRequested && !identityOf(path).exists) std::this_thread::sleep_for(poll);
                break;
            }
            std::this_thread::sleep_for(poll);
        }
        printIssues(sync.report());
    }
    std::cerr << "[twin follow] stopped; " << total << " rows read, all committed\n";
    return 0;
}

}  // namespace magtwin
