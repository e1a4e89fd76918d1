package org.highdicom4j.sr;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * An SR content item of value type IMAGE (PS3.3 C.18.4, Image Reference Macro): a reference to an
 * image, optionally to some of its frames (Referenced Frame Number (0008,1160)) or, for a
 * segmentation, some of its segments (Referenced Segment Number (0062,000B)); highdicom's {@code
 * ImageContentItem}.
 */
public final class ImageContentItem extends ContentItem {
  private static final int[] NONE = new int[0];

  private final String sopClassUid;
  private final String sopInstanceUid;
  private final int[] frames;
  private final int[] segments;

  /**
   * Creates an IMAGE item referencing a whole image.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param referencedSopClassUid Referenced SOP Class UID (0008,1150)
   * @param referencedSopInstanceUid Referenced SOP Instance UID (0008,1155)
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @throws IllegalArgumentException when a UID is not valid
   */
  public ImageContentItem(
      CodedConcept name,
      String referencedSopClassUid,
      String referencedSopInstanceUid,
      RelationshipTypeValues relationshipType) {
    this(name, referencedSopClassUid, referencedSopInstanceUid, null, null, relationshipType);
  }

  /**
   * Creates an IMAGE item.
   *
   * @param name the concept name (Concept Name Code Sequence (0040,A043))
   * @param referencedSopClassUid Referenced SOP Class UID (0008,1150)
   * @param referencedSopInstanceUid Referenced SOP Instance UID (0008,1155)
   * @param referencedFrameNumbers Referenced Frame Number (0008,1160) values, positive; null or
   *     empty for all frames
   * @param referencedSegmentNumbers Referenced Segment Number (0062,000B) values, positive; null or
   *     empty for none
   * @param relationshipType the Relationship Type (0040,A010) with the parent, null for a root item
   * @throws IllegalArgumentException when a UID is not valid or a number is not positive
   */
  public ImageContentItem(
      CodedConcept name,
      String referencedSopClassUid,
      String referencedSopInstanceUid,
      int[] referencedFrameNumbers,
      int[] referencedSegmentNumbers,
      RelationshipTypeValues relationshipType) {
    super(ValueTypeValues.IMAGE, requireName(name), relationshipType);
    this.sopClassUid = Values.uid(referencedSopClassUid, "ReferencedSOPClassUID (0008,1150)");
    this.sopInstanceUid =
        Values.uid(referencedSopInstanceUid, "ReferencedSOPInstanceUID (0008,1155)");
    this.frames = Values.positive(referencedFrameNumbers, "ReferencedFrameNumber (0008,1160)");
    this.segments =
        Values.positive(referencedSegmentNumbers, "ReferencedSegmentNumber (0062,000B)");
  }

  private ImageContentItem(ImageContentItem other, ContentSequence content) {
    super(other, content);
    this.sopClassUid = other.sopClassUid;
    this.sopInstanceUid = other.sopInstanceUid;
    this.frames = other.frames;
    this.segments = other.segments;
  }

  static ImageContentItem read(DicomDataset ds, CodedConcept name, RelationshipTypeValues rel) {
    DicomDataset ref = ds.getItem(Tag.ReferencedSOPSequence);
    if (ref == null) {
      return null;
    }
    return new ImageContentItem(
        name,
        ref.getString(Tag.ReferencedSOPClassUID),
        ref.getString(Tag.ReferencedSOPInstanceUID),
        ref.getInts(Tag.ReferencedFrameNumber),
        ref.getInts(Tag.ReferencedSegmentNumber),
        rel);
  }

  /**
   * Reads an IMAGE content item and its children.
   *
   * @param dataset the content item data set
   * @return the item
   * @throws IllegalArgumentException when the data set is not a valid IMAGE item
   */
  public static ImageContentItem fromDataset(DicomDataset dataset) {
    return cast(ContentItem.fromDataset(dataset), ImageContentItem.class, ValueTypeValues.IMAGE);
  }

  /**
   * Returns the Referenced SOP Class UID (0008,1150).
   *
   * @return the UID
   */
  public String referencedSopClassUid() {
    return sopClassUid;
  }

  /**
   * Returns the Referenced SOP Instance UID (0008,1155).
   *
   * @return the UID
   */
  public String referencedSopInstanceUid() {
    return sopInstanceUid;
  }

  /**
   * Returns the Referenced Frame Number (0008,1160) values.
   *
   * @return a copy, empty when the whole image is referenced
   */
  public int[] referencedFrameNumbers() {
    return frames.length == 0 ? NONE : frames.clone();
  }

  /**
   * Returns the Referenced Segment Number (0062,000B) values.
   *
   * @return a copy, empty when none
   */
  public int[] referencedSegmentNumbers() {
    return segments.length == 0 ? NONE : segments.clone();
  }

  @Override
  public ImageContentItem withContent(List<? extends ContentItem> items) {
    return copyWith(checkedContent(items));
  }

  @Override
  ImageContentItem copyWith(ContentSequence content) {
    return new ImageContentItem(this, content);
  }

  @Override
  void writeValue(DicomDataset ds) {
    DicomDataset ref = Values.sopReference(ds, sopClassUid, sopInstanceUid);
    if (frames.length > 0) {
      ref.setInt(Tag.ReferencedFrameNumber, VR.IS, frames);
    }
    if (segments.length > 0) {
      ref.setInt(Tag.ReferencedSegmentNumber, VR.US, segments);
    }
  }

  @Override
  boolean valueEquals(ContentItem other) {
    ImageContentItem o = (ImageContentItem) other;
    return sopClassUid.equals(o.sopClassUid)
        && sopInstanceUid.equals(o.sopInstanceUid)
        && Arrays.equals(frames, o.frames)
        && Arrays.equals(segments, o.segments);
  }

  @Override
  int valueHash() {
    return Objects.hash(sopInstanceUid, Arrays.hashCode(frames), Arrays.hashCode(segments));
  }

  @Override
  String valueString() {
    return "("
        + sopClassUid
        + ", "
        + sopInstanceUid
        + (frames.length > 0 ? ", frames " + Arrays.toString(frames) : "")
        + (segments.length > 0 ? ", segments " + Arrays.toString(segments) : "")
        + ")";
  }
}
