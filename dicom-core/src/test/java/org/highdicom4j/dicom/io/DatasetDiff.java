package org.highdicom4j.dicom.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.data.Sequence;

/** Describes how two data sets differ, for test failure messages. */
final class DatasetDiff {
  private DatasetDiff() {}

  /**
   * Returns a copy without Group Length elements (gggg,0000) at any nesting level: they are retired
   * outside the File Meta Information and our writer drops them.
   *
   * @param ds the data set
   * @return the copy
   */
  static DicomDataset withoutGroupLengths(DicomDataset ds) {
    DicomDataset copy = ds.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(DicomDataset ds) {
    for (int t : ds.tags()) {
      if ((t & 0xffff) == 0) {
        ds.remove(t);
      }
    }
    for (int i = 0; i < ds.size(); i++) {
      if (ds.valueAt(i) instanceof Sequence) {
        for (DicomDataset item : (Sequence) ds.valueAt(i)) {
          strip(item);
        }
      }
    }
  }

  /**
   * Returns a copy as a conforming writer must write it: without Group Length elements (gggg,0000)
   * at any nesting level, and with binary values of odd length padded with a NUL byte, since PS3.5
   * Section 7.1.1 requires even lengths (a few corpus files have odd ones).
   *
   * @param ds the data set
   * @return the copy
   */
  static DicomDataset asWritten(DicomDataset ds) {
    DicomDataset copy = withoutGroupLengths(ds);
    pad(copy);
    return copy;
  }

  private static void pad(DicomDataset ds) {
    for (int i = 0; i < ds.size(); i++) {
      Object v = ds.valueAt(i);
      if (v instanceof Sequence) {
        for (DicomDataset item : (Sequence) v) {
          pad(item);
        }
      } else if (!ds.vrAt(i).isText() && !(v instanceof Fragments)) {
        byte[] b = ds.getBytes(ds.tagAt(i));
        if (b.length % 2 == 1) {
          ds.putValue(ds.tagAt(i), ds.vrAt(i), Arrays.copyOf(b, b.length + 1));
        }
      }
    }
  }

  /**
   * Lists the differing elements (at most a few).
   *
   * @param expected the expected data set
   * @param actual the actual data set
   * @return one line per difference
   */
  static List<String> describe(DicomDataset expected, DicomDataset actual) {
    List<String> out = new ArrayList<>();
    describe("", expected, actual, out);
    return out;
  }

  private static void describe(String at, DicomDataset a, DicomDataset b, List<String> out) {
    int i = 0;
    int j = 0;
    while ((i < a.size() || j < b.size()) && out.size() < 5) {
      long ta = i < a.size() ? a.tagAt(i) & 0xffffffffL : Long.MAX_VALUE;
      long tb = j < b.size() ? b.tagAt(j) & 0xffffffffL : Long.MAX_VALUE;
      if (ta < tb) {
        out.add(at + DicomDataset.tagString((int) ta) + " missing after the round trip");
        i++;
      } else if (tb < ta) {
        out.add(at + DicomDataset.tagString((int) tb) + " added by the round trip");
        j++;
      } else {
        String where = at + DicomDataset.tagString((int) ta);
        Object va = a.valueAt(i);
        Object vb = b.valueAt(j);
        if (a.vrAt(i) != b.vrAt(j)) {
          out.add(where + " VR " + a.vrAt(i) + " became " + b.vrAt(j));
        } else if (va instanceof Sequence && vb instanceof Sequence) {
          Sequence sa = (Sequence) va;
          Sequence sb = (Sequence) vb;
          if (sa.size() != sb.size()) {
            out.add(where + " " + sa.size() + " items became " + sb.size());
          } else {
            for (int k = 0; k < sa.size(); k++) {
              describe(where + "[" + k + "].", sa.get(k), sb.get(k), out);
            }
          }
        } else {
          DicomDataset x = new DicomDataset();
          DicomDataset y = new DicomDataset();
          x.copyFrom(a, a.tagAt(i));
          y.copyFrom(b, b.tagAt(j));
          if (!x.equals(y)) {
            out.add(where + " value differs: " + render(a, i) + " became " + render(b, j));
          }
        }
        i++;
        j++;
      }
    }
  }

  private static String render(DicomDataset ds, int i) {
    Object v = ds.valueAt(i);
    if (ds.vrAt(i).isText()) {
      return "\"" + ds.getText(ds.tagAt(i)) + "\"";
    }
    if (v instanceof byte[]) {
      return ((byte[]) v).length + " bytes";
    }
    return String.valueOf(v);
  }
}
