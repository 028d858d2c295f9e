#include "cli/tool/ToolPicture.hpp"

#include "boundary/util/PhysicalConstants.hpp"
#include "postprocessing/plot/GnuplotSession.hpp"

#include <cmath>
#include <fstream>
#include <sstream>

namespace magtwin {

namespace {

/// Polylines in mm, one block per line (gnuplot: blank line between blocks).
class Lines {
public:
    void point(double x, double y) { o_ << x * 1e3 << " " << y * 1e3 << "\n"; }
    void end() { o_ << "\n"; }
    void rectangle(double x0, double y0, double x1, double y1) {
        point(x0, y0), point(x1, y0), point(x1, y1), point(x0, y1), point(x0, y0), end();
    }
    void circle(double cx, double cy, double r) {
        for (int i = 0; i <= 96; ++i) point(cx + r * std::cos(2 * kPi * i / 96), cy + r * std::sin(2 * kPi * i / 96));
        end();
    }
    /// Stadium centre line: straights of length `straight` along y at x = cx +- halfSep.
    void stadium(double cx, double cy, double straight, double halfSep) {
        for (int i = 0; i <= 48; ++i) {  // top turnaround, then down the right straight
            const double a = kPi * i / 48;
            point(cx - halfSep * std::cos(a), cy + 0.5 * straight + halfSep * std::sin(a));
        }
        for (int i = 0; i <= 48; ++i) {
            const double a = kPi * i / 48;
            point(cx + halfSep * std::cos(a), cy - 0.5 * straight - halfSep * std::sin(a));
        }
        point(cx - halfSep, cy + 0.5 * straight);
        end();
    }
    /// An empty set plots nothing (gnuplot skips undefined points).
    std::string str() const { return o_.str().empty() ? "nan nan\n\n" : o_.str(); }

private:
    std::ostringstream o_;
};

void write(const GnuplotSession& g, const std::string& name, const Lines& l) { std::ofstream(g.file(name)) << l.str(); }

}  // namespace

void drawToolFile(const ToolFile& tool, const std::string& pngPath) {
    Lines topCathodes, topTracks, topSubstrates, topExclusion, sideCathodes, sideSubstrates, sensorsTop, sensorsSide;
    for (const ToolCathode& c : tool.cathodes) {
        const Eigen::Vector3d& p = c.position;
        const double t = c.geometry.thicknessM;
        const auto& track = c.magnets.track;
        switch (c.kind) {
            case CathodeKind::PlanarRect:
                topCathodes.rectangle(p.x() - c.geometry.widthM / 2, p.y() - c.geometry.lengthM / 2,
                                      p.x() + c.geometry.widthM / 2, p.y() + c.geometry.lengthM / 2);
                topTracks.stadium(p.x(), p.y(), track.straightLengthM, track.trackSeparationM / 2);
                sideCathodes.rectangle(p.x() - c.geometry.widthM / 2, p.z(), p.x() + c.geometry.widthM / 2, p.z() + t);
                break;
            case CathodeKind::Rotary: {
                const double r = c.geometry.radiusM;
                topCathodes.rectangle(p.x() - r, p.y() - c.geometry.lengthM / 2, p.x() + r,
                                      p.y() + c.geometry.lengthM / 2);
                // Lab-fixed track on the substrate-facing side, projected onto x-y.
                topTracks.stadium(p.x(), p.y(), track.straightLengthM, r * std::sin(0.5 * track.trackSeparationM / r));
                sideCathodes.circle(p.x(), p.z(), r);
                sideCathodes.circle(p.x(), p.z(), r - t);
                break;
            }
            case CathodeKind::PlanarCircular:
                topCathodes.circle(p.x(), p.y(), c.geometry.radiusM);
                topTracks.circle(p.x() + track.magnetOffsetM, p.y(), track.ringRadiusM);
                if (track.magnetOffsetM > 0) {  // the swept band of the rotating magnet
                    topTracks.circle(p.x(), p.y(), track.ringRadiusM + track.magnetOffsetM);
                    topTracks.circle(p.x(), p.y(), std::abs(track.ringRadiusM - track.magnetOffsetM));
                }
                sideCathodes.rectangle(p.x() - c.geometry.radiusM, p.z(), p.x() + c.geometry.radiusM, p.z() + t);
                break;
        }
    }
    for (const ToolSubstrate& s : tool.substrates) {
        const double e = s.edgeExclusionM;
        if (s.kind == "wafer") {
            topSubstrates.circle(s.centreXM, s.centreYM, s.sizeXM / 2);
            topExclusion.circle(s.centreXM, s.centreYM, s.sizeXM / 2 - e);
        } else {
            topSubstrates.rectangle(s.centreXM - s.sizeXM / 2, s.centreYM - s.sizeYM / 2, s.centreXM + s.sizeXM / 2,
                                    s.centreYM + s.sizeYM / 2);
            topExclusion.rectangle(s.centreXM - s.sizeXM / 2 + e, s.centreYM - s.sizeYM / 2 + e,
                                   s.centreXM + s.sizeXM / 2 - e, s.centreYM + s.sizeYM / 2 - e);
        }
        sideSubstrates.point(s.centreXM - s.sizeXM / 2, 0.0), sideSubstrates.point(s.centreXM + s.sizeXM / 2, 0.0);
        sideSubstrates.end();
    }
    for (const ToolSensor& s : tool.sensors) {
        sensorsTop.point(s.position.x(), s.position.y()), sensorsTop.end();
        sensorsSide.point(s.position.x(), s.position.z()), sensorsSide.end();
    }
    GnuplotSession g;
    write(g, "top_cathodes.dat", topCathodes);
    write(g, "top_tracks.dat", topTracks);
    write(g, "top_substrates.dat", topSubstrates);
    write(g, "top_exclusion.dat", topExclusion);
    write(g, "side_cathodes.dat", sideCathodes);
    write(g, "side_substrates.dat", sideSubstrates);
    write(g, "sensors_top.dat", sensorsTop);
    write(g, "sensors_side.dat", sensorsSide);
    auto f = [&g](const char* n) { return gnuplotQuoted(g.file(n).string()); };
    std::ostringstream s;
    s << "set terminal pngcairo noenhanced size 1600,800 font 'sans,11'\nset output " << gnuplotQuoted(g.png().string())
      << "\n"
      << "set multiplot layout 1,2 title " << gnuplotQuoted(tool.name + " (" + tool.path + ")") << "\n"
      << "set size ratio -1\nset grid\nset key outside bottom horizontal\n"
      << "set title 'top view (x-y)'\nset xlabel 'x (mm)'\nset ylabel 'y (mm)'\n"
      << "plot " << f("top_substrates.dat") << " w l lw 2 lc rgb '#4477aa' t 'substrate', " << f("top_exclusion.dat")
      << " w l dt 2 lc rgb '#4477aa' t 'edge exclusion', " << f("top_cathodes.dat")
      << " w l lw 2 lc rgb '#222222' t 'targets', " << f("top_tracks.dat") << " w l lc rgb '#cc3311' t 'racetracks', "
      << f("sensors_top.dat") << " w p pt 7 ps 1.5 lc rgb '#009988' t 'sensors'\n"
      << "set title 'side view (x-z)'\nset ylabel 'z (mm)'\n"
      << "plot " << f("side_substrates.dat") << " w l lw 3 lc rgb '#4477aa' t 'substrate', " << f("side_cathodes.dat")
      << " w l lw 2 lc rgb '#222222' t 'targets', " << f("sensors_side.dat")
      << " w p pt 7 ps 1.5 lc rgb '#009988' t 'sensors'\n"
      << "unset multiplot\n";
    g.render(s.str(), pngPath);
}

}  // namespace magtwin
