package org.highdicom4j.sr;

import java.util.List;
import org.highdicom4j.coding.CodedConcept;

/**
 * The frame-of-reference coordinates a measurement was made on (TID 300, highdicom 0.24): a
 * SCOORD3D item with relationship INFERRED FROM, named by its purpose (default Source of
 * Measurement (121112, DCM)); highdicom's {@code CoordinatesForMeasurement3D}.
 */
public final class CoordinatesForMeasurement3D extends Template {
  private final Scoord3DContentItem item;

  /**
   * Creates the coordinates.
   *
   * @param graphicType Graphic Type (0070,0023)
   * @param graphicData {@code {x, y, z}} points
   * @param frameOfReferenceUid Referenced Frame of Reference UID (3006,0024)
   * @param purpose the concept name, or null for Source of Measurement
   * @throws IllegalArgumentException when the data do not fit the graphic type
   */
  public CoordinatesForMeasurement3D(
      GraphicTypeValues3D graphicType,
      double[][] graphicData,
      String frameOfReferenceUid,
      CodedConcept purpose) {
    this(
        new Scoord3DContentItem(
            purpose == null ? SrCodes.SOURCE_OF_MEASUREMENT : purpose,
            graphicType,
            graphicData,
            frameOfReferenceUid,
            null,
            RelationshipTypeValues.INFERRED_FROM));
  }

  private CoordinatesForMeasurement3D(Scoord3DContentItem item) {
    super(List.of(item));
    this.item = item;
  }

  static CoordinatesForMeasurement3D of(Scoord3DContentItem item) {
    return new CoordinatesForMeasurement3D(item);
  }

  /**
   * Returns the Graphic Type (0070,0023).
   *
   * @return the type
   */
  public GraphicTypeValues3D graphicType() {
    return item.graphicType();
  }

  /**
   * Returns the points.
   *
   * @return N x 3 {@code {x, y, z}}
   */
  public double[][] value() {
    return item.value();
  }

  /**
   * Returns the Referenced Frame of Reference UID (3006,0024).
   *
   * @return the UID
   */
  public String frameOfReferenceUid() {
    return item.frameOfReferenceUid();
  }

  /**
   * Returns the SCOORD3D content item.
   *
   * @return the item
   */
  public Scoord3DContentItem toContentItem() {
    return item;
  }
}
