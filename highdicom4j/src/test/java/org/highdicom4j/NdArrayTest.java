package org.highdicom4j;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class NdArrayTest {

  @Test
  void indexesInRowMajorOrderLikeNumpy() {
    short[] data = new short[24];
    for (int i = 0; i < data.length; i++) {
      data[i] = (short) i;
    }
    NdArray a = NdArray.wrap(DType.INT16, data, 2, 3, 4);
    // numpy: np.arange(24).reshape(2,3,4)[1,2,3] == 23, [0,1,2] == 6
    assertEquals(23, a.getLong(1, 2, 3));
    assertEquals(6, a.getLong(0, 1, 2));
    assertEquals(3, a.ndim());
    assertArrayEquals(new int[] {2, 3, 4}, a.shape());
  }

  @Test
  void viewsAlongAxisZeroShareElements() {
    NdArray a = NdArray.zeros(DType.UINT8, 4, 2, 2);
    NdArray plane = a.get(2);
    plane.setDouble(7, 1, 1);
    assertEquals(7, a.getLong(2, 1, 1));
    NdArray s = a.slice(1, 3);
    assertArrayEquals(new int[] {2, 2, 2}, s.shape());
    assertEquals(7, s.getLong(1, 1, 1));
    assertEquals(0, s.getLong(0, 1, 1));
  }

  @Test
  void widensUnsignedValues() {
    NdArray a = NdArray.wrap(DType.UINT16, new short[] {(short) 0xFFFF, 1}, 2);
    assertEquals(65535, a.getLong(0));
    NdArray b = NdArray.wrap(DType.UINT32, new int[] {-1}, 1);
    assertEquals(4294967295L, b.getLong(0));
    NdArray c = NdArray.wrap(DType.UINT8, new byte[] {(byte) 200}, 1);
    assertEquals(200.0, c.getDouble(0));
  }

  @Test
  void rejectsValuesOutOfRangeOfIntegerTypes() {
    NdArray a = NdArray.zeros(DType.UINT8, 1);
    assertThrows(IllegalArgumentException.class, () -> a.setDouble(256, 0));
    assertThrows(IllegalArgumentException.class, () -> a.setDouble(-1, 0));
    assertThrows(IllegalArgumentException.class, () -> a.setDouble(Double.NaN, 0));
    NdArray w = NdArray.wrap(DType.INT16, new short[] {-5, 300}, 2);
    assertThrows(IllegalArgumentException.class, () -> w.astype(DType.UINT8));
  }

  @Test
  void convertsTypesNumerically() {
    NdArray f = NdArray.wrap(new double[] {1.9, -2.5, 0}, 3);
    NdArray i = f.astype(DType.INT16);
    assertEquals(1, i.getLong(0));
    assertEquals(-2, i.getLong(1));
    NdArray b = f.astype(DType.BOOL);
    assertEquals(1, b.getLong(0));
    assertEquals(0, b.getLong(2));
  }

  @ParameterizedTest
  @EnumSource(DType.class)
  void roundTripsLittleEndianBytes(DType t) {
    NdArray a = NdArray.zeros(t, 2, 3);
    for (int k = 0; k < a.size(); k++) {
      a.setFlatDouble(k, t == DType.BOOL ? k % 2 : (t.isSigned() ? -k : k));
    }
    byte[] le = a.toLittleEndian();
    assertEquals(a.size() * t.size(), le.length);
    NdArray b = NdArray.fromLittleEndian(t, le, 2, 3);
    assertEquals(a, b);
  }

  @Test
  void littleEndianLayoutIsLowByteFirst() {
    NdArray a = NdArray.wrap(DType.UINT16, new short[] {0x0102}, 1);
    assertArrayEquals(new byte[] {0x02, 0x01}, a.toLittleEndian());
  }

  @Test
  void checksShapesAndBounds() {
    assertThrows(
        IllegalArgumentException.class, () -> NdArray.wrap(DType.UINT8, new byte[5], 2, 3));
    assertThrows(
        IllegalArgumentException.class, () -> NdArray.wrap(DType.UINT16, new byte[6], 2, 3));
    NdArray a = NdArray.zeros(DType.INT32, 2, 3);
    assertThrows(IndexOutOfBoundsException.class, () -> a.getLong(2, 0));
    assertThrows(IllegalArgumentException.class, () -> a.getLong(1));
    assertThrows(IndexOutOfBoundsException.class, () -> a.slice(1, 3));
    assertThrows(IllegalArgumentException.class, () -> a.reshape(4, 2));
    assertThrows(IllegalArgumentException.class, () -> NdArray.zeros(DType.UINT8, 65536, 65536));
  }

  @Test
  void computesStatisticsAndEquality() {
    NdArray a = NdArray.wrap(new float[] {1, 2, 3, 6}, 2, 2);
    assertEquals(1, a.min());
    assertEquals(6, a.max());
    assertEquals(3, a.mean());
    NdArray b = a.copy();
    assertEquals(a, b);
    b.setDouble(5, 1, 1);
    assertNotEquals(a, b);
    assertEquals(a.reshape(4), NdArray.wrap(new float[] {1, 2, 3, 6}, 4));
    assertTrue(a.toString().contains("float32"));
  }

  @Test
  void mapsPixelTypesAsNumpyWould() {
    assertEquals(DType.UINT8, DType.forPixels(1, false));
    assertEquals(DType.INT16, DType.forPixels(16, true));
    assertEquals(DType.UINT32, DType.forPixels(32, false));
    assertThrows(IllegalArgumentException.class, () -> DType.forPixels(12, false));
    assertEquals("bool", DType.BOOL.numpyName());
    assertEquals(65535, DType.UINT16.max());
    assertEquals(-128, DType.INT8.min());
  }
}
