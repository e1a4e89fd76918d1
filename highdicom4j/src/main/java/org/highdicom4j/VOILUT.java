package org.highdicom4j;

import java.util.Objects;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;

/**
 * An item of VOI LUT Sequence (0028,3010), PS3.3 C.11.2.1.1; highdicom's {@code VOILUT}. Immutable.
 */
public final class VOILUT extends LUT {

  /**
   * Creates a VOI LUT; see {@link LUT#LUT(int, NdArray, String)} for the checks.
   *
   * @param firstMappedValue the value mapped to entry 0, 0..65535
   * @param lutData LUT Data (0028,3006), UINT8 or UINT16
   * @param lutExplanation LUT Explanation (0028,3003), or null
   */
  public VOILUT(int firstMappedValue, NdArray lutData, String lutExplanation) {
    super(firstMappedValue, lutData, lutExplanation);
  }

  private VOILUT(LUT parsed) {
    super(
        new LutAttributes.Descriptor(parsed.numberOfEntries(), parsed.firstMappedValue(), 0),
        parsed.lutDataView(),
        parsed.lutExplanation(),
        true);
  }

  /**
   * Reads an item of VOI LUT Sequence (0028,3010); highdicom's {@code VOILUT.from_dataset}.
   *
   * @param dataset the item
   * @return the table
   */
  public static VOILUT fromDataset(DicomDataset dataset) {
    return new VOILUT(LUT.fromDataset(dataset));
  }

  static VOILUT fromDataset(DicomDataset dataset, boolean signedInput) {
    Objects.requireNonNull(dataset, "dataset");
    if (!dataset.contains(Tag.LUTData)) {
      throw new IllegalArgumentException("LUTData (0028,3006) is missing (expected present)");
    }
    return new VOILUT(LUT.fromDataset(dataset, signedInput));
  }
}
