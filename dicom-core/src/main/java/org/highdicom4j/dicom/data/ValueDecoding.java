package org.highdicom4j.dicom.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * Decoding of the stored values of a {@link DicomDataset} for its typed accessors: encoded bytes
 * (bulk data read), text decoded once in the character set in force, string values split and
 * trimmed as PS3.5 says, and numbers from binary and text VRs. Each method takes the data set and
 * the position of an element that is present.
 */
final class ValueDecoding {
  static final String[] NO_STRINGS = new String[0];
  static final int[] NO_INTS = new int[0];

  private ValueDecoding() {}

  /**
   * Returns the Specific Character Set (0008,0005) in force for a data set: its own, or for a
   * sequence item without one, that of the enclosing data set.
   */
  static SpecificCharacterSet charsetInForce(DicomDataset ds) {
    int i = ds.indexOf(DicomDataset.SPECIFIC_CHARACTER_SET);
    if (i >= 0) {
      String raw = asciiText(ds, i);
      return SpecificCharacterSet.of(raw.isEmpty() ? new String[0] : raw.split("\\\\", -1));
    }
    Sequence parent = ds.parent();
    if (parent != null && parent.parent() != null) {
      return parent.parent().specificCharacterSet();
    }
    return SpecificCharacterSet.DEFAULT;
  }

  static byte[] bytesOf(DicomDataset ds, int i) {
    ElementStore s = ds.store;
    Object v = s.values[i];
    if (v instanceof byte[]) {
      return (byte[]) v;
    }
    if (v instanceof String) {
      return ds.specificCharacterSet().encode((String) v, s.vrs[i]);
    }
    if (v instanceof BulkDataRef) {
      try {
        return ((BulkDataRef) v).load();
      } catch (IOException e) {
        throw new UncheckedIOException(
            DicomDataset.tagString(s.tags[i]) + " bulk data cannot be read: " + e.getMessage(), e);
      }
    }
    throw new IllegalStateException(
        DicomDataset.tagString(s.tags[i])
            + " value is not a byte value (expected bytes): "
            + s.vrs[i]);
  }

  /**
   * Decoded text of a text-VR element, padding removed. Decoding happens once; the raw bytes stay
   * the value, so a data set is written back as it was read even where its text cannot be
   * re-encoded (e.g. bytes above 0x7F without a Specific Character Set).
   */
  static String text(DicomDataset ds, int i) {
    ElementStore s = ds.store;
    Object v = s.values[i];
    if (v instanceof String) {
      return (String) v;
    }
    String cached = s.cachedText(i);
    if (cached != null) {
      return cached;
    }
    VR vr = s.vrs[i];
    byte[] b = bytesOf(ds, i);
    String text = ds.specificCharacterSet().decode(b, 0, trimmedLength(b, vr), vr);
    if (v instanceof byte[]) {
      s.cacheText(i, text);
    }
    return text;
  }

  /** Text of an element that must have a text VR (see {@link DicomDataset#getText}). */
  static String textOf(DicomDataset ds, int i) {
    if (!ds.store.vrs[i].isText()) {
      throw new IllegalStateException(
          DicomDataset.tagString(ds.store.tags[i])
              + " is not a text element (expected a string VR): "
              + ds.store.vrs[i]);
    }
    return text(ds, i);
  }

  /** Text of an element in the default repertoire, whatever its VR (for CS and creator values). */
  static String asciiText(DicomDataset ds, int i) {
    Object v = ds.store.values[i];
    if (v instanceof String) {
      return (String) v;
    }
    byte[] b = bytesOf(ds, i);
    return SpecificCharacterSet.DEFAULT.decode(b, 0, trimmedLength(b, VR.CS), VR.CS);
  }

  /** Length without trailing padding: spaces (text) and NULs (any VR, commonly found). */
  static int trimmedLength(byte[] b, VR vr) {
    int n = b.length;
    while (n > 0 && (b[n - 1] == 0 || (b[n - 1] == ' ' && vr != VR.UI))) {
      n--;
    }
    return n;
  }

