"""Independent readers and writers (numpy + struct) for the highdicom4j.formats tests.

Usage: formats_check.py COMMAND ARGS...; prints "key=value" lines (nested keys joined by ".",
list items, also of nested lists, joined by spaces).
  nrrd FILE...          parse NRRD (raw/gzip, attached or detached) -> shape, dtype, sha256, sum
  nifti FILE            parse a NIfTI-1 header and data -> header fields, qform/sform, sha256
  make-nifti (OUT SPEC)...  write NIfTI-1 files described by the JSON SPECs
  npy-save (OUT DESCR C|F MAJOR)...  numpy writes arange(24).reshape(2, 3, 4) as DESCR
  npy-load FILE...      numpy loads each FILE -> dtype, shape, values in C order
"""
import gzip
import hashlib
import json
import os
import struct
import sys

import numpy as np

NRRD_TYPES = {
    "short": "i2", "int16": "i2", "ushort": "u2", "unsigned short": "u2", "uint16": "u2",
    "uchar": "u1", "unsigned char": "u1", "uint8": "u1", "signed char": "i1", "int8": "i1",
    "int": "i4", "int32": "i4", "uint": "u4", "unsigned int": "u4", "float": "f4",
    "double": "f8",
}


def sha(arr):
    a = np.ascontiguousarray(arr)
    if a.dtype.kind == "b":
        a = a.astype("u1")
    return hashlib.sha256(a.astype(a.dtype.newbyteorder("<")).tobytes()).hexdigest()


def nrrd(path):
    raw = open(path, "rb").read()
    end = raw.find(b"\n\n")
    head = raw[: end if end >= 0 else len(raw)].decode("utf-8")
    fields, kv = {}, {}
    for line in head.split("\n")[1:]:
        if not line or line.startswith("#"):
            continue
        if ":=" in line and (": " not in line or line.index(":=") < line.index(": ")):
            k, v = line.split(":=", 1)
            kv[k] = v
        else:
            k, v = line.split(": ", 1)
            fields[k.strip().lower()] = v.strip()
    sizes = [int(s) for s in fields["sizes"].split()]
    endian = ">" if fields.get("endian") == "big" else "<"
    dt = np.dtype(endian + NRRD_TYPES[fields["type"]])
    if "data file" in fields:
        data = open(os.path.join(os.path.dirname(path), fields["data file"]), "rb").read()
    else:
        data = raw[end + 2:]
    if fields["encoding"] in ("gzip", "gz"):
        data = gzip.decompress(data)
    n = int(np.prod(sizes))
    arr = np.frombuffer(data[: n * dt.itemsize], dtype=dt).reshape(sizes[::-1])
    return {
        "file": path, "shape": list(arr.shape), "dtype": dt.str[1:], "sha256": sha(arr),
        "sum": float(arr.astype("f8").sum()),
        "keyvalues": kv,
    }


def nifti(path):
    raw = open(path, "rb").read()
    if path.endswith(".gz"):
        raw = gzip.decompress(raw)
    e = "<" if struct.unpack("<i", raw[:4])[0] == 348 else ">"
    dim = struct.unpack(e + "8h", raw[40:56])
    datatype, bitpix = struct.unpack(e + "hh", raw[70:74])
    pixdim = struct.unpack(e + "8f", raw[76:108])
    vox_offset, slope, inter = struct.unpack(e + "3f", raw[108:120])
    qcode, scode = struct.unpack(e + "hh", raw[252:256])
    b, c, d, qx, qy, qz = struct.unpack(e + "6f", raw[256:280])
    srow = np.array(struct.unpack(e + "12f", raw[280:328]), dtype="f8").reshape(3, 4)
    # qform per the NIfTI-1 standard (nifti1.h, method 2)
    a = np.sqrt(max(0.0, 1.0 - (b * b + c * c + d * d)))
    R = np.array([
        [a * a + b * b - c * c - d * d, 2 * b * c - 2 * a * d, 2 * b * d + 2 * a * c],
        [2 * b * c + 2 * a * d, a * a + c * c - b * b - d * d, 2 * c * d - 2 * a * b],
        [2 * b * d - 2 * a * c, 2 * c * d + 2 * a * b, a * a + d * d - c * c - b * b]])
    qfac = -1.0 if pixdim[0] < 0 else 1.0
    q = np.zeros((4, 4))
    q[:3, :3] = R * np.array([pixdim[1], pixdim[2], qfac * pixdim[3]])
    q[:3, 3] = [qx, qy, qz]
    q[3, 3] = 1
    codes = {2: "u1", 256: "i1", 512: "u2", 4: "i2", 768: "u4", 8: "i4", 16: "f4", 64: "f8"}
    dt = np.dtype(e + codes[datatype])
    shape = [x for x in dim[1: dim[0] + 1]]
    n = int(np.prod(shape))
    arr = np.frombuffer(raw[int(vox_offset): int(vox_offset) + n * dt.itemsize], dtype=dt)
    arr = arr.reshape(shape[::-1])  # Fortran (i, j, k, t) -> C (t, k, j, i)
    if len(shape) == 4:
        arr = np.moveaxis(arr, 0, -1)  # (k, j, i, t)
    return {
        "endian": e, "dim": list(dim), "datatype": datatype, "bitpix": bitpix,
        "pixdim": list(pixdim), "vox_offset": vox_offset, "scl": [slope, inter],
        "qform_code": qcode, "sform_code": scode, "qform": q.tolist(),
        "sform": srow.tolist(), "magic": raw[344:348].decode("latin1"), "sha256": sha(arr),
    }


