package org.highdicom4j.spatial;

import java.util.ArrayList;
import java.util.List;
import org.highdicom4j.NdArray;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.internal.ArrayOps;

/**
 * Tiling of total pixel matrices (PS3.3 C.7.6.17, Dimension Organization Type "TILED_FULL"):
 * highdicom's {@code is_tiled_image}, {@code tile_pixel_matrix}, {@code get_tile_array} and {@code
 * compute_tile_positions_per_frame}. Tiles run row by row from the top left; offsets are 1-based.
 */
public final class Tiling {
  private Tiling() {}

  /**
   * Tells whether an image is tiled: it has Total Pixel Matrix Rows (0048,0007), Total Pixel Matrix
   * Columns (0048,0006) and Number of Frames (0028,0008).
   *
   * @param dataset the image
   * @return whether it is tiled
   */
  public static boolean isTiledImage(DicomDataset dataset) {
    return dataset.contains(Tag.TotalPixelMatrixRows)
        && dataset.contains(Tag.TotalPixelMatrixColumns)
        && dataset.contains(Tag.NumberOfFrames);
  }

  /**
   * Lists the tiles of a total pixel matrix in TILED_FULL order.
   *
   * @param totalPixelMatrixRows Total Pixel Matrix Rows (0048,0007)
   * @param totalPixelMatrixColumns Total Pixel Matrix Columns (0048,0006)
   * @param rows Rows (0028,0010) of a tile
   * @param columns Columns (0028,0011) of a tile
   * @return one-based (column, row) tile index pairs, row by row
   */
  public static List<int[]> tilePixelMatrix(
      int totalPixelMatrixRows, int totalPixelMatrixColumns, int rows, int columns) {
    checkPositive(totalPixelMatrixRows, "total_pixel_matrix_rows");
    checkPositive(totalPixelMatrixColumns, "total_pixel_matrix_columns");
    checkPositive(rows, "rows");
    checkPositive(columns, "columns");
    int tilesPerColumn = (totalPixelMatrixRows + rows - 1) / rows;
    int tilesPerRow = (totalPixelMatrixColumns + columns - 1) / columns;
    List<int[]> out = new ArrayList<>(tilesPerColumn * tilesPerRow);
    for (int r = 1; r <= tilesPerColumn; r++) {
      for (int c = 1; c <= tilesPerRow; c++) {
        out.add(new int[] {c, r});
      }
    }
    return out;
  }

  private static void checkPositive(int v, String name) {
    if (v < 1) {
      throw new IllegalArgumentException("Argument '" + name + "' must be positive: " + v);
    }
  }

  /**
   * Extracts one tile from a total pixel matrix array.
   *
   * @param pixelArray array whose first two axes are rows and columns (further axes kept)
   * @param rowOffset 1-based first row of the tile
   * @param columnOffset 1-based first column of the tile
   * @param tileRows rows per tile
   * @param tileColumns columns per tile
   * @param pad pad with zeros at the bottom/right to the full tile size
   * @return a new array
   * @throws IllegalArgumentException when an offset lies outside the array
   */
  public static NdArray getTileArray(
      NdArray pixelArray,
      int rowOffset,
      int columnOffset,
      int tileRows,
      int tileColumns,
      boolean pad) {
    if (pixelArray.ndim() < 2) {
      throw new IllegalArgumentException(
          "Argument 'pixel_array' must have at least 2 dimensions: " + pixelArray.ndim());
    }
    int totalRows = pixelArray.shape(0);
    int totalCols = pixelArray.shape(1);
    if (rowOffset < 1 || rowOffset > totalRows) {
      throw new IllegalArgumentException(
          "Row offset must be between 1 and the size of dimension 0 of the pixel array: "
              + rowOffset);
    }
    if (columnOffset < 1 || columnOffset > totalCols) {
      throw new IllegalArgumentException(
          "Column offset must be between 1 and the size of dimension 1 of the pixel array: "
              + columnOffset);
    }
    checkPositive(tileRows, "tile_rows");
    checkPositive(tileColumns, "tile_columns");
    int r0 = rowOffset - 1;
    int c0 = columnOffset - 1;
    int nr = Math.min(tileRows, totalRows - r0);
    int nc = Math.min(tileColumns, totalCols - c0);
    NdArray tile =
        ArrayOps.take(pixelArray, new int[] {r0, c0}, new int[] {1, 1}, new int[] {nr, nc});
    if (!pad || (nr == tileRows && nc == tileColumns)) {
      return tile;
    }
    int[] shape = pixelArray.shape();
    shape[0] = tileRows;
    shape[1] = tileColumns;
    NdArray out = NdArray.zeros(pixelArray.dtype(), shape);
    ArrayOps.insert(tile, out, new int[shape.length]);
    return out;
  }

