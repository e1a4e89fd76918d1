package org.highdicom4j.spatial;

import java.util.Objects;
import org.highdicom4j.AxisHandedness;

/**
 * Options of {@link Spatial#getVolumePositions} (highdicom's keyword arguments of {@code
 * get_volume_positions}). Immutable; start from {@link #defaults()} and change with the {@code
 * with…} methods.
 *
 * @param rtol relative tolerance of spacing regularity, or null; when neither tolerance is given a
 *     relative tolerance of 0.01 applies
 * @param atol absolute tolerance of spacing regularity in millimetres, or null; not together with
 *     {@code rtol}
 * @param sort sort positions along the normal before checking (otherwise the given order must be
 *     regular)
 * @param allowMissingPositions allow gaps that are integer multiples of the spacing
 * @param allowDuplicatePositions allow several planes at one position
 * @param spacingHint expected spacing (e.g. Spacing Between Slices (0018,0088)), or null
 * @param indexConvention in-plane index convention, two of R/L and D/U, e.g. {@code "DR"}
 * @param handedness handedness that decides the positive slice direction
 * @param enforceHandedness with {@code sort == false}, require the given order to have that
 *     handedness
 * @param perpendicularTol tolerance on the dot product between the slice normal and the line from
 *     the first to the last plane (it must be within this of ±1), or null for the default 1e-3
 *     (highdicom's {@code perpendicular_tol}, 0.26)
 */
