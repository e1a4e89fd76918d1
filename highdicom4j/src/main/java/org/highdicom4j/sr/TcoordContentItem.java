package org.highdicom4j.sr;

import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DecimalStrings;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * An SR content item of value type TCOORD (PS3.3 C.18.7): time points or ranges given by exactly
 * one of Referenced Sample Positions (0040,A132), Referenced Time Offsets (0040,A138) or Referenced
 * DateTime (0040,A13A); highdicom's {@code TcoordContentItem}.
 *
 * <p>POINT, BEGIN and END take one value, SEGMENT two, MULTISEGMENT an even number, MULTIPOINT one
 * or more (PS3.3 C.18.7.1.1). Time offsets are decimal strings: they are rounded to what 16
 * characters hold when the item is built.
 */
public final class TcoordContentItem extends ContentItem {
  private final TemporalRangeTypeValues rangeType;
  private final long[] samplePositions;
  private final double[] timeOffsets;
  private final List<Temporal> dateTimes;

  private TcoordContentItem(
      CodedConcept name,
      TemporalRangeTypeValues rangeType,
      long[] samplePositions,
      double[] timeOffsets,
      List<Temporal> dateTimes,
      RelationshipTypeValues relationshipType) {
    super(ValueTypeValues.TCOORD, requireName(name), relationshipType);
    this.rangeType = Objects.requireNonNull(rangeType, "temporalRangeType");
    int given =
        (samplePositions != null ? 1 : 0)
            + (timeOffsets != null ? 1 : 0)
            + (dateTimes != null ? 1 : 0);
    if (given != 1) {
      throw new IllegalArgumentException(
          "A TCOORD needs exactly one of ReferencedSamplePositions (0040,A132),"
              + " ReferencedTimeOffsets (0040,A138) and ReferencedDateTime (0040,A13A) (expected"
              + " 1): "
              + given);
    }
    int n =
        samplePositions != null
            ? samplePositions.length
            : timeOffsets != null ? timeOffsets.length : dateTimes.size();
    checkCount(rangeType, n);
    if (samplePositions != null) {
      for (long p : samplePositions) {
        if (p < 1 || p > 0xFFFFFFFFL) {
          throw new IllegalArgumentException(
              "ReferencedSamplePositions (0040,A132) values must be positive 32-bit numbers"
                  + " (expected 1 to 4294967295): "
                  + p);
        }
      }
      this.samplePositions = samplePositions.clone();
    } else {
      this.samplePositions = null;
    }
    if (timeOffsets != null) {
      this.timeOffsets = new double[timeOffsets.length];
      for (int i = 0; i < timeOffsets.length; i++) {
        // What a decimal string holds, so that reading gives the same value.
        this.timeOffsets[i] = Double.parseDouble(DecimalStrings.format(timeOffsets[i]));
      }
    } else {
      this.timeOffsets = null;
    }
    if (dateTimes != null) {
      List<Temporal> copy = new ArrayList<>(dateTimes.size());
      for (Temporal t : dateTimes) {
        copy.add(Values.micros(Objects.requireNonNull(t, "referencedDateTime")));
      }
      this.dateTimes = List.copyOf(copy);
    } else {
      this.dateTimes = null;
    }
  }

  private static void checkCount(TemporalRangeTypeValues type, int n) {
    boolean ok;
    String expected;
    switch (type) {
      case POINT:
      case BEGIN:
      case END:
        ok = n == 1;
        expected = "exactly 1";
        break;
      case SEGMENT:
        ok = n == 2;
        expected = "exactly 2";
        break;
      case MULTISEGMENT:
        ok = n >= 2 && n % 2 == 0;
        expected = "an even number, at least 2";
        break;
      default:
        ok = n >= 1;
        expected = "at least 1";
        break;
    }
    if (!ok) {
      throw new IllegalArgumentException(
          "TemporalRangeType (0040,A130) "
              + type.value()
              + " has "
              + n
              + " temporal positions (expected "
              + expected
              + ")");
    }
  }

  /**
   * Creates a TCOORD item from sample positions.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param temporalRangeType Temporal Range Type (0040,A130)
   * @param referencedSamplePositions Referenced Sample Positions (0040,A132), one-based
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @return the item
   * @throws IllegalArgumentException when the count does not fit the range type or a position is
   *     not positive
   */
  public static TcoordContentItem ofSamplePositions(
      CodedConcept name,
      TemporalRangeTypeValues temporalRangeType,
      long[] referencedSamplePositions,
      RelationshipTypeValues relationshipType) {
    return new TcoordContentItem(
        name,
        temporalRangeType,
        Objects.requireNonNull(referencedSamplePositions, "referencedSamplePositions"),
        null,
        null,
        relationshipType);
  }

  /**
   * Creates a TCOORD item from time offsets.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param temporalRangeType Temporal Range Type (0040,A130)
   * @param referencedTimeOffsets Referenced Time Offsets (0040,A138) in seconds after the start of
   *     the acquisition
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @return the item
   * @throws IllegalArgumentException when the count does not fit the range type or an offset is not
   *     finite
   */
  public static TcoordContentItem ofTimeOffsets(
      CodedConcept name,
      TemporalRangeTypeValues temporalRangeType,
      double[] referencedTimeOffsets,
      RelationshipTypeValues relationshipType) {
    return new TcoordContentItem(
        name,
        temporalRangeType,
        null,
        Objects.requireNonNull(referencedTimeOffsets, "referencedTimeOffsets"),
        null,
        relationshipType);
  }

