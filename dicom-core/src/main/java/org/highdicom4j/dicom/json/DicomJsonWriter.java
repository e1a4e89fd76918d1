package org.highdicom4j.dicom.json;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Objects;
import org.highdicom4j.dicom.data.BulkDataRef;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.io.DicomFile;

/**
 * Writes a data set in the DICOM JSON Model (PS3.18 Annex F.2), the metadata format of DICOMweb.
 *
 * <p>Each element becomes a member named by its tag in eight upper-case hex digits, in tag order,
 * holding "vr" and, unless the value is empty, one of "Value" (text, numbers, person names, tags,
 * sequence items), "InlineBinary" (base64 of the little-endian value of OB, OD, OF, OL, OV, OW and
 * UN) or "BulkDataURI". Text is written without its insignificant padding; empty values within a
 * multi-valued element are written as null. The choices PS3.18 leaves open are listed in the
 * package description. pydicom's counterpart is {@code Dataset.to_json_dict}.
 */
public final class DicomJsonWriter {
  /** Nesting limit: far beyond real data, it keeps recursion well inside the thread stack. */
  static final int MAX_DEPTH = 256;

  private static final long MAX_SAFE_INTEGER = (1L << 53) - 1;

  private final JsonOutput out;
  private final JsonWriteOptions options;

  private DicomJsonWriter(JsonOutput out, JsonWriteOptions options) {
    this.out = out;
    this.options = options;
  }

  /**
   * Returns a data set as compact DICOM JSON with every value inline.
   *
   * @param ds the data set
   * @return the JSON object
   * @throws UncheckedIOException when a value held by reference cannot be read
   */
  public static String toJson(DicomDataset ds) {
    return toJson(ds, JsonWriteOptions.DEFAULT);
  }

