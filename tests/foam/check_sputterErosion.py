"""Checks the sputterErosion case (tests/foam/sputterErosionBox) against the analytic
answer: a uniform ion flux Gamma erodes a flat target uniformly, d(t) = v t with
v = Gamma Y(E, 0) / n (n = rho N_A / M), and the displacement Laplacian with slip sides
moves the interior points linearly between the target (-d) and the fixed substrate:
    y(t) = y0 - d (1 - y0 / H).
Y comes from `magtwin yield` (8 significant digits: tolerance 1e-7 on d).

  usage: check_sputterErosion.py uniform CASE MAGTWIN
         check_sputterErosion.py compare CASE REFERENCE TIME TOLERANCE
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "postprocessing", "foam"))
import foamfield as ff  # noqa: E402
from check_filmDeposition import NA, element_row  # noqa: E402
from check_sputteredFlux import normal_yield  # noqa: E402

GAMMA, HEIGHT = 1e20, 0.05


def uniform(case, magtwin):
    mass_amu, rho = element_row("Mo")
    v = GAMMA * normal_yield(magtwin) / (rho * 1e6 * NA / mass_amu)
    ok = True
    for time, t in (("500000", 5e5), ("1e+06", 1e6)):
        d = ff.read_patch_entry(os.path.join(case, time, "pointDisplacement"), "target", "erodedDepth")
        want = v * t
        print(f"     t = {t:g} s: eroded depth {d[0]:.10g} m, v t = {want:.10g} m")
        ok &= ff.check(f"erodedDepth at t={time} vs v t (every target point)",
                       max(abs(x - want) for x in d) / want, 1e-7)
    d = v * 1e6
    p0 = ff.read_points(os.path.join(case, "constant", "polyMesh", "points"))
    p1 = ff.read_points(os.path.join(case, "1e+06", "polyMesh", "points"))
    on_target = [(a, b) for a, b in zip(p0, p1) if a[1] == 0.0]
    ok &= ff.check("target mesh points moved to y = -v t",
                   max(abs(b[1] + d) for a, b in on_target) / d, 1e-7)
    # Interior: linear stretch, exact for the displacement Laplacian on this uniform
    # grid up to the solver tolerance (1e-14); 1e-6 of d allows the Y digits above.
    ok &= ff.check("all points at y0 - d (1 - y0/H), x unchanged",
                   max(max(abs(b[1] - (a[1] - d * (1 - a[1] / HEIGHT))), abs(b[0] - a[0]))
                       for a, b in zip(p0, p1)) / d, 1e-6)
    with open(os.path.join(case, "log.checkMesh")) as f:
        ok &= ff.check("checkMesh of the eroded mesh says 'Mesh OK.' (0 = yes)",
                       0.0 if "Mesh OK." in f.read() else 1.0, 0.0)
    return ok


def compare(case, reference, time, tolerance):
    a = os.path.join(case, time, "pointDisplacement")
    b = os.path.join(reference, time, "pointDisplacement")
    ok = ff.check(f"target erodedDepth at t={time} vs reference",
                  ff.max_rel_diff(ff.read_patch_entry(a, "target", "erodedDepth"),
                                  ff.read_patch_entry(b, "target", "erodedDepth")), tolerance)
    pa = ff.read_points(os.path.join(case, time, "polyMesh", "points"))
    pb = ff.read_points(os.path.join(reference, time, "polyMesh", "points"))
    ref = max(abs(c) for p in pb for c in p)
    ok &= ff.check(f"mesh points at t={time} vs reference (relative to the domain size)",
                   max(abs(x - y) for p, q in zip(pa, pb) for x, y in zip(p, q)) / ref, tolerance)
    return ok


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "uniform":
        good = uniform(sys.argv[2], sys.argv[3])
    elif mode == "compare":
        good = compare(sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5]))
    else:
        sys.exit(f"unknown mode {mode}")
    sys.exit(0 if good else 1)
