package org.highdicom4j.sr;

/**
 * Pixel Origin Interpretation (0048,0301) of SCOORD image coordinates (PS3.3 C.18.6.1.2),
 * highdicom's {@code PixelOriginInterpretationValues}: relative to one frame or to the total pixel
 * matrix of a tiled image.
 */
public enum PixelOriginInterpretationValues {
  /** {@code FRAME}. */
  FRAME("FRAME"),

  /** {@code VOLUME}. */
  VOLUME("VOLUME");

  private final String value;

  PixelOriginInterpretationValues(String value) {
    this.value = value;
  }

  /**
   * Returns the DICOM string of this value.
   *
   * @return the defined term as written in PixelOriginInterpretation (0048,0301)
   */
  public String value() {
    return value;
  }

  /**
   * Parses a DICOM string.
   *
   * @param value the defined term as written in PixelOriginInterpretation (0048,0301)
   * @return the matching constant
   * @throws IllegalArgumentException when the value is not one of the defined terms
   * @throws NullPointerException when value is null
   */
  public static PixelOriginInterpretationValues fromValue(String value) {
    return Enums.parse(
        values(),
        value,
        "PixelOriginInterpretation (0048,0301)",
        PixelOriginInterpretationValues::value);
  }
}
