package org.highdicom4j.formats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.highdicom4j.DType;
import org.highdicom4j.NdArray;
import org.junit.jupiter.api.Test;

/** Axis permutation, the step every reader uses to reach (slice, row, column[, channel]). */
class DataIoTest {
  @Test
  void permuteMovesEachElementToItsTransposedIndex() {
    for (DType t :
        new DType[] {DType.UINT8, DType.INT16, DType.INT32, DType.FLOAT32, DType.FLOAT64}) {
      NdArray a = NdArray.zeros(t, 2, 3, 4, 5);
      for (int f = 0; f < a.size(); f++) {
        a.setFlatDouble(f, f % 100);
      }
      int[] axes = {2, 0, 3, 1};
      NdArray p = DataIo.permute(a, axes);
      assertArrayEquals(new int[] {4, 2, 5, 3}, p.shape());
      int[] idx = new int[4];
      for (idx[0] = 0; idx[0] < 2; idx[0]++) {
        for (idx[1] = 0; idx[1] < 3; idx[1]++) {
          for (idx[2] = 0; idx[2] < 4; idx[2]++) {
            for (idx[3] = 0; idx[3] < 5; idx[3]++) {
              assertEquals(
                  a.getDouble(idx), p.getDouble(idx[2], idx[0], idx[3], idx[1]), t.toString());
            }
          }
        }
      }
    }
  }

  @Test
  void permuteOfAViewReadsFromTheViewsOffset() {
    NdArray a = NdArray.zeros(DType.INT16, 3, 2, 2);
    for (int f = 0; f < a.size(); f++) {
      a.setFlatLong(f, f);
    }
    NdArray view = a.get(1);
    NdArray p = DataIo.permute(view, 1, 0);
    assertEquals(NdArray.wrap(DType.INT16, new short[] {4, 6, 5, 7}, 2, 2), p);
  }
}
