package org.highdicom4j.sr;

/**
 * Value Type (0040,A040) of an SR content item (PS3.3 C.17.3.2.1), highdicom's {@code
 * ValueTypeValues}.
 */
public enum ValueTypeValues {
  /** {@code CODE}. */
  CODE("CODE"),

  /** {@code COMPOSITE}. */
  COMPOSITE("COMPOSITE"),

  /** {@code CONTAINER}. */
  CONTAINER("CONTAINER"),

  /** {@code DATE}. */
  DATE("DATE"),

  /** {@code DATETIME}. */
  DATETIME("DATETIME"),

  /** {@code IMAGE}. */
  IMAGE("IMAGE"),

  /** {@code NUM}. */
  NUM("NUM"),

  /** {@code PNAME}. */
  PNAME("PNAME"),

  /** {@code SCOORD}. */
  SCOORD("SCOORD"),

  /** {@code SCOORD3D}. */
  SCOORD3D("SCOORD3D"),

  /** {@code TCOORD}. */
  TCOORD("TCOORD"),

  /** {@code TEXT}. */
  TEXT("TEXT"),

  /** {@code TIME}. */
  TIME("TIME"),

  /** {@code UIDREF}. */
  UIDREF("UIDREF"),

  /** {@code WAVEFORM}. */
  WAVEFORM("WAVEFORM");

  private final String value;

  ValueTypeValues(String value) {
    this.value = value;
  }

  /**
   * Returns the DICOM string of this value.
   *
   * @return the defined term as written in ValueType (0040,A040)
   */
  public String value() {
    return value;
  }

  /**
   * Parses a DICOM string.
   *
   * @param value the defined term as written in ValueType (0040,A040)
   * @return the matching constant
   * @throws IllegalArgumentException when the value is not one of the defined terms
   * @throws NullPointerException when value is null
   */
  public static ValueTypeValues fromValue(String value) {
    return Enums.parse(values(), value, "ValueType (0040,A040)", ValueTypeValues::value);
  }
}
