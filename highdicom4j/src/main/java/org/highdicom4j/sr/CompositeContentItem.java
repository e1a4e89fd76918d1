package org.highdicom4j.sr;

import java.util.List;
import java.util.Objects;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;

/**
 * An SR content item of value type COMPOSITE (PS3.3 C.18.3, Composite Object Reference Macro): a
 * reference to a composite object in Referenced SOP Sequence (0008,1199); highdicom's {@code
 * CompositeContentItem}.
 */
public final class CompositeContentItem extends ContentItem {
  private final String sopClassUid;
  private final String sopInstanceUid;

  /**
   * Creates a COMPOSITE item.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param referencedSopClassUid Referenced SOP Class UID (0008,1150)
   * @param referencedSopInstanceUid Referenced SOP Instance UID (0008,1155)
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @throws IllegalArgumentException when a UID is not valid
   * @throws NullPointerException when an argument other than relationshipType is null
   */
  public CompositeContentItem(
      CodedConcept name,
      String referencedSopClassUid,
      String referencedSopInstanceUid,
      RelationshipTypeValues relationshipType) {
    super(ValueTypeValues.COMPOSITE, requireName(name), relationshipType);
    this.sopClassUid = Values.uid(referencedSopClassUid, "ReferencedSOPClassUID (0008,1150)");
    this.sopInstanceUid =
        Values.uid(referencedSopInstanceUid, "ReferencedSOPInstanceUID (0008,1155)");
  }

  private CompositeContentItem(CompositeContentItem other, ContentSequence content) {
    super(other, content);
    this.sopClassUid = other.sopClassUid;
    this.sopInstanceUid = other.sopInstanceUid;
  }

  static CompositeContentItem read(DicomDataset ds, CodedConcept name, RelationshipTypeValues rel) {
    DicomDataset ref = ds.getItem(Tag.ReferencedSOPSequence);
    if (ref == null) {
      return null;
    }
    return new CompositeContentItem(
        name,
        ref.getString(Tag.ReferencedSOPClassUID),
        ref.getString(Tag.ReferencedSOPInstanceUID),
        rel);
  }

  /**
   * Reads a COMPOSITE content item and its children.
   *
   * @param dataset the content item data set
   * @return the item
   * @throws IllegalArgumentException when the data set is not a valid COMPOSITE item
   */
  public static CompositeContentItem fromDataset(DicomDataset dataset) {
    return cast(
        ContentItem.fromDataset(dataset), CompositeContentItem.class, ValueTypeValues.COMPOSITE);
  }

  /**
   * Returns the Referenced SOP Class UID (0008,1150).
   *
   * @return the UID
   */
  public String referencedSopClassUid() {
    return sopClassUid;
  }

  /**
   * Returns the Referenced SOP Instance UID (0008,1155).
   *
   * @return the UID
   */
  public String referencedSopInstanceUid() {
    return sopInstanceUid;
  }

  @Override
  public CompositeContentItem withContent(List<? extends ContentItem> items) {
    return copyWith(checkedContent(items));
  }

  @Override
  CompositeContentItem copyWith(ContentSequence content) {
    return new CompositeContentItem(this, content);
  }

  @Override
  void writeValue(DicomDataset ds) {
    Values.sopReference(ds, sopClassUid, sopInstanceUid);
  }

  @Override
  boolean valueEquals(ContentItem other) {
    CompositeContentItem o = (CompositeContentItem) other;
    return sopClassUid.equals(o.sopClassUid) && sopInstanceUid.equals(o.sopInstanceUid);
  }

  @Override
  int valueHash() {
    return Objects.hash(sopClassUid, sopInstanceUid);
  }

  @Override
  String valueString() {
    return "(" + sopClassUid + ", " + sopInstanceUid + ")";
  }
}
