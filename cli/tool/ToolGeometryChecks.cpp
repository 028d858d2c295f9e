#include "cli/tool/ToolGeometryChecks.hpp"

#include "boundary/util/PhysicalConstants.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>

namespace magtwin {

namespace {

std::string mm(double m) {
    char b[32];
    std::snprintf(b, sizeof b, "%.6g mm", m * 1e3);
    return b;
}

/// A position coordinate as the user meant it in millimetres: z m -> "z mm".
std::string textMm(double m) {
    char b[32];
    std::snprintf(b, sizeof b, "%.6g mm", m);
    return b;
}

/// Interiors of the two bodies intersect (touching is fine). Round bodies are compared
/// exactly with their own kind (two tubes: circles in x-z; two discs: circles in x-y).
bool overlap(const ToolCathode& a, const ToolCathode& b) {
    const BodyBox A = cathodeBody(a), B = cathodeBody(b);
    constexpr double kTouch = 1e-9;
    for (int i = 0; i < 3; ++i)
        if (A.hi[i] <= B.lo[i] + kTouch || B.hi[i] <= A.lo[i] + kTouch) return false;
    if (a.kind == CathodeKind::Rotary && b.kind == CathodeKind::Rotary) {
        const double d = std::hypot(a.position.x() - b.position.x(), a.position.z() - b.position.z());
        return d < a.geometry.radiusM + b.geometry.radiusM - kTouch;
    }
    if (a.kind == CathodeKind::PlanarCircular && b.kind == CathodeKind::PlanarCircular && !a.tilted() && !b.tilted()) {
        const double d = std::hypot(a.position.x() - b.position.x(), a.position.y() - b.position.y());
        return d < a.geometry.radiusM + b.geometry.radiusM - kTouch;
    }
    return true;
}

/// " (did you mean N mm?)" when `valueM`, read as millimetres, lies in [lo, hi] (m).
std::string didYouMeanMm(double valueM, double lo, double hi) {
    const double asMm = valueM * 1e-3;
    if (!(asMm >= lo && asMm <= hi)) return "";
    char b[64];
    std::snprintf(b, sizeof b, " (did you mean %.6g mm?)", valueM);
    return b;
}

std::string metres(double m) {
    char b[32];
    std::snprintf(b, sizeof b, "%.6g m", m);
    return b;
}

/// A size key larger than any sputter tool's (kMaxSizeM).
void checkSize(const ConfigSection& s, const std::string& key, double valueM, const std::string& what) {
    if (valueM > kMaxSizeM)
        s.fail(key, what + " " + key + " = " + metres(valueM) + " is larger than any sputter tool's (at most " +
                        metres(kMaxSizeM) + ")" + didYouMeanMm(valueM, 1e-3, kMaxSizeM));
}

/// Sizes and throw of every cathode, sizes of every substrate (kMaxSizeM, kMinThrowM, kMaxThrowM).
void checkSense(const ToolFile& tool, const std::vector<ConfigSection>& cathodes,
                const std::vector<ConfigSection>& substrates) {
    for (std::size_t i = 0; i < tool.cathodes.size(); ++i) {
        const ToolCathode& c = tool.cathodes[i];
        const ConfigSection& cs = cathodes[i];
        const std::string what = "cathode " + c.name + ":";
        if (c.kind != CathodeKind::PlanarCircular) checkSize(cs, "length", c.geometry.lengthM, what);
        if (c.kind == CathodeKind::PlanarRect) checkSize(cs, "width", c.geometry.widthM, what);
        if (c.kind == CathodeKind::PlanarCircular) checkSize(cs, "radius", c.geometry.radiusM, what);
        if (c.kind == CathodeKind::Rotary) checkSize(cs, "outer_radius", c.geometry.radiusM, what);
        // Throw: the lowest point of the target (planar face, tube surface) above z = 0.
        const double throwM = cathodeBody(c).lo.z();
        // At or below z = 0 the target cuts the substrate plane: run()'s own message.
        if (throwM <= 0 || (throwM >= kMinThrowM && throwM <= kMaxThrowM)) continue;
        const std::string text = "cathode " + c.name + ": throw (target surface to substrate) " + mm(throwM) +
                                 " is outside what sputter tools have (" + mm(kMinThrowM) + " .. " +
                                 metres(kMaxThrowM) + ")";
        // Read as millimetres, position z moves the whole body: throw' = throw - z + z/1000.
        const double z = c.position.z(), asMm = throwM - z + z * 1e-3;
        const std::string hint = throwM > kMaxThrowM && asMm >= kMinThrowM && asMm <= kMaxThrowM
                                     ? " (did you mean position z = " + textMm(z) + "?)"
                                     : "";
        cs.fail("position", text + hint);
    }
    for (std::size_t i = 0; i < tool.substrates.size(); ++i) {
        const ToolSubstrate& b = tool.substrates[i];
        const std::string what = "substrate " + b.name + ":";
        if (b.kind == "wafer") {
            checkSize(substrates[i], "diameter", b.sizeXM, what);
        } else {
            checkSize(substrates[i], "size_x", b.sizeXM, what);
            checkSize(substrates[i], "size_y", b.sizeYM, what);
        }
    }
}

/// The part of the plane z = 0 that cathode `c` coats: the x-y box of its target (a tilted
/// planar target: its face projected along the face normal, where it aims), grown on every
/// side by the height h of its face centre (tube: axis - radius). Beyond that margin a cosine
/// emitter gives less than 15 % of the flux under a wide target: for a half-plane of cosine
/// sources at height h, the flux at a distance d outside its edge over that under its middle
/// is (1 - d / sqrt(d^2 + h^2)) / 2 (integral of h^2 / R^4 over the half-plane), 0.146 at d = h.
BodyBox footprint(const ToolCathode& c) {
    BodyBox box = cathodeBody(c);
    double h = box.lo.z();
    if (c.tilted() && c.kind != CathodeKind::Rotary) {
        const Eigen::Vector3d n = c.faceNormal();  // z < 0 (checked by the reader)
        box = {Eigen::Vector3d::Constant(1e300), Eigen::Vector3d::Constant(-1e300)};
        constexpr int kRim = 32;
        for (int k = 0; k < kRim; ++k) {
            const double a = 2 * kPi * k / kRim;
            // Rim of the face in the cathode's frame: the disc, or the rectangle's outline.
            const Eigen::Vector3d local =
                c.kind == CathodeKind::PlanarCircular
                    ? Eigen::Vector3d(c.geometry.radiusM * std::cos(a), c.geometry.radiusM * std::sin(a), 0)
                    : Eigen::Vector3d(0.5 * c.geometry.widthM * (std::cos(a) >= 0 ? 1 : -1),
                                      0.5 * c.geometry.lengthM * (std::sin(a) >= 0 ? 1 : -1), 0);
            const Eigen::Vector3d x = c.position + c.orientation * local;
            const Eigen::Vector3d q = x - n * (x.z() / n.z());
            box.lo = box.lo.cwiseMin(q);
            box.hi = box.hi.cwiseMax(q);
        }
        h = c.position.z();
    }
    box.lo -= Eigen::Vector3d(h, h, 0);
    box.hi += Eigen::Vector3d(h, h, 0);
    return box;
}

}  // namespace

double uncoveredShare(const ToolFile& tool, const ToolSubstrate& b) {
    if (tool.cathodes.empty()) return 1.0;
    BodyBox f{Eigen::Vector3d::Constant(1e300), Eigen::Vector3d::Constant(-1e300)};
    for (const ToolCathode& c : tool.cathodes) {
        const BodyBox k = footprint(c);
        f.lo = f.lo.cwiseMin(k.lo);
        f.hi = f.hi.cwiseMax(k.hi);
    }
    const bool wafer = b.kind == "wafer";
    const std::string& kind = b.motion.kind;
    auto under = [&](double x, double y) {
        return y >= f.lo.y() && y <= f.hi.y() && (kind == "scan" || (x >= f.lo.x() && x <= f.hi.x()));
    };
    constexpr int kN = 400, kRotationSteps = 72, kOscillationSteps = 21;
    long inside = 0, uncovered = 0;
    for (int iy = 0; iy < kN; ++iy)
        for (int ix = 0; ix < kN; ++ix) {
            const double u = ((ix + 0.5) / kN - 0.5) * b.sizeXM, v = ((iy + 0.5) / kN - 0.5) * b.sizeYM;
            if (wafer && std::hypot(u / b.sizeXM, v / b.sizeYM) > 0.5) continue;
            ++inside;
            bool covered = false;
            if (kind == "rotation") {
                for (int k = 0; k < kRotationSteps && !covered; ++k) {
                    const double a = 2 * kPi * k / kRotationSteps;
                    covered = under(b.centreXM + u * std::cos(a) - v * std::sin(a),
                                    b.centreYM + u * std::sin(a) + v * std::cos(a));
                }
            } else {
                const double a = b.motion.platenAngleRad;
                const double x = b.centreXM + u * std::cos(a) - v * std::sin(a);
                const double y = b.centreYM + u * std::sin(a) + v * std::cos(a);
                const int steps = kind == "oscillation" ? kOscillationSteps : 1;
                for (int k = 0; k < steps && !covered; ++k) {
                    const double shift = steps == 1 ? 0.0 : b.motion.amplitudeM * (2.0 * k / (steps - 1) - 1);
                    covered = under(x + shift, y);
                }
            }
            if (!covered) ++uncovered;
        }
    return inside ? double(uncovered) / double(inside) : 0.0;
}

void failAtOrientation(const ConfigSection& cathode, const std::string& what) {
    if (cathode.has("facing")) cathode.fail("facing", what);
    const ConfigSection tilt = cathode.section("tilt");
    tilt.fail("angle", what);
}

BodyBox cathodeBody(const ToolCathode& c) {
    const Eigen::Vector3d& p = c.position;
    const double t = c.geometry.thicknessM;
    if (c.tilted() && c.kind != CathodeKind::Rotary) {
        // The exact box of the turned body: along chamber axis i, the face (a rectangle of
        // half-sizes a, b or a disc of radius r in the cathode's x-y plane) reaches
        // a |R_i0| + b |R_i1| or r sqrt(R_i0^2 + R_i1^2) either side of the centre, and the
        // back (R (0, 0, t)) shifts one side by R_i2 t.
        const Eigen::Matrix3d& R = c.orientation;
        BodyBox box{p, p};
        for (int i = 0; i < 3; ++i) {
            const double reach = c.kind == CathodeKind::PlanarRect ? 0.5 * c.geometry.widthM * std::abs(R(i, 0)) +
                                                                         0.5 * c.geometry.lengthM * std::abs(R(i, 1))
                                                                   : c.geometry.radiusM * std::hypot(R(i, 0), R(i, 1));
            box.lo[i] = p[i] - reach + std::min(0.0, R(i, 2) * t);
            box.hi[i] = p[i] + reach + std::max(0.0, R(i, 2) * t);
        }
        return box;
    }
    switch (c.kind) {
        case CathodeKind::PlanarRect: {
            const Eigen::Vector3d h(0.5 * c.geometry.widthM, 0.5 * c.geometry.lengthM, 0.0);
            return {p - h, p + h + Eigen::Vector3d(0, 0, t)};
        }
        case CathodeKind::PlanarCircular: {
            const double r = c.geometry.radiusM;
            return {p - Eigen::Vector3d(r, r, 0), p + Eigen::Vector3d(r, r, t)};
        }
        case CathodeKind::Rotary: {
            const double r = c.geometry.radiusM;
            const Eigen::Vector3d h(r, 0.5 * c.geometry.lengthM, r);
            return {p - h, p + h};
        }
    }
    return {p, p};
}

bool insideBody(const ToolCathode& c, const Eigen::Vector3d& q) {
    if (c.tilted() && c.kind != CathodeKind::Rotary) {
        // In the cathode's own frame (R^T (q - position)): face at z = 0, back at z = t.
        const Eigen::Vector3d l = c.orientation.transpose() * (q - c.position);
        if (l.z() < 0 || l.z() > c.geometry.thicknessM) return false;
        if (c.kind == CathodeKind::PlanarCircular) return std::hypot(l.x(), l.y()) <= c.geometry.radiusM;
        return std::abs(l.x()) <= 0.5 * c.geometry.widthM && std::abs(l.y()) <= 0.5 * c.geometry.lengthM;
    }
    const BodyBox b = cathodeBody(c);
    for (int i = 0; i < 3; ++i)
        if (q[i] < b.lo[i] || q[i] > b.hi[i]) return false;
    if (c.kind == CathodeKind::Rotary)
        return std::hypot(q.x() - c.position.x(), q.z() - c.position.z()) <= c.geometry.radiusM;
    if (c.kind == CathodeKind::PlanarCircular)
        return std::hypot(q.x() - c.position.x(), q.y() - c.position.y()) <= c.geometry.radiusM;
    return true;
}

void ToolGeometryChecks::run(const ToolFile& tool) const {
    std::set<std::string> names;
    auto unique = [&names](const ConfigSection& s, const std::string& name) {
        if (!names.insert(name).second) s.fail("name", "the name '" + name + "' is used twice in this tool file");
    };
    for (std::size_t i = 0; i < tool.cathodes.size(); ++i) unique(cathodeSections[i], tool.cathodes[i].name);
    for (std::size_t i = 0; i < tool.substrates.size(); ++i) unique(substrateSections[i], tool.substrates[i].name);
    for (std::size_t i = 0; i < tool.sensors.size(); ++i) unique(sensorSections[i], tool.sensors[i].name);
    for (std::size_t i = 0; i < tool.supplies.size(); ++i) unique(supplySections[i], tool.supplies[i].name);

    checkSense(tool, cathodeSections, substrateSections);
    for (std::size_t i = 0; i < tool.cathodes.size(); ++i) {
        const ToolCathode& c = tool.cathodes[i];
        const double bottom = cathodeBody(c).lo.z();
        const ConfigSection& cs = cathodeSections[i];
        if (bottom <= 0 && c.tilted())
            failAtOrientation(cs, "cathode " + c.name +
                                      " turned this way cuts the substrate plane z = 0 (its lowest "
                                      "point is at z = " +
                                      mm(bottom) + "); expected the whole tilted target above z = 0");
        if (bottom <= 0)
            cathodeSections[i].fail("position", "cathode " + c.name +
                                                    " cuts the substrate plane z = 0 (its lowest point is at z = " +
                                                    mm(bottom) + "); expected the whole target above z = 0");
        for (std::size_t j = 0; j < i; ++j)
            if (overlap(c, tool.cathodes[j]))
                cathodeSections[i].fail("position",
                                        "cathode " + c.name + " overlaps cathode " + tool.cathodes[j].name +
                                            " (their target bodies intersect); expected separate bodies" +
                                            (c.arrayName.empty() || c.arrayName != tool.cathodes[j].arrayName
                                                 ? ""
                                                 : ": the array pitch is smaller than the cathode's width"));
    }
    for (std::size_t i = 0; i < tool.sensors.size(); ++i)
        for (const ToolCathode& c : tool.cathodes)
            if (insideBody(c, tool.sensors[i].position))
                sensorSections[i].fail("position", "sensor " + tool.sensors[i].name +
                                                       " lies inside the target of cathode " + c.name +
                                                       "; expected a position in the gas");
    std::vector<std::string> cathodeNames;
    for (const auto& c : tool.cathodes) cathodeNames.push_back(c.name);
    for (std::size_t i = 0; i < tool.supplies.size(); ++i)
        for (const std::string& f : tool.supplies[i].feeds)
            if (std::find(cathodeNames.begin(), cathodeNames.end(), f) == cathodeNames.end()) {
                const std::string near = closestMatch(f, cathodeNames);
                std::string list;
                for (const auto& n : cathodeNames) list += (list.empty() ? "" : " ") + n;
                supplySections[i].fail("feeds", "supply " + tool.supplies[i].name + " is wired to '" + f +
                                                    "', which is not a cathode of this tool" +
                                                    (near.empty() ? "" : " (did you mean '" + near + "'?)") +
                                                    "; cathodes: " + list);
            }
}

namespace {

/// The item of `items` named `name`, or a ConfigError listing the names (with a guess).
template <class T>
const T& named(const std::vector<T>& items, const std::string& name, const std::string& path, const std::string& option,
               const std::string& kind) {
    std::vector<std::string> names;
    for (const T& item : items) {
        if (item.name == name) return item;
        names.push_back(item.name);
    }
    const std::string near = closestMatch(name, names);
    std::string list;
    for (const auto& n : names) list += (list.empty() ? "" : " ") + n;
    throw ConfigError(path + ": " + option + " '" + name + "': no such " + kind +
                      (near.empty() ? "" : " (did you mean '" + near + "'?)") + "; " + kind + "s: " + list);
}

}  // namespace

const ToolCathode& ToolFile::cathode(const std::string& name, const std::string& option) const {
    return named(cathodes, name, path, option, "cathode");
}

const ToolSubstrate& ToolFile::substrate(const std::string& name, const std::string& option) const {
    if (substrates.empty()) throw ConfigError(path + ": the tool file has no substrates (section 'substrates')");
    if (name.empty()) return substrates.front();
    return named(substrates, name, path, option, "substrate");
}

}  // namespace magtwin
