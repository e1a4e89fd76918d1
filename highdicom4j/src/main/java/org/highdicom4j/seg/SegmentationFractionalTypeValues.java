package org.highdicom4j.seg;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Enumerated values of Segmentation Fractional Type (0062,0010): how a FRACTIONAL segmentation's
 * values are interpreted.
 *
 * <p>highdicom: {@code highdicom.seg.SegmentationFractionalTypeValues}.
 */
public enum SegmentationFractionalTypeValues {
  /** The value is the probability that the pixel belongs to the segment. */
  PROBABILITY("PROBABILITY"),
  /** The value is the fraction of the pixel occupied by the segment. */
  OCCUPANCY("OCCUPANCY");

  private final String value;

  SegmentationFractionalTypeValues(String value) {
    this.value = value;
  }

  /** Returns the value as written in SegmentationFractionalType (0062,0010). */
  public String value() {
    return value;
  }

  /**
   * Returns the constant for a DICOM value.
   *
   * @param value the value of SegmentationFractionalType (0062,0010)
   * @return the constant
   * @throws IllegalArgumentException naming the allowed values when {@code value} is none of them
   */
  public static SegmentationFractionalTypeValues fromValue(String value) {
    Objects.requireNonNull(value, "value");
    for (SegmentationFractionalTypeValues v : values()) {
      if (v.value.equals(value)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "SegmentationFractionalType (0062,0010) has an unknown value (expected one of "
            + Arrays.stream(values())
                .map(SegmentationFractionalTypeValues::value)
                .collect(Collectors.joining(", "))
            + "): "
            + value);
  }
}
