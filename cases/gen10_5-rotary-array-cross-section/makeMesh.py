"""Writes the rotary-array cross-section's blockMeshDict and per-tube boundary entries.

    makeMesh.py CASE [--tubes N] [--cells N]

Geometry (metres; x across the tubes, y up from the glass, z the tubes' axis = the empty
direction of the 2-D mesh), the layout of cases/tools/gen10_5_rotary_line.yaml:
Gen-10.5 glass (2.94 m x 3.37 m) on y = 0; the tubes run along its 2.94 m side, so the
cross-section spans its 3.37 m side (|x| <= 1.685 m). N rotary tubes (default 14, outer radius
0.076 m) at a pitch of 0.27 m (outer axes at +-1.755 m, 70 mm beyond the glass edges), axes
0.25 m above the glass, a chamber wall at y = 0.45 m and x = +-2.0 m (the floor beyond the glass
is part of the glass patch; the report reads the film over the glass only). Each tube sits in an O-grid (4 blocks
between its circle and a 0.22 m square), the rest is filled with rectangular blocks.
Each tube is its own patch tubeNN: every tube keeps its own cathode frame (origin) and
could take its own current (power trims), and the report names each tube; the glass
gathers the ballistic flux of all of them with lineOfSightSource "tube.*".
Output: CASE/system/blockMeshDict, CASE/constant/tubes.c, CASE/constant/tubes.pointDisplacement
(the boundaryField entries of the tubes, included by 0/c and 0/pointDisplacement).
"""
import argparse
import math
import os

