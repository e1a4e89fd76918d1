package org.highdicom4j.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.highdicom4j.DType;
import org.highdicom4j.ImageReadOptions;
import org.highdicom4j.NdArray;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.sample.SyntheticCtSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The word-at-a-time BINARY kernels against a bit-by-bit decode of Pixel Data as PS3.5 8.1.1 packs
 * it: frames follow each other bit by bit, so with Rows × Columns not a multiple of 8 a frame
 * starts inside a byte.
 */
class SegmentPixelReaderTest {
  @TempDir Path dir;

  private static final int SEGMENTS = 4;

  /** Bit i of the whole Pixel Data value: bit i % 8 of byte i / 8 (PS3.5 8.1.1). */
  private static int bit(byte[] pixelData, long i) {
    return (pixelData[(int) (i >>> 3)] >> (int) (i & 7)) & 1;
  }

  @Test
  void wordEqualsBitByBitExtractionAtEveryOffsetAndLength() {
    Random r = new Random(7);
    for (int size : new int[] {1, 3, 8, 9, 17, 40}) {
      byte[] a = new byte[size];
      r.nextBytes(a);
      for (long start = 0; start < 8L * size; start++) {
        int maxLen = (int) Math.min(64, 8L * size - start);
        for (int len = 1; len <= maxLen; len++) {
          long expected = 0;
          for (int k = 0; k < len; k++) {
            expected |= (long) bit(a, start + k) << k;
          }
          assertEquals(expected, SegmentPixelReader.word(a, start, len), size + "/" + start);
        }
      }
    }
  }

  /**
   * A lazy read of a many-frame SEG (all frames of one query read through one open file) gives the
   * pixels of an eager read, for bit-packed native frames, 8-bit native label map frames and RLE
   * encapsulated fractional frames.
   */
  @ParameterizedTest
  @CsvSource({
    "BINARY, 1.2.840.10008.1.2.1",
    "LABELMAP, 1.2.840.10008.1.2.1",
    "FRACTIONAL, 1.2.840.10008.1.2.5"
  })
  void lazyReadOfManyFramesEqualsEagerRead(SegmentationTypeValues type, String ts)
      throws IOException {
    // frames of 70 x 70 random values: RLE fragments above the lazy threshold stay in the file
    int planes = 90;
    int size = 70;
    DicomDataset src = SegTestData.enhancedCt(planes, size, size);
    boolean fractional = type == SegmentationTypeValues.FRACTIONAL;
    Random r = new Random(11);
    NdArray input =
        fractional
            ? NdArray.zeros(DType.FLOAT32, planes, size, size, 2)
            : NdArray.zeros(DType.UINT8, planes, size, size);
    float[] values = (float[]) (fractional ? input.data() : new float[0]);
    byte[] labels = (byte[]) (fractional ? new byte[0] : input.data());
    for (int i = 0; i < values.length; i++) {
      values[i] = r.nextInt(256) / 255f;
    }
    for (int i = 0; i < labels.length; i++) {
      labels[i] = (byte) r.nextInt(4);
    }
    Path file = dir.resolve(type + ".dcm");
    SegTestData.identity(Segmentation.builder())
        .sourceImages(List.of(src))
        .pixelArray(input)
        .segmentationType(type)
        .segmentDescriptions(
            fractional ? SegTestData.descriptions(1, 2) : SegTestData.descriptions(1, 2, 3))
        .transferSyntaxUid(ts)
        .omitEmptyFrames(false)
        .build()
        .write(file);
    Segmentation eager = Segmentation.read(file);
    Segmentation lazy = Segmentation.read(file, ImageReadOptions.LAZY);
    assertTrue(lazy.numberOfFrames() >= (type == SegmentationTypeValues.LABELMAP ? 90 : 180));
    int[] frames = new int[planes];
    for (int p = 0; p < planes; p++) {
      frames[p] = planes - p;
    }
    String uid = src.getString(Tag.SOPInstanceUID);
    for (SegmentPixelOptions o :
        List.of(
            SegmentPixelOptions.DEFAULT,
            SegmentPixelOptions.DEFAULT.withCombineSegments(!fractional))) {
      NdArray want = eager.getPixelsBySourceFrame(uid, frames, o);
      NdArray got = lazy.getPixelsBySourceFrame(uid, frames, o);
      assertArrayEquals(want.shape(), got.shape());
      assertArrayEquals(want.toLittleEndian(), got.toLittleEndian(), type + " " + o);
    }
  }

