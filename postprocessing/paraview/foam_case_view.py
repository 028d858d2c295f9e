"""Picture of a 3-D magtwin OpenFOAM case (`magtwin foam-case`): cathodes and substrate.

Left: the chamber's patches in 3-D, seen obliquely from below (unlit colours, so the film
and the cathodes' faces read the same from either side):
the substrate coloured by film thickness (filmThickness, m -> nm, Viridis), each cathode
(a sputteredFlux patch in c) coloured by erosion depth, |pointDisplacement| in mm (Inferno),
when the case moves its targets (sputterErosion writes pointDisplacement), else a flat grey
(a deposition-only case: the caption says so); shields and walls as a wireframe outline.
Right: the substrate seen from the cathodes (looking down -z), coloured by
thickness over its data range, with results/summary.json's U and mean in the caption when
the case has run its Allrun.

Called by foam_view.py for a 3-D case holding filmThickness (no --field given).
"""
import json
import os
import re

import magtwin_views as mv
from paraview.simple import *  # noqa: F401,F403


def patch_types(case, time_dir):
    """{patch: type} of the field c at the last time (sputteredFlux cathodes, filmDeposition ...)."""
    for d in (time_dir, "0"):
        path = os.path.join(case, d, "c")
        if os.path.exists(path):
            text = open(path).read()
            body = text[text.find("boundaryField"):]
            return dict(re.findall(r"\n\s*([A-Za-z_][\w.:-]*)\s*\{\s*type\s+(\w+)\s*;", body))
    raise mv.BadInput("%s: no field c (not a magtwin sputterFoam case)" % case)


def time_name(case, time):
    names = [d for d in os.listdir(case) if re.match(r"^[0-9.eE+-]+$", d) and os.path.isdir(os.path.join(case, d))]
    return min(names, key=lambda d: abs(float(d) - time)) if names else "0"


def patch_reader(foam, regions, time, point_fields=False):
    r = OpenFOAMReader(FileName=foam)
    r.MeshRegions = ["patch/" + p for p in regions]
    r.SkipZeroTime = 0
    r.Refresh()
    m = MergeBlocks(Input=r)
    m.UpdatePipeline(time)
    return r, m


