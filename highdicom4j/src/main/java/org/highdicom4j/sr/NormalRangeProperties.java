package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * TID 312 Normal Range Properties: the normal range of a measurement, HAS PROPERTIES items: NUM
 * reference values, a Normal Range description (121407, DCM) TEXT and an Normal Range Authority
 * (121408, DCM) TEXT; highdicom's {@code NormalRangeProperties}.
 */
public final class NormalRangeProperties extends Template {
  /**
   * Creates the properties.
   *
   * @param values the reference values (CID 223 Normal Range Values, e.g. upper and lower limits),
   *     NUM items with relationship HAS PROPERTIES; at least one
   * @param description the description of the normal range, or null
   * @param authority the authority for the normal range, or null
   * @throws IllegalArgumentException when there is no value or a value's relationship is not HAS
   *     PROPERTIES
   */
  public NormalRangeProperties(List<NumContentItem> values, String description, String authority) {
    super(items(values, description, authority));
  }

  private NormalRangeProperties(List<ContentItem> items, boolean read) {
    super(items);
  }

  private static List<ContentItem> items(
      List<NumContentItem> values, String description, String authority) {
    Objects.requireNonNull(values, "values");
    if (values.isEmpty()) {
      throw new IllegalArgumentException(
          "NormalRangeProperties needs reference values (expected at least one NUM item): none");
    }
    List<ContentItem> items = new ArrayList<>(values);
    for (NumContentItem v : values) {
      if (v.relationshipType().orElse(null) != RelationshipTypeValues.HAS_PROPERTIES) {
        throw new IllegalArgumentException(
            "RelationshipType (0040,A010) of a NormalRangeProperties value must be HAS PROPERTIES (expected HAS"
                + " PROPERTIES): "
                + v);
      }
    }
    RelationshipTypeValues p = RelationshipTypeValues.HAS_PROPERTIES;
    if (description != null) {
      items.add(new TextContentItem(SrCodes.NORMAL_RANGE_DESCRIPTION, description, p));
    }
    if (authority != null) {
      items.add(new TextContentItem(SrCodes.NORMAL_RANGE_AUTHORITY, authority, p));
    }
    return items;
  }

  static NormalRangeProperties of(List<NumContentItem> values, List<ContentItem> siblings) {
    List<ContentItem> items = new ArrayList<>(values);
    TextContentItem d =
        Find.first(siblings, SrCodes.NORMAL_RANGE_DESCRIPTION, TextContentItem.class);
    TextContentItem a = Find.first(siblings, SrCodes.NORMAL_RANGE_AUTHORITY, TextContentItem.class);
    if (d != null) {
      items.add(d);
    }
    if (a != null) {
      items.add(a);
    }
    return items.isEmpty() ? null : new NormalRangeProperties(items, true);
  }

  /**
   * Returns the reference values.
   *
   * @return the NUM items
   */
  public List<NumContentItem> values() {
    List<NumContentItem> out = new ArrayList<>();
    for (ContentItem i : contentItems()) {
      if (i instanceof NumContentItem) {
        out.add((NumContentItem) i);
      }
    }
    return out;
  }

  /**
   * Returns the Normal Range description (121407, DCM).
   *
   * @return the description, or empty
   */
  public Optional<String> description() {
    return Optional.ofNullable(Find.text(contentItems(), SrCodes.NORMAL_RANGE_DESCRIPTION));
  }

  /**
   * Returns the Normal Range Authority (121408, DCM).
   *
   * @return the authority, or empty
   */
  public Optional<String> authority() {
    return Optional.ofNullable(Find.text(contentItems(), SrCodes.NORMAL_RANGE_AUTHORITY));
  }
}
