package org.highdicom4j.dicom.data;

/**
 * Copies of {@link DicomDataset} elements: whole data sets for {@link DicomDataset#deepCopy} and
 * selected elements for {@link DicomDataset#copyFrom}. Sequences, items and fragment lists are
 * copied; byte values are shared, since stored values are never changed in place.
 */
final class DatasetCopies {
  private DatasetCopies() {}

  static DicomDataset deepCopy(DicomDataset ds) {
    DicomDataset copy = new DicomDataset();
    ElementStore s = ds.store;
    copy.store.copyLayout(s);
    for (int i = 0; i < s.size; i++) {
      Object v = s.values[i];
      if (v instanceof Sequence) {
        Sequence seq = new Sequence(copy);
        for (DicomDataset item : ((Sequence) v).items()) {
          seq.add(item.deepCopy());
        }
        v = seq;
      } else if (v instanceof Fragments) {
        v = ((Fragments) v).deepCopy();
      }
      copy.store.values[i] = v;
    }
    return copy;
  }

  static void copy(DicomDataset other, DicomDataset target, int[] tags) {
    for (int t : tags) {
      int i = other.indexOf(t);
      if (i < 0) {
        continue;
      }
      Object v = other.store.values[i];
      VR vr = other.store.vrs[i];
      if (v instanceof Sequence) {
        Sequence seq = target.newSequence(t);
        for (DicomDataset item : ((Sequence) v).items()) {
          seq.add(item.deepCopy());
        }
      } else if (v instanceof Fragments) {
        target.putValue(t, vr, ((Fragments) v).deepCopy());
      } else if (v instanceof byte[] && vr.usesSpecificCharacterSet()) {
        // text is copied decoded, to be encoded in the target's character set
        target.putValue(t, vr, ValueDecoding.text(other, i));
      } else {
        target.putValue(t, vr, v);
      }
    }
  }
}
