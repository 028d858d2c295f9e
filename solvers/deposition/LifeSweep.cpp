#include "deposition/LifeSweep.hpp"

#include <cmath>
#include <cstdlib>
#include <stdexcept>

namespace magtwin {

namespace {

double number(const std::string& s, const std::string& what, const std::string& text) {
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (s.empty() || end != s.c_str() + s.size() || !std::isfinite(v))
        throw std::invalid_argument("--life-sweep '" + text + "': " + what + " '" + s + "' is not a number");
    return v;
}

}  // namespace

LifeSweepRange parseLifeSweep(const std::string& text) {
    const std::size_t a = text.find(':'), b = a == std::string::npos ? a : text.find(':', a + 1);
    if (a == std::string::npos || b == std::string::npos || text.find(':', b + 1) != std::string::npos)
        throw std::invalid_argument("--life-sweep '" + text + "': expected FROM:TO:N (kWh, kWh, number of points)");
    LifeSweepRange r;
    r.fromKWh = number(text.substr(0, a), "FROM", text);
    r.toKWh = number(text.substr(a + 1, b - a - 1), "TO", text);
    const double n = number(text.substr(b + 1), "N", text);
    if (!(r.fromKWh >= 0)) throw std::invalid_argument("--life-sweep '" + text + "': FROM must be >= 0 kWh");
    if (!(r.toKWh >= r.fromKWh)) throw std::invalid_argument("--life-sweep '" + text + "': TO must be >= FROM");
    if (!(n >= 1) || n != std::floor(n) || n > 10000)
        throw std::invalid_argument("--life-sweep '" + text + "': N must be an integer from 1 to 10000");
    r.points = int(n);
    if (r.points > 1 && r.toKWh == r.fromKWh)
        throw std::invalid_argument("--life-sweep '" + text + "': N > 1 needs TO > FROM");
    return r;
}

std::vector<double> lifePoints(const LifeSweepRange& r) {
    std::vector<double> p;
    for (int i = 0; i < r.points; ++i)
        p.push_back(r.points == 1 ? r.fromKWh : r.fromKWh + (r.toKWh - r.fromKWh) * i / (r.points - 1));
    return p;
}

std::optional<double> firstSpecCrossingKWh(const std::vector<double>& kWh, const std::vector<double>& uPct,
                                           double specPct) {
    if (kWh.size() != uPct.size()) throw std::invalid_argument("spec crossing: one U per life point");
    for (std::size_t i = 0; i < kWh.size(); ++i) {
        if (!(uPct[i] > specPct)) continue;
        if (i == 0) return kWh[0];
        const double f = (specPct - uPct[i - 1]) / (uPct[i] - uPct[i - 1]);
        return kWh[i - 1] + f * (kWh[i] - kWh[i - 1]);
    }
    return std::nullopt;
}

}  // namespace magtwin
