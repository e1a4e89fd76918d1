package org.highdicom4j.sr;

import java.util.List;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * An SR content item of value type UIDREF (PS3.3 C.17.3.2.1): a unique identifier in UID
 * (0040,A124); highdicom's {@code UIDRefContentItem}.
 */
public final class UIDRefContentItem extends ContentItem {
  private final String value;

  /**
   * Creates a UIDREF item.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param value UID (0040,A124): digits and dots, at most 64 characters
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @throws NullPointerException when name or value is null
   * @throws IllegalArgumentException when the value is not a valid UID
   */
  public UIDRefContentItem(
      CodedConcept name, String value, RelationshipTypeValues relationshipType) {
    super(ValueTypeValues.UIDREF, requireName(name), relationshipType);
    this.value = Values.uid(value, "UID (0040,A124)");
  }

  private UIDRefContentItem(UIDRefContentItem other, ContentSequence content) {
    super(other, content);
    this.value = other.value;
  }

  static UIDRefContentItem read(DicomDataset ds, CodedConcept name, RelationshipTypeValues rel) {
    String s = ds.getString(Tag.UID);
    return s == null ? null : new UIDRefContentItem(name, s, rel);
  }

  /**
   * Reads a UIDREF content item and its children.
   *
   * @param dataset the content item data set
   * @return the item
   * @throws IllegalArgumentException when the data set is not a valid UIDREF item
   */
  public static UIDRefContentItem fromDataset(DicomDataset dataset) {
    return cast(ContentItem.fromDataset(dataset), UIDRefContentItem.class, ValueTypeValues.UIDREF);
  }

  /**
   * Returns the value (UID (0040,A124)).
   *
   * @return the value
   */
  public String value() {
    return value;
  }

  @Override
  public UIDRefContentItem withContent(List<? extends ContentItem> items) {
    return copyWith(checkedContent(items));
  }

  @Override
  UIDRefContentItem copyWith(ContentSequence content) {
    return new UIDRefContentItem(this, content);
  }

  @Override
  void writeValue(DicomDataset ds) {
    ds.setString(Tag.UID, VR.UI, value);
  }

  @Override
  boolean valueEquals(ContentItem other) {
    return value.equals(((UIDRefContentItem) other).value);
  }

  @Override
  int valueHash() {
    return value.hashCode();
  }

  @Override
  String valueString() {
    return value;
  }
}
