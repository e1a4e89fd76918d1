package org.highdicom4j.seg;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Enumerated values of Segmentation Type (0062,0001): how segment membership is stored in the
 * pixels.
 *
 * <p>highdicom: {@code highdicom.seg.SegmentationTypeValues}.
 */
public enum SegmentationTypeValues {
  /** One 1-bit frame per segment and plane; segments may overlap. */
  BINARY("BINARY"),
  /** One 8-bit frame per segment and plane holding a probability or occupancy. */
  FRACTIONAL("FRACTIONAL"),
  /**
   * One 8- or 16-bit frame per plane whose values are segment numbers (Label Map Segmentation
   * Storage).
   */
  LABELMAP("LABELMAP");

  private final String value;

  SegmentationTypeValues(String value) {
    this.value = value;
  }

  /** Returns the value as written in SegmentationType (0062,0001). */
  public String value() {
    return value;
  }

  /**
   * Returns the constant for a DICOM value.
   *
   * @param value the value of SegmentationType (0062,0001)
   * @return the constant
   * @throws IllegalArgumentException naming the allowed values when {@code value} is none of them
   */
  public static SegmentationTypeValues fromValue(String value) {
    Objects.requireNonNull(value, "value");
    for (SegmentationTypeValues v : values()) {
      if (v.value.equals(value)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "SegmentationType (0062,0001) has an unknown value (expected one of "
            + Arrays.stream(values())
                .map(SegmentationTypeValues::value)
                .collect(Collectors.joining(", "))
            + "): "
            + value);
  }
}
