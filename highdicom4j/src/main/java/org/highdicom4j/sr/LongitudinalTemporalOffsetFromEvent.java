package org.highdicom4j.sr;

import java.util.List;
import java.util.Objects;
import org.highdicom4j.coding.CodedConcept;

/**
 * A longitudinal temporal offset from an event (TID 1502 row 6): a Longitudinal Temporal Offset
 * from Event (128740, DCM) NUM item with relationship HAS OBS CONTEXT, modified by Longitudinal
 * Temporal Event Type (128741, DCM); highdicom's {@code LongitudinalTemporalOffsetFromEvent}.
 */
public final class LongitudinalTemporalOffsetFromEvent extends Template {
  private final NumContentItem item;

  /**
   * Creates the offset.
   *
   * @param value the offset in time
   * @param unit the unit of time, e.g. UCUM days
   * @param eventType the event the offset is relative to, e.g. Baseline
   * @throws NullPointerException when unit or eventType is null
   */
  public LongitudinalTemporalOffsetFromEvent(
      double value, CodedConcept unit, CodedConcept eventType) {
    this(
        new NumContentItem(
                SrCodes.LONGITUDINAL_TEMPORAL_OFFSET,
                value,
                unit,
                RelationshipTypeValues.HAS_OBS_CONTEXT)
            .withContent(
                List.of(
                    new CodeContentItem(
                        SrCodes.LONGITUDINAL_EVENT_TYPE,
                        Objects.requireNonNull(eventType, "eventType"),
                        RelationshipTypeValues.HAS_CONCEPT_MOD))));
  }

  private LongitudinalTemporalOffsetFromEvent(NumContentItem item) {
    super(List.of(item));
    this.item = item;
  }

  /**
   * Interprets a content item as the offset.
   *
   * @param item a NUM item named Longitudinal Temporal Offset from Event
   * @return the offset
   * @throws IllegalArgumentException when it is not such an item
   */
  public static LongitudinalTemporalOffsetFromEvent fromContentItem(ContentItem item) {
    Find.require(
        item,
        SrCodes.LONGITUDINAL_TEMPORAL_OFFSET,
        NumContentItem.class,
        "LongitudinalTemporalOffsetFromEvent");
    return new LongitudinalTemporalOffsetFromEvent((NumContentItem) item);
  }

  /**
   * Returns the offset value.
   *
   * @return the value, or empty when only a qualifier was read
   */
  public java.util.Optional<Double> value() {
    return item.value();
  }

  /**
   * Returns the unit of time.
   *
   * @return the unit, or empty
   */
  public java.util.Optional<CodedConcept> unit() {
    return item.unit();
  }

  /**
   * Returns the Longitudinal Temporal Event Type (128741, DCM).
   *
   * @return the event type, or null when read without one
   */
  public CodedConcept eventType() {
    return Find.code(item.content(), SrCodes.LONGITUDINAL_EVENT_TYPE);
  }

  /**
   * Returns the NUM content item.
   *
   * @return the item
   */
  public NumContentItem toContentItem() {
    return item;
  }
}
