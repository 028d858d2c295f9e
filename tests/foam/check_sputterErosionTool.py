"""Checks tests/foam/sputterErosionTool: the sputterErosion condition with the erosion engine,
its entries written from a tool file (planar_eroding.yaml: track narrowing, magnet travel,
groove redeposition), against `magtwin erode` on the same tool file, the outside reference
the issue names ("erosion depth after a life step against erode within 2 % of the maximum
depth").

  engine     CASE MAGTWIN WORK  the mesh after 440 kWh: the moved target points' depth vs
                                erode's groove cross-section at 440 kWh (x = 0), within 2 % of
                                erode's maximum depth there; the function object's maximum
                                depth, track width scale and energy vs erode's summary; a
                                negative control: erode without narrowing, travel and
                                redeposition misses the OpenFOAM profile by more than 2 %
  endoflife  CASE MAGTWIN WORK  the run ends cleanly at the end of life: endOfLife.json's life
                                (kWh) and utilization vs erode's
  courant    CASE CO            every step (written each step): no target point receded by
                                more than CO x the height of its cell at the step's start
  meshquality CASE              the run stopped at the mesh-quality limit: meshInvalid.json's
                                non-orthogonality vs checkMesh's on the written state (1e-6),
                                above the limit, and the previous step's below it
  compare    CASE REFERENCE TIME TOLERANCE  erodedDepth, mesh points and the engine state
"""
import json
import math
import os
import re
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
sys.path.insert(0, os.path.join(HERE, "..", "..", "postprocessing", "foam"))
import foamfield as ff  # noqa: E402
import check_sputterErosion  # noqa: E402

TOOL = os.path.join(HERE, "sputterErosionTool", "planar_eroding.yaml")
END = "360000"  # 440 kWh at 4.4 kW
LIFE_KWH = 440.0


def times(case):
    out = []
    for name in os.listdir(case):
        try:
            t = float(name)
        except ValueError:
            continue
        if t > 0 and os.path.isdir(os.path.join(case, name, "polyMesh")):
            out.append((t, name))
    return [n for _, n in sorted(out)]


def target_point_ids(case):
    """Indices of the target face's points: y = 0 in the blockMesh points."""
    pts = ff.read_points(os.path.join(case, "constant", "polyMesh", "points"))
    return [i for i, p in enumerate(pts) if abs(p[1]) < 1e-12], pts


def erode(magtwin, tool, out):
    subprocess.run([magtwin, "erode", tool, "--cathode", "planar", "--out", out], check=True,
                   capture_output=True, text=True)
    with open(os.path.join(out, "summary.json")) as f:
        return json.load(f)


def cross_section(path):
    """erode's cross_section_NNNN.csv: (position across the width m, depth m)."""
    rows = []
    with open(path) as f:
        for line in f:
            if line.startswith("#") or line.startswith("position_mm"):
                continue
            c = line.split(",")
            rows.append((float(c[0]) * 1e-3, float(c[1]) * 1e-3))
    return sorted(rows)


def interp(rows, y):
    if y <= rows[0][0]:
        return rows[0][1]
    for (y0, d0), (y1, d1) in zip(rows, rows[1:]):
        if y <= y1:
            return d0 + (d1 - d0) * (y - y0) / (y1 - y0)
    return rows[-1][1]


def foam_profile(case, time):
    ids, pts0 = target_point_ids(case)
    pts = ff.read_points(os.path.join(case, time, "polyMesh", "points"))
    # The target face lies at mesh y = 0 (into the gas +y): the depth is -y of the moved point;
    # mesh x is the cathode's y (across the tracks).
    return [(pts0[i][0], -pts[i][1]) for i in ids]


def last_row(case):
    rows = [l.split() for l in open(os.path.join(case, "postProcessing", "erosion", "0", "targetErosion.dat"))
            if not l.startswith("#")]
    return [float(x) for x in rows[-1]], rows


