package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.highdicom4j.coding.CodedConcept;

/**
 * TID 310 Measurement Properties: HAS PROPERTIES items qualifying a measurement: Normality (121402,
 * DCM), Level of Significance (121403, DCM), Selection Status (121404, DCM), statistical properties
 * (TID 311), normal range (TID 312) and measurement uncertainties; highdicom's {@code
 * MeasurementProperties}.
 *
 * <p>When read, NUM items whose meaning mentions a normal range are taken as TID 312 values and the
 * other NUM items, except the uncertainties, as TID 311 values.
 */
public final class MeasurementProperties extends Template {
  /**
   * Creates measurement properties; every argument may be null.
   *
   * @param normality the normality (CID 222)
   * @param levelOfSignificance the level of significance (CID 220)
   * @param selectionStatus how the value was selected (CID 224)
   * @param measurementStatisticalProperties statistics of a reference population
   * @param normalRangeProperties the normal range
   * @param upperMeasurementUncertainty +, range of upper measurement uncertainty (371886008, SCT)
   * @param lowerMeasurementUncertainty -, range of lower measurement uncertainty (371885007, SCT)
   */
  public MeasurementProperties(
      CodedConcept normality,
      CodedConcept levelOfSignificance,
      CodedConcept selectionStatus,
      MeasurementStatisticalProperties measurementStatisticalProperties,
      NormalRangeProperties normalRangeProperties,
      Double upperMeasurementUncertainty,
      Double lowerMeasurementUncertainty) {
    super(
        items(
            normality,
            levelOfSignificance,
            selectionStatus,
            measurementStatisticalProperties,
            normalRangeProperties,
            upperMeasurementUncertainty,
            lowerMeasurementUncertainty));
  }

  private MeasurementProperties(List<ContentItem> items, boolean read) {
    super(items);
  }

  private static List<ContentItem> items(
      CodedConcept normality,
      CodedConcept significance,
      CodedConcept selection,
      MeasurementStatisticalProperties stats,
      NormalRangeProperties range,
      Double upper,
      Double lower) {
    RelationshipTypeValues p = RelationshipTypeValues.HAS_PROPERTIES;
    List<ContentItem> items = new ArrayList<>();
    if (normality != null) {
      items.add(new CodeContentItem(SrCodes.NORMALITY, normality, p));
    }
    if (significance != null) {
      items.add(new CodeContentItem(SrCodes.LEVEL_OF_SIGNIFICANCE, significance, p));
    }
    if (selection != null) {
      items.add(new CodeContentItem(SrCodes.SELECTION_STATUS, selection, p));
    }
    if (stats != null) {
      items.addAll(stats.contentItems());
    }
    if (range != null) {
      items.addAll(range.contentItems());
    }
    if (upper != null) {
      items.add(new NumContentItem(SrCodes.UPPER_UNCERTAINTY, upper, SrCodes.NO_UNITS, p));
    }
    if (lower != null) {
      items.add(new NumContentItem(SrCodes.LOWER_UNCERTAINTY, lower, SrCodes.NO_UNITS, p));
    }
    return items;
  }

  /** Collects the HAS PROPERTIES children of a measurement; null when there are none. */
  static MeasurementProperties find(List<ContentItem> siblings) {
    List<ContentItem> props = new ArrayList<>();
    for (ContentItem c : siblings) {
      if (c.relationshipType().orElse(null) == RelationshipTypeValues.HAS_PROPERTIES) {
        props.add(c);
      }
    }
    return props.isEmpty() ? null : new MeasurementProperties(props, true);
  }

  private Optional<CodedConcept> code(CodedConcept name) {
    return Optional.ofNullable(Find.code(contentItems(), name));
  }

  /**
   * Returns the Normality (121402, DCM).
   *
   * @return the normality, or empty
   */
  public Optional<CodedConcept> normality() {
    return code(SrCodes.NORMALITY);
  }

  /**
   * Returns the Level of Significance (121403, DCM).
   *
   * @return the level, or empty
   */
  public Optional<CodedConcept> levelOfSignificance() {
    return code(SrCodes.LEVEL_OF_SIGNIFICANCE);
  }

  /**
   * Returns the Selection Status (121404, DCM).
   *
   * @return the status, or empty
   */
  public Optional<CodedConcept> selectionStatus() {
    return code(SrCodes.SELECTION_STATUS);
  }

  private Optional<Double> num(CodedConcept name) {
    NumContentItem n = Find.first(contentItems(), name, NumContentItem.class);
    return n == null ? Optional.empty() : n.value();
  }

  /**
   * Returns the upper measurement uncertainty (371886008, SCT).
   *
   * @return the value, or empty
   */
  public Optional<Double> upperMeasurementUncertainty() {
    return num(SrCodes.UPPER_UNCERTAINTY);
  }

  /**
   * Returns the lower measurement uncertainty (371885007, SCT).
   *
   * @return the value, or empty
   */
  public Optional<Double> lowerMeasurementUncertainty() {
    return num(SrCodes.LOWER_UNCERTAINTY);
  }

  private List<NumContentItem> referenceValues(boolean normalRange) {
    List<NumContentItem> out = new ArrayList<>();
    for (ContentItem c : contentItems()) {
      if (c instanceof NumContentItem
          && !SrCodes.UPPER_UNCERTAINTY.equals(c.name())
          && !SrCodes.LOWER_UNCERTAINTY.equals(c.name())
          && c.name().meaning().toLowerCase(Locale.ROOT).contains("normal range") == normalRange) {
        out.add((NumContentItem) c);
      }
    }
    return out;
  }

  /**
   * Returns the statistical properties (TID 311).
   *
   * @return the properties, or empty
   */
  public Optional<MeasurementStatisticalProperties> measurementStatisticalProperties() {
    List<NumContentItem> v = referenceValues(false);
    return v.isEmpty()
        ? Optional.empty()
        : Optional.ofNullable(MeasurementStatisticalProperties.of(v, contentItems()));
  }

  /**
   * Returns the normal range properties (TID 312).
   *
   * @return the properties, or empty
   */
  public Optional<NormalRangeProperties> normalRangeProperties() {
    List<NumContentItem> v = referenceValues(true);
    return v.isEmpty()
        ? Optional.empty()
        : Optional.ofNullable(NormalRangeProperties.of(v, contentItems()));
  }
}
