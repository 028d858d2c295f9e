"""Report of a rotary-array sputterFoam case (cases/gen10_5-rotary-array-cross-section):
eroded tube shapes, film thickness along the glass, uniformity, as CSV, summary and PNG.

    rotary_array_report.py CASE [--time T] [--zone XMIN XMAX]

Needs `postProcess -func writeCellCentres -time '0,T'` in CASE (face centres C at 0 and T).
Each patch tubeNN is one tube; its centre is the `origin` of its sputterErosion entry.
The eroded depth of a tube face is r(0) - r(T), r the face centre's distance from the
tube's centre (tube faces recede radially). The film thickness is the glass patch's
filmThickness entry (nm); over XMIN <= x <= XMAX (default: the glass's 3.37 m side, across the tubes)
    U = (h_max - h_min) / (h_max + h_min)    (the usual "+-" non-uniformity).
Output: CASE/results/ (written as results.tmp-PID, then renamed: no partial output).
"""
import argparse
import math
import os
import re
import shutil
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import foamfield as ff  # noqa: E402
from sputter_case_report import latest_time, plot_and_commit  # noqa: E402


def tube_origins(case, t):
    """{patch: (x, y)} from the sputterErosion entries written at time t."""
    with open(os.path.join(case, t, "pointDisplacement")) as f:
        bf = ff._block(f.read(), "boundaryField")
    names = sorted(set(re.findall(r"\b(tube\d+)\s*\{", bf)))
    origins = {}
    for name in names:
        m = re.search(r"origin\s+\(([^)]*)\)", ff._block(bf, name))
        x, y, _ = (float(v) for v in m.group(1).split())
        origins[name] = (x, y)
    return origins


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("case")
    ap.add_argument("--time")
    ap.add_argument("--zone", nargs=2, type=float, default=(-1.685, 1.685))
    args = ap.parse_args()
    case = args.case
    t = args.time or latest_time(case)
    origins = tube_origins(case, t)
    if not origins:
        raise SystemExit(f"{case}: no tubeNN patch with sputterErosion at time {t}")

    shapes, depths = [], {}
    for name, (xc, yc) in origins.items():
        c0 = ff.read_patch_entry(os.path.join(case, "0", "C"), name, "value")
        c1 = ff.read_patch_entry(os.path.join(case, t, "C"), name, "value")
        rows = []
        for p, q in zip(c0, c1):
            r0 = math.hypot(p[0] - xc, p[1] - yc)
            r1 = math.hypot(q[0] - xc, q[1] - yc)
            phi = math.degrees(math.atan2(p[0] - xc, -(p[1] - yc)))  # 0 = facing the glass
            rows.append((name, phi, r0 - r1, q[0], q[1], p[0], p[1]))
        rows.sort(key=lambda r: r[1])
        shapes += rows
        depths[name] = [r[2] for r in rows]

    cs = ff.read_patch_entry(os.path.join(case, t, "C"), "glass", "value")
    film = ff.read_patch_entry(os.path.join(case, t, "c"), "glass", "filmThickness", len(cs))
    profile = sorted((p[0], h) for p, h in zip(cs, film))
    zone = [h for x, h in profile if args.zone[0] <= x <= args.zone[1]]
    if not zone:
        raise SystemExit(f"no glass face in the zone {args.zone}")
    hmax, hmin = max(zone), min(zone)
    uniformity = (hmax - hmin) / (hmax + hmin)

    out = os.path.join(case, "results")
    tmp = f"{out}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    with open(os.path.join(tmp, "tube_shapes.csv"), "w") as f:
        f.write("tube,phi_deg,eroded_depth_m,x_m,y_m,x0_m,y0_m\n")
        f.writelines(f"{n},{phi:.6g},{d:.6g},{x:.9g},{y:.9g},{x0:.9g},{y0:.9g}\n"
                     for n, phi, d, x, y, x0, y0 in shapes)
    with open(os.path.join(tmp, "film_profile.csv"), "w") as f:
        f.write("x_m,film_thickness_nm\n")
        f.writelines(f"{x:.6g},{h:.6g}\n" for x, h in profile)
    lines = [f"time_s {t}", f"tubes {len(origins)}"]
    for name, d in depths.items():
        lines.append(f"{name}_eroded_depth_m min {min(d):.6g} max {max(d):.6g}")
    lines += [f"film_zone_m {args.zone[0]:g} {args.zone[1]:g}", f"film_min_nm {hmin:.6g}",
              f"film_max_nm {hmax:.6g}", f"film_mean_nm {sum(zone) / len(zone):.6g}",
              f"uniformity_(max-min)/(max+min) {uniformity:.6g}"]
    summary = "\n".join(lines) + "\n"
    with open(os.path.join(tmp, "summary.txt"), "w") as f:
        f.write(summary)
    first = next(iter(origins))
    xc, yc = origins[first]
    plot = (f"set terminal pngcairo size 1000,900\nset output '{tmp}/profiles.png'\n"
            "set datafile separator ','\nset multiplot layout 2,1\n"
            f"set title 'Tube {first[4:]} after {float(t) / 3600:g} h: original (dashed) and eroded outline'\n"
            "set xlabel 'x (m)'\nset ylabel 'y (m)'\nset size ratio -1\n"
            f"plot '{tmp}/tube_shapes.csv' every ::1 using (strcol(1) eq '{first}' ? $6 : 1/0):7 with lines dt 2 title 'original', "
            f"'' every ::1 using (strcol(1) eq '{first}' ? $4 : 1/0):5 with lines title 'eroded'\n"
            "set size noratio\n"
            f"set title sprintf('Film thickness on the glass (uniformity %.2f %% over {args.zone[0]:g}..{args.zone[1]:g} m)', {100 * uniformity})\n"
            "set xlabel 'x (m)'\nset ylabel 'film (um)'\n"
            f"set arrow 1 from {args.zone[0]:g}, graph 0 to {args.zone[0]:g}, graph 1 nohead dt 2\n"
            f"set arrow 2 from {args.zone[1]:g}, graph 0 to {args.zone[1]:g}, graph 1 nohead dt 2\n"
            f"plot '{tmp}/film_profile.csv' every ::1 using 1:($2/1000) with lines title 'film (dashed: glass edges)'\n"
            "unset multiplot\n")
    plot_and_commit(plot, tmp, out)
    sys.stdout.write(summary)
    print(f"results in {out}/ (tube_shapes.csv, film_profile.csv, summary.txt, profiles.png)")


if __name__ == "__main__":
    main()
