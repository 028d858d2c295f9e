"""The replay picture of `magtwin twin replay` (pvbatch script).

Left: the last substrate map of the replay's series (maps.pvd, film_rate_nm_s, the most
eroded targets it holds) seen from the cathodes, the quality area coloured over exactly
its data range, the edge-exclusion zone in grey, black contours at (max+min)/2 x (1 -+ spec);
caption: U = (max-min)/(max+min) of that map, its time and PASS/FAIL against the spec.
Right: uniformity over target life (uniformity.csv: life_kWh, uniformity_pct and, where
the replay checked it, uniformity_exact_pct) with the spec line.
The spec comes from report.json (uniformity_spec_pct; --limit-pct overrides it).

Usage: pvbatch replay_view.py --input REPLAY_DIR --output OUT.png [--limit-pct 3]
REPLAY_DIR holds report.json, uniformity.csv and maps.pvd (+ the maps/map_NNNN.vts it lists).
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import magtwin_views as mv  # noqa: E402
from paraview.simple import *  # noqa: F401,F403,E402

QUALITY = "in_quality_area"  # postprocessing/vtk/VtkWriters.hpp: kQualityAreaField
FIELD = "film_rate_nm_s"     # postprocessing/reports/ReplayMaps.hpp


def option(name, default=None):
    if name in sys.argv:
        k = sys.argv.index(name)
        value = sys.argv[k + 1]
        del sys.argv[k:k + 2]
        return value
    return default


def read_uniformity(path):
    if not os.path.isfile(path):
        raise mv.BadInput("%s: no such file" % path)
    rows = []
    with open(path) as f:
        header = f.readline().strip().split(",")
        if header[:2] != ["life_kWh", "uniformity_pct"]:
            raise mv.BadInput("%s: expected the columns life_kWh,uniformity_pct,..." % path)
        for line in f:
            cells = line.strip().split(",")
            if len(cells) >= 2 and cells[0] and cells[1]:
                rows.append((float(cells[0]), float(cells[1]), float(cells[2]) if len(cells) > 2 and cells[2] else None))
    if not rows:
        raise mv.BadInput("%s: no mapped interval" % path)
    return rows


def main():
    limit = option("--limit-pct")
    args = mv.parse_args(__doc__)
    report_path = os.path.join(args.input, "report.json")
    if not os.path.isfile(report_path):
        raise mv.BadInput("%s: no such file" % report_path)
    with open(report_path) as f:
        report = json.load(f)
    spec = float(limit) if limit is not None else float(report.get("uniformity_spec_pct", 3.0))
    rows = read_uniformity(os.path.join(args.input, "uniformity.csv"))
    steps = mv.read_pvd(os.path.join(args.input, "maps.pvd"))
    hours, last = steps[-1]
    reader = mv.read_structured_grid(last)

    view, grid, lo, hi, u_pct = mv.map_with_spec_band(reader, FIELD, QUALITY, spec, args.width * 11 // 20, args.height,
                                                      last, "film rate [nm/s]")
    life_max = max(r[0] for r in rows)
    b = grid.GetBounds()
    view.CameraParallelProjection = 1
    mv.place_camera(view, [(b[0] + b[1]) / 2, (b[2] + b[3]) / 2, (b[4] + b[5]) / 2], [0.0, 0.0, -1.0], [0.0, 1.0, 0.0], 0.85)
    mv.caption(view, "replay map %d of %d (%.4g h after the first sample): %s  U = %.2f %% (spec %g %%)\n"
               "largest target life in the run %.4g kWh; black lines: (max+min)/2 x (1 -+ %g %%)"
               % (len(steps), len(steps), hours, "PASS" if u_pct <= spec else "FAIL", u_pct, spec, life_max, spec),
               size=15)

    # Uniformity over target life with the spec line (a table from uniformity.csv).
    chart = mv.chart_view(args.width - args.width * 11 // 20, args.height, "uniformity U [%]", "target life [kWh]")
    chart.ChartTitle = "Uniformity over target life (spec %g %%)" % spec
    chart.ChartTitleFontSize = 15
    chart.LeftAxisUseCustomRange = 1  # from 0, so the spec line and the curve are both in view
    chart.LeftAxisRangeMinimum = 0.0
    chart.LeftAxisRangeMaximum = 1.15 * max([spec] + [r[1] for r in rows] + [r[2] for r in rows if r[2] is not None])
    everything = mv.table_source({"life_kWh": [r[0] for r in rows], "uniformity_pct": [r[1] for r in rows],
                               "spec_pct": [spec for _ in rows]})
    mv.plot_line(chart, everything, "life_kWh", "uniformity_pct", "U replayed", mv.STEP_COLOURS[0])
    spec_line = mv.table_source({"life_kWh": [0.0, life_max], "spec_pct": [spec, spec]})
    mv.plot_line(chart, spec_line, "life_kWh", "spec_pct", "spec %g %%" % spec, mv.STEP_COLOURS[3], 1)
    checked = [r for r in rows if r[2] is not None]
    if checked:
        exact = mv.table_source({"life_kWh": [r[0] for r in checked], "uniformity_exact_pct": [r[2] for r in checked]})
        shown = mv.plot_line(chart, exact, "life_kWh", "uniformity_exact_pct", "U exact (checked intervals)",
                             mv.STEP_COLOURS[1], 0)
        shown.SeriesMarkerStyle = ["uniformity_exact_pct", "4"]

    mv.save([(view, 0.55), (chart, 0.45)], args.output, args.width, args.height)
    u_all = [r[1] for r in rows]
    mv.emit({"view": "replay", "field": FIELD, "colour_range": [lo, hi], "maps": len(steps),
             "uniformity_range_pct": u_pct, "spec_pct": spec, "intervals": len(rows),
             "u_min_pct": min(u_all), "u_max_pct": max(u_all), "exact_checks": len(checked),
             "pass": u_pct <= spec})


mv.run(main)
