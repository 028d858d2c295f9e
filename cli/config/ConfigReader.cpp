#include "cli/config/ConfigReader.hpp"

#include "twin/logs/EditDistance.hpp"

#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace magtwin {

namespace {

std::string joined(const std::vector<std::string>& v) {
    std::string s;
    for (const auto& x : v) s += (s.empty() ? "" : ", ") + x;
    return s;
}

std::optional<double> parseNumber(const std::string& s) {
    const char* b = s.c_str();
    char* e = nullptr;
    const double v = std::strtod(b, &e);
    if (e == b) return std::nullopt;
    while (*e == ' ') ++e;
    if (*e != '\0' || !std::isfinite(v)) return std::nullopt;
    return v;
}

}  // namespace

std::string closestMatch(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t bestD = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& c : candidates) {
        const std::size_t d = editDistance(word, c);
        if (d < bestD) {
            bestD = d;
            best = c;
        }
    }
    return best;
}

struct ConfigSection::Known {
    std::set<std::string> keys;
    std::map<std::string, Dimension> quantities;
};

struct ConfigSection::Shared {
    std::string file;
    struct Entry {
        YAML::Node node;
        std::string path;
        std::shared_ptr<Known> known;
    };
    std::vector<Entry> sections;
};

ConfigSection::ConfigSection(std::shared_ptr<Shared> shared, std::unique_ptr<YAML::Node> node, std::string path)
    : shared_(std::move(shared)), node_(std::move(node)), path_(std::move(path)) {
    for (const auto& e : shared_->sections)
        if (e.path == path_) known_ = e.known;
    if (!known_) {
        known_ = std::make_shared<Known>();
        shared_->sections.push_back({*node_, path_, known_});
    }
}

ConfigSection::~ConfigSection() = default;
ConfigSection::ConfigSection(const ConfigSection& o)
    : shared_(o.shared_), node_(std::make_unique<YAML::Node>(*o.node_)), path_(o.path_), known_(o.known_) {}
ConfigSection& ConfigSection::operator=(const ConfigSection& o) {
    if (this != &o) {
        shared_ = o.shared_;
        node_ = std::make_unique<YAML::Node>(*o.node_);
        path_ = o.path_;
        known_ = o.known_;
    }
    return *this;
}

ConfigSection ConfigSection::parse(const std::string& text, const std::string& sourceName) {
    auto shared = std::make_shared<Shared>();
    shared->file = sourceName;
    YAML::Node root;
    try {
        root = YAML::Load(text);
    } catch (const YAML::Exception& e) {
        throw ConfigError(sourceName + ":" + std::to_string(e.mark.line + 1) + ": YAML syntax error: " + e.msg);
    }
    if (!root.IsMap()) throw ConfigError(sourceName + ":1: expected a YAML mapping of sections (key: value)");
    return ConfigSection(shared, std::make_unique<YAML::Node>(root), "");
}

ConfigSection ConfigSection::loadFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw ConfigError(path + ": cannot open the config file");
    std::stringstream ss;
    ss << in.rdbuf();
    return parse(ss.str(), path);
}

const std::string& ConfigSection::file() const { return shared_->file; }
int ConfigSection::line() const { return node_->Mark().line + 1; }

std::string ConfigSection::keyPath(const std::string& key) const { return path_.empty() ? key : path_ + "." + key; }

int ConfigSection::lineOf(const std::string& key) const {
    const YAML::Node n = (*node_)[key];
    if (n.IsDefined() && n.Mark().line >= 0) return n.Mark().line + 1;
    return line();
}

void ConfigSection::fail(const std::string& key, const std::string& what) const {
    throw ConfigError(file() + ":" + std::to_string(lineOf(key)) + ": key '" + keyPath(key) + "': " + what);
}

YAML::Node ConfigSection::child(const std::string& key) const { return (*node_)[key]; }

void ConfigSection::failMissing(const std::string& key, const std::string& what) const {
    // A misspelt key shows up as a missing one: point at the misspelling instead.
    for (auto it = node_->begin(); it != node_->end(); ++it) {
        if (!it->first.IsScalar()) continue;  // a list or map as a key: rejectUnknownKeys reports it
        const std::string present = it->first.as<std::string>();
        if (present != key && !known_->keys.count(present) && closestMatch(present, {key}) == key)
            throw ConfigError(file() + ":" + std::to_string(it->first.Mark().line + 1) + ": unknown key '" +
                              keyPath(present) + "'; did you mean '" + key + "'?");
    }
    fail(key, what);
}

