#include "twin/logs/LogIssues.hpp"

#include <algorithm>

namespace magtwin {

void LogIssues::add(std::int64_t line, const std::string& kind, const std::string& message) {
    Tally& t = tally_[kind];
    if (++t.count <= kListedPerKind) {
        listed_.push_back({line, kind, message});
        return;
    }
    if (t.firstUnlisted == 0) t.firstUnlisted = line;
    t.lastUnlisted = line;
}

std::int64_t LogIssues::count(const std::string& kind) const {
    const auto it = tally_.find(kind);
    return it == tally_.end() ? 0 : it->second.count;
}

std::vector<LogIssue> LogIssues::listed() const {
    std::vector<LogIssue> out = listed_;
    for (const auto& [kind, t] : tally_)
        if (t.count > kListedPerKind)
            out.push_back({t.firstUnlisted, kind,
                           std::to_string(t.count - kListedPerKind) + " more '" + kind + "' rows (lines " +
                               std::to_string(t.firstUnlisted) + "-" + std::to_string(t.lastUnlisted) + ")"});
    std::stable_sort(out.begin(), out.end(), [](const LogIssue& a, const LogIssue& b) { return a.line < b.line; });
    return out;
}

}  // namespace magtwin
