package org.highdicom4j.dicom.json;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.highdicom4j.dicom.data.BulkDataRef;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;

/**
 * Compares a data set read from a DICOM file ("expected") with one read back from DICOM JSON
 * ("actual"), with the normalizations that the JSON model makes necessary. Each one is justified
 * where it is applied.
 */
final class DatasetComparison {
  /** What produced the JSON. */
  enum Mode {
    /** Our writer: only what F.2 cannot represent is normalized. */
    ROUND_TRIP,
    /** pydicom's to_json_dict: also what pydicom interprets differently. */
    PYDICOM
  }

  /** Character sets the interim SpecificCharacterSet decodes correctly. */
  private static final Set<String> DECODED_CHARSETS =
      Set.of("", "ISO_IR 6", "ISO_IR 100", "ISO_IR 192");

  private final Mode mode;
  private final boolean bigEndian;
  final List<String> differences = new ArrayList<>();
  int elementsCompared;
  int skippedVrMismatch;
  int skippedCharset;

  DatasetComparison(Mode mode, boolean bigEndian) {
    this.mode = mode;
    this.bigEndian = bigEndian;
  }

  boolean equal() {
    return differences.isEmpty();
  }

  void compare(DicomDataset expected, DicomDataset actual, String path) throws IOException {
    int i = 0;
    int k = 0;
    while (i < expected.size() || k < actual.size()) {
      // F.2.2: Group Length (gggg,0000) elements are not part of DICOM JSON.
      if (i < expected.size() && (expected.tagAt(i) & 0xffff) == 0) {
        i++;
        continue;
      }
      // pydicom writes Group Length elements although F.2.2 excludes them: ignored on its side.
      if (mode == Mode.PYDICOM && k < actual.size() && (actual.tagAt(k) & 0xffff) == 0) {
        k++;
        continue;
      }
      int te = i < expected.size() ? expected.tagAt(i) : -1;
      int ta = k < actual.size() ? actual.tagAt(k) : -1;
      if (i >= expected.size() || (k < actual.size() && Integer.compareUnsigned(ta, te) < 0)) {
        diff(path, ta, "only in JSON");
        k++;
        continue;
      }
      if (k >= actual.size() || Integer.compareUnsigned(te, ta) < 0) {
        diff(path, te, "missing from JSON");
        i++;
        continue;
      }
      element(expected, i++, actual, k++, path);
    }
  }

  private void diff(String path, int tag, String what) {
    if (differences.size() < 20) {
      differences.add(path + DicomDataset.tagString(tag) + ": " + what);
    }
  }

  private void element(DicomDataset e, int i, DicomDataset a, int k, String path)
      throws IOException {
    int tag = e.tagAt(i);
    VR vr = e.vrAt(i);
    elementsCompared++;
    if (vr != a.vrAt(k)) {
      // pydicom only: its dcmread replaces UN by the dictionary VR (config
      // replace_un_with_known_vr), takes the VRs of private elements of Implicit VR files from its
      // private dictionary where we say UN, and resolves ambiguous dictionary VRs (US or SS, OB or
      // OW) by its own rules. None of these VRs is in the file, so their values are not comparable.
      if (mode == Mode.PYDICOM
          && (vr == VR.UN
              || a.vrAt(k) == VR.UN
              || org.highdicom4j.dicom.dict.ElementDictionary.vrsOf(tag).size() > 1)) {
        skippedVrMismatch++;
        return;
      }
      diff(path, tag, "VR " + vr + " became " + a.vrAt(k));
      return;
    }
    Object ev = e.valueAt(i);
    Object av = a.valueAt(k);
    if (vr == VR.SQ) {
      Sequence es = (Sequence) ev;
      Sequence as = (Sequence) av;
      if (es.size() != as.size()) {
        diff(path, tag, "items " + es.size() + " became " + as.size());
        return;
      }
      for (int n = 0; n < es.size(); n++) {
        compare(es.get(n), as.get(n), path + DicomDataset.tagString(tag) + "[" + n + "] ");
      }
      return;
    }
    if (ev instanceof Fragments || av instanceof Fragments) {
      if (!ev.equals(av)) {
        diff(path, tag, "encapsulated pixel data differs");
      }
      return;
    }
    if (vr.isText()) {
      text(e, a, tag, vr, path);
      return;
    }
    switch (vr) {
      case FL:
      case FD:
        // JSON holds values, not bytes: compared as values (Arrays.equals treats every NaN
        // alike, since JSON's "NaN" cannot carry a NaN payload).
        if (!Arrays.equals(e.getDoubles(tag), a.getDoubles(tag))) {
          diff(
              path,
              tag,
              Arrays.toString(e.getDoubles(tag)) + " became " + Arrays.toString(a.getDoubles(tag)));
        }
        return;
      case AT:
      case US:
      case SS:
      case UL:
      case SL:
      case UV:
      case SV:
        // Values, not bytes: a trailing partial value (malformed length) has no JSON form.
        if (!Arrays.equals(numbers(e, tag, vr), numbers(a, tag, vr))) {
          diff(path, tag, "numbers differ");
        }
        return;
      default:
        byte[] eb = bytes(ev);
        byte[] ab = bytes(av);
        if (mode == Mode.PYDICOM && bigEndian && vr.valueSize() > 1) {
          // pydicom keeps OW/OF/OL/OD/OV values of big-endian files in file byte order; PS3.18
          // F.2.7 wants PS3.5 byte order rules, we store little-endian: swap pydicom's to compare.
          // Native 32/64-bit Pixel Data in OW holds samples of that size: the reader swaps them
          // as samples (as the reference decodings do), not as 16-bit words.
          int unit = vr.valueSize();
          int bitsAllocated = e.getInt(0x00280100, 0);
          if (tag == 0x7FE00010 && vr == VR.OW && (bitsAllocated == 32 || bitsAllocated == 64)) {
            unit = bitsAllocated / 8;
          }
          ab = swap(ab, unit);
        }
        if (!Arrays.equals(eb, ab)) {
          diff(path, tag, "bytes differ (" + eb.length + " vs " + ab.length + ")");
        }
    }
  }