RADIUS, PITCH, HEIGHT, TOP, HALF_WIDTH, SQUARE, DEPTH = 0.076, 0.27, 0.25, 0.45, 2.0, 0.11, 0.001


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("case")
    ap.add_argument("--tubes", type=int, default=14)
    ap.add_argument("--cells", type=int, default=16, help="cells along each side of a tube's square")
    args = ap.parse_args()
    n, N = args.tubes, args.cells
    nr = max(2, N // 3)
    centres = [(-(n - 1) / 2 + k) * PITCH for k in range(n)]
    if centres[-1] + SQUARE >= HALF_WIDTH:
        raise SystemExit(f"{n} tubes at {PITCH} m pitch do not fit in |x| < {HALF_WIDTH} m")
    h = 2 * SQUARE / N  # cell size along the squares' sides
    cells = lambda length: max(1, round(length / h))

    verts, index = [], {}

    def v(x, y):  # index of the base vertex (z = 0); the top one is +1
        key = (round(x, 12), round(y, 12))
        if key not in index:
            index[key] = len(verts)
            verts.append(key)
        return 2 * index[key]

    blocks, edges, patches = [], [], {"glass": [], "chamber": []}

    def hexa(q, counts):  # q: base quad counter-clockwise seen from +z
        b = list(q) + [i + 1 for i in q]
        blocks.append((b, counts))
        return b

    face = {"xmin": (0, 4, 7, 3), "xmax": (1, 2, 6, 5), "ymin": (0, 1, 5, 4), "ymax": (3, 7, 6, 2)}
    xs = [-HALF_WIDTH]
    for c in centres:
        xs += [c - SQUARE, c + SQUARE]
    xs.append(HALF_WIDTH)
    ys = [0.0, HEIGHT - SQUARE, HEIGHT + SQUARE, TOP]
    for j in range(3):
        for i in range(len(xs) - 1):
            x0, x1, y0, y1 = xs[i], xs[i + 1], ys[j], ys[j + 1]
            tube = j == 1 and i % 2 == 1
            if tube:
                continue
            b = hexa((v(x0, y0), v(x1, y0), v(x1, y1), v(x0, y1)), (cells(x1 - x0), cells(y1 - y0)))
            if j == 0:
                patches["glass"].append([b[k] for k in face["ymin"]])
            if j == 2:
                patches["chamber"].append([b[k] for k in face["ymax"]])
            if i == 0:
                patches["chamber"].append([b[k] for k in face["xmin"]])
            if i == len(xs) - 2:
                patches["chamber"].append([b[k] for k in face["xmax"]])
    a = RADIUS / math.sqrt(2)
    for k, xc in enumerate(centres):
        name = f"tube{k + 1:02d}"
        patches[name] = []
        yc = HEIGHT
        sq = {"BL": (xc - SQUARE, yc - SQUARE), "BR": (xc + SQUARE, yc - SQUARE),
              "TR": (xc + SQUARE, yc + SQUARE), "TL": (xc - SQUARE, yc + SQUARE)}
        ci = {"BL": (xc - a, yc - a), "BR": (xc + a, yc - a), "TR": (xc + a, yc + a), "TL": (xc - a, yc + a)}
        mid = {"B": (xc, yc - RADIUS), "R": (xc + RADIUS, yc), "T": (xc, yc + RADIUS), "L": (xc - RADIUS, yc)}
        for s0, s1, m in (("BL", "BR", "B"), ("BR", "TR", "R"), ("TR", "TL", "T"), ("TL", "BL", "L")):
            b = hexa((v(*sq[s0]), v(*sq[s1]), v(*ci[s1]), v(*ci[s0])), (N, nr))
            patches[name].append([b[k] for k in face["ymax"]])
            edges.append((b[2], b[3], mid[m]))
    out = ["FoamFile { version 2.0; format ascii; class dictionary; object blockMeshDict; }",
           f"// Written by makeMesh.py ({n} tubes, {N} cells per square side): do not edit.",
           "scale 1;", "vertices", "("]
    out += [f"    ({x:.12g} {y:.12g} 0) ({x:.12g} {y:.12g} {DEPTH})" for x, y in verts]
    out += [");", "blocks", "("]
    out += [f"    hex ({' '.join(map(str, b))}) ({cx} {cy} 1) simpleGrading (1 1 1)" for b, (cx, cy) in blocks]
    out += [");", "edges", "("]
    for p0, p1, (x, y) in edges:
        out.append(f"    arc {p0} {p1} ({x:.12g} {y:.12g} 0)")
        out.append(f"    arc {p0 + 1} {p1 + 1} ({x:.12g} {y:.12g} {DEPTH})")
    out += [");", "boundary", "("]
    for name, faces in patches.items():
        out.append(f"    {name} {{ type wall; faces ({' '.join('(' + ' '.join(map(str, f)) + ')' for f in faces)}); }}")
    out.append("    frontAndBack { type empty; faces (" +
               " ".join(f"({b[0]} {b[3]} {b[2]} {b[1]}) ({b[4]} {b[5]} {b[6]} {b[7]})" for b, _ in blocks) + "); }")
    out += [");", ""]
    with open(os.path.join(args.case, "system", "blockMeshDict"), "w") as f:
        f.write("\n".join(out))
    tubes_c, tubes_d = [], []
    for k, xc in enumerate(centres):
        name = f"tube{k + 1:02d}"
        origin = f"origin ({xc:.12g} {HEIGHT:.12g} 0);"
        tubes_c.append(f"{name}\n{{\n    type sputteredFlux;\n    #include \"$FOAM_CASE/constant/targetSource\"\n"
                       f"    {origin}\n    thermalizedFraction 0.8;\n    diffusivity 2;\n    value uniform 0;\n}}")
        tubes_d.append(f"{name}\n{{\n    type sputterErosion;\n    #include \"$FOAM_CASE/constant/targetSource\"\n"
                       f"    {origin}\n    value uniform (0 0 0);\n}}")
    header = "// Written by makeMesh.py: the tubes' boundaryField entries; do not edit.\n"
    with open(os.path.join(args.case, "constant", "tubes.c"), "w") as f:
        f.write(header + "\n".join(tubes_c) + "\n")
    with open(os.path.join(args.case, "constant", "tubes.pointDisplacement"), "w") as f:
        f.write(header + "\n".join(tubes_d) + "\n")
    print(f"{len(blocks)} blocks, {len(verts)} vertices, {n} tubes")


if __name__ == "__main__":
    main()
