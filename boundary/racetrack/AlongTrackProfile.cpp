#include "boundary/racetrack/AlongTrackProfile.hpp"
#include "boundary/util/PhysicalConstants.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <stdexcept>

namespace magtwin {

namespace {

/// Linear interpolation in the table, constant beyond its ends.
double interpolate(const std::vector<std::pair<double, double>>& t, double c) {
    if (c <= t.front().first) return t.front().second;
    if (c >= t.back().first) return t.back().second;
    const auto hi = std::upper_bound(t.begin(), t.end(), c, [](double v, const auto& p) { return v < p.first; });
    const auto lo = hi - 1;
    const double w = (c - lo->first) / (hi->first - lo->first);
    return lo->second + w * (hi->second - lo->second);
}

/// Exact integral of the interpolant over [a, b]: trapezoids between its breakpoints
/// (it is linear on each piece, constant beyond the table).
double integrateTable(const std::vector<std::pair<double, double>>& t, double a, double b) {
    std::vector<double> cuts{a};
    for (const auto& p : t)
        if (p.first > a && p.first < b) cuts.push_back(p.first);
    cuts.push_back(b);
    double sum = 0.0;
    for (std::size_t i = 1; i < cuts.size(); ++i)
        sum += 0.5 * (cuts[i] - cuts[i - 1]) * (interpolate(t, cuts[i - 1]) + interpolate(t, cuts[i]));
    return sum;
}

std::string mm(double m) {
    std::ostringstream o;
    o << m * 1e3 << " mm";
    return o.str();
}

}  // namespace

AlongTrackProfile::Shape alongTrackShapeFromName(const std::string& name) {
    if (name == "uniform") return AlongTrackProfile::Shape::Uniform;
    if (name == "end-boost") return AlongTrackProfile::Shape::EndBoost;
    if (name == "table") return AlongTrackProfile::Shape::Table;
    throw std::invalid_argument("unknown along-track shape '" + name + "'; valid: uniform, end-boost, table");
}

std::string alongTrackShapeName(AlongTrackProfile::Shape shape) {
    switch (shape) {
        case AlongTrackProfile::Shape::Uniform:
            return "uniform";
        case AlongTrackProfile::Shape::EndBoost:
            return "end-boost";
        case AlongTrackProfile::Shape::Table:
            return "table";
    }
    return "?";
}

AlongTrackProfile AlongTrackProfile::endBoost(double gain, double lengthM) {
    AlongTrackProfile a;
    a.shape = Shape::EndBoost;
    a.gain = gain;
    a.lengthM = lengthM;
    return a;
}

bool AlongTrackProfile::isUniform() const {
    switch (shape) {
        case Shape::Uniform:
            return true;
        case Shape::EndBoost:
            return gain == 0.0;
        case Shape::Table:
            return std::all_of(points.begin(), points.end(), [](const auto& p) { return p.second == 1.0; });
    }
    return true;
}

void AlongTrackProfile::check(double L) const {
    if (shape == Shape::Uniform) return;
    if (!(L > 0.0)) throw std::invalid_argument("along-track profile needs straight tracks (straight length > 0)");
    if (shape == Shape::EndBoost) {
        if (!(gain >= -1.0) || !std::isfinite(gain))
            throw std::invalid_argument("along-track end-boost gain must be >= -1 (the flux factor 1 + gain >= 0)");
        if (!(lengthM > 0.0 && lengthM <= 0.5 * L))
            throw std::invalid_argument("along-track end-boost length must be in (0, half the straight = " +
                                        mm(0.5 * L) + "], got " + mm(lengthM));
        return;
    }
    if (points.size() < 2) throw std::invalid_argument("along-track table needs at least 2 points");
    const double span = (pointsInMillimetres ? 1e3 * L : 1.0) * (symmetric ? 0.5 : 1.0);
    for (std::size_t i = 0; i < points.size(); ++i) {
        const auto& [c, f] = points[i];
        const std::string which = "along-track table point " + std::to_string(i + 1) + ": ";
        if (!(c >= 0.0 && c <= span * (1.0 + 1e-12)))
            throw std::invalid_argument(which + "position must be in [0, " +
                                        (pointsInMillimetres ? mm(1e-3 * span) : std::to_string(span)) + "] (" +
                                        (symmetric ? "from the nearer end" : "from the end at -y") + ")");
        if (!(f >= 0.0) || !std::isfinite(f)) throw std::invalid_argument(which + "factor must be >= 0");
        if (i > 0 && !(c > points[i - 1].first))
            throw std::invalid_argument(which + "positions must increase strictly");
    }
}

double AlongTrackProfile::factor(double x, double L) const {
    // Gain 0 and a table of ones give exactly 1.0 below (1 + 0 w, f + w (f - f)).
    if (shape == Shape::Uniform) return 1.0;
    const double half = 0.5 * L;
    const double xc = std::clamp(x, -half, half);  // beyond the straight: the end's factor
    if (shape == Shape::EndBoost) {
        const double u = (half - std::abs(xc)) / lengthM;
        return u < 1.0 ? 1.0 + gain * 0.5 * (1.0 + std::cos(kPi * u)) : 1.0;
    }
    const double along = symmetric ? half - std::abs(xc) : xc + half;
    return interpolate(points, pointsInMillimetres ? 1e3 * along : along / L);
}

double AlongTrackProfile::integral(double L) const {
    if (isUniform()) return L;
    if (shape == Shape::EndBoost) return L + gain * lengthM;  // each end adds G l / 2 (raised cosine)
    const double scale = pointsInMillimetres ? 1e-3 : L;      // table coordinate -> metres
    const double span = L / scale;
    if (symmetric) return 2.0 * scale * integrateTable(points, 0.0, 0.5 * span);
    return scale * integrateTable(points, 0.0, span);
}

std::string AlongTrackProfile::key() const {
    std::ostringstream k;
    k.precision(17);
    k << alongTrackShapeName(shape);
    if (shape == Shape::EndBoost) k << ':' << gain << ',' << lengthM;
    if (shape == Shape::Table) {
        k << ':' << (pointsInMillimetres ? 'm' : 'f') << (symmetric ? 's' : 'a');
        for (const auto& [c, f] : points) k << ',' << c << ',' << f;
    }
    return k.str();
}

}  // namespace magtwin
