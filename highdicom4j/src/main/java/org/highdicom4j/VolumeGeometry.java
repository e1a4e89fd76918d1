package org.highdicom4j;

import java.util.Arrays;
import java.util.Map;
import java.util.Objects;
import org.highdicom4j.spatial.Spatial;

/**
 * The geometry of a volume without voxel data (highdicom {@code VolumeGeometry}): affine matrix,
 * spatial shape, coordinate system and Frame of Reference UID. Immutable; all operations of {@link
 * VolumeBase} return new geometries, so a geometry can be checked, cropped or re-oriented before
 * any pixels are loaded.
 */
public final class VolumeGeometry extends VolumeBase<VolumeGeometry> {
  private final int[] spatialShape;

  /**
   * Creates a geometry.
   *
   * @param affine 4 x 4 matrix from (slice, row, column, 1) to frame-of-reference (x, y, z, 1); its
   *     top-left 3 x 3 part must have orthogonal, non-zero columns and its last row must be [0, 0,
   *     0, 1]
   * @param spatialShape three positive extents
   * @param coordinateSystem PATIENT or SLIDE
   * @param frameOfReferenceUid Frame of Reference UID (0020,0052), or null
   */
  public VolumeGeometry(
      double[][] affine,
      int[] spatialShape,
      CoordinateSystemNames coordinateSystem,
      String frameOfReferenceUid) {
    super(affine, coordinateSystem, frameOfReferenceUid);
    Objects.requireNonNull(spatialShape, "spatialShape");
    if (spatialShape.length != 3) {
      throw new IllegalArgumentException(
          "Argument 'spatial_shape' must have length 3: " + spatialShape.length);
    }
    for (int v : spatialShape) {
      if (v < 1) {
        throw new IllegalArgumentException(
            "Argument 'spatial_shape' must contain positive values: "
                + Arrays.toString(spatialShape));
      }
    }
    this.spatialShape = spatialShape.clone();
  }

  /**
   * Creates the geometry of a stack of frames from DICOM attributes (highdicom {@code
   * VolumeGeometry.from_attributes}). Frames go down axis 0, rows down axis 1, columns down axis 2,
   * and axis 0 points along column cosines × row cosines so that the axes are right-handed.
   *
   * @param imagePosition Image Position (Patient) (0020,0032) of the first frame
   * @param imageOrientation Image Orientation (Patient) (0020,0037)
   * @param rows Rows (0028,0010)
   * @param columns Columns (0028,0011)
   * @param pixelSpacing Pixel Spacing (0028,0030)
   * @param spacingBetweenSlices spacing between frames, e.g. Spacing Between Slices (0018,0088) or
   *     inferred from positions
   * @param numberOfFrames number of frames (slices)
   * @param coordinateSystem PATIENT or SLIDE
   * @param frameOfReferenceUid Frame of Reference UID (0020,0052), or null
   * @return the geometry
   */
  public static VolumeGeometry fromAttributes(
      double[] imagePosition,
      double[] imageOrientation,
      int rows,
      int columns,
      double[] pixelSpacing,
      double spacingBetweenSlices,
      int numberOfFrames,
      CoordinateSystemNames coordinateSystem,
      String frameOfReferenceUid) {
    double[][] affine =
        Spatial.createAffineMatrixFromAttributes(
            imagePosition,
            imageOrientation,
            pixelSpacing,
            spacingBetweenSlices,
            Spatial.VOLUME_INDEX_CONVENTION,
            true,
            AxisHandedness.RIGHT_HANDED);
    return new VolumeGeometry(
        affine, new int[] {numberOfFrames, rows, columns}, coordinateSystem, frameOfReferenceUid);
  }

  /**
   * Creates a geometry from affine components (highdicom {@code VolumeGeometry.from_components}).
   *
   * @param spatialShape three extents
   * @param components spacing, position and direction
   * @param coordinateSystem PATIENT or SLIDE (a patient orientation needs PATIENT)
   * @param frameOfReferenceUid Frame of Reference UID (0020,0052), or null
   * @return the geometry
   */
  public static VolumeGeometry fromComponents(
      int[] spatialShape,
      AffineComponents components,
      CoordinateSystemNames coordinateSystem,
      String frameOfReferenceUid) {
    checkOrientationSystem(components, coordinateSystem);
    return new VolumeGeometry(
        components.toAffine(spatialShape), spatialShape, coordinateSystem, frameOfReferenceUid);
  }

  static void checkOrientationSystem(AffineComponents c, CoordinateSystemNames cs) {
    if (c.usesPatientOrientation() && cs != CoordinateSystemNames.PATIENT) {
      throw new IllegalArgumentException(
          "Argument 'patient_orientation' should be provided only for volumes in the patient"
              + " coordinate system: "
              + cs);
    }
  }

  @Override
  public int[] spatialShape() {
    return spatialShape.clone();
  }

  /** Returns the shape, equal to the spatial shape for a geometry. */
  public int[] shape() {
    return spatialShape.clone();
  }

  /**
   * Combines this geometry with voxel data.
   *
   * @param array array of shape (slices, rows, columns[, channels…])
   * @param channels one descriptor per channel axis with its values, in axis order; may be null
   * @return the volume
   */
  public Volume withArray(
      NdArray array, Map<ChannelDescriptor, ? extends java.util.List<?>> channels) {
    if (array.ndim() < 3 || !Arrays.equals(Arrays.copyOf(array.shape(), 3), spatialShape)) {
      throw new IllegalArgumentException(
          "Array must match the spatial shape of the geometry (expected "
              + Arrays.toString(spatialShape)
              + "): "
              + Arrays.toString(array.shape()));
    }
    return new Volume(array, affine, coordinateSystem, frameOfReferenceUid, channels);
  }

  /**
   * Combines this geometry with a 3-dimensional array.
   *
   * @param array array of shape (slices, rows, columns)
   * @return the volume
   */
  public Volume withArray(NdArray array) {
    return withArray(array, null);
  }

  @Override
  VolumeGeometry self() {
    return this;
  }

  @Override
  VolumeGeometry regrid(
      int[] first,
      int[] step,
      int[] size,
      double[][] newAffine,
      PadModes mode,
      double constantValue,
      boolean perChannel) {
    return new VolumeGeometry(newAffine, size, coordinateSystem, frameOfReferenceUid);
  }

  @Override
  VolumeGeometry permuted(int[] perm, double[][] newAffine) {
    int[] s = new int[3];
    for (int i = 0; i < 3; i++) {
      s[i] = spatialShape[perm[i]];
    }
    return new VolumeGeometry(newAffine, s, coordinateSystem, frameOfReferenceUid);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof VolumeGeometry && geometryEqual((VolumeGeometry) o, null);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(spatialShape) * 31 + Arrays.deepHashCode(affine);
  }

  @Override
  public String toString() {
    return "VolumeGeometry[shape="
        + Arrays.toString(spatialShape)
        + ", "
        + coordinateSystem
        + ", affine="
        + Arrays.deepToString(affine)
        + "]";
  }
}
