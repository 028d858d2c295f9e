#!/usr/bin/env python3
"""Checks of tests/foam/sputterFoamGas3D (sputterFoam with the gas, 3-D) against the core.

    check_gas_case.py vacuum  CASE LOS_CSV            0 Pa: the film is the line-of-sight film
    check_gas_case.py mc      CASE MC FAST LOS (CSV)  0.5 Pa: the film vs the core's gas Monte Carlo
    check_gas_case.py balance CASE                    conservation of the atoms (log + fields)
    check_gas_case.py compare CASE REFERENCE          decomposed or restarted run vs serial, 1e-8
    check_gas_case.py sticking CASE MC MC_ABSORBING   0.5 Pa, shield and sides keeping half of what
                                                      reaches them: the film vs the core's gas Monte
                                                      Carlo with the same sticking
    check_gas_case.py wallsum CASE EXACT              the panel wall sums vs the exact pairwise ones
    check_gas_case.py mirror  HALF WHOLE              the half chamber with a symmetry plane vs the whole

The film's flux per face is what filmDeposition deposits: the ballistic flux (ballisticFlux)
times its ballisticSticking s_b (default 1) plus the Robin uptake k c_f, k = s v/4 (s the patch's
stickingCoefficient, v the mean thermal speed of Mo at 300 K: the plugin's own formula,
boundary/openfoam/filmDeposition). Fluxes are per unit sputtered flux density J of the target
(its sputteredFlux entry), as gas_reference prints them.
"""
import math
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "postprocessing", "foam"))
import foamfield as ff  # noqa: E402
from check_filmDeposition import KB, AMU, element_row  # noqa: E402
from check_sputteredFlux import face_centres_from_mesh, read_faces  # noqa: E402

TIME, T = "2", 300.0
WALLS = ("substrate", "shield", "sides")


def sticking_velocity():
    """v/4 of Mo at 300 K (k = s v/4 with s = 1)."""
    mass_amu, _ = element_row("Mo")
    return math.sqrt(8 * KB * T / (math.pi * mass_amu * AMU)) / 4


def patch_scalar(case, patch, key, default):
    """A plain `key value;` entry of the patch in the written c (default when absent)."""
    text = ff._block(ff._block(open(field(case)).read(), "boundaryField"), patch)
    m = re.search(r"(?m)^\s*" + re.escape(key) + r"\s+([^;\s]+)\s*;", text)
    return float(m.group(1)) if m else default


def field(case):
    return os.path.join(case, TIME, "c")


def target_flux(case):
    J = ff.read_patch_entry(field(case), "target", "sputteredFlux")
    return sum(J) / len(J)


def deposited(case, patch):
    """(ballistic, diffusive) atoms m^-2 s^-1 per face of a filmDeposition patch."""
    ball = ff.read_patch_entry(field(case), patch, "ballisticFlux")
    c = ff.read_patch_entry(field(case), patch, "value", len(ball))
    k = patch_scalar(case, patch, "stickingCoefficient", 1.0) * sticking_velocity()
    s_b = patch_scalar(case, patch, "ballisticSticking", 1.0)
    return [s_b * v for v in ball], [k * v for v in c]


def face_areas(case, patch):
    mesh = os.path.join(case, "constant", "polyMesh")
    points = ff.read_points(os.path.join(mesh, "points"))
    faces = read_faces(os.path.join(mesh, "faces"))
    text = open(os.path.join(mesh, "boundary")).read()
    m = re.search(patch + r"\s*\{[^}]*nFaces\s+(\d+);[^}]*startFace\s+(\d+);", text)
    n, start = int(m.group(1)), int(m.group(2))
    out = []
    for f in faces[start:start + n]:  # planar quads: half the cross product of the diagonals
        a, b, c, d = (points[i] for i in f)
        u = [c[k] - a[k] for k in range(3)]
        v = [d[k] - b[k] for k in range(3)]
        w = (u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0])
        out.append(0.5 * math.sqrt(sum(x * x for x in w)))
    return out


