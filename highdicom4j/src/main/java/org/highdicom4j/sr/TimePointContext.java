package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.coding.CodedConcept;

/**
 * TID 1502 Time Point Context: the time point of the observations, HAS OBS CONTEXT items Time Point
 * (C2348792, UMLS), Time Point Type (126072, DCM), Time Point Order (126073, DCM), Subject and
 * Protocol Time Point Identifiers (126070, 126071, DCM) and a temporal offset from an event;
 * highdicom's {@code TimePointContext}.
 */
public final class TimePointContext extends Template {
  /**
   * Creates a time point context.
   *
   * @param timePoint the time point, e.g. {@code "Baseline"}
   * @param timePointType the coded type (CID 6146), or null
   * @param timePointOrder the order among the time points of a series, or null
   * @param subjectTimePointIdentifier an identifier specific to the subject, or null
   * @param protocolTimePointIdentifier an identifier specific to the protocol, or null
   * @param temporalOffsetFromEvent the offset from an event, or null
   * @throws NullPointerException when timePoint is null
   */
  public TimePointContext(
      String timePoint,
      CodedConcept timePointType,
      Integer timePointOrder,
      String subjectTimePointIdentifier,
      String protocolTimePointIdentifier,
      LongitudinalTemporalOffsetFromEvent temporalOffsetFromEvent) {
    super(
        items(
            timePoint,
            timePointType,
            timePointOrder,
            subjectTimePointIdentifier,
            protocolTimePointIdentifier,
            temporalOffsetFromEvent));
  }

  private TimePointContext(List<ContentItem> items, boolean read) {
    super(items);
  }

  private static List<ContentItem> items(
      String timePoint,
      CodedConcept type,
      Integer order,
      String subjectId,
      String protocolId,
      LongitudinalTemporalOffsetFromEvent offset) {
    Objects.requireNonNull(timePoint, "timePoint");
    RelationshipTypeValues obs = RelationshipTypeValues.HAS_OBS_CONTEXT;
    List<ContentItem> items = new ArrayList<>();
    items.add(new TextContentItem(SrCodes.TIME_POINT, timePoint, obs));
    if (type != null) {
      items.add(new CodeContentItem(SrCodes.TIME_POINT_TYPE, type, obs));
    }
    if (order != null) {
      items.add(new NumContentItem(SrCodes.TIME_POINT_ORDER, order, SrCodes.NO_UNITS, obs));
    }
    if (subjectId != null) {
      items.add(new TextContentItem(SrCodes.SUBJECT_TIME_POINT_ID, subjectId, obs));
    }
    if (protocolId != null) {
      items.add(new TextContentItem(SrCodes.PROTOCOL_TIME_POINT_ID, protocolId, obs));
    }
    if (offset != null) {
      items.add(offset.toContentItem());
    }
    return items;
  }

  /** Finds the items among siblings; null when there is no Time Point item. */
  static TimePointContext find(List<ContentItem> siblings) {
    ContentItem tp = Find.first(siblings, SrCodes.TIME_POINT, TextContentItem.class);
    if (tp == null) {
      return null;
    }
    List<ContentItem> found = new ArrayList<>();
    found.add(tp);
    for (CodedConcept n :
        List.of(
            SrCodes.TIME_POINT_TYPE,
            SrCodes.TIME_POINT_ORDER,
            SrCodes.SUBJECT_TIME_POINT_ID,
            SrCodes.PROTOCOL_TIME_POINT_ID,
            SrCodes.LONGITUDINAL_TEMPORAL_OFFSET)) {
      ContentItem c = Find.first(siblings, n, ContentItem.class);
      if (c != null) {
        found.add(c);
      }
    }
    return new TimePointContext(found, true);
  }

  /**
   * Returns the Time Point (C2348792, UMLS).
   *
   * @return the time point
   */
  public String timePoint() {
    return Find.text(contentItems(), SrCodes.TIME_POINT);
  }

  /**
   * Returns the Time Point Type (126072, DCM).
   *
   * @return the type, or empty
   */
  public Optional<CodedConcept> timePointType() {
    return Optional.ofNullable(Find.code(contentItems(), SrCodes.TIME_POINT_TYPE));
  }

  /**
   * Returns the Time Point Order (126073, DCM).
   *
   * @return the order, or empty
   */
  public Optional<Integer> timePointOrder() {
    NumContentItem n = Find.first(contentItems(), SrCodes.TIME_POINT_ORDER, NumContentItem.class);
    return n == null ? Optional.empty() : n.value().map(Double::intValue);
  }

  /**
   * Returns the Subject Time Point Identifier (126070, DCM).
   *
   * @return the identifier, or empty
   */
  public Optional<String> subjectTimePointIdentifier() {
    return Optional.ofNullable(Find.text(contentItems(), SrCodes.SUBJECT_TIME_POINT_ID));
  }

  /**
   * Returns the Protocol Time Point Identifier (126071, DCM).
   *
   * @return the identifier, or empty
   */
  public Optional<String> protocolTimePointIdentifier() {
    return Optional.ofNullable(Find.text(contentItems(), SrCodes.PROTOCOL_TIME_POINT_ID));
  }

  /**
   * Returns the temporal offset from an event.
   *
   * @return the offset, or empty
   */
  public Optional<LongitudinalTemporalOffsetFromEvent> temporalOffsetFromEvent() {
    NumContentItem n =
        Find.first(contentItems(), SrCodes.LONGITUDINAL_TEMPORAL_OFFSET, NumContentItem.class);
    return n == null
        ? Optional.empty()
        : Optional.of(LongitudinalTemporalOffsetFromEvent.fromContentItem(n));
  }
}