  /** Random masks (planes, rows, columns, segments); disjoint ones come from a label map. */
  private static NdArray masks(Random r, int planes, int rows, int cols, boolean disjoint) {
    NdArray a = NdArray.zeros(DType.BOOL, planes, rows, cols, SEGMENTS);
    for (int p = 0; p < planes; p++) {
      // Per plane and segment a density from empty to full, so zero, partial and full words occur.
      double[] density = new double[SEGMENTS];
      for (int s = 0; s < SEGMENTS; s++) {
        int kind = r.nextInt(5);
        density[s] = kind == 0 ? 0 : kind == 1 ? 1 : r.nextDouble() * 0.5;
      }
      for (int y = 0; y < rows; y++) {
        for (int x = 0; x < cols; x++) {
          if (disjoint) {
            int s = r.nextInt(SEGMENTS + 1) - 1;
            if (s >= 0 && r.nextDouble() < Math.max(density[s], 0.2)) {
              a.setDouble(1, p, y, x, s);
            }
          } else {
            for (int s = 0; s < SEGMENTS; s++) {
              if (r.nextDouble() < density[s]) {
                a.setDouble(1, p, y, x, s);
              }
            }
          }
        }
      }
    }
    return a;
  }

  /** Decodes the frames of a BINARY segmentation bit by bit: (planes, rows, cols, segments). */
  private static NdArray referenceDecode(DicomDataset ds, List<String> sources) {
    int rows = ds.getInt(Tag.Rows, 0);
    int cols = ds.getInt(Tag.Columns, 0);
    int frames = ds.getInt(Tag.NumberOfFrames, 0);
    byte[] pixelData = ds.getBytes(Tag.PixelData);
    NdArray out = NdArray.zeros(DType.UINT8, sources.size(), rows, cols, SEGMENTS);
    for (int f = 0; f < frames; f++) {
      DicomDataset item = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence).get(f);
      int segment =
          item.getItem(Tag.SegmentIdentificationSequence).getInt(Tag.ReferencedSegmentNumber, 0);
      String uid =
          item.getItem(Tag.DerivationImageSequence)
              .getItem(Tag.SourceImageSequence)
              .getString(Tag.ReferencedSOPInstanceUID);
      int plane = sources.indexOf(uid);
      long first = (long) f * rows * cols;
      for (int i = 0; i < rows * cols; i++) {
        if (bit(pixelData, first + i) == 1) {
          out.setDouble(1, plane, i / cols, i % cols, segment - 1);
        }
      }
    }
    return out;
  }

  /** The label map of stacked masks: the highest selected segment's output label wins. */
  private static NdArray combine(NdArray stacked, int[] numbers, boolean relabel) {
    int[] shape = stacked.shape();
    NdArray out = NdArray.zeros(DType.UINT8, shape[0], shape[1], shape[2]);
    for (int i = 0; i < out.size(); i++) {
      long best = 0;
      for (int k = 0; k < numbers.length; k++) {
        if (stacked.getFlatLong(i * SEGMENTS + numbers[k] - 1) != 0) {
          best = Math.max(best, relabel ? k + 1 : numbers[k]);
        }
      }
      out.setFlatLong(i, best);
    }
    return out;
  }

  private static boolean overlaps(NdArray stacked) {
    for (int i = 0; i < stacked.size() / SEGMENTS; i++) {
      int n = 0;
      for (int s = 0; s < SEGMENTS; s++) {
        n += (int) stacked.getFlatLong(i * SEGMENTS + s);
      }
      if (n > 1) {
        return true;
      }
    }
    return false;
  }

  @ParameterizedTest(name = "{0}x{1}, disjoint={2}")
  @CsvSource({
    "13, 11, true", // 143 pixels: frames start inside bytes
    "13, 11, false",
    "9, 9, false", // 81 pixels: frames start inside bytes and words
    "16, 72, true", // byte- and word-aligned frames
    "16, 72, false",
    "8, 25, true" // 200 pixels: byte-aligned, not word-aligned
  })
  void readersEqualBitByBitDecode(int rows, int cols, boolean disjoint) throws IOException {
    int planes = 5;
    SyntheticCtSeries series = new SyntheticCtSeries(planes, rows, cols, 1.0, 2.0);
    List<DicomDataset> src = new ArrayList<>();
    for (int i = 0; i < planes; i++) {
      src.add(series.slice(i));
    }
    List<String> uids = src.stream().map(d -> d.getString(Tag.SOPInstanceUID)).toList();
    Random r = new Random(rows * 1000L + cols + (disjoint ? 1 : 0));
    NdArray input = masks(r, planes, rows, cols, disjoint);
    Segmentation built =
        SegTestData.identity(Segmentation.builder())
            .sourceImages(src)
            .pixelArray(input)
            .segmentationType(SegmentationTypeValues.BINARY)
            .segmentDescriptions(SegTestData.descriptions(1, 2, 3, 4))
            .build();
    Path file = dir.resolve(UidGenerator.newUid() + ".dcm");
    built.write(file);
    Segmentation eager = Segmentation.read(file);
    NdArray reference = referenceDecode(eager.dataset(), uids);
    assertEquals(input.astype(DType.UINT8), reference, "the writer packs what it was given");
    Segmentation lazy =
        Segmentation.read(file, ImageReadOptions.DEFAULT.withLazyFrameRetrieval(true));
    Segmentation serial =
        Segmentation.read(file, ImageReadOptions.DEFAULT.withExecutor(Runnable::run));
    // Pixel Data read without its zero blocks, as large BINARY files are
    Segmentation sparse = Segmentation.read(file, ImageReadOptions.DEFAULT, 16, 1.0);
    assertTrue(
        sparse.dataset().getBulkDataRef(Tag.PixelData).source() instanceof SparseBulkData,
        "the sparse path is taken");
    assertArrayEquals(
        eager.dataset().getBytes(Tag.PixelData), sparse.dataset().getBytes(Tag.PixelData));
    assertEquals(1, bulkDataRefs(sparse.dataset()), "every other value, nested too, is loaded");
    for (Segmentation s : List.of(eager, lazy, serial, built, sparse)) {
      assertEquals(reference, s.getPixelsBySourceInstance(uids));
      SegmentPixelOptions combined = SegmentPixelOptions.DEFAULT.withCombineSegments(true);
      int[] subset = {3, 1, 4};
      if (overlaps(reference)) {
        IllegalStateException e =
            assertThrows(
                IllegalStateException.class, () -> s.getPixelsBySourceInstance(uids, combined));
        assertTrue(e.getMessage().contains("overlap"), e.getMessage());
        assertEquals(
            combine(reference, new int[] {1, 2, 3, 4}, false),
            s.getPixelsBySourceInstance(uids, combined.withSkipOverlapChecks(true)));
        assertEquals(
            combine(reference, subset, true),
            s.getPixelsBySourceInstance(
                uids,
                combined.withSegmentNumbers(subset).withRelabel(true).withSkipOverlapChecks(true)));
      } else {
        assertEquals(
            combine(reference, new int[] {1, 2, 3, 4}, false),
            s.getPixelsBySourceInstance(uids, combined));
        assertEquals(
            combine(reference, subset, true),
            s.getPixelsBySourceInstance(
                uids, combined.withSegmentNumbers(subset).withRelabel(true)));
        NdArray wide =
            s.getPixelsBySourceInstance(uids, combined.withDtype(DType.UINT16)).astype(DType.UINT8);
        assertEquals(combine(reference, new int[] {1, 2, 3, 4}, false), wide);
      }
    }
    assertArrayEquals(new int[] {planes, rows, cols, SEGMENTS}, reference.shape());
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"13, 11", "16, 72"})
  void labelMapFramesTranslateThroughTheSelection(int rows, int cols) throws IOException {
    int planes = 4;
    SyntheticCtSeries series = new SyntheticCtSeries(planes, rows, cols, 1.0, 2.0);
    List<DicomDataset> src = new ArrayList<>();
    for (int i = 0; i < planes; i++) {
      src.add(series.slice(i));
    }
    List<String> uids = src.stream().map(d -> d.getString(Tag.SOPInstanceUID)).toList();
    Random r = new Random(rows + cols);
    NdArray labels = NdArray.zeros(DType.UINT8, planes, rows, cols);
    for (int i = 0; i < labels.size(); i++) {
      // runs of zeros, so that whole zero words occur
      labels.setFlatLong(i, r.nextInt(3) == 0 ? r.nextInt(SEGMENTS + 1) : 0);
    }
    Segmentation built =
        SegTestData.identity(Segmentation.builder())
            .sourceImages(src)
            .pixelArray(labels)
            .segmentationType(SegmentationTypeValues.LABELMAP)
            .segmentDescriptions(SegTestData.descriptions(1, 2, 3, 4))
            .build();
    Path file = dir.resolve(UidGenerator.newUid() + ".dcm");
    built.write(file);
    int[] subset = {4, 2};
    for (Segmentation s :
        List.of(
            Segmentation.read(file),
            Segmentation.read(file, ImageReadOptions.DEFAULT.withLazyFrameRetrieval(true)))) {
      SegmentPixelOptions combined = SegmentPixelOptions.DEFAULT.withCombineSegments(true);
      assertEquals(labels, s.getPixelsBySourceInstance(uids, combined));
      NdArray expected = NdArray.zeros(DType.UINT8, planes, rows, cols);
      for (int i = 0; i < labels.size(); i++) {
        long v = labels.getFlatLong(i);
        expected.setFlatLong(i, v == 4 ? 1 : v == 2 ? 2 : 0);
      }
      assertEquals(
          expected,
          s.getPixelsBySourceInstance(uids, combined.withSegmentNumbers(subset).withRelabel(true)));
      NdArray stacked = s.getPixelsBySourceInstance(uids);
      for (int i = 0; i < labels.size(); i++) {
        for (int k = 0; k < SEGMENTS; k++) {
          assertEquals(
              labels.getFlatLong(i) == k + 1 ? 1 : 0, stacked.getFlatLong(i * SEGMENTS + k));
        }
      }
    }
  }

  private static int bulkDataRefs(DicomDataset ds) {
    int n = 0;
    for (int tag : ds.tags()) {
      if (ds.getBulkDataRef(tag) != null) {
        n++;
      } else if (ds.vr(tag) == VR.SQ) {
        for (DicomDataset item : ds.getSequence(tag)) {
          n += bulkDataRefs(item);
        }
      }
    }
    return n;
  }
}
