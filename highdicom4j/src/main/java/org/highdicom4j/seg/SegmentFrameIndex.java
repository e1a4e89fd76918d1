package org.highdicom4j.seg;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.dict.Tag;

/**
 * What each frame of a segmentation holds and where it lies, read once from the functional groups
 * (or computed for TILED_FULL) so that every pixel query is a table look-up: segment number, source
 * frame reference, Spatial Locations Preserved, dimension index values, patient position and total
 * pixel matrix position. Package-private; immutable after construction.
 */
final class SegmentFrameIndex {
  final int numberOfFrames;

  /** Referenced Segment Number (0062,000B) of each frame; 0 for label map frames. */
  final int[] segmentOfFrame;

  /** Referenced SOP Instance UID of each frame's only source, or null. */
  final String[] sourceUid;

  /** Referenced Frame Number (0008,1160) of each frame's only source; 0 when absent. */
  final int[] sourceFrame;

  /** Spatial Locations Preserved (0028,135A) of each frame's source reference, or null. */
  final String[] preserved;

  /** Whether the frames are laid out implicitly (TILED_FULL, no per-frame functional groups). */
  final boolean tiledFull;

  /** Whether no frame references more than one source frame. */
  final boolean singleSourcePerFrame;

  /** Dimension Index Values (0020,9157) of each frame, or null (TILED_FULL). */
  final int[][] dimensionIndexValues;

  /** Image Position (Patient) (0020,0032) of each frame, or null without a patient position. */
  final double[][] positions;

  /** 1-based (row, column) position of each frame in the Total Pixel Matrix, or null. */
  final int[][] tilePositions;

  /** Segmentation frames (0-based) by the source instance they reference. */
  final Map<String, int[]> framesByInstance;

  /** Segmentation frames by "uid#frameNumber" of the source frame they reference. */
  final Map<String, int[]> framesBySourceFrame;

  private SegmentFrameIndex(int n) {
    numberOfFrames = n;
    segmentOfFrame = new int[n];
    sourceUid = new String[n];
    sourceFrame = new int[n];
    preserved = new String[n];
    dimensionIndexValues = new int[n][];
    positions = new double[n][];
    tilePositions = new int[n][];
    framesByInstance = new LinkedHashMap<>();
    framesBySourceFrame = new HashMap<>();
    singleSourcePerFrame = true;
    tiledFull = false;
  }

  private SegmentFrameIndex(SegmentFrameIndex b, boolean single, boolean tiledFull) {
    numberOfFrames = b.numberOfFrames;
    segmentOfFrame = b.segmentOfFrame;
    sourceUid = b.sourceUid;
    sourceFrame = b.sourceFrame;
    preserved = b.preserved;
    dimensionIndexValues = b.dimensionIndexValues;
    positions = b.positions;
    tilePositions = b.tilePositions;
    framesByInstance = b.framesByInstance;
    framesBySourceFrame = b.framesBySourceFrame;
    singleSourcePerFrame = single;
    this.tiledFull = tiledFull;
  }

  /**
   * Reads the index of a segmentation data set.
   *
   * @param ds the data set
   * @param labelmap whether frames are label maps (no Referenced Segment Number)
   * @param segmentNumbers the described segment numbers in ascending order (TILED_FULL order)
   * @return the index
   * @throws IllegalArgumentException when a frame lacks what the type requires
   */
  static SegmentFrameIndex of(DicomDataset ds, boolean labelmap, int[] segmentNumbers) {
    int n = ds.getInt(Tag.NumberOfFrames, 1);
    if (n < 1) {
      throw new IllegalArgumentException("NumberOfFrames (0028,0008) must be >= 1: " + n);
    }
    SegmentFrameIndex x = new SegmentFrameIndex(n);
    Sequence perFrame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
    DicomDataset shared = ds.getItem(Tag.SharedFunctionalGroupsSequence);
    boolean tiledFull =
        "TILED_FULL".equals(ds.getString(Tag.DimensionOrganizationType))
            && (perFrame == null || perFrame.isEmpty());
    boolean single = true;
    if (tiledFull) {
      x.fillTiledFull(ds, labelmap, segmentNumbers);
    } else {
      if (perFrame != null && perFrame.size() != n && perFrame.size() != 0) {
        throw new IllegalArgumentException(
            "PerFrameFunctionalGroupsSequence (5200,9230) must have one item per frame (expected "
                + n
                + "): "
                + perFrame.size());
      }
      for (int f = 0; f < n; f++) {
        DicomDataset item = perFrame == null || perFrame.isEmpty() ? null : perFrame.get(f);
        single &= x.fillFrame(f, item, shared, labelmap);
      }
    }
    x.buildMaps();
    return new SegmentFrameIndex(x, single, tiledFull);
  }

