package org.highdicom4j.sr;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * An SR content item of value type CONTAINER (PS3.3 C.18.8): a heading that groups its children,
 * with Continuity Of Content (0040,A050) and optionally the template it follows (Content Template
 * Sequence (0040,A504)); highdicom's {@code ContainerContentItem}.
 */
public final class ContainerContentItem extends ContentItem {
  private final boolean continuous;
  private final String templateId;

  /**
   * Creates a container with continuous content and no template identifier.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   */
  public ContainerContentItem(CodedConcept name, RelationshipTypeValues relationshipType) {
    this(name, true, null, relationshipType);
  }

  /**
   * Creates a container.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param isContentContinuous Continuity Of Content (0040,A050): CONTINUOUS when true, else
   *     SEPARATE
   * @param templateId Template Identifier (0040,DB00) of mapping resource DCMR, e.g. {@code
   *     "1500"}, or null
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @throws IllegalArgumentException when the template identifier is empty, longer than 16
   *     characters or contains a backslash
   */
  public ContainerContentItem(
      CodedConcept name,
      boolean isContentContinuous,
      String templateId,
      RelationshipTypeValues relationshipType) {
    super(ValueTypeValues.CONTAINER, requireName(name), relationshipType);
    if (templateId != null
        && (templateId.isBlank() || templateId.length() > 16 || templateId.contains("\\"))) {
      throw new IllegalArgumentException(
          "TemplateIdentifier (0040,DB00) is invalid (expected 1 to 16 characters, e.g. 1500): \""
              + templateId
              + "\"");
    }
    this.continuous = isContentContinuous;
    this.templateId = templateId;
  }

  private ContainerContentItem(ContainerContentItem other, ContentSequence content) {
    super(other, content);
    this.continuous = other.continuous;
    this.templateId = other.templateId;
  }

  static ContainerContentItem read(DicomDataset ds, CodedConcept name, RelationshipTypeValues rel) {
    String continuity = ds.getString(Tag.ContinuityOfContent);
    DicomDataset template = ds.getItem(Tag.ContentTemplateSequence);
    String id = template == null ? null : template.getString(Tag.TemplateIdentifier);
    return new ContainerContentItem(name, !"SEPARATE".equals(continuity), id, rel);
  }

  /**
   * Reads a CONTAINER content item and its children.
   *
   * @param dataset the content item data set
   * @return the item
   * @throws IllegalArgumentException when the data set is not a valid CONTAINER item
   */
  public static ContainerContentItem fromDataset(DicomDataset dataset) {
    return cast(
        ContentItem.fromDataset(dataset), ContainerContentItem.class, ValueTypeValues.CONTAINER);
  }

  /**
   * Returns whether Continuity Of Content (0040,A050) is CONTINUOUS.
   *
   * @return true for CONTINUOUS, false for SEPARATE
   */
  public boolean isContentContinuous() {
    return continuous;
  }

  /**
   * Returns the Template Identifier (0040,DB00) of the Content Template Sequence.
   *
   * @return the identifier, e.g. {@code "1500"}, or empty
   */
  public Optional<String> templateId() {
    return Optional.ofNullable(templateId);
  }

  @Override
  public ContainerContentItem withContent(List<? extends ContentItem> items) {
    return copyWith(checkedContent(items));
  }

  @Override
  ContainerContentItem copyWith(ContentSequence content) {
    return new ContainerContentItem(this, content);
  }

  @Override
  void writeValue(DicomDataset ds) {
    ds.setString(Tag.ContinuityOfContent, VR.CS, continuous ? "CONTINUOUS" : "SEPARATE");
    if (templateId != null) {
      DicomDataset t = ds.newSequence(Tag.ContentTemplateSequence).addNewItem();
      t.setString(Tag.MappingResource, VR.CS, "DCMR");
      t.setString(Tag.TemplateIdentifier, VR.CS, templateId);
    }
  }

  @Override
  boolean valueEquals(ContentItem other) {
    ContainerContentItem o = (ContainerContentItem) other;
    return continuous == o.continuous && Objects.equals(templateId, o.templateId);
  }

  @Override
  int valueHash() {
    return Objects.hash(continuous, templateId);
  }

  @Override
  String valueString() {
    return (continuous ? "CONTINUOUS" : "SEPARATE")
        + (templateId != null ? " TID " + templateId : "");
  }
}
