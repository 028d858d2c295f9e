#include "postprocessing/reports/ReplayMaps.hpp"

#include "boundary/util/Json.hpp"
#ifdef MAGTWIN_HAVE_VTK
#include "postprocessing/vtk/VtkWriters.hpp"
#endif

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <fstream>

namespace magtwin {

double stepLifeKWh(const ReplayStep& s) {
    double life = 0.0;
    for (const auto& p : s.sources) life = std::max(life, p.lifeKWh);
    return life;
}

std::size_t writeReplayMaps(const ReplayResult& r, const std::filesystem::path& dir) {
    {
        std::ofstream csv(dir / "uniformity.csv");
        csv << "life_kWh,uniformity_pct,uniformity_exact_pct\n";
        for (const auto& s : r.steps)
            if (std::isfinite(s.uniformityPct))
                csv << jsonNumber(stepLifeKWh(s)) << "," << jsonNumber(s.uniformityPct) << ","
                    << (std::isfinite(s.uniformityExactPct) ? jsonNumber(s.uniformityExactPct) : "") << "\n";
    }
    std::size_t n = 0;
#ifdef MAGTWIN_HAVE_VTK
    std::vector<PvdEntry> entries;
    const std::vector<bool> quality(r.grid.inUniformityArea.begin(), r.grid.inUniformityArea.end());
    const double t0 = r.times.empty() ? 0.0 : r.times.front();
    for (const auto& s : r.steps) {
        if (s.filmRateNmS.empty()) continue;
        if (n == 0) std::filesystem::create_directories(dir / "maps");
        char name[32];
        std::snprintf(name, sizeof name, "maps/map_%04zu.vts", ++n);
        GridSurface map = r.grid.grid;
        map.setScalar("film_rate_nm_s", s.filmRateNmS);
        writeSubstrateMapVtk(map, quality, (dir / name).string());
        entries.push_back({(s.end - t0) / 3600.0, name});
    }
    if (n) writePvd(entries, (dir / "maps.pvd").string());
#else
    (void)r;
#endif
    return n;
}

}  // namespace magtwin
