"""Side-by-side comparison of erosion results, e.g. planar vs rotary (pvbatch script).

Top: each target at the last step of its series in 3-D, coloured by depth on one common
colour scale, captioned with its folder name, life, maximum depth and utilization.
Bottom: maximum depth against target life for every result.

Usage: pvbatch compare_view.py --input FOLDER --output OUT.png [--width W --height H]
FOLDER holds two or more erosion result folders (each with erosion.pvd), drawn in name
order (at most 4).
"""
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import magtwin_views as mv  # noqa: E402
from paraview.simple import *  # noqa: F401,F403,E402

MAX_PANELS = 4


def main():
    args = mv.parse_args(__doc__)
    field = args.field or "depth_mm"
    unit = mv.unit_of(field) or "mm"
    names = sorted(d for d in os.listdir(args.input)
                   if os.path.isfile(os.path.join(args.input, d, "erosion.pvd")))[:MAX_PANELS]
    if len(names) < 2:
        raise mv.BadInput("%s: fewer than two subfolders with erosion.pvd" % args.input)

    results = []
    for name in names:
        folder = os.path.join(args.input, name)
        steps = mv.read_pvd(os.path.join(folder, "erosion.pvd"))
        readers = [mv.read_structured_grid(f) for _, f in steps]
        maxima = [max(mv.fetch_point_array(r, field)[0]) for r in readers]
        _, grid = mv.fetch_point_array(readers[-1], field)
        results.append({"name": name, "steps": steps, "last": readers[-1], "grid": grid, "maxima": maxima,
                        "summary": mv.read_summary(folder)})
    top = max(max(r["maxima"]) for r in results)

    panel_height = args.height * 3 // 5
    views = []
    for k, r in enumerate(results):
        view = mv.render_view(args.width // len(results), panel_height)
        display = Show(r["last"], view)
        mv.colour_by(display, view, field, [0.0, top], "Inferno (matplotlib)", "depth [%s]" % unit)
        display.SetScalarBarVisibility(view, k == len(results) - 1)  # one shared scale, shown once
        mv.look_at_target_face(view, r["grid"], 0.95)
        s = r["summary"]
        facts = "%s kWh, max depth %s %s" % (mv.fmt(s.get("life_kWh", r["steps"][-1][0])),
                                             mv.fmt(s.get("max_depth_mm", r["maxima"][-1])), unit)
        if "utilization" in s:
            facts += ", utilization %.1f %%" % (100 * s["utilization"])
        mv.caption(view, "%s\n%s" % (r["name"], facts), size=15)
        views.append(view)

    # Max depth over life, through a small CSV table (removed afterwards).
    tmp = tempfile.mkdtemp(prefix="magtwin-compare-")
    try:
        chart = mv.chart_view(args.width, args.height - panel_height, "max depth [%s]" % unit, "target life [kWh]")
        chart.ChartTitle = "Maximum groove depth over target life"
        chart.ChartTitleFontSize = 15
        for k, r in enumerate(results):
            path = os.path.join(tmp, "%d.csv" % k)
            with open(path, "w") as f:
                f.write("life_kWh,max_depth\n")
                for (time, _), depth in zip(r["steps"], r["maxima"]):
                    f.write("%.10g,%.10g\n" % (time, depth))
            table = CSVReader(FileName=[path])
            display = Show(table, chart, "XYChartRepresentation")
            display.UseIndexForXAxis = 0
            display.XArrayName = "life_kWh"
            display.SeriesVisibility = ["max_depth"]
            display.SeriesLabel = ["max_depth", r["name"]]
            display.SeriesColor = ["max_depth"] + ["%g" % c for c in mv.STEP_COLOURS[k]]
            display.SeriesLineThickness = ["max_depth", "2"]
            display.SeriesMarkerStyle = ["max_depth", "4"]
        layout = CreateLayout("magtwin")
        layout.SplitVertical(0, 3.0 / 5.0)
        cell, remaining = 1, len(views)
        for view in views[:-1]:
            layout.SplitHorizontal(cell, 1.0 / remaining)
            AssignViewToLayout(view=view, layout=layout, hint=2 * cell + 1)
            cell, remaining = 2 * cell + 2, remaining - 1
        AssignViewToLayout(view=views[-1], layout=layout, hint=cell)
        AssignViewToLayout(view=chart, layout=layout, hint=2)
        layout.SetSize(args.width, args.height)
        SaveScreenshot(args.output, layout, ImageResolution=[args.width, args.height],
                       OverrideColorPalette="WhiteBackground")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    mv.emit({"view": "compare", "field": field, "results": names, "colour_range": [0.0, top],
             "max_depth": {r["name"]: r["maxima"][-1] for r in results}})


mv.run(main)
