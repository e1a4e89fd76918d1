package org.highdicom4j.sr;

import java.util.List;
import org.highdicom4j.dicom.data.DicomDataset;

/**
 * A source image of a segmentation (TID 1411, TID 1410): an IMAGE content item (121233, DCM,
 * "Source image for segmentation") with relationship CONTAINS; highdicom's {@code
 * SourceImageForSegmentation}.
 */
public final class SourceImageForSegmentation extends Template {
  private final ImageContentItem item;

  /**
   * Creates the reference.
   *
   * @param referencedSopClassUid Referenced SOP Class UID (0008,1150)
   * @param referencedSopInstanceUid Referenced SOP Instance UID (0008,1155)
   * @param referencedFrameNumbers Referenced Frame Number (0008,1160) values, positive; null or
   *     empty for the whole image
   * @throws IllegalArgumentException when a UID is invalid or a frame number not positive
   */
  public SourceImageForSegmentation(
      String referencedSopClassUid,
      String referencedSopInstanceUid,
      int... referencedFrameNumbers) {
    this(
        new ImageContentItem(
            SrCodes.SOURCE_IMAGE_FOR_SEGMENTATION,
            referencedSopClassUid,
            referencedSopInstanceUid,
            referencedFrameNumbers,
            null,
            RelationshipTypeValues.CONTAINS));
  }

  private SourceImageForSegmentation(ImageContentItem item) {
    super(List.of(item));
    this.item = item;
  }

  /**
   * Creates the reference from an image data set (highdicom's {@code from_source_image}).
   *
   * @param image the referenced image, with SOP Class UID (0008,0016) and SOP Instance UID
   *     (0008,0018)
   * @param referencedFrameNumbers frames of a multi-frame image, each at most Number of Frames
   *     (0028,0008); none for the whole image
   * @return the reference
   * @throws IllegalArgumentException when the image is an SR document or a segmentation, or a frame
   *     number is out of range
   */
  public static SourceImageForSegmentation fromSourceImage(
      DicomDataset image, int... referencedFrameNumbers) {
    String[] uids = SourceImages.check(image, referencedFrameNumbers);
    return new SourceImageForSegmentation(uids[0], uids[1], referencedFrameNumbers);
  }

  /**
   * Interprets a content item as this reference.
   *
   * @param item an IMAGE item named (121233, DCM, "Source image for segmentation")
   * @return the reference, keeping the item as read
   * @throws IllegalArgumentException when the item is not such an IMAGE item
   */
  public static SourceImageForSegmentation fromContentItem(ContentItem item) {
    Find.require(
        item,
        SrCodes.SOURCE_IMAGE_FOR_SEGMENTATION,
        ImageContentItem.class,
        "SourceImageForSegmentation");
    return new SourceImageForSegmentation((ImageContentItem) item);
  }

  /**
   * Reads the reference from a content item data set.
   *
   * @param dataset the IMAGE content item
   * @return the reference
   * @throws IllegalArgumentException when it is not such an item
   */
  public static SourceImageForSegmentation fromDataset(DicomDataset dataset) {
    return fromContentItem(ContentItem.fromDataset(dataset));
  }

  /**
   * Returns the IMAGE content item.
   *
   * @return the item
   */
  public ImageContentItem toContentItem() {
    return item;
  }

  /**
   * Returns the content item data set.
   *
   * @return a new data set
   */
  public DicomDataset toDataset() {
    return item.toDataset();
  }

  /**
   * Returns the Referenced SOP Class UID (0008,1150).
   *
   * @return the UID
   */
  public String referencedSopClassUid() {
    return item.referencedSopClassUid();
  }

  /**
   * Returns the Referenced SOP Instance UID (0008,1155).
   *
   * @return the UID
   */
  public String referencedSopInstanceUid() {
    return item.referencedSopInstanceUid();
  }

  /**
   * Returns the Referenced Frame Number (0008,1160) values.
   *
   * @return a copy, empty for the whole image
   */
  public int[] referencedFrameNumbers() {
    return item.referencedFrameNumbers();
  }
}
