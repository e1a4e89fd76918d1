package org.highdicom4j.seg;

import java.util.Arrays;
import java.util.List;
import org.highdicom4j.NdArray;
import org.highdicom4j.spatial.TilePosition;
import org.highdicom4j.spatial.Tiling;

/**
 * The tiles of a segmentation of a tiled slide microscopy image, in the SLIDE coordinate system
 * (PS3.3 C.8.12.4, C.8.12.6.1): per tile (plane of the pixel array) its Row and Column Position In
 * Total Image Pixel Matrix (0048,021F/021E), its X/Y/Z Offset in Slide Coordinate System and the
 * source frame it coincides with; the segmentation's Total Pixel Matrix size and origin.
 *
 * <p>Either the pixel array's frames correspond one to one to the source frames, or (highdicom's
 * {@code tile_pixel_array=True}) the pixel array is one total pixel matrix that is cut here into
 * tiles of the tile size, zero-padded at the bottom and right edges. A tile's position is the
 * matrix origin moved along the row direction cosines by (column offset × column spacing) and along
 * the column direction cosines by (row offset × row spacing) (PS3.3 C.8.12.4.1.1/2).
 */
final class SlidePlanes {
  /** The frames to encode: the given array, or the tiles cut from the total pixel matrix. */
  final NdArray array;

  final int totalRows;
  final int totalColumns;
  final int tileRows;
  final int tileColumns;
  final double[] origin;
  final double[] orientation;
  final double[] pixelSpacing;
  final Double sliceThickness;
  final Double spacingBetweenSlices;

  /** Per plane: 1-based Row and Column Position In Total Image Pixel Matrix. */
  final int[][] matrixPositions;

  /** Per plane: X, Y, Z Offset in Slide Coordinate System (mm). */
  final double[][] offsets;

  /** Per plane: index of the source frame at the same place on the same grid, or -1. */
  final int[] sourceFrame;

  /** Plane indices row by row, then column by column (the TILED_FULL order). */
  final int[] order;

  private SlidePlanes(
      NdArray array,
      int totalRows,
      int totalColumns,
      int tileRows,
      int tileColumns,
      double[] origin,
      double[] orientation,
      double[] pixelSpacing,
      Double sliceThickness,
      Double spacingBetweenSlices,
      int[][] matrixPositions,
      double[][] offsets,
      int[] sourceFrame) {
    this.array = array;
    this.totalRows = totalRows;
    this.totalColumns = totalColumns;
    this.tileRows = tileRows;
    this.tileColumns = tileColumns;
    this.origin = origin;
    this.orientation = orientation;
    this.pixelSpacing = pixelSpacing;
    this.sliceThickness = sliceThickness;
    this.spacingBetweenSlices = spacingBetweenSlices;
    this.matrixPositions = matrixPositions;
    this.offsets = offsets;
    this.sourceFrame = sourceFrame;
    Integer[] boxed = new Integer[matrixPositions.length];
    for (int p = 0; p < boxed.length; p++) {
      boxed[p] = p;
    }
    Arrays.sort(
        boxed,
        (a, b) -> {
          int c = Integer.compare(matrixPositions[a][0], matrixPositions[b][0]);
          return c != 0 ? c : Integer.compare(matrixPositions[a][1], matrixPositions[b][1]);
        });
    this.order = new int[boxed.length];
    for (int r = 0; r < boxed.length; r++) {
      order[r] = boxed[r];
      if (r > 0 && Arrays.equals(matrixPositions[order[r]], matrixPositions[order[r - 1]])) {
        throw new IllegalArgumentException(
            "sourceImages contain several frames at one position of the total pixel matrix"
                + " (expected one frame per tile; focal planes and optical paths are not supported):"
                + " row "
                + matrixPositions[order[r]][0]
                + ", column "
                + matrixPositions[order[r]][1]);
      }
    }
  }

  /**
   * Places the pixel array on the tiles of a tiled source.
   *
   * @throws IllegalArgumentException naming the builder parameter that is inconsistent
   */
  static SlidePlanes of(Segmentation.Builder b, TiledSource src, NdArray pixelArray) {
    boolean custom =
        b.planePositions != null || b.planeOrientation != null || b.pixelSpacing != null;
    if (!b.tilePixelArray) {
      if (custom) {
        throw new IllegalArgumentException(
            "planePositions, planeOrientation and pixelMeasures require tilePixelArray(true) for a"
                + " tiled source (expected frames that correspond one to one to the source"
                + " frames)");
      }
      if (b.tileSize != null) {
        throw new IllegalArgumentException(
            "tileSize requires tilePixelArray(true) (expected a total pixel matrix to cut into"
                + " tiles)");
      }
      return ofFrames(src, pixelArray);
    }
    return ofTotalPixelMatrix(b, src, pixelArray);
  }

