package org.highdicom4j.dicom.data;

import java.util.Objects;
import org.highdicom4j.dicom.dict.ElementDictionary;

/**
 * Encoding of values for the typed setters of a {@link DicomDataset}: the checks of the value types
 * a VR can hold, string values joined with backslashes, numbers as binary values or as IS and DS
 * text, and strings parsed into binary numbers.
 */
final class ValueEncoding {
  private ValueEncoding() {}

  /** Returns the VR of a data dictionary tag, for the setters that take none. */
  static VR dictionaryVr(int tag) {
    VR vr = ElementDictionary.vrOf(tag);
    if (vr == VR.UN) {
      throw new IllegalArgumentException(
          DicomDataset.tagString(tag) + " is not in the data dictionary: give the VR explicitly");
    }
    return vr;
  }

  /**
   * Returns the value to store for {@link DicomDataset#putValue}: the value itself, or a new empty
   * sequence for an empty SQ value.
   *
   * @throws IllegalArgumentException when the value type does not fit the VR
   */
  static Object checkedValue(DicomDataset ds, int tag, VR vr, Object value) {
    if (vr == VR.SQ) {
      if (!(value instanceof Sequence)) {
        if (value instanceof byte[] && ((byte[]) value).length == 0) {
          return new Sequence(ds);
        }
        throw new IllegalArgumentException(
            DicomDataset.tagString(tag) + " SQ value must be a Sequence");
      } else if (((Sequence) value).parent() != ds) {
        throw new IllegalArgumentException(
            DicomDataset.tagString(tag)
                + " sequence belongs to another data set: use newSequence()");
      }
    } else if (value instanceof String) {
      if (!vr.isText()) {
        throw new IllegalArgumentException(
            DicomDataset.tagString(tag) + " a String value needs a text VR, not " + vr);
      }
    } else if (value instanceof Sequence
        || !(value instanceof byte[]
            || value instanceof Fragments
            || value instanceof BulkDataRef)) {
      throw new IllegalArgumentException(
          DicomDataset.tagString(tag)
              + " unsupported value type for "
              + vr
              + ": "
              + value.getClass());
    }
    return value;
  }

  /**
   * Joins the values of a text element with backslashes.
   *
   * @throws IllegalArgumentException when the VR is not text, a value of a multi-valued string VR
   *     contains a backslash, or a TEXT VR gets several values
   */
  static String joinStrings(int tag, VR vr, String[] values) {
    if (!vr.isText()) {
      throw new IllegalArgumentException(
          DicomDataset.tagString(tag) + " cannot hold strings (expected a text VR): " + vr);
    }
    if (vr.kind() == VR.Kind.TEXT && values.length > 1) {
      throw new IllegalArgumentException(
          DicomDataset.tagString(tag)
              + " "
              + vr
              + " is single valued (expected 1 value): "
              + values.length);
    }
    for (String v : values) {
      Objects.requireNonNull(v, "values");
      if (vr.kind() == VR.Kind.STRING && v.indexOf('\\') >= 0) {
        throw new IllegalArgumentException(
            DicomDataset.tagString(tag)
                + " value must not contain a backslash (it separates values): "
                + v);
      }
    }
    return String.join("\\", values);
  }

  /** Sets a binary element (AT or a binary VR) from string values parsed as numbers. */
  static void setBinaryFromStrings(DicomDataset ds, int tag, VR vr, String[] values) {
    if (vr == VR.FL || vr == VR.FD || vr == VR.OF || vr == VR.OD) {
      double[] d = new double[values.length];
      for (int k = 0; k < d.length; k++) {
        d[k] = Double.parseDouble(values[k].strip());
      }
      ds.setDouble(tag, vr, d);
    } else if (vr == VR.AT) {
      int[] t = new int[values.length];
      for (int k = 0; k < t.length; k++) {
        t[k] = (int) Long.parseLong(values[k].strip().replaceAll("[(),]", ""), 16);
      }
      ds.setInt(tag, vr, t);
    } else {
      long[] l = new long[values.length];
      for (int k = 0; k < l.length; k++) {
        l[k] = Long.parseLong(values[k].strip());
      }
      ds.setLong(tag, vr, l);
    }
  }

  /** Widens int values to longs; AT values (tags) are unsigned. */
  static long[] widen(VR vr, int[] values) {
    long[] l = new long[values.length];
    for (int k = 0; k < l.length; k++) {
      l[k] = vr == VR.AT ? values[k] & 0xffffffffL : values[k];
    }
    return l;
  }

  /** Sets 64-bit integer values as IS or DS text, as floating-point values, or binary. */
  static void setLong(DicomDataset ds, int tag, VR vr, long[] values) {
    if (vr == VR.IS || vr == VR.DS) {
      String[] s = new String[values.length];
      for (int k = 0; k < s.length; k++) {
        s[k] = Long.toString(values[k]);
      }
      ds.setString(tag, vr, s);
      return;
    }
    if (vr == VR.FL || vr == VR.FD || vr == VR.OF || vr == VR.OD) {
      double[] d = new double[values.length];
      for (int k = 0; k < d.length; k++) {
        d[k] = values[k];
      }
      ds.setDouble(tag, vr, d);
      return;
    }
    ds.putValue(tag, vr, LittleEndian.encodeIntegers(tag, vr, values));
  }

  /** Sets floating-point values as FL, FD, OF, OD or DS text (at most 16 characters each). */
  static void setDouble(DicomDataset ds, int tag, VR vr, double[] values) {
    switch (vr) {
      case FL:
      case OF:
        ds.putValue(tag, vr, LittleEndian.encodeFloats(values));
        return;
      case FD:
      case OD:
        ds.putValue(tag, vr, LittleEndian.encodeDoubles(values));
        return;
      case DS:
        String[] s = new String[values.length];
        for (int k = 0; k < s.length; k++) {
          s[k] = DecimalStrings.format(values[k]);
        }
        ds.setString(tag, vr, s);
        return;
      default:
        throw new IllegalArgumentException(
            DicomDataset.tagString(tag)
                + " cannot hold floating-point values (expected FL, FD, OF, OD, DS): "
                + vr);
    }
  }
}
