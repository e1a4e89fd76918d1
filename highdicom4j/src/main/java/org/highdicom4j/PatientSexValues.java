package org.highdicom4j;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Enumerated values of Patient's Sex (0010,0040).
 *
 * <p>highdicom: {@code highdicom.PatientSexValues}.
 */
public enum PatientSexValues {
  /** Male. */
  M("M"),
  /** Female. */
  F("F"),
  /** Other. */
  O("O");

  private final String value;

  PatientSexValues(String value) {
    this.value = value;
  }

  /** Returns the value as written in PatientSex (0010,0040). */
  public String value() {
    return value;
  }

  /**
   * Returns the constant for a DICOM value.
   *
   * @param value the value of PatientSex (0010,0040)
   * @return the constant
   * @throws IllegalArgumentException naming the allowed values when {@code value} is none of them
   */
  public static PatientSexValues fromValue(String value) {
    Objects.requireNonNull(value, "value");
    for (PatientSexValues v : values()) {
      if (v.value.equals(value)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "PatientSex (0010,0040) has an unknown value (expected one of "
            + Arrays.stream(values()).map(PatientSexValues::value).collect(Collectors.joining(", "))
            + "): "
            + value);
  }
}
