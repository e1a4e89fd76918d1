package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A volume surface in a frame of reference (TID 1411): Volume Surface (121231, DCM) SCOORD3D items
 * with relationship CONTAINS, followed by the source images or the source series of the
 * segmentation; highdicom's {@code VolumeSurface}.
 *
 * <p>A POINT or an ELLIPSOID is one element; ELLIPSE and POLYGON surfaces are two or more planar
 * elements. Exactly one of source images and source series is given.
 */
public final class VolumeSurface extends Template {
  /**
   * Creates a volume surface.
   *
   * @param graphicType POINT, ELLIPSOID, ELLIPSE or POLYGON
   * @param graphicData one {@code {x, y, z}} array per element
   * @param frameOfReferenceUid Referenced Frame of Reference UID (3006,0024)
   * @param sourceImages the source images, or null
   * @param sourceSeries the source series, or null
   * @throws IllegalArgumentException when the type or the number of elements is not allowed, or not
   *     exactly one of source images and source series is given
   */
  public VolumeSurface(
      GraphicTypeValues3D graphicType,
      List<double[][]> graphicData,
      String frameOfReferenceUid,
      List<SourceImageForSegmentation> sourceImages,
      SourceSeriesForSegmentation sourceSeries) {
    super(items(graphicType, graphicData, frameOfReferenceUid, sourceImages, sourceSeries));
  }

  private VolumeSurface(List<ContentItem> items, boolean read) {
    super(items);
  }

  private static List<ContentItem> items(
      GraphicTypeValues3D type,
      List<double[][]> data,
      String forUid,
      List<SourceImageForSegmentation> images,
      SourceSeriesForSegmentation series) {
    Objects.requireNonNull(type, "graphicType");
    Objects.requireNonNull(data, "graphicData");
    switch (type) {
      case POINT:
      case ELLIPSOID:
        if (data.size() != 1) {
          throw new IllegalArgumentException(
              "A volume surface of graphic type "
                  + type.value()
                  + " is one element (expected 1 graphic data array): "
                  + data.size());
        }
        break;
      case ELLIPSE:
      case POLYGON:
        if (data.size() < 2) {
          throw new IllegalArgumentException(
              "A volume surface of graphic type "
                  + type.value()
                  + " needs several planar elements (expected at least 2 graphic data arrays): "
                  + data.size());
        }
        break;
      default:
        throw new IllegalArgumentException(
            "GraphicType (0070,0023) of a volume surface must be POINT, ELLIPSOID, ELLIPSE or"
                + " POLYGON (expected one of them): "
                + type.value());
    }
    boolean hasImages = images != null && !images.isEmpty();
    if (hasImages == (series != null)) {
      throw new IllegalArgumentException(
          "A volume surface needs either source images or a source series (expected exactly one):"
              + (hasImages ? " both" : " neither"));
    }
    List<ContentItem> items = new ArrayList<>();
    for (double[][] element : data) {
      items.add(
          new Scoord3DContentItem(
              SrCodes.VOLUME_SURFACE,
              type,
              element,
              forUid,
              null,
              RelationshipTypeValues.CONTAINS));
    }
    if (hasImages) {
      for (SourceImageForSegmentation s : images) {
        items.add(s.toContentItem());
      }
    } else {
      items.add(series.toContentItem());
    }
    return items;
  }

  /** Collects the items among a group's children; null when there is no Volume Surface item. */
  static VolumeSurface find(List<ContentItem> siblings) {
    List<ContentItem> found = new ArrayList<>();
    found.addAll(Find.all(siblings, SrCodes.VOLUME_SURFACE, Scoord3DContentItem.class));
    if (found.isEmpty()) {
      return null;
    }
    found.addAll(Find.all(siblings, SrCodes.SOURCE_IMAGE_FOR_SEGMENTATION, ImageContentItem.class));
    found.addAll(
        Find.all(siblings, SrCodes.SOURCE_SERIES_FOR_SEGMENTATION, UIDRefContentItem.class));
    return new VolumeSurface(found, true);
  }

  private List<Scoord3DContentItem> elements() {
    return Find.all(contentItems(), SrCodes.VOLUME_SURFACE, Scoord3DContentItem.class);
  }

  /**
   * Returns the Graphic Type (0070,0023) of the elements.
   *
   * @return the type
   */
  public GraphicTypeValues3D graphicType() {
    return elements().get(0).graphicType();
  }

  /**
   * Returns the graphic data of each element.
   *
   * @return one N x 3 array per element
   */
  public List<double[][]> graphicData() {
    List<double[][]> out = new ArrayList<>();
    for (Scoord3DContentItem e : elements()) {
      out.add(e.value());
    }
    return out;
  }

  /**
   * Returns the Referenced Frame of Reference UID (3006,0024).
   *
   * @return the UID
   */
  public String frameOfReferenceUid() {
    return elements().get(0).frameOfReferenceUid();
  }

  /**
   * Returns the source images of the segmentation.
   *
   * @return the images, empty when a source series is given
   */
  public List<SourceImageForSegmentation> sourceImages() {
    List<SourceImageForSegmentation> out = new ArrayList<>();
    for (ImageContentItem i :
        Find.all(contentItems(), SrCodes.SOURCE_IMAGE_FOR_SEGMENTATION, ImageContentItem.class)) {
      out.add(SourceImageForSegmentation.fromContentItem(i));
    }
    return out;
  }

  /**
   * Returns the source series of the segmentation.
   *
   * @return the series, or empty
   */
  public Optional<SourceSeriesForSegmentation> sourceSeries() {
    UIDRefContentItem u =
        Find.first(contentItems(), SrCodes.SOURCE_SERIES_FOR_SEGMENTATION, UIDRefContentItem.class);
    return u == null
        ? Optional.empty()
        : Optional.of(SourceSeriesForSegmentation.fromContentItem(u));
  }
}
