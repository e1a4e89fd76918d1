package org.highdicom4j.seg;

import java.util.List;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.dict.Tag;

/**
 * What a segmentation needs from its source images, frame by frame: the instance (and frame number,
 * for a multi-frame source) each frame comes from and, when the source has a patient frame of
 * reference, its plane position, orientation and pixel measures.
 *
 * <p>Single-frame sources take these from Image Position/Orientation (Patient), Pixel Spacing and
 * Slice Thickness; an enhanced multi-frame source from its Shared and Per-Frame Functional Groups.
 */
final class SourceGeometry {
  final boolean multiFrame;
  final int frames;
  final int rows;
  final int columns;
  final String frameOfReferenceUid;

  /** Per source frame: Image Position (Patient), or null when the source has no geometry. */
  final double[][] positions;

  final double[] orientation;
  final double[] pixelSpacing;
  final Double sliceThickness;
  final Double spacingBetweenSlices;
  final String[] sopClassUids;
  final String[] sopInstanceUids;

  /** Per source frame: Referenced Frame Number (1-based) for a multi-frame source, else 0. */
  final int[] frameNumbers;

  private SourceGeometry(
      boolean multiFrame,
      int frames,
      int rows,
      int columns,
      String frameOfReferenceUid,
      double[][] positions,
      double[] orientation,
      double[] pixelSpacing,
      Double sliceThickness,
      Double spacingBetweenSlices,
      String[] sopClassUids,
      String[] sopInstanceUids,
      int[] frameNumbers) {
    this.multiFrame = multiFrame;
    this.frames = frames;
    this.rows = rows;
    this.columns = columns;
    this.frameOfReferenceUid = frameOfReferenceUid;
    this.positions = positions;
    this.orientation = orientation;
    this.pixelSpacing = pixelSpacing;
    this.sliceThickness = sliceThickness;
    this.spacingBetweenSlices = spacingBetweenSlices;
    this.sopClassUids = sopClassUids;
    this.sopInstanceUids = sopInstanceUids;
    this.frameNumbers = frameNumbers;
  }

  /** Returns whether the source frames have plane positions in a patient frame of reference. */
  boolean hasGeometry() {
    return positions != null;
  }

  static SourceGeometry of(List<DicomDataset> sources) {
    DicomDataset first = sources.get(0);
    String forUid = first.getString(Tag.FrameOfReferenceUID);
    int rows = first.getInt(Tag.Rows, 0);
    int columns = first.getInt(Tag.Columns, 0);
    if (first.contains(Tag.NumberOfFrames) && sources.size() == 1) {
      return multiFrame(first, forUid, rows, columns);
    }
    int n = sources.size();
    String[] classes = new String[n];
    String[] instances = new String[n];
    double[][] positions = new double[n][];
    boolean geometry = forUid != null;
    for (int i = 0; i < n; i++) {
      DicomDataset s = sources.get(i);
      classes[i] = s.getString(Tag.SOPClassUID);
      instances[i] = s.getString(Tag.SOPInstanceUID);
      double[] ipp = s.getDoubles(Tag.ImagePositionPatient);
      if (ipp.length == 3) {
        positions[i] = ipp;
      } else {
        geometry = false;
      }
    }
    double[] iop = first.getDoubles(Tag.ImageOrientationPatient);
    double[] spacing = first.getDoubles(Tag.PixelSpacing);
    if (iop.length != 6 || spacing.length != 2) {
      geometry = false;
    }
    return new SourceGeometry(
        false,
        n,
        rows,
        columns,
        forUid,
        geometry ? positions : null,
        geometry ? iop : null,
        geometry ? spacing : null,
        doubleOrNull(first, Tag.SliceThickness),
        doubleOrNull(first, Tag.SpacingBetweenSlices),
        classes,
        instances,
        new int[n]);
  }

  private static SourceGeometry multiFrame(DicomDataset src, String forUid, int rows, int columns) {
    int n = src.getInt(Tag.NumberOfFrames, 1);
    DicomDataset shared = firstItem(src, Tag.SharedFunctionalGroupsSequence);
    Sequence perFrame = src.getSequence(Tag.PerFrameFunctionalGroupsSequence);
    double[][] positions = new double[n][];
    double[] orientation = null;
    DicomDataset measures = null;
    boolean geometry = forUid != null;
    for (int f = 0; f < n && geometry; f++) {
      DicomDataset frame = perFrame != null && f < perFrame.size() ? perFrame.get(f) : null;
      DicomDataset pos = group(frame, shared, Tag.PlanePositionSequence);
      double[] ipp = pos == null ? new double[0] : pos.getDoubles(Tag.ImagePositionPatient);
      if (ipp.length != 3) {
        geometry = false;
        break;
      }
      positions[f] = ipp;
      if (f == 0) {
        DicomDataset ori = group(frame, shared, Tag.PlaneOrientationSequence);
        orientation = ori == null ? null : ori.getDoubles(Tag.ImageOrientationPatient);
        measures = group(frame, shared, Tag.PixelMeasuresSequence);
      }
    }
    double[] spacing = measures == null ? null : measures.getDoubles(Tag.PixelSpacing);
    if (orientation == null || orientation.length != 6 || spacing == null || spacing.length != 2) {
      geometry = false;
    }
    String[] classes = new String[n];
    String[] instances = new String[n];
    int[] numbers = new int[n];
    for (int f = 0; f < n; f++) {
      classes[f] = src.getString(Tag.SOPClassUID);
      instances[f] = src.getString(Tag.SOPInstanceUID);
      numbers[f] = f + 1;
    }
    return new SourceGeometry(
        true,
        n,
        rows,
        columns,
        forUid,
        geometry ? positions : null,
        geometry ? orientation : null,
        geometry ? spacing : null,
        measures == null ? null : doubleOrNull(measures, Tag.SliceThickness),
        measures == null ? null : doubleOrNull(measures, Tag.SpacingBetweenSlices),
        classes,
        instances,
        numbers);
  }

  /** Returns the item of a functional group macro, per-frame first, then shared. */
  private static DicomDataset group(DicomDataset perFrame, DicomDataset shared, int tag) {
    DicomDataset item = perFrame == null ? null : firstItem(perFrame, tag);
    return item != null ? item : shared == null ? null : firstItem(shared, tag);
  }

  private static DicomDataset firstItem(DicomDataset ds, int tag) {
    Sequence s = ds.getSequence(tag);
    return s == null || s.isEmpty() ? null : s.get(0);
  }

  private static Double doubleOrNull(DicomDataset ds, int tag) {
    double[] v = ds.getDoubles(tag);
    return v.length > 0 ? v[0] : null;
  }
}
