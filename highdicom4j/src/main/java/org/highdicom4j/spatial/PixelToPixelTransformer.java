package org.highdicom4j.spatial;

import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.internal.Mat;

/**
 * Maps pixel indices of one image or frame to pixel indices of another coplanar image or frame in
 * the same frame of reference (highdicom {@code PixelToPixelTransformer}): tile to tile, frame to
 * total pixel matrix, pyramid level to level.
 */
public final class PixelToPixelTransformer {
  private final double[][] affine;
  private final boolean roundOutput;

  /**
   * Creates a rounding transformer.
   *
   * @param from plane of the input indices
   * @param to plane of the output indices
   */
  public PixelToPixelTransformer(SpatialInformation from, SpatialInformation to) {
    this(from, to, true);
  }

  /**
   * Creates a transformer.
   *
   * @param from plane of the input indices
   * @param to plane of the output indices
   * @param roundOutput round the output to whole indices
   * @throws IllegalArgumentException when the planes are not coplanar
   */
  public PixelToPixelTransformer(
      SpatialInformation from, SpatialInformation to, boolean roundOutput) {
    PlaneAffine.checkCoplanar(from, to);
    double[][] a =
        PlaneAffine.pixelToReference(
            from.imagePosition(), from.imageOrientation(), from.pixelSpacing(), 1.0);
    double[][] b =
        PlaneAffine.pixelToReference(
            to.imagePosition(), to.imageOrientation(), to.pixelSpacing(), 1.0);
    this.affine = Mat.multiply(Mat.inverse(b), a);
    this.roundOutput = roundOutput;
  }

  /**
   * Creates a transformer between two images or frames, which must share Frame of Reference UID
   * (0020,0052).
   *
   * @param datasetFrom image of the input indices
   * @param datasetTo image of the output indices
   * @param frameNumberFrom 1-based frame of {@code datasetFrom} (multi-frame only), else null
   * @param frameNumberTo 1-based frame of {@code datasetTo} (multi-frame only), else null
   * @param forTotalPixelMatrixFrom use the total pixel matrix of the "from" image
   * @param forTotalPixelMatrixTo use the total pixel matrix of the "to" image
   * @return the transformer
   */
  public static PixelToPixelTransformer forImages(
      DicomDataset datasetFrom,
      DicomDataset datasetTo,
      Integer frameNumberFrom,
      Integer frameNumberTo,
      boolean forTotalPixelMatrixFrom,
      boolean forTotalPixelMatrixTo) {
    PlaneAffine.checkSameFrameOfReference(datasetFrom, datasetTo);
    return new PixelToPixelTransformer(
        SpatialInformation.of(datasetFrom, frameNumberFrom, forTotalPixelMatrixFrom),
        SpatialInformation.of(datasetTo, frameNumberTo, forTotalPixelMatrixTo));
  }

  /** Returns the 4 x 4 matrix mapping (column, row, 0, 1) of one image to the other. */
  public double[][] affine() {
    return Mat.copy(affine);
  }

  /**
   * Maps pixel indices.
   *
   * @param indices n (column, row) pairs of the "from" image
   * @return n (column, row) pairs of the "to" image (whole numbers when rounding)
   */
  public double[][] apply(int[][] indices) {
    double[][] out = PlaneAffine.apply(affine, PlaneAffine.toDoubles(indices, 2), 2, 2);
    if (roundOutput) {
      for (double[] p : out) {
        p[0] = Math.rint(p[0]);
        p[1] = Math.rint(p[1]);
      }
    }
    return out;
  }
}
