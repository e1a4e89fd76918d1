package org.highdicom4j;

import java.util.Objects;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * A lookup table (PS3.3 C.11): LUT Descriptor (0028,3002), LUT Data (0028,3006) and LUT Explanation
 * (0028,3003); highdicom's {@code LUT}. The base of {@link ModalityLUT}, {@link VOILUT} and {@link
 * PresentationLUT}.
 *
 * <p>A pixel value equal to the first mapped value maps to entry 0, the next value to entry 1 and
 * so on; values outside the table take the first or last entry. Immutable.
 */
public class LUT {
  private final int firstMappedValue;
  private final NdArray lutData;
  private final String lutExplanation;

  /**
   * Creates a lookup table, validating as highdicom does.
   *
   * @param firstMappedValue second value of LUT Descriptor (0028,3002): the pixel value mapped to
   *     entry 0, 0..65535
   * @param lutData LUT Data (0028,3006): 1 to 65536 entries, UINT8 or UINT16, one axis (copied)
   * @param lutExplanation LUT Explanation (0028,3003), an LO value, or null
   * @throws IllegalArgumentException when a value is out of range or of the wrong type
   */
  public LUT(int firstMappedValue, NdArray lutData, String lutExplanation) {
    Objects.requireNonNull(lutData, "lutData");
    if (firstMappedValue < 0) {
      throw new IllegalArgumentException(
          "Argument \"first_mapped_value\" must be non-negative (expected ≥ 0): "
              + firstMappedValue);
    }
    if (firstMappedValue >= 65536) {
      throw new IllegalArgumentException(
          "Argument \"first_mapped_value\" must be less than 2^16 (expected < 65536): "
              + firstMappedValue);
    }
    LutAttributes.checkLutData(lutData, "lut_data");
    if (lutExplanation != null) {
      LutAttributes.checkLongString(lutExplanation, "LUTExplanation (0028,3003)");
    }
    this.firstMappedValue = firstMappedValue;
    this.lutData = lutData.copy();
    this.lutExplanation = lutExplanation;
  }

  /** Creates a table from parsed attributes without the constructor's range checks. */
  LUT(LutAttributes.Descriptor d, NdArray lutData, String lutExplanation, boolean unchecked) {
    this.firstMappedValue = d.firstMappedValue();
    this.lutData = lutData;
    this.lutExplanation = lutExplanation;
  }

  /**
   * Reads a lookup table from an item holding LUT Descriptor (0028,3002) and LUT Data (0028,3006);
   * highdicom's {@code LUT.from_dataset}.
   *
   * @param dataset e.g. an item of Modality LUT Sequence (0028,3000) or VOI LUT Sequence
   *     (0028,3010)
   * @return the table
   * @throws IllegalArgumentException when an attribute is missing or inconsistent
   */
  public static LUT fromDataset(DicomDataset dataset) {
    return fromDataset(dataset, false);
  }

  static LUT fromDataset(DicomDataset dataset, boolean signedInput) {
    Objects.requireNonNull(dataset, "dataset");
    LutAttributes.Descriptor d = LutAttributes.descriptor(dataset, Tag.LUTDescriptor, signedInput);
    NdArray data = LutAttributes.data(dataset, Tag.LUTData, d);
    return new LUT(d, data, dataset.getString(Tag.LUTExplanation), true);
  }

  /** Returns the pixel value mapped to the first entry. */
  public int firstMappedValue() {
    return firstMappedValue;
  }

  /** Returns a copy of LUT Data (0028,3006) as UINT8 or UINT16 entries. */
  public NdArray lutData() {
    return lutData.copy();
  }

  /** Returns the table without copying, for internal pipelines. */
  NdArray lutDataView() {
    return lutData;
  }

  /** Returns LUT Explanation (0028,3003), or null. */
  public String lutExplanation() {
    return lutExplanation;
  }

  /** Returns the number of entries (1 to 65536). */
  public int numberOfEntries() {
    return lutData.size();
  }

  /** Returns the bits per entry: 8 or 16 (third value of LUT Descriptor). */
  public int bitsPerEntry() {
    return lutData.dtype() == DType.UINT8 ? 8 : 16;
  }

  /**
   * Applies the table to an integer array; highdicom's {@code LUT.apply}.
   *
   * @param array integer values of any shape
   * @param dtype output type, or null for the table's UINT8/UINT16; only safe casts
   * @return a new array of the same shape
   */
  public NdArray apply(NdArray array, DType dtype) {
    return Pixels.applyLut(array, lutData, firstMappedValue, dtype, true);
  }

  /**
   * Returns the table scaled linearly so that its lowest entry becomes {@code outputMin} and its
   * highest {@code outputMax} (reversed with {@code invert}); highdicom's {@code
   * get_scaled_lut_data}.
   *
   * @param outputMin lower end of the output range
   * @param outputMax upper end, above {@code outputMin}
   * @param dtype FLOAT32 or FLOAT64
   * @param invert map the lowest entry to the upper end
   * @return the scaled table
   * @throws IllegalArgumentException for a non-floating dtype or an empty range
   */
  public NdArray getScaledLutData(double outputMin, double outputMax, DType dtype, boolean invert) {
    Objects.requireNonNull(dtype, "dtype");
    if (!dtype.isFloatingPoint()) {
      throw new IllegalArgumentException(
          "Data type \"" + dtype.numpyName() + "\" is not suitable (expected float32 or float64).");
    }
    if (!(outputMax - outputMin > 0)) {
      throw new IllegalArgumentException(
          "Invalid output range (expected min < max): " + outputMin + ", " + outputMax);
    }
    double min = lutData.min();
    double max = lutData.max();
    double scale = max > min ? (outputMax - outputMin) / (max - min) : 0;
    NdArray out = NdArray.zeros(dtype, lutData.size());
    for (int i = 0; i < lutData.size(); i++) {
      double v = lutData.getFlatDouble(i);
      out.setFlatDouble(i, (invert ? max - v : v - min) * scale + outputMin);
    }
    return out;
  }

  /**
   * Returns the table with its entries mirrored within their own range (lowest ↔ highest);
   * highdicom's {@code get_inverted_lut_data}.
   *
   * @return a new array of the same type
   */
  public NdArray getInvertedLutData() {
    long sum = (long) lutData.min() + (long) lutData.max();
    NdArray out = NdArray.zeros(lutData.dtype(), lutData.size());
    for (int i = 0; i < lutData.size(); i++) {
      out.setFlatLong(i, sum - lutData.getFlatLong(i));
    }
    return out;
  }

  /**
   * Returns the attributes of the table as a new data set (an item for a LUT sequence): LUT
   * Descriptor (US), LUT Data (OW), LUT Explanation.
   *
   * @return a new, modifiable data set
   */
  public DicomDataset toDataset() {
    DicomDataset ds = new DicomDataset();
    LutAttributes.putDescriptor(
        ds, Tag.LUTDescriptor, numberOfEntries(), firstMappedValue, bitsPerEntry());
    if (lutExplanation != null) {
      ds.setString(Tag.LUTExplanation, VR.LO, lutExplanation);
    }
    ds.setBytes(Tag.LUTData, VR.OW, LutAttributes.encode(lutData));
    return ds;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName()
        + "[first="
        + firstMappedValue
        + ", entries="
        + numberOfEntries()
        + ", bits="
        + bitsPerEntry()
        + "]";
  }
}
