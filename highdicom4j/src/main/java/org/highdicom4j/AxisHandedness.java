package org.highdicom4j;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Handedness of the three spatial axes of a volume in the frame of reference (highdicom {@code
 * AxisHandedness}): whether the unit vectors of axes 0, 1 and 2 form a left or a right hand.
 */
public enum AxisHandedness {
  /** The axes form a left-handed system (negative triple product). */
  LEFT_HANDED("LEFT_HANDED"),
  /** The axes form a right-handed system (positive triple product). */
  RIGHT_HANDED("RIGHT_HANDED");

  private final String value;

  AxisHandedness(String value) {
    this.value = value;
  }

  /** Returns the value as highdicom and DICOM spell it. */
  public String value() {
    return value;
  }

  /**
   * Parses a value.
   *
   * @param value the value, e.g. {@code "LEFT_HANDED:The axes form a left-handed system (negative
   *     triple product)."}
   * @return the constant
   * @throws IllegalArgumentException when the value is not one of the allowed values
   */
  public static AxisHandedness fromValue(String value) {
    for (AxisHandedness v : values()) {
      if (v.value.equals(value)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "AxisHandedness value not allowed (expected one of "
            + Arrays.stream(values()).map(AxisHandedness::value).collect(Collectors.joining(", "))
            + "): "
            + value);
  }
}
