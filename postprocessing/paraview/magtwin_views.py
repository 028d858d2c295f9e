"""Shared helpers for the magtwin pvbatch view scripts (ParaView 5.11, paraview.simple).

Every view script takes: --input RESULT_DIR --output OUT.png [--width W] [--height H]
and prints one JSON line on stdout describing what it drew (ranges, verdict), which
`magtwin view` passes on and the tests check. Data are pulled to the client with
servermanager.Fetch and read with plain Python loops (Debian's pvbatch Python has no
numpy); result grids are small (<= ~10^5 points).
"""
import argparse
import json
import math
import os
import sys
import xml.etree.ElementTree as ET

from paraview import servermanager
from paraview.simple import *  # noqa: F401,F403  (ParaView's scripting API)
from vtkmodules.vtkCommonCore import vtkOutputWindow, vtkStringOutputWindow



def read_with_messages(make_reader):
    """(reader, VTK messages) of make_reader() after UpdatePipeline. While it reads, VTK's
    output window is a string (pvbatch routes Python's print through the output window
    too, so it is switched back right after): a reader that fails logs and returns no data
    rather than raising, and its own words are what the user should see."""
    previous = vtkOutputWindow.GetInstance()
    messages = vtkStringOutputWindow()
    vtkOutputWindow.SetInstance(messages)
    try:
        reader = make_reader()
        reader.UpdatePipeline()
    finally:
        vtkOutputWindow.SetInstance(previous)
    return reader, messages.GetOutput()


def first_vtk_error(log):
    """The first message line of VTK's error output ('' if none); skips 'ERROR: In file'."""
    lines = [line.strip() for line in log.splitlines() if line.strip()]
    if not any("ERROR" in line or "rror" in line for line in lines):
        return ""
    for line in lines:
        if not line.startswith(("ERROR: In", "Warning: In")):
            return line
    return lines[0]

# Colours (RGB 0..1) shared by all views.
BACKGROUND = [1.0, 1.0, 1.0]
TEXT = [0.05, 0.05, 0.05]
STEP_COLOURS = [[0.12, 0.47, 0.71], [1.0, 0.5, 0.05], [0.17, 0.63, 0.17], [0.84, 0.15, 0.16],
                [0.58, 0.40, 0.74], [0.55, 0.34, 0.29], [0.89, 0.47, 0.76], [0.5, 0.5, 0.5]]


class BadInput(Exception):
    """The result folder lacks what the view needs (a field, a file): exit status 2."""


def run(main):
    """Runs a view's main(); bad input exits with status 2 and a one-line message."""
    try:
        main()
    except BadInput as e:
        sys.stderr.write("magtwin view: %s\n" % e)
        sys.stderr.flush()
        sys.exit(2)


def parse_args(description):
    p = argparse.ArgumentParser(description=description)
    p.add_argument("--input", required=True, help="result folder")
    p.add_argument("--output", required=True, help="PNG to write")
    p.add_argument("--width", type=int, default=1600)
    p.add_argument("--height", type=int, default=900)
    p.add_argument("--field", default=None, help="point field to colour by")
    return p.parse_args()


def read_summary(folder):
    """summary.json of a result folder as a dict ({} if absent)."""
    path = os.path.join(folder, "summary.json")
    if not os.path.exists(path):
        return {}
    with open(path) as f:
        return json.load(f)


def read_pvd(path):
    """[(time, absolute file)] of a ParaView collection, in file order."""
    root = ET.parse(path).getroot()
    base = os.path.dirname(os.path.abspath(path))
    steps = []
    for ds in root.iter("DataSet"):
        steps.append((float(ds.get("timestep", "0")), os.path.join(base, ds.get("file"))))
    if not steps:
        raise BadInput("%s lists no DataSet" % path)
    return steps


def read_structured_grid(path):
    """An XMLStructuredGridReader of `path` that has read it; BadInput naming the file and
    the reader's error if the file is missing, unreadable or empty."""
    if not os.path.isfile(path):
        raise BadInput("%s: no such file" % path)
    reader, log = read_with_messages(lambda: XMLStructuredGridReader(FileName=[path]))
    error = first_vtk_error(log)
    data = servermanager.Fetch(reader)
    if error or data is None or data.GetNumberOfPoints() == 0:
        raise BadInput("%s: unreadable VTK file (the reader says: %s)" % (path, (error or "no points read")[:300]))
    return reader


