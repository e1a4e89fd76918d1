package org.highdicom4j;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Enumerated values of Dimension Organization Type (0020,9311), which says how the frames of a
 * multi-frame image are organised.
 *
 * <p>highdicom: {@code highdicom.DimensionOrganizationTypeValues}.
 */
public enum DimensionOrganizationTypeValues {
  /** Frames are parallel planes of a 3D volume. */
  THREE_DIMENSIONAL("3D"),
  /** Frames are parallel planes of a 3D volume at several times. */
  THREE_DIMENSIONAL_TEMPORAL("3D_TEMPORAL"),
  /**
   * Frames are tiles of a total pixel matrix in a predetermined order without per-frame positions.
   */
  TILED_FULL("TILED_FULL"),
  /** Frames are tiles of a total pixel matrix with explicit per-frame positions. */
  TILED_SPARSE("TILED_SPARSE");

  private final String value;

  DimensionOrganizationTypeValues(String value) {
    this.value = value;
  }

  /** Returns the value as written in DimensionOrganizationType (0020,9311). */
  public String value() {
    return value;
  }

  /**
   * Returns the constant for a DICOM value.
   *
   * @param value the value of DimensionOrganizationType (0020,9311)
   * @return the constant
   * @throws IllegalArgumentException naming the allowed values when {@code value} is none of them
   */
  public static DimensionOrganizationTypeValues fromValue(String value) {
    Objects.requireNonNull(value, "value");
    for (DimensionOrganizationTypeValues v : values()) {
      if (v.value.equals(value)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "DimensionOrganizationType (0020,9311) has an unknown value (expected one of "
            + Arrays.stream(values())
                .map(DimensionOrganizationTypeValues::value)
                .collect(Collectors.joining(", "))
            + "): "
            + value);
  }
}
