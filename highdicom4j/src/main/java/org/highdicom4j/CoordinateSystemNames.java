package org.highdicom4j;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Frame of reference coordinate systems of images and volumes: the patient-based (PS3.3 C.7.6.2)
 * and slide-based (PS3.3 C.8.12.4) coordinate systems (highdicom {@code CoordinateSystemNames}).
 */
public enum CoordinateSystemNames {
  /** Patient-based coordinate system (LPS, millimetres). */
  PATIENT("PATIENT"),
  /** Slide-based coordinate system (millimetres). */
  SLIDE("SLIDE");

  private final String value;

  CoordinateSystemNames(String value) {
    this.value = value;
  }

  /** Returns the value as highdicom and DICOM spell it. */
  public String value() {
    return value;
  }

  /**
   * Parses a value.
   *
   * @param value the value, e.g. {@code "PATIENT:Patient-based coordinate system (LPS,
   *     millimetres)."}
   * @return the constant
   * @throws IllegalArgumentException when the value is not one of the allowed values
   */
  public static CoordinateSystemNames fromValue(String value) {
    for (CoordinateSystemNames v : values()) {
      if (v.value.equals(value)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "CoordinateSystemNames value not allowed (expected one of "
            + Arrays.stream(values())
                .map(CoordinateSystemNames::value)
                .collect(Collectors.joining(", "))
            + "): "
            + value);
  }
}
