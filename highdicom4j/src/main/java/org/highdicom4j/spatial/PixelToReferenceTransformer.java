package org.highdicom4j.spatial;

import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.internal.Mat;

/**
 * Maps pixel indices of an image or frame to frame-of-reference coordinates (highdicom {@code
 * PixelToReferenceTransformer}). Pixel indices are zero-based (column, row) pairs; (0, 0) is the
 * centre of the top left pixel. Use {@link ImageToReferenceTransformer} for image coordinates
 * (SCOORD).
 */
public final class PixelToReferenceTransformer {
  private final double[][] affine;

  /**
   * Creates a transformer.
   *
   * @param imagePosition Image Position (Patient) (0020,0032) or the slide offsets: 3 values
   * @param imageOrientation Image Orientation (Patient) (0020,0037) or (Slide): 6 values
   * @param pixelSpacing Pixel Spacing (0028,0030): spacing between rows, between columns
   */
  public PixelToReferenceTransformer(
      double[] imagePosition, double[] imageOrientation, double[] pixelSpacing) {
    this.affine = PlaneAffine.pixelToReference(imagePosition, imageOrientation, pixelSpacing, 1.0);
  }

  /**
   * Creates a transformer for an image, one of its frames or its total pixel matrix.
   *
   * @param dataset the image
   * @param frameNumber 1-based frame (multi-frame images only), else null
   * @param forTotalPixelMatrix use the total pixel matrix of a tiled image
   * @return the transformer
   */
  public static PixelToReferenceTransformer forImage(
      DicomDataset dataset, Integer frameNumber, boolean forTotalPixelMatrix) {
    SpatialInformation s = SpatialInformation.of(dataset, frameNumber, forTotalPixelMatrix);
    return new PixelToReferenceTransformer(
        s.imagePosition(), s.imageOrientation(), s.pixelSpacing());
  }

  /** Returns the 4 x 4 matrix mapping (column, row, 0, 1) to (x, y, z, 1). */
  public double[][] affine() {
    return Mat.copy(affine);
  }

  /**
   * Maps pixel indices.
   *
   * @param indices n (column, row) pairs
   * @return n (x, y, z) coordinates in millimetres
   */
  public double[][] apply(int[][] indices) {
    return PlaneAffine.apply(affine, PlaneAffine.toDoubles(indices, 2), 2, 3);
  }
}