  /** Reads one frame's functional groups; returns false when it references several sources. */
  private boolean fillFrame(int f, DicomDataset item, DicomDataset shared, boolean labelmap) {
    if (!labelmap) {
      DicomDataset sid = group(item, shared, Tag.SegmentIdentificationSequence);
      int s = sid == null ? -1 : sid.getInt(Tag.ReferencedSegmentNumber, -1);
      if (s < 1) {
        throw new IllegalArgumentException(
            "ReferencedSegmentNumber (0062,000B) is missing or invalid in frame "
                + (f + 1)
                + " (expected a SegmentIdentificationSequence item with a number >= 1): "
                + s);
      }
      segmentOfFrame[f] = s;
    }
    DicomDataset content = group(item, shared, Tag.FrameContentSequence);
    if (content != null && content.contains(Tag.DimensionIndexValues)) {
      dimensionIndexValues[f] = content.getInts(Tag.DimensionIndexValues);
    }
    DicomDataset pp = group(item, shared, Tag.PlanePositionSequence);
    if (pp != null && pp.contains(Tag.ImagePositionPatient)) {
      double[] p = pp.getDoubles(Tag.ImagePositionPatient);
      if (p.length == 3) {
        positions[f] = p;
      }
    }
    DicomDataset slide = group(item, shared, Tag.PlanePositionSlideSequence);
    if (slide != null && slide.contains(Tag.RowPositionInTotalImagePixelMatrix)) {
      tilePositions[f] =
          new int[] {
            slide.getInt(Tag.RowPositionInTotalImagePixelMatrix, 1),
            slide.getInt(Tag.ColumnPositionInTotalImagePixelMatrix, 1)
          };
    }
    int refs = 0;
    Sequence derivation = item == null ? null : item.getSequence(Tag.DerivationImageSequence);
    if (derivation == null && shared != null) {
      derivation = shared.getSequence(Tag.DerivationImageSequence);
    }
    for (DicomDataset d : derivation == null ? List.<DicomDataset>of() : derivation.items()) {
      Sequence sources = d.getSequence(Tag.SourceImageSequence);
      if (sources == null) {
        continue;
      }
      for (DicomDataset s : sources) {
        String uid = s.getString(Tag.ReferencedSOPInstanceUID);
        if (uid == null) {
          continue;
        }
        int[] frames = s.getInts(Tag.ReferencedFrameNumber);
        refs += Math.max(1, frames.length);
        sourceUid[f] = uid;
        sourceFrame[f] = frames.length == 0 ? 0 : frames[0];
        preserved[f] = s.getString(Tag.SpatialLocationsPreserved);
      }
    }
    if (refs > 1) {
      sourceUid[f] = null;
      sourceFrame[f] = 0;
      return false;
    }
    return true;
  }

  /** A functional group macro of one frame: from its per-frame item, else the shared item. */
  static DicomDataset group(DicomDataset perFrame, DicomDataset shared, int sequenceTag) {
    DicomDataset g = perFrame == null ? null : perFrame.getItem(sequenceTag);
    if (g == null && shared != null) {
      g = shared.getItem(sequenceTag);
    }
    return g;
  }

  /**
   * Computes the implicit frame layout of TILED_FULL (PS3.3 C.7.6.17.3): tiles row by row, then
   * focal planes, then segments. Source frames are not inferred: TILED_FULL records none per frame,
   * and the tile order of the source need not match.
   */
  private void fillTiledFull(DicomDataset ds, boolean labelmap, int[] segmentNumbers) {
    int rows = ds.getInt(Tag.Rows, 0);
    int cols = ds.getInt(Tag.Columns, 0);
    int totalRows = ds.getInt(Tag.TotalPixelMatrixRows, 0);
    int totalCols = ds.getInt(Tag.TotalPixelMatrixColumns, 0);
    if (rows < 1 || cols < 1 || totalRows < 1 || totalCols < 1) {
      throw new IllegalArgumentException(
          "TILED_FULL segmentation lacks Rows, Columns or TotalPixelMatrixRows/Columns (expected"
              + " positive values)");
    }
    // In long: a corrupt total matrix size must not wrap the tile count around. A tile's
    // position stays below the matrix size, so it fits an int again.
    long perRow = ((long) totalCols + cols - 1) / cols;
    long perPlane = perRow * (((long) totalRows + rows - 1) / rows);
    int focal = Math.max(1, ds.getInt(Tag.TotalPixelMatrixFocalPlanes, 1));
    long planeFrames = perPlane > Long.MAX_VALUE / focal ? Long.MAX_VALUE : perPlane * focal;
    for (int f = 0; f < numberOfFrames; f++) {
      long tile = f % perPlane;
      tilePositions[f] =
          new int[] {(int) ((tile / perRow) * rows + 1), (int) ((tile % perRow) * cols + 1)};
      if (!labelmap) {
        long k = f / planeFrames;
        if (k >= segmentNumbers.length) {
          throw new IllegalArgumentException(
              "NumberOfFrames (0028,0008) exceeds the TILED_FULL layout of "
                  + segmentNumbers.length
                  + " segments (expected at most "
                  + planeFrames * segmentNumbers.length
                  + "): "
                  + numberOfFrames);
        }
        segmentOfFrame[f] = segmentNumbers[(int) k];
      }
    }
  }

  private void buildMaps() {
    Map<String, List<Integer>> byInstance = new LinkedHashMap<>();
    Map<String, List<Integer>> byFrame = new HashMap<>();
    for (int f = 0; f < numberOfFrames; f++) {
      if (sourceUid[f] != null) {
        byInstance.computeIfAbsent(sourceUid[f], k -> new ArrayList<>()).add(f);
        byFrame.computeIfAbsent(sourceUid[f] + "#" + sourceFrame[f], k -> new ArrayList<>()).add(f);
      }
    }
    byInstance.forEach((k, v) -> framesByInstance.put(k, toArray(v)));
    byFrame.forEach((k, v) -> framesBySourceFrame.put(k, toArray(v)));
  }

  static int[] toArray(List<Integer> list) {
    int[] out = new int[list.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = list.get(i);
    }
    return out;
  }

  /** Returns whether any frame records Spatial Locations Preserved NO. */
  boolean locationsNotPreserved(int[] frames) {
    for (int f : frames) {
      if ("NO".equals(preserved[f])) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String toString() {
    return "SegmentFrameIndex[frames="
        + numberOfFrames
        + ", segments="
        + Arrays.toString(Arrays.stream(segmentOfFrame).distinct().toArray())
        + "]";
  }
}
