package org.highdicom4j;

import java.util.Objects;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * The Modality LUT transformation (PS3.3 C.11.1): either Rescale Intercept (0028,1052), Rescale
 * Slope (0028,1053) and Rescale Type (0028,1054), or a Modality LUT Sequence (0028,3000) item;
 * highdicom's {@code ModalityLUTTransformation}. Immutable.
 */
public final class ModalityLUTTransformation {
  private final Double rescaleIntercept;
  private final Double rescaleSlope;
  private final String rescaleType;
  private final ModalityLUT modalityLut;

  /**
   * Creates a transformation, with highdicom's checks: give either {@code modalityLut} alone or all
   * three rescale arguments.
   *
   * @param rescaleIntercept Rescale Intercept (0028,1052), or null
   * @param rescaleSlope Rescale Slope (0028,1053), or null
   * @param rescaleType Rescale Type (0028,1054), an LO value, or null
   * @param modalityLut the item of Modality LUT Sequence (0028,3000), or null
   * @throws IllegalArgumentException when the combination is not one of the two allowed
   */
  public ModalityLUTTransformation(
      Double rescaleIntercept, Double rescaleSlope, String rescaleType, ModalityLUT modalityLut) {
    if (modalityLut != null) {
      for (Object[] a :
          new Object[][] {
            {rescaleIntercept, "rescale_intercept"},
            {rescaleSlope, "rescale_slope"},
            {rescaleType, "rescale_type"}
          }) {
        if (a[0] != null) {
          throw new IllegalArgumentException(
              "Argument \""
                  + a[1]
                  + "\" must not be specified when \"modality_lut\" is specified.");
        }
      }
    } else {
      for (Object[] a :
          new Object[][] {
            {rescaleIntercept, "rescale_intercept"},
            {rescaleSlope, "rescale_slope"},
            {rescaleType, "rescale_type"}
          }) {
        if (a[0] == null) {
          throw new IllegalArgumentException(
              "Argument \""
                  + a[1]
                  + "\" must be specified when \"modality_lut\" is not specified.");
        }
      }
      if (!Double.isFinite(rescaleIntercept) || !Double.isFinite(rescaleSlope)) {
        throw new IllegalArgumentException(
            "RescaleIntercept (0028,1052) and RescaleSlope (0028,1053) must be finite: "
                + rescaleIntercept
                + ", "
                + rescaleSlope);
      }
      LutAttributes.checkLongString(rescaleType, "RescaleType (0028,1054)");
    }
    this.rescaleIntercept = rescaleIntercept;
    this.rescaleSlope = rescaleSlope;
    this.rescaleType = rescaleType;
    this.modalityLut = modalityLut;
  }

  /**
   * Creates a linear rescale.
   *
   * @param rescaleIntercept Rescale Intercept (0028,1052)
   * @param rescaleSlope Rescale Slope (0028,1053)
   * @param rescaleType Rescale Type (0028,1054)
   * @return the transformation
   */
  public static ModalityLUTTransformation ofRescale(
      double rescaleIntercept, double rescaleSlope, RescaleTypeValues rescaleType) {
    return new ModalityLUTTransformation(
        rescaleIntercept,
        rescaleSlope,
        Objects.requireNonNull(rescaleType, "rescaleType").value(),
        null);
  }

  /**
   * Creates a transformation by lookup table.
   *
   * @param modalityLut the table
   * @return the transformation
   */
  public static ModalityLUTTransformation ofLut(ModalityLUT modalityLut) {
    return new ModalityLUTTransformation(
        null, null, null, Objects.requireNonNull(modalityLut, "modalityLut"));
  }

  /**
   * Reads the transformation from a data set that holds it: an image (top level) or an item of
   * Pixel Value Transformation Sequence (0028,9145). Empty rescale values count as absent; a
   * missing slope or intercept defaults to 1 or 0, a missing type to "US".
   *
   * @param dataset the data set
   * @return the transformation, or null when the data set has neither a LUT nor rescale values
   */
  public static ModalityLUTTransformation fromDataset(DicomDataset dataset) {
    Objects.requireNonNull(dataset, "dataset");
    DicomDataset item = dataset.getItem(Tag.ModalityLUTSequence);
    if (item != null) {
      return new ModalityLUTTransformation(
          null, null, null, ModalityLUT.fromDataset(item, isSigned(dataset)));
    }
    boolean hasSlope = dataset.hasValue(Tag.RescaleSlope);
    boolean hasIntercept = dataset.hasValue(Tag.RescaleIntercept);
    if (!hasSlope && !hasIntercept) {
      return null;
    }
    String type = dataset.getString(Tag.RescaleType, "US");
    return new ModalityLUTTransformation(
        hasIntercept ? dataset.getDouble(Tag.RescaleIntercept, 0) : 0.0,
        hasSlope ? dataset.getDouble(Tag.RescaleSlope, 1) : 1.0,
        type.isEmpty() ? "US" : type,
        null);
  }

  private static boolean isSigned(DicomDataset ds) {
    DicomDataset root = ds;
    while (root.parent() != null && root.parent().parent() != null) {
      root = root.parent().parent();
    }
    return root.getInt(Tag.PixelRepresentation, 0) == 1;
  }

  /** Returns whether the transformation is a lookup table. */
  public boolean hasLut() {
    return modalityLut != null;
  }

  /** Returns Rescale Intercept (0028,1052), or null for a LUT. */
  public Double rescaleIntercept() {
    return rescaleIntercept;
  }

  /** Returns Rescale Slope (0028,1053), or null for a LUT. */
  public Double rescaleSlope() {
    return rescaleSlope;
  }

  /** Returns Rescale Type (0028,1054), or null for a LUT. */
  public String rescaleType() {
    return rescaleType;
  }

  /** Returns the Modality LUT, or null for a rescale. */
  public ModalityLUT modalityLut() {
    return modalityLut;
  }

  /**
   * Applies the transformation; highdicom's {@code ModalityLUTTransformation.apply}.
   *
   * @param array stored values (integer for a LUT)
   * @param dtype output type, or null: FLOAT64 for a rescale, the table's type for a LUT; an
   *     integer type for a rescale needs integer slope and intercept and enough capacity
   * @return a new array
   * @throws IllegalArgumentException when the output type cannot hold the result
   */
  public NdArray apply(NdArray array, DType dtype) {
    Objects.requireNonNull(array, "array");
    if (modalityLut != null) {
      return modalityLut.apply(array, dtype);
    }
    DType out = dtype == null ? DType.FLOAT64 : dtype;
    Pixels.checkRescaleDtype(array.dtype(), out, rescaleIntercept, rescaleSlope, null);
    NdArray result = NdArray.zeros(out, array.shape());
    double m = rescaleSlope;
    double b = rescaleIntercept;
    for (int i = 0; i < array.size(); i++) {
      double v = array.getFlatDouble(i) * m + b;
      result.setFlatDouble(i, v);
    }
    return result;
  }

  /**
   * Returns the attributes as a new data set (an item of Pixel Value Transformation Sequence, or a
   * set to merge into an image).
   *
   * @return a new, modifiable data set
   */
  public DicomDataset toDataset() {
    DicomDataset ds = new DicomDataset();
    if (modalityLut != null) {
      Sequence seq = ds.newSequence(Tag.ModalityLUTSequence);
      seq.add(modalityLut.toDataset());
    } else {
      ds.setDouble(Tag.RescaleIntercept, VR.DS, rescaleIntercept);
      ds.setDouble(Tag.RescaleSlope, VR.DS, rescaleSlope);
      ds.setString(Tag.RescaleType, VR.LO, rescaleType);
    }
    return ds;
  }
}
