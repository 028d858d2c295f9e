#!/usr/bin/env python3
"""The half (x >= 0) of tests/foam/sputterFoamGas3D's chamber, the plane x = 0 a symmetryPlane.

    gas_half_chamber.py CASE      rewrites CASE/system/blockMeshDict and CASE/0/c in place

The chamber, the target, the shield and the 5 mm cells are the whole case's (its
blockMeshDict: 0.2 m x 0.1 m x 0.2 m, a 0.1 m x 0.1 m target in the ceiling's middle), cut
at x = 0 on a cell face, so the half mesh is the whole mesh's x >= 0 half face by face and the
mirror image of the half is the whole chamber: the half with the mirror must give the whole
case's film on every face it keeps.
"""
import os
import re
import sys

XS = (0.0, 0.05, 0.1)             # x levels (the whole case's x >= 0 ones)
ZS = (-0.1, -0.05, 0.05, 0.1)     # z levels
YS = (0.0, 0.1)
NX = (10, 10)                     # cells between the x levels (5 mm)
NZ = (10, 20, 10)


def v(xl, yl, zl):
    return 12 * yl + 3 * zl + xl


def quad(a, b, c, d):
    return f"({a} {b} {c} {d})"


def block_mesh():
    verts = [f"    ({XS[xl]} {YS[yl]} {ZS[zl]})" for yl in range(2) for zl in range(4) for xl in range(3)]
    blocks = []
    for zl in range(3):
        for xl in range(2):
            h = [v(xl, 0, zl), v(xl + 1, 0, zl), v(xl + 1, 1, zl), v(xl, 1, zl),
                 v(xl, 0, zl + 1), v(xl + 1, 0, zl + 1), v(xl + 1, 1, zl + 1), v(xl, 1, zl + 1)]
            blocks.append(f"    hex ({' '.join(map(str, h))}) ({NX[xl]} 20 {NZ[zl]}) simpleGrading (1 1 1)")
    target, shield, floor, sides, sym = [], [], [], [], []
    for zl in range(3):
        for xl in range(2):
            ceiling = quad(v(xl, 1, zl), v(xl, 1, zl + 1), v(xl + 1, 1, zl + 1), v(xl + 1, 1, zl))
            (target if (xl == 0 and zl == 1) else shield).append(ceiling)
            floor.append(quad(v(xl, 0, zl), v(xl + 1, 0, zl), v(xl + 1, 0, zl + 1), v(xl, 0, zl + 1)))
    for zl in range(3):
        sym.append(quad(v(0, 0, zl), v(0, 0, zl + 1), v(0, 1, zl + 1), v(0, 1, zl)))
        sides.append(quad(v(2, 0, zl), v(2, 1, zl), v(2, 1, zl + 1), v(2, 0, zl + 1)))
    for xl in range(2):
        sides.append(quad(v(xl, 0, 0), v(xl, 1, 0), v(xl + 1, 1, 0), v(xl + 1, 0, 0)))
        sides.append(quad(v(xl, 0, 3), v(xl + 1, 0, 3), v(xl + 1, 1, 3), v(xl, 1, 3)))
    patch = lambda name, kind, faces: f"    {name} {{ type {kind}; faces ({' '.join(faces)}); }}"
    return "\n".join([
        "FoamFile { version 2.0; format ascii; class dictionary; object blockMeshDict; }",
        "// The x >= 0 half of tests/foam/sputterFoamGas3D's chamber (gas_half_chamber.py).",
        "scale 1;", "vertices", "(", *verts, ");", "blocks", "(", *blocks, ");", "boundary", "(",
        patch("target", "wall", target), patch("shield", "wall", shield),
        patch("substrate", "wall", floor), patch("sides", "wall", sides),
        patch("symmetry", "symmetryPlane", sym), ");", ""])


if __name__ == "__main__":
    case = sys.argv[1]
    with open(os.path.join(case, "system", "blockMeshDict"), "w") as f:
        f.write(block_mesh())
    path = os.path.join(case, "0", "c")
    text = open(path).read()
    text, n = re.subn(r"\n}\s*$", "\n    symmetry\n    {\n        type symmetryPlane;\n    }\n}\n", text)
    if n != 1:
        sys.exit(f"{path}: no closing brace of boundaryField")
    open(path, "w").write(text)
