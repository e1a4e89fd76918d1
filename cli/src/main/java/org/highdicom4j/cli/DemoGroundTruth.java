package org.highdicom4j.cli;

import java.util.EnumMap;
import java.util.Map;
import org.highdicom4j.NdArray;
import org.highdicom4j.sample.SyntheticCtSeries;

/**
 * The phantom's ground truth for {@code hd4j demo}: which voxels belong to which organ, taken from
 * {@link SyntheticCtSeries#valueAt} in the phantom's own slice, row and column indices, and the
 * Dice coefficient of a label map against it.
 *
 * <p>A voxel belongs to an organ when the phantom gives it the organ's HU; the two kidneys (both 30
 * HU) are told apart by the half of the matrix they lie in (columns left of the centre are patient
 * right, as Image Orientation (Patient) is 1\0\0\0\1\0).
 */
final class DemoGroundTruth {
  private final SyntheticCtSeries phantom;
  private final int rows;
  private final int columns;

  /**
   * Describes the phantom.
   *
   * @param phantom the series
   * @param rows its Rows (0028,0010)
   * @param columns its Columns (0028,0011)
   */
  DemoGroundTruth(SyntheticCtSeries phantom, int rows, int columns) {
    this.phantom = phantom;
    this.rows = rows;
    this.columns = columns;
  }

  /**
   * Returns the organ label of a phantom voxel.
   *
   * @param slice 0-based slice index of the phantom (Instance Number − 1)
   * @param row 0-based row
   * @param column 0-based column
   * @return the {@link DemoOrgan#label()} of the organ the voxel belongs to, or 0
   */
  int labelAt(int slice, int row, int column) {
    short hu = phantom.valueAt(slice, row, column);
    // Sign of the column centre relative to the middle of the matrix: negative = patient right.
    int side = 2 * column + 1 - columns;
    for (DemoOrgan o : DemoOrgan.values()) {
      if (o.phantomOrgan().hounsfieldUnits() == hu
          && (o != DemoOrgan.RIGHT_KIDNEY || side < 0)
          && (o != DemoOrgan.LEFT_KIDNEY || side > 0)) {
        return o.label();
      }
    }
    return 0;
  }

  /**
   * Computes the Dice coefficient 2|A∩B| / (|A| + |B|) of each organ of a label map against the
   * ground truth.
   *
   * @param labels the label map (planes, rows, columns)
   * @param sliceOfPlane for each plane of the label map, the phantom slice index it shows
   * @return the Dice coefficient per organ (1 when both are empty)
   */
  Map<DemoOrgan, Double> dice(NdArray labels, int[] sliceOfPlane) {
    int[] shape = labels.shape();
    if (shape.length != 3 || shape[1] != rows || shape[2] != columns) {
      throw new IllegalArgumentException("Label map does not match the phantom's matrix");
    }
    int n = DemoOrgan.values().length + 1;
    long[] both = new long[n];
    long[] inLabels = new long[n];
    long[] inTruth = new long[n];
    int flat = 0;
    for (int p = 0; p < shape[0]; p++) {
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < columns; c++, flat++) {
          int a = (int) labels.getFlatLong(flat);
          int b = labelAt(sliceOfPlane[p], r, c);
          inLabels[a]++;
          inTruth[b]++;
          if (a == b) {
            both[a]++;
          }
        }
      }
    }
    Map<DemoOrgan, Double> out = new EnumMap<>(DemoOrgan.class);
    for (DemoOrgan o : DemoOrgan.values()) {
      int l = o.label();
      long sum = inLabels[l] + inTruth[l];
      out.put(o, sum == 0 ? 1.0 : 2.0 * both[l] / sum);
    }
    return out;
  }
}
