package org.highdicom4j;

import java.util.Objects;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * An item of Modality LUT Sequence (0028,3000), PS3.3 C.11.1: a lookup table with Modality LUT Type
 * (0028,3004); highdicom's {@code ModalityLUT}. Immutable.
 */
public final class ModalityLUT extends LUT {
  private final String lutType;

  /**
   * Creates a Modality LUT; see {@link LUT#LUT(int, NdArray, String)} for the table checks.
   *
   * @param lutType Modality LUT Type (0028,3004): the units of the output, an LO value
   * @param firstMappedValue the value mapped to entry 0, 0..65535
   * @param lutData LUT Data (0028,3006), UINT8 or UINT16
   * @param lutExplanation LUT Explanation (0028,3003), or null
   */
  public ModalityLUT(String lutType, int firstMappedValue, NdArray lutData, String lutExplanation) {
    super(firstMappedValue, lutData, lutExplanation);
    Objects.requireNonNull(lutType, "lutType");
    LutAttributes.checkLongString(lutType, "ModalityLUTType (0028,3004)");
    this.lutType = lutType;
  }

  /**
   * Creates a Modality LUT with a defined Modality LUT Type.
   *
   * @param lutType Modality LUT Type (0028,3004)
   * @param firstMappedValue the value mapped to entry 0, 0..65535
   * @param lutData LUT Data (0028,3006), UINT8 or UINT16
   * @param lutExplanation LUT Explanation (0028,3003), or null
   */
  public ModalityLUT(
      RescaleTypeValues lutType, int firstMappedValue, NdArray lutData, String lutExplanation) {
    this(
        Objects.requireNonNull(lutType, "lutType").value(),
        firstMappedValue,
        lutData,
        lutExplanation);
  }

  private ModalityLUT(LUT parsed, String lutType) {
    super(
        new LutAttributes.Descriptor(parsed.numberOfEntries(), parsed.firstMappedValue(), 0),
        parsed.lutDataView(),
        parsed.lutExplanation(),
        true);
    this.lutType = lutType;
  }

  /**
   * Reads an item of Modality LUT Sequence (0028,3000); highdicom's {@code
   * ModalityLUT.from_dataset}.
   *
   * @param dataset the item
   * @return the table
   */
  public static ModalityLUT fromDataset(DicomDataset dataset) {
    return fromDataset(dataset, false);
  }

  static ModalityLUT fromDataset(DicomDataset dataset, boolean signedInput) {
    Objects.requireNonNull(dataset, "dataset");
    return new ModalityLUT(
        LUT.fromDataset(dataset, signedInput), dataset.getString(Tag.ModalityLUTType, "US"));
  }

  /** Returns Modality LUT Type (0028,3004). */
  public String lutType() {
    return lutType;
  }

  @Override
  public DicomDataset toDataset() {
    DicomDataset ds = super.toDataset();
    ds.setString(Tag.ModalityLUTType, VR.LO, lutType);
    return ds;
  }
}
