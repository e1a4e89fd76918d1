package org.highdicom4j.sr;

import java.util.List;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;

/**
 * A qualitative evaluation of a measurement group (TID 1501, 1410, 1411 row "Qualitative
 * Evaluations"): a coded name with a coded value (a CODE item with relationship CONTAINS,
 * highdicom's {@code QualitativeEvaluation}) or, as dcmqi also writes, a free-text value (a TEXT
 * item).
 */
public final class QualitativeEvaluation extends Template {
  private final ContentItem item;

  /**
   * Creates an evaluation.
   *
   * @param name the concept evaluated, e.g. Level of Significance
   * @param value the coded result
   * @throws NullPointerException when an argument is null
   */
  public QualitativeEvaluation(CodedConcept name, CodedConcept value) {
    this(new CodeContentItem(name, value, RelationshipTypeValues.CONTAINS));
  }

  /**
   * Creates an evaluation with a free-text value (a TEXT item with relationship CONTAINS).
   *
   * @param name the concept evaluated
   * @param text the value
   * @throws NullPointerException when an argument is null
   * @throws IllegalArgumentException when the text is empty
   */
  public QualitativeEvaluation(CodedConcept name, String text) {
    this(new TextContentItem(name, text, RelationshipTypeValues.CONTAINS));
  }

  private QualitativeEvaluation(ContentItem item) {
    super(List.of(item));
    this.item = item;
  }

  /**
   * Interprets a CODE or TEXT content item as an evaluation.
   *
   * @param item a CODE or TEXT item
   * @return the evaluation, keeping the item as read
   * @throws IllegalArgumentException when the item is neither
   */
  public static QualitativeEvaluation fromContentItem(ContentItem item) {
    if (item instanceof TextContentItem) {
      return new QualitativeEvaluation(item);
    }
    return new QualitativeEvaluation(
        ContentItem.cast(item, CodeContentItem.class, ValueTypeValues.CODE));
  }

  /**
   * Reads an evaluation from a content item data set.
   *
   * @param dataset the CODE content item
   * @return the evaluation
   * @throws IllegalArgumentException when it is not a CODE item
   */
  public static QualitativeEvaluation fromDataset(DicomDataset dataset) {
    return fromContentItem(ContentItem.fromDataset(dataset));
  }

  /**
   * Returns the concept name.
   *
   * @return the name
   */
  public CodedConcept name() {
    return item.name();
  }

  /**
   * Returns the coded value.
   *
   * @return the value, or null for a free-text evaluation
   */
  public CodedConcept value() {
    return item instanceof CodeContentItem ? ((CodeContentItem) item).value() : null;
  }

  /**
   * Returns the free-text value.
   *
   * @return the text, or empty for a coded evaluation
   */
  public java.util.Optional<String> textValue() {
    return item instanceof TextContentItem
        ? java.util.Optional.of(((TextContentItem) item).value())
        : java.util.Optional.empty();
  }

  /**
   * Returns the CODE or TEXT content item.
   *
   * @return the item
   */
  public ContentItem toContentItem() {
    return item;
  }
}
