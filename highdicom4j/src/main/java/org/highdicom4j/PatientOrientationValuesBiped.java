package org.highdicom4j;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * Patient directions of Patient Orientation (0020,0020) for biped anatomy (PS3.3 C.7.6.1.1.1;
 * highdicom {@code PatientOrientationValuesBiped}).
 */
public enum PatientOrientationValuesBiped {
  /** Anterior. */
  A("A"),
  /** Foot. */
  F("F"),
  /** Head. */
  H("H"),
  /** Left. */
  L("L"),
  /** Posterior. */
  P("P"),
  /** Right. */
  R("R");

  private final String value;

  PatientOrientationValuesBiped(String value) {
    this.value = value;
  }

  /** Returns the value as highdicom and DICOM spell it. */
  public String value() {
    return value;
  }

  /**
   * Parses a value.
   *
   * @param value the value, e.g. {@code "A:Anterior."}
   * @return the constant
   * @throws IllegalArgumentException when the value is not one of the allowed values
   */
  public static PatientOrientationValuesBiped fromValue(String value) {
    for (PatientOrientationValuesBiped v : values()) {
      if (v.value.equals(value)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "PatientOrientationValuesBiped value not allowed (expected one of "
            + Arrays.stream(values())
                .map(PatientOrientationValuesBiped::value)
                .collect(Collectors.joining(", "))
            + "): "
            + value);
  }
}
