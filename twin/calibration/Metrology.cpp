#include "twin/calibration/Metrology.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace magtwin {
namespace {

std::vector<std::string> fields(const std::string& line) {
    std::vector<std::string> out;
    std::stringstream s(line);
    std::string f;
    while (std::getline(s, f, ',')) {
        while (!f.empty() && (f.back() == '\r' || f.back() == ' ')) f.pop_back();
        while (!f.empty() && f.front() == ' ') f.erase(f.begin());
        out.push_back(f);
    }
    return out;
}

struct Column {
    int index = -1;
    double scale = 1.0;  ///< to metres
};

Column find(const std::vector<std::string>& head, const std::string& what,
            const std::vector<std::pair<std::string, double>>& units) {
    for (std::size_t i = 0; i < head.size(); ++i)
        for (const auto& [suffix, scale] : units)
            if (head[i] == what + "_" + suffix) return {static_cast<int>(i), scale};
    return {};
}

}  // namespace

std::vector<MetrologyPoint> readMetrology(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::invalid_argument(path + ": cannot open the metrology file");
    std::string line;
    int n = 0;
    std::vector<std::string> head;
    while (std::getline(in, line)) {
        ++n;
        if (line.empty() || line[0] == '#') continue;
        head = fields(line);
        break;
    }
    const Column x = find(head, "x", {{"mm", 1e-3}, {"m", 1.0}});
    const Column y = find(head, "y", {{"mm", 1e-3}, {"m", 1.0}});
    const Column t = find(head, "thickness", {{"nm", 1e-9}, {"A", 1e-10}, {"um", 1e-6}});
    if (x.index < 0 || y.index < 0 || t.index < 0)
        throw std::invalid_argument(
            path + ":" + std::to_string(n) +
            ": header needs x_mm (or x_m), y_mm (or y_m) and thickness_nm (or thickness_A, thickness_um)");
    std::vector<MetrologyPoint> out;
    while (std::getline(in, line)) {
        ++n;
        if (line.empty() || line[0] == '#' || line == "\r") continue;
        const auto f = fields(line);
        auto value = [&](const Column& c, const char* name) {
            if (static_cast<std::size_t>(c.index) >= f.size())
                throw std::invalid_argument(path + ":" + std::to_string(n) + ": column '" + name + "' missing");
            std::size_t used = 0;
            double v = 0.0;
            try {
                v = std::stod(f[static_cast<std::size_t>(c.index)], &used);
            } catch (const std::exception&) {
                used = 0;
            }
            if (used == 0 || used != f[static_cast<std::size_t>(c.index)].size() || !std::isfinite(v))
                throw std::invalid_argument(path + ":" + std::to_string(n) + ": column '" + name + "': '" +
                                            f[static_cast<std::size_t>(c.index)] + "' is not a number");
            return v * c.scale;
        };
        MetrologyPoint p{path, n, value(x, "x"), value(y, "y"), value(t, "thickness")};
        if (!(p.thicknessM > 0.0))
            throw std::invalid_argument(path + ":" + std::to_string(n) + ": column 'thickness': must be > 0");
        out.push_back(p);
    }
    if (out.empty()) throw std::invalid_argument(path + ": no metrology points");
    return out;
}

double interpolateOnGrid(const SubstrateGrid& g, const std::vector<double>& field, double xM, double yM) {
    const double u = (xM - g.x0) / g.dx, v = (yM - g.y0) / g.dy;
    const std::size_t nu = g.grid.nu, nv = g.grid.nv;
    if (!(u >= 0.0 && v >= 0.0 && u <= static_cast<double>(nu - 1) && v <= static_cast<double>(nv - 1)))
        throw std::out_of_range("point outside the substrate grid");
    const std::size_t i = std::min(static_cast<std::size_t>(u), nu - 2),
                      j = std::min(static_cast<std::size_t>(v), nv - 2);
    const double a = u - static_cast<double>(i), b = v - static_cast<double>(j);
    const auto at = [&](std::size_t ii, std::size_t jj) { return field[g.grid.index(ii, jj)]; };
    return (1 - a) * (1 - b) * at(i, j) + a * (1 - b) * at(i + 1, j) + (1 - a) * b * at(i, j + 1) +
           a * b * at(i + 1, j + 1);
}

std::vector<std::pair<std::string, std::vector<double>>> loggedFilmMaps(const ReplayResult& replay,
                                                                        const std::string& substrateId) {
    std::vector<std::pair<std::string, std::vector<double>>> out;
    for (const auto& s : replay.steps) {
        if (!s.substrateShutterOpen || s.sourceFilmRateNmS.size() != s.sources.size()) continue;
        if (!substrateId.empty() && s.substrateId != substrateId) continue;
        for (std::size_t k = 0; k < s.sources.size(); ++k) {
            // the map is at the interval's mean power: its delivered energy / that power is the
            // exposure time that gives the film of exactly that energy
            const double dt = s.sources[k].meanPowerW > 0.0 ? s.sources[k].energyJ / s.sources[k].meanPowerW : 0.0;
            const std::string key = s.sources[k].source + "|" + s.sources[k].targetId;
            auto it = std::find_if(out.begin(), out.end(), [&](const auto& e) { return e.first == key; });
            if (it == out.end()) {
                out.emplace_back(key, std::vector<double>(s.sourceFilmRateNmS[k].size(), 0.0));
                it = std::prev(out.end());
            }
            for (std::size_t i = 0; i < it->second.size(); ++i) it->second[i] += s.sourceFilmRateNmS[k][i] * 1e-9 * dt;
        }
    }
    return out;
}

std::string metrologySubstrate(const ReplayResult& replay, const std::string& file) {
    const std::string stem = std::filesystem::path(file).stem().string();
    for (const auto& s : replay.steps)
        if (!stem.empty() && s.substrateId == stem) return stem;
    return "";
}

std::vector<MeasurementRecord> metrologyMeasurements(const std::vector<MetrologyPoint>& points) {
    std::vector<MeasurementRecord> out;
    for (const auto& p : points)
        out.push_back(
            {"metrology", std::filesystem::path(p.file).filename().string(), 0.0, p.xM, p.yM, p.thicknessM, "m"});
    return out;
}

}  // namespace magtwin
