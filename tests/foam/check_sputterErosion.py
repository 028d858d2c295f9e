"""Checks the sputterErosion case (tests/foam/sputterErosionBox) against the analytic
answer: a uniform ion flux Gamma erodes a flat target uniformly, d(t) = v t with
v = Gamma Y(E, 0) / n (n = rho N_A / M), and the displacement Laplacian with slip sides
moves the interior points linearly between the target (-d) and the fixed substrate:
    y(t) = y0 - d (1 - y0 / H).
Y comes from `magtwin yield` (8 significant digits: tolerance 1e-7 on d).

Compound targets (mode compound): the same answer with Y the steady-state total yield of
`magtwin yield --target NAME` and n = rho N_A / sum_i c_i M_i of the library material,
recomputed HERE from boundary/data/materials.csv, constituents.csv and elements.csv by the
rules materials.csv states (amounts by weight or formula unit -> atom fractions; a blank
density = the ideal-mixture density 1 / sum_k w_k / rho_k). `entries NAME` prints the
dictionary entries of the same material given as a composition of the user's own
(targetComposition + targetDensity), which must erode identically.

  usage: check_sputterErosion.py uniform CASE MAGTWIN
         check_sputterErosion.py compound CASE MAGTWIN NAME
         check_sputterErosion.py entries NAME
         check_sputterErosion.py compare CASE REFERENCE TIME TOLERANCE
"""
import json
import math
import re
import subprocess
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


def endoflife(case, magtwin):
    """A 1.5 mm target (minRemainingThickness 1 mm) under the uniform flux: the run ends by
    itself once 0.5 mm are gone, at t_eol = 0.5 mm / v exactly (uniform recession, and the cut
    step is linear in time), every point at 0.5 mm, utilization 0.5/1.5 of the target."""
    mass_amu, rho = element_row("Mo")
    v = GAMMA * normal_yield(magtwin) / (rho * 1e6 * NA / mass_amu)
    limit = 0.0015 - 0.001
    times = sorted((d for d in os.listdir(case) if _is_time(d)), key=float)
    last = os.path.join(case, times[-1], "pointDisplacement")
    text = open(last).read()
    m = re.search(r"endOfLifeTime\s+([0-9.eE+-]+);", text)
    ok = ff.check("endOfLifeTime written in the last time (0 = yes)", 0.0 if m else 1.0, 0.0)
    if not m:
        return False
    t_eol = float(m.group(1))
    print(f"     end of life at {t_eol:.10g} s (exact {limit / v:.10g} s), last time {times[-1]}")
    # 1e-9: the cut is computed from the same doubles (round-off of a few operations).
    ok &= ff.check("endOfLifeTime vs 0.5 mm / v", abs(t_eol - limit / v) / (limit / v), 1e-9)
    d = ff.read_patch_entry(last, "target", "erodedDepth")
    ok &= ff.check("every point eroded to 0.5 mm", max(abs(x - limit) for x in d) / limit, 1e-9)
    # The targetErosion function object ends the run at the step of the cut (writeAndEnd).
    ok &= ff.check("the run stopped at the step of the cut (no further step)",
                   abs(float(times[-1]) - (math.floor(t_eol / 1e5) + 1) * 1e5) / 1e5, 1e-9)
    log = open(os.path.join(case, "log.moveDynamicMesh")).read()
    u = re.search(r"end of target life at t = ([0-9.eE+-]+) s .*utilization ([0-9.eE+-]+) %", log)
    ok &= ff.check("the log names the end of life and the utilization (0 = yes)", 0.0 if u else 1.0, 0.0)
    if u:
        # Utilization of a uniformly eroded planar target: depth / thickness (1e-9 as above).
        ok &= ff.check("utilization vs 0.5/1.5", abs(float(u.group(2)) / 100 - limit / 0.0015) / (limit / 0.0015), 1e-9)
    ok &= erosion_function_object(case, v, t_eol, limit / 0.0015)
    return ok


