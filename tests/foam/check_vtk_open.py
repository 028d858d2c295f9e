"""Opens a finished sputterFoam case through case.foam with VTK's OpenFOAM reader (the
reader ParaView's "OpenFOAM" source wraps) and checks what a user would see at the last
time: the internal mesh, the fields c and filmThickness on the patches, and the eroded
target geometry. Needs Debian's python3-vtk9 (/usr/bin/python3).

  usage: check_vtk_open.py CASE END_TIME
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "postprocessing", "foam"))
import foamfield as ff  # noqa: E402

try:
    import vtk
except ImportError:  # the build has VTK (libvtk9-dev) but not the Python module
    print("skipped: no python3-vtk9 (VTK's Python module) for /usr/bin/python3")
    sys.exit(0)


def blocks(dataset):
    it = dataset.NewIterator()
    it.InitTraversal()
    while not it.IsDoneWithTraversal():
        yield it.GetCurrentMetaData().Get(vtk.vtkCompositeDataSet.NAME()), it.GetCurrentDataObject()
        it.GoToNextItem()


def main(case, end):
    reader = vtk.vtkOpenFOAMReader()
    reader.SetFileName(os.path.join(case, "case.foam"))
    reader.UpdateInformation()
    times = reader.GetTimeValues()
    last = times.GetValue(times.GetNumberOfTuples() - 1)
    ok = ff.check(f"last time seen by the reader vs {end}", abs(last - float(end)) / float(end), 0.0)
    reader.EnableAllPatchArrays()
    reader.EnableAllCellArrays()
    reader.UpdateTimeStep(last)
    reader.Update()
    seen = dict(blocks(reader.GetOutput()))
    missing = [name for name in ("internalMesh", "target", "substrate") if name not in seen]
    ok &= ff.check(f"internalMesh, target and substrate blocks present (missing: {missing})",
                   float(len(missing)), 0.0)
    if missing:
        return False
    for name in ("c", "filmThickness"):
        ok &= ff.check(f"cell array '{name}' on the substrate (0 = present)",
                       0.0 if seen["substrate"].GetCellData().GetArray(name) else 1.0, 0.0)
    film_vtk = seen["substrate"].GetCellData().GetArray("filmThickness")
    film_nm = ff.read_patch_entry(os.path.join(case, end, "c"), "substrate", "filmThickness")
    if film_vtk:
        got = [film_vtk.GetValue(i) for i in range(film_vtk.GetNumberOfTuples())]
        # Tolerance 1e-6: the reader stores fields as 32-bit floats by default.
        ok &= ff.check("substrate filmThickness in VTK (m) vs the condition's entry (nm)",
                       ff.max_rel_diff(got, [h * 1e-9 for h in film_nm]), 1e-6)
    depth = ff.read_patch_entry(os.path.join(case, end, "pointDisplacement"), "target", "erodedDepth")
    ymin = seen["target"].GetBounds()[2]
    ok &= ff.check("eroded target in VTK: lowest point at -max(erodedDepth)",
                   abs(-ymin - max(depth)) / max(depth), 1e-6)
    return ok


if __name__ == "__main__":
    sys.exit(0 if main(sys.argv[1], sys.argv[2]) else 1)
