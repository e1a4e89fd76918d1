package org.highdicom4j.sr;

import java.util.List;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;

/**
 * A qualitative evaluation of a measurement group (TID 1501, 1410, 1411 row "Qualitative
 * Evaluations"): a coded name-value pair, a CODE item with relationship CONTAINS; highdicom's
 * {@code QualitativeEvaluation}.
 */
public final class QualitativeEvaluation extends Template {
  private final CodeContentItem item;

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

  private QualitativeEvaluation(CodeContentItem item) {
    super(List.of(item));
    this.item = item;
  }

  /**
   * Interprets a CODE content item as an evaluation.
   *
   * @param item a CODE item
   * @return the evaluation, keeping the item as read
   * @throws IllegalArgumentException when the item is not a CODE item
   */
  public static QualitativeEvaluation fromContentItem(ContentItem item) {
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
   * @return the value
   */
  public CodedConcept value() {
    return item.value();
  }

  /**
   * Returns the CODE content item.
   *
   * @return the item
   */
  public CodeContentItem toContentItem() {
    return item;
  }
}
