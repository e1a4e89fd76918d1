package org.highdicom4j.sr;

/**
 * Graphic Type (0070,0023) of a SCOORD content item in two-dimensional image coordinates (PS3.3
 * C.18.6.1.2), highdicom's {@code GraphicTypeValues}: POINT has one (column, row) pair, MULTIPOINT
 * and POLYLINE several, CIRCLE two (centre and a point on the circle), ELLIPSE four (the end points
 * of the major then the minor axis).
 */
public enum GraphicTypeValues {
  /** {@code CIRCLE}. */
  CIRCLE("CIRCLE"),

  /** {@code ELLIPSE}. */
  ELLIPSE("ELLIPSE"),

  /** {@code MULTIPOINT}. */
  MULTIPOINT("MULTIPOINT"),

  /** {@code POINT}. */
  POINT("POINT"),

  /** {@code POLYLINE}. */
  POLYLINE("POLYLINE");

  private final String value;

  GraphicTypeValues(String value) {
    this.value = value;
  }

  /**
   * Returns the DICOM string of this value.
   *
   * @return the defined term as written in GraphicType (0070,0023)
   */
  public String value() {
    return value;
  }

  /**
   * Parses a DICOM string.
   *
   * @param value the defined term as written in GraphicType (0070,0023)
   * @return the matching constant
   * @throws IllegalArgumentException when the value is not one of the defined terms
   * @throws NullPointerException when value is null
   */
  public static GraphicTypeValues fromValue(String value) {
    return Enums.parse(values(), value, "GraphicType (0070,0023)", GraphicTypeValues::value);
  }
}
