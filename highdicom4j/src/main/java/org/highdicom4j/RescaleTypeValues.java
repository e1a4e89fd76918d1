package org.highdicom4j;

import java.util.Arrays;
import java.util.Objects;

/**
 * Defined terms of Rescale Type (0028,1054) and Modality LUT Type (0028,3004), PS3.3 C.11.1.1.2;
 * highdicom's {@code RescaleTypeValues}. Both attributes also accept other (LO) values, so the APIs
 * that take this enum have a String overload too.
 */
public enum RescaleTypeValues {
  /** Optical density (thousands). */
  OD("OD"),
  /** Hounsfield units. */
  HU("HU"),
  /** Unspecified. */
  US("US"),
  /** Milligrams per millilitre. */
  MGML("MGML"),
  /** Effective atomic number (in dual-energy CT). */
  Z_EFF("Z_EFF"),
  /** Electron density in 10^23 per millilitre. */
  ED("ED"),
  /** Electron density normalised to water. */
  EDW("EDW"),
  /** Modified Hounsfield units. */
  HU_MOD("HU_MOD"),
  /** Percentage. */
  PCT("PCT");

  private final String value;

  RescaleTypeValues(String value) {
    this.value = value;
  }

  /** Returns the DICOM code string. */
  public String value() {
    return value;
  }

  /**
   * Returns the constant of a Rescale Type (0028,1054) value.
   *
   * @param value the code string, surrounding spaces ignored
   * @return the constant
   * @throws IllegalArgumentException when the value is not a defined term
   */
  public static RescaleTypeValues fromValue(String value) {
    Objects.requireNonNull(value, "value");
    String v = value.strip();
    for (RescaleTypeValues f : values()) {
      if (f.value.equals(v)) {
        return f;
      }
    }
    throw new IllegalArgumentException(
        "RescaleType (0028,1054) is not a defined term (expected one of "
            + Arrays.toString(values())
            + "): "
            + value);
  }
}