  /**
   * Computes the position of every tile of a TILED_FULL total pixel matrix (highdicom {@code
   * compute_tile_positions_per_frame}).
   *
   * @param rows rows per tile
   * @param columns columns per tile
   * @param totalPixelMatrixRows rows of the total pixel matrix
   * @param totalPixelMatrixColumns columns of the total pixel matrix
   * @param totalPixelMatrixImagePosition position of the matrix's first pixel centre
   * @param imageOrientation six direction cosines
   * @param pixelSpacing spacing between rows, spacing between columns
   * @return the tile positions, row by row
   */
  public static List<TilePosition> computeTilePositionsPerFrame(
      int rows,
      int columns,
      int totalPixelMatrixRows,
      int totalPixelMatrixColumns,
      double[] totalPixelMatrixImagePosition,
      double[] imageOrientation,
      double[] pixelSpacing) {
    PixelToReferenceTransformer t =
        new PixelToReferenceTransformer(
            totalPixelMatrixImagePosition, imageOrientation, pixelSpacing);
    List<TilePosition> out = new ArrayList<>();
    for (int[] cr : tilePixelMatrix(totalPixelMatrixRows, totalPixelMatrixColumns, rows, columns)) {
      int c = (cr[0] - 1) * columns;
      int r = (cr[1] - 1) * rows;
      double[] p = t.apply(new int[][] {{c, r}})[0];
      out.add(new TilePosition(c + 1, r + 1, p[0], p[1], p[2]));
    }
    return out;
  }

  /**
   * Returns the slide position of one frame of a TILED_FULL image: frames run over tiles (row by
   * row), then focal planes, then optical paths or segments.
   */
  static double[] tiledFullFramePosition(DicomDataset ds, int frameNumber) {
    int rows = ds.getInt(Tag.Rows, 0);
    int columns = ds.getInt(Tag.Columns, 0);
    int totalRows = ds.getInt(Tag.TotalPixelMatrixRows, 0);
    int totalColumns = ds.getInt(Tag.TotalPixelMatrixColumns, 0);
    DicomDataset origin = ds.getItem(Tag.TotalPixelMatrixOriginSequence);
    if (origin == null || rows < 1 || columns < 1 || totalRows < 1 || totalColumns < 1) {
      throw new IllegalArgumentException(
          "TILED_FULL image lacks Rows, Columns, TotalPixelMatrixRows/Columns or"
              + " TotalPixelMatrixOriginSequence (0048,0008)");
    }
    int focalPlanes = Math.max(1, ds.getInt(Tag.TotalPixelMatrixFocalPlanes, 1));
    DicomDataset measures = SpatialInformation.functionalItem(ds, null, Tag.PixelMeasuresSequence);
    double between = measures == null ? 1.0 : measures.getDouble(Tag.SpacingBetweenSlices, 1.0);
    int tilesPerColumn = (totalRows + rows - 1) / rows;
    int tilesPerRow = (totalColumns + columns - 1) / columns;
    int perPlane = tilesPerColumn * tilesPerRow;
    int f = frameNumber - 1;
    int tile = f % perPlane;
    int focal = (f / perPlane) % focalPlanes;
    double[] position = {
      origin.getDouble(Tag.XOffsetInSlideCoordinateSystem, 0),
      origin.getDouble(Tag.YOffsetInSlideCoordinateSystem, 0),
      focal * between
    };
    PixelToReferenceTransformer t =
        new PixelToReferenceTransformer(
            position,
            Spatial.required(ds, Tag.ImageOrientationSlide, 6),
            Spatial.required(measures == null ? ds : measures, Tag.PixelSpacing, 2));
    int c = (tile % tilesPerRow) * columns;
    int r = (tile / tilesPerRow) * rows;
    return t.apply(new int[][] {{c, r}})[0];
  }
}
