package org.highdicom4j.sr;

import java.time.temporal.Temporal;
import java.util.List;
import java.util.Objects;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;

/**
 * An SR content item of value type DATETIME (PS3.3 C.17.3.2.1): a date and time in DateTime
 * (0040,A120), with the precision given (a Year, YearMonth, LocalDate, LocalDateTime or
 * OffsetDateTime); highdicom's {@code DateTimeContentItem}.
 */
public final class DateTimeContentItem extends ContentItem {
  private final Temporal value;

  /**
   * Creates a DATETIME item.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param value DateTime (0040,A120): a Year, YearMonth, LocalDate, LocalDateTime or
   *     OffsetDateTime; precision below a microsecond is dropped
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @throws NullPointerException when name or value is null
   * @throws IllegalArgumentException when the value is of another temporal type
   */
  public DateTimeContentItem(
      CodedConcept name, Temporal value, RelationshipTypeValues relationshipType) {
    super(ValueTypeValues.DATETIME, requireName(name), relationshipType);
    this.value = Values.micros(Objects.requireNonNull(value, "value"));
  }

  /**
   * Creates a {@code DateTimeContentItem} from the DICOM string form of its value.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param value the value as written in DICOM (DT, {@code YYYYMMDDHHMMSS.FFFFFF&ZZXX})
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @throws IllegalArgumentException when the value is not valid DT, {@code
   *     YYYYMMDDHHMMSS.FFFFFF&ZZXX}
   */
  public DateTimeContentItem(
      CodedConcept name, String value, RelationshipTypeValues relationshipType) {
    this(name, Values.parseDateTime(Objects.requireNonNull(value, "value")), relationshipType);
  }

  private DateTimeContentItem(DateTimeContentItem other, ContentSequence content) {
    super(other, content);
    this.value = other.value;
  }

  static DateTimeContentItem read(DicomDataset ds, CodedConcept name, RelationshipTypeValues rel) {
    String s = ds.getString(Tag.DateTime);
    return s == null ? null : new DateTimeContentItem(name, Values.parseDateTime(s), rel);
  }

  /**
   * Reads a DATETIME content item and its children.
   *
   * @param dataset the content item data set
   * @return the item
   * @throws IllegalArgumentException when the data set is not a valid DATETIME item
   */
  public static DateTimeContentItem fromDataset(DicomDataset dataset) {
    return cast(
        ContentItem.fromDataset(dataset), DateTimeContentItem.class, ValueTypeValues.DATETIME);
  }

  /**
   * Returns the value (DateTime (0040,A120)).
   *
   * @return the value
   */
  public Temporal value() {
    return value;
  }

  @Override
  public DateTimeContentItem withContent(List<? extends ContentItem> items) {
    return copyWith(checkedContent(items));
  }

  @Override
  DateTimeContentItem copyWith(ContentSequence content) {
    return new DateTimeContentItem(this, content);
  }

  @Override
  void writeValue(DicomDataset ds) {
    ds.setDateTime(Tag.DateTime, value);
  }

  @Override
  boolean valueEquals(ContentItem other) {
    return value.equals(((DateTimeContentItem) other).value);
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
