"""Substrate thickness map with the +-3 % band and the uniformity verdict (pvbatch script).

Left: the map seen from the cathodes (top down), the quality area coloured by thickness
over exactly its data range, the edge-exclusion zone in grey, and black contours at
(max+min)/2 x (1 -+ limit): inside the band the film passes. Caption: U = (max-min)/
(max+min) and sigma/mean over the quality area, and PASS/FAIL against the limit
(default 3 %, the Gen-10.5 requirement in ../shared/reference/tool-context.md).
Right: thickness along the two centre lines of the grid with the band limits.
The numbers are computed here from the map itself; summary.json supplies the substrate
name, the edge exclusion and the method for the caption (and is cross-checked).

A film of several species (thickness.vts holds two or more <El>_fraction fields: a
compound target or co-sputtering, docs/deposit.md) gets a second map instead of the
profiles: the atom fraction (at.%) of the species whose fraction varies most over the
quality area (or of the species of --field El_fraction), coloured over its quality-area
range, with every species' mean [min, max] at.% in the caption.

Usage: pvbatch deposition_view.py --input RESULT_DIR --output OUT.png [--limit-pct 3]
RESULT_DIR holds thickness.vts (field thickness_nm, mask in_quality_area, optional
<El>_fraction fields) and optionally summary.json.
"""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import magtwin_views as mv  # noqa: E402
from paraview.simple import *  # noqa: F401,F403,E402

QUALITY = "in_quality_area"  # postprocessing/vtk/VtkWriters.hpp: kQualityAreaField


def limit_from_argv(default=3.0):
    if "--limit-pct" in sys.argv:
        k = sys.argv.index("--limit-pct")
        value = float(sys.argv[k + 1])
        del sys.argv[k:k + 2]
        return value
    return default


FRACTION = "_fraction"  # postprocessing/reports/DepositReport.hpp: <El>_fraction per species


def fraction_fields(grid):
    """Names of the <El>_fraction point fields of the map, in file order."""
    pd = grid.GetPointData()
    names = [pd.GetArrayName(i) for i in range(pd.GetNumberOfArrays())]
    return [n for n in names if n and n.endswith(FRACTION)]


def quality_values(grid, name, inside):
    """Values of point field `name` at the quality-area points with a deposit (not NaN)."""
    array = grid.GetPointData().GetArray(name)
    values = [array.GetValue(k) for k in inside]
    return [v for v in values if not math.isnan(v)]


def composition_view(reader, shown, grid, inside, fields, chosen, width, height):
    """Map of the atom fraction (at.%) of `chosen` over the quality area; caption: every
    species' mean [min, max] at.%. Returns (view, report)."""
    stats = {}
    for name in fields:
        q = quality_values(grid, name, inside)
        if not q:
            raise mv.BadInput("thickness.vts: no deposit of %s in the quality area" % name)
        stats[name[:-len(FRACTION)]] = [100.0 * sum(q) / len(q), 100.0 * min(q), 100.0 * max(q)]
    element = chosen[:-len(FRACTION)]
    pct = Calculator(Input=shown, ResultArrayName="at_pct", Function="100*%s" % chosen)
    lo, hi = stats[element][1], stats[element][2]
    if hi - lo < 1e-9 * max(1.0, hi):  # a uniform film: a visible range around its value
        lo, hi = lo - 0.5, hi + 0.5
    view = mv.render_view(width, height)
    whole = Show(reader, view)
    whole.ColorArrayName = ["POINTS", ""]
    whole.DiffuseColor = whole.AmbientColor = [0.78, 0.78, 0.78]
    mv.flat_colours(whole)
    area = Show(pct, view)
    mv.flat_colours(area)
    mv.colour_by(area, view, "at_pct", [lo, hi], "Viridis (matplotlib)", "%s [at.%%]" % element)
    b = grid.GetBounds()
    centre = [(b[0] + b[1]) / 2, (b[2] + b[3]) / 2, (b[4] + b[5]) / 2]
    view.CameraParallelProjection = 1
    mv.place_camera(view, centre, [0.0, 0.0, -1.0], [0.0, 1.0, 0.0], 0.85)
    lines = ["film composition over the quality area, at.%: mean [min, max]"]
    lines += ["%s %.2f [%.2f, %.2f]  (range %.2f)" % (e, v[0], v[1], v[2], v[2] - v[1]) for e, v in stats.items()]
    lines.append("map: %s" % element)
    mv.caption(view, "\n".join(lines), size=14)
    report = {"composition_species": element, "composition_colour_range": [lo, hi],
              "composition_at_pct": {e: {"mean": v[0], "min": v[1], "max": v[2]} for e, v in stats.items()}}
    return view, report


