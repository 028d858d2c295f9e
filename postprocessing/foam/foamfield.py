"""Reads the ASCII OpenFOAM files magtwin's cases and foam tests write (v1912 layout).

The internalField and, for a named patch, any field entry (`value`, `filmThickness`,
`erodedDepth` ...): scalar lists as lists of floats, vector lists as lists of
(x, y, z); a `uniform x` entry is returned as [x] * size (size given, else 1).
polyMesh/points files as lists of (x, y, z). Plain Python 3, no OpenFOAM needed.
"""
import re
import sys


def _block(text, name):
    """Text of the dictionary `name { ... }` (balanced braces)."""
    m = re.search(r"(?m)^\s*" + re.escape(name) + r"\s*\{", text)
    if not m:
        raise KeyError(f"no dictionary '{name}'")
    depth, i = 1, m.end()
    while depth:
        depth += {"{": 1, "}": -1}.get(text[i], 0)
        i += 1
    return text[m.end():i - 1]


def _entry(text, key, size=None):
    m = re.search(r"(?m)^\s*" + re.escape(key) + r"\s+(uniform|nonuniform)\s", text)
    if not m:
        raise KeyError(f"no field entry '{key}'")
    rest = text[m.end():]
    if m.group(1) == "uniform":
        vec = re.match(r"\s*\(\s*(\S+)\s+(\S+)\s+(\S+?)\s*\)\s*;", rest)
        if vec:
            value = tuple(float(v) for v in vec.groups())
        else:
            value = float(re.match(r"\s*([^;\s]+)\s*;", rest).group(1))
        return [value] * (size if size is not None else 1)
    mv = re.match(r"\s*List<vector>\s*(\d+)\s*\((.*?)\)\s*\)\s*;", rest, re.S)
    if mv:
        triples = re.findall(r"\(\s*(\S+)\s+(\S+)\s+(\S+?)\s*\)", mv.group(2) + ")")
        vectors = [tuple(float(v) for v in t) for t in triples]
        if len(vectors) != int(mv.group(1)):
            raise ValueError(f"entry '{key}': {len(vectors)} vectors, header says {mv.group(1)}")
        return vectors
    mm = re.match(r"\s*List<scalar>\s*(\d+)\s*\((.*?)\)\s*;", rest, re.S)
    if not mm:
        mm = re.match(r"\s*List<scalar>\s*(\d+)\s*\{([^}]*)\}\s*;", rest, re.S)
        if mm:  # n{x}: n equal values
            return [float(mm.group(2))] * int(mm.group(1))
        raise ValueError(f"cannot parse entry '{key}'")
    values = [float(v) for v in mm.group(2).split()]
    if len(values) != int(mm.group(1)):
        raise ValueError(f"entry '{key}': {len(values)} values, header says {mm.group(1)}")
    return values


def read_points(path):
    """A polyMesh/points file: list of (x, y, z)."""
    import re as _re
    with open(path) as f:
        text = f.read()
    m = _re.search(r"(?m)^(\d+)\s*\(", text)
    triples = _re.findall(r"\(([-+0-9.eE]+) ([-+0-9.eE]+) ([-+0-9.eE]+)\)", text[m.end():])
    points = [tuple(float(v) for v in t) for t in triples]
    if len(points) != int(m.group(1)):
        raise ValueError(f"{path}: {len(points)} points, header says {m.group(1)}")
    return points


def read_internal(path):
    with open(path) as f:
        text = f.read()
    return _entry(text, "internalField")


def read_patch_entry(path, patch, key, size=None):
    with open(path) as f:
        text = f.read()
    return _entry(_block(_block(text, "boundaryField"), patch), key, size)


def max_rel_diff(a, b, scale=None):
    """max |a-b| / max(|b|) over the list (scale: given reference magnitude)."""
    if len(a) != len(b):
        raise ValueError(f"sizes differ: {len(a)} vs {len(b)}")
    ref = scale if scale is not None else max(abs(x) for x in b)
    return max(abs(x - y) for x, y in zip(a, b)) / ref


def check(label, error, tolerance):
    ok = error <= tolerance
    print(f"{'ok' if ok else 'FAIL'}: {label}: {error:.3e} (tolerance {tolerance:.0e})")
    return ok


if __name__ == "__main__":
    print(read_internal(sys.argv[1])[:3])


def compare_cases(case, reference, time, patch_entries, tolerance, field="T"):
    """Cells and the given (patch, key) entries of `field` at `time`, relative to the
    reference case's; prints one line per quantity, returns True when all pass."""
    import os
    a, b = os.path.join(case, time, field), os.path.join(reference, time, field)
    ok = check(f"{field} cells at t={time} vs reference",
               max_rel_diff(read_internal(a), read_internal(b)), tolerance)
    for patch, key in patch_entries:
        va, vb = read_patch_entry(a, patch, key, 1), read_patch_entry(b, patch, key, 1)
        ok &= check(f"{patch} {key} at t={time} vs reference", max_rel_diff(va, vb), tolerance)
    return ok