public record VolumePositionOptions(
    Double rtol,
    Double atol,
    boolean sort,
    boolean allowMissingPositions,
    boolean allowDuplicatePositions,
    Double spacingHint,
    String indexConvention,
    AxisHandedness handedness,
    boolean enforceHandedness,
    Double perpendicularTol) {

  /** Default relative tolerance of slice spacing regularity (highdicom: 1 %). */
  public static final double DEFAULT_RELATIVE_TOLERANCE = 1e-2;

  /** Validates the combination (highdicom's checks). */
  public VolumePositionOptions {
    Objects.requireNonNull(indexConvention, "indexConvention");
    Objects.requireNonNull(handedness, "handedness");
    if (rtol != null && atol != null) {
      throw new IllegalArgumentException(
          "Arguments 'rtol' and 'atol' may not be provided together.");
    }
    if (!sort && allowDuplicatePositions) {
      throw new IllegalArgumentException("Argument 'allow_duplicate_positions' requires 'sort'.");
    }
    if (!sort && allowMissingPositions) {
      throw new IllegalArgumentException("Argument 'allow_missing_positions' requires 'sort'.");
    }
    if (spacingHint != null) {
      if (spacingHint == 0.0) {
        throw new IllegalArgumentException("Argument 'spacing_hint' cannot be 0.");
      }
      // Negative values occur in some corners of the standard; only the magnitude matters.
      spacingHint = Math.abs(spacingHint);
    }
    if (perpendicularTol != null && !(perpendicularTol >= 0)) {
      throw new IllegalArgumentException(
          "Argument 'perpendicular_tol' must be non-negative: " + perpendicularTol);
    }
    Spatial.normalizePixelIndexConvention(indexConvention);
  }

  /**
   * Creates options with the default perpendicularity tolerance.
   *
   * @param rtol relative tolerance, or null
   * @param atol absolute tolerance in millimetres, or null
   * @param sort sort positions along the normal
   * @param allowMissingPositions allow gaps
   * @param allowDuplicatePositions allow several planes at one position
   * @param spacingHint expected spacing, or null
   * @param indexConvention in-plane index convention
   * @param handedness handedness of the slice direction
   * @param enforceHandedness require the given order's handedness when not sorting
   */
  public VolumePositionOptions(
      Double rtol,
      Double atol,
      boolean sort,
      boolean allowMissingPositions,
      boolean allowDuplicatePositions,
      Double spacingHint,
      String indexConvention,
      AxisHandedness handedness,
      boolean enforceHandedness) {
    this(
        rtol,
        atol,
        sort,
        allowMissingPositions,
        allowDuplicatePositions,
        spacingHint,
        indexConvention,
        handedness,
        enforceHandedness,
        null);
  }

  /**
   * Returns highdicom's defaults: rtol 0.01, sorted, no gaps, no duplicates, "DR", right-handed.
   */
  public static VolumePositionOptions defaults() {
    return new VolumePositionOptions(
        null, null, true, false, false, null, "DR", AxisHandedness.RIGHT_HANDED, false);
  }

  /**
   * Returns a copy with a relative tolerance (and no absolute one).
   *
   * @param value relative tolerance
   * @return the options
   */
  public VolumePositionOptions withRtol(double value) {
    return new VolumePositionOptions(
        value,
        null,
        sort,
        allowMissingPositions,
        allowDuplicatePositions,
        spacingHint,
        indexConvention,
        handedness,
        enforceHandedness,
        perpendicularTol);
  }

  /**
   * Returns a copy with an absolute tolerance in millimetres (and no relative one).
   *
   * @param value absolute tolerance
   * @return the options
   */
  public VolumePositionOptions withAtol(double value) {
    return new VolumePositionOptions(
        null,
        value,
        sort,
        allowMissingPositions,
        allowDuplicatePositions,
        spacingHint,
        indexConvention,
        handedness,
        enforceHandedness,
        perpendicularTol);
  }

  /**
   * Returns a copy with sorting switched on or off.
   *
   * @param value whether to sort
   * @return the options
   */
  public VolumePositionOptions withSort(boolean value) {
    return new VolumePositionOptions(
        rtol,
        atol,
        value,
        allowMissingPositions,
        allowDuplicatePositions,
        spacingHint,
        indexConvention,
        handedness,
        enforceHandedness,
        perpendicularTol);
  }

  /**
   * Returns a copy that allows or forbids missing positions.
   *
   * @param value whether gaps are allowed
   * @return the options
   */
  public VolumePositionOptions withAllowMissingPositions(boolean value) {
    return new VolumePositionOptions(
        rtol,
        atol,
        sort,
        value,
        allowDuplicatePositions,
        spacingHint,
        indexConvention,
        handedness,
        enforceHandedness,
        perpendicularTol);
  }

  /**
   * Returns a copy that allows or forbids duplicate positions.
   *
   * @param value whether duplicates are allowed
   * @return the options
   */
  public VolumePositionOptions withAllowDuplicatePositions(boolean value) {
    return new VolumePositionOptions(
        rtol,
        atol,
        sort,
        allowMissingPositions,
        value,
        spacingHint,
        indexConvention,
        handedness,
        enforceHandedness,
        perpendicularTol);
  }

  /**
   * Returns a copy with a spacing hint.
   *
   * @param value expected spacing in millimetres, or null
   * @return the options
   */
  public VolumePositionOptions withSpacingHint(Double value) {
    return new VolumePositionOptions(
        rtol,
        atol,
        sort,
        allowMissingPositions,
        allowDuplicatePositions,
        value,
        indexConvention,
        handedness,
        enforceHandedness,
        perpendicularTol);
  }

  /**
   * Returns a copy with another in-plane index convention and handedness.
   *
   * @param convention two of R/L and D/U, e.g. {@code "RD"}
   * @param hand handedness
   * @return the options
   */
  public VolumePositionOptions withConvention(String convention, AxisHandedness hand) {
    return new VolumePositionOptions(
        rtol,
        atol,
        sort,
        allowMissingPositions,
        allowDuplicatePositions,
        spacingHint,
        convention,
        hand,
        enforceHandedness,
        perpendicularTol);
  }

  /**
   * Returns a copy that enforces (or not) the handedness of an unsorted order.
   *
   * @param value whether to enforce
   * @return the options
   */
  public VolumePositionOptions withEnforceHandedness(boolean value) {
    return new VolumePositionOptions(
        rtol,
        atol,
        sort,
        allowMissingPositions,
        allowDuplicatePositions,
        spacingHint,
        indexConvention,
        handedness,
        value,
        perpendicularTol);
  }

  /**
   * Returns a copy with another perpendicularity tolerance.
   *
   * @param value tolerance on the dot product, or null for the default 1e-3
   * @return the options
   */
  public VolumePositionOptions withPerpendicularTol(Double value) {
    return new VolumePositionOptions(
        rtol,
        atol,
        sort,
        allowMissingPositions,
        allowDuplicatePositions,
        spacingHint,
        indexConvention,
        handedness,
        enforceHandedness,
        value);
  }

  double effectivePerpendicularTol() {
    return perpendicularTol == null
        ? Spatial.DOT_PRODUCT_PERPENDICULAR_TOLERANCE
        : perpendicularTol;
  }

  double effectiveRtol() {
    if (rtol != null) {
      return rtol;
    }
    return atol == null ? DEFAULT_RELATIVE_TOLERANCE : 0.0;
  }

  double effectiveAtol() {
    return atol == null ? 0.0 : atol;
  }
}
