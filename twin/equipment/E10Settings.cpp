#include "twin/equipment/E10Settings.hpp"

#include <cstdio>
#include <cstdlib>
#include <sstream>
#include <stdexcept>

namespace magtwin {

namespace {
constexpr std::array<const char*, kE10StateCount> kNames{"productive",     "standby",          "engineering",
                                                         "scheduled_down", "unscheduled_down", "non_scheduled"};

std::string hex(double v) {
    char buf[40];
    std::snprintf(buf, sizeof buf, "%a", v);
    return buf;
}

/// "LEN:text" so that any text (spaces, newlines) round-trips.
std::string counted(const std::string& s) { return std::to_string(s.size()) + ":" + s; }

std::string readCounted(std::istream& in) {
    std::size_t n = 0;
    char colon = 0;
    if (!(in >> n) || !in.get(colon) || colon != ':') throw std::runtime_error("equipment_states: bad text field");
    std::string s(n, '\0');
    if (n > 0 && !in.read(&s[0], static_cast<std::streamsize>(n)))
        throw std::runtime_error("equipment_states: truncated text field");
    return s;
}

double readNumber(std::istream& in) {
    std::string token;
    if (!(in >> token)) throw std::runtime_error("equipment_states: missing number");
    char* end = nullptr;
    const double v = std::strtod(token.c_str(), &end);
    if (end != token.c_str() + token.size()) throw std::runtime_error("equipment_states: bad number '" + token + "'");
    return v;
}

E10State readState(std::istream& in) {
    std::string name;
    in >> name;
    const auto s = e10StateNamed(name);
    if (!s) throw std::runtime_error("equipment_states: unknown state '" + name + "'");
    return *s;
}

}  // namespace

const char* e10Name(E10State s) { return kNames[static_cast<std::size_t>(s)]; }

std::optional<E10State> e10StateNamed(const std::string& name) {
    for (std::size_t i = 0; i < kE10StateCount; ++i)
        if (name == kNames[i]) return kE10States[i];
    return std::nullopt;
}

std::string encodeE10Settings(const E10Settings& s) {
    std::ostringstream o;
    o << "e10 v1\n";
    o << "pumped_below_pa " << hex(s.pumpedBelowPa) << "\n";
    o << "vented " << e10Name(s.ventedState) << "\n";
    o << "arc_dip " << hex(s.arcDipFraction) << "\n";
    o << "fault_after_s " << hex(s.faultAfterS) << "\n";
    o << "source_on_w " << hex(s.sourceOnPowerW) << "\n";
    o << "ramp_w " << hex(s.rampSetpointChangeW) << "\n";
    o << "switch_on " << hex(s.switchOn) << "\n";
    o << "gap_factor " << hex(s.gapFactor) << "\n";
    o << "day_offset_s " << s.dayOffsetS << "\n";
    o << "recipe_key " << counted(s.recipeKey) << "\n";
    for (const auto& name : s.supplies) o << "supply " << counted(name) << "\n";
    for (const auto& r : s.recipes) o << "recipe " << e10Name(r.state) << " " << counted(r.pattern) << "\n";
    for (const auto& w : s.calendar)
        o << "calendar " << e10Name(w.state) << " " << hex(w.start) << " " << hex(w.end) << " " << counted(w.note)
          << "\n";
    return o.str();
}

E10Settings decodeE10Settings(const std::string& text) {
    std::istringstream in(text);
    std::string word, version;
    if (!(in >> word >> version) || word != "e10" || version != "v1")
        throw std::runtime_error("equipment_states: not a setting this magtwin wrote");
    E10Settings s;
    while (in >> word) {
        if (word == "pumped_below_pa")
            s.pumpedBelowPa = readNumber(in);
        else if (word == "arc_dip")
            s.arcDipFraction = readNumber(in);
        else if (word == "vented")
            s.ventedState = readState(in);
        else if (word == "fault_after_s")
            s.faultAfterS = readNumber(in);
        else if (word == "source_on_w")
            s.sourceOnPowerW = readNumber(in);
        else if (word == "ramp_w")
            s.rampSetpointChangeW = readNumber(in);
        else if (word == "switch_on")
            s.switchOn = readNumber(in);
        else if (word == "gap_factor")
            s.gapFactor = readNumber(in);
        else if (word == "day_offset_s")
            s.dayOffsetS = static_cast<int>(readNumber(in));
        else if (word == "recipe_key") {
            in.get();
            s.recipeKey = readCounted(in);
        } else if (word == "supply") {
            in.get();
            s.supplies.push_back(readCounted(in));
        } else if (word == "recipe") {
            E10RecipeRule r;
            r.state = readState(in);
            in.get();
            r.pattern = readCounted(in);
            s.recipes.push_back(r);
        } else if (word == "calendar") {
            E10CalendarWindow w;
            w.state = readState(in);
            w.start = readNumber(in);
            w.end = readNumber(in);
            in.get();
            w.note = readCounted(in);
            s.calendar.push_back(w);
        } else {
            throw std::runtime_error("equipment_states: unknown setting '" + word + "'");
        }
    }
    return s;
}

bool recipeMatches(const std::string& p, const std::string& t) {
    // iterative glob with back-tracking to the last '*'
    std::size_t i = 0, j = 0, star = std::string::npos, mark = 0;
    while (j < t.size()) {
        if (i < p.size() && (p[i] == '?' || p[i] == t[j])) {
            ++i, ++j;
        } else if (i < p.size() && p[i] == '*') {
            star = i++, mark = j;
        } else if (star != std::string::npos) {
            i = star + 1, j = ++mark;
        } else {
            return false;
        }
    }
    while (i < p.size() && p[i] == '*') ++i;
    return i == p.size();
}

}  // namespace magtwin