  /**
   * Called before Specific Character Set (0008,0005) changes: text still held as bytes in the old
   * character set is decoded first, here and in items that inherit it, so it is re-encoded
   * correctly on writing.
   */
  static void charsetChanging(DicomDataset ds) {
    decodeAllText(ds);
    ds.store.charset = null;
  }

  /**
   * Decodes text still held as bytes in the character set in force, here and in items that inherit
   * it, before Specific Character Set (0008,0005) changes, so it is re-encoded correctly on
   * writing.
   */
  private static void decodeAllText(DicomDataset ds) {
    ElementStore s = ds.store;
    for (int i = 0; i < s.size; i++) {
      Object v = s.values[i];
      if (v instanceof byte[] && s.vrs[i].usesSpecificCharacterSet()) {
        // From now on the text is the value: it is encoded in the new character set on writing.
        s.values[i] = text(ds, i);
        if (s.decoded != null) {
          s.decoded[i] = null;
        }
      } else if (v instanceof Sequence) {
        for (DicomDataset item : ((Sequence) v).items()) {
          if (!item.contains(DicomDataset.SPECIFIC_CHARACTER_SET)) {
            decodeAllText(item);
            item.store.charset = null;
          }
        }
      }
    }
  }

  /** String values of a text element, or of a binary numeric element formatted as text. */
  static String[] strings(DicomDataset ds, int i) {
    VR vr = ds.store.vrs[i];
    if (vr.isText()) {
      String s = text(ds, i);
      if (s.isEmpty()) {
        return NO_STRINGS;
      }
      String[] parts = vr.kind() == VR.Kind.TEXT ? new String[] {s} : s.split("\\\\", -1);
      for (int k = 0; k < parts.length; k++) {
        parts[k] = trimValue(parts[k], vr);
      }
      return parts;
    }
    if (vr == VR.FL || vr == VR.FD || vr == VR.OF || vr == VR.OD) {
      double[] d = doubles(ds, i);
      String[] out = new String[d.length];
      for (int k = 0; k < d.length; k++) {
        out[k] = Double.toString(d[k]);
      }
      return out;
    }
    if (vr == VR.AT) {
      int[] t = ints(ds, i);
      String[] out = new String[t.length];
      for (int k = 0; k < t.length; k++) {
        out[k] = String.format("%08X", t[k]);
      }
      return out;
    }
    if (vr == VR.US || vr == VR.SS || vr == VR.UL || vr == VR.SL || vr == VR.UV || vr == VR.SV) {
      long[] l = longs(ds, i);
      String[] out = new String[l.length];
      for (int k = 0; k < l.length; k++) {
        out[k] = vr == VR.UV ? Long.toUnsignedString(l[k]) : Long.toString(l[k]);
      }
      return out;
    }
    throw new IllegalStateException(
        DicomDataset.tagString(ds.store.tags[i])
            + " has no string values (expected a text or numeric VR): "
            + vr);
  }

  private static String trimValue(String s, VR vr) {
    switch (vr) {
      case AE:
      case CS:
      case DS:
      case IS:
      case LO:
      case SH:
        return s.strip();
      case UI:
        return s.replace("\0", "").strip();
      default:
        return stripTrailing(s);
    }
  }

  private static String stripTrailing(String s) {
    int n = s.length();
    while (n > 0 && (s.charAt(n - 1) == ' ' || s.charAt(n - 1) == '\0')) {
      n--;
    }
    return s.substring(0, n);
  }

  static int[] ints(DicomDataset ds, int i) {
    int tag = ds.store.tags[i];
    VR vr = ds.store.vrs[i];
    if (vr == VR.IS || vr == VR.DS) {
      String[] s = strings(ds, i);
      int[] out = new int[s.length];
      for (int k = 0; k < s.length; k++) {
        out[k] = vr == VR.IS ? Integer.parseInt(s[k]) : (int) Double.parseDouble(s[k]);
      }
      return out;
    }
    if (vr == VR.AT) {
      byte[] b = bytesOf(ds, i);
      int[] out = new int[b.length / 4];
      for (int k = 0; k < out.length; k++) {
        out[k] = (LittleEndian.u16(b, 4 * k) << 16) | LittleEndian.u16(b, 4 * k + 2);
      }
      return out;
    }
    long[] l = longs(ds, i);
    int[] out = new int[l.length];
    for (int k = 0; k < l.length; k++) {
      if (l[k] < Integer.MIN_VALUE || l[k] > Integer.MAX_VALUE) {
        throw new IllegalStateException(
            DicomDataset.tagString(tag)
                + " value does not fit an int (expected a 32-bit value): "
                + l[k]);
      }
      out[k] = (int) l[k];
    }
    return out;
  }

