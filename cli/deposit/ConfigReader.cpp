#include "deposit/ConfigReader.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

namespace magtwin {

namespace {

const std::map<std::string, double>& units(QuantityKind d) {
    static const std::map<QuantityKind, std::map<std::string, double>> table{
        {QuantityKind::Length, {{"m", 1.0}, {"cm", 1e-2}, {"mm", 1e-3}, {"um", 1e-6}}},
        {QuantityKind::Power, {{"W", 1.0}, {"kW", 1e3}, {"MW", 1e6}}},
        {QuantityKind::Voltage, {{"V", 1.0}, {"kV", 1e3}}},
        {QuantityKind::Time, {{"s", 1.0}, {"min", 60.0}, {"h", 3600.0}}},
        {QuantityKind::Speed, {{"m/s", 1.0}, {"mm/s", 1e-3}, {"m/min", 1.0 / 60.0}, {"mm/min", 1e-3 / 60.0}}},
        {QuantityKind::Angle, {{"rad", 1.0}, {"deg", M_PI / 180.0}}},
        {QuantityKind::Fraction, {{"%", 1e-2}, {"", 1.0}}},
        {QuantityKind::Energy, {{"eV", 1.0}, {"keV", 1e3}}},
        {QuantityKind::Pressure, {{"Pa", 1.0}, {"mbar", 100.0}, {"mTorr", 0.133322}}},
        {QuantityKind::Temperature, {{"K", 1.0}}},
        {QuantityKind::None, {{"", 1.0}}}};
    return table.at(d);
}

const char* quantityKindName(QuantityKind d) {
    switch (d) {
    case QuantityKind::Length: return "a length such as \"250 mm\"";
    case QuantityKind::Power: return "a power such as \"12 kW\"";
    case QuantityKind::Voltage: return "a voltage such as \"500 V\"";
    case QuantityKind::Time: return "a time such as \"60 s\"";
    case QuantityKind::Speed: return "a speed such as \"10 mm/s\"";
    case QuantityKind::Angle: return "an angle such as \"3 deg\"";
    case QuantityKind::Fraction: return "a fraction such as \"3 %\" or 0.03";
    case QuantityKind::Energy: return "an energy such as \"500 eV\"";
    case QuantityKind::Pressure: return "a pressure such as \"0.5 Pa\"";
    case QuantityKind::Temperature: return "a temperature such as \"300 K\"";
    default: return "a number";
    }
}

std::size_t editDistance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        cur[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j)
            cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
        std::swap(prev, cur);
    }
    return prev[b.size()];
}

}  // namespace

double parseQuantity(const std::string& text, QuantityKind d) {
    std::istringstream in(text);
    double value;
    if (!(in >> value) || !std::isfinite(value)) throw std::invalid_argument("not a number");
    std::string unit, extra;
    in >> unit;
    if (in >> extra) throw std::invalid_argument("unexpected text after the unit");
    const auto& table = units(d);
    const auto it = table.find(unit);
    if (it == table.end()) {
        std::string accepted;
        for (const auto& u : table) accepted += (accepted.empty() ? "" : ", ") + (u.first.empty() ? "(none)" : u.first);
        throw std::invalid_argument(unit.empty() ? "missing unit (accepted: " + accepted + ")"
                                                 : "unknown unit '" + unit + "' (accepted: " + accepted + ")");
    }
    return value * it->second;
}

ConfigNode ConfigNode::load(const std::string& path) {
    try {
        YAML::Node root = YAML::LoadFile(path);
        if (!root.IsMap()) throw UsageError(path + ":1: expected a mapping of sections at the top level");
        return ConfigNode(root, path, "");
    } catch (const YAML::BadFile&) {
        throw UsageError(path + ": cannot open the config file");
    } catch (const YAML::ParserException& e) {
        throw UsageError(path + ":" + std::to_string(e.mark.line + 1) + ": YAML syntax error: " + e.msg);
    }
}

std::string ConfigNode::where(const YAML::Node& n) const {
    const auto m = n.Mark();
    return file_ + ":" + (m.line >= 0 ? std::to_string(m.line + 1) : std::string("?"));
}