def film_per_unit_J(case):
    """{(x, z): (total, ballistic)} on the substrate, per unit J."""
    J = target_flux(case)
    ball, diff = deposited(case, "substrate")
    out = {}
    for (x, _, z), b, d in zip(face_centres_from_mesh(case, "substrate"), ball, diff):
        out[(round(x, 6), round(z, 6))] = ((b + d) / J, b / J)
    return out


def read_csv(path):
    out = {}
    with open(path) as f:
        next(f)
        for line in f:
            x, z, v = (float(s) for s in line.split(","))
            out[(round(x, 6), round(z, 6))] = v
    return out


def symmetrised(values):
    """The mean over the square's 8 symmetries (the chamber's): halves the MC's noise or more."""
    out = {}
    for (x, z) in values:
        images = {(sx * a, sz * b) for a, b in ((x, z), (z, x)) for sx in (1, -1) for sz in (1, -1)}
        out[(x, z)] = sum(values[(round(a, 6), round(b, 6))] for a, b in images) / len(images)
    return out


def vacuum(case, los_csv):
    film = film_per_unit_J(case)
    los = read_csv(los_csv)
    keys = sorted(los)
    got = [film[k][0] for k in keys]
    want = [los[k] for k in keys]
    c_max = max(abs(v) for v in ff.read_internal(field(case)))
    print(f"     peak film {max(got):.6e} per unit J (line of sight {max(want):.6e}); max c {c_max:.3e} m^-3")
    ok = ff.check("0 Pa: film vs the core's line-of-sight film, / peak", ff.max_rel_diff(got, want), 1e-9)
    ok &= ff.check("0 Pa: no thermalised atoms (c = 0)", c_max, 0.0)
    return ok


def mc(case, mc_csv, fast_csv, los_csv):
    film = film_per_unit_J(case)
    ref, fast, los = symmetrised(read_csv(mc_csv)), read_csv(fast_csv), read_csv(los_csv)
    keys = sorted(ref)
    peak = max(ref[k] for k in keys)
    tot = symmetrised({k: film[k][0] for k in keys})
    ball = symmetrised({k: film[k][1] for k in keys})
    err = max(abs(tot[k] - ref[k]) for k in keys) / peak
    err_ball = max(abs(ball[k] - ref[k]) for k in keys) / peak
    err_fast = max(abs(fast[k] - ref[k]) for k in keys) / peak
    err_core = max(abs(tot[k] - fast[k]) for k in keys) / peak
    err_vacuum = max(abs(los[k] - ref[k]) for k in keys) / peak
    centre = min(keys, key=lambda k: k[0] ** 2 + k[1] ** 2)
    corner = max(keys, key=lambda k: k[0] ** 2 + k[1] ** 2)
    print(f"     centre: OpenFOAM {tot[centre]:.5f} (ballistic {ball[centre]:.5f}), MC {ref[centre]:.5f},"
          f" fast model {fast[centre]:.5f}")
    print(f"     corner: OpenFOAM {tot[corner]:.5f} (ballistic {ball[corner]:.5f}), MC {ref[corner]:.5f},"
          f" fast model {fast[corner]:.5f}")
    print(f"     max |x - MC| / MC peak: OpenFOAM {err:.4f}, its ballistic share alone {err_ball:.4f},"
          f" the core's fast model {err_fast:.4f}; max |OpenFOAM - fast| / MC peak {err_core:.4f}")
    # 5 % of the peak: the criterion (the fast model itself is calibrated to 2 %,
    # solvers/deposition/GasAttenuationModel.hpp).
    ok = ff.check("0.5 Pa: OpenFOAM film vs the core's gas Monte Carlo, / peak", err, 0.05)
    # Negative control: the collisionless film misses the Monte Carlo by more than the
    # criterion, so the agreement above is the gas model's doing.
    print(f"     negative control: collisionless line of sight vs MC, / peak {err_vacuum:.4f}")
    ok &= ff.check("the collisionless film misses the MC by > 5 % of the peak", max(0.0, 0.05 - err_vacuum), 0.0)
    return ok


