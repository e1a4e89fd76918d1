package org.highdicom4j;

import java.util.Objects;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.dict.ElementDictionary;

/**
 * Checks of attribute values against their Value Representation (PS3.5 Section 6.2) made before a
 * value is put into a created object, so that errors name the attribute and the constraint.
 *
 * <p>highdicom: {@code highdicom.valuerep} ({@code check_person_name}) and the LO / CS checks its
 * constructors make ({@code _check_long_string}, {@code _check_code_string}).
 */
public final class ValueRepresentations {
  private ValueRepresentations() {}

  /**
   * Returns the {@code Keyword (gggg,eeee)} prefix of error messages for a tag.
   *
   * @param tag the tag
   * @return e.g. {@code "Manufacturer (0008,0070)"}
   */
  public static String describe(int tag) {
    String keyword = ElementDictionary.keywordOf(tag);
    return (keyword == null ? "" : keyword + " ") + ElementDictionary.format(tag);
  }

  /**
   * Checks a Long String (LO) value: at most 64 characters, no backslash or control characters
   * other than ESC.
   *
   * @param tag the attribute's tag (for the message)
   * @param value the value
   * @return {@code value}
   * @throws NullPointerException when {@code value} is null
   * @throws IllegalArgumentException when the value breaks the VR's rules
   */
  public static String checkLongString(int tag, String value) {
    return checkString(tag, value, 64, "LO");
  }

  /**
   * Checks a Short String (SH) value: at most 16 characters, no backslash or control characters.
   *
   * @param tag the attribute's tag (for the message)
   * @param value the value
   * @return {@code value}
   */
  public static String checkShortString(int tag, String value) {
    return checkString(tag, value, 16, "SH");
  }

  private static String checkString(int tag, String value, int max, String vr) {
    Objects.requireNonNull(value, ElementDictionary.keywordOf(tag));
    if (value.length() > max) {
      throw new IllegalArgumentException(
          describe(tag)
              + " is too long for "
              + vr
              + " (expected at most "
              + max
              + " characters): "
              + value.length()
              + " characters, \""
              + value
              + "\"");
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || (c < 0x20 && c != 0x1B)) {
        throw new IllegalArgumentException(
            describe(tag)
                + " contains a character not allowed in "
                + vr
                + " (expected no backslash or control characters): \""
                + value
                + "\"");
      }
    }
    return value;
  }

  /**
   * Checks a Code String (CS) value: at most 16 characters of upper-case letters, digits, space and
   * underscore.
   *
   * @param tag the attribute's tag (for the message)
   * @param value the value
   * @return {@code value}
   */
  public static String checkCodeString(int tag, String value) {
    Objects.requireNonNull(value, ElementDictionary.keywordOf(tag));
    if (value.isEmpty() || value.length() > 16 || !value.matches("[A-Z0-9 _]+")) {
      throw new IllegalArgumentException(
          describe(tag)
              + " is not a valid code string (expected 1 to 16 characters A-Z, 0-9, space or"
              + " underscore): \""
              + value
              + "\"");
    }
    return value;
  }

  /**
   * Checks a Unique Identifier (UI) value (PS3.5 Section 9.1).
   *
   * @param tag the attribute's tag (for the message)
   * @param value the value
   * @return {@code value}
   */
  public static String checkUid(int tag, String value) {
    Objects.requireNonNull(value, ElementDictionary.keywordOf(tag));
    if (!UidGenerator.isValid(value)) {
      throw new IllegalArgumentException(
          describe(tag)
              + " is not a valid UID (expected at most 64 characters of digit components"
              + " separated by dots, without leading zeros): \""
              + value
              + "\"");
    }
    return value;
  }

  /**
   * Checks a Person Name (PN) value: at most five components per group, three groups, 64 characters
   * per group, no backslash.
   *
   * @param tag the attribute's tag (for the message)
   * @param value the value, e.g. {@code "Doe^John"}
   * @return {@code value}
   */
  public static String checkPersonName(int tag, String value) {
    Objects.requireNonNull(value, ElementDictionary.keywordOf(tag));
    String[] groups = value.split("=", -1);
    if (groups.length > 3 || value.indexOf('\\') >= 0) {
      throw new IllegalArgumentException(
          describe(tag)
              + " is not a valid person name (expected at most 3 groups and no backslash): \""
              + value
              + "\"");
    }
    for (String g : groups) {
      if (g.length() > 64 || g.split("\\^", -1).length > 5) {
        throw new IllegalArgumentException(
            describe(tag)
                + " is not a valid person name (expected at most 5 components and 64 characters"
                + " per group): \""
                + value
                + "\"");
      }
    }
    return value;
  }
}
