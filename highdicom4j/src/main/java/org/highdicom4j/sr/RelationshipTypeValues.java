package org.highdicom4j.sr;

/**
 * Relationship Type (0040,A010) of an SR content item with its parent (PS3.3 C.17.3.2.4),
 * highdicom's {@code RelationshipTypeValues}.
 */
public enum RelationshipTypeValues {
  /** {@code CONTAINS}. */
  CONTAINS("CONTAINS"),

  /** {@code HAS ACQ CONTEXT}. */
  HAS_ACQ_CONTEXT("HAS ACQ CONTEXT"),

  /** {@code HAS CONCEPT MOD}. */
  HAS_CONCEPT_MOD("HAS CONCEPT MOD"),

  /** {@code HAS OBS CONTEXT}. */
  HAS_OBS_CONTEXT("HAS OBS CONTEXT"),

  /** {@code HAS PROPERTIES}. */
  HAS_PROPERTIES("HAS PROPERTIES"),

  /** {@code INFERRED FROM}. */
  INFERRED_FROM("INFERRED FROM"),

  /** {@code SELECTED FROM}. */
  SELECTED_FROM("SELECTED FROM");

  private final String value;

  RelationshipTypeValues(String value) {
    this.value = value;
  }

  /**
   * Returns the DICOM string of this value.
   *
   * @return the defined term as written in RelationshipType (0040,A010)
   */
  public String value() {
    return value;
  }

  /**
   * Parses a DICOM string.
   *
   * @param value the defined term as written in RelationshipType (0040,A010)
   * @return the matching constant
   * @throws IllegalArgumentException when the value is not one of the defined terms
   * @throws NullPointerException when value is null
   */
  public static RelationshipTypeValues fromValue(String value) {
    return Enums.parse(
        values(), value, "RelationshipType (0040,A010)", RelationshipTypeValues::value);
  }
}
