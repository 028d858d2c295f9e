"""The life-sweep picture of `magtwin deposit --life-sweep` (pvbatch script).

Left: the substrate map at one life point (life_sweep.pvd -> maps/life_NNNN.vts, field
thickness_fixed_nm by default: the recipe fixed at the new-target trims; --field
thickness_retrimmed_nm for the re-optimised trims), seen from the cathodes, the quality area
coloured over its data range, the edge-exclusion zone grey, black contours at
(max+min)/2 x (1 -+ spec); caption: the point's life, U and PASS/FAIL.
Right: U over target life (life_sweep.csv: U_fixed_pct and U_retrimmed_pct against life_kWh)
with the spec line and the chosen life point marked.
The spec comes from summary.json (target_pct; --limit-pct overrides it).

Usage: pvbatch life_sweep_view.py --input SWEEP_DIR --output OUT.png [--life-point K] [--limit-pct 3]
K: the life point's index from 0 (default: the last, the end of the sweep).
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import magtwin_views as mv  # noqa: E402
from paraview.simple import *  # noqa: F401,F403,E402

QUALITY = "in_quality_area"  # postprocessing/vtk/VtkWriters.hpp: kQualityAreaField
FIELDS = ("thickness_fixed_nm", "thickness_retrimmed_nm")  # cli/deposit/LifeSweepCommand.hpp


def option(name, default=None):
    if name in sys.argv:
        k = sys.argv.index(name)
        value = sys.argv[k + 1]
        del sys.argv[k:k + 2]
        return value
    return default


def read_sweep(path):
    """Rows of life_sweep.csv as dicts of floats (the text column dominant_cause kept)."""
    if not os.path.isfile(path):
        raise mv.BadInput("%s: no such file" % path)
    with open(path) as f:
        lines = [line.strip() for line in f if line.strip() and not line.startswith("#")]
    if not lines:
        raise mv.BadInput("%s: no life point" % path)
    header = lines[0].split(",")
    for column in ("life_kWh", "U_fixed_pct", "U_retrimmed_pct"):
        if column not in header:
            raise mv.BadInput("%s: no column %s" % (path, column))
    rows = []
    for line in lines[1:]:
        cells = dict(zip(header, line.split(",")))
        rows.append({k: (v if k == "dominant_cause" else float(v)) for k, v in cells.items()})
    return rows


def main():
    limit = option("--limit-pct")
    point = option("--life-point")
    args = mv.parse_args(__doc__)
    summary = mv.read_summary(args.input)
    spec = float(limit) if limit is not None else float(summary.get("target_pct", 3.0))
    rows = read_sweep(os.path.join(args.input, "life_sweep.csv"))
    steps = mv.read_pvd(os.path.join(args.input, "life_sweep.pvd"))
    k = len(steps) - 1 if point is None else int(point)
    if not 0 <= k < len(steps):
        raise mv.BadInput("--life-point %s: the sweep has life points 0 .. %d" % (point, len(steps) - 1))
    field = args.field or FIELDS[0]
    if field not in FIELDS:
        raise mv.BadInput("--field %s: a life sweep's maps hold %s" % (field, ", ".join(FIELDS)))
    life, path = steps[k]
    reader = mv.read_structured_grid(path)
    view, grid, lo, hi, u_pct = mv.map_with_spec_band(reader, field, QUALITY, spec, args.width * 11 // 20, args.height,
                                                      path, "film thickness [nm]")
    b = grid.GetBounds()
    view.CameraParallelProjection = 1
    mv.place_camera(view, [(b[0] + b[1]) / 2, (b[2] + b[3]) / 2, (b[4] + b[5]) / 2], [0.0, 0.0, -1.0], [0.0, 1.0, 0.0], 0.85)
    recipe = "recipe fixed at the new-target trims" if field == FIELDS[0] else "trims re-optimised"
    mv.caption(view, "life point %d of %d: %s kWh, %s\n%s  U = %.2f %% (spec %g %%); x across, y along the cathodes"
               % (k, len(steps) - 1, mv.fmt(life, 5), recipe, "PASS" if u_pct <= spec else "FAIL", u_pct, spec),
               size=15)

    chart = mv.chart_view(args.width - args.width * 11 // 20, args.height, "uniformity U [%]",
                          "target life [kWh per cathode]")
    chart.ChartTitle = "Uniformity over target life (spec %g %%)" % spec
    chart.ChartTitleFontSize = 15
    chart.LeftAxisUseCustomRange = 1
    chart.LeftAxisRangeMinimum = 0.0
    chart.LeftAxisRangeMaximum = 1.15 * max([spec] + [r["U_fixed_pct"] for r in rows] +
                                            [r["U_retrimmed_pct"] for r in rows])
    life_kwh = [r["life_kWh"] for r in rows]
    # One source per curve: a second Show of the same source in a chart is the same representation.
    fixed = mv.table_source({"life_kWh": life_kwh, "U_fixed_pct": [r["U_fixed_pct"] for r in rows]})
    retrimmed = mv.table_source({"life_kWh": life_kwh, "U_retrimmed_pct": [r["U_retrimmed_pct"] for r in rows]})
    mv.plot_line(chart, retrimmed, "life_kWh", "U_retrimmed_pct", "U, trims re-optimised", mv.STEP_COLOURS[2], 4)
    mv.plot_line(chart, fixed, "life_kWh", "U_fixed_pct", "U, recipe fixed", mv.STEP_COLOURS[0])
    spec_line = mv.table_source({"life_kWh": [min(life_kwh), max(life_kwh)], "spec_pct": [spec, spec]})
    mv.plot_line(chart, spec_line, "life_kWh", "spec_pct", "spec %g %%" % spec, mv.STEP_COLOURS[3], 1)
    marker = mv.table_source({"life_kWh": [life, life], "shown_pct": [0.0, chart.LeftAxisRangeMaximum]})
    mv.plot_line(chart, marker, "life_kWh", "shown_pct", "map shown (%s kWh)" % mv.fmt(life, 5), mv.STEP_COLOURS[7], 1)

    mv.save([(view, 0.55), (chart, 0.45)], args.output, args.width, args.height)
    mv.emit({"view": "life-sweep", "field": field, "life_point": k, "life_kWh": life, "colour_range": [lo, hi],
             "maps": len(steps), "uniformity_range_pct": u_pct, "spec_pct": spec, "points": len(rows),
             "pass": u_pct <= spec})


mv.run(main)
