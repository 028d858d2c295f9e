// Reads every kind of file the VTK writers produce back with VTK's own readers (the
// same readers ParaView uses, linked to the machine's libexpat) and checks geometry, field
// names and values. Surfaces and profiles are written as Float64 (round trip exact,
// tolerance 0), substrate maps as Float32 (relative rounding <= 2^-24 per value).
// tests/postprocessing/check_vtk_readable.py does the same through ParaView's pvbatch.
#include "postprocessing/io/AtomicFile.hpp"
#include "postprocessing/vtk/VtkWriters.hpp"

#include <gtest/gtest.h>
#include <vtkCellArray.h>
#include <vtkDataArray.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPolyData.h>
#include <vtkStructuredGrid.h>
#include <vtkXMLDataElement.h>
#include <vtkXMLDataParser.h>
#include <vtkXMLParser.h>
#include <vtkXMLPolyDataReader.h>
#include <vtkXMLStructuredGridReader.h>

#include <unistd.h>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <string>

namespace fs = std::filesystem;
using magtwin::GridSurface;
using magtwin::ProfileLine;

namespace {

class VtkWriters : public ::testing::Test {
protected:
    void SetUp() override {
        std::string tmpl = (fs::temp_directory_path() / "magtwin-vtk-XXXXXX").string();
        ASSERT_NE(::mkdtemp(tmpl.data()), nullptr);
        dir = tmpl;
    }
    void TearDown() override { fs::remove_all(dir); }
    std::string path(const std::string& name) const { return (dir / name).string(); }
    std::set<std::string> filesInDir() const {
        std::set<std::string> names;
        for (const auto& e : fs::directory_iterator(dir)) names.insert(e.path().filename().string());
        return names;
    }
    fs::path dir;
};

// A 4 x 3 target surface placed off the origin in the chamber frame (z = 0.1 m), with a
// depth field, a rate field and a normal vector field.
GridSurface sampleSurface(double depthScale = 1.0) {
    GridSurface s;
    s.nu = 4;
    s.nv = 3;
    std::vector<double> depth, rate;
    std::vector<Eigen::Vector3d> normal;
    for (std::size_t j = 0; j < s.nv; ++j)
        for (std::size_t i = 0; i < s.nu; ++i) {
            s.points.emplace_back(-0.2 + 0.01 * i, 0.35 + 0.02 * j, 0.1 - 1e-4 * i * j);
            depth.push_back(depthScale * (0.5 * i + 0.25 * j));
            rate.push_back(1e-9 * (i + 1) * (j + 2));
            normal.emplace_back(0.0, 0.1 * i, 1.0);
        }
    s.setScalar("depth_mm", depth);
    s.setScalar("erosion_rate_m_s", rate);
    s.setVector("normal", normal);
    return s;
}

std::string readAll(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

/// The whole file parses as XML with plain expat (vtkXMLParser, this machine's libexpat):
/// no raw binary section that only VTK's appended-data trick can skip (VTK issue 19258).
void expectWellFormedXml(const std::string& path) {
    vtkNew<vtkXMLParser> parser;
    parser->SetFileName(path.c_str());
    EXPECT_EQ(parser->Parse(), 1) << path << " is not well-formed XML";
}

vtkSmartPointer<vtkStructuredGrid> readGrid(const std::string& path) {
    expectWellFormedXml(path);
    vtkNew<vtkXMLStructuredGridReader> reader;
    reader->SetFileName(path.c_str());
    reader->Update();
    EXPECT_EQ(reader->GetErrorCode(), 0u);
    return vtkSmartPointer<vtkStructuredGrid>(reader->GetOutput());
}

// Float32 rounding: round-to-nearest, relative error <= 2^-24 (IEEE 754 binary32).
constexpr double kFloat32Rounding = 5.960464477539063e-08;

void expectNear(double actual, double expected, double relative) {
    if (relative == 0)
        EXPECT_EQ(actual, expected);
    else
        EXPECT_LE(std::abs(actual - expected), relative * std::abs(expected)) << expected;
}

/// `relative` = 0: exact (Float64 file); kFloat32Rounding: a Float32 file.
void expectGridMatches(vtkStructuredGrid* grid, const GridSurface& s, double relative = 0) {
    int dims[3];
    grid->GetDimensions(dims);
    EXPECT_EQ(dims[0], static_cast<int>(s.nu));
    EXPECT_EQ(dims[1], static_cast<int>(s.nv));
    EXPECT_EQ(dims[2], 1);
    ASSERT_EQ(grid->GetNumberOfPoints(), static_cast<vtkIdType>(s.size()));
    const char* type = relative == 0 ? "double" : "float";
    EXPECT_STREQ(grid->GetPoints()->GetData()->GetDataTypeAsString(), type);
    for (std::size_t k = 0; k < s.size(); ++k) {
        double p[3];
        grid->GetPoint(static_cast<vtkIdType>(k), p);
        for (int c = 0; c < 3; ++c) expectNear(p[c], s.points[k][c], relative);
    }
    for (const auto& [name, values] : s.scalars) {
        vtkDataArray* a = grid->GetPointData()->GetArray(name.c_str());
        ASSERT_NE(a, nullptr) << name;
        ASSERT_EQ(a->GetNumberOfComponents(), 1);
        EXPECT_STREQ(a->GetDataTypeAsString(), type);
        for (std::size_t k = 0; k < values.size(); ++k)
            expectNear(a->GetTuple1(static_cast<vtkIdType>(k)), values[k], relative);
    }
    for (const auto& [name, values] : s.vectors) {
        vtkDataArray* a = grid->GetPointData()->GetArray(name.c_str());
        ASSERT_NE(a, nullptr) << name;
        ASSERT_EQ(a->GetNumberOfComponents(), 3);
        for (std::size_t k = 0; k < values.size(); ++k)
            for (int c = 0; c < 3; ++c)
                expectNear(a->GetComponent(static_cast<vtkIdType>(k), c), values[k][c], relative);
    }
}

}  // namespace

TEST_F(VtkWriters, GridSurfaceRoundTripsThroughVtkReaderWithNamesGeometryAndValues) {
    const GridSurface s = sampleSurface();
    magtwin::writeGridSurfaceVtk(s, path("surface.vts"));
    auto grid = readGrid(path("surface.vts"));
    EXPECT_EQ(grid->GetPointData()->GetNumberOfArrays(), 3);
    expectGridMatches(grid, s);
    // Inline binary (appended data, raw or base64, is unreadable with expat's reparse
    // deferral, VTK issue 19258), zlib-compressed, 64-bit block headers; not ASCII.
    const std::string text = readAll(path("surface.vts"));
    EXPECT_NE(text.find("format=\"binary\""), std::string::npos);
    EXPECT_EQ(text.find("<AppendedData"), std::string::npos);
    EXPECT_NE(text.find("compressor=\"vtkZLibDataCompressor\""), std::string::npos);
    EXPECT_NE(text.find("header_type=\"UInt64\""), std::string::npos);
    EXPECT_EQ(text.find("format=\"ascii\""), std::string::npos);
    EXPECT_EQ(filesInDir(), std::set<std::string>{"surface.vts"});  // no temporary left
}

TEST_F(VtkWriters, ProfileRoundTripsAsOnePolyline) {
    ProfileLine p;
    std::vector<double> thickness;
    for (int k = 0; k < 7; ++k) {
        p.points.emplace_back(0.01 * k, -0.5, 0.0);
        thickness.push_back(100.0 + k * k);
    }
    p.scalars.emplace_back("thickness_nm", thickness);
    magtwin::writeProfileVtk(p, path("profile.vtp"));
    expectWellFormedXml(path("profile.vtp"));

    vtkNew<vtkXMLPolyDataReader> reader;
    reader->SetFileName(path("profile.vtp").c_str());
    reader->Update();
    vtkPolyData* poly = reader->GetOutput();
    ASSERT_EQ(poly->GetNumberOfPoints(), 7);
    ASSERT_EQ(poly->GetNumberOfLines(), 1);
    vtkIdType n = 0;
    const vtkIdType* ids = nullptr;
    poly->GetLines()->InitTraversal();
    ASSERT_TRUE(poly->GetLines()->GetNextCell(n, ids));
    ASSERT_EQ(n, 7);
    for (vtkIdType k = 0; k < n; ++k) EXPECT_EQ(ids[k], k);
    vtkDataArray* a = poly->GetPointData()->GetArray("thickness_nm");
    ASSERT_NE(a, nullptr);
    for (int k = 0; k < 7; ++k) {
        double x[3];
        poly->GetPoint(k, x);
        EXPECT_EQ(x[0], 0.01 * k);
        EXPECT_EQ(x[1], -0.5);
        EXPECT_EQ(a->GetTuple1(k), thickness[k]);
    }
}

TEST_F(VtkWriters, PvdIsWellFormedXmlListingEveryStepInOrder) {
    const std::vector<magtwin::PvdEntry> entries{{0.0, "s_0000.vts"}, {12.5, "s_0001.vts"}, {0.1, "a&b.vts"}};
    magtwin::writePvd(entries, path("series.pvd"));

    vtkNew<vtkXMLDataParser> parser;
    parser->SetFileName(path("series.pvd").c_str());
    ASSERT_EQ(parser->Parse(), 1);
    vtkXMLDataElement* root = parser->GetRootElement();
    ASSERT_STREQ(root->GetName(), "VTKFile");
    EXPECT_STREQ(root->GetAttribute("type"), "Collection");
    vtkXMLDataElement* collection = root->FindNestedElementWithName("Collection");
    ASSERT_NE(collection, nullptr);
    ASSERT_EQ(collection->GetNumberOfNestedElements(), 3);
    for (int k = 0; k < 3; ++k) {
        vtkXMLDataElement* ds = collection->GetNestedElement(k);
        EXPECT_STREQ(ds->GetName(), "DataSet");
        EXPECT_EQ(ds->GetAttribute("file"), entries[k].file);  // '&' escaped and restored
        double t = -1;
        ASSERT_TRUE(ds->GetScalarAttribute("timestep", t));
        EXPECT_EQ(t, entries[k].time);  // max_digits10: exact round trip
    }
}

TEST_F(VtkWriters, SurfaceSeriesWritesReadableStepsAndACollectionThatNamesThem) {
    std::vector<magtwin::SeriesStep<GridSurface>> steps;
    for (int k = 0; k < 3; ++k) steps.push_back({100.0 * k, sampleSurface(k)});
    magtwin::writeSurfaceSeries(steps, dir.string(), "surface");
    EXPECT_EQ(filesInDir(),
              (std::set<std::string>{"surface.pvd", "surface_0000.vts", "surface_0001.vts", "surface_0002.vts"}));
    vtkNew<vtkXMLDataParser> parser;
    parser->SetFileName(path("surface.pvd").c_str());
    ASSERT_EQ(parser->Parse(), 1);
    vtkXMLDataElement* collection = parser->GetRootElement()->FindNestedElementWithName("Collection");
    ASSERT_EQ(collection->GetNumberOfNestedElements(), 3);
    for (int k = 0; k < 3; ++k) {
        const std::string file = collection->GetNestedElement(k)->GetAttribute("file");
        expectGridMatches(readGrid(path(file)), steps[k].data);
    }
}

TEST_F(VtkWriters, SubstrateMapCarriesTheQualityAreaMask) {
    GridSurface map = sampleSurface();
    std::vector<bool> inside(map.size(), true);
    inside[0] = inside[11] = false;  // two corners in the edge-exclusion zone
    magtwin::writeSubstrateMapVtk(map, inside, path("thickness.vts"));
    auto grid = readGrid(path("thickness.vts"));
    expectGridMatches(grid, map, kFloat32Rounding);
    vtkDataArray* mask = grid->GetPointData()->GetArray(magtwin::kQualityAreaField);
    ASSERT_NE(mask, nullptr);
    for (std::size_t k = 0; k < map.size(); ++k) EXPECT_EQ(mask->GetTuple1(k), inside[k] ? 1.0 : 0.0);
    EXPECT_THROW(magtwin::writeSubstrateMapVtk(map, std::vector<bool>(3, true), path("bad.vts")),
                 std::invalid_argument);
}

TEST_F(VtkWriters, InconsistentSizesAreRejectedBeforeAnythingIsWritten) {
    GridSurface s = sampleSurface();
    s.scalars.emplace_back("bad_mm", std::vector<double>(5, 0.0));
    EXPECT_THROW(magtwin::writeGridSurfaceVtk(s, path("bad.vts")), std::invalid_argument);
    GridSurface noPoints = sampleSurface();
    noPoints.points.pop_back();
    EXPECT_THROW(magtwin::writeGridSurfaceVtk(noPoints, path("bad.vts")), std::invalid_argument);
    EXPECT_TRUE(filesInDir().empty());
}

// A Gen-10.5-sized map in miniature: 300 k points with smooth fields is where raw appended
// data broke the reader (the parser stops mid-buffer); base64 + zlib reads back, and the
// compressed file is far smaller than the 8 bytes per value raw Float64 would take.
TEST_F(VtkWriters, LargeSubstrateMapReadsBackAndCompresses) {
    GridSurface map;
    map.nu = 600;
    map.nv = 500;
    std::vector<double> thickness;
    for (std::size_t j = 0; j < map.nv; ++j)
        for (std::size_t i = 0; i < map.nu; ++i) {
            const double x = -1.47 + 0.005 * i, y = -1.685 + 0.005 * j;
            map.points.emplace_back(x, y, 0.0);
            thickness.push_back(100.0 * (1.0 - 0.01 * (x * x + y * y)) + 0.3 * std::cos(23.0 * x));
        }
    map.setScalar("thickness_nm", thickness);
    magtwin::writeSubstrateMapVtk(map, std::vector<bool>(map.size(), true), path("thickness.vts"));
    expectGridMatches(readGrid(path("thickness.vts")), map, kFloat32Rounding);
    const auto bytes = fs::file_size(path("thickness.vts"));
    const double rawFloat64 = 8.0 * map.size() * (3 + 1 + 1);  // points + 2 scalars
    EXPECT_LT(bytes, 0.5 * rawFloat64) << bytes << " bytes";
}

// A write that fails at the file-system level (the temporary name is blocked by a
// directory) must throw and leave the previous file byte-for-byte intact.
TEST_F(VtkWriters, FailedWriteLeavesThePreviousFileIntact) {
    magtwin::writeGridSurfaceVtk(sampleSurface(1.0), path("surface.vts"));
    magtwin::writePvd({{0.0, "surface.vts"}}, path("series.pvd"));
    const std::string vtsBefore = readAll(path("surface.vts"));
    const std::string pvdBefore = readAll(path("series.pvd"));
    fs::create_directory(magtwin::temporaryPathFor(path("surface.vts")));
    fs::create_directory(magtwin::temporaryPathFor(path("series.pvd")));

    vtkObject::GlobalWarningDisplayOff();  // the expected VTK "cannot open" error is noise here
    EXPECT_THROW(magtwin::writeGridSurfaceVtk(sampleSurface(2.0), path("surface.vts")), std::runtime_error);
    EXPECT_THROW(magtwin::writePvd({{1.0, "other.vts"}}, path("series.pvd")), std::runtime_error);
    vtkObject::GlobalWarningDisplayOn();
    EXPECT_EQ(readAll(path("surface.vts")), vtsBefore);
    EXPECT_EQ(readAll(path("series.pvd")), pvdBefore);
    expectGridMatches(readGrid(path("surface.vts")), sampleSurface(1.0));
}
