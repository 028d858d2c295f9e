#include "twin/sync/LogSync.hpp"

#include "twin/store/SampleBlockCodec.hpp"
#include "twin/sync/ResumeState.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>

namespace magtwin {

std::string storePathOf(const std::string& path) {
    std::error_code ec;
    const auto p = std::filesystem::weakly_canonical(std::filesystem::absolute(path), ec);
    return ec ? std::filesystem::absolute(path).lexically_normal().string() : p.string();
}

FileSync::FileSync(TwinStore& store, std::int64_t toolId, const LogFormat& format, const std::string& path)
    : store_(store), toolId_(toolId), format_(format), path_(path) {
    counts_.path = path;
    reader_ = std::make_unique<LogReader>(format, path, issues_);
    ResumeState resume;
    const auto current = store.currentFile(toolId, storePathOf(path));
    bool continues = false;
    if (current && current->format == format.name) {
        continues = reader_->resumeAfter(current->bytesConsumed, current->prefixHash, current->lastLine);
        if (!continues)
            issues_.add(0, "replaced-file",
                        "the file's first " + std::to_string(current->bytesConsumed) +
                            " bytes differ from what was synced: stored as a new file");
    }
    if (continues) {
        state_ = *current;
        resume = decodeResumeState(current->resumeState);
    } else {
        state_ = LogFileState{};
        state_.path = storePathOf(path);
        state_.format = format.name;
        for (const auto& c : format.numeric) state_.channels.push_back(c.key);
        for (const auto& i : reader_->layout().headerIssues) issues_.add(i.line, i.kind, i.message);
    }
    std::vector<TimeSpan> spans;
    for (const auto& [a, b] : store.otherSpans(toolId, state_.fileId)) spans.push_back({a, b});
    reader_->setOtherSpans(std::move(spans));
    reader_->setFilterState(resume.filter);
    detector_ = std::make_unique<StepDetector>(format, store.targets(toolId), detectorIssues_);
    detector_->setState(resume.detector);
    detector_->setFileId(state_.fileId);
    lastTexts_ = resume.lastTexts;
    hasTexts_ = resume.hasTexts;
    lastTexts_.resize(format.text.size());
}

FileSync::~FileSync() = default;

std::int64_t FileSync::pump() {
    // A two-slot hand-over between the parsing thread and this one.
    std::mutex m;
    std::condition_variable cv;
    std::deque<LogRowBatch> ready, spare;  // spare: committed batches, reused (no new pages)
    bool done = false, stop = false;
    std::exception_ptr failure;
    std::thread parser([&] {
        try {
            for (;;) {
                LogRowBatch b;
                {
                    std::lock_guard<std::mutex> lock(m);
                    if (!spare.empty()) b = std::move(spare.front()), spare.pop_front();
                }
                const bool more = reader_->next(b, batchRows);
                std::unique_lock<std::mutex> lock(m);
                cv.wait(lock, [&] { return ready.size() < 2 || stop; });
                if (stop) break;
                if (more) ready.push_back(std::move(b));
                if (!more) break;
                cv.notify_all();
            }
        } catch (...) {
            std::lock_guard<std::mutex> lock(m);
            failure = std::current_exception();
        }
        std::lock_guard<std::mutex> lock(m);
        done = true;
        cv.notify_all();
    });
    std::int64_t rows = 0;
    try {
        for (;;) {
            LogRowBatch b;
            {
                std::unique_lock<std::mutex> lock(m);
                cv.wait(lock, [&] { return !ready.empty() || done; });
                if (ready.empty()) break;
                b = std::move(ready.front());
                ready.pop_front();
                cv.notify_all();
            }
            rows += b.rowsRead;
            commitBatch(b);
            std::lock_guard<std::mutex> lock(m);
            spare.push_back(std::move(b));
        }
    } catch (...) {
        {
            std::lock_guard<std::mutex> lock(m);
            stop = true;
            cv.notify_all();
        }
        parser.join();
        throw;
    }
    parser.join();
    if (failure) std::rethrow_exception(failure);
    return rows;
}

void FileSync::commitBatch(const LogRowBatch& batch_) {
    SyncCommit c;
    c.toolId = toolId_;
    const std::size_t rows = batch_.rows();
    if (rows > 0) {
        c.samples = SampleBlock{state_.rowsStored, static_cast<std::int64_t>(rows),
                                encodeSamples(batch_.lines, batch_.times, batch_.values, batch_.numericCount)};
        for (std::size_t r = 0; r < rows; ++r) {
            for (std::size_t k = 0; k < format_.text.size(); ++k) {
                const std::string& v = batch_.text(r, static_cast<int>(k));
                if (hasTexts_ && v == lastTexts_[k]) continue;
                c.textChanges.push_back({batch_.lines[r], batch_.times[r], format_.text[k].key, v});
                lastTexts_[k] = v;
            }
            hasTexts_ = true;
        }
        detector_->process(batch_, c.steps);
        c.targets = detector_->takeChangedTargets();
        if (!state_.hasSpan) state_.firstTime = batch_.times.front();
        state_.hasSpan = true;
        state_.lastTime = batch_.times.back();
    }
    state_.bytesConsumed = batch_.endOffset;
    state_.prefixHash = batch_.prefixHash;
    state_.rowsConsumed += batch_.rowsRead;
    state_.rowsStored += static_cast<std::int64_t>(rows);
    state_.lastLine = batch_.endLine;
    ResumeState resume{batch_.filterAfter, detector_->state(), lastTexts_, hasTexts_};
    state_.resumeState = encodeResumeState(resume);
    c.file = state_;
    const std::int64_t id = store_.commit(c);
    if (state_.fileId == 0) {
        state_.fileId = id;
        detector_->setFileId(id);
    }
    counts_.rowsRead += batch_.rowsRead;
    counts_.rowsRejected += batch_.rowsRejected;
    counts_.rowsAdded += static_cast<std::int64_t>(rows);
    if (onCommit) onCommit(state_.bytesConsumed);
}

FileSyncReport FileSync::report() const {
    FileSyncReport r = counts_;
    r.issues = issues_.listed();
    for (const auto& i : detectorIssues_.listed()) r.issues.push_back(i);
    std::stable_sort(r.issues.begin(), r.issues.end(),
                     [](const LogIssue& a, const LogIssue& b) { return a.line < b.line; });
    return r;
}

}  // namespace magtwin