  private void text(DicomDataset e, DicomDataset a, int tag, VR vr, String path) {
    if (mode == Mode.PYDICOM && vr.usesSpecificCharacterSet()) {
      String cs = String.join("\\", e.specificCharacterSet().values()).strip();
      if (!DECODED_CHARSETS.contains(cs)) {
        // The interim SpecificCharacterSet decodes only the default repertoire, Latin-1 and
        // UTF-8; pydicom decodes the others correctly, so those values cannot agree yet.
        skippedCharset++;
        return;
      }
    }
    String[] ev = e.getStrings(tag);
    String[] av = a.getStrings(tag);
    if (vr == VR.PN) {
      // F.2.2 encodes only non-empty component groups: trailing empty groups ("Doe^John=")
      // have no JSON form.
      ev = trimGroups(ev);
      av = trimGroups(av);
    }
    if (mode == Mode.PYDICOM && (vr == VR.DS || vr == VR.IS)) {
      // pydicom converts IS and DS to Python numbers before writing JSON (87.09, 4.0 for "4"):
      // only the numeric value survives, so values are compared as numbers.
      if (!sameNumbers(ev, av)) {
        diff(path, tag, Arrays.toString(ev) + " became " + Arrays.toString(av));
      }
      return;
    }
    if (!Arrays.equals(ev, av)) {
      diff(path, tag, Arrays.toString(ev) + " became " + Arrays.toString(av));
    }
  }

  private static boolean sameNumbers(String[] e, String[] a) {
    if (e.length != a.length) {
      return false;
    }
    for (int n = 0; n < e.length; n++) {
      if (e[n].equals(a[n])) {
        continue;
      }
      try {
        if (Double.parseDouble(e[n]) != Double.parseDouble(a[n])) {
          return false;
        }
      } catch (NumberFormatException ex) {
        return false;
      }
    }
    return true;
  }

  private static String[] trimGroups(String[] v) {
    String[] out = new String[v.length];
    for (int n = 0; n < v.length; n++) {
      String s = v[n];
      while (s.endsWith("=")) {
        s = s.substring(0, s.length() - 1);
      }
      out[n] = s;
    }
    return out;
  }

  private static long[] numbers(DicomDataset ds, int tag, VR vr) {
    if (vr != VR.AT) {
      return ds.getLongs(tag);
    }
    int[] t = ds.getInts(tag);
    long[] out = new long[t.length];
    for (int n = 0; n < t.length; n++) {
      out[n] = t[n];
    }
    return out;
  }

  static byte[] bytes(Object v) throws IOException {
    if (v instanceof BulkDataRef) {
      return ((BulkDataRef) v).load();
    }
    return (byte[]) v;
  }

  private static byte[] swap(byte[] b, int unit) {
    byte[] out = b.clone();
    for (int p = 0; p + unit <= out.length; p += unit) {
      for (int q = 0; q < unit / 2; q++) {
        byte t = out[p + q];
        out[p + q] = out[p + unit - 1 - q];
        out[p + unit - 1 - q] = t;
      }
    }
    return out;
  }
}
