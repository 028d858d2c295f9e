"""Checks the filmDeposition slab (tests/foam/filmDeposition) against the exact answer.

Steady diffusion in 0 <= x <= L with c(0) = c0 and the Robin sink -D c'(L) = k c(L),
k = s v/4, v = sqrt(8 kB T / (pi m)), has the exact linear solution
    c(x) = c0 (1 - k x / (D + k L)),
and, once steady, the film grows at dh/dt = k c(L) / n_film with n_film = rho N_A / M.

A compound film (mode compound: filmElement NAME of the library, optionally filmDensity):
the same answer with m the mean atom mass sum_i c_i M_i and n_film = rho_film N_A / m, the
composition and density recomputed from the CSV files (check_sputterErosion.library_material).

  usage: check_filmDeposition.py analytic CASE
         check_filmDeposition.py compound CASE NAME [FILM_DENSITY_G_CM3]
         check_filmDeposition.py compare CASE REFERENCE_CASE TIME TOLERANCE
"""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "postprocessing", "foam"))
import foamfield as ff  # noqa: E402

# Case parameters (tests/foam/filmDeposition/0/T, constant/transportProperties,
# system/blockMeshDict).
C0, D, L, NCELLS = 1e18, 2.0, 0.05, 20
STICKING, TEMPERATURE, ELEMENT = 0.5, 300.0, "Mo"
# CODATA 2018: Boltzmann constant (exact), atomic mass constant, Avogadro (exact).
KB, AMU, NA = 1.380649e-23, 1.66053906660e-27, 6.02214076e23


def element_row(symbol):
    """mass_amu and density_g_cm3 of `symbol` from magtwin's element table."""
    path = os.path.join(os.path.dirname(__file__), "..", "..", "boundary", "data", "elements.csv")
    header = None
    with open(path) as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            cells = line.strip().split(",")
            if header is None:
                header = cells
                continue
            row = dict(zip(header, cells))
            if row["symbol"] == symbol:
                return float(row["mass_amu"]), float(row["density_g_cm3"])
    raise KeyError(symbol)


def analytic(case, mass_amu=None, rho=None):
    if mass_amu is None:
        mass_amu, rho = element_row(ELEMENT)
    v = math.sqrt(8 * KB * TEMPERATURE / (math.pi * mass_amu * AMU))
    k = STICKING * v / 4
    n_film = rho * 1e6 * NA / mass_amu  # atoms/m^3
    dx = L / NCELLS
    exact = [C0 * (1 - k * (i + 0.5) * dx / (D + k * L)) for i in range(NCELLS)]
    c_wall = C0 * D / (D + k * L)
    growth_nm_per_s = k * c_wall / n_film * 1e9

    ok = True
    cells = ff.read_internal(os.path.join(case, "1", "T"))
    # Tolerance: the 100 backward-Euler steps of 0.01 s leave a transient of relative size
    # (1 + lambda_1 dt)^-100 < 1e-30 (lambda_1 ~ D (pi/2L)^2); FV is exact for a linear
    # profile, and the solver tolerance is 1e-15: 1e-9 leaves room for round-off only.
    ok &= ff.check("cell values vs exact c(x), max relative", ff.max_rel_diff(cells, exact), 1e-9)
    wall = ff.read_patch_entry(os.path.join(case, "1", "T"), "substrate", "value", 1)
    ok &= ff.check("substrate face value vs c(L)", abs(wall[0] - c_wall) / c_wall, 1e-9)
    # Between t = 0.5 s and 1 s the state is steady (transient < 1e-30 by t = 0.5 s), so
    # the film grows by exactly growth * 0.5 s.
    h05 = ff.read_patch_entry(os.path.join(case, "0.5", "T"), "substrate", "filmThickness", 1)[0]
    h1 = ff.read_patch_entry(os.path.join(case, "1", "T"), "substrate", "filmThickness", 1)[0]
    want = growth_nm_per_s * 0.5
    print(f"     film h(0.5) = {h05:.12g} nm, h(1) = {h1:.12g} nm, growth {h1 - h05:.12g} nm,"
          f" exact {want:.12g} nm")
    ok &= ff.check("film growth 0.5 -> 1 s vs k c(L) t / n_film", abs((h1 - h05) - want) / want, 1e-9)
    return ok


def compare(case, reference, time, tolerance):
    entries = [("substrate", "value"), ("substrate", "filmThickness")]
    return ff.compare_cases(case, reference, time, entries, tolerance)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "analytic":
        good = analytic(sys.argv[2])
    elif mode == "compound":
        from check_sputterErosion import _element, library_material
        fractions, rho = library_material(sys.argv[3])
        if len(sys.argv) > 4:
            rho = float(sys.argv[4])
        mean_mass = sum(c * _element(el)[0] for el, c in fractions.items())
        print(f"     {sys.argv[3]}: <M> = {mean_mass:.8g} u, film density {rho:.8g} g/cm^3")
        good = analytic(sys.argv[2], mean_mass, rho)
    elif mode == "compare":
        good = compare(sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5]))
    else:
        sys.exit(f"unknown mode {mode}")
    sys.exit(0 if good else 1)
