// A small JSON reader for the `twin serve` tests (RFC 8259 values: objects, arrays, strings with
// the escapes jsonString writes, numbers by strtod, true/false/null), written apart from the
// program's writer so a test reads what a client reads. Throws std::runtime_error on bad text.
#pragma once

#include <cmath>
#include <cstdlib>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

namespace magtwin::test {

struct Json {
    enum class Kind { Null, Bool, Number, String, Array, Object } kind = Kind::Null;
    bool b = false;
    double n = 0.0;
    std::string s;
    std::vector<Json> a;
    std::map<std::string, Json> o;

    const Json& operator[](const std::string& key) const {
        const auto it = o.find(key);
        if (kind != Kind::Object || it == o.end()) throw std::runtime_error("json: no key '" + key + "'");
        return it->second;
    }
    const Json& operator[](std::size_t i) const {
        if (kind != Kind::Array || i >= a.size()) throw std::runtime_error("json: no element " + std::to_string(i));
        return a[i];
    }
    bool has(const std::string& key) const { return kind == Kind::Object && o.count(key); }
    bool isNull() const { return kind == Kind::Null; }
    /// The number; null reads as NaN (how the writer spells a non-finite value).
    double num() const {
        if (kind == Kind::Null) return std::nan("");
        if (kind != Kind::Number) throw std::runtime_error("json: not a number");
        return n;
    }
    std::size_t size() const { return kind == Kind::Array ? a.size() : o.size(); }
};

class JsonReader {
public:
    static Json parse(const std::string& text) {
        JsonReader r(text);
        Json v = r.value();
        r.space();
        if (r.p_ != r.t_.size()) r.fail("text after the value");
        return v;
    }

private:
    explicit JsonReader(const std::string& t) : t_(t) {}
    [[noreturn]] void fail(const std::string& what) const {
        throw std::runtime_error("json: " + what + " at byte " + std::to_string(p_));
    }
    void space() {
        while (p_ < t_.size() && (t_[p_] == ' ' || t_[p_] == '\n' || t_[p_] == '\r' || t_[p_] == '\t')) ++p_;
    }
    bool take(char c) {
        space();
        if (p_ < t_.size() && t_[p_] == c) return ++p_, true;
        return false;
    }
    void expect(char c) {
        if (!take(c)) fail(std::string("expected '") + c + "'");
    }
    bool word(const char* w) {
        const std::string s(w);
        if (t_.compare(p_, s.size(), s) != 0) return false;
        p_ += s.size();
        return true;
    }
    std::string string() {
        expect('"');
        std::string out;
        while (p_ < t_.size() && t_[p_] != '"') {
            char c = t_[p_++];
            if (c != '\\') {
                out += c;
                continue;
            }
            if (p_ >= t_.size()) fail("bad escape");
            c = t_[p_++];
            switch (c) {
                case 'n':
                    out += '\n';
                    break;
                case 't':
                    out += '\t';
                    break;
                case 'r':
                    out += '\r';
                    break;
                case 'b':
                    out += '\b';
                    break;
                case 'f':
                    out += '\f';
                    break;
                case 'u': {
                    const unsigned cp = std::stoul(t_.substr(p_, 4), nullptr, 16);
                    p_ += 4;
                    if (cp < 0x80)
                        out += char(cp);
                    else if (cp < 0x800)
                        out += char(0xC0 | (cp >> 6)), out += char(0x80 | (cp & 0x3F));
                    else
                        out += char(0xE0 | (cp >> 12)), out += char(0x80 | ((cp >> 6) & 0x3F)),
                            out += char(0x80 | (cp & 0x3F));
                    break;
                }
                default:
                    out += c;
            }
        }
        if (p_ >= t_.size()) fail("unterminated string");
        ++p_;
        return out;
    }
    Json value() {
        space();
        if (p_ >= t_.size()) fail("no value");
        Json v;
        const char c = t_[p_];
        if (c == '{') {
            ++p_;
            v.kind = Json::Kind::Object;
            if (take('}')) return v;
            do {
                const std::string k = string();
                expect(':');
                v.o[k] = value();
            } while (take(','));
            expect('}');
        } else if (c == '[') {
            ++p_;
            v.kind = Json::Kind::Array;
            if (take(']')) return v;
            do v.a.push_back(value());
            while (take(','));
            expect(']');
        } else if (c == '"') {
            v.kind = Json::Kind::String;
            v.s = string();
        } else if (word("true")) {
            v.kind = Json::Kind::Bool, v.b = true;
        } else if (word("false")) {
            v.kind = Json::Kind::Bool;
        } else if (word("null")) {
        } else {
            char* end = nullptr;
            v.n = std::strtod(t_.c_str() + p_, &end);
            if (end == t_.c_str() + p_) fail("bad value");
            v.kind = Json::Kind::Number;
            p_ = std::size_t(end - t_.c_str());
        }
        return v;
    }
    const std::string& t_;
    std::size_t p_ = 0;
};

}  // namespace magtwin::test
