package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A segment in one frame of a segmentation as the region of a planar measurement group (TID 1410):
 * a Referenced Segmentation Frame (121214, DCM) IMAGE item with the frame number, followed by the
 * frame's source image; highdicom's {@code ReferencedSegmentationFrame}.
 *
 * <p>Unlike highdicom, the segment number is not written: the Image SOP Instance Reference Macro
 * (PS3.3 C.10.5) allows Referenced Segment Number (0062,000B) only when Referenced Frame Number
 * (0008,1160) is absent (dciodvfy reports the pair as an error). A frame of a segmentation belongs
 * to exactly one segment, which its Segment Identification Sequence names.
 */
public final class ReferencedSegmentationFrame extends Template {
  /**
   * Creates the reference.
   *
   * @param sopClassUid SOP Class UID of the segmentation
   * @param sopInstanceUid SOP Instance UID of the segmentation
   * @param frameNumber the frame, positive
   * @param segmentNumber the segment, positive; checked, not encoded (see the class description)
   * @param sourceImage the image the frame was derived from
   * @throws IllegalArgumentException when a UID is invalid or a number not positive
   */
  public ReferencedSegmentationFrame(
      String sopClassUid,
      String sopInstanceUid,
      int frameNumber,
      int segmentNumber,
      SourceImageForSegmentation sourceImage) {
    super(items(sopClassUid, sopInstanceUid, frameNumber, segmentNumber, sourceImage));
  }

  private static List<ContentItem> items(
      String sopClassUid,
      String sopInstanceUid,
      int frameNumber,
      int segmentNumber,
      SourceImageForSegmentation sourceImage) {
    if (segmentNumber < 1) {
      throw new IllegalArgumentException(
          "ReferencedSegmentNumber (0062,000B) must be positive (expected >= 1): " + segmentNumber);
    }
    return (List.of(
        new ImageContentItem(
            SrCodes.REFERENCED_SEGMENTATION_FRAME,
            sopClassUid,
            sopInstanceUid,
            new int[] {frameNumber},
            null,
            RelationshipTypeValues.CONTAINS),
        Objects.requireNonNull(sourceImage, "sourceImage").toContentItem()));
  }

  private ReferencedSegmentationFrame(List<ContentItem> items, boolean read) {
    super(items);
  }

  /** Collects the items among a group's children; null without a segmentation frame item. */
  static ReferencedSegmentationFrame find(List<ContentItem> siblings) {
    ImageContentItem seg =
        Find.first(siblings, SrCodes.REFERENCED_SEGMENTATION_FRAME, ImageContentItem.class);
    if (seg == null) {
      return null;
    }
    List<ContentItem> found = new ArrayList<>();
    found.add(seg);
    ImageContentItem src =
        Find.first(siblings, SrCodes.SOURCE_IMAGE_FOR_SEGMENTATION, ImageContentItem.class);
    if (src != null) {
      found.add(src);
    }
    return new ReferencedSegmentationFrame(found, true);
  }

  private ImageContentItem segmentation() {
    return (ImageContentItem) contentItems().get(0);
  }

  /**
   * Returns the SOP Class UID of the segmentation.
   *
   * @return the UID
   */
  public String sopClassUid() {
    return segmentation().referencedSopClassUid();
  }

  /**
   * Returns the SOP Instance UID of the segmentation.
   *
   * @return the UID
   */
  public String sopInstanceUid() {
    return segmentation().referencedSopInstanceUid();
  }

  /**
   * Returns the referenced frame number.
   *
   * @return the frame, or 0 when read without one
   */
  public int frameNumber() {
    int[] f = segmentation().referencedFrameNumbers();
    return f.length > 0 ? f[0] : 0;
  }

  /**
   * Returns the referenced segment number when the item carries one (documents of other writers).
   *
   * @return the segment, or 0 when absent, as in documents written here
   */
  public int segmentNumber() {
    int[] s = segmentation().referencedSegmentNumbers();
    return s.length > 0 ? s[0] : 0;
  }

  /**
   * Returns the source image of the frame.
   *
   * @return the source image, or empty when read without one
   */
  public Optional<SourceImageForSegmentation> sourceImage() {
    return contentItems().size() > 1
        ? Optional.of(SourceImageForSegmentation.fromContentItem(contentItems().get(1)))
        : Optional.empty();
  }
}
