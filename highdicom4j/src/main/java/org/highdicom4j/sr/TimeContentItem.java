package org.highdicom4j.sr;

import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;

/**
 * An SR content item of value type TIME (PS3.3 C.17.3.2.1): a time of day in Time (0040,A122);
 * highdicom's {@code TimeContentItem}.
 */
public final class TimeContentItem extends ContentItem {
  private final LocalTime value;

  /**
   * Creates a TIME item.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param value Time (0040,A122); precision below a microsecond is dropped
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @throws NullPointerException when name or value is null
   */
  public TimeContentItem(
      CodedConcept name, LocalTime value, RelationshipTypeValues relationshipType) {
    super(ValueTypeValues.TIME, requireName(name), relationshipType);
    this.value = Objects.requireNonNull(value, "value").truncatedTo(ChronoUnit.MICROS);
  }

  /**
   * Creates a {@code TimeContentItem} from the DICOM string form of its value.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param value the value as written in DICOM (TM, HHMMSS.FFFFFF)
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @throws IllegalArgumentException when the value is not valid TM, HHMMSS.FFFFFF
   */
  public TimeContentItem(CodedConcept name, String value, RelationshipTypeValues relationshipType) {
    this(name, Values.parseTime(Objects.requireNonNull(value, "value")), relationshipType);
  }

  private TimeContentItem(TimeContentItem other, ContentSequence content) {
    super(other, content);
    this.value = other.value;
  }

  static TimeContentItem read(DicomDataset ds, CodedConcept name, RelationshipTypeValues rel) {
    String s = ds.getString(Tag.Time);
    return s == null ? null : new TimeContentItem(name, Values.parseTime(s), rel);
  }

  /**
   * Reads a TIME content item and its children.
   *
   * @param dataset the content item data set
   * @return the item
   * @throws IllegalArgumentException when the data set is not a valid TIME item
   */
  public static TimeContentItem fromDataset(DicomDataset dataset) {
    return cast(ContentItem.fromDataset(dataset), TimeContentItem.class, ValueTypeValues.TIME);
  }

  /**
   * Returns the value (Time (0040,A122)).
   *
   * @return the value
   */
  public LocalTime value() {
    return value;
  }

  @Override
  public TimeContentItem withContent(List<? extends ContentItem> items) {
    return copyWith(checkedContent(items));
  }

  @Override
  TimeContentItem copyWith(ContentSequence content) {
    return new TimeContentItem(this, content);
  }

  @Override
  void writeValue(DicomDataset ds) {
    ds.setTime(Tag.Time, value);
  }

  @Override
  boolean valueEquals(ContentItem other) {
    return value.equals(((TimeContentItem) other).value);
  }

  @Override
  int valueHash() {
    return value.hashCode();
  }

  @Override
  String valueString() {
    return value.toString();
  }
}
