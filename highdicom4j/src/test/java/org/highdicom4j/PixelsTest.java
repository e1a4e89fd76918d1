package org.highdicom4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** PT-09: applyLut and applyVoiWindow against PS3.3 C.11.2.1.2/3 written out by hand. */
class PixelsTest {

  @Test
  void linearWindowFollowsPs3Formula() {
    // c = 50, w = 11: values ≤ 44.5 → 0, > 54.5 → 1, between: ((x − 49.5) / 10 + 0.5)
    NdArray x = NdArray.wrap(new double[] {44, 44.5, 45, 50, 54, 54.5, 55}, 7);
    NdArray y = Pixels.applyVoiWindow(x, 50, 11, VOILUTFunctionValues.LINEAR, 0, 1, null, false);
    double[] want = {0, 0, 0.05, 0.55, 0.95, 1, 1};
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], y.getFlatDouble(i), 1e-12, "x=" + x.getFlatDouble(i));
    }
    NdArray inv = Pixels.applyVoiWindow(x, 50, 11, null, 0, 1, DType.FLOAT32, true);
    assertEquals(DType.FLOAT32, inv.dtype());
    assertEquals(0.45, inv.getFlatDouble(3), 1e-6);
    // w = 1 is a threshold at c − 0.5
    NdArray t = Pixels.applyVoiWindow(x, 50, 1, null, 0, 10, null, false);
    assertEquals(0, t.getFlatDouble(2));
    assertEquals(10, t.getFlatDouble(3));
  }

  @Test
  void exactAndSigmoidWindowsFollowPs3Formulas() {
    NdArray x = NdArray.wrap(new double[] {30, 50, 60, 80}, 4);
    NdArray e =
        Pixels.applyVoiWindow(x, 50, 40, VOILUTFunctionValues.LINEAR_EXACT, -1, 1, null, false);
    assertEquals(-1, e.getFlatDouble(0), 1e-12);
    assertEquals(0, e.getFlatDouble(1), 1e-12);
    assertEquals(0.5, e.getFlatDouble(2), 1e-12);
    assertEquals(1, e.getFlatDouble(3), 1e-12);
    NdArray s = Pixels.applyVoiWindow(x, 50, 40, VOILUTFunctionValues.SIGMOID, 0, 1, null, false);
    assertEquals(1 / (1 + Math.exp(-4.0 * (60 - 50) / 40)), s.getFlatDouble(2), 1e-12);
    assertEquals(0.5, s.getFlatDouble(1), 1e-12);
  }

  @Test
  void rejectsInvalidWindowArguments() {
    NdArray x = NdArray.zeros(DType.INT16, 2);
    assertThrows(
        IllegalArgumentException.class,
        () -> Pixels.applyVoiWindow(x, 0, 10, null, 1, 1, null, false));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> Pixels.applyVoiWindow(x, 0, 10, null, 0, 1, DType.INT32, false));
    assertTrue(e.getMessage().contains("floating point"));
    assertThrows(
        IllegalArgumentException.class,
        () -> Pixels.applyVoiWindow(x, 0, 0.5, VOILUTFunctionValues.LINEAR, 0, 1, null, false));
    assertThrows(
        IllegalArgumentException.class,
        () -> Pixels.applyVoiWindow(x, 0, 0, VOILUTFunctionValues.SIGMOID, 0, 1, null, false));
  }

  @Test
  void appliesMultiChannelLutsAndRefusesFloatsOrOutOfRangeWithoutClip() {
    NdArray lut = NdArray.wrap(DType.UINT8, new byte[] {1, 2, 3, 4, 5, 6}, 2, 3);
    NdArray x = NdArray.wrap(DType.UINT8, new byte[] {5, 6, 9}, 3);
    NdArray y = Pixels.applyLut(x, lut, 5, null, true);
    assertEquals(2, y.ndim());
    assertEquals(3, y.shape(1));
    assertEquals(4, y.getLong(1, 0));
    assertEquals(6, y.getLong(2, 2));
    assertThrows(IllegalArgumentException.class, () -> Pixels.applyLut(x, lut, 5, null, false));
    assertThrows(
        IllegalArgumentException.class,
        () -> Pixels.applyLut(NdArray.zeros(DType.FLOAT32, 1), lut, 0, null, true));
  }

  @Test
  void safeCastsFollowNumpy() {
    assertTrue(Pixels.canCastSafely(DType.UINT8, DType.INT16));
    assertFalse(Pixels.canCastSafely(DType.UINT8, DType.INT8));
    assertTrue(Pixels.canCastSafely(DType.UINT16, DType.INT32));
    assertFalse(Pixels.canCastSafely(DType.UINT16, DType.INT16));
    assertTrue(Pixels.canCastSafely(DType.INT16, DType.FLOAT32));
    assertFalse(Pixels.canCastSafely(DType.INT32, DType.FLOAT32));
    assertTrue(Pixels.canCastSafely(DType.INT32, DType.FLOAT64));
    assertFalse(Pixels.canCastSafely(DType.FLOAT64, DType.FLOAT32));
    assertFalse(Pixels.canCastSafely(DType.INT8, DType.UINT16));
  }
}