def fetch_point_array(source, name):
    """(list of values, data object) of point array `name` of `source`'s output."""
    data = servermanager.Fetch(source)
    array = data.GetPointData().GetArray(name)
    if array is None:
        names = [data.GetPointData().GetArrayName(i) for i in range(data.GetPointData().GetNumberOfArrays())]
        raise BadInput("no point field '%s' (fields: %s)" % (name, ", ".join(names)))
    return [array.GetValue(i) for i in range(array.GetNumberOfTuples())], data


def unit_of(field):
    """'depth_mm' -> 'mm', 'thickness_nm' -> 'nm', 'erosion_rate_mm_per_kWh' -> 'mm/kWh'."""
    for marker, unit in (("_mm_per_kWh", "mm/kWh"), ("_m_s", "m/s"), ("_nm", "nm"), ("_mm", "mm"),
                         ("_um", "um"), ("_m", "m")):
        if field.endswith(marker):
            return unit
    return ""


def render_view(width, height):
    view = CreateView("RenderView")
    view.ViewSize = [width, height]
    view.Background = BACKGROUND
    try:  # 5.10+: a background colour palette overrides Background unless switched off
        view.UseColorPaletteForBackground = 0
    except AttributeError:
        pass
    view.OrientationAxesVisibility = 1
    return view


def colour_by(display, view, field, value_range, preset, title):
    ColorBy(display, ("POINTS", field))
    lut = GetColorTransferFunction(field)
    lut.ApplyPreset(preset, True)
    lut.RescaleTransferFunction(value_range[0], value_range[1])
    lut.AutomaticRescaleRangeMode = "Never"
    display.SetScalarBarVisibility(view, True)
    bar = GetScalarBar(lut, view)
    bar.Title = title
    bar.ComponentTitle = ""
    bar.TitleColor = TEXT
    bar.LabelColor = TEXT
    bar.TitleFontSize = 14
    bar.LabelFontSize = 13
    bar.ScalarBarLength = 0.5
    bar.WindowLocation = "Any Location"
    bar.Position = [0.86, 0.08]
    bar.HorizontalTitle = 1  # title above the bar, never clipped at the view's edge
    bar.RangeLabelFormat = "%-#.4g"
    return lut


def place_camera(view, focal_point, direction, view_up, zoom=1.0):
    """Looks along `direction` at `focal_point`, fits the scene, then zooms by `zoom`.
    Renders once first: the first render of a view resets its camera."""
    Render(view)
    distance = 10.0
    view.CameraFocalPoint = focal_point
    view.CameraPosition = [f - distance * d for f, d in zip(focal_point, direction)]
    view.CameraViewUp = view_up
    view.ResetCamera(False)
    view.GetActiveCamera().Dolly(zoom)
    Render(view)


def look_at_target_face(view, grid, zoom=0.85):
    """Targets face the substrate (-z): look at the face from below, tilted 45 degrees,
    with x to the right (seen from below, +y then points down the screen)."""
    b = grid.GetBounds()
    centre = [(b[0] + b[1]) / 2, (b[2] + b[3]) / 2, (b[4] + b[5]) / 2]
    place_camera(view, centre, [0.0, -1.0, 1.0], [0.0, -1.0, -1.0], zoom)


def flat_colours(display):
    """Unlit colours: the pixels show exactly the colour map (a flat map seen face-on)."""
    display.Ambient = 1.0
    display.Diffuse = 0.0
    display.Specular = 0.0


def caption(view, text, location="Upper Center", size=16):
    source = Text(Text=text)
    display = Show(source, view)
    display.WindowLocation = location
    display.FontSize = size
    display.Color = TEXT
    return display


def chart_view(width, height, left_title, bottom_title):
    chart = CreateView("XYChartView")
    chart.ViewSize = [width, height]
    chart.LeftAxisTitle = left_title
    chart.BottomAxisTitle = bottom_title
    chart.LegendLocation = "BottomRight"
    chart.ShowLegend = 1
    for prop in ("LeftAxisTitleFontSize", "BottomAxisTitleFontSize"):
        setattr(chart, prop, 15)
    for prop in ("LeftAxisLabelFontSize", "BottomAxisLabelFontSize", "LegendFontSize"):
        setattr(chart, prop, 13)
    return chart


