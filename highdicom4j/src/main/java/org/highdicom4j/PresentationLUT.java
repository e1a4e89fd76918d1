package org.highdicom4j;

import org.highdicom4j.dicom.data.DicomDataset;

/**
 * An item of Presentation LUT Sequence (2050,0010), PS3.3 C.11.6; highdicom's {@code
 * PresentationLUT}. Immutable.
 */
public final class PresentationLUT extends LUT {

  /**
   * Creates a Presentation LUT; see {@link LUT#LUT(int, NdArray, String)} for the checks.
   *
   * @param firstMappedValue the value mapped to entry 0, 0..65535
   * @param lutData LUT Data (0028,3006), UINT8 or UINT16
   * @param lutExplanation LUT Explanation (0028,3003), or null
   */
  public PresentationLUT(int firstMappedValue, NdArray lutData, String lutExplanation) {
    super(firstMappedValue, lutData, lutExplanation);
  }

  private PresentationLUT(LUT parsed) {
    super(
        new LutAttributes.Descriptor(parsed.numberOfEntries(), parsed.firstMappedValue(), 0),
        parsed.lutDataView(),
        parsed.lutExplanation(),
        true);
  }

  /**
   * Reads an item of Presentation LUT Sequence (2050,0010); highdicom's {@code
   * PresentationLUT.from_dataset}.
   *
   * @param dataset the item
   * @return the table
   */
  public static PresentationLUT fromDataset(DicomDataset dataset) {
    return new PresentationLUT(LUT.fromDataset(dataset));
  }
}
