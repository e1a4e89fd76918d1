package org.highdicom4j.sr;

import java.util.List;
import java.util.Objects;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * An SR content item of value type TEXT (PS3.3 C.17.3.2.1): unstructured text in Text Value
 * (0040,A160); highdicom's {@code TextContentItem}.
 */
public final class TextContentItem extends ContentItem {
  private final String value;

  /**
   * Creates a TEXT item.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param value Text Value (0040,A160), UT
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @throws NullPointerException when name or value is null
   */
  public TextContentItem(CodedConcept name, String value, RelationshipTypeValues relationshipType) {
    super(ValueTypeValues.TEXT, requireName(name), relationshipType);
    this.value = Objects.requireNonNull(value, "value");
  }

  private TextContentItem(TextContentItem other, ContentSequence content) {
    super(other, content);
    this.value = other.value;
  }

  static TextContentItem read(DicomDataset ds, CodedConcept name, RelationshipTypeValues rel) {
    String s = ds.getString(Tag.TextValue);
    return s == null ? null : new TextContentItem(name, ds.getText(Tag.TextValue), rel);
  }

  /**
   * Reads a TEXT content item and its children.
   *
   * @param dataset the content item data set
   * @return the item
   * @throws IllegalArgumentException when the data set is not a valid TEXT item
   */
  public static TextContentItem fromDataset(DicomDataset dataset) {
    return cast(ContentItem.fromDataset(dataset), TextContentItem.class, ValueTypeValues.TEXT);
  }

  /**
   * Returns the value (Text Value (0040,A160)).
   *
   * @return the value
   */
  public String value() {
    return value;
  }

  @Override
  public TextContentItem withContent(List<? extends ContentItem> items) {
    return copyWith(checkedContent(items));
  }

  @Override
  TextContentItem copyWith(ContentSequence content) {
    return new TextContentItem(this, content);
  }

  @Override
  void writeValue(DicomDataset ds) {
    ds.setString(Tag.TextValue, VR.UT, value);
  }

  @Override
  boolean valueEquals(ContentItem other) {
    return value.equals(((TextContentItem) other).value);
  }

  @Override
  int valueHash() {
    return value.hashCode();
  }

  @Override
  String valueString() {
    return "\"" + (value.length() > 40 ? value.substring(0, 40) + "..." : value) + "\"";
  }
}