def engine(case, magtwin, work):
    ref = erode(magtwin, TOOL, os.path.join(work, "erode"))
    # The life point 440 kWh is erode's first snapshot (erosion.outputs).
    section = cross_section(os.path.join(work, "erode", "cross_section_0000.csv"))
    dmax = max(d for _, d in section)
    prof = foam_profile(case, END)
    err = max(abs(d - interp(section, y)) for y, d in prof)
    print(f"     erode at 440 kWh: max depth across x = 0 {dmax * 1e3:.4f} mm, OpenFOAM "
          f"{max(d for _, d in prof) * 1e3:.4f} mm, worst point difference {err * 1e6:.2f} um")
    # Tolerance 2 % of the maximum depth: the issue's ("erosion depth after a life step against
    # erode within 2 % of the maximum depth").
    ok = ff.check("target points' depth vs erode's cross-section at 440 kWh (/ max depth)", err / dmax, 0.02)
    row, _ = last_row(case)
    t, depth, remaining, util, energy, k = row[:6]
    ok &= ff.check("energy at the end vs 440 kWh", abs(energy - LIFE_KWH) / LIFE_KWH, 1e-9)
    ok &= ff.check("max depth of the target (targetErosion) vs erode's at 440 kWh (/ max depth)",
                   abs(depth - ref["max_depth_at_points_mm"][0] * 1e-3) / (ref["max_depth_at_points_mm"][0] * 1e-3),
                   0.02)
    # The width scale follows the mean depth under the track (TrackNarrowing): the same 2 %.
    ok &= ff.check("track width scale vs erode's at 440 kWh", abs(k - ref["track_width_scale_at_points"][0]), 0.02)
    ok &= ff.check("narrowing acted (1 - k > 0.05)", 0.0 if 1 - k > 0.05 else 1.0, 0.0)
    # Negative controls: the same target without each piece of engine physics the condition
    # lacked before. Narrowing and magnet travel each move the profile by more than the
    # tolerance (4.8 % and 7.4 % of the max depth at 440 kWh); groove redeposition by less
    # (0.5 %: shallow grooves), so for all three the OpenFOAM profile must lie at least 10x
    # closer to erode with the physics than without it.
    with open(TOOL) as f:
        text = f.read()
    for key, must_miss in (("magnet_distance", True), ("motion", True), ("groove_redeposition", False)):
        variant = re.sub(r"(?m)^\s*" + key + r":.*\n", "", text)
        variant_tool = os.path.join(work, f"without_{key}.yaml")
        with open(variant_tool, "w") as f:
            f.write(variant)
        erode(magtwin, variant_tool, os.path.join(work, f"erode-without-{key}"))
        other = cross_section(os.path.join(work, f"erode-without-{key}", "cross_section_0000.csv"))
        miss = max(abs(d - interp(other, y)) for y, d in prof) / dmax
        print(f"     negative control: erode without {key} differs by {100 * miss:.2f} % of the max depth")
        ok &= ff.check(f"without {key}: 10x farther than with it (0 = yes)", 0.0 if miss > 10 * err / dmax else 1.0, 0.0)
        if must_miss:
            ok &= ff.check(f"without {key}: misses by more than 2 % (0 = yes)", 0.0 if miss > 0.02 else 1.0, 0.0)
    return ok


def endoflife(case, magtwin, work):
    ref = erode(magtwin, TOOL, os.path.join(work, "erode"))
    eol = json.load(open(os.path.join(case, "postProcessing", "erosion", "endOfLife.json")))
    print(f"     OpenFOAM: {eol}")
    print(f"     erode:    life {ref['life_kWh']:.6g} kWh, utilization {100 * ref['utilization']:.6g} %")
    # The same engine, its steps cut at the OpenFOAM time steps (SSP-RK2, second order): 0.5 %.
    ok = ff.check("life (kWh) vs erode", abs(eol["life_kWh"] - ref["life_kWh"]) / ref["life_kWh"], 5e-3)
    ok &= ff.check("utilization vs erode", abs(eol["utilization_pct"] / 100 - ref["utilization"]) / ref["utilization"],
                   5e-3)
    ok &= ff.check("min remaining thickness = 1 mm (erosion.min_remaining_thickness)",
                   abs(eol["min_remaining_m"] - 1e-3) / 1e-3, 1e-3)
    last = times(case)[-1]
    text = open(os.path.join(case, last, "pointDisplacement")).read()
    ok &= ff.check("endOfLifeTime written in the last time (0 = yes)", 0.0 if "endOfLifeTime" in text else 1.0, 0.0)
    ok &= ff.check("life_s = life_kWh x 3.6e6 / 4400 W", abs(eol["life_s"] * 4400 / 3.6e6 - eol["life_kWh"]) / eol["life_kWh"],
                   1e-9)
    return ok


