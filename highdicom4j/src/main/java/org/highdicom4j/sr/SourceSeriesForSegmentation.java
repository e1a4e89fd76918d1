package org.highdicom4j.sr;

import java.util.List;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;

/**
 * The source series of a segmentation: a Source series for segmentation (121232, DCM) UIDREF item
 * with relationship CONTAINS; highdicom's {@code SourceSeriesForSegmentation}.
 */
public final class SourceSeriesForSegmentation extends Template {
  private final UIDRefContentItem item;

  /**
   * Creates the reference.
   *
   * @param referencedSeriesInstanceUid the Series Instance UID
   * @throws IllegalArgumentException when the UID is invalid
   */
  public SourceSeriesForSegmentation(String referencedSeriesInstanceUid) {
    this(
        new UIDRefContentItem(
            SrCodes.SOURCE_SERIES_FOR_SEGMENTATION,
            referencedSeriesInstanceUid,
            RelationshipTypeValues.CONTAINS));
  }

  private SourceSeriesForSegmentation(UIDRefContentItem item) {
    super(List.of(item));
    this.item = item;
  }

  /**
   * Creates the reference from an image of the series (highdicom's {@code from_source_image}).
   *
   * @param image an image with Series Instance UID (0020,000E)
   * @return the reference
   * @throws IllegalArgumentException when the image has no series UID
   */
  public static SourceSeriesForSegmentation fromSourceImage(DicomDataset image) {
    return new SourceSeriesForSegmentation(image.getString(Tag.SeriesInstanceUID));
  }

  /**
   * Interprets a content item as this reference.
   *
   * @param item a UIDREF item named Source series for segmentation
   * @return the reference
   * @throws IllegalArgumentException when it is not such an item
   */
  public static SourceSeriesForSegmentation fromContentItem(ContentItem item) {
    Find.require(
        item,
        SrCodes.SOURCE_SERIES_FOR_SEGMENTATION,
        UIDRefContentItem.class,
        "SourceSeriesForSegmentation");
    return new SourceSeriesForSegmentation((UIDRefContentItem) item);
  }

  /**
   * Returns the referenced Series Instance UID.
   *
   * @return the UID
   */
  public String referencedSeriesInstanceUid() {
    return item.value();
  }

  /**
   * Returns the UIDREF content item.
   *
   * @return the item
   */
  public UIDRefContentItem toContentItem() {
    return item;
  }
}
