package org.highdicom4j;

import java.util.Locale;
import java.util.Objects;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * One channel of a Palette Color Lookup Table (PS3.3 C.7.6.3.1.5 and C.7.6.3.1.6): {Red, Green,
 * Blue} Palette Color Lookup Table Descriptor (0028,1101-1103) and Data (0028,1201-1203);
 * highdicom's {@code PaletteColorLUT}. Immutable.
 */
public final class PaletteColorLUT {
  private final int firstMappedValue;
  private final NdArray lutData;
  private final String color;

  /**
   * Creates one channel, validating as highdicom does.
   *
   * @param firstMappedValue the pixel value mapped to entry 0: 0 to 2^bits − 1
   * @param lutData the entries: UINT8 or UINT16, one axis, 1 to 2^bits entries (copied)
   * @param color "red", "green" or "blue" (any case)
   * @throws IllegalArgumentException when a value is out of range or of the wrong type
   */
  public PaletteColorLUT(int firstMappedValue, NdArray lutData, String color) {
    Objects.requireNonNull(lutData, "lutData");
    int bits = LutAttributes.checkLutData(lutData, "lut_data");
    checkFirst(firstMappedValue, bits);
    if (lutData.size() > 1 << bits) {
      throw new IllegalArgumentException(
          "Length of argument \"lut_data\" must be no greater than 2^(bits per entry) elements"
              + " (expected ≤ "
              + (1 << bits)
              + "): "
              + lutData.size());
    }
    this.color = checkColor(color);
    this.firstMappedValue = firstMappedValue;
    this.lutData = lutData.copy();
  }

  private PaletteColorLUT(int firstMappedValue, NdArray lutData, String color, boolean unchecked) {
    this.firstMappedValue = firstMappedValue;
    this.lutData = lutData;
    this.color = color;
  }

  static void checkFirst(int firstMappedValue, int bits) {
    if (firstMappedValue < 0) {
      throw new IllegalArgumentException(
          "Argument \"first_mapped_value\" must be non-negative (expected ≥ 0): "
              + firstMappedValue);
    }
    if (firstMappedValue >= 1 << bits) {
      throw new IllegalArgumentException(
          "Argument \"first_mapped_value\" must be less than 2^(bits per entry) (expected < "
              + (1 << bits)
              + "): "
              + firstMappedValue);
    }
  }

  static String checkColor(String color) {
    Objects.requireNonNull(color, "color");
    String c = color.toLowerCase(Locale.ROOT);
    if (!c.equals("red") && !c.equals("green") && !c.equals("blue")) {
      throw new IllegalArgumentException(
          "Argument \"color\" must be either \"red\", \"green\", or \"blue\": " + color);
    }
    return c;
  }

  static int descriptorTag(String color) {
    switch (color) {
      case "red":
        return Tag.RedPaletteColorLookupTableDescriptor;
      case "green":
        return Tag.GreenPaletteColorLookupTableDescriptor;
      default:
        return Tag.BluePaletteColorLookupTableDescriptor;
    }
  }

  static int dataTag(String color) {
    switch (color) {
      case "red":
        return Tag.RedPaletteColorLookupTableData;
      case "green":
        return Tag.GreenPaletteColorLookupTableData;
      default:
        return Tag.BluePaletteColorLookupTableData;
    }
  }

  /** Creates a channel from parsed or expanded data without the constructor's checks. */
  static PaletteColorLUT unchecked(int firstMappedValue, NdArray lutData, String color) {
    return new PaletteColorLUT(firstMappedValue, lutData, color, true);
  }

  /**
   * Reads one channel from a data set holding the palette attributes (e.g. a PALETTE COLOR image);
   * highdicom's {@code PaletteColorLUT.extract_from_dataset}.
   *
   * @param dataset the data set
   * @param color "red", "green" or "blue"
   * @return the channel
   * @throws IllegalArgumentException when the attributes are missing or inconsistent
   */
  public static PaletteColorLUT extractFromDataset(DicomDataset dataset, String color) {
    Objects.requireNonNull(dataset, "dataset");
    String c = checkColor(color);
    LutAttributes.Descriptor d =
        LutAttributes.descriptor(
            dataset, descriptorTag(c), dataset.getInt(Tag.PixelRepresentation, 0) == 1);
    NdArray data = LutAttributes.data(dataset, dataTag(c), d);
    return new PaletteColorLUT(d.firstMappedValue(), data, c, true);
  }

  /** Returns the channel: "red", "green" or "blue". */
  public String color() {
    return color;
  }

  /** Returns the pixel value mapped to the first entry. */
  public int firstMappedValue() {
    return firstMappedValue;
  }

  /** Returns a copy of the entries (UINT8 or UINT16). */
  public NdArray lutData() {
    return lutData.copy();
  }

  NdArray lutDataView() {
    return lutData;
  }

  /** Returns the number of entries. */
  public int numberOfEntries() {
    return lutData.size();
  }

  /** Returns the bits per entry, 8 or 16. */
  public int bitsPerEntry() {
    return lutData.dtype() == DType.UINT8 ? 8 : 16;
  }

  /**
   * Applies this channel to integer values; highdicom's {@code PaletteColorLUT.apply}.
   *
   * @param array integer values
   * @param dtype output type, or null for the table's type (safe casts only)
   * @return a new array of the same shape
   */
  public NdArray apply(NdArray array, DType dtype) {
    return Pixels.applyLut(array, lutData, firstMappedValue, dtype, true);
  }

  /**
   * Returns the descriptor and data as a new data set (8-bit data padded to an even length).
   *
   * @return a new, modifiable data set
   */
  public DicomDataset toDataset() {
    DicomDataset ds = new DicomDataset();
    LutAttributes.putDescriptor(
        ds, descriptorTag(color), numberOfEntries(), firstMappedValue, bitsPerEntry());
    ds.setBytes(dataTag(color), VR.OW, LutAttributes.encode(lutData));
    return ds;
  }
}