void ConfigNode::fail(const std::string& key, const std::string& expected) const {
    const YAML::Node n = (!key.empty() && node_.IsMap() && node_[key]) ? node_[key] : node_;
    throw UsageError(where(n) + ": key '" + keyPath(key) + "': " + expected);
}

bool ConfigNode::has(const std::string& key) const { return node_.IsMap() && node_[key]; }

YAML::Node ConfigNode::at(const std::string& key) const {
    if (!has(key)) fail("", "missing required key '" + key + "'");
    return node_[key];
}

void ConfigNode::allowOnly(std::initializer_list<const char*> known) const {
    for (const auto& kv : node_) {
        const std::string k = kv.first.as<std::string>();
        if (std::any_of(known.begin(), known.end(), [&](const char* s) { return k == s; })) continue;
        std::string best;
        std::size_t bestD = 99;
        for (const char* s : known)
            if (editDistance(k, s) < bestD) bestD = editDistance(k, s), best = s;
        throw UsageError(where(kv.first) + ": key '" + keyPath(k) + "': unknown key" +
                         (bestD <= 3 ? "; did you mean '" + best + "'?" : ""));
    }
}

ConfigNode ConfigNode::child(const std::string& key) const {
    YAML::Node n = at(key);
    if (!n.IsMap()) fail(key, "expected a mapping (indented keys)");
    return ConfigNode(n, file_, keyPath(key));
}

std::vector<ConfigNode> ConfigNode::list(const std::string& key) const {
    YAML::Node n = at(key);
    if (!n.IsSequence() || n.size() == 0) fail(key, "expected a non-empty list (lines starting with '-')");
    std::vector<ConfigNode> out;
    for (std::size_t i = 0; i < n.size(); ++i) {
        const std::string p = keyPath(key) + "[" + std::to_string(i) + "]";
        if (!n[i].IsMap()) throw UsageError(where(n[i]) + ": key '" + p + "': expected a mapping");
        out.push_back(ConfigNode(n[i], file_, p));
    }
    return out;
}

double ConfigNode::quantity(const std::string& key, QuantityKind d) const {
    YAML::Node n = at(key);
    if (!n.IsScalar()) fail(key, std::string("expected ") + quantityKindName(d));
    try {
        return parseQuantity(n.as<std::string>(), d);
    } catch (const std::invalid_argument& e) {
        fail(key, std::string("expected ") + quantityKindName(d) + ", got \"" + n.as<std::string>() + "\": " + e.what());
    }
}

double ConfigNode::quantity(const std::string& key, QuantityKind d, double defaultSi) const {
    return has(key) ? quantity(key, d) : defaultSi;
}

std::vector<double> ConfigNode::quantities(const std::string& key, QuantityKind d) const {
    YAML::Node n = at(key);
    if (!n.IsSequence()) fail(key, std::string("expected a list [..] of ") + quantityKindName(d));
    std::vector<double> out;
    for (const auto& v : n) try {
            out.push_back(parseQuantity(v.as<std::string>(), d));
        } catch (const std::exception& e) {
            throw UsageError(where(v) + ": key '" + keyPath(key) + "': expected " + quantityKindName(d) + ": " + e.what());
        }
    return out;
}

std::string ConfigNode::text(const std::string& key) const {
    YAML::Node n = at(key);
    if (!n.IsScalar()) fail(key, "expected a single value");
    return n.as<std::string>();
}

std::string ConfigNode::text(const std::string& key, const std::string& fallback) const {
    return has(key) ? text(key) : fallback;
}

std::string ConfigNode::choice(const std::string& key, std::initializer_list<const char*> choices,
                               const std::string& fallback) const {
    const std::string v = text(key, fallback);
    std::string all;
    for (const char* c : choices) {
        if (v == c) return v;
        all += (all.empty() ? "" : ", ") + std::string(c);
    }
    fail(key, "expected one of: " + all + "; got \"" + v + "\"");
}

long ConfigNode::integer(const std::string& key, long fallback, long minimum) const {
    if (!has(key)) return fallback;
    const std::string v = text(key);
    try {
        std::size_t used = 0;
        const long x = std::stol(v, &used);
        if (used == v.size() && x >= minimum) return x;
    } catch (const std::exception&) {
    }
    fail(key, "expected an integer >= " + std::to_string(minimum) + ", got \"" + v + "\"");
}

}  // namespace magtwin
