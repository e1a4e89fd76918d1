package org.highdicom4j.sr;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;

/**
 * An SR content item of value type DATE (PS3.3 C.17.3.2.1): a calendar date in Date (0040,A121);
 * highdicom's {@code DateContentItem}.
 */
public final class DateContentItem extends ContentItem {
  private final LocalDate value;

  /**
   * Creates a DATE item.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param value Date (0040,A121)
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @throws NullPointerException when name or value is null
   */
  public DateContentItem(
      CodedConcept name, LocalDate value, RelationshipTypeValues relationshipType) {
    super(ValueTypeValues.DATE, requireName(name), relationshipType);
    this.value = Objects.requireNonNull(value, "value");
  }

  /**
   * Creates a {@code DateContentItem} from the DICOM string form of its value.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param value the value as written in DICOM (DA, YYYYMMDD)
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @throws IllegalArgumentException when the value is not valid DA, YYYYMMDD
   */
  public DateContentItem(CodedConcept name, String value, RelationshipTypeValues relationshipType) {
    this(name, Values.parseDate(Objects.requireNonNull(value, "value")), relationshipType);
  }

  private DateContentItem(DateContentItem other, ContentSequence content) {
    super(other, content);
    this.value = other.value;
  }

  static DateContentItem read(DicomDataset ds, CodedConcept name, RelationshipTypeValues rel) {
    String s = ds.getString(Tag.Date);
    return s == null ? null : new DateContentItem(name, Values.parseDate(s), rel);
  }

  /**
   * Reads a DATE content item and its children.
   *
   * @param dataset the content item data set
   * @return the item
   * @throws IllegalArgumentException when the data set is not a valid DATE item
   */
  public static DateContentItem fromDataset(DicomDataset dataset) {
    return cast(ContentItem.fromDataset(dataset), DateContentItem.class, ValueTypeValues.DATE);
  }

  /**
   * Returns the value (Date (0040,A121)).
   *
   * @return the value
   */
  public LocalDate value() {
    return value;
  }

  @Override
  public DateContentItem withContent(List<? extends ContentItem> items) {
    return copyWith(checkedContent(items));
  }

  @Override
  DateContentItem copyWith(ContentSequence content) {
    return new DateContentItem(this, content);
  }

  @Override
  void writeValue(DicomDataset ds) {
    ds.setDate(Tag.Date, value);
  }

  @Override
  boolean valueEquals(ContentItem other) {
    return value.equals(((DateContentItem) other).value);
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
