package org.highdicom4j.sr;

import java.util.List;
import org.highdicom4j.dicom.data.DicomDataset;

/**
 * An image region of interest in a frame of reference (TID 1410): an Image Region (111030, DCM)
 * SCOORD3D item with relationship CONTAINS; highdicom's {@code ImageRegion3D}. MULTIPOINT and
 * ELLIPSOID do not describe a planar region and are rejected.
 */
public final class ImageRegion3D extends Template {
  private final Scoord3DContentItem item;

  /**
   * Creates a region.
   *
   * @param graphicType Graphic Type (0070,0023): POINT, POLYLINE, POLYGON or ELLIPSE
   * @param graphicData {@code {x, y, z}} points in millimetres
   * @param frameOfReferenceUid Referenced Frame of Reference UID (3006,0024)
   * @throws IllegalArgumentException when the type is MULTIPOINT or ELLIPSOID or the data do not
   *     fit it
   */
  public ImageRegion3D(
      GraphicTypeValues3D graphicType, double[][] graphicData, String frameOfReferenceUid) {
    this(build(graphicType, graphicData, frameOfReferenceUid));
  }

  private ImageRegion3D(Scoord3DContentItem item) {
    super(List.of(item));
    this.item = item;
  }

  private static Scoord3DContentItem build(
      GraphicTypeValues3D type, double[][] data, String forUid) {
    if (type == GraphicTypeValues3D.MULTIPOINT || type == GraphicTypeValues3D.ELLIPSOID) {
      throw new IllegalArgumentException(
          "GraphicType (0070,0023) "
              + type.value()
              + " does not describe a planar image region (expected POINT, POLYLINE, POLYGON or"
              + " ELLIPSE)");
    }
    return new Scoord3DContentItem(
        SrCodes.IMAGE_REGION, type, data, forUid, null, RelationshipTypeValues.CONTAINS);
  }

  /**
   * Interprets a content item as a region.
   *
   * @param item a SCOORD3D item named Image Region
   * @return the region
   * @throws IllegalArgumentException when it is not such an item
   */
  public static ImageRegion3D fromContentItem(ContentItem item) {
    Find.require(item, SrCodes.IMAGE_REGION, Scoord3DContentItem.class, "ImageRegion3D");
    return new ImageRegion3D((Scoord3DContentItem) item);
  }

  /**
   * Reads a region from a content item data set.
   *
   * @param dataset the SCOORD3D content item
   * @return the region
   * @throws IllegalArgumentException when it is not such an item
   */
  public static ImageRegion3D fromDataset(DicomDataset dataset) {
    return fromContentItem(ContentItem.fromDataset(dataset));
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