  /**
   * Creates a TCOORD item from absolute date-times.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param temporalRangeType Temporal Range Type (0040,A130)
   * @param referencedDateTime Referenced DateTime (0040,A13A) values (LocalDateTime, OffsetDateTime
   *     or coarser)
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @return the item
   * @throws IllegalArgumentException when the count does not fit the range type
   */
  public static TcoordContentItem ofDateTimes(
      CodedConcept name,
      TemporalRangeTypeValues temporalRangeType,
      List<? extends Temporal> referencedDateTime,
      RelationshipTypeValues relationshipType) {
    return new TcoordContentItem(
        name,
        temporalRangeType,
        null,
        null,
        new ArrayList<>(Objects.requireNonNull(referencedDateTime, "referencedDateTime")),
        relationshipType);
  }

  private TcoordContentItem(TcoordContentItem other, ContentSequence content) {
    super(other, content);
    this.rangeType = other.rangeType;
    this.samplePositions = other.samplePositions;
    this.timeOffsets = other.timeOffsets;
    this.dateTimes = other.dateTimes;
  }

  static TcoordContentItem read(DicomDataset ds, CodedConcept name, RelationshipTypeValues rel) {
    String type = ds.getString(Tag.TemporalRangeType);
    if (type == null) {
      return null;
    }
    TemporalRangeTypeValues t = TemporalRangeTypeValues.fromValue(type);
    if (ds.hasValue(Tag.ReferencedSamplePositions)) {
      return ofSamplePositions(name, t, ds.getLongs(Tag.ReferencedSamplePositions), rel);
    }
    if (ds.hasValue(Tag.ReferencedTimeOffsets)) {
      return ofTimeOffsets(name, t, ds.getDoubles(Tag.ReferencedTimeOffsets), rel);
    }
    if (ds.hasValue(Tag.ReferencedDateTime)) {
      List<Temporal> list = new ArrayList<>();
      for (String s : ds.getStrings(Tag.ReferencedDateTime)) {
        list.add(Values.parseDateTime(s));
      }
      return ofDateTimes(name, t, list, rel);
    }
    return null;
  }

  /**
   * Reads a TCOORD content item and its children.
   *
   * @param dataset the content item data set
   * @return the item
   * @throws IllegalArgumentException when the data set is not a valid TCOORD item
   */
  public static TcoordContentItem fromDataset(DicomDataset dataset) {
    return cast(ContentItem.fromDataset(dataset), TcoordContentItem.class, ValueTypeValues.TCOORD);
  }

  /**
   * Returns the Temporal Range Type (0040,A130).
   *
   * @return the range type
   */
  public TemporalRangeTypeValues temporalRangeType() {
    return rangeType;
  }

  /**
   * Returns the Referenced Sample Positions (0040,A132).
   *
   * @return a copy, or null when the item uses another form
   */
  public long[] referencedSamplePositions() {
    return samplePositions == null ? null : samplePositions.clone();
  }

  /**
   * Returns the Referenced Time Offsets (0040,A138) in seconds.
   *
   * @return a copy, or null when the item uses another form
   */
  public double[] referencedTimeOffsets() {
    return timeOffsets == null ? null : timeOffsets.clone();
  }

  /**
   * Returns the Referenced DateTime (0040,A13A) values.
   *
   * @return an unmodifiable list, or null when the item uses another form
   */
  public List<Temporal> referencedDateTime() {
    return dateTimes;
  }

  @Override
  public TcoordContentItem withContent(List<? extends ContentItem> items) {
    return copyWith(checkedContent(items));
  }

  @Override
  TcoordContentItem copyWith(ContentSequence content) {
    return new TcoordContentItem(this, content);
  }

  @Override
  void writeValue(DicomDataset ds) {
    ds.setString(Tag.TemporalRangeType, VR.CS, rangeType.value());
    if (samplePositions != null) {
      ds.setLong(Tag.ReferencedSamplePositions, VR.UL, samplePositions);
    } else if (timeOffsets != null) {
      ds.setDouble(Tag.ReferencedTimeOffsets, VR.DS, timeOffsets);
    } else {
      String[] s = new String[dateTimes.size()];
      for (int i = 0; i < s.length; i++) {
        s[i] = Values.formatDateTime(dateTimes.get(i));
      }
      ds.setString(Tag.ReferencedDateTime, VR.DT, s);
    }
  }

  @Override
  boolean valueEquals(ContentItem other) {
    TcoordContentItem o = (TcoordContentItem) other;
    return rangeType == o.rangeType
        && Arrays.equals(samplePositions, o.samplePositions)
        && Arrays.equals(timeOffsets, o.timeOffsets)
        && Objects.equals(dateTimes, o.dateTimes);
  }

  @Override
  int valueHash() {
    return Objects.hash(rangeType, Arrays.hashCode(samplePositions), Arrays.hashCode(timeOffsets));
  }

  @Override
  String valueString() {
    int n =
        samplePositions != null
            ? samplePositions.length
            : timeOffsets != null ? timeOffsets.length : dateTimes.size();
    return "(" + rangeType.value() + ", " + n + " positions)";
  }
}
