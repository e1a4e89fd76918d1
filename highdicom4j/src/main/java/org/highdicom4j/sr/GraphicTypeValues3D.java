package org.highdicom4j.sr;

/**
 * Graphic Type (0070,0023) of a SCOORD3D content item in a frame of reference (PS3.3 C.18.9.1.2),
 * highdicom's {@code GraphicTypeValues3D}: POINT has one (x, y, z) triplet, MULTIPOINT and POLYLINE
 * several, POLYGON a closed coplanar list (first equals last), ELLIPSE four (major then minor axis
 * end points), ELLIPSOID six (three axes).
 */
public enum GraphicTypeValues3D {
  /** {@code ELLIPSE}. */
  ELLIPSE("ELLIPSE"),

  /** {@code ELLIPSOID}. */
  ELLIPSOID("ELLIPSOID"),

  /** {@code MULTIPOINT}. */
  MULTIPOINT("MULTIPOINT"),

  /** {@code POINT}. */
  POINT("POINT"),

  /** {@code POLYLINE}. */
  POLYLINE("POLYLINE"),

  /** {@code POLYGON}. */
  POLYGON("POLYGON");

  private final String value;

  GraphicTypeValues3D(String value) {
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
  public static GraphicTypeValues3D fromValue(String value) {
    return Enums.parse(values(), value, "GraphicType (0070,0023)", GraphicTypeValues3D::value);
  }
}
