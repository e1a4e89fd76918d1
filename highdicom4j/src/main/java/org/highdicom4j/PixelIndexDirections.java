package org.highdicom4j;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Directions in which pixel indices increase within a frame (highdicom {@code
 * PixelIndexDirections}).
 */
public enum PixelIndexDirections {
  /** Down the columns, top to bottom. */
  D("D"),
  /** Along the rows, right to left. */
  L("L"),
  /** Along the rows, left to right. */
  R("R"),
  /** Up the columns, bottom to top. */
  U("U");

  private final String value;

  PixelIndexDirections(String value) {
    this.value = value;
  }

  /** Returns the value as highdicom and DICOM spell it. */
  public String value() {
    return value;
  }

  /**
   * Parses a value.
   *
   * @param value the value, e.g. {@code "D:Down the columns, top to bottom."}
   * @return the constant
   * @throws IllegalArgumentException when the value is not one of the allowed values
   */
  public static PixelIndexDirections fromValue(String value) {
    for (PixelIndexDirections v : values()) {
      if (v.value.equals(value)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "PixelIndexDirections value not allowed (expected one of "
            + Arrays.stream(values())
                .map(PixelIndexDirections::value)
                .collect(Collectors.joining(", "))
            + "): "
            + value);
  }
}
