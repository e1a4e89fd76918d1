package org.highdicom4j.seg;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.spatial.TilePosition;
import org.highdicom4j.spatial.Tiling;

/**
 * What a segmentation needs from a tiled slide microscopy source (PS3.3 C.8.12.4, C.7.6.17.3): the
 * Total Pixel Matrix size, origin (Total Pixel Matrix Origin Sequence (0048,0008)), Image
 * Orientation (Slide) (0048,0102), pixel measures, and per source frame its 1-based position in the
 * matrix and its slide coordinates.
 *
 * <p>Frame positions are read from Plane Position (Slide) Sequence (0048,021A) when the frames
 * carry it (TILED_SPARSE) and computed from the implicit TILED_FULL order otherwise: tiles row by
 * row, then focal planes, then optical paths.
 */
final class TiledSource {
  final int totalRows;
  final int totalColumns;
  final int tileRows;
  final int tileColumns;

  /** X, Y and Z Offset in Slide Coordinate System of the matrix's first pixel, in mm. */
  final double[] origin;

  final double[] orientation;
  final double[] pixelSpacing;
  final Double sliceThickness;
  final Double spacingBetweenSlices;

  /** Per source frame: Row and Column Position In Total Image Pixel Matrix (1-based). */
  final int[][] framePositions;

  /** Per source frame: X, Y, Z Offset in Slide Coordinate System. */
  final double[][] frameOffsets;

  private final Map<Long, Integer> frameAt = new HashMap<>();

  private TiledSource(
      DicomDataset ds,
      double[] origin,
      double[] orientation,
      DicomDataset measures,
      int[][] framePositions,
      double[][] frameOffsets) {
    this.totalRows = ds.getInt(Tag.TotalPixelMatrixRows, 0);
    this.totalColumns = ds.getInt(Tag.TotalPixelMatrixColumns, 0);
    this.tileRows = ds.getInt(Tag.Rows, 0);
    this.tileColumns = ds.getInt(Tag.Columns, 0);
    this.origin = origin;
    this.orientation = orientation;
    this.pixelSpacing = measures.getDoubles(Tag.PixelSpacing);
    double[] t = measures.getDoubles(Tag.SliceThickness);
    double[] b = measures.getDoubles(Tag.SpacingBetweenSlices);
    this.sliceThickness = t.length > 0 ? t[0] : null;
    this.spacingBetweenSlices = b.length > 0 ? b[0] : null;
    this.framePositions = framePositions;
    this.frameOffsets = frameOffsets;
    for (int f = frameOffsets.length - 1; f >= 0; f--) {
      // The first frame at a position (first focal plane and optical path) wins.
      frameAt.put(key(framePositions[f][0], framePositions[f][1]), f);
    }
  }

  /**
   * Returns whether a source image is tiled: a multi-frame image with a Total Pixel Matrix (as
   * highdicom's {@code is_tiled_image}).
   */
  static boolean isTiled(DicomDataset ds) {
    return Tiling.isTiledImage(ds);
  }