def make_nifti(out, spec):
    e = spec["endian"]
    dt = np.dtype(e + spec["dtype"])
    ni, nj, nk = spec["shape"]
    info = np.iinfo(dt) if dt.kind in "iu" else None
    vals = np.arange(ni * nj * nk)
    if info is not None:
        vals = vals % (int(info.max) + 1)
    arr = vals.astype(dt)  # element (i, j, k) at i + ni * (j + nj * k): Fortran order
    hdr = bytearray(352)
    struct.pack_into(e + "i", hdr, 0, 348)
    struct.pack_into(e + "8h", hdr, 40, 3, ni, nj, nk, 1, 1, 1, 1)
    codes = {"u1": 2, "i1": 256, "u2": 512, "i2": 4, "u4": 768, "i4": 8, "f4": 16, "f8": 64}
    struct.pack_into(e + "hh", hdr, 70, codes[spec["dtype"]], dt.itemsize * 8)
    struct.pack_into(e + "8f", hdr, 76, *(spec["pixdim"] + [1.0] * (8 - len(spec["pixdim"]))))
    struct.pack_into(e + "3f", hdr, 108, 352.0, *spec.get("scl", [0.0, 0.0]))
    struct.pack_into(e + "hh", hdr, 252, spec["qform_code"], spec["sform_code"])
    struct.pack_into(e + "6f", hdr, 256, *(spec["quatern"] + spec["qoffset"]))
    struct.pack_into(e + "12f", hdr, 280, *np.array(spec["srow"], dtype="f8").ravel())
    hdr[344:348] = b"n+1\0"
    body = bytes(hdr) + arr.tobytes()
    if out.endswith(".gz"):
        body = gzip.compress(body)
    open(out, "wb").write(body)
    return {"written": out}


def npy_save(out, descr, fortran, major):
    arr = np.arange(24).reshape(2, 3, 4)
    if descr[1:] == "b1":
        arr = arr % 3 == 0
    arr = arr.astype(descr)
    if fortran == "F":
        arr = np.asfortranarray(arr)
    with open(out, "wb") as f:
        np.lib.format.write_array(f, arr, version=(int(major), 0))
    return {"written": out}


def npy_load(path):
    arr = np.load(path)
    return {
        "descr": arr.dtype.str, "shape": list(arr.shape),
        "fortran": bool(arr.flags.f_contiguous and not arr.flags.c_contiguous),
        "values": np.ascontiguousarray(arr).astype("f8").ravel().tolist(),
    }


def main():
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "nrrd":
        result = [nrrd(p) for p in args]
    elif cmd == "nifti":
        result = nifti(args[0])
    elif cmd == "make-nifti":
        result = [make_nifti(args[i], json.loads(args[i + 1])) for i in range(0, len(args), 2)]
    elif cmd == "npy-save":
        result = [npy_save(*args[i: i + 4]) for i in range(0, len(args), 4)]
    elif cmd == "npy-load":
        result = [npy_load(p) for p in args]
    else:
        raise SystemExit("unknown command " + cmd)
    for k, v in flatten("", result):
        print(k + "=" + v)


def flat_list(v):
    for x in v:
        if isinstance(x, (list, tuple)):
            yield from flat_list(x)
        else:
            yield repr(x) if isinstance(x, float) else str(x)


def flatten(prefix, v):
    if isinstance(v, dict):
        for k, x in v.items():
            yield from flatten(prefix + ("." if prefix else "") + str(k), x)
    elif isinstance(v, list) and v and isinstance(v[0], dict):
        for i, x in enumerate(v):
            yield from flatten(prefix + ("." if prefix else "") + str(i), x)
    elif isinstance(v, (list, tuple)):
        yield prefix, " ".join(flat_list(v))
    else:
        yield prefix, str(v)


if __name__ == "__main__":
    main()
