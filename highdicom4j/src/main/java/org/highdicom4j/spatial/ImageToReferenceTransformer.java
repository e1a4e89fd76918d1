package org.highdicom4j.spatial;

import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.internal.Mat;

/**
 * Maps image coordinates of an image or frame to frame-of-reference coordinates (highdicom {@code
 * ImageToReferenceTransformer}), e.g. SCOORD to SCOORD3D. Image coordinates are sub-pixel (column,
 * row) pairs with (0.0, 0.0) at the top left corner of the top left pixel, so the centre of pixel
 * (0, 0) is (0.5, 0.5).
 */
public final class ImageToReferenceTransformer {
  private final double[][] affine;

  /**
   * Creates a transformer.
   *
   * @param imagePosition Image Position (Patient) (0020,0032): 3 values
   * @param imageOrientation Image Orientation (Patient) (0020,0037): 6 values
   * @param pixelSpacing Pixel Spacing (0028,0030)
   */
  public ImageToReferenceTransformer(
      double[] imagePosition, double[] imageOrientation, double[] pixelSpacing) {
    this.affine =
        Mat.multiply(
            PlaneAffine.pixelToReference(imagePosition, imageOrientation, pixelSpacing, 1.0),
            PlaneAffine.shift(-0.5, -0.5));
  }

  /**
   * Creates a transformer for an image, one of its frames or its total pixel matrix.
   *
   * @param dataset the image
   * @param frameNumber 1-based frame (multi-frame images only), else null
   * @param forTotalPixelMatrix use the total pixel matrix of a tiled image
   * @return the transformer
   */
  public static ImageToReferenceTransformer forImage(
      DicomDataset dataset, Integer frameNumber, boolean forTotalPixelMatrix) {
    SpatialInformation s = SpatialInformation.of(dataset, frameNumber, forTotalPixelMatrix);
    return new ImageToReferenceTransformer(
        s.imagePosition(), s.imageOrientation(), s.pixelSpacing());
  }

  /** Returns the 4 x 4 matrix mapping (column, row, 0, 1) image coordinates to (x, y, z, 1). */
  public double[][] affine() {
    return Mat.copy(affine);
  }

  /**
   * Maps image coordinates.
   *
   * @param coordinates n (column, row) image coordinates
   * @return n (x, y, z) coordinates in millimetres
   */
  public double[][] apply(double[][] coordinates) {
    return PlaneAffine.apply(affine, coordinates, 2, 3);
  }
}
