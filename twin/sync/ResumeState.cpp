#include "twin/sync/ResumeState.hpp"

#include <cstdio>
#include <cstdlib>
#include <stdexcept>

namespace magtwin {

namespace {

class Writer {
public:
    void number(double v) {
        char buf[40];
        std::snprintf(buf, sizeof buf, "%a ", v);
        out += buf;
    }
    void integer(long long v) { out += std::to_string(v) + " "; }
    void text(const std::string& s) { out += std::to_string(s.size()) + ":" + s + " "; }
    void numbers(const std::vector<double>& v) {
        integer(static_cast<long long>(v.size()));
        for (double x : v) number(x);
    }
    void texts(const std::vector<std::string>& v) {
        integer(static_cast<long long>(v.size()));
        for (const auto& x : v) text(x);
    }
    std::string out = "v1 ";
};

class Reader {
public:
    explicit Reader(const std::string& s) : s_(s) {
        if (s_.compare(0, 3, "v1 ") != 0) fail();
        at_ = 3;
    }
    double number() {
        char* end = nullptr;
        const double v = std::strtod(s_.c_str() + at_, &end);
        advance(end);
        return v;
    }
    long long integer() {
        char* end = nullptr;
        const long long v = std::strtoll(s_.c_str() + at_, &end, 10);
        advance(end);
        return v;
    }
    std::string text() {
        char* end = nullptr;
        const unsigned long long n = std::strtoull(s_.c_str() + at_, &end, 10);
        if (end == s_.c_str() + at_ || *end != ':') fail();
        const std::size_t start = static_cast<std::size_t>(end - s_.c_str()) + 1;
        if (start + n + 1 > s_.size()) fail();
        at_ = start + n + 1;
        return s_.substr(start, n);
    }
    std::vector<double> numbers() {
        std::vector<double> v(count());
        for (auto& x : v) x = number();
        return v;
    }
    std::vector<std::string> texts() {
        std::vector<std::string> v(count());
        for (auto& x : v) x = text();
        return v;
    }

private:
    std::size_t count() {
        const long long n = integer();
        if (n < 0 || static_cast<std::size_t>(n) > s_.size()) fail();
        return static_cast<std::size_t>(n);
    }
    void advance(char* end) {
        if (end == s_.c_str() + at_ || *end != ' ') fail();
        at_ = static_cast<std::size_t>(end - s_.c_str()) + 1;
    }
    [[noreturn]] void fail() const { throw std::runtime_error("store: unreadable resume state of a log file"); }
    const std::string& s_;
    std::size_t at_ = 0;
};

}  // namespace

std::string encodeResumeState(const ResumeState& s) {
    Writer w;
    w.integer(s.filter.hasLast);
    w.number(s.filter.lastTime);
    w.numbers(s.filter.recentIntervals);
    const DetectorState& d = s.detector;
    w.integer(d.hasPrev);
    w.number(d.prevTime);
    w.numbers(d.prevSourcePower);
    w.numbers(d.prevSetpoint);
    w.texts(d.currentTarget);
    w.integer(d.stepOpen);
    w.integer(static_cast<long long>(d.stepSources));
    const StepRecord& st = d.step;
    w.integer(st.startLine), w.integer(st.endLine), w.number(st.startTime), w.number(st.endTime), w.text(st.label);
    w.integer(static_cast<long long>(st.sources.size()));
    for (const auto& e : st.sources) w.text(e.source), w.text(e.targetId), w.number(e.energyJ);
    w.integer(s.hasTexts);
    w.texts(s.lastTexts);
    return w.out;
}

ResumeState decodeResumeState(const std::string& text) {
    ResumeState s;
    if (text.empty()) return s;
    Reader r(text);
    s.filter.hasLast = r.integer() != 0;
    s.filter.lastTime = r.number();
    s.filter.recentIntervals = r.numbers();
    DetectorState& d = s.detector;
    d.hasPrev = r.integer() != 0;
    d.prevTime = r.number();
    d.prevSourcePower = r.numbers();
    d.prevSetpoint = r.numbers();
    d.currentTarget = r.texts();
    d.stepOpen = r.integer() != 0;
    d.stepSources = static_cast<std::uint64_t>(r.integer());
    StepRecord& st = d.step;
    st.startLine = r.integer(), st.endLine = r.integer(), st.startTime = r.number(), st.endTime = r.number();
    st.label = r.text();
    st.open = d.stepOpen;
    const long long n = r.integer();
    for (long long i = 0; i < n; ++i) {
        StepSourceEnergy e;
        e.source = r.text();
        e.targetId = r.text();
        e.energyJ = r.number();
        st.sources.push_back(e);
    }
    s.hasTexts = r.integer() != 0;
    s.lastTexts = r.texts();
    return s;
}

}  // namespace magtwin