  /**
   * Returns a data set as DICOM JSON.
   *
   * @param ds the data set
   * @param options output options
   * @return the JSON object
   * @throws UncheckedIOException when a value held by reference cannot be read
   */
  public static String toJson(DicomDataset ds, JsonWriteOptions options) {
    StringWriter sw = new StringWriter();
    try {
      write(ds, sw, options);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return sw.toString();
  }

  /**
   * Writes a data set as DICOM JSON.
   *
   * @param ds the data set
   * @param out where to write (not closed, flushed)
   * @param options output options
   * @throws IOException when writing fails or a value held by reference cannot be read
   * @throws IllegalArgumentException when sequences nest deeper than 256 levels
   */
  public static void write(DicomDataset ds, Writer out, JsonWriteOptions options)
      throws IOException {
    Objects.requireNonNull(ds, "ds");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(options, "options");
    DicomJsonWriter w = new DicomJsonWriter(new JsonOutput(out, options.pretty()), options);
    w.out.beginObject();
    for (int i = 0; i < ds.size(); i++) {
      w.element(ds, i, 0);
    }
    w.out.endObject();
    w.out.flush();
  }

  /**
   * Writes a DICOM file as DICOM JSON: its data set, preceded by its File Meta Information when the
   * options include it.
   *
   * @param file the file
   * @param out where to write (not closed, flushed)
   * @param options output options
   * @throws IOException when writing fails or a value held by reference cannot be read
   */
  public static void write(DicomFile file, Writer out, JsonWriteOptions options)
      throws IOException {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(out, "out");
    Objects.requireNonNull(options, "options");
    DicomDataset meta = file.fileMetaInformation().dataset();
    DicomDataset ds = file.dataset();
    DicomJsonWriter w = new DicomJsonWriter(new JsonOutput(out, options.pretty()), options);
    w.out.beginObject();
    int i = 0;
    int k = 0;
    boolean withMeta = options.includeFileMetaInformation();
    while (i < ds.size() || (withMeta && k < meta.size())) {
      boolean takeMeta =
          withMeta
              && k < meta.size()
              && (i >= ds.size()
                  || Integer.compareUnsigned(meta.tagAt(k), ds.tagAt(i)) < 0
                  || meta.tagAt(k) == ds.tagAt(i));
      if (takeMeta) {
        if (i < ds.size() && meta.tagAt(k) == ds.tagAt(i)) {
          i++; // the file's own meta information wins over a stray copy in the data set
        }
        w.element(meta, k++, 0);
      } else {
        w.element(ds, i++, 0);
      }
    }
    w.out.endObject();
    w.out.flush();
  }

  private void element(DicomDataset ds, int i, int depth) throws IOException {
    int tag = ds.tagAt(i);
    if ((tag & 0xffff) == 0 && !options.includeGroupLength()) {
      return;
    }
    if ((tag >>> 16) == 0x0002 && !options.includeFileMetaInformation()) {
      return;
    }
    VR vr = ds.vrAt(i);
    Object value = ds.valueAt(i);
    out.name(String.format("%08X", tag));
    out.beginObject();
    out.name("vr");
    out.stringValue(vr.name());
    if (value instanceof BulkDataRef && ((BulkDataRef) value).source() == null) {
      out.name("BulkDataURI");
      out.stringValue(((BulkDataRef) value).uri());
    } else if (vr == VR.SQ) {
      sequence((Sequence) value, tag, depth);
    } else if (isBulkVr(vr)) {
      binary(ds, tag, vr, value);
    } else if (vr.isText()) {
      text(ds, tag, vr);
    } else {
      numbers(ds, tag, vr);
    }
    out.endObject();
  }

  /** The VRs whose values the JSON model holds as InlineBinary or BulkDataURI (PS3.18 F.2.7). */
  static boolean isBulkVr(VR vr) {
    switch (vr) {
      case OB:
      case OD:
      case OF:
      case OL:
      case OV:
      case OW:
      case UN:
        return true;
      default:
        return false;
    }
  }

  private void sequence(Sequence seq, int tag, int depth) throws IOException {
    if (seq.isEmpty()) {
      return;
    }
    if (depth >= MAX_DEPTH) {
      throw new IllegalArgumentException(
          DicomDataset.tagString(tag)
              + " sequences nest too deeply for DICOM JSON (expected at most "
              + MAX_DEPTH
              + " levels)");
    }
    out.name("Value");
    out.beginArray();
    for (DicomDataset item : seq.items()) {
      out.beginObject();
      for (int k = 0; k < item.size(); k++) {
        element(item, k, depth + 1);
      }
      out.endObject();
    }
    out.endArray();
  }

  private void binary(DicomDataset ds, int tag, VR vr, Object value) throws IOException {
    long length =
        value instanceof Fragments
            ? Encapsulation.encodedLength((Fragments) value)
            : value instanceof BulkDataRef
                ? ((BulkDataRef) value).length()
                : ((byte[]) value).length;
    if (length == 0) {
      return;
    }
    if (options.bulkDataUriProvider() != null && length > options.bulkDataThreshold()) {
      String uri =
          options.bulkDataUriProvider().apply(new BulkDataContext(ds, tag, vr, length, value));
      if (uri != null) {
        out.name("BulkDataURI");
        out.stringValue(uri);
        return;
      }
    }
    byte[] bytes;
    if (value instanceof Fragments) {
      bytes = Encapsulation.encode((Fragments) value);
    } else if (value instanceof BulkDataRef) {
      bytes = ((BulkDataRef) value).load();
    } else {
      bytes = (byte[]) value;
    }
    out.name("InlineBinary");
    out.base64Value(bytes);
  }

  private void text(DicomDataset ds, int tag, VR vr) throws IOException {
    String[] values = ds.getStrings(tag);
    if (values.length == 0) {
      return;
    }
    out.name("Value");
    out.beginArray();
    for (String v : values) {
      if (vr == VR.PN) {
        personName(v);
      } else if (v.isEmpty()) {
        out.nullValue();
      } else if ((vr == VR.IS || vr == VR.DS) && JsonLexer.isJsonNumber(v)) {
        out.numberValue(v);
      } else {
        out.stringValue(v);
      }
    }
    out.endArray();
  }

  /** Writes a PN value as an object of its non-empty component groups (F.2.2), or null. */
  private void personName(String v) throws IOException {
    String[] groups = v.split("=", -1);
    boolean any = false;
    for (String g : groups) {
      any |= !g.isEmpty();
    }
    if (!any) {
      out.nullValue();
      return;
    }
    out.beginObject();
    String[] names = {"Alphabetic", "Ideographic", "Phonetic"};
    for (int k = 0; k < groups.length && k < names.length; k++) {
      if (!groups[k].isEmpty()) {
        out.name(names[k]);
        out.stringValue(groups[k]);
      }
    }
    out.endObject();
  }

  private void numbers(DicomDataset ds, int tag, VR vr) throws IOException {
    if (vr == VR.AT) {
      int[] tags = ds.getInts(tag);
      if (tags.length == 0) {
        return;
      }
      out.name("Value");
      out.beginArray();
      for (int t : tags) {
        out.stringValue(String.format("%08X", t));
      }
      out.endArray();
      return;
    }
    if (vr == VR.FL || vr == VR.FD) {
      double[] d = vr == VR.FD ? ds.getDoubles(tag) : null;
      float[] f = vr == VR.FL ? ds.getFloats(tag) : null;
      int n = d != null ? d.length : f.length;
      if (n == 0) {
        return;
      }
      out.name("Value");
      out.beginArray();
      for (int k = 0; k < n; k++) {
        double v = d != null ? d[k] : f[k];
        if (Double.isNaN(v)) {
          out.stringValue("NaN");
        } else if (Double.isInfinite(v)) {
          out.stringValue(v > 0 ? "Infinity" : "-Infinity");
        } else {
          out.numberValue(d != null ? Double.toString(d[k]) : Float.toString(f[k]));
        }
      }
      out.endArray();
      return;
    }
    long[] l = ds.getLongs(tag);
    if (l.length == 0) {
      return;
    }
    out.name("Value");
    out.beginArray();
    for (long v : l) {
      boolean unsigned = vr == VR.UV;
      boolean safe = v <= MAX_SAFE_INTEGER && v >= (unsigned ? 0 : -MAX_SAFE_INTEGER);
      String s = unsigned ? Long.toUnsignedString(v) : Long.toString(v);
      if (safe || (vr != VR.UV && vr != VR.SV)) {
        out.numberValue(s);
      } else {
        out.stringValue(s);
      }
    }
    out.endArray();
  }
}
