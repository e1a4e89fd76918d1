package org.highdicom4j;

import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * The Presentation LUT transformation (PS3.3 C.11.6): Presentation LUT Shape (2050,0020) or a
 * Presentation LUT Sequence (2050,0010) item; highdicom's {@code PresentationLUTTransformation}.
 * Immutable.
 */
public final class PresentationLUTTransformation {
  private final PresentationLUTShapeValues presentationLutShape;
  private final PresentationLUT presentationLut;

  /**
   * Creates a transformation from a shape or a table; with neither, the shape is IDENTITY.
   *
   * @param presentationLutShape Presentation LUT Shape (2050,0020), or null
   * @param presentationLut the item of Presentation LUT Sequence (2050,0010), or null
   * @throws IllegalArgumentException when both are given
   */
  public PresentationLUTTransformation(
      PresentationLUTShapeValues presentationLutShape, PresentationLUT presentationLut) {
    if (presentationLut != null && presentationLutShape != null) {
      throw new IllegalArgumentException(
          "Only one of arguments \"presentation_lut\" or \"presentation_lut_shape\" should be"
              + " provided.");
    }
    this.presentationLut = presentationLut;
    this.presentationLutShape =
        presentationLut == null
            ? (presentationLutShape == null
                ? PresentationLUTShapeValues.IDENTITY
                : presentationLutShape)
            : null;
  }

  /**
   * Reads the transformation from a data set holding Presentation LUT Shape or Sequence.
   *
   * @param dataset the data set
   * @return the transformation, or null when neither attribute is present
   */
  public static PresentationLUTTransformation fromDataset(DicomDataset dataset) {
    DicomDataset item = dataset.getItem(Tag.PresentationLUTSequence);
    if (item != null) {
      return new PresentationLUTTransformation(null, PresentationLUT.fromDataset(item));
    }
    if (dataset.hasValue(Tag.PresentationLUTShape)) {
      return new PresentationLUTTransformation(
          PresentationLUTShapeValues.fromValue(dataset.getString(Tag.PresentationLUTShape)), null);
    }
    return null;
  }

  /** Returns Presentation LUT Shape (2050,0020), or null when a table is used. */
  public PresentationLUTShapeValues presentationLutShape() {
    return presentationLutShape;
  }

  /** Returns the Presentation LUT, or null when a shape is used. */
  public PresentationLUT presentationLut() {
    return presentationLut;
  }

  /**
   * Returns the attributes as a new data set.
   *
   * @return a new, modifiable data set
   */
  public DicomDataset toDataset() {
    DicomDataset ds = new DicomDataset();
    if (presentationLut != null) {
      Sequence seq = ds.newSequence(Tag.PresentationLUTSequence);
      seq.add(presentationLut.toDataset());
    } else {
      ds.setString(Tag.PresentationLUTShape, VR.CS, presentationLutShape.value());
    }
    return ds;
  }
}
