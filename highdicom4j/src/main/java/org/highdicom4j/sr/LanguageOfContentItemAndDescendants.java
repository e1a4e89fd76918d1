package org.highdicom4j.sr;

import java.util.List;
import org.highdicom4j.coding.CodedConcept;

/**
 * TID 1204 Language of Content Item and Descendants: a Language of Content Item and Descendants
 * (121049, DCM) CODE item with relationship HAS CONCEPT MOD; highdicom's {@code
 * LanguageOfContentItemAndDescendants}.
 */
public final class LanguageOfContentItemAndDescendants extends Template {
  /**
   * Creates the language item.
   *
   * @param language the language (RFC 5646 code), or null for English (United States), {@code
   *     en-US}
   */
  public LanguageOfContentItemAndDescendants(CodedConcept language) {
    super(
        List.of(
            new CodeContentItem(
                SrCodes.LANGUAGE,
                language == null ? SrCodes.EN_US : language,
                RelationshipTypeValues.HAS_CONCEPT_MOD)));
  }

  private LanguageOfContentItemAndDescendants(List<ContentItem> items, boolean read) {
    super(items);
  }

  static LanguageOfContentItemAndDescendants find(List<ContentItem> siblings) {
    CodeContentItem c = Find.first(siblings, SrCodes.LANGUAGE, CodeContentItem.class);
    return c == null ? null : new LanguageOfContentItemAndDescendants(List.of(c), true);
  }

  /**
   * Returns the language.
   *
   * @return the coded language
   */
  public CodedConcept language() {
    return ((CodeContentItem) contentItems().get(0)).value();
  }
}
