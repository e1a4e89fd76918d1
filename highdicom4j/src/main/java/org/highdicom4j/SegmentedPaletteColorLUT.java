package org.highdicom4j;

import java.util.Objects;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * One channel of a Segmented Palette Color Lookup Table (PS3.3 C.7.9.2): Segmented {Red, Green,
 * Blue} Palette Color Lookup Table Data (0028,1221-1223), expanded into a plain table on creation;
 * highdicom's {@code SegmentedPaletteColorLUT}. Immutable.
 *
 * <p>Segments (C.7.9.2.1-3): discrete (opcode 0, length n, then n values), linear (opcode 1, length
 * n, end value: n values interpolated from the previous value, exclusive, to the end value,
 * inclusive, rounded half to even) and indirect (opcode 2, number of segments, 32-bit offset as two
 * words least significant first — for 8-bit data four bytes — counted in entries of the segmented
 * data) copying earlier segments.
 */
public final class SegmentedPaletteColorLUT {
  private final int firstMappedValue;
  private final NdArray segmentedLutData;
  private final NdArray lutData;
  private final String color;

  /**
   * Creates one channel and expands it, validating as highdicom does.
   *
   * @param firstMappedValue the pixel value mapped to entry 0
   * @param segmentedLutData the segments: UINT8 or UINT16, one axis (copied)
   * @param color "red", "green" or "blue"
   * @throws IllegalArgumentException for invalid arguments or malformed segments
   */
  public SegmentedPaletteColorLUT(int firstMappedValue, NdArray segmentedLutData, String color) {
    Objects.requireNonNull(segmentedLutData, "segmentedLutData");
    int bits = LutAttributes.checkLutData(segmentedLutData, "segmented_lut_data");
    PaletteColorLUT.checkFirst(firstMappedValue, bits);
    this.color = PaletteColorLUT.checkColor(color);
    this.firstMappedValue = firstMappedValue;
    this.segmentedLutData = segmentedLutData.copy();
    this.lutData = expand(this.segmentedLutData);
  }

  /**
   * Expands segmented LUT data (PS3.3 C.7.9.2).
   *
   * @param segments the segments, UINT8 or UINT16
   * @return the table, same dtype, at most 65536 entries
   * @throws IllegalArgumentException for malformed segments
   */
  static NdArray expand(NdArray segments) {
    int bits = segments.dtype() == DType.UINT8 ? 8 : 16;
    int n = segments.size();
    long[] s = new long[n];
    for (int i = 0; i < n; i++) {
      s[i] = segments.getFlatLong(i);
    }
    long[] out = new long[65536];
    int len = expandRange(s, 0, n, Integer.MAX_VALUE, bits, out, 0, false);
    NdArray result = NdArray.zeros(segments.dtype(), len);
    for (int i = 0; i < len; i++) {
      result.setFlatLong(i, out[i]);
    }
    return result;
  }

  /** Expands segments from index {@code from} (at most {@code maxSegments}); returns new length. */
  private static int expandRange(
      long[] s, int from, int to, int maxSegments, int bits, long[] out, int len, boolean nested) {
    int i = from;
    int segments = 0;
    while (i < to && segments < maxSegments) {
      int op = (int) s[i];
      if (i + 1 >= to) {
        if (!nested && op == 0 && bits == 8) {
          break; // the pad byte that makes odd 8-bit data an even-length OW value
        }
        throw malformed("segment at entry " + i + " is truncated");
      }
      int length = (int) s[i + 1];
      switch (op) {
        case 0:
          if (i + 2 + (long) length > to) {
            throw malformed("discrete segment at entry " + i + " runs past the data");
          }
          len = reserve(len, length);
          for (int k = 0; k < length; k++) {
            out[len - length + k] = s[i + 2 + k];
          }
          i += 2 + length;
          break;
        case 1:
          if (i + 2 >= to) {
            throw malformed("linear segment at entry " + i + " is truncated");
          }
          if (len == 0) {
            throw malformed("the first segment cannot be a linear segment");
          }
          double y0 = out[len - 1];
          double y1 = s[i + 2];
          len = reserve(len, length);
          for (int k = 1; k <= length; k++) {
            out[len - length + k - 1] = (long) Math.rint(y0 + (y1 - y0) * k / length);
          }
          i += 3;
          break;
        case 2:
          if (nested) {
            throw malformed("an indirect segment may not copy another indirect segment");
          }
          int words = bits == 8 ? 4 : 2;
          if (i + 1 + words >= to) {
            throw malformed("indirect segment at entry " + i + " is truncated");
          }
          long offset =
              bits == 8
                  ? s[i + 2] | s[i + 3] << 8 | s[i + 4] << 16 | s[i + 5] << 24
                  : s[i + 2] | s[i + 3] << 16;
          if (offset < 0 || offset >= i) {
            throw malformed("indirect segment at entry " + i + " has an invalid offset " + offset);
          }
          len = expandRange(s, (int) offset, i, length, bits, out, len, true);
          i += 2 + words;
          break;
        default:
          throw malformed("unknown segment type " + op + " at entry " + i);
      }
      segments++;
    }
    return len;
  }