bool ConfigSection::has(const std::string& key) const {
    known_->keys.insert(key);
    return child(key).IsDefined() && !child(key).IsNull();
}

ConfigSection ConfigSection::section(const std::string& key) const {
    if (!has(key)) failMissing(key, "missing section (required)");
    const YAML::Node n = child(key);
    if (!n.IsMap()) fail(key, "expected a section of 'key: value' lines");
    return ConfigSection(shared_, std::make_unique<YAML::Node>(n), keyPath(key));
}

std::optional<ConfigSection> ConfigSection::optionalSection(const std::string& key) const {
    if (!has(key)) return std::nullopt;
    return section(key);
}

std::vector<ConfigSection> ConfigSection::sectionList(const std::string& key) const {
    if (!has(key)) failMissing(key, "missing list (required)");
    const YAML::Node n = child(key);
    if (!n.IsSequence() || n.size() == 0) fail(key, "expected a non-empty list (lines starting with '-')");
    std::vector<ConfigSection> out;
    for (std::size_t i = 0; i < n.size(); ++i) {
        const std::string p = keyPath(key) + "[" + std::to_string(i) + "]";
        if (!n[i].IsMap())
            throw ConfigError(file() + ":" + std::to_string(n[i].Mark().line + 1) + ": key '" + p +
                              "': expected a section of 'key: value' lines");
        out.push_back(ConfigSection(shared_, std::make_unique<YAML::Node>(n[i]), p));
    }
    return out;
}

std::string ConfigSection::text(const std::string& key) const {
    if (!has(key)) failMissing(key, "missing (required)");
    const YAML::Node n = child(key);
    if (!n.IsScalar()) fail(key, "expected a single value");
    return n.Scalar();
}

std::string ConfigSection::textOr(const std::string& key, const std::string& fallback) const {
    return has(key) ? text(key) : fallback;
}

std::string ConfigSection::choice(const std::string& key, const std::vector<std::string>& choices,
                                  const std::string& fallback) const {
    const std::string v = fallback.empty() ? text(key) : textOr(key, fallback);
    if (std::find(choices.begin(), choices.end(), v) == choices.end()) {
        const std::string near = closestMatch(v, choices);
        fail(key, "'" + v + "' is not valid; expected one of: " + joined(choices) +
                      (near.empty() ? "" : " (did you mean '" + near + "'?)"));
    }
    return v;
}

double ConfigSection::number(const std::string& key) const {
    const std::string t = text(key);
    const auto v = parseNumber(t);
    if (!v) fail(key, "expected a plain number, got '" + t + "'");
    return *v;
}

double ConfigSection::numberOr(const std::string& key, double fallback) const {
    return has(key) ? number(key) : fallback;
}

int ConfigSection::integerOr(const std::string& key, int fallback) const {
    if (!has(key)) return fallback;
    const double v = number(key);
    if (v != std::floor(v) || std::abs(v) > 1e9) fail(key, "expected a whole number");
    return static_cast<int>(v);
}

std::string ConfigSection::presentQuantityKey(const std::string& key, Dimension d) const {
    known_->keys.insert(key);
    known_->quantities[key] = d;
    std::vector<std::string> present;
    if (child(key).IsDefined()) present.push_back(key);
    for (const auto& u : unitsOf(d))
        if (child(key + "_" + u).IsDefined()) present.push_back(key + "_" + u);
    if (present.size() > 1) fail(present[1], "given twice (also as '" + present[0] + "'); keep one");
    return present.empty() ? "" : present.front();
}

std::optional<double> ConfigSection::optionalQuantity(const std::string& key, Dimension d) const {
    const std::string k = presentQuantityKey(key, d);
    if (k.empty()) return std::nullopt;
    const YAML::Node n = child(k);
    if (!n.IsScalar()) fail(k, "expected a single " + dimensionName(d) + " like '" + exampleQuantity(d) + "'");
    const std::string units = joined(unitsOf(d));
    if (k != key) {  // unit in the key: the value is a plain number
        const auto v = parseNumber(n.Scalar());
        if (!v) fail(k, "expected a plain number (the unit is in the key), got '" + n.Scalar() + "'");
        return *v * *unitFactor(d, k.substr(key.size() + 1));
    }
    const auto q = splitQuantity(n.Scalar());
    if (!q) fail(k, "expected a " + dimensionName(d) + " like '" + exampleQuantity(d) + "', got '" + n.Scalar() + "'");
    if (q->unit.empty() && unitOptional(d)) return q->value;
    if (q->unit.empty())
        fail(k, "missing unit in '" + n.Scalar() + "': write a " + dimensionName(d) + " like '" + exampleQuantity(d) +
                    "' (units: " + units + ") or put the unit in the key ('" + key + "_" +
                    unitsOf(d)[1 % unitsOf(d).size()] + ": ...')");
    const auto f = unitFactor(d, q->unit);
    if (!f) fail(k, "unit '" + q->unit + "' is not a " + dimensionName(d) + " unit; use one of: " + units);
    return q->value * *f;
}