  static long[] longs(DicomDataset ds, int i) {
    int tag = ds.store.tags[i];
    VR vr = ds.store.vrs[i];
    if (vr == VR.IS || vr == VR.DS) {
      String[] s = strings(ds, i);
      long[] out = new long[s.length];
      for (int k = 0; k < s.length; k++) {
        out[k] = vr == VR.IS ? Long.parseLong(s[k]) : (long) Double.parseDouble(s[k]);
      }
      return out;
    }
    byte[] b = bytesOf(ds, i);
    switch (vr) {
      case US:
      case OW:
        return LittleEndian.u16s(b);
      case SS:
        return LittleEndian.s16s(b);
      case UL:
      case OL:
        return LittleEndian.u32s(b);
      case SL:
        return LittleEndian.s32s(b);
      case UV:
      case SV:
      case OV:
        return LittleEndian.s64s(b);
      default:
        throw new IllegalStateException(
            DicomDataset.tagString(tag)
                + " has no integer values (expected US, SS, UL, SL, UV, SV, IS): "
                + vr);
    }
  }

  static double[] doubles(DicomDataset ds, int i) {
    VR vr = ds.store.vrs[i];
    switch (vr) {
      case FL:
      case OF:
        return LittleEndian.f32s(bytesOf(ds, i));
      case FD:
      case OD:
        return LittleEndian.f64s(bytesOf(ds, i));
      case DS:
      case IS:
        {
          String[] s = strings(ds, i);
          double[] out = new double[s.length];
          for (int k = 0; k < s.length; k++) {
            out[k] = Double.parseDouble(s[k]);
          }
          return out;
        }
      default:
        long[] l = longs(ds, i);
        double[] out = new double[l.length];
        for (int k = 0; k < l.length; k++) {
          out[k] = vr == VR.UV && l[k] < 0 ? Double.parseDouble(Long.toUnsignedString(l[k])) : l[k];
        }
        return out;
    }
  }

  static float[] floats(DicomDataset ds, int i) {
    if (ds.store.vrs[i] == VR.FL || ds.store.vrs[i] == VR.OF) {
      return LittleEndian.f32sAsFloats(bytesOf(ds, i));
    }
    double[] d = doubles(ds, i);
    float[] out = new float[d.length];
    for (int k = 0; k < d.length; k++) {
      out[k] = (float) d[k];
    }
    return out;
  }

  /** Compares two data sets element by element (see {@link DicomDataset#equals}). */
  static boolean sameElements(DicomDataset a, DicomDataset b) {
    if (a.store.size != b.store.size) {
      return false;
    }
    for (int i = 0; i < a.store.size; i++) {
      if (a.store.tags[i] != b.store.tags[i] || a.store.vrs[i] != b.store.vrs[i]) {
        return false;
      }
      if (!valueEquals(a, i, b)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Compares the values at the same position of two data sets (see {@link DicomDataset#equals}).
   */
  private static boolean valueEquals(DicomDataset ds, int i, DicomDataset other) {
    Object a = ds.store.values[i];
    Object b = other.store.values[i];
    VR vr = ds.store.vrs[i];
    if (a instanceof Sequence || b instanceof Sequence) {
      return a.equals(b);
    }
    if (a instanceof Fragments || b instanceof Fragments) {
      return a.equals(b);
    }
    if (vr.isText()) {
      return text(ds, i).equals(text(other, i));
    }
    return Arrays.equals(bytesOf(ds, i), bytesOf(other, i));
  }
}
