package org.highdicom4j;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Enumerated values of Content Qualification (0018,9004), which says whether content is for
 * product, research or service use.
 *
 * <p>highdicom: {@code highdicom.ContentQualificationValues}.
 */
public enum ContentQualificationValues {
  /** Content for clinical (product) use. */
  PRODUCT("PRODUCT"),
  /** Content for research use. */
  RESEARCH("RESEARCH"),
  /** Content for service use. */
  SERVICE("SERVICE");

  private final String value;

  ContentQualificationValues(String value) {
    this.value = value;
  }

  /** Returns the value as written in ContentQualification (0018,9004). */
  public String value() {
    return value;
  }

  /**
   * Returns the constant for a DICOM value.
   *
   * @param value the value of ContentQualification (0018,9004)
   * @return the constant
   * @throws IllegalArgumentException naming the allowed values when {@code value} is none of them
   */
  public static ContentQualificationValues fromValue(String value) {
    Objects.requireNonNull(value, "value");
    for (ContentQualificationValues v : values()) {
      if (v.value.equals(value)) {
        return v;
      }
    }
    throw new IllegalArgumentException(
        "ContentQualification (0018,9004) has an unknown value (expected one of "
            + Arrays.stream(values())
                .map(ContentQualificationValues::value)
                .collect(Collectors.joining(", "))
            + "): "
            + value);
  }
}
