"""Checks the ballistic-flux cases of filmDeposition (tests/foam/ballistic_flux_test.sh).

shadow (tests/foam/filmDepositionShadow): a 0.2 m wide uniform target (J = Gamma Y) at y = 0,
a substrate at H = 0.05 m, and a 40 mm x 10 mm obstacle (x in [-0.02, 0.02], y in [0.02,
0.03]) between them, listed in shadowPatches. A target point x_t is hidden from a substrate
point x0 when the segment between them crosses the rectangle; the segment is monotone in y,
so the hidden target points form one interval [s1, s2] whose ends are the lines through the
rectangle's corners (x_c, y_c): x_t = (x_c - x0 y_c / H) / (1 - y_c / H).
  1. Discrete: the plugin sums the 2-D cosine strip kernel N' a b / (2 rho) = (1 - f) J dx
     H^2 / (2 rho^3) (LineOfSightTransport.hpp) over the target faces whose centre lies
     outside [s1, s2]; summed here face by face from the mesh (an independent implementation
     of visibility and kernel). Tolerance 1e-9 (the same sum in another order); no face centre
     lies on a shadow edge (checked: the nearest is reported).
  2. Continuous: Phi(x0) = (1 - f) J / 2 sum over the visible intervals [a, b] of
     [(x - x0) / sqrt(H^2 + (x - x0)^2)]_a^b. Tolerance per point: the shares of the two
     target faces cut by a shadow edge (counted whole or not at all by their centres) plus
     1e-3 of the unshadowed flux (the midpoint rule over 1 mm faces, (dx/H)^2/24 ~ 2e-5).
  3. The shadow is real: under the obstacle the flux is < 0.6 of the unshadowed one.

wedge (tests/foam/filmDepositionWedge): a 5 deg wedge about y; the target a uniform disc
(radius a = 0.1 m, (1 - f) J ballistic) at y = 0, the substrate at h = 0.05 m. A point at
distance r from the axis facing a parallel coaxial Lambertian disc receives
    Phi = (1 - f) J F,  F = (1/2) [1 - (h^2 + r^2 - a^2) / sqrt((h^2 + r^2 + a^2)^2 - 4 r^2 a^2)]
(configuration factor of a differential element to a parallel coaxial disc: Howell's catalog,
B-13; Modest, Radiative Heat Transfer, App. D), at r = the face centre's distance from the axis.
Tolerance per point: the wedge mesh's own geometry, a face spans the chord 2 r sin(alpha) not the
arc (the rings emit 1 - sin(theta)/theta = 1.3e-3 less, theta = 5 deg), the face centres sit at
r cos(alpha), which moves the disc's rim in to a cos(alpha) (|F(a) - F(a cos alpha)| (1 - f) J),
plus 1e-3 for the midpoint rule over 2.5 mm rings ((dr/h)^2/24 = 1e-4) and the 720 azimuthal
copies (< 2e-4, BallisticTransportTest).

fastpair: the same 3-D case run with ballisticTransport fast and pairwise: the FFT
convolution within 5e-4 of the mean of the exact sum (the bridge's error budget,
tests/boundary/openfoam/BallisticTransportTest.cpp), and not equal to it (the fast path ran).

compare: ballisticFlux, value and filmThickness of the substrate of two runs at TIME.

  usage: check_ballisticFlux.py shadow CASE MAGTWIN
         check_ballisticFlux.py wedge CASE MAGTWIN
         check_ballisticFlux.py fastpair FAST_CASE PAIR_CASE TIME
         check_ballisticFlux.py compare CASE REFERENCE TIME TOLERANCE
"""
import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "postprocessing", "foam"))
import foamfield as ff  # noqa: E402
from check_sputteredFlux import face_centres_from_mesh, normal_yield  # noqa: E402

H, F_TH, HALF = 0.05, 0.5, 0.1
OBSTACLE = ((-0.02, 0.02), (0.02, 0.03))  # (x range, y range)


def shadow_interval(x0):
    ends = [(xc - x0 * yc / H) / (1 - yc / H) for xc in OBSTACLE[0] for yc in OBSTACLE[1]]
    return min(ends), max(ends)