def cell_heights(case, time, ids):
    """Height of the target's cells at each target point: the mesh is 300 x 30 cells of 1 mm,
    so a target point's cell column above it; the height is the distance from the point to
    the point above it (the next row of the blockMesh points, same x, same z)."""
    pts0 = ff.read_points(os.path.join(case, "constant", "polyMesh", "points"))
    pts = ff.read_points(os.path.join(case, time, "polyMesh", "points")) if time != "0" else pts0
    above = {}
    index = {(round(p[0], 9), round(p[1], 9), round(p[2], 9)): i for i, p in enumerate(pts0)}
    for i in ids:
        x, _, z = pts0[i]
        above[i] = index[(round(x, 9), round(0.001, 9), round(z, 9))]
    return {i: pts[above[i]][1] - pts[i][1] for i in ids}


def courant(case, co):
    co = float(co)
    ids, _ = target_point_ids(case)
    names = ["0"] + times(case)
    worst = 0.0
    for a, b in zip(names, names[1:]):
        h = cell_heights(case, a, ids)
        pa = ff.read_points(os.path.join(case, a, "polyMesh", "points")) if a != "0" else \
            ff.read_points(os.path.join(case, "constant", "polyMesh", "points"))
        pb = ff.read_points(os.path.join(case, b, "polyMesh", "points"))
        worst = max(worst, max((pa[i][1] - pb[i][1]) / h[i] for i in ids))
    print(f"     {len(names) - 1} steps; largest recession per step / cell height {worst:.4f}")
    # The limit itself (Co): the function object sets deltaT from the last step's speeds, which
    # grow slowly (narrowing); 2 % allows that growth within a step.
    ok = ff.check(f"recession per step <= Co = {co} x cell height", max(0.0, worst - co * 1.02), 0.0)
    ok &= ff.check("the limit is active (largest step > 0.8 Co)", 0.0 if worst > 0.8 * co else 1.0, 0.0)
    return ok


def meshquality(case):
    path = os.path.join(case, "postProcessing", "erosion", "meshInvalid.json")
    if not os.path.exists(path):
        print("FAIL: no meshInvalid.json")
        return False
    inv = json.load(open(path))
    print(f"     {inv}")
    last = times(case)[-1]
    ok = ff.check("the stop was written at its time", abs(float(last) - inv["time_s"]) / inv["time_s"], 1e-9)
    log = subprocess.run(["checkMesh", "-time", last], cwd=case, capture_output=True, text=True).stdout
    m = re.search(r"Mesh non-orthogonality Max: ([0-9.eE+-]+)", log)
    ok &= ff.check("non-orthogonality vs checkMesh on the written state",
                   abs(float(m.group(1)) - inv["max_non_orthogonality_deg"]) / inv["max_non_orthogonality_deg"], 1e-6)
    ok &= ff.check("it is above the limit (0 = yes)",
                   0.0 if inv["max_non_orthogonality_deg"] > inv["max_non_orthogonality_limit_deg"] else 1.0, 0.0)
    _, rows = last_row(case)
    if len(rows) > 1:
        prev = float(rows[-2][7])
        ok &= ff.check("the step before was within the limit (0 = yes)",
                       0.0 if prev <= inv["max_non_orthogonality_limit_deg"] else 1.0, 0.0)
    return ok


def compare(case, reference, time, tolerance):
    ok = check_sputterErosion.compare(case, reference, time, tolerance)
    a = ff.read_patch_entry(os.path.join(case, time, "pointDisplacement"), "target", "erosionState")
    b = ff.read_patch_entry(os.path.join(reference, time, "pointDisplacement"), "target", "erosionState")
    ok &= ff.check(f"engine state (erosionState) at t={time} vs reference", ff.max_rel_diff(a, b), tolerance)
    return ok


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "engine":
        good = engine(sys.argv[2], sys.argv[3], sys.argv[4])
    elif mode == "endoflife":
        good = endoflife(sys.argv[2], sys.argv[3], sys.argv[4])
    elif mode == "courant":
        good = courant(sys.argv[2], sys.argv[3])
    elif mode == "meshquality":
        good = meshquality(sys.argv[2])
    elif mode == "compare":
        good = compare(sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5]))
    else:
        sys.exit(f"unknown mode {mode}")
    sys.exit(0 if good else 1)
