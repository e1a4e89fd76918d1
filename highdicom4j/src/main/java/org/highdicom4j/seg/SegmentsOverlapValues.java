package org.highdicom4j.seg;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Enumerated values of Segments Overlap (0062,0013): whether a pixel may belong to several
 * segments.
 *
 * <p>highdicom: {@code highdicom.seg.SegmentsOverlapValues}.
 */
public enum SegmentsOverlapValues {
  /** Some pixels belong to more than one segment. */
  YES("YES"),
  /** Overlap has not been determined. */
  UNDEFINED("UNDEFINED"),
  /** No pixel belongs to more than one segment. */
  NO("NO");

  private final String value;

  SegmentsOverlapValues(String value) {
    this.value = value;
  }

  /** Returns the value as written in SegmentsOverlap (0062,0013). */
  public String value() {
    return value;
  }

  /**
   * Returns the constant for a DICOM value.
   *
   * @param value the value of SegmentsOverlap (0062,0013)
   * @return the constant
   * @throws IllegalArgumentException naming the allowed values when {@code value} is none of them
   */
  public static SegmentsOverlapValues fromValue(String value) {
    Objects.requireNonNull(value, "value");
    for (SegmentsOverlapValues v : values()) {
      if (v.value.equals(value)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "SegmentsOverlap (0062,0013) has an unknown value (expected one of "
            + Arrays.stream(values())
                .map(SegmentsOverlapValues::value)
                .collect(Collectors.joining(", "))
            + "): "
            + value);
  }
}
