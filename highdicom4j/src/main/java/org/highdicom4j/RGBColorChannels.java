package org.highdicom4j;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Colour channels of an RGB volume (highdicom {@code RGBColorChannels}). */
public enum RGBColorChannels {
  /** Red. */
  R("R"),
  /** Green. */
  G("G"),
  /** Blue. */
  B("B");

  private final String value;

  RGBColorChannels(String value) {
    this.value = value;
  }

  /** Returns the value as highdicom and DICOM spell it. */
  public String value() {
    return value;
  }

  /**
   * Parses a value.
   *
   * @param value the value, e.g. {@code "R:Red."}
   * @return the constant
   * @throws IllegalArgumentException when the value is not one of the allowed values
   */
  public static RGBColorChannels fromValue(String value) {
    for (RGBColorChannels v : values()) {
      if (v.value.equals(value)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "RGBColorChannels value not allowed (expected one of "
            + Arrays.stream(values()).map(RGBColorChannels::value).collect(Collectors.joining(", "))
            + "): "
            + value);
  }
}