def balance(case):
    log = open(os.path.join(case, "log.sputterFoam")).read()
    lines = [ln for ln in log.splitlines() if ln.startswith("Gas balance:")]
    if not lines:
        print("FAIL: no 'Gas balance' line in log.sputterFoam")
        return False
    last = lines[-1]
    print("     " + last)
    thermalised = float(re.search(r"thermalised source (\S+)", last).group(1))
    emitted = float(re.search(r"of (\S+) emitted", last).group(1))
    uptake = float(re.search(r"; total (\S+);", last).group(1))
    imbalance = float(re.search(r"relative imbalance ([^;\s]+)", last).group(1))
    # The diffusive part: the source equals the uptake on the sticking patches (dN/dt = 0), to
    # the linear solver's tolerance (1e-14 absolute residual on the normalised system).
    ok = ff.check("thermalised atoms: |source - uptake on all patches| / source", imbalance, 1e-8)
    # Independently from the written fields: the Robin uptake k c_f |S_f| of each patch.
    # Net uptake per face: k c_f less what the patch gives back of its ballistic arrivals,
    # (1 - s_b) J_los (filmDeposition's ballisticSticking; 0 on the target).
    J = target_flux(case)
    fields_uptake = 0.0
    ballistic = 0.0
    for p in WALLS + ("target",):
        k = patch_scalar(case, p, "stickingCoefficient", 1.0) * sticking_velocity()
        c = ff.read_patch_entry(field(case), p, "value", len(face_areas(case, p)))
        fields_uptake += sum(k * v * a for v, a in zip(c, face_areas(case, p)))
    for p in WALLS:
        b = ff.read_patch_entry(field(case), p, "ballisticFlux")
        ballistic += sum(v * a for v, a in zip(b, face_areas(case, p)))
        given_back = 1 - patch_scalar(case, p, "ballisticSticking", 1.0)
        fields_uptake -= sum(given_back * v * a for v, a in zip(b, face_areas(case, p)))
    emitted_fields = J * sum(face_areas(case, "target"))
    ok &= ff.check("uptake k c_f |S_f| from the fields vs the solver's, relative",
                   abs(fields_uptake - uptake) / uptake, 1e-6)
    ok &= ff.check("emitted J |S| from the fields vs the solver's, relative",
                   abs(emitted_fields - emitted) / emitted, 1e-9)
    closure = (ballistic + uptake) / emitted - 1
    print(f"     emitted {emitted:.6e} atoms/s = ballistic on substrate, shield, sides {ballistic / emitted:.5f}"
          f" + thermalised {thermalised / emitted:.5f} (taken up {uptake / emitted:.5f}: target"
          f" {target_share(last) / emitted:.5f}); closure {closure:+.5f}")
    # All atoms: emitted = ballistic arrivals + thermalised uptake. The thermalised share is
    # what the same solid-angle weights leave of the emission, normalised by their sum F_i
    # (1 in a closed chamber), so the closure is sum_i N_i <T>_i (F_i - 1) / sum N with
    # <T> <= 1: bounded by max |F_i - 1|, the midpoint rule's error of the view factors
    # (itself checked against 1 %).
    sums = [float(v) for v in re.search(r"view-factor sums (\S+) to (\S+)", last).groups()]
    bound = max(abs(v - 1) for v in sums)
    print(f"     view-factor sums over the target faces: {sums[0]:.6f} to {sums[1]:.6f}")
    ok &= ff.check("view-factor sums: max |F - 1|", bound, 1e-2)
    ok &= ff.check("all atoms: |ballistic + thermalised uptake - emitted| / emitted (tolerance: max |F - 1|)",
                   abs(closure), bound)
    return ok


