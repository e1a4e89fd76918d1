package org.highdicom4j.dicom.iod;

import java.util.List;
import java.util.Objects;
import org.highdicom4j.dicom.dict.ElementDictionary;

/**
 * One Attribute of a module or macro table in PS3.3 with its Type (PS3.5 Section 7.4) and, for a
 * sequence, the Attributes of its items.
 *
 * @param tag the tag as {@code 0xGGGGEEEE}; for repeating groups such as (60xx,3000) the first tag
 *     (0x60003000)
 * @param type the Attribute Type: "1", "1C", "2", "2C" or "3"; empty where the table gives none
 *     (e.g. the normalized service tables of PS3.3 Annex C.2 - C.4)
 * @param items the Attributes of the sequence's items, in table order; empty for non-sequences
 */
public record AttributeDefinition(int tag, String type, List<AttributeDefinition> items) {

  /** Validates the fields and makes {@code items} immutable. */
  public AttributeDefinition {
    Objects.requireNonNull(type, "type");
    items = List.copyOf(Objects.requireNonNull(items, "items"));
  }

  /** Returns the keyword of the tag from the data dictionary, or null when unknown. */
  public String keyword() {
    return ElementDictionary.keywordOf(tag);
  }

  /** Returns true for Type 1 and 1C: present with a value (when the condition holds). */
  public boolean requiresValue() {
    return type.startsWith("1");
  }

  /** Returns true for Type 1, 1C, 2 and 2C: present (when the condition holds). */
  public boolean requiresPresence() {
    return type.startsWith("1") || type.startsWith("2");
  }

  /** Returns true for the conditional Types 1C and 2C. */
  public boolean isConditional() {
    return type.endsWith("C");
  }
}
