package org.highdicom4j.coding;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * A coded concept: one item of a Code Sequence (PS3.3 Table 8.8-1, Code Sequence Macro), the
 * counterpart of highdicom's {@code highdicom.sr.CodedConcept} and pydicom's {@code Code}.
 *
 * <p>The code value is written as Code Value (0008,0100) when it has at most 16 characters,
 * otherwise as URN Code Value (0008,0120) when it starts with {@code urn} or contains {@code ://},
 * else as Long Code Value (0008,0119) (highdicom's rule).
 *
 * <p>Equality and hash code follow highdicom's documented rule: two concepts are equal when their
 * coding scheme designator and code value are equal, whatever their meanings. A SNOMED-RT code
 * ({@code SRT}) equals its SNOMED CT ({@code SCT}) equivalent, so {@code ("T-62000", "SRT",
 * "Liver")} equals {@code ("10200004", "SCT", "Liver")}. Unlike pydicom's {@code Code}, the coding
 * scheme version is not compared, so a code read from a file with a version equals the version-less
 * constant of {@link SCT}, {@link DCM} and the other scheme classes.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class CodedConcept {
  private static final int MAX_SHORT_VALUE = 16;
  private static final int MAX_MEANING = 64;

  private final String value;
  private final String schemeDesignator;
  private final String meaning;
  private final String schemeVersion;
  // SRT codes compare as their SCT equivalents.
  private final String keyValue;
  private final String keyScheme;

  /**
   * Creates a coded concept without a coding scheme version.
   *
   * @param value the code value: Code Value (0008,0100), Long Code Value (0008,0119) or URN Code
   *     Value (0008,0120); not empty
   * @param schemeDesignator Coding Scheme Designator (0008,0102), e.g. {@code SCT}; not empty
   * @param meaning Code Meaning (0008,0104), at most 64 characters
   * @throws IllegalArgumentException when a constraint is violated
   * @throws NullPointerException when an argument is null
   */
  public CodedConcept(String value, String schemeDesignator, String meaning) {
    this(value, schemeDesignator, meaning, null);
  }

  /**
   * Creates a coded concept.
   *
   * @param value the code value: Code Value (0008,0100), Long Code Value (0008,0119) or URN Code
   *     Value (0008,0120); not empty
   * @param schemeDesignator Coding Scheme Designator (0008,0102), e.g. {@code SCT}; not empty
   * @param meaning Code Meaning (0008,0104), at most 64 characters
   * @param schemeVersion Coding Scheme Version (0008,0103), or null for none
   * @throws IllegalArgumentException when a constraint is violated
   * @throws NullPointerException when value, schemeDesignator or meaning is null
   */
  public CodedConcept(String value, String schemeDesignator, String meaning, String schemeVersion) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(schemeDesignator, "schemeDesignator");
    Objects.requireNonNull(meaning, "meaning");
    if (value.isEmpty()) {
      throw new IllegalArgumentException(
          "CodeValue (0008,0100) must not be empty (expected a code value)");
    }
    if (schemeDesignator.isEmpty()) {
      throw new IllegalArgumentException(
          "CodingSchemeDesignator (0008,0102) must not be empty (expected e.g. SCT, DCM)");
    }
    if (meaning.length() > MAX_MEANING) {
      throw new IllegalArgumentException(
          "CodeMeaning (0008,0104) is too long (expected at most 64 characters): "
              + meaning.length()
              + " characters, \""
              + meaning
              + "\"");
    }
    noBackslash("CodeValue (0008,0100)", value);
    noBackslash("CodingSchemeDesignator (0008,0102)", schemeDesignator);
    noBackslash("CodeMeaning (0008,0104)", meaning);
    if (schemeVersion != null) {
      noBackslash("CodingSchemeVersion (0008,0103)", schemeVersion);
    }
    this.value = value;
    this.schemeDesignator = schemeDesignator;
    this.meaning = meaning;
    this.schemeVersion = schemeVersion;
    String sct = "SRT".equals(schemeDesignator) ? SnomedMapping.srtToSct(value) : null;
    this.keyValue = sct != null ? sct : value;
    this.keyScheme = sct != null ? "SCT" : schemeDesignator;
  }

  private static void noBackslash(String attribute, String s) {
    if (s.indexOf('\\') >= 0) {
      throw new IllegalArgumentException(
          attribute + " must not contain a backslash (it separates values): " + s);
    }
  }

  /**
   * Reads a coded concept from a Code Sequence item, tolerating any one of the three value
   * attributes (highdicom's {@code CodedConcept.from_dataset}).
   *
   * @param item a Code Sequence item with exactly one of Code Value (0008,0100), Long Code Value
   *     (0008,0119) and URN Code Value (0008,0120), plus Coding Scheme Designator (0008,0102), Code
   *     Meaning (0008,0104) and optionally Coding Scheme Version (0008,0103)
   * @return the concept
   * @throws IllegalArgumentException when the item lacks an attribute, has several value
   *     attributes, or holds values a coded concept rejects
   * @throws NullPointerException when item is null
   */
  public static CodedConcept fromDataset(DicomDataset item) {
    Objects.requireNonNull(item, "item");
    List<String> present = new ArrayList<>(3);
    String value = null;
    int[] tags = {Tag.CodeValue, Tag.LongCodeValue, Tag.URNCodeValue};
    String[] names = {
      "CodeValue (0008,0100)", "LongCodeValue (0008,0119)", "URNCodeValue (0008,0120)"
    };
    for (int i = 0; i < tags.length; i++) {
      if (item.hasValue(tags[i])) {
        present.add(names[i]);
        value = item.getString(tags[i]);
      }
    }
    if (present.size() != 1) {
      throw new IllegalArgumentException(
          "Code Sequence item needs exactly one of CodeValue (0008,0100), LongCodeValue"
              + " (0008,0119) and URNCodeValue (0008,0120) (expected 1): "
              + (present.isEmpty() ? "none" : String.join(", ", present)));
    }
    String scheme = item.getString(Tag.CodingSchemeDesignator);
    if (scheme == null) {
      throw new IllegalArgumentException(
          "CodingSchemeDesignator (0008,0102) is missing (expected a designator) in a Code"
              + " Sequence item with value "
              + value);
    }
    String meaning = item.getString(Tag.CodeMeaning);
    if (meaning == null) {
      throw new IllegalArgumentException(
          "CodeMeaning (0008,0104) is missing (expected a meaning) in a Code Sequence item with"
              + " value "
              + value);
    }
    return new CodedConcept(value, scheme, meaning, item.getString(Tag.CodingSchemeVersion));
  }

  /**
   * Returns the code value, whichever attribute holds it.
   *
   * @return the value of Code Value (0008,0100), Long Code Value (0008,0119) or URN Code Value
   *     (0008,0120)
   */
  public String value() {
    return value;
  }

  /**
   * Returns the Coding Scheme Designator (0008,0102).
   *
   * @return the designator, e.g. {@code SCT}
   */
  public String schemeDesignator() {
    return schemeDesignator;
  }

  /**
   * Returns the Code Meaning (0008,0104).
   *
   * @return the meaning
   */
  public String meaning() {
    return meaning;
  }

  /**
   * Returns the Coding Scheme Version (0008,0103), if any.
   *
   * @return the version, or empty when none was given
   */
  public Optional<String> schemeVersion() {
    return Optional.ofNullable(schemeVersion);
  }

  /**
   * Returns the attribute the code value is written to.
   *
   * @return {@link Tag#CodeValue}, {@link Tag#LongCodeValue} or {@link Tag#URNCodeValue}
   */
  public int valueTag() {
    if (value.length() <= MAX_SHORT_VALUE) {
      return Tag.CodeValue;
    }
    return value.startsWith("urn") || value.contains("://") ? Tag.URNCodeValue : Tag.LongCodeValue;
  }

  /**
   * Returns a new Code Sequence item holding this concept.
   *
   * @return a mutable item with the code value attribute (see {@link #valueTag()}), Coding Scheme
   *     Designator (0008,0102), Coding Scheme Version (0008,0103) when set and Code Meaning
   *     (0008,0104)
   */
  public DicomDataset toDataset() {
    DicomDataset item = new DicomDataset();
    int tag = valueTag();
    VR vr = tag == Tag.CodeValue ? VR.SH : tag == Tag.LongCodeValue ? VR.UC : VR.UR;
    item.setString(tag, vr, value);
    item.setString(Tag.CodingSchemeDesignator, VR.SH, schemeDesignator);
    if (schemeVersion != null) {
      item.setString(Tag.CodingSchemeVersion, VR.SH, schemeVersion);
    }
    item.setString(Tag.CodeMeaning, VR.LO, meaning);
    return item;
  }

  /**
   * Compares coding scheme designator and code value, with SRT codes mapped to SCT; meaning and
   * scheme version are ignored.
   *
   * @param o another object
   * @return whether o is a coded concept for the same code
   */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof CodedConcept)) {
      return false;
    }
    CodedConcept other = (CodedConcept) o;
    return keyValue.equals(other.keyValue) && keyScheme.equals(other.keyScheme);
  }

  /**
   * Hashes what {@link #equals(Object)} compares, so an SRT code and its SCT equivalent collide.
   *
   * @return the hash code
   */
  @Override
  public int hashCode() {
    return 31 * keyScheme.hashCode() + keyValue.hashCode();
  }

  /**
   * Returns {@code (value, scheme, meaning)}, with {@code , version} before the closing parenthesis
   * when a scheme version is set.
   *
   * @return the text form
   */
  @Override
  public String toString() {
    return "("
        + value
        + ", "
        + schemeDesignator
        + ", "
        + meaning
        + (schemeVersion != null ? ", " + schemeVersion : "")
        + ")";
  }
}