  /**
   * Reads the tiling of a source image.
   *
   * @throws IllegalArgumentException naming the missing attribute when the image lacks what a slide
   *     segmentation needs
   */
  static TiledSource of(DicomDataset ds) {
    int totalRows = ds.getInt(Tag.TotalPixelMatrixRows, 0);
    int totalColumns = ds.getInt(Tag.TotalPixelMatrixColumns, 0);
    int rows = ds.getInt(Tag.Rows, 0);
    int columns = ds.getInt(Tag.Columns, 0);
    if (totalRows < 1 || totalColumns < 1 || rows < 1 || columns < 1) {
      throw new IllegalArgumentException(
          "sourceImages[0] is tiled but lacks TotalPixelMatrixRows (0048,0007),"
              + " TotalPixelMatrixColumns (0048,0006), Rows or Columns (expected positive values)");
    }
    DicomDataset originItem = ds.getItem(Tag.TotalPixelMatrixOriginSequence);
    if (originItem == null) {
      throw new IllegalArgumentException(
          "sourceImages[0] is tiled but lacks TotalPixelMatrixOriginSequence (0048,0008)"
              + " (expected the slide position of the total pixel matrix)");
    }
    double[] origin = {
      originItem.getDouble(Tag.XOffsetInSlideCoordinateSystem, 0),
      originItem.getDouble(Tag.YOffsetInSlideCoordinateSystem, 0),
      originItem.getDouble(Tag.ZOffsetInSlideCoordinateSystem, 0)
    };
    double[] orientation = ds.getDoubles(Tag.ImageOrientationSlide);
    if (orientation.length != 6) {
      throw new IllegalArgumentException(
          "sourceImages[0] is tiled but lacks ImageOrientationSlide (0048,0102) (expected 6"
              + " direction cosines): "
              + orientation.length
              + " values");
    }
    DicomDataset shared = ds.getItem(Tag.SharedFunctionalGroupsSequence);
    DicomDataset measures = shared == null ? null : shared.getItem(Tag.PixelMeasuresSequence);
    if (measures == null || measures.getDoubles(Tag.PixelSpacing).length != 2) {
      throw new IllegalArgumentException(
          "sourceImages[0] is tiled but lacks PixelSpacing (0028,0030) in the shared"
              + " PixelMeasuresSequence (0028,9110) (expected row and column spacing)");
    }
    int n = ds.getInt(Tag.NumberOfFrames, 1);
    if (n < 1) {
      throw new IllegalArgumentException(
          "sourceImages[0] NumberOfFrames (0028,0008) must be positive (expected >= 1): " + n);
    }
    Sequence perFrame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
    boolean tiledFull =
        "TILED_FULL".equals(ds.getString(Tag.DimensionOrganizationType))
            || perFrame == null
            || perFrame.isEmpty();
    int focalPlanes = Math.max(1, ds.getInt(Tag.TotalPixelMatrixFocalPlanes, 1));
    // Checked before allocating per frame: a corrupt NumberOfFrames must not size the arrays.
    if (tiledFull) {
      long tileCount =
          (long) ((totalRows + rows - 1) / rows) * ((totalColumns + columns - 1) / columns);
      long most = tileCount * focalPlanes * Math.max(1, ds.getInt(Tag.NumberOfOpticalPaths, 1));
      // TILED_FULL stores every tile (PS3.3 C.7.6.17.3); fewer frames than tiles means a corrupt
      // matrix size, whose tiles must not be listed.
      if (n < tileCount || n > most) {
        throw new IllegalArgumentException(
            "sourceImages[0] NumberOfFrames (0028,0008) does not fit the TILED_FULL layout of "
                + tileCount
                + " tiles, "
                + focalPlanes
                + " focal planes and the optical paths (expected at least "
                + tileCount
                + " and at most "
                + most
                + "): "
                + n);
      }
    } else if (perFrame.size() != n) {
      throw new IllegalArgumentException(
          "sourceImages[0] PerFrameFunctionalGroupsSequence (5200,9230) must have one item per"
              + " frame (expected NumberOfFrames (0028,0008) "
              + n
              + "): "
              + perFrame.size());
    }
    int[][] positions = new int[n][];
    double[][] offsets = new double[n][];
    if (tiledFull) {
      List<TilePosition> tiles =
          Tiling.computeTilePositionsPerFrame(
              rows,
              columns,
              totalRows,
              totalColumns,
              origin,
              orientation,
              measures.getDoubles(Tag.PixelSpacing));
      int perPlane = tiles.size();
      double between = measures.getDouble(Tag.SpacingBetweenSlices, 1.0);
      for (int f = 0; f < n; f++) {
        TilePosition t = tiles.get(f % perPlane);
        int focal = (f / perPlane) % focalPlanes;
        positions[f] = new int[] {t.rowPosition(), t.columnPosition()};
        // Z Offset in Slide Coordinate System is in micrometres, Spacing Between Slices in mm.
        offsets[f] = new double[] {t.x(), t.y(), t.z() + focal * between * 1000.0};
      }
    } else {
      for (int f = 0; f < n; f++) {
        DicomDataset p = perFrame.get(f).getItem(Tag.PlanePositionSlideSequence);
        if (p == null
            || !p.contains(Tag.RowPositionInTotalImagePixelMatrix)
            || !p.contains(Tag.ColumnPositionInTotalImagePixelMatrix)) {
          throw new IllegalArgumentException(
              "sourceImages[0] frame "
                  + (f + 1)
                  + " lacks PlanePositionSlideSequence (0048,021A) with Row/Column Position In"
                  + " Total Image Pixel Matrix (expected one per frame of a TILED_SPARSE image)");
        }
        positions[f] =
            new int[] {
              p.getInt(Tag.RowPositionInTotalImagePixelMatrix, 0),
              p.getInt(Tag.ColumnPositionInTotalImagePixelMatrix, 0)
            };
        offsets[f] =
            new double[] {
              p.getDouble(Tag.XOffsetInSlideCoordinateSystem, 0),
              p.getDouble(Tag.YOffsetInSlideCoordinateSystem, 0),
              p.getDouble(Tag.ZOffsetInSlideCoordinateSystem, 0)
            };
      }
    }
    return new TiledSource(ds, origin, orientation, measures, positions, offsets);
  }

  /** Returns the index of the source frame at a 1-based matrix position, or -1. */
  int frameAt(int rowPosition, int columnPosition) {
    Integer f = frameAt.get(key(rowPosition, columnPosition));
    return f == null ? -1 : f;
  }

  private static long key(int row, int column) {
    return ((long) row << 32) | (column & 0xffffffffL);
  }
}
