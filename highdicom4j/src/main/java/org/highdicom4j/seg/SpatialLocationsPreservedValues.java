package org.highdicom4j.seg;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Enumerated values of Spatial Locations Preserved (0028,135A): whether a derived frame keeps the
 * pixel locations of its source.
 *
 * <p>highdicom: {@code highdicom.seg.SpatialLocationsPreservedValues}.
 */
public enum SpatialLocationsPreservedValues {
  /** Pixel locations are those of the source frame. */
  YES("YES"),
  /** Pixel locations differ from those of the source frame. */
  NO("NO"),
  /** The source was only flipped or rotated by multiples of 90 degrees. */
  REORIENTED_ONLY("REORIENTED_ONLY");

  private final String value;

  SpatialLocationsPreservedValues(String value) {
    this.value = value;
  }

  /** Returns the value as written in SpatialLocationsPreserved (0028,135A). */
  public String value() {
    return value;
  }

  /**
   * Returns the constant for a DICOM value.
   *
   * @param value the value of SpatialLocationsPreserved (0028,135A)
   * @return the constant
   * @throws IllegalArgumentException naming the allowed values when {@code value} is none of them
   */
  public static SpatialLocationsPreservedValues fromValue(String value) {
    Objects.requireNonNull(value, "value");
    for (SpatialLocationsPreservedValues v : values()) {
      if (v.value.equals(value)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "SpatialLocationsPreserved (0028,135A) has an unknown value (expected one of "
            + Arrays.stream(values())
                .map(SpatialLocationsPreservedValues::value)
                .collect(Collectors.joining(", "))
            + "): "
            + value);
  }
}