def sticking(case, mc_csv, absorbing_csv):
    """Shield and sides keep half of what reaches them (filmDeposition stickingCoefficient and
    ballisticSticking 0.5), the target and the floor all: the film against the core's gas Monte
    Carlo with the same surfaces (ChamberSticking: diffuse re-emission at the gas temperature)."""
    for p in ("shield", "sides"):
        if patch_scalar(case, p, "stickingCoefficient", 1.0) != 0.5 or \
                patch_scalar(case, p, "ballisticSticking", 1.0) != 0.5:
            print(f"FAIL: patch {p} does not keep half (stickingCoefficient and ballisticSticking 0.5)")
            return False
    film = film_per_unit_J(case)
    ref, absorbing = symmetrised(read_csv(mc_csv)), symmetrised(read_csv(absorbing_csv))
    keys = sorted(ref)
    peak = max(ref[k] for k in keys)
    tot = symmetrised({k: film[k][0] for k in keys})
    err = max(abs(tot[k] - ref[k]) for k in keys) / peak
    moved = max(abs(absorbing[k] - ref[k]) for k in keys) / peak
    centre = min(keys, key=lambda k: k[0] ** 2 + k[1] ** 2)
    corner = max(keys, key=lambda k: k[0] ** 2 + k[1] ** 2)
    print(f"     centre: OpenFOAM {tot[centre]:.5f}, MC {ref[centre]:.5f} (absorbing walls {absorbing[centre]:.5f})")
    print(f"     corner: OpenFOAM {tot[corner]:.5f}, MC {ref[corner]:.5f} (absorbing walls {absorbing[corner]:.5f})")
    # 5 % of the peak: the criterion for the gas case.
    ok = ff.check("0.5 Pa, walls keeping half: OpenFOAM film vs the gas Monte Carlo, / peak", err, 0.05)
    # Negative control: the walls' sticking moves the Monte Carlo's film by more than the
    # OpenFOAM film's error, so the agreement above is the re-emission's doing.
    print(f"     negative control: MC with absorbing walls vs MC with walls keeping half, / peak {moved:.4f}")
    ok &= ff.check("the walls' re-emission moves the MC film by more than the OpenFOAM error",
                   max(0.0, err - moved), 0.0)
    return ok


def target_share(line):
    return float(re.search(r" target (\S+)", line).group(1))


def compare(case, reference):
    ok = True
    for p in WALLS:
        for key in ("value", "ballisticFlux", "filmThickness"):
            a = ff.read_patch_entry(field(case), p, key, len(face_areas(case, p)))
            b = ff.read_patch_entry(field(reference), p, key, len(a))
            ok &= ff.check(f"{p} {key}: vs the reference run", ff.max_rel_diff(a, b, max(1e-300, max(map(abs, b)))), 1e-8)
    a, b = ff.read_internal(field(case)), ff.read_internal(field(reference))
    ok &= ff.check("c: vs the reference run", ff.max_rel_diff(a, b), 1e-8)
    return ok


def gas_line(case):
    """(thermalised, emitted, (view-factor sum min, max)) of the last 'Gas balance' line."""
    log = open(os.path.join(case, "log.sputterFoam")).read()
    last = [ln for ln in log.splitlines() if ln.startswith("Gas balance:")][-1]
    return (float(re.search(r"thermalised source (\S+)", last).group(1)),
            float(re.search(r"of (\S+) emitted", last).group(1)),
            tuple(float(v) for v in re.search(r"view-factor sums (\S+) to (\S+)", last).groups()))