def shadow(case, magtwin):
    J = 1e20 * normal_yield(magtwin)
    targets = [c[0] for c in face_centres_from_mesh(case, "target")]
    receivers = [c[0] for c in face_centres_from_mesh(case, "substrate")]
    dx = 0.001
    got = ff.read_patch_entry(os.path.join(case, "0.02", "T"), "substrate", "ballisticFlux")
    prim = lambda x, x0: (x - x0) / math.sqrt(H * H + (x - x0) ** 2)
    discrete, continuous, bound, open_flux = [], [], [], []
    nearest = 1.0
    for x0 in receivers:
        s1, s2 = shadow_interval(x0)
        total = 0.0
        for xt in targets:
            nearest = min(nearest, abs(xt - s1), abs(xt - s2))
            if s1 < xt < s2:
                continue
            rho2 = (xt - x0) ** 2 + H * H
            total += (1 - F_TH) * J * dx * H * H / (2 * rho2 ** 1.5)
        discrete.append(total)
        a, b = max(s1, -HALF), min(s2, HALF)
        full = prim(HALF, x0) - prim(-HALF, x0)
        hidden = prim(b, x0) - prim(a, x0) if b > a else 0.0
        continuous.append((1 - F_TH) * J / 2 * (full - hidden))
        open_flux.append((1 - F_TH) * J / 2 * full)
        edge_share = 0.0
        for s in (s1, s2):
            if -HALF < s < HALF:
                lo = -HALF + math.floor((s + HALF) / dx) * dx
                edge_share += (1 - F_TH) * J / 2 * (prim(lo + dx, x0) - prim(lo, x0))
        bound.append(edge_share + 1e-3 * open_flux[-1])
    print(f"     nearest target face centre to a shadow edge: {nearest:.3e} m")
    ok = ff.check("ballisticFlux vs the face-by-face sum over the visible faces", ff.max_rel_diff(got, discrete), 1e-9)
    excess = max(abs(g - c) - bd for g, c, bd in zip(got, continuous, bound))
    ok &= ff.check("ballisticFlux vs the continuous shadow, beyond the edge faces' shares", max(0.0, excess), 0.0)
    centre = min(range(len(receivers)), key=lambda i: abs(receivers[i]))
    ratio = got[centre] / open_flux[centre]
    print(f"     under the obstacle: {got[centre]:.6e} (continuous {continuous[centre]:.6e}),"
          f" {ratio:.3f} of the unshadowed flux")
    ok &= ff.check("the obstacle shadows the centre (ratio < 0.6)", max(0.0, ratio - 0.6), 0.0)
    return ok


def wedge(case, magtwin):
    J = (1 - F_TH) * 1e20 * normal_yield(magtwin)
    a, h, theta = 0.1, 0.05, math.radians(5)
    alpha = theta / 2
    got = ff.read_patch_entry(os.path.join(case, "0.02", "T"), "substrate", "ballisticFlux")
    radii = [math.hypot(c[0], c[2]) for c in face_centres_from_mesh(case, "substrate")]

    def disc(r, rim):
        return 0.5 * (1 - (h * h + r * r - rim * rim) / math.sqrt((h * h + r * r + rim * rim) ** 2 - 4 * r * r * rim * rim))

    worst = 0.0
    for g, r in zip(got, radii):
        want = J * disc(r, a)
        bound = (1 - math.sin(theta) / theta + 1e-3) * want + J * abs(disc(r, a) - disc(r, a * math.cos(alpha)))
        worst = max(worst, abs(g - want) / bound)
    print(f"     axis: {got[0]:.6e} (disc {J * disc(radii[0], a):.6e}), rim: {got[-1]:.6e}"
          f" (disc {J * disc(radii[-1], a):.6e}); worst |error| / bound = {worst:.3f}")
    ok = ff.check("ballisticFlux on the wedge vs the disc configuration factor (error / bound)", max(0.0, worst - 1), 0.0)
    return ok


def fastpair(fast_case, pair_case, time):
    fast = ff.read_patch_entry(os.path.join(fast_case, time, "T"), "substrate", "ballisticFlux")
    pair = ff.read_patch_entry(os.path.join(pair_case, time, "T"), "substrate", "ballisticFlux")
    mean = sum(pair) / len(pair)
    err = max(abs(a - b) for a, b in zip(fast, pair)) / mean
    print(f"     max |fast - pairwise| / mean = {err:.3e}")
    ok = ff.check("fast (FFT) ballistic flux vs the exact pairwise sum, of the mean", err, 5e-4)
    ok &= ff.check("the fast path ran (differs from the pairwise sum)", 0.0 if err > 0 else 1.0, 0.0)
    return ok


def compare(case, reference, time, tolerance):
    entries = [("substrate", "ballisticFlux"), ("substrate", "value"), ("substrate", "filmThickness")]
    return ff.compare_cases(case, reference, time, entries, tolerance)


if __name__ == "__main__":
    mode = sys.argv[1]
    if mode == "shadow":
        good = shadow(sys.argv[2], sys.argv[3])
    elif mode == "wedge":
        good = wedge(sys.argv[2], sys.argv[3])
    elif mode == "fastpair":
        good = fastpair(sys.argv[2], sys.argv[3], sys.argv[4])
    elif mode == "compare":
        good = compare(sys.argv[2], sys.argv[3], sys.argv[4], float(sys.argv[5]))
    else:
        sys.exit(f"unknown mode {mode}")
    sys.exit(0 if good else 1)
