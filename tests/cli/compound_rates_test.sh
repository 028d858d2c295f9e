#!/usr/bin/env bash
# The rate per kW of compound targets against their metals at the same discharge (issue 19):
# ITO against Mo and TiN against Ti, each deposited by `magtwin deposit` on the same chamber
# (one 100 mm planar-circular cathode, 400 V, 1 kW, gamma_SE from Baragiola's rule for each
# target as the tool file leaves it, a 100 mm wafer 100 mm below, static 60 s, collisionless).
#
#  1. Closed form (independent path): with the same geometry and emission law the film
#     thickness is proportional to the atoms sputtered per second over the film's atomic
#     density, so  rate_X / rate_ref = (I_ion Y)_X / n_film,X  /  ((I_ion Y)_ref / n_film,ref),
#     with I_ion Y from each run's operating point and n_film = rho_film N_A / <M> computed
#     here from the CSV files (materials.csv, constituents.csv, elements.csv). Tolerance 1e-5:
#     the maps carry the erosion front's tabulated yield (ErosionRate: table error < 1e-5
#     relative, its header), the operating point the model's; found 1.4e-7 and 2.4e-7.
#  2. TiN / Ti against the published band: J. Lee & C. Yang, J. Manuf. Syst. 62 (2022) 703,
#     doi:10.1016/j.jmsy.2022.02.004, supplementary FullData (../shared/validation/process_logs/
#     lee_yang2022_reactive_TiN_FullData__brianxia273.csv): DC Ti target in Ar/N2, thickness per
#     time per W of the nitride-mode (poisoned: the target surface is TiN) runs against the
#     metal-mode runs at the same power (30 W and 50 W, the powers with both modes), same gun
#     and chamber. Band = [min, max] over the nitride runs of rate / mean metal-mode rate at
#     that power: 0.166 .. 0.310 (mean 0.25). Tolerance: a factor e^0.55 = 1.73 on each side
#     of the band, the per-target spread of the yield law used for TiN (chen1985's median
#     ln(Y_model / Y_exp) reaches +0.55 for Ti, docs/yield.md), and the band is a reactive
#     process's (N in the metal-mode films: 14-22 at.%; the nitride mode runs at ~40 V more),
#     not a sintered TiN target's in Ar. The model's ratio (0.42) lies 1.35x above the band's
#     top: reported, not hidden (docs/materials.md).
#  3. ITO / Mo: no published DC rate of ceramic ITO and Mo at the same discharge and chamber
#     was found (searched: vendor relative-rate tables, lab sputter-rate pages, DC ITO papers);
#     the ratio is printed and checked by the closed form only.
#   usage: compound_rates_test.sh MAGTWIN ROOT
set -euo pipefail
MAGTWIN="$1"
ROOT="$2"
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }
for t in Mo ITO Ti TiN; do
  cat > "$WORK/$t.yaml" <<YAML
tool:
  name: rate-$t
cathodes:
  - name: gun
    type: planar-circular
    position: [0 mm, 0 mm, 100 mm]
    radius: 50 mm
    target: {material: $t, thickness: 6 mm}
    magnets:
      racetrack: {ring_radius: 25 mm, profile: {shape: gaussian, sigma: 5 mm}}
    discharge: {voltage: 400 V, power: 1 kW}
    mesh: {pitch: 2 mm}
substrates:
  - {name: wafer, kind: wafer, diameter: 100 mm, pitch: 2 mm, edge_exclusion: 5 mm,
     motion: {kind: static, time: 60 s}, film: {material: $t}}
YAML
  "$MAGTWIN" deposit "$WORK/$t.yaml" --out "$WORK/$t" > /dev/null || fail "deposit $t"
done
VALIDATION=${MAGTWIN_VALIDATION_DIR:-$ROOT/../shared/validation}
/usr/bin/python3 - "$WORK" "$ROOT" "$VALIDATION" <<'PY' || fail "rate ratios"
import csv, json, os, re, sys
work, root, validation = sys.argv[1:4]
def rows(name):
    header, out = None, []
    for line in open(os.path.join(root, "boundary", "data", name)):
        if line.startswith("#") or not line.strip(): continue
        cells = line.rstrip("\n").split(",")
        if header is None: header = cells
        else: out.append(dict(zip(header, cells)))
    return out
