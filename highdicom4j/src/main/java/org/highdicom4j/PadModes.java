package org.highdicom4j;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Modes for padding a volume array (highdicom {@code PadModes}). */
public enum PadModes {
  /** Pad with a given constant value. */
  CONSTANT("CONSTANT"),
  /** Pad with the value at the nearest edge. */
  EDGE("EDGE"),
  /** Pad with the minimum of the array. */
  MINIMUM("MINIMUM"),
  /** Pad with the maximum of the array. */
  MAXIMUM("MAXIMUM"),
  /** Pad with the mean of the array. */
  MEAN("MEAN"),
  /** Pad with the median of the array. */
  MEDIAN("MEDIAN");

  private final String value;

  PadModes(String value) {
    this.value = value;
  }

  /** Returns the value as highdicom and DICOM spell it. */
  public String value() {
    return value;
  }

  /**
   * Parses a value.
   *
   * @param value the value, e.g. {@code "CONSTANT:Pad with a given constant value."}
   * @return the constant
   * @throws IllegalArgumentException when the value is not one of the allowed values
   */
  public static PadModes fromValue(String value) {
    for (PadModes v : values()) {
      if (v.value.equals(value)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "PadModes value not allowed (expected one of "
            + Arrays.stream(values()).map(PadModes::value).collect(Collectors.joining(", "))
            + "): "
            + value);
  }
}
