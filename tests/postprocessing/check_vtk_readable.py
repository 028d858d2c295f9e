"""Reads every file make_vtk_samples wrote through ParaView's own readers (pvbatch, the
machine's libexpat) and checks point counts, array names and types, and every value
against the analytic fields (see make_vtk_samples.cpp).

    pvbatch check_vtk_readable.py DIR

Regression test for Debian 12's libexpat1 2.5.0-1+deb12u5 (expat's reparse deferral):
ParaView 5.11 could not parse raw appended VTK XML ("not well-formed (invalid token)").
Exit 0 and "ok" lines when everything reads back; exit 1 naming the file otherwise.
"""
import math
import os
import sys

from paraview import servermanager
from paraview.simple import OpenDataFile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "postprocessing", "paraview"))
import magtwin_views as mv  # noqa: E402  (read_with_messages: VTK's errors of one read)

DIR = sys.argv[1]
failures = []


def fail(name, what):
    failures.append("%s: %s" % (name, what))


def read(name, time=None):
    path = os.path.join(DIR, name)
    if OpenDataFile(path) is None:
        fail(name, "ParaView has no reader for it")
        return None

    def open_at_time():
        reader = OpenDataFile(path)
        if time is not None:
            reader.UpdatePipeline(time)
        return reader

    reader, log = mv.read_with_messages(open_at_time)
    data = servermanager.Fetch(reader)
    error = mv.first_vtk_error(log)
    if error:
        fail(name, "reader error: " + error)
    if data is None or data.GetNumberOfPoints() == 0:
        fail(name, "no points read")
        return None
    return data


def check_field(name, data, field, components, vtk_type, expected, rel):
    """expected(point xyz) -> tuple of `components`; rel: relative tolerance."""
    arr = data.GetPointData().GetArray(field)
    if arr is None:
        fail(name, "no point field %r" % field)
        return
    if arr.GetNumberOfComponents() != components or arr.GetDataTypeAsString() != vtk_type:
        fail(name, "%s: %d x %s, want %d x %s" % (field, arr.GetNumberOfComponents(),
                                                  arr.GetDataTypeAsString(), components, vtk_type))
        return
    worst = 0.0
    for k in range(data.GetNumberOfPoints()):
        want = expected(data.GetPoint(k))
        got = arr.GetTuple(k)
        for c in range(components):
            scale = max(abs(want[c]), 1.0)
            worst = max(worst, abs(got[c] - want[c]) / scale)
    if worst > rel:
        fail(name, "%s differs from the analytic field by %.3g (relative) > %.3g" % (field, worst, rel))
    print("ok: %s %s: %d points, max relative difference %.2g" % (name, field, data.GetNumberOfPoints(), worst))


# Float64 files: the writer's values are the formula evaluated on the same doubles, so the
# only difference is the order of floating-point operations (< 1e-12).
F64 = 1e-12
# Float32 map: value and coordinates each rounded to 2^-24 relative; the formula on the
# rounded coordinates (|x| <= 1.7 m, gradient 10 nm/m) adds < 4e-6 nm on ~100 nm: 1e-6.
F32 = 1e-6

for step in range(3):
    data = read("surface.pvd", time=1000.0 * step)
    if data is not None:
        if data.GetNumberOfPoints() != 120 * 90:
            fail("surface.pvd", "step %d: %d points, want 10800" % (step, data.GetNumberOfPoints()))
        check_field("surface.pvd t=%g" % (1000.0 * step), data, "depth_mm", 1, "double",
                    lambda p, s=step: (1e3 * (p[0] + 2 * p[1]) * (1 + s),), F64)
for step in range(3):
    data = read("surface_%04d.vts" % step)
    if data is not None:
        check_field("surface_%04d.vts" % step, data, "normal", 3, "double",
                    lambda p: (0.0, p[0], 1.0), F64)

data = read("profile.vtp")
if data is not None:
    if data.GetNumberOfPoints() != 201 or data.GetNumberOfLines() != 1:
        fail("profile.vtp", "%d points, %d lines; want 201, 1" % (data.GetNumberOfPoints(), data.GetNumberOfLines()))
    check_field("profile.vtp", data, "thickness_nm", 1, "double", lambda p: (100 + 1e3 * p[0] ** 2,), F64)

data = read("thickness.vts")
if data is not None:
    if data.GetNumberOfPoints() != 589 * 675:
        fail("thickness.vts", "%d points, want %d" % (data.GetNumberOfPoints(), 589 * 675))
    check_field("thickness.vts", data, "thickness_nm", 1, "float", lambda p: (100 + 10 * p[0] + 5 * p[1],), F32)
    # Mask: exact 0/1; the boundary |x| = 1.4025 m lies between grid points (x = -1.47 + 0.005 i).
    check_field("thickness.vts", data, "in_quality_area", 1, "float",
                lambda p: (1.0 if abs(p[0]) < 1.4025 and abs(p[1]) < 1.4025 else 0.0,), 0.0)

if failures:
    for f in failures:
        print("FAIL: " + f)
    sys.exit(1)
import paraview
print("all VTK files read back through ParaView %s" % paraview.__version__)