def plot_line(chart, source, x_array, series, label, colour, width=2):
    """Shows point array `series` of a 1-D source against `x_array` ('Points_X', ...)."""
    display = Show(source, chart, "XYChartRepresentation")
    display.UseIndexForXAxis = 0
    display.XArrayName = x_array
    display.SeriesVisibility = [series]
    display.SeriesLabel = [series, label]
    display.SeriesColor = [series] + ["%g" % c for c in colour]
    display.SeriesLineThickness = [series, str(width)]
    return display


def save(views_and_fractions, out, width, height):
    """Lays the views out left to right (fractions of the width) and writes the PNG."""
    layout = CreateLayout("magtwin")
    cell = 0
    remaining = 1.0
    for k, (view, fraction) in enumerate(views_and_fractions):
        if k < len(views_and_fractions) - 1:
            layout.SplitHorizontal(cell, fraction / remaining)
            remaining -= fraction
            AssignViewToLayout(view=view, layout=layout, hint=2 * cell + 1)
            cell = 2 * cell + 2
        else:
            AssignViewToLayout(view=view, layout=layout, hint=cell)
    layout.SetSize(width, height)
    SaveScreenshot(out, layout, ImageResolution=[width, height], OverrideColorPalette="WhiteBackground")


def emit(report):
    print(json.dumps(report, sort_keys=True))


def fmt(value, digits=3):
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "?"
    return ("%%.%dg" % digits) % value


def table_source(columns):
    """A pipeline source holding `columns` ({name: [values]}) as a vtkTable (pvbatch runs
    in one process, so the client-side object is the data)."""
    from vtkmodules.vtkCommonCore import vtkDoubleArray
    from vtkmodules.vtkCommonDataModel import vtkTable
    table = vtkTable()
    for name, values in columns.items():
        a = vtkDoubleArray()
        a.SetName(name)
        for v in values:
            a.InsertNextValue(v)
        table.AddColumn(a)
    source = PVTrivialProducer()
    source.GetClientSideObject().SetOutput(table)
    return source


def map_with_spec_band(reader, field, quality, spec_pct, width, height, where, colour_title):
    """The film map of `reader`: the whole grid grey, the quality area (`quality` > 0.5, or all
    points without that array) coloured by `field`, and the spec band around the mid-range,
    mid (1 -+ spec/100), as black contours; camera from above. Returns (view, grid, lo, hi, U %)
    with lo, hi and U = (hi - lo)/(hi + lo) over the quality area. `where` names the file in
    the error raised when no point lies in the quality area. (The replay's and the life sweep's
    views.)"""
    values, grid = fetch_point_array(reader, field)
    mask = grid.GetPointData().GetArray(quality)
    q = [values[i] for i in range(len(values)) if mask is None or mask.GetValue(i) > 0.5]
    if not q:
        raise BadInput("%s: no point in the quality area" % where)
    lo, hi = min(q), max(q)
    u_pct = 100.0 * (hi - lo) / (hi + lo)
    mid = 0.5 * (hi + lo)
    band = [mid * (1 - spec_pct / 100.0), mid * (1 + spec_pct / 100.0)]
    view = render_view(width, height)
    whole = Show(reader, view)
    whole.ColorArrayName = ["POINTS", ""]
    whole.DiffuseColor = whole.AmbientColor = [0.78, 0.78, 0.78]
    flat_colours(whole)
    shown = reader
    if mask is not None:
        shown = Threshold(Input=reader, Scalars=["POINTS", quality], LowerThreshold=0.5, UpperThreshold=1.5)
        shown.ThresholdMethod = "Between"
    area = Show(shown, view)
    flat_colours(area)
    colour_by(area, view, field, [lo, hi], "Viridis (matplotlib)", colour_title)
    lines = Show(Contour(Input=shown, ContourBy=["POINTS", field], Isosurfaces=band), view)
    lines.ColorArrayName = ["POINTS", ""]
    lines.DiffuseColor = lines.AmbientColor = [0.0, 0.0, 0.0]
    lines.LineWidth = 3.0
    flat_colours(lines)
    return view, grid, lo, hi, u_pct