  private static int reserve(int len, int add) {
    if (len + (long) add > 65536) {
      throw malformed("the expanded table exceeds 65536 entries");
    }
    return len + add;
  }

  private static IllegalArgumentException malformed(String problem) {
    return new IllegalArgumentException(
        "SegmentedPaletteColorLookupTableData (0028,1221) is malformed (expected PS3.3 C.7.9.2"
            + " segments): "
            + problem);
  }

  private SegmentedPaletteColorLUT(
      int firstMappedValue, NdArray segmentedLutData, NdArray lutData, String color) {
    this.firstMappedValue = firstMappedValue;
    this.segmentedLutData = segmentedLutData;
    this.lutData = lutData;
    this.color = color;
  }

  static int segmentedDataTag(String color) {
    switch (color) {
      case "red":
        return Tag.SegmentedRedPaletteColorLookupTableData;
      case "green":
        return Tag.SegmentedGreenPaletteColorLookupTableData;
      default:
        return Tag.SegmentedBluePaletteColorLookupTableData;
    }
  }

  /**
   * Reads one channel from a data set holding segmented palette attributes; highdicom's {@code
   * SegmentedPaletteColorLUT.extract_from_dataset}.
   *
   * @param dataset the data set
   * @param color "red", "green" or "blue"
   * @return the channel
   * @throws IllegalArgumentException when attributes are missing or malformed
   */
  public static SegmentedPaletteColorLUT extractFromDataset(DicomDataset dataset, String color) {
    Objects.requireNonNull(dataset, "dataset");
    String c = PaletteColorLUT.checkColor(color);
    LutAttributes.Descriptor d =
        LutAttributes.descriptor(
            dataset,
            PaletteColorLUT.descriptorTag(c),
            dataset.getInt(Tag.PixelRepresentation, 0) == 1);
    byte[] b = dataset.getBytes(segmentedDataTag(c));
    if (b == null) {
      throw new IllegalArgumentException(
          DicomDataset.tagString(segmentedDataTag(c)) + " is missing (expected present)");
    }
    NdArray seg;
    if (d.bits() == 16) {
      seg = LutAttributes.data(b, segmentedDataTag(c), b.length / 2, 16);
    } else if (d.bits() == 8) {
      seg = LutAttributes.data(b, segmentedDataTag(c), b.length, 8);
    } else {
      throw new IllegalArgumentException(
          DicomDataset.tagString(PaletteColorLUT.descriptorTag(c))
              + " has an unsupported number of bits per entry (expected 8 or 16): "
              + d.bits());
    }
    NdArray expanded = expand(seg);
    return new SegmentedPaletteColorLUT(d.firstMappedValue(), seg, expanded, c);
  }

  /** Returns the channel: "red", "green" or "blue". */
  public String color() {
    return color;
  }

  /** Returns the pixel value mapped to the first entry. */
  public int firstMappedValue() {
    return firstMappedValue;
  }

  /** Returns a copy of the segmented data. */
  public NdArray segmentedLutData() {
    return segmentedLutData.copy();
  }

  /** Returns a copy of the expanded table. */
  public NdArray lutData() {
    return lutData.copy();
  }

  /** Returns the number of entries of the expanded table. */
  public int numberOfEntries() {
    return lutData.size();
  }

  /** Returns the bits per entry, 8 or 16. */
  public int bitsPerEntry() {
    return lutData.dtype() == DType.UINT8 ? 8 : 16;
  }

  /**
   * Returns the expanded table as a plain (unsegmented) channel.
   *
   * @return the channel
   */
  public PaletteColorLUT toPaletteColorLUT() {
    return PaletteColorLUT.unchecked(firstMappedValue, lutData, color);
  }

  /**
   * Returns the descriptor (entries of the expanded table) and the segmented data as a new data
   * set.
   *
   * @return a new, modifiable data set
   */
  public DicomDataset toDataset() {
    DicomDataset ds = new DicomDataset();
    LutAttributes.putDescriptor(
        ds,
        PaletteColorLUT.descriptorTag(color),
        numberOfEntries(),
        firstMappedValue,
        bitsPerEntry());
    ds.setBytes(segmentedDataTag(color), VR.OW, LutAttributes.encode(segmentedLutData));
    return ds;
  }
}
