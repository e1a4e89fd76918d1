package org.highdicom4j.sr;

import java.util.List;
import java.util.Objects;
import org.highdicom4j.coding.CodedConcept;

/**
 * The image coordinates a measurement was made on (TID 300, highdicom 0.24): a SCOORD item with
 * relationship INFERRED FROM, named by its purpose (default Source of Measurement (121112, DCM)),
 * SELECTED FROM the source image; highdicom's {@code CoordinatesForMeasurement}.
 */
public final class CoordinatesForMeasurement extends Template {
  private final ScoordContentItem item;

  /**
   * Creates the coordinates.
   *
   * @param graphicType Graphic Type (0070,0023)
   * @param graphicData {@code {column, row}} points
   * @param sourceImage the image the coordinates refer to
   * @param purpose the concept name (purpose of the reference), or null for Source of Measurement
   * @throws IllegalArgumentException when the data do not fit the graphic type
   */
  public CoordinatesForMeasurement(
      GraphicTypeValues graphicType,
      double[][] graphicData,
      SourceImageForRegion sourceImage,
      CodedConcept purpose) {
    this(
        new ScoordContentItem(
                purpose == null ? SrCodes.SOURCE_OF_MEASUREMENT : purpose,
                graphicType,
                graphicData,
                null,
                null,
                RelationshipTypeValues.INFERRED_FROM)
            .withContent(
                List.of(Objects.requireNonNull(sourceImage, "sourceImage").toContentItem())));
  }

  private CoordinatesForMeasurement(ScoordContentItem item) {
    super(List.of(item));
    this.item = item;
  }

  static CoordinatesForMeasurement of(ScoordContentItem item) {
    return new CoordinatesForMeasurement(item);
  }

  /**
   * Returns the Graphic Type (0070,0023).
   *
   * @return the type
   */
  public GraphicTypeValues graphicType() {
    return item.graphicType();
  }

  /**
   * Returns the points.
   *
   * @return N x 2 {@code {column, row}}
   */
  public double[][] value() {
    return item.value();
  }

  /**
   * Returns the purpose (the concept name).
   *
   * @return the purpose
   */
  public CodedConcept purpose() {
    return item.name();
  }

  /**
   * Returns the SCOORD content item.
   *
   * @return the item
   */
  public ScoordContentItem toContentItem() {
    return item;
  }
}
