package org.highdicom4j;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.dict.Tag;

/**
 * Where each frame of a tiled image lies in the Total Pixel Matrix (PS3.3 C.7.6.17.3): computed for
 * TILED_FULL, read from Plane Position (Slide) Sequence (0048,021A) otherwise. Package-private.
 */
final class TileLayout {
  final int totalRows;
  final int totalColumns;
  final int tileRows;
  final int tileColumns;

  /** 0-based row and column offset of each frame's first pixel, or null when not indexable. */
  final int[][] offsets;

  private TileLayout(int totalRows, int totalColumns, int tileRows, int tileColumns, int[][] o) {
    this.totalRows = totalRows;
    this.totalColumns = totalColumns;
    this.tileRows = tileRows;
    this.tileColumns = tileColumns;
    this.offsets = o;
  }

  /** Returns whether an image is tiled: it has a Total Pixel Matrix and several frames. */
  static boolean isTiled(DicomDataset ds) {
    return ds.contains(Tag.TotalPixelMatrixRows) && ds.getInt(Tag.NumberOfFrames, 1) > 1;
  }

  /**
   * Computes the layout, or returns null when the image cannot be indexed as one total pixel matrix
   * (not tiled, several focal planes or optical paths, or frames at the same position). The caller
   * has checked Number of Frames against what Pixel Data holds.
   *
   * @throws IllegalArgumentException when Number of Frames (0028,0008) exceeds the tiles of a
   *     TILED_FULL image or differs from the number of Per-Frame Functional Groups items
   */
  static TileLayout of(DicomDataset ds) {
    if (!isTiled(ds)) {
      return null;
    }
    boolean tiledFull = "TILED_FULL".equals(ds.getString(Tag.DimensionOrganizationType));
    if (tiledFull) {
      checkTiledFullFrameCount(ds);
    }
    if (ds.getInt(Tag.TotalPixelMatrixFocalPlanes, 1) != 1
        || ds.getInt(Tag.NumberOfOpticalPaths, 1) != 1) {
      return null;
    }
    int totalRows = ds.getInt(Tag.TotalPixelMatrixRows, 0);
    int totalCols = ds.getInt(Tag.TotalPixelMatrixColumns, 0);
    int rows = ds.getInt(Tag.Rows, 0);
    int cols = ds.getInt(Tag.Columns, 0);
    int n = ds.getInt(Tag.NumberOfFrames, 1);
    if (totalRows < 1 || totalCols < 1 || rows < 1 || cols < 1) {
      return null;
    }
    Sequence pffg = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
    if (!tiledFull) {
      if (pffg == null) {
        // every frame would take the shared position: several frames at one place
        return null;
      }
      if (pffg.size() != n) {
        throw new IllegalArgumentException(
            "NumberOfFrames (0028,0008) disagrees with the items of"
                + " PerFrameFunctionalGroupsSequence (5200,9230) (expected "
                + pffg.size()
                + "): "
                + n);
      }
    }
    // n is bounded by the tile grid or the per-frame items here, so it may size the layout
    int[][] o = new int[n][];
    if (tiledFull) {
      int perRow = (totalCols + cols - 1) / cols;
      for (int i = 0; i < n; i++) {
        o[i] = new int[] {(i / perRow) * rows, (i % perRow) * cols};
      }
    } else {
      DicomDataset sfg = ds.getItem(Tag.SharedFunctionalGroupsSequence);
      Set<Long> seen = new HashSet<>();
      for (int i = 0; i < n; i++) {
        DicomDataset pos = pffg.get(i).getItem(Tag.PlanePositionSlideSequence);
        if (pos == null && sfg != null) {
          pos = sfg.getItem(Tag.PlanePositionSlideSequence);
        }
        if (pos == null
            || !pos.hasValue(Tag.RowPositionInTotalImagePixelMatrix)
            || !pos.hasValue(Tag.ColumnPositionInTotalImagePixelMatrix)) {
          return null;
        }
        int r = pos.getInt(Tag.RowPositionInTotalImagePixelMatrix, 1) - 1;
        int c = pos.getInt(Tag.ColumnPositionInTotalImagePixelMatrix, 1) - 1;
        if (!seen.add(((long) r << 32) | (c & 0xffffffffL))) {
          return null;
        }
        o[i] = new int[] {r, c};
      }
    }
    return new TileLayout(totalRows, totalCols, rows, cols, o);
  }

