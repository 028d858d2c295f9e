"""Checks the cases/planar-cross-section run (100 h, racetrack erosion).

Conservation: every atom that leaves the target either goes ballistic (share 1 - f, not
modelled by the transport) or thermalizes and sticks to the substrate or the chamber
walls (the shields reflect). Target and film are both Mo (same atomic density), so per
metre of depth the film cross-section equals f times the eroded cross-section:
    sum_walls h_f L_f  =  f  integral d(x) dx.
Tolerance 1e-2: the erosion step uses the slope at the start of each 2 h step, the
transport the geometry at its end (an O(dt) difference in Y(theta) on the groove walls),
and the eroded area is a trapezoid sum over face centres (O(dx^2)).

  usage: check_planar_case.py conservation CASE
         check_planar_case.py compare CASE REFERENCE TIME TOLERANCE
"""
import csv
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "postprocessing", "foam"))
import foamfield as ff  # noqa: E402

FRACTION, FACE_LENGTH, END = 0.8, 0.0025, "360000"


def conservation(case):
    with open(os.path.join(case, "results", "erosion_profile.csv")) as f:
        rows = [(float(r["x_m"]), float(r["eroded_depth_m"])) for r in csv.DictReader(f)]
    eroded = sum((x1 - x0) * (d0 + d1) / 2 for (x0, d0), (x1, d1) in zip(rows, rows[1:]))
    c_file = os.path.join(case, END, "c")
    film = sum(h * 1e-9 * FACE_LENGTH for patch in ("substrate", "chamber")
               for h in ff.read_patch_entry(c_file, patch, "filmThickness"))
    print(f"     eroded cross-section {eroded:.6e} m^2, film cross-section {film:.6e} m^2,"
          f" f x eroded {FRACTION * eroded:.6e} m^2")
    ok = ff.check("film = f x eroded cross-section (conservation)",
                  abs(film - FRACTION * eroded) / (FRACTION * eroded), 1e-2)
    with open(os.path.join(case, "log.checkMesh")) as f:
        ok &= ff.check("checkMesh of the eroded mesh says 'Mesh OK.' (0 = yes)",
                       0.0 if "Mesh OK." in f.read() else 1.0, 0.0)
    return ok


def compare(case, reference, time, tolerance):
    entries = [("target", "value"), ("substrate", "value"), ("substrate", "filmThickness"),
               ("chamber", "filmThickness")]
    ok = ff.compare_cases(case, reference, time, entries, tolerance, field="c")
    a = ff.read_patch_entry(os.path.join(case, time, "pointDisplacement"), "target", "erodedDepth")
    b = ff.read_patch_entry(os.path.join(reference, time, "pointDisplacement"), "target", "erodedDepth")
    ok &= ff.check(f"target erodedDepth at t={time} vs reference", ff.max_rel_diff(a, b), tolerance)
    return ok


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "conservation":
        good = conservation(sys.argv[2])
    elif mode == "compare":
        good = compare(sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5]))
    else:
        sys.exit(f"unknown mode {mode}")
    sys.exit(0 if good else 1)