double ConfigSection::quantity(const std::string& key, Dimension d) const {
    const auto v = optionalQuantity(key, d);
    if (!v) failMissing(key, "missing (required), e.g. '" + key + ": " + exampleQuantity(d) + "'");
    return *v;
}

double ConfigSection::quantityOr(const std::string& key, Dimension d, double fallback) const {
    const auto v = optionalQuantity(key, d);
    return v ? *v : fallback;
}

double ConfigSection::positiveQuantity(const std::string& key, Dimension d, bool allowZero) const {
    const double v = quantity(key, d);
    if (v < 0.0 || (!allowZero && v == 0.0))
        fail(presentQuantityKey(key, d),
             std::string("must be ") + (allowZero ? ">= 0" : "positive") + " (a " + dimensionName(d) + ")");
    return v;
}

std::vector<double> ConfigSection::quantityList(const std::string& key, Dimension d) const {
    const std::string k = presentQuantityKey(key, d);
    std::vector<double> out;
    if (k.empty()) return out;
    const YAML::Node n = child(k);
    if (!n.IsSequence()) fail(k, "expected a list like [" + exampleQuantity(d) + ", ...]");
    for (std::size_t i = 0; i < n.size(); ++i) {
        const std::string item = n[i].IsScalar() ? n[i].Scalar() : "";
        if (k != key) {
            const auto v = parseNumber(item);
            if (!v) fail(k, "item " + std::to_string(i + 1) + ": expected a plain number, got '" + item + "'");
            out.push_back(*v * *unitFactor(d, k.substr(key.size() + 1)));
            continue;
        }
        const auto q = splitQuantity(item);
        const auto f = !q                                     ? std::nullopt
                       : (q->unit.empty() && unitOptional(d)) ? std::optional<double>(1.0)
                                                              : unitFactor(d, q->unit);
        if (!q || !f)
            fail(k, "item " + std::to_string(i + 1) + " '" + item + "': expected a " + dimensionName(d) + " like '" +
                        exampleQuantity(d) + "' (units: " + joined(unitsOf(d)) + ")");
        out.push_back(q->value * *f);
    }
    return out;
}

std::vector<double> ConfigSection::numberList(const std::string& key) const {
    std::vector<double> out;
    if (!has(key)) return out;
    const YAML::Node n = child(key);
    if (!n.IsSequence()) fail(key, "expected a list of numbers like [0.9, 1.1]");
    for (std::size_t i = 0; i < n.size(); ++i) {
        const auto v = n[i].IsScalar() ? parseNumber(n[i].Scalar()) : std::nullopt;
        if (!v) fail(key, "item " + std::to_string(i + 1) + ": expected a plain number");
        out.push_back(*v);
    }
    return out;
}

std::vector<std::pair<double, double>> ConfigSection::numberPairs(const std::string& key) const {
    std::vector<std::pair<double, double>> out;
    if (!has(key)) return out;
    const YAML::Node n = child(key);
    if (!n.IsSequence()) fail(key, "expected a list of pairs like [[0, 1.2], [0.5, 1.0]]");
    for (std::size_t i = 0; i < n.size(); ++i) {
        const std::string item = "item " + std::to_string(i + 1) + ": ";
        if (!n[i].IsSequence() || n[i].size() != 2) fail(key, item + "expected a pair [position, factor]");
        std::optional<double> v[2];
        for (int j = 0; j < 2; ++j)
            if (n[i][j].IsScalar()) v[j] = parseNumber(n[i][j].Scalar());
        if (!v[0] || !v[1]) fail(key, item + "expected two plain numbers");
        out.emplace_back(v[0].value(), v[1].value());
    }
    return out;
}

