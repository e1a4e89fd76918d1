# Decodes segmentation files independently of highdicom4j (pydicom + numpy) for the tests.
# Usage: seg_frames.py OUTDIR FILE...   For each FILE writes OUTDIR/<name>.raw (all frames as
# little-endian uint16, frames x rows x columns) and prints one tab-separated line per frame:
# file, frame index, segment number, x,y,z of the plane position (or -), referenced SOP
# instance UID (or -), referenced frame number (0 when absent).
import os
import sys

import numpy as np
import pydicom

out_dir = sys.argv[1]
for path in sys.argv[2:]:
    ds = pydicom.dcmread(path)
    n = int(ds.NumberOfFrames)
    arr = np.asarray(ds.pixel_array).reshape(n, int(ds.Rows), int(ds.Columns))
    name = os.path.basename(path)
    for index, item in enumerate(ds.PerFrameFunctionalGroupsSequence):
        seg = 0
        if 'SegmentIdentificationSequence' in item:
            seg = int(item.SegmentIdentificationSequence[0].ReferencedSegmentNumber)
        pos = '-'
        if 'PlanePositionSequence' in item:
            pos = ','.join(repr(float(v)) for v in item.PlanePositionSequence[0].ImagePositionPatient)
        ref = ['-', 0]
        if 'DerivationImageSequence' in item:
            si = item.DerivationImageSequence[0].SourceImageSequence[0]
            ref = [str(si.ReferencedSOPInstanceUID), int(si.get('ReferencedFrameNumber', 0))]
        print('\t'.join([name, str(index), str(seg), pos, ref[0], str(ref[1])]))
    arr.astype('<u2').tofile(os.path.join(out_dir, name + '.raw'))
