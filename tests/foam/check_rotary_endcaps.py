"""The tubes of a `magtwin foam-case` rotary line after its run: geometry and emission per face.

    check_rotary_endcaps.py CASE TIME

For every sputteredFlux patch of CASE/TIME/c (a tube: its `origin` on the axis, axis along
e1) the faces are read from CASE/constant/polyMesh (ASCII) and split by their normal:
  - surface faces (normal radial, |n . e1| < 1e-6): every point of them on the tube's circle,
    |distance to the axis - R| <= 1e-8 R (blockMesh's arc edges: the exact cylinder; the
    blockMeshDict's numbers carry 10 significant digits, foamNumber: 1e-10 x 1.8 m on a 76 mm
    radius is 2.4e-9 R);
  - end-cap faces (normal along the axis, |n . e1| > 1 - 1e-9): present (each tube has its
    ends as block faces in its patch) and emitting exactly nothing (sputteredFlux: J = 0 where
    cos(theta) = n . n0 <= 0, n0 the radial target normal; the core's rotary emitter is the
    tube surface only);
  - nothing else.
The surface must emit (max J > 0). Prints the counts and the end caps' largest J.
"""
import re
import sys


def points(case):
    text = open(case + "/constant/polyMesh/points").read()
    return [tuple(map(float, m)) for m in re.findall(r"\(([-\d.eE+]+) ([-\d.eE+]+) ([-\d.eE+]+)\)", text)]


def faces(case):
    text = open(case + "/constant/polyMesh/faces").read()
    return [tuple(map(int, m.split())) for m in re.findall(r"\d+\(([\d ]+)\)", text)]


def patches(case):
    text = open(case + "/constant/polyMesh/boundary").read()
    out = {}
    for name, body in re.findall(r"\n\s*(\w+)\s*\{([^}]*)\}", text):
        n = re.search(r"nFaces\s+(\d+);", body)
        s = re.search(r"startFace\s+(\d+);", body)
        if n and s:
            out[name] = (int(s.group(1)), int(n.group(1)))
    return out


def vec(s):
    return tuple(map(float, s.strip("() ").split()))


def main(case, time):
    pts, fcs, bnd = points(case), faces(case), patches(case)
    c = open("%s/%s/c" % (case, time)).read()
    ok, tubes = True, 0
    for name, body in re.findall(r"\n    (\w+)\n    \{\n(.*?)\n    \}", c, re.S):
        if "type            sputteredFlux;" not in body:
            continue
        tubes += 1
        origin = vec(re.search(r"origin\s+(\([^)]*\));", body).group(1))
        e1 = vec(re.search(r"e1\s+(\([^)]*\));", body).group(1))
        R = float(re.search(r"targetRadius\s+([-\d.eE+]+);", body).group(1))
        m = re.search(r"sputteredFlux\s+nonuniform List<scalar>\s*\n(\d+)\n\(\n(.*?)\n\)", body, re.S)
        J = [float(v) for v in m.group(2).split()]
        start, n = bnd[name]
        assert len(J) == n, (name, len(J), n)

        def radial(p):
            r = [p[k] - origin[k] for k in range(3)]
            a = sum(r[k] * e1[k] for k in range(3))
            return sum((r[k] - a * e1[k]) ** 2 for k in range(3)) ** 0.5

        surface, caps, cap_max, worst_r = 0, 0, 0.0, 0.0
        for i in range(n):
            f = [pts[v] for v in fcs[start + i]]
            # Newell normal
            nx = ny = nz = 0.0
            for a, b in zip(f, f[1:] + f[:1]):
                nx += (a[1] - b[1]) * (a[2] + b[2])
                ny += (a[2] - b[2]) * (a[0] + b[0])
                nz += (a[0] - b[0]) * (a[1] + b[1])
            mag = (nx * nx + ny * ny + nz * nz) ** 0.5
            along = abs(nx * e1[0] + ny * e1[1] + nz * e1[2]) / mag
            if along < 1e-6:
                surface += 1
                worst_r = max(worst_r, max(abs(radial(p) - R) for p in f) / R)
            elif along > 1 - 1e-9:
                caps += 1
                cap_max = max(cap_max, abs(J[i]))
            else:
                print("FAIL: %s face %d neither on the surface nor on an end cap (n . e1 = %g)" % (name, i, along))
                ok = False
        print("%s: %d surface faces (points on r = R within %.1e R), %d end-cap faces (largest J %g), surface J max %g"
              % (name, surface, worst_r, caps, cap_max, max(J)))
        if caps == 0 or surface == 0 or cap_max != 0.0 or worst_r > 1e-8 or not max(J) > 0:
            print("FAIL: %s: end caps missing or emitting, surface off the circle or not emitting" % name)
            ok = False
    if tubes == 0:
        print("FAIL: no sputteredFlux patch")
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
