package org.highdicom4j.spatial;

import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.internal.Mat;

/**
 * Maps frame-of-reference coordinates to pixel indices of an image or frame (highdicom {@code
 * ReferenceToPixelTransformer}). The output is (column, row, slice): the slice index is the signed
 * distance from the image plane along the normal (row cosines × column cosines) in units of the
 * slice spacing. Indices may be negative or beyond the matrix for points outside it.
 */
public final class ReferenceToPixelTransformer {
  private final double[][] affine;
  private final boolean roundOutput;
  private final boolean dropSliceIndex;

  /**
   * Creates a transformer that rounds to whole pixels and keeps the slice index.
   *
   * @param imagePosition Image Position (Patient) (0020,0032): 3 values
   * @param imageOrientation Image Orientation (Patient) (0020,0037): 6 values
   * @param pixelSpacing Pixel Spacing (0028,0030)
   */
  public ReferenceToPixelTransformer(
      double[] imagePosition, double[] imageOrientation, double[] pixelSpacing) {
    this(imagePosition, imageOrientation, pixelSpacing, 1.0, true, false);
  }

  /**
   * Creates a transformer.
   *
   * @param imagePosition Image Position (Patient) (0020,0032): 3 values
   * @param imageOrientation Image Orientation (Patient) (0020,0037): 6 values
   * @param pixelSpacing Pixel Spacing (0028,0030)
   * @param spacingBetweenSlices distance between neighbouring slices (unit of the slice index)
   * @param roundOutput round the output to whole indices
   * @param dropSliceIndex return (column, row) only, requiring points within half a slice of the
   *     plane
   */
  public ReferenceToPixelTransformer(
      double[] imagePosition,
      double[] imageOrientation,
      double[] pixelSpacing,
      double spacingBetweenSlices,
      boolean roundOutput,
      boolean dropSliceIndex) {
    this.affine =
        Mat.inverse(
            PlaneAffine.pixelToReference(
                imagePosition, imageOrientation, pixelSpacing, spacingBetweenSlices));
    this.roundOutput = roundOutput;
    this.dropSliceIndex = dropSliceIndex;
  }

  /**
   * Creates a rounding transformer for an image, one of its frames or its total pixel matrix; the
   * slice spacing is Spacing Between Slices (0018,0088) when present, else 1.
   *
   * @param dataset the image
   * @param frameNumber 1-based frame (multi-frame images only), else null
   * @param forTotalPixelMatrix use the total pixel matrix of a tiled image
   * @return the transformer
   */
  public static ReferenceToPixelTransformer forImage(
      DicomDataset dataset, Integer frameNumber, boolean forTotalPixelMatrix) {
    SpatialInformation s = SpatialInformation.of(dataset, frameNumber, forTotalPixelMatrix);
    return new ReferenceToPixelTransformer(
        s.imagePosition(),
        s.imageOrientation(),
        s.pixelSpacing(),
        s.spacingBetweenSlices() == null ? 1.0 : s.spacingBetweenSlices(),
        true,
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
   * @return n (column, row, slice) indices, or (column, row) when the slice index is dropped; whole
   *     numbers when rounding
   * @throws IllegalArgumentException when dropping the slice index and a point lies more than half
   *     a slice off the plane
   */
  public double[][] apply(double[][] coordinates) {
    double[][] out = PlaneAffine.apply(affine, coordinates, 3, 3);
    for (double[] p : out) {
      if (dropSliceIndex && Math.abs(p[2]) > 0.5) {
        throw new IllegalArgumentException(
            "Output indices cannot be returned without their slice index because a coordinate"
                + " does not lie in the image plane (expected |slice| <= 0.5): "
                + p[2]);
      }
      if (roundOutput) {
        for (int i = 0; i < 3; i++) {
          p[i] = Math.rint(p[i]);
        }
      }
    }
    if (!dropSliceIndex) {
      return out;
    }
    double[][] two = new double[out.length][];
    for (int k = 0; k < out.length; k++) {
      two[k] = new double[] {out[k][0], out[k][1]};
    }
    return two;
  }
}
