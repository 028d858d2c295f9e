"""Report of a sputterFoam case: eroded target profile, film thickness along the
substrate, uniformity, as CSV files, a summary and a PNG (gnuplot).

    sputter_case_report.py CASE [--time T] [--zone XMIN XMAX] [--axis 0|1|2]

Needs `postProcess -func writeCellCentres -time '0,T'` to have been run in CASE (the
face centres C of the patches at the start and at T). The eroded depth of a target face
is (C(0) - C(T)) . n0 with n0 the original target normal (the face centre moves with
its points along -n0); the film thickness is the substrate's filmThickness entry (nm).
Uniformity over the zone XMIN <= x <= XMAX of the substrate (the coordinate `--axis`):
    U = (h_max - h_min) / (h_max + h_min)    (the usual "+-" non-uniformity).
Output: CASE/results/ (written as results.tmp-PID, then renamed: no partial output).
"""
import argparse
import os
import re
import shutil
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import foamfield as ff  # noqa: E402


def latest_time(case):
    times = []
    for name in os.listdir(case):
        try:
            times.append((float(name), name))
        except ValueError:
            pass
    if not times:
        raise SystemExit(f"{case}: no time folders")
    return max(times)[1]


def plot_and_commit(plot, tmp, out):
    """Render the gnuplot script `plot` (it writes into tmp/), then swap the complete
    results folder tmp in as out (written as DIR.tmp-PID, never half-written)."""
    try:
        subprocess.run(["gnuplot"], input=plot, text=True, check=True, capture_output=True)
    except (OSError, subprocess.CalledProcessError) as err:
        print(f"warning: no plot ({err})", file=sys.stderr)
    old = f"{out}.old-{os.getpid()}"
    if os.path.exists(out):
        os.rename(out, old)
    os.rename(tmp, out)
    shutil.rmtree(old, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("case")
    ap.add_argument("--time")
    ap.add_argument("--zone", nargs=2, type=float, default=(-0.1, 0.1))
    ap.add_argument("--axis", type=int, default=0)
    ap.add_argument("--target", default="target")
    ap.add_argument("--substrate", default="substrate")
    ap.add_argument("--field", default="c")
    args = ap.parse_args()
    case, ax = args.case, args.axis
    t = args.time or latest_time(case)

    c0 = ff.read_patch_entry(os.path.join(case, "0", "C"), args.target, "value")
    c1 = ff.read_patch_entry(os.path.join(case, t, "C"), args.target, "value")
    # n0 = e1 x e2 from the cathode frame written with the sputterErosion condition.
    field_file = os.path.join(case, t, "pointDisplacement")
    with open(field_file) as f:
        text = f.read()
    tgt = ff._block(ff._block(text, "boundaryField"), args.target)
    vec = lambda k: tuple(float(v) for v in re.search(k + r"\s+\(([^)]*)\)", tgt).group(1).split())
    a, b = vec("e1"), vec("e2")
    n0 = (a[1] * b[2] - a[2] * b[1], a[2] * b[0] - a[0] * b[2], a[0] * b[1] - a[1] * b[0])
    erosion = sorted((p[ax], sum((p[i] - q[i]) * n0[i] for i in range(3))) for p, q in zip(c0, c1))

    cs = ff.read_patch_entry(os.path.join(case, t, "C"), args.substrate, "value")
    film = ff.read_patch_entry(os.path.join(case, t, args.field), args.substrate, "filmThickness", len(cs))
    profile = sorted((p[ax], h) for p, h in zip(cs, film))
    zone = [h for x, h in profile if args.zone[0] <= x <= args.zone[1]]
    if not zone:
        raise SystemExit(f"no substrate face in the zone {args.zone}")
    hmax, hmin = max(zone), min(zone)
    uniformity = (hmax - hmin) / (hmax + hmin)
    deepest = max(erosion, key=lambda e: e[1])

    out = os.path.join(case, "results")
    tmp = f"{out}.tmp-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    os.makedirs(tmp)
    with open(os.path.join(tmp, "erosion_profile.csv"), "w") as f:
        f.write("x_m,eroded_depth_m\n")
        f.writelines(f"{x:.6g},{d:.6g}\n" for x, d in erosion)
    with open(os.path.join(tmp, "film_profile.csv"), "w") as f:
        f.write("x_m,film_thickness_nm\n")
        f.writelines(f"{x:.6g},{h:.6g}\n" for x, h in profile)
    summary = (f"time_s {t}\n"
               f"max_eroded_depth_m {deepest[1]:.6g} at x_m {deepest[0]:.6g}\n"
               f"film_zone_m {args.zone[0]:g} {args.zone[1]:g}\n"
               f"film_min_nm {hmin:.6g}\nfilm_max_nm {hmax:.6g}\n"
               f"film_mean_nm {sum(zone) / len(zone):.6g}\n"
               f"uniformity_(max-min)/(max+min) {uniformity:.6g}\n")
    with open(os.path.join(tmp, "summary.txt"), "w") as f:
        f.write(summary)
    plot = (f"set terminal pngcairo size 900,700\nset output '{tmp}/profiles.png'\n"
            "set datafile separator ','\nset multiplot layout 2,1\n"
            f"set title 'Eroded target after {float(t) / 3600:g} h'\nset xlabel 'x (m)'\n"
            "set ylabel 'eroded depth (mm)'\nset yrange [*:*] reverse\n"
            f"plot '{tmp}/erosion_profile.csv' every ::1 using 1:($2*1000) with lines notitle\n"
            "set yrange [*:*] noreverse\n"
            f"set title sprintf('Film thickness (uniformity %.1f %% over {args.zone[0]:g}..{args.zone[1]:g} m)', {100 * uniformity})\n"
            "set ylabel 'film (nm)'\n"
            f"plot '{tmp}/film_profile.csv' every ::1 using 1:2 with lines notitle\n"
            "unset multiplot\n")
    plot_and_commit(plot, tmp, out)
    sys.stdout.write(summary)
    print(f"results in {out}/ (erosion_profile.csv, film_profile.csv, summary.txt, profiles.png)")


if __name__ == "__main__":
    main()
