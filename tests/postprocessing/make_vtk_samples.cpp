// make_vtk_samples OUTDIR: writes one file of every kind the VTK writers produce, with
// analytic fields that tests/postprocessing/check_vtk_readable.py recomputes from the
// coordinates it reads back through ParaView (pvbatch):
//   surface.pvd + surface_000N.vts  erosion series (Float64): depth_mm = 1e3 (x + 2 y) (1 + N),
//                                   normal = (0, x, 1), 120 x 90 points (as `magtwin erode`)
//   profile.vtp                     cross-section polyline (Float64): thickness_nm = 100 + 1e3 x^2
//   thickness.vts                   substrate map (Float32, mask): thickness_nm = 100 + 10 x + 5 y,
//                                   in_quality_area = 1 inside |x|, |y| < 1.4025 m, 589 x 675 points
//                                   (Gen-10.5 glass at 5 mm)
#include "postprocessing/vtk/VtkWriters.hpp"

#include <cmath>
#include <filesystem>
#include <iostream>

using magtwin::GridSurface;

namespace {

GridSurface erosionSurface(int step) {
    GridSurface s;
    s.nu = 120;
    s.nv = 90;
    std::vector<double> depth;
    std::vector<Eigen::Vector3d> normal;
    for (std::size_t j = 0; j < s.nv; ++j)
        for (std::size_t i = 0; i < s.nu; ++i) {
            const double x = -0.3 + 0.005 * i, y = 0.1 + 0.002 * j;
            s.points.emplace_back(x, y, 0.1);
            depth.push_back(1e3 * (x + 2 * y) * (1 + step));
            normal.emplace_back(0.0, x, 1.0);
        }
    s.setScalar("depth_mm", depth);
    s.setVector("normal", normal);
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make_vtk_samples OUTDIR\n";
        return 2;
    }
    const std::string dir = argv[1];
    try {
        std::filesystem::create_directories(dir);
        std::vector<magtwin::SeriesStep<GridSurface>> steps;
        for (int k = 0; k < 3; ++k) steps.push_back({1000.0 * k, erosionSurface(k)});
        magtwin::writeSurfaceSeries(steps, dir, "surface");

        magtwin::ProfileLine profile;
        std::vector<double> thickness;
        for (int k = 0; k < 201; ++k) {
            const double x = -0.1 + 0.001 * k;
            profile.points.emplace_back(x, 0.0, 0.05);
            thickness.push_back(100 + 1e3 * x * x);
        }
        profile.scalars.emplace_back("thickness_nm", thickness);
        magtwin::writeProfileVtk(profile, dir + "/profile.vtp");

        GridSurface map;
        map.nu = 589;
        map.nv = 675;
        std::vector<double> film;
        std::vector<bool> quality;
        for (std::size_t j = 0; j < map.nv; ++j)
            for (std::size_t i = 0; i < map.nu; ++i) {
                const double x = -1.47 + 0.005 * i, y = -1.685 + 0.005 * j;
                map.points.emplace_back(x, y, 0.0);
                film.push_back(100 + 10 * x + 5 * y);
                quality.push_back(std::abs(x) < 1.4025 && std::abs(y) < 1.4025);
            }
        map.setScalar("thickness_nm", film);
        magtwin::writeSubstrateMapVtk(map, quality, dir + "/thickness.vts");
    } catch (const std::exception& e) {
        std::cerr << "make_vtk_samples: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
