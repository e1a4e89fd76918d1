package org.highdicom4j;

import java.util.Arrays;
import java.util.Objects;

/**
 * Enumerated values of VOI LUT Function (0028,1056), PS3.3 C.11.2.1.3; highdicom's {@code
 * VOILUTFunctionValues}.
 */
public enum VOILUTFunctionValues {
  /** Linear window, PS3.3 C.11.2.1.2.1 (the default when the attribute is absent). */
  LINEAR("LINEAR"),
  /** Exact linear window, PS3.3 C.11.2.1.3.2. */
  LINEAR_EXACT("LINEAR_EXACT"),
  /** Sigmoid window, PS3.3 C.11.2.1.3.1. */
  SIGMOID("SIGMOID");

  private final String value;

  VOILUTFunctionValues(String value) {
    this.value = value;
  }

  /** Returns the DICOM code string. */
  public String value() {
    return value;
  }

  /**
   * Returns the constant of a VOI LUT Function (0028,1056) value.
   *
   * @param value the code string, surrounding spaces ignored
   * @return the constant
   * @throws IllegalArgumentException when the value is not one of the defined terms
   */
  public static VOILUTFunctionValues fromValue(String value) {
    Objects.requireNonNull(value, "value");
    String v = value.strip();
    for (VOILUTFunctionValues f : values()) {
      if (f.value.equals(v)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "VOILUTFunction (0028,1056) is not a defined term (expected one of "
            + Arrays.toString(values())
            + "): "
            + value);
  }
}
