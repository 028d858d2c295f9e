"""Checks the sputterFoam case (tests/foam/sputterFoamSlab): uniform erosion of a flat
Mo target under 1e20 Ar+/m^2/s at 400 eV, quasi-steady transport to a sticking
substrate across a gap H that grows as the target recedes.

The operating point scales the ion flux by s(t) = 1 - 0.5 t / T (ionFluxScale table),
T = 36000 s, 10 steps of dt = 3600 s. Analytic answer at T (J = Gamma Y, v = J / n):
    eroded depth            d = v integral_0^T s dt = 0.75 v T   (the erosion integrates
                                                     the table over each step: exact)
    film thickness          h = f J dt sum_{i=1..10} s(i dt) / n_film = 7.25 f J dt / n_film
                            (every thermalized atom lands, steady each step; the film
                             takes each step's end-of-step flux, backward Euler)
    c at the target face    c_t = s(T) (f J / k + f J (H + d) / D)  (linear, exact in FV)
Y from `magtwin yield` (8 digits), hence tolerances of 1e-7.

tube (tests/foam/sputterFoamTube): a quarter of a rotary tube cross-section (radius
R = 0.08 m) under 1e20 ions/m^2/s of original tube surface, a coated chamber wall at
R_o = 0.2 m, T = 1e6 s. The removed volume per original area is J T / n, so
    eroded depth            d = R - sqrt(R^2 - 2 R J T / n)   (annulus; 0.5 % above J T / n)
    tube points             at radius R - d
    film on the chamber     h = f J (R / R_o) T / n_film     (conservation; the chords of
                            both faceted circles span the same angles, so it is exact)

  usage: check_sputterFoam.py uniform CASE MAGTWIN
         check_sputterFoam.py tube CASE MAGTWIN
         check_sputterFoam.py compare CASE REFERENCE TIME TOLERANCE
"""
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "postprocessing", "foam"))
import foamfield as ff  # noqa: E402
import check_sputterErosion as erosion  # noqa: E402
from check_filmDeposition import NA, element_row  # noqa: E402
from check_sputteredFlux import normal_yield, sticking_velocity  # noqa: E402

GAMMA, FRACTION, D, HEIGHT, END = 1e20, 0.8, 2.0, 0.05, "36000"


def uniform(case, magtwin):
    mass_amu, rho = element_row("Mo")
    n = rho * 1e6 * NA / mass_amu  # target and film are both Mo
    J = GAMMA * normal_yield(magtwin)
    t = float(END)
    d = J / n * 0.75 * t
    ok = True
    depth = ff.read_patch_entry(os.path.join(case, END, "pointDisplacement"), "target", "erodedDepth")
    ok &= ff.check("eroded depth vs 0.75 J T / n", max(abs(x - d) for x in depth) / d, 1e-7)
    c_file = os.path.join(case, END, "c")
    film = ff.read_patch_entry(c_file, "substrate", "filmThickness")
    want = FRACTION * J * 3600 * 7.25 / n * 1e9
    print(f"     after {t:g} s: depth {depth[0]:.10g} m, film {film[0]:.10g} nm (want {want:.10g})")
    ok &= ff.check("film thickness vs 7.25 f J dt / n_film (conservation)",
                   max(abs(h - want) for h in film) / want, 1e-7)
    field = ff.read_patch_entry(os.path.join(case, END, "filmThickness"), "substrate", "value", len(film))
    ok &= ff.check("filmThickness field (m) = the condition's filmThickness (nm) x 1e-9",
                   max(abs(a * 1e9 - b) for a, b in zip(field, film)) / max(film), 1e-12)
    k = sticking_velocity()
    c_target = 0.5 * (FRACTION * J / k + FRACTION * J * (HEIGHT + d) / D)
    got = ff.read_patch_entry(c_file, "target", "value")
    ok &= ff.check("c at the receded target face vs s(T) (f J/k + f J (H + d)/D)",
                   max(abs(c - c_target) for c in got) / c_target, 1e-7)
    # The gap grew by d / H = 6e-4: c_t without it would miss by ~5e-4, far above 1e-7.
    with open(os.path.join(case, "log.checkMesh")) as f:
        ok &= ff.check("checkMesh of the eroded mesh says 'Mesh OK.' (0 = yes)",
                       0.0 if "Mesh OK." in f.read() else 1.0, 0.0)
    return ok


def tube(case, magtwin):
    import math
    radius, outer, t = 0.08, 0.2, 1e6
    mass_amu, rho = element_row("Mo")
    n = rho * 1e6 * NA / mass_amu
    J = GAMMA * normal_yield(magtwin)
    d = radius - math.sqrt(radius ** 2 - 2 * radius * J * t / n)
    depth = ff.read_patch_entry(os.path.join(case, "1e+06", "pointDisplacement"), "target", "erodedDepth")
    print(f"     depth {depth[0]:.10g} m; annulus formula {d:.10g} m, planar formula {J * t / n:.10g} m")
    ok = ff.check("eroded depth vs R - sqrt(R^2 - 2 R J T / n) (every point)",
                  max(abs(x - d) for x in depth) / d, 1e-7)
    p0 = ff.read_points(os.path.join(case, "constant", "polyMesh", "points"))
    p1 = ff.read_points(os.path.join(case, "1e+06", "polyMesh", "points"))
    on_tube = [b for a, b in zip(p0, p1) if abs(math.hypot(a[0], a[1]) - radius) < 1e-9]
    ok &= ff.check("tube points at radius R - d",
                   max(abs(math.hypot(b[0], b[1]) - (radius - d)) for b in on_tube) / d, 1e-7)
    film = ff.read_patch_entry(os.path.join(case, "1e+06", "c"), "chamber", "filmThickness")
    want = FRACTION * J * radius / outer * t / n * 1e9
    ok &= ff.check("chamber film vs f J (R/R_o) T / n_film (conservation)",
                   max(abs(h - want) for h in film) / want, 1e-7)
    with open(os.path.join(case, "log.checkMesh")) as f:
        ok &= ff.check("checkMesh of the eroded mesh says 'Mesh OK.' (0 = yes)",
                       0.0 if "Mesh OK." in f.read() else 1.0, 0.0)
    return ok


def compare(case, reference, time, tolerance):
    if "chamber" in open(os.path.join(case, time, "c")).read():
        entries = [("target", "value"), ("chamber", "value"), ("chamber", "filmThickness")]
        ok = ff.compare_cases(case, reference, time, entries, tolerance, field="c")
        return ok & erosion.compare(case, reference, time, tolerance)
    entries = [("target", "value"), ("substrate", "value"), ("substrate", "filmThickness")]
    ok = ff.compare_cases(case, reference, time, entries, tolerance, field="c")
    ok &= erosion.compare(case, reference, time, tolerance)
    return ok


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "uniform":
        good = uniform(sys.argv[2], sys.argv[3])
    elif mode == "tube":
        good = tube(sys.argv[2], sys.argv[3])
    elif mode == "compare":
        good = compare(sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5]))
    else:
        sys.exit(f"unknown mode {mode}")
    sys.exit(0 if good else 1)
