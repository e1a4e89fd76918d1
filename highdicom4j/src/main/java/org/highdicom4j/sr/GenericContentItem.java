package org.highdicom4j.sr;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;

/**
 * A content item read from an SR document that no typed class represents: an unknown value type
 * (e.g. TABLE), an item by reference (Referenced Content Item Identifier (0040,DB73)), or an item
 * missing or violating what its value type requires. Its attributes are kept as read so that
 * writing it reproduces them; its children are typed as usual.
 */
public final class GenericContentItem extends ContentItem {
  private final DicomDataset attributes;
  private final String valueTypeString;

  GenericContentItem(
      DicomDataset source,
      String valueType,
      CodedConcept name,
      RelationshipTypeValues rel,
      ContentSequence content) {
    super(knownType(valueType), name, rel, content);
    DicomDataset copy = source.deepCopy();
    copy.remove(Tag.ContentSequence);
    copy.remove(Tag.RelationshipType);
    copy.remove(Tag.ValueType);
    copy.remove(Tag.ConceptNameCodeSequence);
    this.attributes = copy;
    this.valueTypeString = valueType;
  }

  private GenericContentItem(GenericContentItem other, ContentSequence content) {
    super(other, content);
    this.attributes = other.attributes;
    this.valueTypeString = other.valueTypeString;
  }

  private static ValueTypeValues knownType(String vt) {
    if (vt == null) {
      return null;
    }
    try {
      return ValueTypeValues.fromValue(vt);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /**
   * Returns the Value Type (0040,A040) as written.
   *
   * @return the value type string, or empty when absent (an item by reference)
   */
  public Optional<String> valueTypeString() {
    return Optional.ofNullable(valueTypeString);
  }

  /**
   * Returns the Referenced Content Item Identifier (0040,DB73) of an item by reference.
   *
   * @return the path of item numbers from the root, empty when this is not a reference
   */
  public int[] referencedContentItemIdentifier() {
    long[] l = attributes.getLongs(Tag.ReferencedContentItemIdentifier);
    int[] out = new int[l.length];
    for (int i = 0; i < l.length; i++) {
      out[i] = (int) l[i];
    }
    return out;
  }

  /**
   * Returns the item's other attributes.
   *
   * @return a read-only view without Relationship Type, Value Type, Concept Name Code Sequence and
   *     Content Sequence
   */
  public DicomDataset attributes() {
    return attributes.readOnlyView();
  }

  @Override
  public GenericContentItem withContent(List<? extends ContentItem> items) {
    return new GenericContentItem(this, new ContentSequence(items, false, true));
  }

  @Override
  GenericContentItem copyWith(ContentSequence content) {
    return new GenericContentItem(this, content);
  }

  @Override
  public void writeTo(DicomDataset dataset) {
    Objects.requireNonNull(dataset, "dataset");
    if (relationshipType().isPresent()) {
      dataset.setString(
          Tag.RelationshipType, org.highdicom4j.dicom.data.VR.CS, relationshipType().get().value());
    }
    if (valueTypeString != null) {
      dataset.setString(Tag.ValueType, org.highdicom4j.dicom.data.VR.CS, valueTypeString);
    }
    if (name() != null) {
      Values.putCode(dataset, Tag.ConceptNameCodeSequence, name());
    }
    writeValue(dataset);
    content().writeTo(dataset);
  }

  @Override
  void writeValue(DicomDataset dataset) {
    for (int i = 0; i < attributes.size(); i++) {
      dataset.copyFrom(attributes, attributes.tagAt(i));
    }
  }

  @Override
  boolean valueEquals(ContentItem other) {
    GenericContentItem o = (GenericContentItem) other;
    return Objects.equals(valueTypeString, o.valueTypeString) && attributes.equals(o.attributes);
  }

  @Override
  int valueHash() {
    return Objects.hashCode(valueTypeString);
  }

  @Override
  String valueString() {
    return valueTypeString == null ? "by reference" : "(" + attributes.size() + " attributes)";
  }
}
