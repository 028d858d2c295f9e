#include "cli/tool/FoamCaseMesh.hpp"

#include "boundary/util/PhysicalConstants.hpp"
#include "cli/tool/FoamDict.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <functional>
#include <sstream>
#include <stdexcept>

namespace magtwin {

namespace {

/// Cell-to-cell growth of the radial grading towards the quality edge (a smooth mesh:
/// checkMesh's default quality limits hold far below 1.2).
constexpr double kGrowth = 1.1;

RingCells uniformRing(double L, double h) { return {std::max(1L, static_cast<long>(std::ceil(L / h - 1e-9))), "1"}; }

RingCells gradedRing(double L, double h, double edge) {
    if (edge >= h) return uniformRing(L, h);
    const long mB = static_cast<long>(std::ceil(std::log(h / edge) / std::log(kGrowth))) + 1;
    const double LB = edge * (std::pow(kGrowth, static_cast<double>(mB)) - 1.0) / (kGrowth - 1.0);
    const double lastOverFirst = std::pow(kGrowth, -static_cast<double>(mB - 1));
    if (LB >= 0.8 * L) {  // the whole ring graded: sizes from about h down to `edge`
        const long m = std::max(2L, static_cast<long>(std::ceil(2.0 * L / (h + edge))));
        return {m, foamNumber(edge / h)};
    }
    const double LA = L - LB;
    const long mA = std::max(1L, static_cast<long>(std::ceil(LA / h - 1e-9)));
    const long m = mA + mB;
    std::ostringstream g;
    g << "((" << foamNumber(LA / L) << " " << foamNumber(static_cast<double>(mA) / m) << " 1) (" << foamNumber(LB / L)
      << " " << foamNumber(static_cast<double>(mB) / m) << " " << foamNumber(lastOverFirst) << "))";
    return {m, g.str()};
}

/// As gradedRing, with the fine end at the start of the interval.
RingCells gradedFromStart(double L, double h, double edge) {
    if (edge >= h) return uniformRing(L, h);
    const long mB = static_cast<long>(std::ceil(std::log(h / edge) / std::log(kGrowth))) + 1;
    const double LB = edge * (std::pow(kGrowth, static_cast<double>(mB)) - 1.0) / (kGrowth - 1.0);
    const double lastOverFirst = std::pow(kGrowth, static_cast<double>(mB - 1));
    if (LB >= 0.8 * L) {
        const long m = std::max(2L, static_cast<long>(std::ceil(2.0 * L / (h + edge))));
        return {m, foamNumber(h / edge)};
    }
    const double LA = L - LB;
    const long mA = std::max(1L, static_cast<long>(std::ceil(LA / h - 1e-9)));
    const long m = mA + mB;
    std::ostringstream g;
    g << "((" << foamNumber(LB / L) << " " << foamNumber(static_cast<double>(mB) / m) << " "
      << foamNumber(lastOverFirst) << ") (" << foamNumber(LA / L) << " " << foamNumber(static_cast<double>(mA) / m)
      << " 1))";
    return {m, g.str()};
}

}  // namespace

AxisCells axisCells(std::vector<double> breaks, const std::function<double(double)>& sizeAt, double q0, double q1,
                    double edge, const std::function<bool(double)>& graded) {
    std::sort(breaks.begin(), breaks.end());
    breaks.erase(std::unique(breaks.begin(), breaks.end(), [](double a, double b) { return std::abs(a - b) < 1e-9; }),
                 breaks.end());
    AxisCells a;
    a.breaks = breaks;
    for (std::size_t i = 0; i + 1 < breaks.size(); ++i) {
        const double lo = breaks[i], hi = breaks[i + 1], L = hi - lo, size = sizeAt(0.5 * (lo + hi));
        const bool insideQuality = lo >= q0 - 1e-9 && hi <= q1 + 1e-9 && (!graded || graded(0.5 * (lo + hi)));
        RingCells r = uniformRing(L, size);
        if (insideQuality && std::abs(hi - q1) < 1e-9) r = gradedRing(L, size, edge);
        if (insideQuality && std::abs(lo - q0) < 1e-9) r = gradedFromStart(L, size, edge);
        a.total += r.cells;
        a.cells.push_back(r);
    }
    return a;
}

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
        o << "    (" << foamNumber(c.centreXM + r * std::cos(a)) << " " << foamNumber(c.centreYM + r * std::sin(a))
          << " " << foamNumber(layer ? H : 0.0) << ")   // " << idx(level, q, layer) << "\n";
    };

    std::ostringstream o;
    o << "FoamFile { version 2.0; format ascii; class dictionary; object blockMeshDict; }\n\n"
      << "// O-grid cylinder: centre square, rings at r = ";
    for (int k = 1; k < levels; ++k) o << foamNumber(radii[k]) << (k + 1 < levels ? ", " : " m");
    o << "; spacing h = " << foamNumber(h) << " m (graded to " << foamNumber(c.edgeCellM)
      << " m at the quality edge r = " << foamNumber(rq) << " m).\nconvertToMeters 1;\n\nvertices\n(\n";
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
                  << foamNumber(c.centreXM + radii[k] * std::cos(a)) << " "
                  << foamNumber(c.centreYM + radii[k] * std::sin(a)) << " " << foamNumber(layer ? H : 0.0) << ")\n";
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

