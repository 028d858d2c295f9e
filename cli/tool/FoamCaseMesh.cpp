#include "cli/tool/FoamCaseMesh.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <stdexcept>

namespace magtwin {

namespace {

constexpr double kPi = 3.14159265358979323846;
/// Cell-to-cell growth of the radial grading towards the quality edge (a smooth mesh:
/// checkMesh's default quality limits hold far below 1.2).
constexpr double kGrowth = 1.1;

std::string num(double v) {
    char b[40];
    std::snprintf(b, sizeof b, "%.10g", v);
    return b;
}

/// Radial cells and grading of one ring of length L: uniform at h, or (towards = true) graded
/// down to `edge` at the outer radius by kGrowth per cell.
struct RingCells {
    long cells = 1;
    std::string grading = "1";
};

RingCells uniformRing(double L, double h) { return {std::max(1L, static_cast<long>(std::ceil(L / h - 1e-9))), "1"}; }

RingCells gradedRing(double L, double h, double edge) {
    if (edge >= h) return uniformRing(L, h);
    const long mB = static_cast<long>(std::ceil(std::log(h / edge) / std::log(kGrowth))) + 1;
    const double LB = edge * (std::pow(kGrowth, static_cast<double>(mB)) - 1.0) / (kGrowth - 1.0);
    const double lastOverFirst = std::pow(kGrowth, -static_cast<double>(mB - 1));
    if (LB >= 0.8 * L) {  // the whole ring graded: sizes from about h down to `edge`
        const long m = std::max(2L, static_cast<long>(std::ceil(2.0 * L / (h + edge))));
        return {m, num(edge / h)};
    }
    const double LA = L - LB;
    const long mA = std::max(1L, static_cast<long>(std::ceil(LA / h - 1e-9)));
    const long m = mA + mB;
    std::ostringstream g;
    g << "((" << num(LA / L) << " " << num(static_cast<double>(mA) / m) << " 1) (" << num(LB / L) << " "
      << num(static_cast<double>(mB) / m) << " " << num(lastOverFirst) << "))";
    return {m, g.str()};
}

}  // namespace

std::string cylinderBlockMeshDict(const CylinderChamber& c, long cells, long& cellCount) {
    const double rq = c.qualityRadiusM, rw = c.waferRadiusM, rt = c.targetRadiusM, rc = c.chamberRadiusM;
    if (!(c.heightM > 0) || !(rq > 0) || rq > rw || !(rt > 0) || !(rc > std::max(rw, rt)) || !(cells > 0) ||
        !(c.edgeCellM > 0))
        throw std::invalid_argument("cylinderBlockMeshDict: radii out of order");
    const double H = c.heightM;
    const double h = std::cbrt(kPi * rc * rc * H / static_cast<double>(cells));
    // Levels: the centre square's corners, then every patch or quality boundary radius.
    std::vector<double> radii{rq, rw, rt, rc};
    std::sort(radii.begin(), radii.end());
    radii.erase(std::unique(radii.begin(), radii.end(), [](double a, double b) { return std::abs(a - b) < 1e-9; }),
                radii.end());
    radii.insert(radii.begin(), 0.5 * radii.front());  // square corners at half the first radius
    const int levels = static_cast<int>(radii.size());
    // Cells per quarter turn (and along the square's side): spacing h on the wafer's edge.
    const long n = std::max(4L, static_cast<long>(std::ceil(0.5 * kPi * rw / h)));
    const long nz = std::max(4L, static_cast<long>(std::ceil(H / h - 1e-9)));

    auto idx = [&](int level, int q, int layer) { return layer * 4 * levels + level * 4 + (q % 4); };
    auto corner = [&](int level, int q, int layer, std::ostringstream& o) {
        const double a = kPi / 4 + q * kPi / 2;
        const double r = radii[level];
        o << "    (" << num(c.centreXM + r * std::cos(a)) << " " << num(c.centreYM + r * std::sin(a)) << " "
          << num(layer ? H : 0.0) << ")   // " << idx(level, q, layer) << "\n";
    };

    std::ostringstream o;
    o << "FoamFile { version 2.0; format ascii; class dictionary; object blockMeshDict; }\n\n"
      << "// O-grid cylinder: centre square, rings at r = ";
    for (int k = 1; k < levels; ++k) o << num(radii[k]) << (k + 1 < levels ? ", " : " m");
    o << "; spacing h = " << num(h) << " m (graded to " << num(c.edgeCellM) << " m at the quality edge r = " << num(rq)
      << " m).\nconvertToMeters 1;\n\nvertices\n(\n";
    for (int layer = 0; layer < 2; ++layer)
        for (int k = 0; k < levels; ++k)
            for (int q = 0; q < 4; ++q) corner(k, q, layer, o);
    o << ");\n\nblocks\n(\n";
    cellCount = n * n * nz;
    o << "    hex (" << idx(0, 0, 0) << " " << idx(0, 1, 0) << " " << idx(0, 2, 0) << " " << idx(0, 3, 0) << " "
      << idx(0, 0, 1) << " " << idx(0, 1, 1) << " " << idx(0, 2, 1) << " " << idx(0, 3, 1) << ") (" << n << " " << n
      << " " << nz << ") simpleGrading (1 1 1)\n";
    for (int k = 1; k < levels; ++k) {
        const double L = radii[k] - radii[k - 1];
        const bool toQualityEdge = std::abs(radii[k] - rq) < 1e-9;
        const bool fromQualityEdge = std::abs(radii[k - 1] - rq) < 1e-9;
        const RingCells ring = toQualityEdge     ? gradedRing(L, h, c.edgeCellM)
                               : fromQualityEdge ? uniformRing(L, std::min(h, c.edgeCellM))
                                                 : uniformRing(L, h);
        cellCount += 4 * ring.cells * n * nz;
        for (int q = 0; q < 4; ++q)
            o << "    hex (" << idx(k - 1, q, 0) << " " << idx(k, q, 0) << " " << idx(k, q + 1, 0) << " "
              << idx(k - 1, q + 1, 0) << " " << idx(k - 1, q, 1) << " " << idx(k, q, 1) << " " << idx(k, q + 1, 1)
              << " " << idx(k - 1, q + 1, 1) << ") (" << ring.cells << " " << n << " " << nz << ") simpleGrading ("
              << ring.grading << " 1 1)\n";
    }
    o << ");\n\nedges\n(\n";
    for (int layer = 0; layer < 2; ++layer)
        for (int k = 1; k < levels; ++k)
            for (int q = 0; q < 4; ++q) {
                const double a = kPi / 2 + q * kPi / 2;
                o << "    arc " << idx(k, q, layer) << " " << idx(k, q + 1, layer) << " ("
                  << num(c.centreXM + radii[k] * std::cos(a)) << " " << num(c.centreYM + radii[k] * std::sin(a)) << " "
                  << num(layer ? H : 0.0) << ")\n";
            }
    o << ");\n\n";

    // Faces of each block by patch (outward normals: bottom -z, top +z, side radial).
    std::vector<std::string> substrate, target, shields, walls;
    auto face = [&](int a, int b, int c2, int d) {
        return "(" + std::to_string(a) + " " + std::to_string(b) + " " + std::to_string(c2) + " " + std::to_string(d) +
               ")";
    };
    const auto bottomOf = [&](double rOuter) -> std::vector<std::string>& {
        return rOuter <= rw + 1e-9 ? substrate : walls;
    };
    const auto topOf = [&](double rOuter) -> std::vector<std::string>& {
        return rOuter <= rt + 1e-9 ? target : shields;
    };
    bottomOf(radii[0]).push_back(face(idx(0, 0, 0), idx(0, 3, 0), idx(0, 2, 0), idx(0, 1, 0)));
    topOf(radii[0]).push_back(face(idx(0, 0, 1), idx(0, 1, 1), idx(0, 2, 1), idx(0, 3, 1)));
    for (int k = 1; k < levels; ++k)
        for (int q = 0; q < 4; ++q) {
            bottomOf(radii[k]).push_back(face(idx(k - 1, q, 0), idx(k - 1, q + 1, 0), idx(k, q + 1, 0), idx(k, q, 0)));
            topOf(radii[k]).push_back(face(idx(k - 1, q, 1), idx(k, q, 1), idx(k, q + 1, 1), idx(k - 1, q + 1, 1)));
            if (k == levels - 1) walls.push_back(face(idx(k, q, 0), idx(k, q + 1, 0), idx(k, q + 1, 1), idx(k, q, 1)));
        }
    auto patch = [&](const std::string& name, const std::vector<std::string>& faces, const char* type) {
        if (faces.empty()) return;
        o << "    " << name << "\n    {\n        type " << type << ";\n        faces\n        (\n";
        for (const std::string& f : faces) o << "            " << f << "\n";
        o << "        );\n    }\n";
    };
    o << "boundary\n(\n";
    patch(c.targetPatch, target, "patch");
    patch(c.substratePatch, substrate, "wall");
    patch(c.shieldPatch, shields, "wall");
    patch(c.wallPatch, walls, "wall");
    o << ");\n\nmergePatchPairs\n(\n);\n";
    return o.str();
}

}  // namespace magtwin
