package org.highdicom4j.sr;

import java.util.List;
import java.util.Objects;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;

/**
 * An SR content item of value type CODE (PS3.3 C.17.3.2.1): a coded value in Concept Code Sequence
 * (0040,A168); highdicom's {@code CodeContentItem}.
 */
public final class CodeContentItem extends ContentItem {
  private final CodedConcept value;

  /**
   * Creates a CODE item.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param value the coded value (Concept Code Sequence (0040,A168))
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @throws NullPointerException when name or value is null
   */
  public CodeContentItem(
      CodedConcept name, CodedConcept value, RelationshipTypeValues relationshipType) {
    super(ValueTypeValues.CODE, requireName(name), relationshipType);
    this.value = Objects.requireNonNull(value, "value");
  }

  private CodeContentItem(CodeContentItem other, ContentSequence content) {
    super(other, content);
    this.value = other.value;
  }

  static CodeContentItem read(DicomDataset ds, CodedConcept name, RelationshipTypeValues rel) {
    CodedConcept v = Values.code(ds, Tag.ConceptCodeSequence);
    return v == null ? null : new CodeContentItem(name, v, rel);
  }

  /**
   * Reads a CODE content item and its children.
   *
   * @param dataset the content item data set
   * @return the item
   * @throws IllegalArgumentException when the data set is not a valid CODE item
   */
  public static CodeContentItem fromDataset(DicomDataset dataset) {
    return cast(ContentItem.fromDataset(dataset), CodeContentItem.class, ValueTypeValues.CODE);
  }

  /**
   * Returns the coded value (Concept Code Sequence (0040,A168)).
   *
   * @return the value
   */
  public CodedConcept value() {
    return value;
  }

  @Override
  public CodeContentItem withContent(List<? extends ContentItem> items) {
    return copyWith(checkedContent(items));
  }

  @Override
  CodeContentItem copyWith(ContentSequence content) {
    return new CodeContentItem(this, content);
  }

  @Override
  void writeValue(DicomDataset ds) {
    Values.putCode(ds, Tag.ConceptCodeSequence, value);
  }

  @Override
  boolean valueEquals(ContentItem other) {
    return value.equals(((CodeContentItem) other).value);
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