std::string boxBlockMeshDict(const BoxChamber& c, long cells, long& cellCount) {
    const double H = c.heightM;
    if (!(H > 0) || !(c.x1 > c.x0) || !(c.y1 > c.y0) || !(cells > 0) || !(c.edgeCellM > 0) || !(c.targetCellM > 0))
        throw std::invalid_argument("boxBlockMeshDict: bad chamber");
    std::vector<double> xb{c.x0, c.x1, c.substrate.x0, c.substrate.x1, c.quality.x0, c.quality.x1};
    std::vector<double> yb{c.y0, c.y1, c.substrate.y0, c.substrate.y1, c.quality.y0, c.quality.y1};
    for (const PatchRect& t : c.targets) {
        xb.insert(xb.end(), {t.x0, t.x1});
        yb.insert(yb.end(), {t.y0, t.y1});
        if (c.endZoneM > 0 && 2 * c.endZoneM < t.y1 - t.y0) yb.insert(yb.end(), {t.y0 + c.endZoneM, t.y1 - c.endZoneM});
    }
    const auto between = [](double v, double a, double b) { return v > a && v < b; };
    AxisCells ax, ay;
    long nz = 0;
    // h such that the count comes close to `cells` (the fine columns and rows do not scale).
    double h = std::cbrt((c.x1 - c.x0) * (c.y1 - c.y0) * H / static_cast<double>(cells));
    for (int iter = 0; iter < 8; ++iter) {
        const auto sizeX = [&](double x) {
            if (between(x, c.substrate.x0, c.quality.x0) || between(x, c.quality.x1, c.substrate.x1))
                return c.edgeCellM;
            for (const PatchRect& t : c.targets)
                if (between(x, t.x0, t.x1)) return std::min(h, c.targetCellM);
            return h;
        };
        const auto sizeY = [&](double y) {
            if (between(y, c.substrate.y0, c.quality.y0) || between(y, c.quality.y1, c.substrate.y1))
                return c.edgeCellM;
            for (const PatchRect& t : c.targets)
                if (between(y, t.y0, t.y0 + c.endZoneM) || between(y, t.y1 - c.endZoneM, t.y1))
                    return std::min(h, c.targetCellM);
            return h;
        };
        ax = axisCells(xb, sizeX, c.quality.x0, c.quality.x1, c.edgeCellM);
        ay = axisCells(yb, sizeY, c.quality.y0, c.quality.y1, c.edgeCellM);
        nz = std::max(4L, static_cast<long>(std::ceil(H / h - 1e-9)));
        cellCount = ax.total * ay.total * nz;
        h *= std::cbrt(static_cast<double>(cellCount) / static_cast<double>(cells));
    }
    const std::size_t NX = ax.breaks.size() - 1, NY = ay.breaks.size() - 1;
    auto v = [&](std::size_t i, std::size_t j, int k) { return k * (NX + 1) * (NY + 1) + j * (NX + 1) + i; };
    std::ostringstream o;
    o << "FoamFile { version 2.0; format ascii; class dictionary; object blockMeshDict; }\n\n"
      << "// Box chamber: blocks on every target, substrate and quality edge; " << ax.total << " x " << ay.total
      << " x " << nz << " cells (" << foamNumber(c.targetCellM) << " m across the targets, " << foamNumber(c.edgeCellM)
      << " m at the quality edges).\nconvertToMeters 1;\n\nvertices\n(\n";
    for (int k = 0; k < 2; ++k)
        for (std::size_t j = 0; j <= NY; ++j)
            for (std::size_t i = 0; i <= NX; ++i)
                o << "    (" << foamNumber(ax.breaks[i]) << " " << foamNumber(ay.breaks[j]) << " "
                  << foamNumber(k ? H : 0.0) << ")\n";
    o << ");\n\nblocks\n(\n";
    for (std::size_t j = 0; j < NY; ++j)
        for (std::size_t i = 0; i < NX; ++i)
            o << "    hex (" << v(i, j, 0) << " " << v(i + 1, j, 0) << " " << v(i + 1, j + 1, 0) << " "
              << v(i, j + 1, 0) << " " << v(i, j, 1) << " " << v(i + 1, j, 1) << " " << v(i + 1, j + 1, 1) << " "
              << v(i, j + 1, 1) << ") (" << ax.cells[i].cells << " " << ay.cells[j].cells << " " << nz
              << ") simpleGrading (" << ax.cells[i].grading << " " << ay.cells[j].grading << " 1)\n";
    o << ");\n\nedges\n(\n);\n\n";
    std::vector<std::pair<std::string, std::vector<std::string>>> patches;
    auto add = [&](const std::string& name, std::string f) {
        for (auto& p : patches)
            if (p.first == name) return p.second.push_back(std::move(f));
        patches.push_back({name, {std::move(f)}});
    };
    auto face = [](std::size_t a, std::size_t b, std::size_t d, std::size_t e) {
        return "(" + std::to_string(a) + " " + std::to_string(b) + " " + std::to_string(d) + " " + std::to_string(e) +
               ")";
    };
    for (const PatchRect& t : c.targets) patches.push_back({t.patch, {}});
    patches.push_back({c.substrate.patch, {}});
    for (std::size_t j = 0; j < NY; ++j)
        for (std::size_t i = 0; i < NX; ++i) {
            const double xm = 0.5 * (ax.breaks[i] + ax.breaks[i + 1]), ym = 0.5 * (ay.breaks[j] + ay.breaks[j + 1]);
            std::string top = c.shieldPatch;
            for (const PatchRect& t : c.targets)
                if (t.contains(xm, ym)) top = t.patch;
            add(top, face(v(i, j, 1), v(i + 1, j, 1), v(i + 1, j + 1, 1), v(i, j + 1, 1)));
            add(c.substrate.contains(xm, ym) ? c.substrate.patch : c.wallPatch,
                face(v(i, j, 0), v(i, j + 1, 0), v(i + 1, j + 1, 0), v(i + 1, j, 0)));
        }
    for (std::size_t j = 0; j < NY; ++j) {
        add(c.wallPatch, face(v(0, j, 0), v(0, j, 1), v(0, j + 1, 1), v(0, j + 1, 0)));
        add(c.wallPatch, face(v(NX, j, 0), v(NX, j + 1, 0), v(NX, j + 1, 1), v(NX, j, 1)));
    }
    for (std::size_t i = 0; i < NX; ++i) {
        add(c.wallPatch, face(v(i, 0, 0), v(i + 1, 0, 0), v(i + 1, 0, 1), v(i, 0, 1)));
        add(c.wallPatch, face(v(i, NY, 0), v(i, NY, 1), v(i + 1, NY, 1), v(i + 1, NY, 0)));
    }
    o << "boundary\n(\n";
    for (const auto& [name, faces] : patches) {
        if (faces.empty()) throw std::invalid_argument("boxBlockMeshDict: patch " + name + " has no faces");
        o << "    " << name << "\n    {\n        type wall;\n        faces\n        (\n";
        for (const std::string& f : faces) o << "            " << f << "\n";
        o << "        );\n    }\n";
    }
    o << ");\n\nmergePatchPairs\n(\n);\n";
    return o.str();
}

}  // namespace magtwin
