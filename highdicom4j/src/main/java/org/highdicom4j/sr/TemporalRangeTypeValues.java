package org.highdicom4j.sr;

/**
 * Temporal Range Type (0040,A130) of a TCOORD content item (PS3.3 C.18.7.1.1), highdicom's {@code
 * TemporalRangeTypeValues}.
 */
public enum TemporalRangeTypeValues {
  /** {@code BEGIN}. */
  BEGIN("BEGIN"),

  /** {@code END}. */
  END("END"),

  /** {@code MULTIPOINT}. */
  MULTIPOINT("MULTIPOINT"),

  /** {@code MULTISEGMENT}. */
  MULTISEGMENT("MULTISEGMENT"),

  /** {@code POINT}. */
  POINT("POINT"),

  /** {@code SEGMENT}. */
  SEGMENT("SEGMENT");

  private final String value;

  TemporalRangeTypeValues(String value) {
    this.value = value;
  }

  /**
   * Returns the DICOM string of this value.
   *
   * @return the defined term as written in TemporalRangeType (0040,A130)
   */
  public String value() {
    return value;
  }

  /**
   * Parses a DICOM string.
   *
   * @param value the defined term as written in TemporalRangeType (0040,A130)
   * @return the matching constant
   * @throws IllegalArgumentException when the value is not one of the defined terms
   * @throws NullPointerException when value is null
   */
  public static TemporalRangeTypeValues fromValue(String value) {
    return Enums.parse(
        values(), value, "TemporalRangeType (0040,A130)", TemporalRangeTypeValues::value);
  }
}
