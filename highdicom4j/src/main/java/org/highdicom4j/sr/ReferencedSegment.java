package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A whole segment of a segmentation as the region of a volumetric measurement group (TID 1411): a
 * Referenced Segment (121191, DCM) IMAGE item with the segment number and optionally frame numbers,
 * followed by the source images or the source series; highdicom's {@code ReferencedSegment}.
 */
public final class ReferencedSegment extends Template {
  /**
   * Creates the reference.
   *
   * @param sopClassUid SOP Class UID of the segmentation
   * @param sopInstanceUid SOP Instance UID of the segmentation
   * @param segmentNumber the segment, positive
   * @param frameNumbers the frames holding the segment, or null
   * @param sourceImages the source images, or null
   * @param sourceSeries the source series, or null
   * @throws IllegalArgumentException when a UID is invalid, a number not positive, or not exactly
   *     one of source images and source series is given
   */
  public ReferencedSegment(
      String sopClassUid,
      String sopInstanceUid,
      int segmentNumber,
      int[] frameNumbers,
      List<SourceImageForSegmentation> sourceImages,
      SourceSeriesForSegmentation sourceSeries) {
    super(
        items(
            sopClassUid, sopInstanceUid, segmentNumber, frameNumbers, sourceImages, sourceSeries));
  }

  private ReferencedSegment(List<ContentItem> items, boolean read) {
    super(items);
  }

  private static List<ContentItem> items(
      String cls,
      String inst,
      int segment,
      int[] frames,
      List<SourceImageForSegmentation> images,
      SourceSeriesForSegmentation series) {
    boolean hasImages = images != null && !images.isEmpty();
    if (hasImages == (series != null)) {
      throw new IllegalArgumentException(
          "A referenced segment needs either source images or a source series (expected exactly"
              + " one):"
              + (hasImages ? " both" : " neither"));
    }
    List<ContentItem> items = new ArrayList<>();
    items.add(
        new ImageContentItem(
            SrCodes.REFERENCED_SEGMENT,
            cls,
            inst,
            frames,
            new int[] {segment},
            RelationshipTypeValues.CONTAINS));
    if (hasImages) {
      for (SourceImageForSegmentation s : images) {
        items.add(s.toContentItem());
      }
    } else {
      items.add(series.toContentItem());
    }
    return items;
  }

  /** Collects the items among a group's children; null without a Referenced Segment item. */
  static ReferencedSegment find(List<ContentItem> siblings) {
    ImageContentItem seg = Find.first(siblings, SrCodes.REFERENCED_SEGMENT, ImageContentItem.class);
    if (seg == null) {
      return null;
    }
    List<ContentItem> found = new ArrayList<>();
    found.add(seg);
    found.addAll(Find.all(siblings, SrCodes.SOURCE_IMAGE_FOR_SEGMENTATION, ImageContentItem.class));
    found.addAll(
        Find.all(siblings, SrCodes.SOURCE_SERIES_FOR_SEGMENTATION, UIDRefContentItem.class));
    return new ReferencedSegment(found, true);
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
   * Returns the referenced segment number.
   *
   * @return the segment, or 0 when read without one
   */
  public int segmentNumber() {
    int[] s = segmentation().referencedSegmentNumbers();
    return s.length > 0 ? s[0] : 0;
  }

  /**
   * Returns the referenced frame numbers.
   *
   * @return the frames, empty for all
   */
  public int[] frameNumbers() {
    return segmentation().referencedFrameNumbers();
  }

  /**
   * Returns the source images.
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
   * Returns the source series.
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
