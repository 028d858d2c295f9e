#include "cli/tool/ToolAlongTrack.hpp"

#include <iomanip>
#include <sstream>
#include <stdexcept>

namespace magtwin {

AlongTrackProfile readAlongTrack(const SchemaSection& a, CathodeKind kind, double straightLengthM) {
    AlongTrackProfile p;
    const std::string shape = a.text("shape");
    p.shape = alongTrackShapeFromName(shape);  // the schema's choice list already checked it
    if (kind == CathodeKind::PlanarCircular && p.shape != AlongTrackProfile::Shape::Uniform)
        a.fail("shape", "an along-track profile needs straight tracks (planar-rect or rotary cathode)");
    const bool boost = p.shape == AlongTrackProfile::Shape::EndBoost;
    const bool table = p.shape == AlongTrackProfile::Shape::Table;
    for (const char* key : {"gain", "length"})
        if (a.has(key) && !boost) a.fail(key, "only used by along_track shape end-boost");
    for (const char* key : {"points", "points_mm", "symmetric"})
        if (a.has(key) && !table) a.fail(key, "only used by along_track shape table");
    if (boost) {
        if (!a.has("gain")) a.fail("gain", "missing: along_track shape end-boost needs gain and length");
        p.gain = a.number("gain");
        if (!(p.gain >= -1.0)) a.fail("gain", "must be >= -1 (the flux factor at the ends is 1 + gain >= 0)");
        p.lengthM = a.quantity("length");
        if (!(p.lengthM > 0.0 && p.lengthM <= 0.5 * straightLengthM))
            a.fail("length", "must be > 0 and at most half the straight (" +
                                 std::to_string(0.5 * straightLengthM * 1e3) + " mm)");
    }
    std::string pointsKey = "points";
    if (table) {
        if (a.has("points") == a.has("points_mm")) a.fail("points", "give one of points (fractions) or points_mm");
        p.pointsInMillimetres = a.has("points_mm");
        if (p.pointsInMillimetres) pointsKey = "points_mm";
        p.points = a.numberPairs(pointsKey);
        p.symmetric = a.flag("symmetric");
    }
    try {
        p.check(straightLengthM);
    } catch (const std::invalid_argument& e) {
        a.fail(table ? pointsKey : "shape", e.what());
    }
    return p;
}

std::string alongTrackYaml(const AlongTrackProfile& p) {
    std::ostringstream o;
    o << std::setprecision(17) << "{shape: " << alongTrackShapeName(p.shape);
    if (p.shape == AlongTrackProfile::Shape::EndBoost) o << ", gain: " << p.gain << ", length: " << p.lengthM << " m";
    if (p.shape == AlongTrackProfile::Shape::Table) {
        o << (p.pointsInMillimetres ? ", points_mm: [" : ", points: [");
        for (std::size_t i = 0; i < p.points.size(); ++i)
            o << (i ? ", " : "") << '[' << p.points[i].first << ", " << p.points[i].second << ']';
        o << "], symmetric: " << (p.symmetric ? "true" : "false");
    }
    o << '}';
    return o.str();
}

}  // namespace magtwin
