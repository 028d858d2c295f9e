"""Standard picture of an OpenFOAM case, read through case.foam (pvbatch script).

Left: the vertical mid-plane of the domain (normal y, the x-z plane from cathodes to
substrate) at the last time, coloured by the field over its full range on the mesh, with
the domain outline; for a 2-D case (one extent under 10 % of the largest: the empty
direction of a planar cross-section or a wedge) the mid-plane normal to that thin
direction instead, seen face-on. Right: the field along the longest axis through the
domain centre. A 3-D case (no empty or wedge patch) with a film (filmThickness, e.g.
`magtwin foam-case`) and no --field gets foam_case_view.py's picture instead: cathodes by erosion depth, the
substrate by film thickness.

Usage: pvbatch foam_view.py --input CASE_DIR --output OUT.png [--field NAME]
CASE_DIR holds system/controlDict; an empty case.foam is created if missing (it is only
the name ParaView's OpenFOAM reader opens). Default field: the first of p, T, U, rho,
then any other cell field but the cell centres (C, Cx, Cy, Cz of writeCellCentres).
"""
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import magtwin_views as mv  # noqa: E402
from paraview.simple import *  # noqa: F401,F403,E402

PREFERRED = ["p", "T", "U", "rho"]
CELL_CENTRES = {"C", "Cx", "Cy", "Cz"}


def two_dimensional(case):
    """A 2-D or axisymmetric OpenFOAM mesh: an empty or wedge patch in constant/polyMesh/boundary."""
    path = os.path.join(case, "constant", "polyMesh", "boundary")
    return os.path.exists(path) and re.search(r"type\s+(empty|wedge)\s*;", open(path).read()) is not None


def main():
    args = mv.parse_args(__doc__)
    case = os.path.abspath(args.input)
    foam = os.path.join(case, "case.foam")
    if not os.path.exists(foam):
        open(foam, "a").close()
    # SkipZeroTime = 0: a case that has not run yet still shows its initial fields. The
    # reader lists times and fields when created, so it must re-scan (Refresh) after that.
    reader = OpenFOAMReader(FileName=foam)
    reader.MeshRegions = ["internalMesh"]
    reader.SkipZeroTime = 0
    reader.Refresh()
    reader.UpdatePipelineInformation()
    times = [float(t) for t in reader.TimestepValues] or [0.0]
    time = times[-1]
    available = list(reader.CellArrays.Available)
    if not available:
        raise mv.BadInput("%s: no cell fields at any time" % case)
    others = [f for f in available if f not in CELL_CENTRES] or available
    field = args.field or next((f for f in PREFERRED if f in available), others[0])
    if field not in available:
        raise mv.BadInput("no field '%s' in %s (fields: %s)" % (field, case, ", ".join(available)))
    merged = MergeBlocks(Input=reader)
    merged.UpdatePipeline(time)
    info = merged.CellData[field]
    component = -1 if info.GetNumberOfComponents() > 1 else 0
    lo, hi = info.GetRange(component)
    if hi <= lo:
        hi = lo + max(abs(lo), 1.0) * 1e-6  # a uniform field still gets a valid colour scale
    b = merged.GetDataInformation().GetBounds()
    centre = [(b[0] + b[1]) / 2, (b[2] + b[3]) / 2, (b[4] + b[5]) / 2]
    spans = [b[1] - b[0], b[3] - b[2], b[5] - b[4]]
    thin = spans.index(min(spans))
    if "filmThickness" in available and not args.field and not two_dimensional(case):
        import foam_case_view  # a 3-D case with a film: cathodes and substrate (foam_case_view.py)

        foam_case_view.draw(case, foam, time, args)
        return
    normal_axis = thin if spans[thin] < 0.1 * max(spans) else 1
    normal = [0.0, 0.0, 0.0]
    normal[normal_axis] = 1.0
    up = [0.0, 0.0, 0.0]
    up[2 if normal_axis != 2 else 1] = 1.0  # z up, or y up when looking along z
    # Looking direction with x to the right: +y (from -y) with z up, -z (from +z) with y up.
    direction = list(normal) if normal_axis != 2 else [0.0, 0.0, -1.0]

    view = mv.render_view(args.width // 2, args.height)
    view.ViewTime = time
    plane = Slice(Input=merged)
    plane.SliceType = "Plane"
    plane.SliceType.Origin = centre
    plane.SliceType.Normal = normal
    shown = Show(plane, view)
    ColorBy(shown, ("CELLS", field, "Magnitude") if component < 0 else ("CELLS", field))
    lut = GetColorTransferFunction(field)
    lut.ApplyPreset("Viridis (matplotlib)", True)  # as the glass and wafer maps
    lut.RescaleTransferFunction(lo, hi)
    lut.AutomaticRescaleRangeMode = "Never"
    shown.SetScalarBarVisibility(view, True)
    bar = GetScalarBar(lut, view)
    bar.Title = field + (" magnitude" if component < 0 else "")
    bar.ComponentTitle = ""
    bar.TitleColor = bar.LabelColor = mv.TEXT
    bar.WindowLocation = "Any Location"
    bar.Position = [0.86, 0.08]
    bar.HorizontalTitle = 1
    bar.RangeLabelFormat = "%-#.4g"
    mv.flat_colours(shown)
    outline = Show(Outline(Input=merged), view)
    outline.AmbientColor = outline.DiffuseColor = [0.0, 0.0, 0.0]
    mv.place_camera(view, centre, direction, up, 0.9)
    mv.caption(view, "OpenFOAM case %s, t = %s\n%s on the %s = %.3g m plane, range %s .. %s"
               % (os.path.basename(case.rstrip("/")), mv.fmt(time, 4), field, "xyz"[normal_axis],
                  centre[normal_axis], mv.fmt(lo, 4), mv.fmt(hi, 4)), size=15)

    axis = spans.index(max(spans))
    p1, p2 = list(centre), list(centre)
    p1[axis], p2[axis] = b[2 * axis], b[2 * axis + 1]
    line = PlotOverLine(Input=merged)
    line.Point1, line.Point2 = p1, p2
    line.Resolution = 400
    chart = mv.chart_view(args.width - args.width // 2, args.height, field, "%s [m]" % "xyz"[axis])
    chart.ChartTitle = "%s along %s through the domain centre" % (field, "xyz"[axis])
    chart.ChartTitleFontSize = 15
    series = field + ("_Magnitude" if component < 0 else "")
    plotted = Show(line, chart, "XYChartRepresentation")
    plotted.UseIndexForXAxis = 0
    plotted.XArrayName = "Points_%s" % "XYZ"[axis]
    plotted.SeriesVisibility = [series]
    plotted.SeriesColor = [series] + ["%g" % c for c in mv.STEP_COLOURS[0]]
    plotted.SeriesLineThickness = [series, "2"]
    chart.ViewTime = time

    mv.save([(view, 0.5), (chart, 0.5)], args.output, args.width, args.height)
    mv.emit({"view": "openfoam", "field": field, "time": time, "data_range": [lo, hi], "colour_range": [lo, hi]})


mv.run(main)
