#!/usr/bin/python3
"""Dumps pydicom's reading of DICOM files as canonical JSON, for comparison with highdicom4j.

Usage: pydicom_dump.py < paths   (one path per line; one JSON object per line on stdout)

Each output line is {"path": P, "meta": [...], "elements": [...]} or {"path": P, "error": MSG}.
An element is {"t": "GGGGEEEE", "vr": VR, ...} with one of
  "v": [str, ...]        text VRs: pydicom's values (str() of each), not stripped further;
                         numeric VRs: str(int) or repr(float); AT: "GGGGEEEE"
  "items": [[elem...]]   SQ
  "bin": {"len": n, "sha256": hex}   byte VRs (OB, OW, OF, OD, OL, OV, UN, unresolved ambiguous
                         VRs) and encapsulated Pixel Data (the item stream as pydicom holds it)
Files are read with force=True (pydicom's only way to read files without File Meta Information)
and with pydicom's default configuration (replace_un_with_known_vr = True).
"""
import hashlib
import json
import sys
import warnings

import pydicom
from pydicom.multival import MultiValue

warnings.simplefilter("ignore")

TEXT = {"AE", "AS", "CS", "DA", "DS", "DT", "IS", "LO", "LT", "PN", "SH", "ST", "TM", "UC",
        "UI", "UR", "UT"}
INTS = {"US", "SS", "UL", "SL", "UV", "SV"}
FLOATS = {"FL", "FD"}


def as_list(v):
    if v is None:
        return []
    if isinstance(v, (list, tuple, MultiValue)):
        return list(v)
    return [v]


def binary(b):
    if b is None:
        b = b""
    return {"len": len(b), "sha256": hashlib.sha256(bytes(b)).hexdigest()}


def element(elem):
    vr = getattr(elem.VR, "value", elem.VR)  # pydicom 2.3's VR is a str enum
    out = {"t": "%08X" % int(elem.tag), "vr": vr}
    v = elem.value
    if isinstance(v, pydicom.sequence.Sequence):
        out["items"] = [dataset(item) for item in v]
    elif vr == "SQ":
        out["items"] = []
    elif v is None or isinstance(v, (bytes, bytearray)):
        out["bin"] = binary(v)
    elif vr in TEXT or isinstance(as_list(v)[0] if as_list(v) else "", str):
        out["v"] = ["" if x is None else str(x) for x in as_list(v)]
    elif vr == "AT":
        out["v"] = ["%08X" % int(x) for x in as_list(v)]
    elif vr in FLOATS:
        out["v"] = [repr(float(x)) for x in as_list(v)]
    else:
        out["v"] = [str(x) for x in as_list(v)]
    return out


def dataset(ds):
    return [element(e) for e in ds]


def main():
    for line in sys.stdin:
        path = line.rstrip("\n")
        if not path:
            continue
        try:
            ds = pydicom.dcmread(path, force=True)
            meta = getattr(ds, "file_meta", None)
            rec = {"path": path,
                   "little_endian": bool(ds.is_little_endian),
                   "meta": dataset(meta) if meta is not None else [],
                   "elements": dataset(ds)}
        except Exception as e:  # noqa: BLE001 - every failure is reported per file
            rec = {"path": path, "error": "%s: %s" % (type(e).__name__, e)}
        sys.stdout.write(json.dumps(rec, ensure_ascii=True) + "\n")
        sys.stdout.flush()


if __name__ == "__main__":
    main()