std::vector<std::string> ConfigSection::textList(const std::string& key) const {
    std::vector<std::string> out;
    if (!has(key)) return out;
    const YAML::Node n = child(key);
    if (!n.IsSequence()) fail(key, "expected a list of names like [a, b]");
    for (std::size_t i = 0; i < n.size(); ++i) {
        if (!n[i].IsScalar() || n[i].Scalar().empty()) fail(key, "item " + std::to_string(i + 1) + ": expected a name");
        out.push_back(n[i].Scalar());
    }
    return out;
}

std::vector<NamedNumber> ConfigSection::numberMap(const std::string& key) const {
    std::vector<NamedNumber> out;
    if (!has(key)) return out;
    const YAML::Node n = child(key);
    if (!n.IsMap() || n.size() == 0) fail(key, "expected a map of names to numbers like {In: 0.4, O: 0.6}");
    for (auto it = n.begin(); it != n.end(); ++it) {
        const int line = it->first.Mark().line + 1;
        if (!it->first.IsScalar() || it->first.Scalar().empty())
            throw ConfigError(file() + ":" + std::to_string(line) + ": key '" + keyPath(key) +
                              "': entries are plain names");
        NamedNumber e{it->first.Scalar(), 0.0, line};
        const std::optional<double> v = it->second.IsScalar() ? parseNumber(it->second.Scalar()) : std::nullopt;
        if (!v) failEntry(key, e, "expected a plain number");
        e.value = *v;
        for (const NamedNumber& seen : out)
            if (seen.name == e.name) failEntry(key, e, "given twice");
        out.push_back(e);
    }
    return out;
}

std::vector<NamedText> ConfigSection::textMap(const std::string& key) const {
    std::vector<NamedText> out;
    if (!has(key)) return out;
    const YAML::Node n = child(key);
    if (!n.IsMap() || n.size() == 0) fail(key, "expected a map of names to values like {N2: 10 sccm}");
    for (auto it = n.begin(); it != n.end(); ++it) {
        const int line = it->first.Mark().line + 1;
        if (!it->first.IsScalar() || it->first.Scalar().empty())
            throw ConfigError(file() + ":" + std::to_string(line) + ": key '" + keyPath(key) +
                              "': entries are plain names");
        NamedText e{it->first.Scalar(), "", line};
        if (!it->second.IsScalar()) failEntry(key, {e.name, 0.0, line}, "expected a value such as 10 sccm");
        e.text = it->second.Scalar();
        for (const NamedText& seen : out)
            if (seen.name == e.name) failEntry(key, {e.name, 0.0, line}, "given twice");
        out.push_back(e);
    }
    return out;
}

void ConfigSection::failEntry(const std::string& key, const NamedNumber& entry, const std::string& what) const {
    throw ConfigError(file() + ":" + std::to_string(entry.line) + ": key '" + keyPath(key) + "." + entry.name +
                      "': " + what);
}

void ConfigSection::rejectUnknownKeys() const {
    for (const auto& e : shared_->sections) rejectUnknownKeysOf(e.node, e.path, *e.known);
}

void ConfigSection::rejectUnknownKeysHere() const { rejectUnknownKeysOf(*node_, path_, *known_); }

void ConfigSection::rejectUnknownKeysOf(const YAML::Node& node, const std::string& path, const Known& known) const {
    const std::vector<std::string> valid(known.keys.begin(), known.keys.end());
    for (auto it = node.begin(); it != node.end(); ++it) {
        // `? [a, b]: 1` or `{[a]: 1}`: a key that is not a plain name (found by fuzz_tool_file)
        if (!it->first.IsScalar())
            throw ConfigError(file() + ":" + std::to_string(it->first.Mark().line + 1) + ": a key " +
                              (path.empty() ? "at the top level" : "in section '" + path + "'") +
                              " is a list or a section; keys are plain names");
        const std::string key = it->first.as<std::string>();
        if (known.keys.count(key)) continue;
        bool suffixed = false;
        for (const auto& [base, dim] : known.quantities)
            for (const auto& u : unitsOf(dim))
                if (key == base + "_" + u) suffixed = true;
        if (suffixed) continue;
        const std::string near = closestMatch(key, valid);
        const std::string where = path.empty() ? "at the top level" : "in section '" + path + "'";
        throw ConfigError(file() + ":" + std::to_string(it->first.Mark().line + 1) + ": unknown key '" +
                          (path.empty() ? key : path + "." + key) + "' " + where +
                          (near.empty() ? "" : "; did you mean '" + near + "'?") + " (valid: " + joined(valid) + ")");
    }
}

}  // namespace magtwin
