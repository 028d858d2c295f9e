#include "cli/EnergySweep.hpp"

#include "boundary/util/Csv.hpp"

#include <cmath>
#include <sstream>
#include <stdexcept>

namespace magtwin {

namespace {
const char* kForms = "accepted: a positive energy in eV (600) or FROM:TO:log|lin:N (50:20000:log:60)";

double positive(const std::string& text, const std::string& spec) {
    auto v = parseNumber(text);
    if (!v) throw std::invalid_argument("--energy '" + spec + "': '" + text + "' is not a number; " + kForms);
    if (*v <= 0.0) throw std::invalid_argument("--energy '" + spec + "': energy must be > 0 eV; " + kForms);
    return *v;
}
}  // namespace

std::vector<double> parseEnergySweep(const std::string& spec) {
    std::vector<std::string> parts;
    std::stringstream ss(spec);
    std::string p;
    while (std::getline(ss, p, ':')) parts.push_back(p);
    if (parts.size() == 1) return {positive(parts[0], spec)};
    if (parts.size() != 4) throw std::invalid_argument("--energy '" + spec + "': malformed range; " + kForms);
    const double from = positive(parts[0], spec), to = positive(parts[1], spec);
    if (to <= from) throw std::invalid_argument("--energy '" + spec + "': TO must exceed FROM; " + kForms);
    const std::string& scale = parts[2];
    if (scale != "log" && scale != "lin")
        throw std::invalid_argument("--energy '" + spec + "': scale must be 'log' or 'lin'; " + kForms);
    const auto n = parseNumber(parts[3]);
    if (!n || *n < 2 || *n > 100000 || std::floor(*n) != *n)
        throw std::invalid_argument("--energy '" + spec + "': N must be a whole number from 2 to 100000; " + kForms);
    const int count = static_cast<int>(*n);
    std::vector<double> out(count);
    for (int i = 0; i < count; ++i) {
        const double f = static_cast<double>(i) / (count - 1);
        out[i] = scale == "log" ? from * std::pow(to / from, f) : from + (to - from) * f;
    }
    out.back() = to;
    return out;
}

}  // namespace magtwin
