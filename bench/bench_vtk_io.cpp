// Substrate-map file size and write/read time: the Gen-10.5 glass map at 2 mm (1471 x 1686 =
// 2.48 M points, thickness_nm + rate_nm_s + in_quality_area) as magtwin writes it now
// (writeSubstrateMapVtk: Float32, inline binary, zlib) against the format it replaced
// (Float64, raw appended, uncompressed; written here with VTK directly as the reference),
// both read back with VTK's vtkXMLStructuredGridReader in the same process.
//   usage: magtwin_bench_vtk_io [DIR]   (default: a temporary folder, removed after)
#include "postprocessing/vtk/VtkWriters.hpp"

#include <vtkDoubleArray.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkStructuredGrid.h>
#include <vtkXMLStructuredGridReader.h>
#include <vtkXMLStructuredGridWriter.h>

#include <unistd.h>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <filesystem>

namespace fs = std::filesystem;

namespace {

double seconds(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

magtwin::GridSurface glassMap(std::vector<bool>& quality) {
    magtwin::GridSurface map;
    map.nu = 1471;
    map.nv = 1686;
    std::vector<double> thickness, rate;
    for (std::size_t j = 0; j < map.nv; ++j)
        for (std::size_t i = 0; i < map.nu; ++i) {
            const double x = -1.47 + 0.002 * i, y = -1.685 + 0.002 * j;
            map.points.emplace_back(x, y, 0.0);
            // A rotary-array-like film: dome plus a 270 mm ripple, ~100 nm.
            const double t = 100.0 * (1 - 0.004 * (x * x + y * y)) + 0.6 * std::cos(2 * M_PI * x / 0.27);
            thickness.push_back(t);
            rate.push_back(t / 60.0);
            quality.push_back(std::abs(x) < 1.46 && std::abs(y) < 1.675);
        }
    map.setScalar("thickness_nm", thickness);
    map.setScalar("rate_nm_s", rate);
    return map;
}

void writeRawFloat64(const magtwin::GridSurface& map, const std::vector<bool>& quality, const std::string& path) {
    vtkNew<vtkStructuredGrid> grid;
    grid->SetDimensions(int(map.nu), int(map.nv), 1);
    vtkNew<vtkPoints> points;
    points->SetDataTypeToDouble();
    points->SetNumberOfPoints(vtkIdType(map.size()));
    for (std::size_t k = 0; k < map.size(); ++k) points->SetPoint(vtkIdType(k), map.points[k].data());
    grid->SetPoints(points);
    auto add = [&](const std::string& name, const std::vector<double>& v) {
        vtkNew<vtkDoubleArray> a;
        a->SetName(name.c_str());
        a->SetNumberOfTuples(vtkIdType(v.size()));
        for (std::size_t k = 0; k < v.size(); ++k) a->SetValue(vtkIdType(k), v[k]);
        grid->GetPointData()->AddArray(a);
    };
    for (const auto& [name, values] : map.scalars) add(name, values);
    add(magtwin::kQualityAreaField, std::vector<double>(quality.begin(), quality.end()));
    vtkNew<vtkXMLStructuredGridWriter> w;
    w->SetInputData(grid);
    w->SetFileName(path.c_str());
    w->SetDataModeToAppended();
    w->EncodeAppendedDataOff();
    w->SetCompressorTypeToNone();
    w->Write();
}

double readBack(const std::string& path, vtkIdType& points) {
    const auto t0 = std::chrono::steady_clock::now();
    vtkNew<vtkXMLStructuredGridReader> r;
    r->SetFileName(path.c_str());
    r->Update();
    points = r->GetOutput()->GetNumberOfPoints();
    return seconds(t0);
}

}  // namespace

int main(int argc, char** argv) {
    const bool temporary = argc < 2;
    const fs::path dir =
        temporary ? fs::temp_directory_path() / ("magtwin-bench-vtk-" + std::to_string(::getpid())) : fs::path(argv[1]);
    fs::create_directories(dir);
    std::vector<bool> quality;
    const magtwin::GridSurface map = glassMap(quality);

    auto t0 = std::chrono::steady_clock::now();
    writeRawFloat64(map, quality, (dir / "old.vts").string());
    const double writeOld = seconds(t0);
    t0 = std::chrono::steady_clock::now();
    magtwin::writeSubstrateMapVtk(map, quality, (dir / "new.vts").string());
    const double writeNew = seconds(t0);
    vtkIdType nOld = 0, nNew = 0;
    const double readOld = readBack((dir / "old.vts").string(), nOld);
    const double readNew = readBack((dir / "new.vts").string(), nNew);
    const double mbOld = fs::file_size(dir / "old.vts") / 1e6, mbNew = fs::file_size(dir / "new.vts") / 1e6;
    std::printf("Gen-10.5 map at 2 mm: %zu points (read back: %lld old, %lld new)\n", map.size(), (long long)nOld,
                (long long)nNew);
    std::printf("old (Float64, raw appended):      %7.1f MB, write %.2f s, read %.2f s\n", mbOld, writeOld, readOld);
    std::printf("new (Float32, inline binary+zlib): %7.1f MB, write %.2f s, read %.2f s\n", mbNew, writeNew, readNew);
    std::printf("ratios new/old: size %.3f, write %.2f, read %.2f\n", mbNew / mbOld, writeNew / writeOld,
                readNew / readOld);
    if (temporary) fs::remove_all(dir);
    return nOld == vtkIdType(map.size()) && nNew == vtkIdType(map.size()) ? 0 : 1;
}
