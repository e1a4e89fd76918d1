package org.highdicom4j.seg;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Enumerated values of Segment Algorithm Type (0062,0008): how a segment was made.
 *
 * <p>highdicom: {@code highdicom.seg.SegmentAlgorithmTypeValues}.
 */
public enum SegmentAlgorithmTypeValues {
  /** Made by an algorithm without user input. */
  AUTOMATIC("AUTOMATIC"),
  /** Made by an algorithm with user input. */
  SEMIAUTOMATIC("SEMIAUTOMATIC"),
  /** Drawn by a person. */
  MANUAL("MANUAL");

  private final String value;

  SegmentAlgorithmTypeValues(String value) {
    this.value = value;
  }

  /** Returns the value as written in SegmentAlgorithmType (0062,0008). */
  public String value() {
    return value;
  }

  /**
   * Returns the constant for a DICOM value.
   *
   * @param value the value of SegmentAlgorithmType (0062,0008)
   * @return the constant
   * @throws IllegalArgumentException naming the allowed values when {@code value} is none of them
   */
  public static SegmentAlgorithmTypeValues fromValue(String value) {
    Objects.requireNonNull(value, "value");
    for (SegmentAlgorithmTypeValues v : values()) {
      if (v.value.equals(value)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "SegmentAlgorithmType (0062,0008) has an unknown value (expected one of "
            + Arrays.stream(values())
                .map(SegmentAlgorithmTypeValues::value)
                .collect(Collectors.joining(", "))
            + "): "
            + value);
  }
}
