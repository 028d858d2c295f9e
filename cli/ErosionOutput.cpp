#include "cli/ErosionOutput.hpp"

#include "postprocessing/reports/OperatingPointJson.hpp"

#include "boundary/util/Json.hpp"
#include "boundary/util/TextNumber.hpp"
#include "postprocessing/io/OutputFolder.hpp"

#include "postprocessing/io/AtomicFile.hpp"
#include "postprocessing/plot/GnuplotSession.hpp"
#include "postprocessing/plot/LinePlot.hpp"
#ifdef MAGTWIN_HAVE_VTK
#include "postprocessing/vtk/VtkWriters.hpp"
#endif

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <iomanip>
#include <sstream>

namespace magtwin {

namespace fs = std::filesystem;

namespace {

/// Numbers in the CSV files and the picture.
std::string num(double v, int precision = 8) { return textNumber(v, precision); }

/// A direction of the cathode frame in the chamber frame (erosionPointInChamber's turn).
Eigen::Vector3d toChamber(const Eigen::Vector3d& p) { return {-p.y(), p.x(), p.z()}; }

std::string jsonList(const std::vector<double>& v) {
    std::string s = "[";
    for (std::size_t i = 0; i < v.size(); ++i) s += (i ? ", " : "") + jsonNumber(v[i]);
    return s + "]";
}

std::string indexed(const std::string& stem, std::size_t k, const std::string& ext) {
    std::ostringstream o;
    o << stem << "_" << std::setw(4) << std::setfill('0') << k << ext;
    return o.str();
}

const std::vector<double>& column(const ProfileLine& p, const std::string& name) {
    for (const auto& f : p.scalars)
        if (f.first == name) return f.second;
    throw std::logic_error("cross-section without " + name);
}

void writeText(const fs::path& path, const std::string& text) {
    std::ofstream out(path);
    out << text;
    if (!out) throw std::runtime_error("cannot write " + path.string());
}

void writeCrossSections(const ErosionSetup& setup, const LifeResult& r, const fs::path& dir) {
    std::ostringstream all;
    all << "# groove cross-sections (depth_mm) at the life points; see summary.json\nposition_mm";
    for (const auto& s : r.snapshots) all << ",depth_mm_at_" << num(s.lifeKWh, 6) << "_kWh";
    all << "\n";
    const auto& pos = column(r.snapshots.front().crossSection, "position_mm");
    for (std::size_t k = 0; k < pos.size(); ++k) {
        all << num(pos[k]);
        for (const auto& s : r.snapshots) all << "," << num(column(s.crossSection, "depth_mm")[k]);
        all << "\n";
    }
    writeText(dir / "grooves.csv", all.str());
    for (std::size_t i = 0; i < r.snapshots.size(); ++i) {
        const auto& s = r.snapshots[i];
        std::ostringstream o;
        o << "# life " << num(s.lifeKWh) << " kWh, time " << num(s.timeS) << " s, groove FWHM "
          << num(s.grooveFwhmM * 1e3) << " mm, track width scale " << num(s.widthScale) << "\n";
        // x_m, y_m, z_m: the erosion engine's cathode frame (long axis x, face at z = 0);
        // chamber_*: the same point in the tool file's chamber frame (placed and turned with the cathode).
        o << "position_mm,depth_mm,sputtered_flux_per_m2_s,x_m,y_m,z_m,chamber_x_m,chamber_y_m,chamber_z_m\n";
        const auto& d = column(s.crossSection, "depth_mm");
        const auto& e = column(s.crossSection, "sputtered_flux_per_m2_s");
        for (std::size_t k = 0; k < d.size(); ++k) {
            const auto& p = s.crossSection.points[k];
            o << num(column(s.crossSection, "position_mm")[k]) << "," << num(d[k]) << "," << num(e[k]) << ","
              << num(p.x()) << "," << num(p.y()) << "," << num(p.z());
            const Eigen::Vector3d q = erosionPointInChamber(setup, p);
            o << "," << num(q.x()) << "," << num(q.y()) << "," << num(q.z()) << "\n";
        }
        writeText(dir / indexed("cross_section", i, ".csv"), o.str());
    }
}

void plotGrooves(const ErosionSetup& setup, const LifeResult& r, const fs::path& dir) {
    std::vector<PlotSeries> series;
    for (const auto& s : r.snapshots) {
        PlotSeries p{num(s.lifeKWh, 5) + " kWh", column(s.crossSection, "position_mm"), {}, PlotSeries::Style::Line};
        for (double d : column(s.crossSection, "depth_mm")) p.y.push_back(-d);
        series.push_back(std::move(p));
    }
    PlotAxes axes;
    const CathodeKind kind = setup.engine->flux->kind();
    axes.title = gnuplotLiteral(setup.title) + ": " + setup.material + " " + cathodeKindName(kind) +
                 " groove over life (utilization " + num(100 * r.utilization, 3) + " %)";
    // The chamber frame (docs/tool-file.md: y along the cathodes' long axis, x across), not the
    // erosion engine's own frame (long axis x): a tube's axis and a planar target's length are y.
    axes.xLabel = kind == CathodeKind::PlanarRect       ? "position across the target, x (mm)"
                  : kind == CathodeKind::PlanarCircular ? "position along a diameter, y (mm)"
                                                        : "position along the tube axis, y (mm)";
    axes.yLabel = "surface height = -depth (mm)";
    renderLinePlot(axes, series, (dir / "grooves.png").string());
}

/// Every su-th point along u and sv-th along v, always keeping the last row and column.
GridSurface subsampled(const GridSurface& in, std::size_t su, std::size_t sv) {
    if (su <= 1 && sv <= 1) return in;
    auto picks = [](std::size_t n, std::size_t stride) {
        std::vector<std::size_t> k;
        for (std::size_t i = 0; i < n; i += stride) k.push_back(i);
        if (k.back() != n - 1) k.push_back(n - 1);
        return k;
    };
    const auto iu = picks(in.nu, su), iv = picks(in.nv, sv);
    GridSurface out;
    out.nu = iu.size();
    out.nv = iv.size();
    for (std::size_t j : iv)
        for (std::size_t i : iu) out.points.push_back(in.points[in.index(i, j)]);
    for (const auto& f : in.scalars) {
        std::vector<double> v;
        for (std::size_t j : iv)
            for (std::size_t i : iu) v.push_back(f.second[in.index(i, j)]);
        out.setScalar(f.first, std::move(v));
    }
    for (const auto& f : in.vectors) {
        std::vector<Eigen::Vector3d> v;
        for (std::size_t j : iv)
            for (std::size_t i : iu) v.push_back(f.second[in.index(i, j)]);
        out.setVector(f.first, std::move(v));
    }
    return out;
}

}  // namespace

std::string erosionSummaryJson(const ErosionSetup& setup, const LifeResult& r) {
    std::vector<double> fwhm, lifePoints, maxDepth, scale;
    for (const auto& s : r.snapshots) {
        fwhm.push_back(s.grooveFwhmM * 1e3);
        lifePoints.push_back(s.lifeKWh);
        maxDepth.push_back(s.maxDepthM * 1e3);
        scale.push_back(s.widthScale);
    }
    const OperatingPoint& op = setup.engine->operating;
    std::ostringstream o;
    o << "{\n"
      << "  \"life_kWh\": " << jsonNumber(r.lifeKWh) << ",\n"
      << "  \"utilization\": " << jsonNumber(r.utilization) << ",\n"
      << "  \"max_depth_mm\": " << jsonNumber(r.maxDepthM * 1e3) << ",\n"
      << "  \"groove_fwhm_mm\": " << jsonList(fwhm) << ",\n"
      << "  \"steps\": " << r.steps << ",\n"
      << "  \"life_points_kWh\": " << jsonList(lifePoints) << ",\n"
      << "  \"max_depth_at_points_mm\": " << jsonList(maxDepth) << ",\n"
      << "  \"track_width_scale_at_points\": " << jsonList(scale) << ",\n"
      << "  \"end_reason\": " << jsonString(r.endReason) << ",\n"
      << "  \"cathode\": " << jsonString(cathodeKindName(setup.engine->flux->kind())) << ",\n"
      << "  \"material\": " << jsonString(setup.material) << ",\n"
      << "  \"gas\": " << jsonString(setup.gas) << ",\n"
      << "  \"power_W\": " << jsonNumber(op.powerW) << ",\n"
      << "  \"ion_energy_eV\": " << jsonNumber(op.ionEnergyEv) << ",\n"
      << "  \"ion_current_A\": " << jsonNumber(op.ionCurrentA) << ",\n"
      << "  \"gamma_se\": " << jsonNumber(op.gammaSE) << ",\n"
      << "  \"normal_yield\": " << jsonNumber(setup.engine->rate->normalYield()) << ",\n"
      << "  \"operating_point\": " << operatingPointJson(op) << ",\n"
      << "  \"rotary_wobble_ignored\": " << (setup.rotaryWobbleAmplitudeRad > 0 ? "true" : "false") << ",\n"
      << "  \"rotary_wobble_note\": " << jsonString(rotaryWobbleNote(setup)) << ",\n";
    if (setup.reactive) o << "  \"reactive\": " << reactiveStateJson(*setup.reactive) << ",\n";
    o << "  \"eroded_volume_cm3\": " << jsonNumber(r.erodedVolumeM3 * 1e6) << "\n"
      << "}\n";
    return o.str();
}

namespace {

GridSurface inChamberFrame(GridSurface s, const ErosionSetup& setup) {
    for (auto& p : s.points) p = erosionPointInChamber(setup, p);
    for (auto& [name, values] : s.vectors)
        for (auto& v : values) v = turnWithCathode(setup.chamberOrientation, toChamber(v));
    return s;
}

ProfileLine inChamberFrame(ProfileLine line, const ErosionSetup& setup) {
    for (auto& p : line.points) p = erosionPointInChamber(setup, p);
    return line;
}

}  // namespace

void writeErosionFolder(const ErosionSetup& setup, const LifeResult& r, const std::string& dirName) {
    writeFolderAtomically(dirName, [&](const fs::path& tmp) {
        writeText(tmp / "summary.json", erosionSummaryJson(setup, r));
        writeCrossSections(setup, r, tmp);
        plotGrooves(setup, r, tmp);
#ifdef MAGTWIN_HAVE_VTK
        std::vector<SeriesStep<GridSurface>> steps;
        for (std::size_t i = 0; i < r.snapshots.size(); ++i) {
            steps.push_back(
                {r.snapshots[i].lifeKWh,
                 inChamberFrame(subsampled(r.snapshots[i].surface, setup.vtkStrideU, setup.vtkStrideV), setup)});
            writeProfileVtk(inChamberFrame(r.snapshots[i].crossSection, setup),
                            (tmp / indexed("cross_section", i, ".vtp")).string());
        }
        writeSurfaceSeries(steps, tmp.string(), "surface", "erosion.pvd");
#endif
    });
}

}  // namespace magtwin