def main():
    limit = limit_from_argv()
    args = mv.parse_args(__doc__)
    chosen = args.field if args.field and args.field.endswith(FRACTION) else None
    field = "thickness_nm" if chosen or not args.field else args.field
    unit = mv.unit_of(field) or "nm"
    summary = mv.read_summary(args.input)
    reader = mv.read_structured_grid(os.path.join(args.input, "thickness.vts"))

    values, grid = mv.fetch_point_array(reader, field)
    mask = grid.GetPointData().GetArray(QUALITY)
    inside = [k for k in range(len(values)) if mask is None or mask.GetValue(k) > 0.5]
    if not inside:
        raise mv.BadInput("thickness.vts: no point in the quality area")
    q = [values[k] for k in inside]
    lo, hi = min(q), max(q)
    mean = sum(q) / len(q)
    sigma = math.sqrt(max(0.0, sum((v - mean) ** 2 for v in q) / len(q)))
    u_pct = 100.0 * (hi - lo) / (hi + lo)
    sigma_pct = 100.0 * sigma / mean
    passed = u_pct <= limit
    mid = 0.5 * (hi + lo)
    band = [mid * (1 - limit / 100.0), mid * (1 + limit / 100.0)]
    if "uniformity_range_pct" in summary and abs(summary["uniformity_range_pct"] - u_pct) > 1e-3 * max(1.0, u_pct):
        sys.stderr.write("deposition_view: summary.json says U = %s %%, the map gives %.4g %%\n"
                         % (summary["uniformity_range_pct"], u_pct))

    fields = fraction_fields(grid)
    if chosen and chosen not in fields:
        raise mv.BadInput("no point field '%s' (composition fields: %s)" % (chosen, ", ".join(fields) or "none"))
    composition = (chosen is not None or (not args.field and len(fields) >= 2))
    if composition and not chosen:  # the species whose fraction varies most (ties: the first)
        spans = []
        for name in fields:
            vals = quality_values(grid, name, inside)
            spans.append((max(vals) - min(vals)) if vals else -1.0)
        chosen = fields[spans.index(max(spans))]

    view = mv.render_view(args.width // 2 if composition else args.width * 11 // 20, args.height)
    view.OrientationAxesVisibility = 1
    whole = Show(reader, view)
    whole.ColorArrayName = ["POINTS", ""]
    whole.DiffuseColor = [0.78, 0.78, 0.78]
    whole.AmbientColor = [0.78, 0.78, 0.78]
    mv.flat_colours(whole)
    shown = reader
    if mask is not None:
        shown = Threshold(Input=reader, Scalars=["POINTS", QUALITY], LowerThreshold=0.5, UpperThreshold=1.5)
        shown.ThresholdMethod = "Between"
        shown.AllScalars = 1
    area = Show(shown, view)
    mv.flat_colours(area)
    mv.colour_by(area, view, field, [lo, hi], "Viridis (matplotlib)", "%s [%s]" % (field.split("_")[0], unit))
    contours = Contour(Input=shown, ContourBy=["POINTS", field], Isosurfaces=band)
    lines = Show(contours, view)
    lines.ColorArrayName = ["POINTS", ""]
    lines.DiffuseColor = lines.AmbientColor = [0.0, 0.0, 0.0]
    lines.LineWidth = 3.0
    mv.flat_colours(lines)
    b = grid.GetBounds()
    centre = [(b[0] + b[1]) / 2, (b[2] + b[3]) / 2, (b[4] + b[5]) / 2]
    view.CameraParallelProjection = 1
    mv.place_camera(view, centre, [0.0, 0.0, -1.0], [0.0, 1.0, 0.0], 0.85)  # from the cathodes, down

    name = summary.get("substrate", "substrate")
    edge = summary.get("edge_exclusion_mm")
    verdict = "PASS" if passed else "FAIL"
    text = ("%s: %s  U = (max-min)/(max+min) = %.2f %% (limit %g %%)\n"
            "mean %.4g %s, min %.4g, max %.4g, sigma/mean %.2f %%%s\n"
            "black lines: (max+min)/2 x (1 -+ %g %%); grey: edge exclusion / outside the substrate"
            % (name, verdict, u_pct, limit, mean, unit, lo, hi, sigma_pct,
               "" if edge is None else ", edge exclusion %g mm" % edge, limit))
    mv.caption(view, text, size=15)
    report = {"view": "deposition", "field": field, "colour_range": [lo, hi], "data_range": [lo, hi],
              "uniformity_range_pct": u_pct, "uniformity_sigma_pct": sigma_pct, "mean": mean,
              "pass": passed, "limit_pct": limit, "band": band, "quality_points": len(q)}

    if composition:
        comp, extra = composition_view(reader, shown, grid, inside, fields, chosen, args.width - args.width // 2,
                                       args.height)
        report.update(extra)
        mv.save([(view, 0.5), (comp, 0.5)], args.output, args.width, args.height)
        mv.emit(report)
        return

    # Centre-line profiles with the band limits.
    dims = [0, 0, 0]
    grid.GetDimensions(dims)
    nu, nv = dims[0], dims[1]
    chart = mv.chart_view(args.width - args.width * 11 // 20, args.height, "%s [%s]" % (field, unit),
                          "position along the centre line [mm]")
    chart.ChartTitle = "Centre-line profiles and the +-%g %% band" % limit
    chart.ChartTitleFontSize = 15
    chart.LeftAxisUseCustomRange = 1
    pad = 0.25 * (band[1] - band[0])
    chart.LeftAxisRangeMinimum = min(lo, band[0]) - pad
    chart.LeftAxisRangeMaximum = max(hi, band[1]) + pad
    for k, (voi, coord, label) in enumerate([([0, nu - 1, nv // 2, nv // 2, 0, 0], "X", "along x (y = centre)"),
                                             ([nu // 2, nu // 2, 0, nv - 1, 0, 0], "Y", "along y (x = centre)")]):
        row = ExtractSubset(Input=reader, VOI=voi)
        pos = Calculator(Input=row, ResultArrayName="position_mm", Function="1000*coords%s" % coord)
        mv.plot_line(chart, pos, "position_mm", field, label, mv.STEP_COLOURS[k])
    row = ExtractSubset(Input=reader, VOI=[0, nu - 1, nv // 2, nv // 2, 0, 0])
    for k, level in enumerate(band):
        const = Calculator(Input=row, ResultArrayName="band%d" % k, Function="%.10g" % level)
        pos = Calculator(Input=const, ResultArrayName="position_mm", Function="1000*coordsX")
        mv.plot_line(chart, pos, "position_mm", "band%d" % k,
                     "%s band %.4g %s" % ("lower" if k == 0 else "upper", level, unit), [0, 0, 0], 1)

    mv.save([(view, 0.55), (chart, 0.45)], args.output, args.width, args.height)
    mv.emit(report)


mv.run(main)
