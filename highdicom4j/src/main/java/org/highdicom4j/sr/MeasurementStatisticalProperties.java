package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * TID 311 Measurement Statistical Properties: statistics of a reference population of a
 * measurement, HAS PROPERTIES items: NUM reference values, a Population description (121405, DCM)
 * TEXT and an Reference Authority (121406, DCM) TEXT; highdicom's {@code
 * MeasurementStatisticalProperties}.
 */
public final class MeasurementStatisticalProperties extends Template {
  /**
   * Creates the properties.
   *
   * @param values the reference values (CID 226 Population Statistical Descriptors, CID 227 Sample
   *     Statistical Descriptors), NUM items with relationship HAS PROPERTIES; at least one
   * @param description the description of the reference population, or null
   * @param authority the authority for the description, or null
   * @throws IllegalArgumentException when there is no value or a value's relationship is not HAS
   *     PROPERTIES
   */
  public MeasurementStatisticalProperties(
      List<NumContentItem> values, String description, String authority) {
    super(items(values, description, authority));
  }

  private MeasurementStatisticalProperties(List<ContentItem> items, boolean read) {
    super(items);
  }

  private static List<ContentItem> items(
      List<NumContentItem> values, String description, String authority) {
    Objects.requireNonNull(values, "values");
    if (values.isEmpty()) {
      throw new IllegalArgumentException(
          "MeasurementStatisticalProperties needs reference values (expected at least one NUM item): none");
    }
    List<ContentItem> items = new ArrayList<>(values);
    for (NumContentItem v : values) {
      if (v.relationshipType().orElse(null) != RelationshipTypeValues.HAS_PROPERTIES) {
        throw new IllegalArgumentException(
            "RelationshipType (0040,A010) of a MeasurementStatisticalProperties value must be HAS PROPERTIES (expected HAS"
                + " PROPERTIES): "
                + v);
      }
    }
    RelationshipTypeValues p = RelationshipTypeValues.HAS_PROPERTIES;
    if (description != null) {
      items.add(new TextContentItem(SrCodes.POPULATION_DESCRIPTION, description, p));
    }
    if (authority != null) {
      items.add(new TextContentItem(SrCodes.REFERENCE_AUTHORITY, authority, p));
    }
    return items;
  }

  static MeasurementStatisticalProperties of(
      List<NumContentItem> values, List<ContentItem> siblings) {
    List<ContentItem> items = new ArrayList<>(values);
    TextContentItem d = Find.first(siblings, SrCodes.POPULATION_DESCRIPTION, TextContentItem.class);
    TextContentItem a = Find.first(siblings, SrCodes.REFERENCE_AUTHORITY, TextContentItem.class);
    if (d != null) {
      items.add(d);
    }
    if (a != null) {
      items.add(a);
    }
    return items.isEmpty() ? null : new MeasurementStatisticalProperties(items, true);
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
   * Returns the Population description (121405, DCM).
   *
   * @return the description, or empty
   */
  public Optional<String> description() {
    return Optional.ofNullable(Find.text(contentItems(), SrCodes.POPULATION_DESCRIPTION));
  }

  /**
   * Returns the Reference Authority (121406, DCM).
   *
   * @return the authority, or empty
   */
  public Optional<String> authority() {
    return Optional.ofNullable(Find.text(contentItems(), SrCodes.REFERENCE_AUTHORITY));
  }
}
