package org.highdicom4j.sr;

import java.util.List;
import java.util.Objects;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.PersonName;
import org.highdicom4j.dicom.dict.Tag;

/**
 * An SR content item of value type PNAME (PS3.3 C.17.3.2.1): a person name in Person Name
 * (0040,A123); like highdicom, a name that does not look like a DICOM PN value (no caret-separated
 * family and given names) is accepted with a warning; highdicom's {@code PnameContentItem}.
 */
public final class PnameContentItem extends ContentItem {
  private final PersonName value;

  /**
   * Creates a PNAME item.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param value Person Name (0040,A123)
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @throws NullPointerException when name or value is null
   */
  public PnameContentItem(
      CodedConcept name, PersonName value, RelationshipTypeValues relationshipType) {
    super(ValueTypeValues.PNAME, requireName(name), relationshipType);
    this.value = PnameChecks.check(Objects.requireNonNull(value, "value"));
  }

  /**
   * Creates a {@code PnameContentItem} from the DICOM string form of its value.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param value the value as written in DICOM (PN, Family^Given^Middle^Prefix^Suffix)
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @throws IllegalArgumentException when the value is not valid PN,
   *     Family^Given^Middle^Prefix^Suffix
   */
  public PnameContentItem(
      CodedConcept name, String value, RelationshipTypeValues relationshipType) {
    this(name, PersonName.parse(Objects.requireNonNull(value, "value")), relationshipType);
  }

  private PnameContentItem(PnameContentItem other, ContentSequence content) {
    super(other, content);
    this.value = other.value;
  }

  static PnameContentItem read(DicomDataset ds, CodedConcept name, RelationshipTypeValues rel) {
    String s = ds.getString(Tag.PersonName);
    return s == null ? null : new PnameContentItem(name, PersonName.parse(s), rel);
  }

  /**
   * Reads a PNAME content item and its children.
   *
   * @param dataset the content item data set
   * @return the item
   * @throws IllegalArgumentException when the data set is not a valid PNAME item
   */
  public static PnameContentItem fromDataset(DicomDataset dataset) {
    return cast(ContentItem.fromDataset(dataset), PnameContentItem.class, ValueTypeValues.PNAME);
  }

  /**
   * Returns the value (Person Name (0040,A123)).
   *
   * @return the value
   */
  public PersonName value() {
    return value;
  }

  @Override
  public PnameContentItem withContent(List<? extends ContentItem> items) {
    return copyWith(checkedContent(items));
  }

  @Override
  PnameContentItem copyWith(ContentSequence content) {
    return new PnameContentItem(this, content);
  }

  @Override
  void writeValue(DicomDataset ds) {
    ds.setPersonName(Tag.PersonName, value);
  }

  @Override
  boolean valueEquals(ContentItem other) {
    return value.equals(((PnameContentItem) other).value);
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
