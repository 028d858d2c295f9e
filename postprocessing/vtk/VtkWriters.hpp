// VTK XML writers for the result types the solvers produce (GridSurface, ProfileLine),
// plus the ParaView collection (.pvd) that turns a series of files into a time series.
//
// Formats (VTK 9 "VTK XML" file formats, https://docs.vtk.org/en/latest/design_documents/VTKFileFormats.html):
//   .vts  structured grid (nu x nv points, one layer);
//   .vtp  poly data with one polyline through all points;
//   .pvd  ParaView data collection: <DataSet timestep="t" file="..."/> entries.
// Data are inline binary (format="binary": zlib-compressed, base64-encoded inside each
// DataArray, UInt64 headers), so every file is well-formed XML. Appended data (raw or
// base64) is not used: VTK 9.1 / ParaView 5.11 cannot read it with a current expat
// (Debian 12 libexpat1 >= 2.5.0-1+deb12u5, "reparse deferral", VTK issue 19258).
// Coordinates are written in metres in the chamber frame, so targets, substrates and an
// OpenFOAM case line up when opened together: Float64 by default (erosion surfaces,
// profiles: exact), Float32 for substrate maps (see writeSubstrateMapVtk). Field names are
// written exactly as given; they carry their unit (thickness_nm, depth_mm).
//
// Every write is atomic: the file is written under temporaryPathFor(path) and renamed
// onto `path` only when VTK reports success, so a failed or interrupted write leaves the
// previous file (if any) intact and no partial file behind.
#pragma once

#include "solvers/fields/GridSurface.hpp"

#include <string>
#include <vector>

namespace magtwin {

/// Floating-point type of the points and fields in a written file.
enum class VtkPrecision {
    Float64,  ///< exact
    Float32,  ///< relative error <= 2^-24 (6.0e-8) per value, half the size
};

/// Writes `surface` as a VTK XML structured grid (.vts). Throws std::invalid_argument if
/// the points or a field do not have nu*nv entries, std::runtime_error if writing fails.
void writeGridSurfaceVtk(const GridSurface& surface, const std::string& path,
                         VtkPrecision precision = VtkPrecision::Float64);

/// Writes `profile` as VTK XML poly data (.vtp): the points joined by one polyline, the
/// scalars as point data. Throws like writeGridSurfaceVtk.
void writeProfileVtk(const ProfileLine& profile, const std::string& path);

/// One entry of a ParaView collection: `file` is written as given (use a path relative to
/// the .pvd so the folder can be moved), `time` in the series' own unit.
struct PvdEntry {
    double time;
    std::string file;
};

/// Writes a ParaView data collection (.pvd) listing `entries` in the given order.
void writePvd(const std::vector<PvdEntry>& entries, const std::string& path);

/// Field name that marks the quality area of a substrate map: 1 where the point counts
/// toward uniformity, 0 in the edge-exclusion zone (and outside a wafer disc).
inline constexpr const char* kQualityAreaField = "in_quality_area";

/// Writes a substrate map (thickness or rate on glass or a wafer) as .vts with the
/// quality-area mask added as the scalar field kQualityAreaField (`inQualityArea` has
/// nu*nv entries). Written in Float32: a thickness of 100 nm is stored to 6e-6 nm
/// (relative 6e-8, 5 orders of magnitude below the 3 % band a user judges), a point of a
/// 3.4 m glass to 0.24 um on a >= 1 mm grid.
void writeSubstrateMapVtk(const GridSurface& map, const std::vector<bool>& inQualityArea, const std::string& path);

/// Writes a time series of surfaces into `dir` as <stem>_NNNN.vts plus a collection
/// `pvdName` (default <stem>.pvd) that lists them with their times (relative file names).
/// `dir` must exist. An erosion result uses stem "surface" and pvdName "erosion.pvd".
void writeSurfaceSeries(const std::vector<SeriesStep<GridSurface>>& steps, const std::string& dir,
                        const std::string& stem, const std::string& pvdName = "");

}  // namespace magtwin
