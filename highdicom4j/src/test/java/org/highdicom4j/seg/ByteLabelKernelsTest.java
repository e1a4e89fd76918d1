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

  @ParameterizedTest
  @CsvSource({"1, 8", "3, 16", "7, 24", "16, 64"})
  void boxesAreTheBoundingRowsAndWordsOfEachValue(int rows, int columns) {
    Random rnd = new Random(rows * 100 + columns);
    int values = 6;
    for (int trial = 0; trial < 200; trial++) {
      // Runs whose ends often fall on word boundaries, and many zero words.
      byte[] d = new byte[rows * columns];
      for (int i = 0; i < d.length; ) {
        int len = rnd.nextBoolean() ? 8 * (1 + rnd.nextInt(3)) : 1 + rnd.nextInt(12);
        int v = rnd.nextInt(3) == 0 ? rnd.nextInt(values + 1) : 0;
        for (int j = 0; j < len && i < d.length; j++, i++) {
          d[i] = (byte) v;
        }
      }
      int[] expected = new int[4 * (values + 1)];
      int[] box = new int[4 * (values + 1)];
      for (int v = 0; v <= values; v++) {
        expected[4 * v] = box[4 * v] = Integer.MAX_VALUE;
        expected[4 * v + 1] = box[4 * v + 1] = -1;
        expected[4 * v + 2] = box[4 * v + 2] = Integer.MAX_VALUE;
        expected[4 * v + 3] = box[4 * v + 3] = -1;
      }
      for (int i = 0; i < d.length; i++) {
        int v = d[i];
        if (v != 0) {
          int r = i / columns;
          int c = (i % columns) / 8;
          expected[4 * v] = Math.min(expected[4 * v], r);
          expected[4 * v + 1] = Math.max(expected[4 * v + 1], r);
          expected[4 * v + 2] = Math.min(expected[4 * v + 2], c);
          expected[4 * v + 3] = Math.max(expected[4 * v + 3], c);
        }
      }
      ByteLabelKernels.boxes(d, 0, rows, columns / 8, box);
      assertArrayEquals(expected, box, "trial " + trial);
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
    "BINARY, 12, 16",
    "BINARY, 9, 24",
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

  /** Balls of labels 1..k in a (planes, rows, columns) volume, as the benchmark's label map. */
  private static byte[] balls(int planes, int rows, int columns, int k, Random rnd) {
    byte[] d = new byte[planes * rows * columns];
    for (int v = 1; v <= k; v++) {
      int cz = rnd.nextInt(planes);
      int cy = rnd.nextInt(rows);
      int cx = rnd.nextInt(columns);
      int r = 2 + rnd.nextInt(6);
      for (int z = 0; z < planes; z++) {
        for (int y = 0; y < rows; y++) {
          for (int x = 0; x < columns; x++) {
            int dz = z - cz;
            int dy = y - cy;
            int dx = x - cx;
            if (dz * dz + dy * dy + dx * dx <= r * r) {
              d[(z * rows + y) * columns + x] = (byte) v;
            }
          }
        }
      }
    }
    return d;
  }

  @ParameterizedTest
  @CsvSource({"6, 24, 32, 5", "4, 16, 16, 3", "3, 48, 64, 9"})
  void sparseBinaryFramesReadAnyRangeAsTheContiguouslyPackedFrames(
      int planes, int rows, int columns, int k) {
    Random rnd = new Random(planes * 1000 + columns);
    byte[] bytes = balls(planes, rows, columns, k, rnd);
    SegmentationInput input =
        SegmentationInput.analyse(
            NdArray.wrap(DType.UINT8, bytes, planes, rows, columns), false, Runnable::run);
    int ppf = rows * columns;
    // Frames segment-major as a segmentation orders them; label k absent from its planes is
    // given a frame in plane 0 anyway (an empty frame).
    List<int[]> frames = new ArrayList<>();
    for (int v = 1; v <= k; v++) {
      for (int p = 0; p < planes; p++) {
        if (input.labelPresent(p, v) || p == 0) {
          frames.add(new int[] {p, v});
        }
      }
    }
    int[][] frameOf = new int[planes][k + 1];
    for (int[] fo : frameOf) {
      java.util.Arrays.fill(fo, -1);
    }
    for (int f = 0; f < frames.size(); f++) {
      frameOf[frames.get(f)[0]][frames.get(f)[1]] = f;
    }
    // PS3.5 8.1.1: pixel i of frame f is bit (f * Rows * Columns + i) of the packed stream.
    byte[] expected = new byte[frames.size() * ppf / 8];
    for (int f = 0; f < frames.size(); f++) {
      int p = frames.get(f)[0];
      for (int i = 0; i < ppf; i++) {
        if ((bytes[p * ppf + i] & 0xff) == frames.get(f)[1]) {
          long bit = (long) f * ppf + i;
          expected[(int) (bit / 8)] |= (byte) (1 << (bit % 8));
        }
      }
    }
    SparseBinaryFrames sparse =
        SparseBinaryFrames.pack(input, frameOf, frames.size(), Runnable::run);
    assertTrue(sparse != null, "balls fill little of their frames");
    assertEquals(expected.length, sparse.length());
    byte[] all = new byte[expected.length + 3];
    all[0] = 9;
    sparse.read(0, all, 1, expected.length);
    assertEquals(9, all[0]);
    assertArrayEquals(expected, java.util.Arrays.copyOfRange(all, 1, expected.length + 1));
    for (int trial = 0; trial < 200; trial++) {
      int from = rnd.nextInt(expected.length);
      int len = rnd.nextInt(expected.length - from + 1);
      byte[] part = new byte[len];
      java.util.Arrays.fill(part, (byte) 0x5a);
      sparse.read(from, part, 0, len);
      assertArrayEquals(
          java.util.Arrays.copyOfRange(expected, from, from + len), part, from + " + " + len);
    }
    assertThrows(
        IndexOutOfBoundsException.class,
        () -> sparse.read(1, new byte[expected.length], 0, expected.length));
  }

  @org.junit.jupiter.api.Test
  void labelMapFillingItsFramesIsPackedContiguously() {
    // Random runs cover most of every frame: boxes would save nothing.
    Random rnd = new Random(5);
    byte[] bytes = runs(rnd, 2 * 16 * 16, 2);
    SegmentationInput input =
        SegmentationInput.analyse(
            NdArray.wrap(DType.UINT8, bytes, 2, 16, 16), false, Runnable::run);
    int[][] frameOf = {{-1, 0, 1}, {-1, 2, 3}};
    assertEquals(null, SparseBinaryFrames.pack(input, frameOf, 4, Runnable::run));
  }

  @ParameterizedTest
  @CsvSource({"-1", "0", "4"})
  void labelMapFramesOfConsecutivePlanesAreTheLabelValues(int emptyPlane) {
    SyntheticCtSeries series = new SyntheticCtSeries(5, 8, 16, 1.0, 2.0);
    int ppf = 8 * 16;
    byte[] bytes = runs(new Random(7 + emptyPlane), 5 * ppf, 4);
    for (int p = 0; p < 5; p++) {
      bytes[p * ppf + 3] = 2; // every plane non-empty ...
    }
    if (emptyPlane >= 0) {
      // ... except one at an end, leaving consecutive frames
      java.util.Arrays.fill(bytes, emptyPlane * ppf, (emptyPlane + 1) * ppf, (byte) 0);
    }
    Segmentation seg =
        build(
            series, NdArray.wrap(DType.UINT8, bytes, 5, 8, 16), SegmentationTypeValues.LABELMAP, 4);
    int first = emptyPlane == 0 ? 1 : 0;
    int frames = emptyPlane >= 0 ? 4 : 5;
    assertEquals(frames, seg.numberOfFrames());
    // PS3.3 C.8.20.2.3 (Supplement 243): a LABELMAP pixel value is the segment number.
    assertArrayEquals(
        java.util.Arrays.copyOfRange(bytes, first * ppf, (first + frames) * ppf),
        seg.dataset().getBytes(Tag.PixelData));
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
