package org.highdicom4j.spatial;

import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.internal.Mat;

/**
 * Maps image coordinates of one image or frame to image coordinates of another coplanar image or
 * frame in the same frame of reference (highdicom {@code ImageToImageTransformer}). Image
 * coordinates are sub-pixel (column, row) pairs with (0.0, 0.0) at the top left pixel's corner.
 */
public final class ImageToImageTransformer {
  private final double[][] affine;

  /**
   * Creates a transformer.
   *
   * @param from plane of the input coordinates
   * @param to plane of the output coordinates
   * @throws IllegalArgumentException when the planes are not coplanar
   */
  public ImageToImageTransformer(SpatialInformation from, SpatialInformation to) {
    PlaneAffine.checkCoplanar(from, to);
    double[][] a =
        PlaneAffine.pixelToReference(
            from.imagePosition(), from.imageOrientation(), from.pixelSpacing(), 1.0);
    double[][] b =
        PlaneAffine.pixelToReference(
            to.imagePosition(), to.imageOrientation(), to.pixelSpacing(), 1.0);
    this.affine =
        Mat.multiply(
            PlaneAffine.shift(0.5, 0.5),
            Mat.multiply(Mat.multiply(Mat.inverse(b), a), PlaneAffine.shift(-0.5, -0.5)));
  }

  /**
   * Creates a transformer between two images or frames, which must share Frame of Reference UID
   * (0020,0052).
   *
   * @param datasetFrom image of the input coordinates
   * @param datasetTo image of the output coordinates
   * @param frameNumberFrom 1-based frame of {@code datasetFrom} (multi-frame only), else null
   * @param frameNumberTo 1-based frame of {@code datasetTo} (multi-frame only), else null
   * @param forTotalPixelMatrixFrom use the total pixel matrix of the "from" image
   * @param forTotalPixelMatrixTo use the total pixel matrix of the "to" image
   * @return the transformer
   */
  public static ImageToImageTransformer forImages(
      DicomDataset datasetFrom,
      DicomDataset datasetTo,
      Integer frameNumberFrom,
      Integer frameNumberTo,
      boolean forTotalPixelMatrixFrom,
      boolean forTotalPixelMatrixTo) {
    PlaneAffine.checkSameFrameOfReference(datasetFrom, datasetTo);
    return new ImageToImageTransformer(
        SpatialInformation.of(datasetFrom, frameNumberFrom, forTotalPixelMatrixFrom),
        SpatialInformation.of(datasetTo, frameNumberTo, forTotalPixelMatrixTo));
  }

  /** Returns the 4 x 4 matrix mapping (column, row, 0, 1) image coordinates between images. */
  public double[][] affine() {
    return Mat.copy(affine);
  }

  /**
   * Maps image coordinates.
   *
   * @param coordinates n (column, row) image coordinates of the "from" image
   * @return n (column, row) image coordinates of the "to" image
   */
  public double[][] apply(double[][] coordinates) {
    return PlaneAffine.apply(affine, coordinates, 2, 2);
  }
}