def wallsum(case, exact):
    th, em, sums = gas_line(case)
    th_x, em_x, sums_x = gas_line(exact)
    film, film_x = film_per_unit_J(case), film_per_unit_J(exact)
    keys = sorted(film_x)
    peak = max(film_x[k][0] for k in keys)
    err_film = max(abs(film[k][0] - film_x[k][0]) for k in keys) / peak
    c, c_x = ff.read_internal(field(case)), ff.read_internal(field(exact))
    err_c = ff.max_rel_diff(c, c_x)
    err_th = abs(th / em - th_x / em_x) / (th_x / em_x)
    print(f"     thermalised share: panels {th / em:.7f}, exact {th_x / em_x:.7f} (relative {err_th:.2e})")
    print(f"     view-factor sums: panels {sums[0]:.6f} to {sums[1]:.6f}, exact {sums_x[0]:.6f} to {sums_x[1]:.6f}")
    print(f"     film on the substrate: max |panels - exact| / peak {err_film:.2e}; c: max rel {err_c:.2e}")
    # Tolerance 1e-3: a far panel (centre beyond panelNearFactor 4 of its half-diagonals R)
    # taken as one face at its centroid errs in its weight by the midpoint rule's
    # (s/r)^2/24 per direction (s <= 2R its side, r >= 4R: <= 1 % each, 2 % for the pair);
    # the mean transmission <T> = sum w T / sum w moves by sum dw (T - <T>) / sum w, and over
    # a panel's neighbours T - <T> varies by n sigma_eff r, under 0.1 at 0.5 Pa on this
    # chamber (mean free path ~0.1 m vs the nearest far panels' ~0.04 m): 2 % x 0.05 = 1e-3.
    ok = ff.check("thermalised share: panels vs exact, relative", err_th, 1e-3)
    ok &= ff.check("film on the substrate: panels vs exact, / peak", err_film, 1e-3)
    ok &= ff.check("c: panels vs exact, relative", err_c, 1e-3)
    return ok


def mirror(half, whole):
    """Every face of the half against the whole's face at the same centre: the mirror image of
    the half mesh is the whole mesh, so the sums over the mirrored walls are the whole's, term
    by term (1e-8: round-off and the linear solver's 1e-14 residual)."""
    ok = True
    # Each entry relative to its largest value over all walls (the shield, coplanar with the
    # target, gets a ballistic flux of round-off only, 1e-29 of the substrate's).
    scale = {key: max(max(map(abs, ff.read_patch_entry(field(whole), p, key))) for p in WALLS)
             for key in ("value", "ballisticFlux", "filmThickness")}
    for p in WALLS + ("target",):
        centres_h = face_centres_from_mesh(half, p)
        index_w = {tuple(round(x, 7) for x in c): i for i, c in enumerate(face_centres_from_mesh(whole, p))}
        rows = [index_w[tuple(round(x, 7) for x in c)] for c in centres_h]
        keys = ("value",) if p == "target" else ("value", "ballisticFlux", "filmThickness")
        for key in keys:
            a = ff.read_patch_entry(field(half), p, key, len(centres_h))
            b_all = ff.read_patch_entry(field(whole), p, key, len(index_w))
            b = [b_all[i] for i in rows]
            ok &= ff.check(f"{p} {key}: half with the mirror vs the whole, / max over the walls",
                           ff.max_rel_diff(a, b, scale[key]), 1e-8)
    th, em, _ = gas_line(half)
    th_w, em_w, sums_w = gas_line(whole)
    print(f"     thermalised share: half {th / em:.9f}, whole {th_w / em_w:.9f}; emitted half/whole {em / em_w:.9f}")
    ok &= ff.check("thermalised share: half vs whole, relative", abs(th / em - th_w / em_w) / (th_w / em_w), 1e-8)
    return ok


if __name__ == "__main__":
    mode, args = sys.argv[1], sys.argv[2:]
    fn = {"vacuum": vacuum, "mc": mc, "balance": balance, "compare": compare, "sticking": sticking,
          "wallsum": wallsum, "mirror": mirror}[mode]
    sys.exit(0 if fn(*args) else 1)
