"""Erosion groove evolution of one target (pvbatch script).

Left: the target surface at the last step of erosion.pvd in 3-D, coloured by depth.
Right: cross-sections of the groove through the deepest point at every step, as surface
height (minus depth) against position, one line per step of target life.
The cross-section runs along the grid row through the deepest point (nearest the target
centre) in the direction where the groove is narrowest, i.e. across the groove: across
the straight track of a planar racetrack, along the axis of a rotary tube.

Usage: pvbatch erosion_view.py --input RESULT_DIR --output OUT.png [--width W --height H]
RESULT_DIR holds erosion.pvd (+ the .vts files it lists) and optionally summary.json.
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import magtwin_views as mv  # noqa: E402
from paraview.simple import *  # noqa: F401,F403,E402


def half_max_width(values, coords, k):
    """Length (m) of the run of samples around index k with value >= half of values[k]."""
    half = 0.5 * values[k]
    lo = k
    while lo > 0 and values[lo - 1] >= half:
        lo -= 1
    hi = k
    while hi < len(values) - 1 and values[hi + 1] >= half:
        hi += 1
    return sum(abs(a - b) for a, b in zip(coords[lo:hi], coords[lo + 1:hi + 1])) if hi > lo else 0.0


def cross_section(depth, grid):
    """(VOI, coordinate axis 0/1/2, description) of the row across the deepest groove."""
    dims = [0, 0, 0]
    grid.GetDimensions(dims)
    nu, nv = dims[0], dims[1]
    peak = max(depth)
    centre = [sum(grid.GetBounds()[2 * a:2 * a + 2]) / 2 for a in range(3)]

    def dist2(k):
        p = grid.GetPoint(k)
        return sum((p[a] - centre[a]) ** 2 for a in range(3))

    k_star = min((k for k, d in enumerate(depth) if d >= 0.999 * peak), key=dist2)
    i_star, j_star = k_star % nu, k_star // nu
    rows = {"u": [i + nu * j_star for i in range(nu)], "v": [i_star + nu * j for j in range(nv)]}
    best = None
    for name, ids in rows.items():
        if len(ids) < 3:
            continue
        pts = [grid.GetPoint(k) for k in ids]
        spans = [max(p[a] for p in pts) - min(p[a] for p in pts) for a in range(3)]
        axis = spans.index(max(spans))
        coords = [p[axis] for p in pts]
        width = half_max_width([depth[k] for k in ids], coords, ids.index(k_star))
        if best is None or width < best[0]:
            voi = [0, nu - 1, j_star, j_star, 0, 0] if name == "u" else [i_star, i_star, 0, nv - 1, 0, 0]
            best = (width, voi, axis, grid.GetPoint(k_star))
    _, voi, axis, p = best
    others = ", ".join("%s = %.3f m" % ("xyz"[a], p[a]) for a in range(3) if a != axis)
    return voi, axis, "along %s\nthrough the deepest point (%s)" % ("xyz"[axis], others)


def main():
    args = mv.parse_args(__doc__)
    field = args.field or "depth_mm"
    unit = mv.unit_of(field) or "mm"
    steps = mv.read_pvd(os.path.join(args.input, "erosion.pvd"))
    summary = mv.read_summary(args.input)

    readers = [mv.read_structured_grid(f) for _, f in steps]
    depth, grid = mv.fetch_point_array(readers[-1], field)
    max_depth = max(max(mv.fetch_point_array(r, field)[0]) for r in readers)
    voi, axis, where = cross_section(depth, grid)

    # 3-D surface at end of life, through ParaView's own .pvd reader (the file a user
    # opens), shown at the last time of the series.
    series = PVDReader(FileName=os.path.join(args.input, "erosion.pvd"))
    pvd_times = [float(t) for t in series.TimestepValues]
    view = mv.render_view(args.width // 2, args.height)
    view.ViewTime = pvd_times[-1] if pvd_times else steps[-1][0]
    surface = Show(series, view)
    mv.colour_by(surface, view, field, [0.0, max_depth], "Inferno (matplotlib)", "depth [%s]" % unit)
    mv.look_at_target_face(view, grid, 0.85)
    life = summary.get("life_kWh", steps[-1][0])
    text = "Target at %s kWh, coloured by %s" % (mv.fmt(life), field)
    facts = ["max depth %s %s" % (mv.fmt(summary.get("max_depth_mm", max_depth)), unit)]
    if "utilization" in summary:
        facts.append("utilization %.1f %%" % (100 * summary["utilization"]))
    mv.caption(view, text + "\n" + ", ".join(facts))

    # Cross-sections, one per step.
    axis_name = "xyz"[axis]
    chart = mv.chart_view(args.width - args.width // 2, args.height,
                          "surface height [%s] (0 = new target)" % unit, "%s [mm]" % axis_name)
    chart.ChartTitle = "Groove cross-sections " + where
    chart.ChartTitleFontSize = 15
    for k, ((time, _), reader) in enumerate(zip(steps, readers)):
        row = ExtractSubset(Input=reader, VOI=voi)
        height = Calculator(Input=row, ResultArrayName="height", Function="-%s" % field)
        position = Calculator(Input=height, ResultArrayName="position_mm", Function="1000*coords%s" % axis_name.upper())
        mv.plot_line(chart, position, "position_mm", "height", "%s kWh" % mv.fmt(time),
                     mv.STEP_COLOURS[k % len(mv.STEP_COLOURS)])

    mv.save([(view, 0.5), (chart, 0.5)], args.output, args.width, args.height)
    mv.emit({"view": "erosion", "field": field, "steps": len(steps), "colour_range": [0.0, max_depth],
             "section_axis": axis_name, "section_voi": voi, "pvd_times": pvd_times})


mv.run(main)
