package org.highdicom4j.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.sample.SyntheticCtSeries;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The word-at-a-time loops over byte label maps, checked against pixel-by-pixel definitions and
 * against the general path that reads any integer type.
 */
class ByteLabelKernelsTest {

  /** A plane of runs of random length (1 to 20) and value, zero runs more frequent. */
  private static byte[] runs(Random rnd, int n, int maxValue) {
    byte[] d = new byte[n];
    int i = 0;
    while (i < n) {
      int len = 1 + rnd.nextInt(20);
      int v = rnd.nextInt(3) == 0 ? 0 : rnd.nextInt(maxValue + 1);
      for (int j = 0; j < len && i < n; j++, i++) {
        d[i] = (byte) v;
      }
    }
    return d;
  }

  @ParameterizedTest
  @CsvSource({"1", "7", "8", "9", "64", "99", "1000", "4096"})
  void presentListsExactlyTheValuesOfThePlane(int n) {
    Random rnd = new Random(n);
    for (int trial = 0; trial < 50; trial++) {
      byte[] d = runs(rnd, n + 5, 255);
      int base = trial % 5;
      boolean[] expected = new boolean[256];
      for (int i = base; i < base + n; i++) {
        expected[d[i] & 0xff] = true;
      }
      assertArrayEquals(expected, ByteLabelKernels.present(d, base, n), "trial " + trial);
    }
  }

  @ParameterizedTest
  @CsvSource({"8", "64", "192", "1024"})
  void packPlaneSetsOneBitPerPixelLeastSignificantFirst(int ppf) {
    Random rnd = new Random(ppf);
    int values = 12;
    for (int trial = 0; trial < 50; trial++) {
      byte[] d = runs(rnd, ppf, values);
      int[] frameOf = new int[values + 1];
      frameOf[0] = -1;
      for (int v = 1; v <= values; v++) {
        // Some values have no frame (omitted), the others a frame in shuffled order.
        frameOf[v] = v % 4 == 0 ? -1 : (v * 7) % values;
      }
      byte[] out = new byte[values * ppf / 8];
      // PS3.5 8.1.1: pixel k of the packed stream is bit k % 8 of byte k / 8.
      byte[] expected = new byte[out.length];
      for (int i = 0; i < ppf; i++) {
        int v = d[i] & 0xff;
        if (v != 0 && frameOf[v] >= 0) {
          long k = (long) frameOf[v] * ppf + i;
          expected[(int) (k / 8)] |= (byte) (1 << (k % 8));
        }
      }
      ByteLabelKernels.packPlane(d, 0, ppf, frameOf, out);
      assertArrayEquals(expected, out, "trial " + trial);
    }
  }

  private static Segmentation build(
      SyntheticCtSeries series, NdArray array, SegmentationTypeValues type, int segments) {
    List<DicomDataset> slices = new ArrayList<>();
    for (int s = 0; s < series.slices(); s++) {
      slices.add(series.slice(s));
    }
    int[] numbers = new int[segments];
    for (int k = 0; k < segments; k++) {
      numbers[k] = k + 1;
    }
    return SegTestData.identity(Segmentation.builder())
        .sourceImages(slices)
        .pixelArray(array)
        .segmentationType(type)
        .segmentDescriptions(SegTestData.descriptions(numbers))
        .build();
  }

  @ParameterizedTest
  @CsvSource({
    "BINARY, 16, 12",
    "BINARY, 9, 11",
    "FRACTIONAL, 16, 12",
    "FRACTIONAL, 9, 11",
    "LABELMAP, 16, 12",
    "LABELMAP, 9, 11"
  })
  void uint8LabelMapGivesTheSamePixelDataAsTheSameValuesInUint16(
      SegmentationTypeValues type, int rows, int columns) {
    SyntheticCtSeries series = new SyntheticCtSeries(5, rows, columns, 1.0, 2.0);
    int segments = 6;
    Random rnd = new Random(rows * 31 + columns);
    byte[] bytes = runs(rnd, 5 * rows * columns, segments);
    // Plane 2 empty: omitted from every output.
    java.util.Arrays.fill(bytes, 2 * rows * columns, 3 * rows * columns, (byte) 0);
    short[] shorts = new short[bytes.length];
    for (int i = 0; i < bytes.length; i++) {
      shorts[i] = bytes[i];
    }
    Segmentation fast =
        build(series, NdArray.wrap(DType.UINT8, bytes, 5, rows, columns), type, segments);
    Segmentation general =
        build(series, NdArray.wrap(DType.UINT16, shorts, 5, rows, columns), type, segments);
    assertEquals(general.numberOfFrames(), fast.numberOfFrames());
    assertTrue(fast.numberOfFrames() > 0);
    assertArrayEquals(
        general.dataset().getBytes(Tag.PixelData), fast.dataset().getBytes(Tag.PixelData));
  }

  @ParameterizedTest
  @CsvSource({"BINARY", "LABELMAP"})
  void int8LabelMapWithNegativeValueIsRejected(SegmentationTypeValues type) {
    SyntheticCtSeries series = new SyntheticCtSeries(2, 8, 8, 1.0, 2.0);
    byte[] bytes = new byte[2 * 8 * 8];
    bytes[70] = 1;
    bytes[75] = -3;
    NdArray a = NdArray.wrap(DType.INT8, bytes, 2, 8, 8);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> build(series, a, type, 1));
    assertTrue(e.getMessage().contains("must not contain negative values"), e.getMessage());
    assertTrue(e.getMessage().endsWith("-3"), e.getMessage());
  }
}
