// GridSurface: a structured (nu x nv) surface in the chamber frame with named point
// fields. It is the result type the solvers hand to postprocessing: eroded target
// surfaces (planar x-y grid, rotary axial x angular grid) and substrate maps (glass
// rectangle, wafer disc on a square grid with a mask) are all GridSurfaces.
//
// Conventions: coordinates in metres, in the chamber frame (z up from the substrate
// plane toward the cathodes), so target, substrate and an OpenFOAM case line up when
// opened together. Field names carry their unit (thickness_nm, depth_mm, erosion_rate_m_s).
// Point (i, j) is stored at index i + nu * j.
#pragma once

#include <Eigen/Core>

#include <cstddef>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace magtwin {

struct GridSurface {
    std::size_t nu = 0;
    std::size_t nv = 0;
    std::vector<Eigen::Vector3d> points;  ///< nu*nv, metres, chamber frame
    std::vector<std::pair<std::string, std::vector<double>>> scalars;
    std::vector<std::pair<std::string, std::vector<Eigen::Vector3d>>> vectors;

    std::size_t index(std::size_t i, std::size_t j) const { return i + nu * j; }
    std::size_t size() const { return nu * nv; }

    /// Add (or replace) a scalar field; throws if its size is not nu*nv.
    void setScalar(const std::string& name, std::vector<double> values) { set(scalars, name, std::move(values)); }
    void setVector(const std::string& name, std::vector<Eigen::Vector3d> values) {
        set(vectors, name, std::move(values));
    }
    const std::vector<double>& scalar(const std::string& name) const {
        for (const auto& f : scalars)
            if (f.first == name) return f.second;
        throw std::out_of_range("no scalar field '" + name + "'");
    }

private:
    template <typename T>
    void set(std::vector<std::pair<std::string, std::vector<T>>>& fields, const std::string& name,
             std::vector<T> values) {
        if (values.size() != size()) throw std::invalid_argument("field " + name + ": size mismatch");
        for (auto& f : fields)
            if (f.first == name) {
                f.second = std::move(values);
                return;
            }
        fields.emplace_back(name, std::move(values));
    }
};

/// A profile along a line (cross-section of a groove, thickness along a substrate axis).
struct ProfileLine {
    std::vector<Eigen::Vector3d> points;  ///< metres, chamber frame
    std::vector<std::pair<std::string, std::vector<double>>> scalars;
};

/// One output step of a time series (target life in kWh, or time in s).
template <typename T>
struct SeriesStep {
    double time;  ///< in the series' own unit (see the writer)
    T data;
};

}  // namespace magtwin
