package org.highdicom4j;

/**
 * Options of {@link Volumes} (highdicom's keyword arguments of {@code get_volume_from_series} and
 * {@code Image.get_volume} that this library supports).
 *
 * @param applyModalityTransform apply Rescale Slope (0028,1053) / Rescale Intercept (0028,1052):
 *     TRUE requires them, FALSE never applies them, null applies them when present
 * @param dtype element type of the volume, or null for the stored type (DType.forPixels) without
 *     rescaling and FLOAT32 with rescaling
 * @param rtol relative tolerance of slice spacing regularity, or null (default 0.01 when atol is
 *     also null)
 * @param atol absolute tolerance of slice spacing regularity in millimetres, or null
 * @param allowMissingPositions allow gaps (missing slices are filled with zeros)
 */
public record VolumeReadOptions(
    Boolean applyModalityTransform,
    DType dtype,
    Double rtol,
    Double atol,
    boolean allowMissingPositions) {

  /** Checks the tolerances. */
  public VolumeReadOptions {
    if (rtol != null && atol != null) {
      throw new IllegalArgumentException(
          "Arguments 'rtol' and 'atol' may not be provided together.");
    }
  }

  /** Returns the defaults: rescale when present, automatic dtype, rtol 0.01, no gaps. */
  public static VolumeReadOptions defaults() {
    return new VolumeReadOptions(null, null, null, null, false);
  }

  /**
   * Returns options that keep stored values (no modality transform).
   *
   * @return the options
   */
  public static VolumeReadOptions storedValues() {
    return new VolumeReadOptions(false, null, null, null, false);
  }

  /**
   * Returns a copy with another element type.
   *
   * @param type the type, or null for automatic
   * @return the options
   */
  public VolumeReadOptions withDtype(DType type) {
    return new VolumeReadOptions(applyModalityTransform, type, rtol, atol, allowMissingPositions);
  }

  /**
   * Returns a copy with another modality transform choice.
   *
   * @param apply TRUE, FALSE or null (when present)
   * @return the options
   */
  public VolumeReadOptions withApplyModalityTransform(Boolean apply) {
    return new VolumeReadOptions(apply, dtype, rtol, atol, allowMissingPositions);
  }

  /**
   * Returns a copy with an absolute spacing tolerance.
   *
   * @param value millimetres
   * @return the options
   */
  public VolumeReadOptions withAtol(double value) {
    return new VolumeReadOptions(applyModalityTransform, dtype, null, value, allowMissingPositions);
  }

  /**
   * Returns a copy with a relative spacing tolerance.
   *
   * @param value fraction of the spacing
   * @return the options
   */
  public VolumeReadOptions withRtol(double value) {
    return new VolumeReadOptions(applyModalityTransform, dtype, value, null, allowMissingPositions);
  }

  /**
   * Returns a copy that allows or forbids missing slices.
   *
   * @param value whether gaps are allowed
   * @return the options
   */
  public VolumeReadOptions withAllowMissingPositions(boolean value) {
    return new VolumeReadOptions(applyModalityTransform, dtype, rtol, atol, value);
  }

  org.highdicom4j.spatial.VolumePositionOptions positionOptions() {
    org.highdicom4j.spatial.VolumePositionOptions o =
        org.highdicom4j.spatial.VolumePositionOptions.defaults()
            .withAllowMissingPositions(allowMissingPositions);
    if (rtol != null) {
      o = o.withRtol(rtol);
    }
    if (atol != null) {
      o = o.withAtol(atol);
    }
    return o;
  }
}
