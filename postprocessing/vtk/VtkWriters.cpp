#include "postprocessing/vtk/VtkWriters.hpp"

#include "postprocessing/io/AtomicFile.hpp"

#include <vtkCellArray.h>
#include <vtkDoubleArray.h>
#include <vtkFloatArray.h>
#include <vtkNew.h>
#include <vtkPointData.h>
#include <vtkPoints.h>
#include <vtkPolyData.h>
#include <vtkPolyLine.h>
#include <vtkStructuredGrid.h>
#include <vtkXMLPolyDataWriter.h>
#include <vtkXMLStructuredGridWriter.h>

#include <unistd.h>
#include <iomanip>
#include <limits>
#include <sstream>
#include <stdexcept>

namespace magtwin {
namespace {

void requireSize(const std::string& what, std::size_t actual, std::size_t expected) {
    if (actual != expected)
        throw std::invalid_argument(what + ": " + std::to_string(actual) + " values, expected " +
                                    std::to_string(expected));
}

vtkNew<vtkPoints> makePoints(const std::vector<Eigen::Vector3d>& points, VtkPrecision precision) {
    vtkNew<vtkPoints> out;
    if (precision == VtkPrecision::Float32)
        out->SetDataTypeToFloat();
    else
        out->SetDataTypeToDouble();
    out->SetNumberOfPoints(static_cast<vtkIdType>(points.size()));
    for (std::size_t k = 0; k < points.size(); ++k)
        out->SetPoint(static_cast<vtkIdType>(k), points[k].x(), points[k].y(), points[k].z());
    return out;
}

/// A double or float VTK array (the file's Float64 / Float32) with `components` per tuple.
vtkSmartPointer<vtkDataArray> makeArray(const std::string& name, int components, std::size_t tuples,
                                        VtkPrecision precision) {
    vtkSmartPointer<vtkDataArray> array;
    if (precision == VtkPrecision::Float32)
        array = vtkSmartPointer<vtkFloatArray>::New();
    else
        array = vtkSmartPointer<vtkDoubleArray>::New();
    array->SetName(name.c_str());
    array->SetNumberOfComponents(components);
    array->SetNumberOfTuples(static_cast<vtkIdType>(tuples));
    return array;
}

void addScalars(vtkPointData* pointData, const std::vector<std::pair<std::string, std::vector<double>>>& scalars,
                std::size_t expected, VtkPrecision precision) {
    for (const auto& [name, values] : scalars) {
        requireSize("field '" + name + "'", values.size(), expected);
        auto array = makeArray(name, 1, values.size(), precision);
        for (std::size_t k = 0; k < values.size(); ++k) array->SetComponent(static_cast<vtkIdType>(k), 0, values[k]);
        pointData->AddArray(array);
    }
}

void addVectors(vtkPointData* pointData,
                const std::vector<std::pair<std::string, std::vector<Eigen::Vector3d>>>& vectors, std::size_t expected,
                VtkPrecision precision) {
    for (const auto& [name, values] : vectors) {
        requireSize("field '" + name + "'", values.size(), expected);
        auto array = makeArray(name, 3, values.size(), precision);
        for (std::size_t k = 0; k < values.size(); ++k) array->SetTuple(static_cast<vtkIdType>(k), values[k].data());
        pointData->AddArray(array);
    }
}

/// Runs a configured VTK XML writer on a temporary name and renames it onto `path`.
template <typename Writer>
void writeAtomically(Writer& writer, const std::string& path) {
    const std::string tmp = temporaryPathFor(path);
    writer.SetFileName(tmp.c_str());
    // Inline binary: each DataArray holds its zlib-compressed data base64-encoded, so the
    // whole file is well-formed XML that expat parses to the end. Not appended (raw or
    // base64): VTK 9.1 / ParaView 5.11 read an <AppendedData> section by stopping expat
    // mid-buffer, which expat's reparse deferral (expat 2.6, backported to Debian 12 in
    // libexpat1 2.5.0-1+deb12u5) breaks: "not well-formed (invalid token)" at the data
    // (VTK issue 19258; measured here for raw and for base64 appended data alike).
    writer.SetDataModeToBinary();
    writer.SetCompressorTypeToZLib();
    // Level 1: the same size as levels 3 and 5 on a Gen-10.5 map (27.6 MB), 1.5 s instead of
    // 2.3 s to write (bench/bench_vtk_io.cpp).
    writer.SetCompressionLevel(1);
    writer.SetHeaderTypeToUInt64();
    if (writer.Write() != 1 || writer.GetErrorCode() != 0) {
        ::unlink(tmp.c_str());  // a partial temporary file, never a directory in the way
        throw std::runtime_error("cannot write VTK file '" + path + "'");
    }
    commitFile(tmp, path);
}

std::string xmlEscaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

}  // namespace

void writeGridSurfaceVtk(const GridSurface& surface, const std::string& path, VtkPrecision precision) {
    if (surface.nu == 0 || surface.nv == 0) throw std::invalid_argument("GridSurface for '" + path + "' is empty");
    requireSize("GridSurface points", surface.points.size(), surface.size());
    vtkNew<vtkStructuredGrid> grid;
    grid->SetDimensions(static_cast<int>(surface.nu), static_cast<int>(surface.nv), 1);
    grid->SetPoints(makePoints(surface.points, precision));
    addScalars(grid->GetPointData(), surface.scalars, surface.size(), precision);
    addVectors(grid->GetPointData(), surface.vectors, surface.size(), precision);

    vtkNew<vtkXMLStructuredGridWriter> writer;
    writer->SetInputData(grid);
    writeAtomically(*writer, path);
}

void writeProfileVtk(const ProfileLine& profile, const std::string& path) {
    if (profile.points.size() < 2) throw std::invalid_argument("ProfileLine for '" + path + "' has < 2 points");
    vtkNew<vtkPolyData> poly;
    poly->SetPoints(makePoints(profile.points, VtkPrecision::Float64));
    vtkNew<vtkPolyLine> line;
    line->GetPointIds()->SetNumberOfIds(static_cast<vtkIdType>(profile.points.size()));
    for (std::size_t k = 0; k < profile.points.size(); ++k)
        line->GetPointIds()->SetId(static_cast<vtkIdType>(k), static_cast<vtkIdType>(k));
    vtkNew<vtkCellArray> lines;
    lines->InsertNextCell(line);
    poly->SetLines(lines);
    addScalars(poly->GetPointData(), profile.scalars, profile.points.size(), VtkPrecision::Float64);

    vtkNew<vtkXMLPolyDataWriter> writer;
    writer->SetInputData(poly);
    writeAtomically(*writer, path);
}

void writePvd(const std::vector<PvdEntry>& entries, const std::string& path) {
    writeFileAtomically(path, [&](std::ostream& out) {
        out << std::setprecision(std::numeric_limits<double>::max_digits10);
        out << "<?xml version=\"1.0\"?>\n"
            << "<VTKFile type=\"Collection\" version=\"0.1\" byte_order=\"LittleEndian\">\n"
            << "  <Collection>\n";
        for (const auto& e : entries)
            out << "    <DataSet timestep=\"" << e.time << "\" group=\"\" part=\"0\" file=\"" << xmlEscaped(e.file)
                << "\"/>\n";
        out << "  </Collection>\n</VTKFile>\n";
    });
}

void writeSubstrateMapVtk(const GridSurface& map, const std::vector<bool>& inQualityArea, const std::string& path) {
    requireSize(std::string("mask '") + kQualityAreaField + "'", inQualityArea.size(), map.size());
    GridSurface withMask = map;
    std::vector<double> mask(inQualityArea.size());
    for (std::size_t k = 0; k < mask.size(); ++k) mask[k] = inQualityArea[k] ? 1.0 : 0.0;
    withMask.setScalar(kQualityAreaField, std::move(mask));
    writeGridSurfaceVtk(withMask, path, VtkPrecision::Float32);
}

void writeSurfaceSeries(const std::vector<SeriesStep<GridSurface>>& steps, const std::string& dir,
                        const std::string& stem, const std::string& pvdName) {
    std::vector<PvdEntry> entries;
    for (std::size_t k = 0; k < steps.size(); ++k) {
        std::ostringstream name;
        name << stem << '_' << std::setw(4) << std::setfill('0') << k << ".vts";
        writeGridSurfaceVtk(steps[k].data, dir + "/" + name.str());
        entries.push_back({steps[k].time, name.str()});
    }
    writePvd(entries, dir + "/" + (pvdName.empty() ? stem + ".pvd" : pvdName));
}

}  // namespace magtwin