elements = {r["symbol"]: r for r in rows("elements.csv")}
constituents = {r["formula"]: r for r in rows("constituents.csv")}
def mass(el): return float(elements[el]["mass_amu"])
def formula(f): return [(e, float(n) if n else 1.0) for e, n in re.findall(r"([A-Z][a-z]?)([0-9.]*)", f)]
def film_density(name):
    """atoms per m^3 of the film: an element at its density, a library material at its film
    density (blank: its target density, blank: the ideal mixture of its constituents)."""
    if name in elements:
        return float(elements[name]["density_g_cm3"]) * 1e6 * 6.02214076e23 / mass(name)
    row = next(r for r in rows("materials.csv") if r["name"] == name)
    atoms, parts = {}, []
    for item in row["composition"].split():
        f, amount = item.split(":")
        m = sum(n * mass(e) for e, n in formula(f))
        units = float(amount) / m if row["basis"] == "wt" else float(amount)
        for e, n in formula(f): atoms[e] = atoms.get(e, 0.0) + units * n
        rho = float(constituents[f]["density_g_cm3"]) if f in constituents else float(elements[f]["density_g_cm3"])
        parts.append((units * m, rho))
    total = sum(atoms.values())
    mean_mass = sum(n / total * mass(e) for e, n in atoms.items())
    rho = row["film_density_g_cm3"] or row["density_g_cm3"]
    rho = float(rho) if rho else 1.0 / sum(w / sum(p for p, _ in parts) / r for w, r in parts)
    return rho * 1e6 * 6.02214076e23 / mean_mass
rate, atoms_per_s = {}, {}
for t in ("Mo", "ITO", "Ti", "TiN"):
    s = json.load(open(os.path.join(work, t, "summary.json")))
    op = s["cathodes"][0]["operating_point"]
    assert s["film"] == t and op["material"] == t and abs(op["power_W"] - 1000) < 1e-9
    rate[t] = s["mean_nm"] / 1.0          # nm per 1 min at 1 kW: nm/min per kW
    atoms_per_s[t] = s["cathodes"][0]["atoms_per_s_at_trim_1"]
    print(f"{t:4s} rate {rate[t]:8.3f} nm/min per kW  (Y {op['yield_atoms_per_ion']:.4f}, gamma_SE {op['gamma_se']:.4f})")
ok = True
for x, ref in (("ITO", "Mo"), ("TiN", "Ti")):
    model = rate[x] / rate[ref]
    closed = (atoms_per_s[x] / film_density(x)) / (atoms_per_s[ref] / film_density(ref))
    good = abs(model - closed) <= 1e-5 * closed
    ok &= good
    print(f"{x}/{ref}: rate ratio {model:.9f}, closed form {closed:.9f}, rel. diff {abs(model - closed) / closed:.2e} ({'ok' if good else 'FAIL'}, 1e-5)")
# TiN / Ti against Lee & Yang 2022.
path = os.path.join(validation, "process_logs", "lee_yang2022_reactive_TiN_FullData__brianxia273.csv")
if not os.path.exists(path):
    print(f"skipped: the published TiN/Ti band needs {path}")
else:
    runs = list(csv.DictReader(open(path)))
    ratios = []
    for power in sorted({float(r["Power"]) for r in runs}):
        at = [r for r in runs if float(r["Power"]) == power]
        metal = [float(r["Thickness"]) / float(r["Time"]) / power for r in at if r["Surface State"] == "Metal"]
        nitride = [float(r["Thickness"]) / float(r["Time"]) / power for r in at if r["Surface State"] == "Nitride"]
        if metal and nitride:
            mean_metal = sum(metal) / len(metal)
            ratios += [n / mean_metal for n in nitride]
    lo, hi = min(ratios), max(ratios)
    factor = 1.73  # e^0.55, see the header
    model = rate["TiN"] / rate["Ti"]
    inside = lo / factor <= model <= hi * factor
    ok &= inside
    print(f"TiN/Ti published (Lee & Yang 2022, nitride/metal mode, {len(ratios)} runs): {lo:.3f} .. {hi:.3f}, "
          f"mean {sum(ratios) / len(ratios):.3f}; model {model:.3f} = {model / hi:.2f} x the top "
          f"({'inside' if inside else 'OUTSIDE'} the band x/÷ {factor})")
sys.exit(0 if ok else 1)
PY
echo "compound rates: OK"
