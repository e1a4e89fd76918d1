package org.highdicom4j.spatial;

import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.internal.Mat;

/**
 * Maps frame-of-reference coordinates to image coordinates of an image or frame (highdicom {@code
 * ReferenceToImageTransformer}), e.g. SCOORD3D to SCOORD. The output is (column, row, slice) with
 * (0.0, 0.0) at the top left corner of the top left pixel; slice is the signed distance from the
 * plane in units of the slice spacing.
 */
public final class ReferenceToImageTransformer {
  private final double[][] affine;
  private final boolean dropSliceCoord;

  /**
   * Creates a transformer with slice spacing 1 that keeps the slice coordinate.
   *
   * @param imagePosition Image Position (Patient) (0020,0032): 3 values
   * @param imageOrientation Image Orientation (Patient) (0020,0037): 6 values
   * @param pixelSpacing Pixel Spacing (0028,0030)
   */
  public ReferenceToImageTransformer(
      double[] imagePosition, double[] imageOrientation, double[] pixelSpacing) {
    this(imagePosition, imageOrientation, pixelSpacing, 1.0, false);
  }

  /**
   * Creates a transformer.
   *
   * @param imagePosition Image Position (Patient) (0020,0032): 3 values
   * @param imageOrientation Image Orientation (Patient) (0020,0037): 6 values
   * @param pixelSpacing Pixel Spacing (0028,0030)
   * @param spacingBetweenSlices unit of the slice coordinate
   * @param dropSliceCoord return (column, row) only, requiring points on the plane (within 1e-5
   *     slices)
   */
  public ReferenceToImageTransformer(
      double[] imagePosition,
      double[] imageOrientation,
      double[] pixelSpacing,
      double spacingBetweenSlices,
      boolean dropSliceCoord) {
    this.affine =
        Mat.multiply(
            PlaneAffine.shift(0.5, 0.5),
            Mat.inverse(
                PlaneAffine.pixelToReference(
                    imagePosition, imageOrientation, pixelSpacing, spacingBetweenSlices)));
    this.dropSliceCoord = dropSliceCoord;
  }

  /**
   * Creates a transformer for an image, one of its frames or its total pixel matrix.
   *
   * @param dataset the image
   * @param frameNumber 1-based frame (multi-frame images only), else null
   * @param forTotalPixelMatrix use the total pixel matrix of a tiled image
   * @return the transformer
   */
  public static ReferenceToImageTransformer forImage(
      DicomDataset dataset, Integer frameNumber, boolean forTotalPixelMatrix) {
    SpatialInformation s = SpatialInformation.of(dataset, frameNumber, forTotalPixelMatrix);
    return new ReferenceToImageTransformer(
        s.imagePosition(),
        s.imageOrientation(),
        s.pixelSpacing(),
        s.spacingBetweenSlices() == null ? 1.0 : s.spacingBetweenSlices(),
        false);
  }

  /** Returns the 4 x 4 matrix mapping (x, y, z, 1) to (column, row, slice, 1). */
  public double[][] affine() {
    return Mat.copy(affine);
  }

  /**
   * Maps coordinates.
   *
   * @param coordinates n (x, y, z) coordinates
   * @return n (column, row, slice) image coordinates, or (column, row) when dropping the slice
   * @throws IllegalArgumentException when dropping the slice coordinate of a point off the plane
   */
  public double[][] apply(double[][] coordinates) {
    double[][] out = PlaneAffine.apply(affine, coordinates, 3, 3);
    if (!dropSliceCoord) {
      return out;
    }
    double[][] two = new double[out.length][];
    for (int k = 0; k < out.length; k++) {
      if (Math.abs(out[k][2]) > Spatial.DEFAULT_EQUALITY_TOLERANCE) {
        throw new IllegalArgumentException(
            "Output coordinates cannot be returned without their slice coordinate because a"
                + " coordinate does not lie in the image plane: "
                + out[k][2]);
      }
      two[k] = new double[] {out[k][0], out[k][1]};
    }
    return two;
  }
}
