package org.highdicom4j.dicom.iod;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A PS3.3 Information Module (or the normalized tables of Annex C.2 - C.4) with its Attributes;
 * included macros are expanded in place where the source table names them resolvably.
 *
 * @param name the module name without the "Module" suffix, e.g. "Patient", "Segmentation Image"
 * @param reference the PS3.3 section, e.g. "C.7.1.1"
 * @param attributes the top-level Attributes in table order
 */
public record ModuleDefinition(
    String name, String reference, List<AttributeDefinition> attributes) {

  /** Validates the fields and makes {@code attributes} immutable. */
  public ModuleDefinition {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reference, "reference");
    attributes = List.copyOf(Objects.requireNonNull(attributes, "attributes"));
  }

  /**
   * Returns the top-level Attribute with a tag.
   *
   * @param tag the tag as {@code 0xGGGGEEEE}
   * @return the Attribute, if the module lists it at the top level
   */
  public Optional<AttributeDefinition> attribute(int tag) {
    for (AttributeDefinition a : attributes) {
      if (a.tag() == tag) {
        return Optional.of(a);
      }
    }
    return Optional.empty();
  }
}
