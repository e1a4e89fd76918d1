package org.highdicom4j.sr;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.UID;

/**
 * An image region of interest in two-dimensional image coordinates (TID 1410/1411): an Image Region
 * (111030, DCM) SCOORD item with relationship CONTAINS, SELECTED FROM its source image; highdicom's
 * {@code ImageRegion}.
 *
 * <p>For a slide microscopy source image the pixel origin interpretation defaults to VOLUME (total
 * pixel matrix); FRAME then requires referenced frame numbers. MULTIPOINT does not describe a
 * region and is rejected.
 */
public final class ImageRegion extends Template {
  private final ScoordContentItem item;

  /**
   * Creates an image region.
   *
   * @param graphicType Graphic Type (0070,0023), not MULTIPOINT
   * @param graphicData {@code {column, row}} points
   * @param sourceImage the image the coordinates refer to
   * @param pixelOriginInterpretation Pixel Origin Interpretation (0048,0301), or null (VOLUME for
   *     slide microscopy images, absent otherwise)
   * @throws IllegalArgumentException when the graphic data do not fit the type, the type is
   *     MULTIPOINT, or FRAME is requested for a slide microscopy image without frame numbers
   */
  public ImageRegion(
      GraphicTypeValues graphicType,
      double[][] graphicData,
      SourceImageForRegion sourceImage,
      PixelOriginInterpretationValues pixelOriginInterpretation) {
    this(build(graphicType, graphicData, sourceImage, pixelOriginInterpretation));
  }

  /**
   * Creates an image region with the default pixel origin interpretation.
   *
   * @param graphicType Graphic Type (0070,0023), not MULTIPOINT
   * @param graphicData {@code {column, row}} points
   * @param sourceImage the image the coordinates refer to
   */
  public ImageRegion(
      GraphicTypeValues graphicType, double[][] graphicData, SourceImageForRegion sourceImage) {
    this(graphicType, graphicData, sourceImage, null);
  }

  private ImageRegion(ScoordContentItem item) {
    super(List.of(item));
    this.item = item;
  }

  private static ScoordContentItem build(
      GraphicTypeValues type,
      double[][] data,
      SourceImageForRegion source,
      PixelOriginInterpretationValues poi) {
    Objects.requireNonNull(source, "sourceImage");
    if (type == GraphicTypeValues.MULTIPOINT) {
      throw new IllegalArgumentException(
          "GraphicType (0070,0023) MULTIPOINT does not describe an image region (expected POINT,"
              + " POLYLINE, CIRCLE or ELLIPSE)");
    }
    if (UID.VLWholeSlideMicroscopyImageStorage.equals(source.referencedSopClassUid())) {
      if (poi == null) {
        poi = PixelOriginInterpretationValues.VOLUME;
      } else if (poi == PixelOriginInterpretationValues.FRAME
          && source.referencedFrameNumbers().length == 0) {
        throw new IllegalArgumentException(
            "PixelOriginInterpretation (0048,0301) FRAME needs referenced frame numbers of the"
                + " slide microscopy source image (expected ReferencedFrameNumber): none");
      }
    }
    return new ScoordContentItem(
            SrCodes.IMAGE_REGION, type, data, poi, null, RelationshipTypeValues.CONTAINS)
        .withContent(List.of(source.toContentItem()));
  }

  /**
   * Interprets a content item as an image region.
   *
   * @param item a SCOORD item named Image Region
   * @return the region, keeping the item as read
   * @throws IllegalArgumentException when it is not such an item
   */
  public static ImageRegion fromContentItem(ContentItem item) {
    Find.require(item, SrCodes.IMAGE_REGION, ScoordContentItem.class, "ImageRegion");
    return new ImageRegion((ScoordContentItem) item);
  }

  /**
   * Reads an image region from a content item data set.
   *
   * @param dataset the SCOORD content item
   * @return the region
   * @throws IllegalArgumentException when it is not an Image Region item
   */
  public static ImageRegion fromDataset(DicomDataset dataset) {
    return fromContentItem(ContentItem.fromDataset(dataset));
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
   * Returns the points (highdicom's {@code value}).
   *
   * @return N x 2 {@code {column, row}}
   */
  public double[][] value() {
    return item.value();
  }

  /**
   * Returns the Pixel Origin Interpretation (0048,0301).
   *
   * @return the interpretation, or empty
   */
  public Optional<PixelOriginInterpretationValues> pixelOriginInterpretation() {
    return item.pixelOriginInterpretation();
  }

  /**
   * Returns the source image.
   *
   * @return the source image, or empty when read from a document without one
   */
  public Optional<SourceImageForRegion> sourceImage() {
    ImageContentItem img = Find.first(item.content(), SrCodes.SOURCE_IMAGE, ImageContentItem.class);
    if (img == null) {
      // Third-party documents may use another concept name for the SELECTED FROM image.
      for (ContentItem c : item.content()) {
        if (c instanceof ImageContentItem) {
          img = (ImageContentItem) c;
          break;
        }
      }
    }
    return img == null
        ? Optional.empty()
        : Optional.of(
            new SourceImageForRegion(
                img.referencedSopClassUid(),
                img.referencedSopInstanceUid(),
                img.referencedFrameNumbers()));
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
