# Independent DICOM JSON implementation for DicomJsonCorpusTest: pydicom 2.3.1.
# Usage: pydicom_json.py dump|reparse OUTDIR < list of input paths (one per line)
#   dump:    DICOM file  -> pydicom.dcmread(f).to_json_dict()        -> OUTDIR/<n>.json
#   reparse: DICOM JSON  -> Dataset.from_json(text).to_json_dict()   -> OUTDIR/<n>.json
# Prints one line per input: "<n>\tOK\t<path>" or "<n>\tERROR\t<path>\t<message>".
import json
import os
import sys
import warnings

warnings.simplefilter("ignore")
import pydicom  # noqa: E402
from pydicom.dataset import Dataset  # noqa: E402

mode, out = sys.argv[1], sys.argv[2]
if mode == "reparse":
    # F.2.7 UN values are opaque bytes; pydicom would otherwise try to decode UN elements with
    # dictionary tags as their dictionary VR and fail (an AT or DS element from raw bytes).
    pydicom.config.replace_un_with_known_vr = False
for i, line in enumerate(sys.stdin):
    path = line.rstrip("\n")
    try:
        if mode == "dump":
            ds = pydicom.dcmread(path, force=True)
        else:
            with open(path, encoding="utf-8") as fh:
                ds = Dataset.from_json(fh.read())
        d = ds.to_json_dict(bulk_data_element_handler=None, bulk_data_threshold=1 << 62)
        with open(os.path.join(out, "%d.json" % i), "w", encoding="utf-8") as fh:
            json.dump(d, fh)
        print("%d\tOK\t%s" % (i, path))
    except Exception as e:  # reported to the Java test, which fails on it
        msg = repr(e).replace("\t", " ").replace("\n", " ")
        print("%d\tERROR\t%s\t%s" % (i, path, msg))
