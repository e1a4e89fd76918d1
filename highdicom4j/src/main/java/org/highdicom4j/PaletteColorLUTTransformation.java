package org.highdicom4j;

import java.util.List;
import java.util.Objects;
import org.highdicom4j.color.ColorNames;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * The Palette Color Lookup Table transformation (PS3.3 C.7.6.3.1.5, C.7.9): three channels mapping
 * one stored sample to RGB, plain or segmented, with an optional Palette Color Lookup Table UID
 * (0028,1199); highdicom's {@code PaletteColorLUTTransformation}. Immutable.
 *
 * <p>Unlike highdicom, segmented tables are expanded on creation, so {@link #apply} and {@link
 * #combinedLutData()} work for them too.
 */
public final class PaletteColorLUTTransformation {
  private final PaletteColorLUT red;
  private final PaletteColorLUT green;
  private final PaletteColorLUT blue;
  private final SegmentedPaletteColorLUT[] segmented;
  private final String paletteColorLutUid;

  /**
   * Creates a transformation from plain channels, with highdicom's checks.
   *
   * @param redLut the red channel
   * @param greenLut the green channel
   * @param blueLut the blue channel
   * @param paletteColorLutUid Palette Color Lookup Table UID (0028,1199), or null
   * @throws IllegalArgumentException when a channel has the wrong colour, or the channels differ in
   *     number of entries, bits per entry or first mapped value
   */
  public PaletteColorLUTTransformation(
      PaletteColorLUT redLut,
      PaletteColorLUT greenLut,
      PaletteColorLUT blueLut,
      String paletteColorLutUid) {
    this(redLut, greenLut, blueLut, null, paletteColorLutUid);
  }

  /**
   * Creates a transformation from segmented channels, with highdicom's checks.
   *
   * @param redLut the red channel
   * @param greenLut the green channel
   * @param blueLut the blue channel
   * @param paletteColorLutUid Palette Color Lookup Table UID (0028,1199), or null
   * @return the transformation
   */
  public static PaletteColorLUTTransformation ofSegmented(
      SegmentedPaletteColorLUT redLut,
      SegmentedPaletteColorLUT greenLut,
      SegmentedPaletteColorLUT blueLut,
      String paletteColorLutUid) {
    Objects.requireNonNull(redLut, "redLut");
    Objects.requireNonNull(greenLut, "greenLut");
    Objects.requireNonNull(blueLut, "blueLut");
    return new PaletteColorLUTTransformation(
        redLut.toPaletteColorLUT(),
        greenLut.toPaletteColorLUT(),
        blueLut.toPaletteColorLUT(),
        new SegmentedPaletteColorLUT[] {redLut, greenLut, blueLut},
        paletteColorLutUid);
  }

  private PaletteColorLUTTransformation(
      PaletteColorLUT redLut,
      PaletteColorLUT greenLut,
      PaletteColorLUT blueLut,
      SegmentedPaletteColorLUT[] segmented,
      String paletteColorLutUid) {
    Objects.requireNonNull(redLut, "redLut");
    Objects.requireNonNull(greenLut, "greenLut");
    Objects.requireNonNull(blueLut, "blueLut");
    checkColor(redLut, "red");
    checkColor(greenLut, "green");
    checkColor(blueLut, "blue");
    if (redLut.numberOfEntries() != greenLut.numberOfEntries()
        || redLut.numberOfEntries() != blueLut.numberOfEntries()) {
      throw new IllegalArgumentException(
          "All three palette color LUTs must have the same number of entries: "
              + redLut.numberOfEntries()
              + ", "
              + greenLut.numberOfEntries()
              + ", "
              + blueLut.numberOfEntries());
    }
    if (redLut.bitsPerEntry() != greenLut.bitsPerEntry()
        || redLut.bitsPerEntry() != blueLut.bitsPerEntry()) {
      throw new IllegalArgumentException(
          "All three palette color LUTs must have the same number of bits per entry.");
    }
    if (redLut.firstMappedValue() != greenLut.firstMappedValue()
        || redLut.firstMappedValue() != blueLut.firstMappedValue()) {
      throw new IllegalArgumentException(
          "All three palette color LUTs must have the same first mapped value.");
    }
    this.red = redLut;
    this.green = greenLut;
    this.blue = blueLut;
    this.segmented = segmented;
    this.paletteColorLutUid = paletteColorLutUid;
  }

  private static void checkColor(PaletteColorLUT lut, String color) {
    if (!lut.color().equals(color)) {
      throw new IllegalArgumentException(
          "Argument \""
              + color
              + "_lut\" does not correspond to "
              + color
              + " color: "
              + lut.color());
    }
  }

  /**
   * Creates an 8-bit transformation from colour strings; highdicom's {@code from_colors}.
   *
   * @param colors one colour per input value (see {@link ColorNames#getRgb})
   * @param firstMappedValue the input value of the first colour
   * @param paletteColorLutUid Palette Color Lookup Table UID (0028,1199), or null
   * @return the transformation
   * @throws IllegalArgumentException when the list is empty or a colour is unknown
   */
  public static PaletteColorLUTTransformation fromColors(
      List<String> colors, int firstMappedValue, String paletteColorLutUid) {
    Objects.requireNonNull(colors, "colors");
    if (colors.isEmpty()) {
      throw new IllegalArgumentException("List 'colors' may not be empty.");
    }
    NdArray combined = NdArray.zeros(DType.UINT8, colors.size(), 3);
    for (int i = 0; i < colors.size(); i++) {
      int[] rgb = ColorNames.getRgb(colors.get(i));
      for (int k = 0; k < 3; k++) {
        combined.setFlatLong(3 * i + k, rgb[k]);
      }
    }
    return fromCombinedLut(combined, firstMappedValue, paletteColorLutUid);
  }

  /**
   * Creates a transformation from an (n, 3) table of RGB rows; highdicom's {@code
   * from_combined_lut}.
   *
   * @param lutData UINT8 or UINT16 array of shape (number of entries, 3)
   * @param firstMappedValue the input value of row 0
   * @param paletteColorLutUid Palette Color Lookup Table UID (0028,1199), or null
   * @return the transformation
   * @throws IllegalArgumentException for another shape or dtype
   */
  public static PaletteColorLUTTransformation fromCombinedLut(
      NdArray lutData, int firstMappedValue, String paletteColorLutUid) {
    Objects.requireNonNull(lutData, "lutData");
    if (lutData.ndim() != 2 || lutData.shape(1) != 3) {
      throw new IllegalArgumentException(
          "Argument 'lut_data' must have shape (number_of_entries, 3): "
              + java.util.Arrays.toString(lutData.shape()));
    }
    if (lutData.dtype() != DType.UINT8 && lutData.dtype() != DType.UINT16) {
      throw new IllegalArgumentException(
          "Argument 'lut_data' must have data type numpy.uint8 or numpy.uint16: "
              + lutData.dtype().numpyName());
    }
    int n = lutData.shape(0);
    PaletteColorLUT[] ch = new PaletteColorLUT[3];
    String[] names = {"red", "green", "blue"};
    for (int k = 0; k < 3; k++) {
      NdArray c = NdArray.zeros(lutData.dtype(), n);
      for (int i = 0; i < n; i++) {
        c.setFlatLong(i, lutData.getFlatLong(3 * i + k));
      }
      ch[k] = new PaletteColorLUT(firstMappedValue, c, names[k]);
    }
    return new PaletteColorLUTTransformation(ch[0], ch[1], ch[2], paletteColorLutUid);
  }

  /**
   * Reads the palette attributes of a data set (e.g. a PALETTE COLOR image or a Palette Color
   * Lookup Table IOD), plain or segmented; highdicom's {@code extract_from_dataset}.
   *
   * @param dataset the data set
   * @return the transformation
   * @throws IllegalArgumentException when attributes are missing, mixed or inconsistent
   */
  public static PaletteColorLUTTransformation extractFromDataset(DicomDataset dataset) {
    Objects.requireNonNull(dataset, "dataset");
    boolean seg = dataset.contains(Tag.SegmentedRedPaletteColorLookupTableData);
    if (!seg && !dataset.contains(Tag.RedPaletteColorLookupTableData)) {
      throw new IllegalArgumentException(
          "RedPaletteColorLookupTableData (0028,1201) is missing (expected palette color lookup"
              + " table attributes)");
    }
    byte[] desc = dataset.getBytes(Tag.RedPaletteColorLookupTableDescriptor);
    for (String c : new String[] {"green", "blue"}) {
      byte[] other = dataset.getBytes(PaletteColorLUT.descriptorTag(c));
      if (desc != null && other != null && !java.util.Arrays.equals(desc, other)) {
        throw new IllegalArgumentException(
            "Palette Color Lookup Table Descriptors (0028,1101-1103) differ (expected the same"
                + " for all three colours)");
      }
      boolean hasSeg = dataset.contains(SegmentedPaletteColorLUT.segmentedDataTag(c));
      boolean hasPlain = dataset.contains(PaletteColorLUT.dataTag(c));
      if (seg ? hasPlain : hasSeg) {
        throw new IllegalArgumentException(
            "Mismatch of segmented LUT and standard LUT found (expected one kind for all three"
                + " colours).");
      }
    }
    String uid = dataset.getString(Tag.PaletteColorLookupTableUID);
    if (seg) {
      return ofSegmented(
          SegmentedPaletteColorLUT.extractFromDataset(dataset, "red"),
          SegmentedPaletteColorLUT.extractFromDataset(dataset, "green"),
          SegmentedPaletteColorLUT.extractFromDataset(dataset, "blue"),
          uid);
    }
    return new PaletteColorLUTTransformation(
        PaletteColorLUT.extractFromDataset(dataset, "red"),
        PaletteColorLUT.extractFromDataset(dataset, "green"),
        PaletteColorLUT.extractFromDataset(dataset, "blue"),
        null,
        uid);
  }

  /** Returns the red channel (expanded when segmented). */
  public PaletteColorLUT redLut() {
    return red;
  }

  /** Returns the green channel (expanded when segmented). */
  public PaletteColorLUT greenLut() {
    return green;
  }

  /** Returns the blue channel (expanded when segmented). */
  public PaletteColorLUT blueLut() {
    return blue;
  }

  /**
   * Returns the segmented channels (red, green, blue), or null when the tables are plain.
   *
   * @return a new array or null
   */
  public SegmentedPaletteColorLUT[] segmentedLuts() {
    return segmented == null ? null : segmented.clone();
  }

  /** Returns whether the tables are segmented. */
  public boolean isSegmented() {
    return segmented != null;
  }

  /** Returns Palette Color Lookup Table UID (0028,1199), or null. */
  public String paletteColorLutUid() {
    return paletteColorLutUid;
  }

  /** Returns the number of entries. */
  public int numberOfEntries() {
    return red.numberOfEntries();
  }

  /** Returns the pixel value mapped to the first entry. */
  public int firstMappedValue() {
    return red.firstMappedValue();
  }

  /** Returns the bits per entry, 8 or 16. */
  public int bitsPerEntry() {
    return red.bitsPerEntry();
  }

  /**
   * Returns the three channels side by side: shape (number of entries, 3), UINT8 or UINT16.
   *
   * @return a new array
   */
  public NdArray combinedLutData() {
    int n = numberOfEntries();
    NdArray out = NdArray.zeros(red.lutDataView().dtype(), n, 3);
    PaletteColorLUT[] ch = {red, green, blue};
    for (int k = 0; k < 3; k++) {
      NdArray d = ch[k].lutDataView();
      for (int i = 0; i < n; i++) {
        out.setFlatLong(3 * i + k, d.getFlatLong(i));
      }
    }
    return out;
  }

  /**
   * Maps integer values to RGB; highdicom's {@code PaletteColorLUTTransformation.apply}.
   *
   * @param array integer values
   * @param dtype output type, or null for the table's type (safe casts only)
   * @return a new array of shape {@code array.shape + (3,)}
   */
  public NdArray apply(NdArray array, DType dtype) {
    return Pixels.applyLut(array, combinedLutData(), firstMappedValue(), dtype, true);
  }

  /**
   * Returns the palette attributes as a new data set: three descriptors, three (segmented) data
   * elements and the UID when set.
   *
   * @return a new, modifiable data set
   */
  public DicomDataset toDataset() {
    DicomDataset ds = new DicomDataset();
    DicomDataset[] parts =
        segmented != null
            ? new DicomDataset[] {
              segmented[0].toDataset(), segmented[1].toDataset(), segmented[2].toDataset()
            }
            : new DicomDataset[] {red.toDataset(), green.toDataset(), blue.toDataset()};
    for (DicomDataset p : parts) {
      for (int tag : p.tags()) {
        ds.putValue(tag, p.vr(tag), p.getBytes(tag));
      }
    }
    if (paletteColorLutUid != null) {
      ds.setString(Tag.PaletteColorLookupTableUID, VR.UI, paletteColorLutUid);
    }
    return ds;
  }
}