  private static SlidePlanes ofFrames(TiledSource src, NdArray a) {
    int[] s = a.shape();
    int frames = s.length == 2 ? 1 : s[0];
    int rows = s.length == 2 ? s[0] : s.length > 1 ? s[1] : 0;
    int columns = s.length == 2 ? s[1] : s.length > 2 ? s[2] : 0;
    int n = src.frameOffsets.length;
    if (s.length >= 2 && s.length <= 4 && frames != n) {
      throw new IllegalArgumentException(
          "pixelArray has "
              + frames
              + " frames (expected one per source frame: "
              + n
              + "; use tilePixelArray(true) for a total pixel matrix)");
    }
    if (s.length >= 2 && s.length <= 4 && (rows != src.tileRows || columns != src.tileColumns)) {
      throw new IllegalArgumentException(
          "pixelArray frames are "
              + rows
              + " x "
              + columns
              + " (expected the source's Rows x Columns "
              + src.tileRows
              + " x "
              + src.tileColumns
              + ")");
    }
    int[] sourceFrame = new int[n];
    for (int f = 0; f < n; f++) {
      sourceFrame[f] = f;
    }
    return new SlidePlanes(
        a,
        src.totalRows,
        src.totalColumns,
        src.tileRows,
        src.tileColumns,
        src.origin,
        src.orientation,
        src.pixelSpacing,
        src.sliceThickness,
        src.spacingBetweenSlices,
        src.framePositions,
        src.frameOffsets,
        sourceFrame);
  }

  private static SlidePlanes ofTotalPixelMatrix(
      Segmentation.Builder b, TiledSource src, NdArray pixelArray) {
    int[] s = pixelArray.shape();
    // (R, C), (1, R, C), (R, C, S) or (1, R, C, S): normalise to (R, C, S) with S = 0 for labels.
    NdArray tpm;
    boolean stacked;
    if (s.length == 2) {
      tpm = pixelArray;
      stacked = false;
    } else if (s.length == 3 && s[0] == 1) {
      tpm = pixelArray.reshape(s[1], s[2]);
      stacked = false;
    } else if (s.length == 3) {
      tpm = pixelArray;
      stacked = true;
    } else if (s.length == 4 && s[0] == 1) {
      tpm = pixelArray.reshape(s[1], s[2], s[3]);
      stacked = true;
    } else {
      throw new IllegalArgumentException(
          "pixelArray must be one total pixel matrix when tilePixelArray is set (expected (rows,"
              + " columns), (1, rows, columns), (rows, columns, segments) or (1, rows, columns,"
              + " segments)): shape "
              + Arrays.toString(s));
    }
    int totalRows = tpm.shape(0);
    int totalColumns = tpm.shape(1);
    int channels = stacked ? tpm.shape(2) : 1;
    if (totalRows < 1 || totalColumns < 1 || channels < 1) {
      throw new IllegalArgumentException(
          "pixelArray must not have an empty axis (expected every extent >= 1): shape "
              + Arrays.toString(s));
    }
    boolean customSpacing = b.pixelSpacing != null;
    if (!customSpacing && (totalRows != src.totalRows || totalColumns != src.totalColumns)) {
      throw new IllegalArgumentException(
          "pixelArray total pixel matrix is "
              + totalRows
              + " x "
              + totalColumns
              + " (expected the source's TotalPixelMatrixRows (0048,0007) x"
              + " TotalPixelMatrixColumns (0048,0006) "
              + src.totalRows
              + " x "
              + src.totalColumns
              + " unless pixelMeasures are given)");
    }
    int[] tile = b.tileSize;
    int tileRows = tile != null ? tile[0] : src.tileRows;
    int tileColumns = tile != null ? tile[1] : src.tileColumns;
    double[][] explicit = b.planePositions;
    if (explicit != null && explicit.length != 1) {
      throw new IllegalArgumentException(
          "planePositions must hold one position, the slide offsets of the total pixel matrix's"
              + " first pixel, when tilePixelArray is set (expected 1): "
              + explicit.length);
    }
    double[] origin = explicit != null ? explicit[0] : src.origin;
    double[] orientation = b.planeOrientation != null ? b.planeOrientation : src.orientation;
    double[] spacing = customSpacing ? b.pixelSpacing : src.pixelSpacing;
    Double thickness = customSpacing ? b.sliceThickness : src.sliceThickness;
    Double between = customSpacing ? b.spacingBetweenSlices : src.spacingBetweenSlices;
    List<TilePosition> tiles =
        Tiling.computeTilePositionsPerFrame(
            tileRows, tileColumns, totalRows, totalColumns, origin, orientation, spacing);
    boolean sameGrid =
        tileRows == src.tileRows
            && tileColumns == src.tileColumns
            && close(origin, src.origin)
            && close(orientation, src.orientation)
            && close(spacing, src.pixelSpacing);
    int n = tiles.size();
    int[][] positions = new int[n][];
    double[][] offsets = new double[n][];
    int[] sourceFrame = new int[n];
    for (int t = 0; t < n; t++) {
      TilePosition p = tiles.get(t);
      positions[t] = new int[] {p.rowPosition(), p.columnPosition()};
      offsets[t] = new double[] {p.x(), p.y(), p.z()};
      sourceFrame[t] = sameGrid ? src.frameAt(p.rowPosition(), p.columnPosition()) : -1;
    }
    NdArray tiled = cut(tpm, stacked ? channels : 0, tileRows, tileColumns, positions);
    return new SlidePlanes(
        tiled,
        totalRows,
        totalColumns,
        tileRows,
        tileColumns,
        origin.clone(),
        orientation.clone(),
        spacing.clone(),
        thickness,
        between,
        positions,
        offsets,
        sourceFrame);
  }

