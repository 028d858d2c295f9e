#include "sync/LogSync.hpp"

#include "store/SampleBlockCodec.hpp"
#include "sync/ResumeState.hpp"

#include <filesystem>

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
            issues_.add(0, "replaced-file", "the file's first " + std::to_string(current->bytesConsumed) +
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
    detector_ = std::make_unique<StepDetector>(format, store.targets(toolId), issues_);
    detector_->setState(resume.detector);
    detector_->setFileId(state_.fileId);
    lastTexts_ = resume.lastTexts;
    hasTexts_ = resume.hasTexts;
    lastTexts_.resize(format.text.size());
}

FileSync::~FileSync() = default;

std::int64_t FileSync::pump(std::size_t maxBatches) {
    std::int64_t rows = 0;
    for (std::size_t n = 0; maxBatches == 0 || n < maxBatches; ++n) {
        if (!reader_->next(batch_, batchRows)) break;
        rows += batch_.rowsRead;
        commitBatch();
    }
    return rows;
}

void FileSync::commitBatch() {
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
    ResumeState resume{reader_->filterState(), detector_->state(), lastTexts_, hasTexts_};
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
    return r;
}

}  // namespace magtwin