  /**
   * Checks Number of Frames of a TILED_FULL image against the frames its dimensions allow (tiles ×
   * focal planes × optical paths, PS3.3 C.7.6.17.3) before anything is sized by it: a corrupt value
   * such as 2147483647 must not allocate.
   */
  private static void checkTiledFullFrameCount(DicomDataset ds) {
    long n = ds.getInt(Tag.NumberOfFrames, 1);
    long rows = ds.getInt(Tag.Rows, 0);
    long cols = ds.getInt(Tag.Columns, 0);
    long totalRows = ds.getInt(Tag.TotalPixelMatrixRows, 0);
    long totalCols = ds.getInt(Tag.TotalPixelMatrixColumns, 0);
    if (rows < 1 || cols < 1 || totalRows < 1 || totalCols < 1) {
      return;
    }
    long tiles = ((totalRows + rows - 1) / rows) * ((totalCols + cols - 1) / cols);
    long max =
        saturatedProduct(
            tiles,
            Math.max(1, ds.getInt(Tag.TotalPixelMatrixFocalPlanes, 1)),
            Math.max(1, ds.getInt(Tag.NumberOfOpticalPaths, 1)));
    if (n > max) {
      throw new IllegalArgumentException(
          "NumberOfFrames (0028,0008) exceeds the tiles of the total pixel matrix (expected ≤ "
              + max
              + " tiles × focal planes × optical paths for TILED_FULL): "
              + n);
    }
  }

  private static long saturatedProduct(long a, long b, long c) {
    try {
      return Math.multiplyExact(Math.multiplyExact(a, b), c);
    } catch (ArithmeticException e) {
      return Long.MAX_VALUE;
    }
  }

  /** The 0-based indices of the frames that overlap rows [r0, r1) and columns [c0, c1). */
  int[] overlapping(int r0, int r1, int c0, int c1) {
    List<Integer> needed = new ArrayList<>();
    for (int i = 0; i < offsets.length; i++) {
      int[] o = offsets[i];
      if (o[0] < r1 && o[0] + tileRows > r0 && o[1] < c1 && o[1] + tileColumns > c0) {
        needed.add(i);
      }
    }
    return needed.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Stitches the region rows [r0, r1) and columns [c0, c1) from tiles; positions without a tile are
   * 0.
   *
   * @param idx the frame index of each tile, as returned by {@link #overlapping}
   * @param tiles the tiles, (tileRows, tileColumns[, samples]) of one type
   * @param tileShape the shape of a tile
   * @param dtype the type of the tiles and the region
   */
  NdArray stitch(
      int[] idx,
      List<NdArray> tiles,
      int[] tileShape,
      DType dtype,
      int r0,
      int r1,
      int c0,
      int c1) {
    int samples = tileShape.length == 3 ? tileShape[2] : 1;
    int h = r1 - r0;
    int w = c1 - c0;
    NdArray out = samples == 1 ? NdArray.zeros(dtype, h, w) : NdArray.zeros(dtype, h, w, samples);
    for (int k = 0; k < idx.length; k++) {
      int[] o = offsets[idx[k]];
      NdArray tile = tiles.get(k);
      int rFrom = Math.max(r0, o[0]);
      int rTo = Math.min(r1, o[0] + tileRows);
      int cFrom = Math.max(c0, o[1]);
      int cTo = Math.min(c1, o[1] + tileColumns);
      for (int r = rFrom; r < rTo; r++) {
        int src = ((r - o[0]) * tileColumns + (cFrom - o[1])) * samples;
        int dst = ((r - r0) * w + (cFrom - c0)) * samples;
        FrameArrays.copy(tile, src, out, dst, (cTo - cFrom) * samples);
      }
    }
    return out;
  }
}
