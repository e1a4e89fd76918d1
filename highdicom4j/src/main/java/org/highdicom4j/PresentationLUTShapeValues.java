package org.highdicom4j;

import java.util.Arrays;
import java.util.Objects;

/**
 * Enumerated values of Presentation LUT Shape (2050,0020), PS3.3 C.11.6.1.2; highdicom's {@code
 * PresentationLUTShapeValues}.
 */
public enum PresentationLUTShapeValues {
  /** No further translation of values. */
  IDENTITY("IDENTITY"),
  /** The minimum output value means maximum luminance: the polarity is inverted. */
  INVERSE("INVERSE");

  private final String value;

  PresentationLUTShapeValues(String value) {
    this.value = value;
  }

  /** Returns the DICOM code string. */
  public String value() {
    return value;
  }

  /**
   * Returns the constant of a Presentation LUT Shape (2050,0020) value.
   *
   * @param value the code string, surrounding spaces ignored
   * @return the constant
   * @throws IllegalArgumentException when the value is not an enumerated value
   */
  public static PresentationLUTShapeValues fromValue(String value) {
    Objects.requireNonNull(value, "value");
    String v = value.strip();
    for (PresentationLUTShapeValues f : values()) {
      if (f.value.equals(v)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "PresentationLUTShape (2050,0020) is not an enumerated value (expected one of "
            + Arrays.toString(values())
            + "): "
            + value);
  }
}