def erosion_function_object(case, v, t_eol, utilization):
    """The targetErosion function object (postProcessing/erosion, power 1000 W in the case):
    each row's deepest groove = v t (uniform), remaining = thickness - v t, utilization =
    v t / thickness, energy = 1000 W x t / 3.6e6 J/kWh; endOfLife.json at t_eol. 1e-6: the .dat
    columns carry OpenFOAM's default 6 significant digits."""
    base = os.path.join(case, "postProcessing", "erosion")
    rows = [l.split() for l in open(os.path.join(base, "0", "targetErosion.dat")) if not l.startswith("#")]
    ok = ff.check("targetErosion.dat has a row per step (6, the last at the cut)", abs(len(rows) - 6), 0)
    worst = 0.0
    for r in rows:
        t = min(float(r[0]), t_eol)
        depth, remaining, util, energy = (float(x) for x in r[1:5])
        worst = max(worst, abs(depth - v * t) / (v * t), abs(remaining - (0.0015 - v * t)) / 0.0015,
                    abs(util / 100 - v * t / 0.0015) / (v * t / 0.0015), abs(energy - 1000 * t / 3.6e6) / (1000 * t / 3.6e6))
    ok &= ff.check("targetErosion.dat rows vs v t, thickness - v t, v t / thickness, P t", worst, 1e-6)
    eol = json.load(open(os.path.join(base, "endOfLife.json")))
    ok &= ff.check("endOfLife.json life_s vs the exact time", abs(eol["life_s"] - t_eol) / t_eol, 1e-9)
    ok &= ff.check("endOfLife.json life_kWh vs 1000 W x t_eol", abs(eol["life_kWh"] - 1000 * t_eol / 3.6e6) / (1000 * t_eol / 3.6e6), 1e-9)
    ok &= ff.check("endOfLife.json utilization_pct", abs(eol["utilization_pct"] / 100 - utilization) / utilization, 1e-9)
    print(f"     end of life: {eol}")
    return ok


def _is_time(name):
    try:
        float(name)
        return name != "0"
    except ValueError:
        return False


def _csv_rows(name):
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "boundary", "data", name)
    header, rows = None, []
    with open(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.rstrip("\n").split(",")
            if header is None:
                header = cells
            else:
                rows.append(dict(zip(header, cells)))
    return rows


def _formula(formula):
    """{element: atoms per formula unit} of e.g. In2O3."""
    atoms = {}
    for el, count in re.findall(r"([A-Z][a-z]?)([0-9.]*)", formula):
        atoms[el] = atoms.get(el, 0.0) + (float(count) if count else 1.0)
    return atoms


def _element(symbol):
    """(mass_amu, density_g_cm3 or None) of an element of elements.csv (O, N: no density)."""
    row = next(r for r in _csv_rows("elements.csv") if r["symbol"] == symbol)
    return float(row["mass_amu"]), (float(row["density_g_cm3"]) if row["density_g_cm3"] else None)


def library_material(name):
    """(atom fractions in order of appearance, density g/cm^3) of a materials.csv entry."""
    row = next(r for r in _csv_rows("materials.csv") if r["name"] == name)
    constituents = {r["formula"]: float(r["density_g_cm3"]) for r in _csv_rows("constituents.csv")}
    fractions, masses, weights = {}, {}, []
    for item in row["composition"].split():
        formula, amount = item.split(":")
        atoms = _formula(formula)
        mass = sum(n * _element(el)[0] for el, n in atoms.items())
        units = float(amount) / mass if row["basis"] == "wt" else float(amount)
        for el, n in atoms.items():
            fractions[el] = fractions.get(el, 0.0) + units * n
        rho = constituents[formula] if formula in constituents else _element(formula)[1]
        weights.append((units * mass, rho))
    total = sum(fractions.values())
    fractions = {el: v / total for el, v in fractions.items()}
    if row["density_g_cm3"]:
        density = float(row["density_g_cm3"])
    else:
        w = sum(m for m, _ in weights)
        density = 1.0 / sum(m / w / rho for m, rho in weights)
    return fractions, density


def compound(case, magtwin, name):
    fractions, rho = library_material(name)
    mean_mass = sum(c * _element(el)[0] for el, c in fractions.items())
    n = rho * 1e6 * NA / mean_mass
    out = subprocess.run([magtwin, "yield", "--ion", "Ar", "--target", name, "--energy", "400", "--json"],
                         check=True, capture_output=True, text=True)
    y = json.loads(out.stdout)["yield"]
    v = GAMMA * y / n
    print(f"     {name}: Y(400 eV) = {y:.8g}, rho = {rho:.6g} g/cm^3, n = {n:.8g} m^-3, v = {v:.6g} m/s")
    ok = True
    for time, t in (("500000", 5e5), ("1e+06", 1e6)):
        d = ff.read_patch_entry(os.path.join(case, time, "pointDisplacement"), "target", "erodedDepth")
        ok &= ff.check(f"{name}: erodedDepth at t={time} vs Gamma Y t / n (every target point)",
                       max(abs(x - v * t) for x in d) / (v * t), 1e-7)
    return ok


def entries(name):
    fractions, rho = library_material(name)
    comp = " ".join(f"{el} {c:.15g}" for el, c in fractions.items())
    print(f"targetComposition ({comp}); targetDensity {rho:.15g};")
    return True


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
    elif mode == "endoflife":
        good = endoflife(sys.argv[2], sys.argv[3])
    elif mode == "compound":
        good = compound(sys.argv[2], sys.argv[3], sys.argv[4])
    elif mode == "entries":
        good = entries(sys.argv[2])
    elif mode == "compare":
        good = compare(sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5]))
    else:
        sys.exit(f"unknown mode {mode}")
    sys.exit(0 if good else 1)
