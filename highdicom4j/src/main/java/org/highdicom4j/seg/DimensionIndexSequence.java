package org.highdicom4j.seg;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.highdicom4j.ValueRepresentations;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * The Dimension Index Sequence (0020,9222) of a segmentation's Multi-frame Dimension Module (PS3.3
 * C.7.6.17): the attributes by which its frames are indexed, in a fixed order — Referenced Segment
 * Number (0062,000B) (not for LABELMAP) and, when the frames have a patient frame of reference,
 * Image Position (Patient) (0020,0032) in the Plane Position Sequence.
 *
 * <p>Immutable. All items share one Dimension Organization UID (0020,9164).
 *
 * <p>For the SLIDE coordinate system (segmentations of tiled slide microscopy images, {@link
 * #ofSlide}) the position dimensions are Row and Column Position In Total Image Pixel Matrix
 * (0048,021F/021E) and X, Y, Z Offset in Slide Coordinate System (0040,072A/073A/074A), all in the
 * Plane Position (Slide) Sequence (0048,021A).
 *
 * <p>highdicom: {@code highdicom.seg.DimensionIndexSequence}.
 */
public final class DimensionIndexSequence {
  private final String organizationUid;
  private final int[] indexPointers;
  private final int[] functionalGroupPointers;
  private final String[] labels;

  private DimensionIndexSequence(
      String organizationUid, int[] indexPointers, int[] groupPointers, String[] labels) {
    this.organizationUid = organizationUid;
    this.indexPointers = indexPointers;
    this.functionalGroupPointers = groupPointers;
    this.labels = labels;
  }

  /**
   * Creates the index of a segmentation.
   *
   * @param segmentNumber whether frames are indexed by segment first (BINARY and FRACTIONAL)
   * @param patientPosition whether frames are then indexed by Image Position (Patient) (sources
   *     with a patient frame of reference)
   * @return the sequence, with a new Dimension Organization UID
   * @throws IllegalArgumentException when both are false (the sequence needs at least one item)
   */
  public static DimensionIndexSequence of(boolean segmentNumber, boolean patientPosition) {
    return of(segmentNumber, patientPosition, UidGenerator.newUid());
  }

  /**
   * Creates the index of a segmentation with a given Dimension Organization UID.
   *
   * @param segmentNumber whether frames are indexed by segment first
   * @param patientPosition whether frames are then indexed by Image Position (Patient)
   * @param organizationUid Dimension Organization UID (0020,9164)
   * @return the sequence
   */
  public static DimensionIndexSequence of(
      boolean segmentNumber, boolean patientPosition, String organizationUid) {
    ValueRepresentations.checkUid(Tag.DimensionOrganizationUID, organizationUid);
    List<int[]> rows = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    if (segmentNumber) {
      rows.add(new int[] {Tag.ReferencedSegmentNumber, Tag.SegmentIdentificationSequence});
      labels.add("Segment Number");
    }
    if (patientPosition) {
      rows.add(new int[] {Tag.ImagePositionPatient, Tag.PlanePositionSequence});
      labels.add("Image Position Patient");
    }
    if (rows.isEmpty()) {
      throw new IllegalArgumentException(
          "DimensionIndexSequence (0020,9222) needs at least one index (expected segment number"
              + " or patient position)");
    }
    int[] idx = new int[rows.size()];
    int[] fg = new int[rows.size()];
    for (int i = 0; i < idx.length; i++) {
      idx[i] = rows.get(i)[0];
      fg[i] = rows.get(i)[1];
    }
    return new DimensionIndexSequence(organizationUid, idx, fg, labels.toArray(new String[0]));
  }

  /**
   * Creates the index of a segmentation in the SLIDE coordinate system (tiled sources): Referenced
   * Segment Number (BINARY and FRACTIONAL), then Row and Column Position In Total Image Pixel
   * Matrix and X, Y and Z Offset in Slide Coordinate System, as highdicom orders them.
   *
   * @param segmentNumber whether frames are indexed by segment first (BINARY and FRACTIONAL)
   * @return the sequence, with a new Dimension Organization UID
   */
  public static DimensionIndexSequence ofSlide(boolean segmentNumber) {
    return ofSlide(segmentNumber, UidGenerator.newUid());
  }

  /**
   * Creates the SLIDE index of a segmentation with a given Dimension Organization UID.
   *
   * @param segmentNumber whether frames are indexed by segment first
   * @param organizationUid Dimension Organization UID (0020,9164)
   * @return the sequence
   */
  public static DimensionIndexSequence ofSlide(boolean segmentNumber, String organizationUid) {
    ValueRepresentations.checkUid(Tag.DimensionOrganizationUID, organizationUid);
    List<Integer> idx = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    if (segmentNumber) {
      idx.add(Tag.ReferencedSegmentNumber);
      labels.add("Segment Number");
    }
    idx.add(Tag.RowPositionInTotalImagePixelMatrix);
    labels.add("Row Position In Total Image Pixel Matrix");
    idx.add(Tag.ColumnPositionInTotalImagePixelMatrix);
    labels.add("Column Position In Total Image Pixel Matrix");
    idx.add(Tag.XOffsetInSlideCoordinateSystem);
    labels.add("X Offset in Slide Coordinate System");
    idx.add(Tag.YOffsetInSlideCoordinateSystem);
    labels.add("Y Offset in Slide Coordinate System");
    idx.add(Tag.ZOffsetInSlideCoordinateSystem);
    labels.add("Z Offset in Slide Coordinate System");
    int[] pointers = new int[idx.size()];
    int[] groups = new int[idx.size()];
    for (int i = 0; i < pointers.length; i++) {
      pointers[i] = idx.get(i);
      groups[i] =
          pointers[i] == Tag.ReferencedSegmentNumber
              ? Tag.SegmentIdentificationSequence
              : Tag.PlanePositionSlideSequence;
    }
    return new DimensionIndexSequence(
        organizationUid, pointers, groups, labels.toArray(new String[0]));
  }

  /** Returns the Dimension Organization UID (0020,9164) shared by the items. */
  public String organizationUid() {
    return organizationUid;
  }

  /** Returns the number of items (dimensions). */
  public int size() {
    return indexPointers.length;
  }

  /** Returns the Dimension Index Pointer (0020,9165) of each item, in order. */
  public int[] dimensionIndexPointers() {
    return indexPointers.clone();
  }

  /** Returns the Functional Group Pointer (0020,9167) of each item, in order. */
  public int[] functionalGroupPointers() {
    return functionalGroupPointers.clone();
  }

  /**
   * Writes Dimension Organization Sequence (0020,9221) and Dimension Index Sequence (0020,9222)
   * into a data set.
   *
   * @param dataset the segmentation being built
   */
  public void addTo(DicomDataset dataset) {
    addOrganizationTo(dataset);
    Sequence seq = dataset.newSequence(Tag.DimensionIndexSequence);
    for (int i = 0; i < indexPointers.length; i++) {
      DicomDataset item = seq.addNewItem();
      item.setString(Tag.DimensionOrganizationUID, VR.UI, organizationUid);
      item.setInt(Tag.DimensionIndexPointer, VR.AT, indexPointers[i]);
      item.setInt(Tag.FunctionalGroupPointer, VR.AT, functionalGroupPointers[i]);
      item.setString(Tag.DimensionDescriptionLabel, VR.LO, labels[i]);
    }
  }

  /**
   * Writes only Dimension Organization Sequence (0020,9221), as a TILED_FULL image may (PS3.3
   * C.7.6.17: Dimension Index Sequence is required unless Dimension Organization Type is
   * TILED_FULL).
   *
   * @param dataset the segmentation being built
   */
  public void addOrganizationTo(DicomDataset dataset) {
    Objects.requireNonNull(dataset, "dataset");
    dataset
        .newSequence(Tag.DimensionOrganizationSequence)
        .addNewItem()
        .setString(Tag.DimensionOrganizationUID, VR.UI, organizationUid);
  }
}
