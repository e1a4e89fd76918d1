package org.highdicom4j;

import org.highdicom4j.spatial.VolumePositionOptions;

/**
 * Geometry options of building a volume from images: the keyword arguments {@code rtol}, {@code
 * atol}, {@code perpendicular_tol}, {@code orientation_tol} and {@code allow_missing_positions} of
 * highdicom's {@code Image.get_volume} and {@code get_volume_from_series}. The pixel transforms and
 * output type are given separately as {@link PixelTransformOptions}. Immutable.
 *
 * @param rtol relative tolerance of slice spacing regularity, or null (default 0.01 when atol is
 *     also null)
 * @param atol absolute tolerance of slice spacing regularity in millimetres, or null; not together
 *     with {@code rtol}
 * @param perpendicularTol tolerance of the dot product between the slice normal and the line
 *     through the first and last slice (must be within it of ±1), or null for 1e-3
 * @param orientationTol for series only: largest difference allowed between corresponding values of
 *     Image Orientation (Patient) (0020,0037) of the images, or null to require equal values
 * @param allowMissingPositions allow gaps in the stack (missing slices are filled with zeros)
 */
public record VolumeReadOptions(
    Double rtol,
    Double atol,
    Double perpendicularTol,
    Double orientationTol,
    boolean allowMissingPositions) {

  /** Checks the tolerances. */
  public VolumeReadOptions {
    if (rtol != null && atol != null) {
      throw new IllegalArgumentException(
          "Arguments 'rtol' and 'atol' may not be provided together.");
    }
    if (orientationTol != null && !(orientationTol >= 0)) {
      throw new IllegalArgumentException(
          "Argument 'orientation_tol' must be non-negative: " + orientationTol);
    }
  }

  /**
   * Returns highdicom's defaults: rtol 0.01, perpendicularity 1e-3, equal orientations, no gaps.
   */
  public static VolumeReadOptions defaults() {
    return new VolumeReadOptions(null, null, null, null, false);
  }

  /**
   * Returns a copy with an absolute spacing tolerance (and no relative one).
   *
   * @param value millimetres
   * @return the options
   */
  public VolumeReadOptions withAtol(double value) {
    return new VolumeReadOptions(
        null, value, perpendicularTol, orientationTol, allowMissingPositions);
  }

  /**
   * Returns a copy with a relative spacing tolerance (and no absolute one).
   *
   * @param value fraction of the spacing
   * @return the options
   */
  public VolumeReadOptions withRtol(double value) {
    return new VolumeReadOptions(
        value, null, perpendicularTol, orientationTol, allowMissingPositions);
  }

  /**
   * Returns a copy with another perpendicularity tolerance.
   *
   * @param value tolerance of the dot product, or null for 1e-3
   * @return the options
   */
  public VolumeReadOptions withPerpendicularTol(Double value) {
    return new VolumeReadOptions(rtol, atol, value, orientationTol, allowMissingPositions);
  }

  /**
   * Returns a copy with another orientation tolerance for series.
   *
   * @param value largest difference of direction cosines, or null to require equal values
   * @return the options
   */
  public VolumeReadOptions withOrientationTol(Double value) {
    return new VolumeReadOptions(rtol, atol, perpendicularTol, value, allowMissingPositions);
  }

  /**
   * Returns a copy that allows or forbids missing slices.
   *
   * @param value whether gaps are allowed
   * @return the options
   */
  public VolumeReadOptions withAllowMissingPositions(boolean value) {
    return new VolumeReadOptions(rtol, atol, perpendicularTol, orientationTol, value);
  }

  /** The options of {@code get_volume_positions} these stand for, without a spacing hint. */
  VolumePositionOptions positionOptions(boolean allowDuplicatePositions) {
    VolumePositionOptions o =
        VolumePositionOptions.defaults()
            .withAllowMissingPositions(allowMissingPositions)
            .withAllowDuplicatePositions(allowDuplicatePositions)
            .withPerpendicularTol(perpendicularTol);
    if (rtol != null) {
      o = o.withRtol(rtol);
    }
    if (atol != null) {
      o = o.withAtol(atol);
    }
    return o;
  }
}