  /**
   * Copies the tiles of a matrix (rows, columns[, channels]) into a new array (tiles, tile rows,
   * tile columns[, channels]), leaving zeros beyond the matrix's bottom and right edges.
   */
  private static NdArray cut(
      NdArray tpm, int channels, int tileRows, int tileColumns, int[][] positions) {
    int c = Math.max(1, channels);
    int totalRows = tpm.shape(0);
    int totalColumns = tpm.shape(1);
    long size = (long) positions.length * tileRows * tileColumns * c;
    if (size > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "tileSize gives tiles too large to hold in one array (expected at most 2^31 values in"
              + " all): "
              + size);
    }
    NdArray out =
        channels > 0
            ? NdArray.zeros(tpm.dtype(), positions.length, tileRows, tileColumns, channels)
            : NdArray.zeros(tpm.dtype(), positions.length, tileRows, tileColumns);
    Object src = tpm.data();
    Object dst = out.data();
    int srcBase = tpm.offset();
    for (int t = 0; t < positions.length; t++) {
      int r0 = positions[t][0] - 1;
      int c0 = positions[t][1] - 1;
      int nr = Math.min(tileRows, totalRows - r0);
      int nc = Math.min(tileColumns, totalColumns - c0);
      for (int r = 0; r < nr; r++) {
        System.arraycopy(
            src,
            srcBase + ((r0 + r) * totalColumns + c0) * c,
            dst,
            ((t * tileRows + r) * tileColumns) * c,
            nc * c);
      }
    }
    return out;
  }

  /**
   * Returns whether the planes are exactly the tiles of the matrix in TILED_FULL order (PS3.3
   * C.7.6.17.3): every tile present once, row by row, on one focal plane.
   */
  boolean coversMatrixInOrder() {
    int perRow = (totalColumns + tileColumns - 1) / tileColumns;
    int perColumn = (totalRows + tileRows - 1) / tileRows;
    if (order.length != perRow * perColumn) {
      return false;
    }
    for (int k = 0; k < order.length; k++) {
      int[] p = matrixPositions[order[k]];
      if (p[0] != (k / perRow) * tileRows + 1
          || p[1] != (k % perRow) * tileColumns + 1
          || Math.abs(offsets[order[k]][2] - offsets[order[0]][2]) > 1e-9) {
        return false;
      }
    }
    return true;
  }

  /**
   * Returns the Dimension Index Values of each frame for the SLIDE dimensions (Row and Column
   * Position In Total Image Pixel Matrix, X, Y and Z Offset in Slide Coordinate System): 1-based
   * ranks among the distinct values of the encoded frames.
   */
  int[][] indexValues(int[] framePlane) {
    int n = framePlane.length;
    int[][] out = new int[n][5];
    for (int d = 0; d < 5; d++) {
      double[] v = new double[n];
      for (int f = 0; f < n; f++) {
        int p = framePlane[f];
        v[f] = d < 2 ? matrixPositions[p][d] : offsets[p][d - 2];
      }
      double[] sorted = v.clone();
      Arrays.sort(sorted);
      double[] distinct = new double[n];
      int m = 0;
      for (double x : sorted) {
        if (m == 0 || !same(x, distinct[m - 1])) {
          distinct[m++] = x;
        }
      }
      for (int f = 0; f < n; f++) {
        int k = Arrays.binarySearch(distinct, 0, m, v[f]);
        if (k < 0) {
          // A value within tolerance of a distinct one: the one just below it.
          k = -k - 2;
          if (k < 0 || (k + 1 < m && same(v[f], distinct[k + 1]))) {
            k++;
          }
        }
        out[f][d] = k + 1;
      }
    }
    return out;
  }

  private static boolean same(double a, double b) {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a));
  }

  private static boolean close(double[] a, double[] b) {
    if (a.length != b.length) {
      return false;
    }
    for (int i = 0; i < a.length; i++) {
      if (Math.abs(a[i] - b[i]) > 1e-9 * Math.max(1, Math.abs(a[i]))) {
        return false;
      }
    }
    return true;
  }
}
