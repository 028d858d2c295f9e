// The deposition engine's 3-D line-of-sight transport (solvers/deposition:
// EmissionSource, "cosine" EmissionAngularDistribution, lineOfSightFlux) on emitters
// given as 2-D strips, for checking the plugin's strip transport on a real case:
// every strip becomes a row of point elements along z (the strips' axis), placed at
// z = rho0 tan(phi) for N phi midpoints in (-pi/2, pi/2), element length
// rho0 sec^2(phi) dphi: about 1 mm near z = 0 (rho0 = 0.2 m, N = 600), growing with
// |z| (spacing / distance < 3 % everywhere), out to |z| ~ 80 m.
//   usage: los_engine_flux EMITTERS_CSV POINTS_CSV
//   EMITTERS_CSV: x_m,y_m,nx,ny,atoms_per_s_per_m   (strip centre, unit normal into the gas)
//   POINTS_CSV:   x_m,y_m                           (receivers with normal +y)
//   stdout:       x_m,flux_atoms_m2_s
#include "solvers/deposition/EmissionAngularDistribution.hpp"
#include "solvers/deposition/EmissionSource.hpp"
#include "solvers/deposition/LineOfSightTransport.hpp"

#include <cmath>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace {

std::vector<std::vector<double>> readCsv(const char* path, std::size_t columns) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error(std::string("cannot read ") + path);
    std::vector<std::vector<double>> rows;
    std::string line;
    std::getline(in, line);  // header
    while (std::getline(in, line)) {
        if (line.empty()) continue;
        std::vector<double> row;
        std::stringstream ss(line);
        std::string cell;
        while (std::getline(ss, cell, ',')) row.push_back(std::stod(cell));
        if (row.size() != columns) throw std::runtime_error(std::string(path) + ": bad row '" + line + "'");
        rows.push_back(row);
    }
    return rows;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::fprintf(stderr, "usage: %s EMITTERS_CSV POINTS_CSV\n", argv[0]);
        return 2;
    }
    try {
        using namespace magtwin;
        const auto emitters = readCsv(argv[1], 5);
        const auto receivers = readCsv(argv[2], 2);
        const double rho0 = 0.2, kPi = 3.14159265358979323846;
        const int n = 600;
        EmissionSource source{"strips", {}, makeAngularDistribution("cosine")};
        for (const auto& e : emitters) {
            for (int k = 0; k < n; ++k) {
                const double phi = -0.5 * kPi + (k + 0.5) * kPi / n;
                const double z = rho0 * std::tan(phi);
                const double dz = rho0 / (std::cos(phi) * std::cos(phi)) * kPi / n;
                source.elements.push_back({Eigen::Vector3d(e[0], e[1], z), Eigen::Vector3d(e[2], e[3], 0.0), dz, e[4]});
            }
        }
        std::vector<Eigen::Vector3d> points;
        for (const auto& r : receivers) points.emplace_back(r[0], r[1], 0.0);
        const auto flux = lineOfSightFlux({source}, points, Eigen::Vector3d(0, 1, 0));
        std::printf("x_m,flux_atoms_m2_s\n");
        for (std::size_t i = 0; i < points.size(); ++i) std::printf("%.12g,%.12g\n", points[i].x(), flux[i]);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "los_engine_flux: %s\n", e.what());
        return 1;
    }
    return 0;
}