def draw(case, foam, time, args):
    types = patch_types(case, time_name(case, time))
    summary = {}
    summary_path = os.path.join(case, "results", "summary.json")
    if os.path.exists(summary_path):
        summary = json.load(open(summary_path))
    cathodes = sorted(p for p, t in types.items() if t == "sputteredFlux")
    films = [p for p, t in types.items() if t == "filmDeposition"]
    substrate = summary.get("substrate") if summary.get("substrate") in films else None
    if substrate is None:
        named = [p for p in films if p not in ("shields", "walls")]
        substrate = named[0] if named else None
    if not cathodes or substrate is None:
        raise mv.BadInput("%s: needs sputteredFlux cathode patches and a filmDeposition substrate in c (found %s)"
                          % (case, ", ".join("%s: %s" % kv for kv in sorted(types.items()))))
    others = [p for p in types if p not in cathodes and p != substrate]

    _, sub = patch_reader(foam, [substrate], time)
    film = Calculator(Input=sub, AttributeType="Cell Data", ResultArrayName="thickness_nm",
                      Function="filmThickness*1e9")
    film.UpdatePipeline(time)
    lo, hi = film.CellData["thickness_nm"].GetRange(0)
    if hi <= lo:
        hi = lo + max(abs(lo), 1.0) * 1e-6

    cat_reader, cat = patch_reader(foam, cathodes, time)
    eroding = "pointDisplacement" in list(cat_reader.PointArrays.Available)
    depth_range = None
    if eroding:
        cat_reader.PointArrays = ["pointDisplacement"]
        cat = Calculator(Input=cat, AttributeType="Point Data", ResultArrayName="depth_mm",
                         Function="mag(pointDisplacement)*1e3")
        cat.UpdatePipeline(time)
        depth_range = list(cat.PointData["depth_mm"].GetRange(0))
        if depth_range[1] <= depth_range[0]:
            depth_range[1] = depth_range[0] + 1e-6

    view = mv.render_view(args.width // 2, args.height)
    view.ViewTime = time
    shown = Show(film, view)
    ColorBy(shown, ("CELLS", "thickness_nm"))
    lut = GetColorTransferFunction("thickness_nm")
    lut.ApplyPreset("Viridis (matplotlib)", True)
    lut.RescaleTransferFunction(lo, hi)
    lut.AutomaticRescaleRangeMode = "Never"
    shown.SetScalarBarVisibility(view, True)
    bar = GetScalarBar(lut, view)
    bar.Title, bar.ComponentTitle = "film [nm]", ""
    bar.TitleColor = bar.LabelColor = mv.TEXT
    bar.WindowLocation, bar.Position, bar.HorizontalTitle = "Any Location", [0.86, 0.08], 1
    bar.RangeLabelFormat = "%-#.4g"
    mv.flat_colours(shown)  # unlit: the film's colours are seen the same from above and below
    cshown = Show(cat, view)
    if eroding:
        clut = mv.colour_by(cshown, view, "depth_mm", depth_range, "Inferno (matplotlib)", "erosion depth [mm]")
        GetScalarBar(clut, view).Position = [0.1, 0.3]  # title centred above: room on the left; axes below
    else:
        cshown.ColorArrayName = ["POINTS", ""]
        cshown.AmbientColor = cshown.DiffuseColor = [0.55, 0.55, 0.58]
    mv.flat_colours(cshown)  # the cathodes are seen from the substrate side of their face, unlit
    if others:
        _, rest = patch_reader(foam, others, time)
        wire = Show(rest, view)
        wire.ColorArrayName = ["POINTS", ""]
        wire.SetRepresentationType("Feature Edges")
        wire.AmbientColor = wire.DiffuseColor = [0.3, 0.3, 0.3]
    b = [min(x, y) if k % 2 == 0 else max(x, y)
         for k, (x, y) in enumerate(zip(sub.GetDataInformation().GetBounds(), cat.GetDataInformation().GetBounds()))]
    centre = [(b[0] + b[1]) / 2, (b[2] + b[3]) / 2, (b[4] + b[5]) / 2]
    # From below the substrate's -y edge, tilted: the film and the cathodes' faces (they face -z) both show.
    mv.place_camera(view, centre, [0.35, 1.0, 0.55], [0.0, 0.0, 1.0], 1.0)
    depth_text = ("cathodes by erosion depth, max %s mm" % mv.fmt(depth_range[1], 4)) if eroding else \
        "cathodes grey: no pointDisplacement (no erosion in this case)"
    names = ", ".join(cathodes) if len(cathodes) <= 3 else "%d cathodes %s .. %s" % (len(cathodes), cathodes[0],
                                                                                     cathodes[-1])
    mv.caption(view, "OpenFOAM case %s, t = %s s: %s by film thickness\n%s\n%s"
               % (os.path.basename(case.rstrip("/")), mv.fmt(time, 4), substrate, names, depth_text), size=14)

    top = mv.render_view(args.width - args.width // 2, args.height)
    top.ViewTime = time
    tshown = Show(film, top)
    ColorBy(tshown, ("CELLS", "thickness_nm"))
    tshown.SetScalarBarVisibility(top, True)
    tbar = GetScalarBar(lut, top)
    tbar.Title, tbar.ComponentTitle = "film [nm]", ""
    tbar.TitleColor = tbar.LabelColor = mv.TEXT
    tbar.WindowLocation, tbar.Position, tbar.HorizontalTitle = "Any Location", [0.86, 0.08], 1
    tbar.RangeLabelFormat = "%-#.4g"
    mv.flat_colours(tshown)
    sb = sub.GetDataInformation().GetBounds()
    mv.place_camera(top, [(sb[0] + sb[1]) / 2, (sb[2] + sb[3]) / 2, sb[4]], [0.0, 0.0, -1.0], [0.0, 1.0, 0.0], 0.9)
    line = "%s seen from the cathodes: film %s .. %s nm" % (substrate, mv.fmt(lo, 4), mv.fmt(hi, 4))
    if "uniformity_range_pct" in summary:
        line += "\nquality area: mean %s nm, U %s %%, sigma/mean %s %% (results/summary.json)" % (
            mv.fmt(1e9 * summary["mean_thickness_m"], 4), mv.fmt(summary["uniformity_range_pct"], 4),
            mv.fmt(summary["uniformity_sigma_pct"], 4))
    mv.caption(top, line, size=14)

    mv.save([(view, 0.5), (top, 0.5)], args.output, args.width, args.height)
    mv.emit({"view": "openfoam-3d", "time": time, "substrate": substrate, "cathodes": cathodes,
             "thickness_nm_range": [lo, hi], "erosion_depth_mm_range": depth_range,
             "uniformity_range_pct": summary.get("uniformity_range_pct")})
