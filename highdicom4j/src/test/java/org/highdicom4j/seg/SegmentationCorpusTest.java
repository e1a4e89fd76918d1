package org.highdicom4j.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.highdicom4j.ImageReadOptions;
import org.highdicom4j.NdArray;
import org.highdicom4j.Volume;
import org.highdicom4j.codec.CodecRegistry;
import org.highdicom4j.codec.PixelDataFrames;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every segmentation of the shared corpus is read, and its masks are checked against an independent
 * mapping done here: frames decoded with {@link PixelDataFrames} and placed by their own per-frame
 * items (Referenced Segment Number, Derivation Image Sequence, Plane Position), without the
 * library's frame index.
 */
class SegmentationCorpusTest {
  static final List<String> FILES =
      List.of(
          "highdicom/seg_image_cr_binary.dcm",
          "highdicom/seg_image_ct_binary.dcm",
          "highdicom/seg_image_ct_binary_fractional.dcm",
          "highdicom/seg_image_ct_binary_overlap.dcm",
          "highdicom/seg_image_ct_binary_single_frame.dcm",
          "highdicom/seg_image_sm_control.dcm",
          "highdicom/seg_image_sm_control_labelmap.dcm",
          "highdicom/seg_image_sm_dots.dcm",
          "highdicom/seg_image_sm_dots_tiled_full.dcm",
          "highdicom/seg_image_sm_numbers.dcm",
          "pydicom-data/liver.dcm",
          "pydicom-data/liver_deflate.dcm",
          "pydicom-data/liver_expb.dcm",
          "pydicom-data/liver_j2k.dcm",
          "pydicom-data/liver_rle.dcm",
          "pydicom-data/liver_nonbyte_aligned.dcm",
          "pydicom-data/liver_nonbyte_aligned_deflate.dcm",
          "pydicom-data/liver_nonbyte_aligned_j2k.dcm",
          "dcmqi-segmentations/liver.dcm",
          "dcmqi-segmentations/sparse-labelmap-noppv.dcm",
          "dcmqi-sr-example/seg.dcm");

  static Path testdata() {
    Path shared = SegTestData.shared();
    SegTestData.require(
        shared != null && Files.isDirectory(shared.resolve("testdata/highdicom")),
        "../shared/testdata");
    return shared.resolve("testdata");
  }

  /** One frame as the file describes it, decoded independently. */
  record RawFrame(
      int segment, String sourceUid, int sourceFrame, double[] position, int[] values) {}

  static List<RawFrame> rawFrames(Path file) throws IOException {
    DicomFile f = DicomReader.read(file);
    DicomDataset ds = f.dataset();
    PixelDataFrames frames =
        new PixelDataFrames(ds, f.transferSyntax(), CodecRegistry.getDefault());
    Sequence perFrame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
    DicomDataset shared = ds.getItem(Tag.SharedFunctionalGroupsSequence);
    int n = frames.numberOfFrames();
    int ppf = frames.descriptor().rows() * frames.descriptor().columns();
    boolean wide = frames.descriptor().bitsAllocated() == 16;
    List<RawFrame> out = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      DicomDataset item = perFrame == null ? null : perFrame.get(i);
      int segment = 0;
      DicomDataset sid = item == null ? null : item.getItem(Tag.SegmentIdentificationSequence);
      if (sid == null && shared != null) {
        sid = shared.getItem(Tag.SegmentIdentificationSequence);
      }
      if (sid != null) {
        segment = sid.getInt(Tag.ReferencedSegmentNumber, 0);
      }
      String uid = null;
      int frame = 0;
      DicomDataset der = item == null ? null : item.getItem(Tag.DerivationImageSequence);
      if (der != null) {
        DicomDataset src = der.getItem(Tag.SourceImageSequence);
        uid = src.getString(Tag.ReferencedSOPInstanceUID);
        frame = src.getInt(Tag.ReferencedFrameNumber, 0);
      }
      double[] pos = null;
      DicomDataset pp = item == null ? null : item.getItem(Tag.PlanePositionSequence);
      if (pp != null) {
        pos = pp.getDoubles(Tag.ImagePositionPatient);
      }
      byte[] data = frames.decode(i).data();
      int[] v = new int[ppf];
      for (int p = 0; p < ppf; p++) {
        v[p] = wide ? (data[2 * p] & 0xff) | (data[2 * p + 1] & 0xff) << 8 : data[p] & 0xff;
      }
      out.add(new RawFrame(segment, uid, frame, pos, v));
    }
    return out;
  }

  /** The expected stacked output value of segment s from a raw frame at pixel p. */
  static double expected(Segmentation seg, RawFrame f, int s, int p) {
    int v = f.values()[p];
    switch (seg.segmentationType()) {
      case LABELMAP:
        return v == s ? 1 : 0;
      case FRACTIONAL:
        return f.segment() == s ? v / (double) seg.maxFractionalValue() : 0;
      default:
        return f.segment() == s && v != 0 ? 1 : 0;
    }
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusSegmentationMatchesItsFramesBySource() {
    Path data = testdata();
    return FILES.stream()
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      Path file = data.resolve(name);
                      Segmentation seg = Segmentation.read(file);
                      Segmentation lazy = Segmentation.read(file, ImageReadOptions.LAZY);
                      checkBySource(seg, rawFrames(file));
                      checkBySource(lazy, rawFrames(file));
                    }));
  }

  private static void checkBySource(Segmentation seg, List<RawFrame> raw) throws IOException {
    int rows = seg.dataset().getInt(Tag.Rows, 0);
    int cols = seg.dataset().getInt(Tag.Columns, 0);
    int[] numbers = seg.segmentNumbers();
    if (raw.isEmpty() || raw.get(0).sourceUid() == null) {
      return; // TILED_FULL: checked against its TILED_SPARSE twin below
    }
    boolean multiFrame = raw.get(0).sourceFrame() > 0;
    Map<String, List<RawFrame>> bySource = new LinkedHashMap<>();
    for (RawFrame f : raw) {
      bySource
          .computeIfAbsent(f.sourceUid() + "#" + f.sourceFrame(), k -> new ArrayList<>())
          .add(f);
    }
    List<String> keys = new ArrayList<>(bySource.keySet());
    NdArray got;
    if (multiFrame) {
      String uid = raw.get(0).sourceUid();
      int[] frameNumbers = keys.stream().mapToInt(k -> Integer.parseInt(k.split("#")[1])).toArray();
      got = seg.getPixelsBySourceFrame(uid, frameNumbers);
    } else {
      got = seg.getPixelsBySourceInstance(keys.stream().map(k -> k.split("#")[0]).toList());
    }
    assertArrayEquals(new int[] {keys.size(), rows, cols, numbers.length}, got.shape());
    for (int k = 0; k < keys.size(); k++) {
      for (int c = 0; c < numbers.length; c++) {
        for (int p = 0; p < rows * cols; p++) {
          double want = 0;
          for (RawFrame f : bySource.get(keys.get(k))) {
            want = Math.max(want, expected(seg, f, numbers[c], p));
          }
          double actual = got.getDouble(k, p / cols, p % cols, c);
          if (Math.abs(want - actual) > 1e-6) {
            assertEquals(
                want,
                actual,
                1e-6,
                "source " + keys.get(k) + " segment " + numbers[c] + " pixel " + p);
          }
        }
      }
    }
  }

  @TestFactory
  Stream<DynamicTest> patientSegmentationsFormVolumesAtTheirFramePositions() {
    Path data = testdata();
    return FILES.stream()
        .filter(n -> !n.contains("_sm_") && !n.contains("_cr_"))
        .map(
            name ->
                DynamicTest.dynamicTest(
                    name,
                    () -> {
                      Path file = data.resolve(name);
                      Segmentation seg = Segmentation.read(file);
                      List<RawFrame> raw = rawFrames(file);
                      Volume vol = seg.getVolume();
                      int[] numbers = seg.segmentNumbers();
                      int rows = seg.dataset().getInt(Tag.Rows, 0);
                      int cols = seg.dataset().getInt(Tag.Columns, 0);
                      assertArrayEquals(
                          new int[] {vol.shape()[0], rows, cols, numbers.length}, vol.shape());
                      boolean[] covered = new boolean[vol.shape()[0]];
                      for (RawFrame f : raw) {
                        double[][] ijk =
                            vol.mapReferenceToIndices(new double[][] {f.position()}, false, false);
                        int slice = (int) Math.round(ijk[0][0]);
                        assertEquals(slice, ijk[0][0], 1e-3, "slice index of a frame position");
                        assertEquals(0, ijk[0][1], 1e-3);
                        assertEquals(0, ijk[0][2], 1e-3);
                        covered[slice] = true;
                        for (int c = 0; c < numbers.length; c++) {
                          if (seg.segmentationType() != SegmentationTypeValues.LABELMAP
                              && f.segment() != numbers[c]) {
                            continue;
                          }
                          for (int p = 0; p < rows * cols; p++) {
                            double want = expected(seg, f, numbers[c], p);
                            double actual = vol.array().getDouble(slice, p / cols, p % cols, c);
                            if (Math.abs(want - actual) > 1e-6) {
                              assertEquals(want, actual, 1e-6, "slice " + slice + " pixel " + p);
                            }
                          }
                        }
                      }
                      for (int s = 0; s < covered.length; s++) {
                        if (!covered[s]) {
                          NdArray plane = vol.array().get(s);
                          assertEquals(0.0, plane.max(), "slice without frames is empty");
                        }
                      }
                    }));
  }

  @Test
  void liverMasksAgreeInEveryTransferSyntax() throws IOException {
    Path data = testdata();
    Segmentation ref = Segmentation.read(data.resolve("pydicom-data/liver.dcm"));
    List<String> uids =
        ref.getSourceImageUids().stream().map(SourceImageReference::sopInstanceUid).toList();
    NdArray expected = ref.getPixelsBySourceInstance(uids);
    assertTrue(expected.max() == 1.0, "the liver mask is not empty");
    for (String s : List.of("deflate", "expb", "j2k", "rle")) {
      Segmentation other = Segmentation.read(data.resolve("pydicom-data/liver_" + s + ".dcm"));
      assertEquals(expected, other.getPixelsBySourceInstance(uids), s);
    }
    Segmentation odd = Segmentation.read(data.resolve("pydicom-data/liver_nonbyte_aligned.dcm"));
    List<String> oddUids =
        odd.getSourceImageUids().stream().map(SourceImageReference::sopInstanceUid).toList();
    NdArray oddMask = odd.getPixelsBySourceInstance(oddUids);
    for (String s : List.of("deflate", "j2k")) {
      Segmentation other =
          Segmentation.read(data.resolve("pydicom-data/liver_nonbyte_aligned_" + s + ".dcm"));
      assertEquals(oddMask, other.getPixelsBySourceInstance(oddUids), s);
    }
  }

  @Test
  void tiledFullAndTiledSparseDotsGiveTheSameTotalPixelMatrix() throws IOException {
    Path data = testdata();
    Segmentation sparse = Segmentation.read(data.resolve("highdicom/seg_image_sm_dots.dcm"));
    Segmentation full =
        Segmentation.read(data.resolve("highdicom/seg_image_sm_dots_tiled_full.dcm"));
    NdArray a = sparse.getTotalPixelMatrix(SegmentPixelOptions.DEFAULT);
    NdArray b = full.getTotalPixelMatrix(SegmentPixelOptions.DEFAULT);
    assertArrayEquals(
        new int[] {
          sparse.dataset().getInt(Tag.TotalPixelMatrixRows, 0),
          sparse.dataset().getInt(Tag.TotalPixelMatrixColumns, 0),
          50
        },
        a.shape());
    assertEquals(a, b);
    assertTrue(a.max() == 1.0);
    String uid = sparse.getSourceImageUids().get(0).sopInstanceUid();
    int[] frames = new int[25];
    Arrays.setAll(frames, i -> i + 1);
    SegmentPixelOptions o = SegmentPixelOptions.DEFAULT.withAssertMissingFramesAreEmpty(true);
    assertEquals(
        new int[] {25, 10, 10, 50}.length, sparse.getPixelsBySourceFrame(uid, frames, o).ndim());
    // TILED_FULL frames record no source frames (and the source's tile order need not match).
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class, () -> full.getPixelsBySourceFrame(uid, frames, o));
    assertTrue(e.getMessage().contains("TILED_FULL"), e.getMessage());
  }

  @Test
  void totalPixelMatrixIsStitchedFromTilePositions() throws IOException {
    Path file = testdata().resolve("highdicom/seg_image_sm_control.dcm");
    Segmentation seg = Segmentation.read(file);
    DicomDataset ds = DicomReader.read(file).dataset();
    List<RawFrame> raw = rawFrames(file);
    int totalRows = ds.getInt(Tag.TotalPixelMatrixRows, 0);
    int totalCols = ds.getInt(Tag.TotalPixelMatrixColumns, 0);
    int rows = ds.getInt(Tag.Rows, 0);
    int cols = ds.getInt(Tag.Columns, 0);
    int[] want = new int[totalRows * totalCols];
    Sequence perFrame = ds.getSequence(Tag.PerFrameFunctionalGroupsSequence);
    for (int i = 0; i < raw.size(); i++) {
      DicomDataset pos = perFrame.get(i).getItem(Tag.PlanePositionSlideSequence);
      int top = pos.getInt(Tag.RowPositionInTotalImagePixelMatrix, 0) - 1;
      int left = pos.getInt(Tag.ColumnPositionInTotalImagePixelMatrix, 0) - 1;
      for (int p = 0; p < rows * cols; p++) {
        int r = top + p / cols;
        int c = left + p % cols;
        if (r < totalRows && c < totalCols && raw.get(i).values()[p] != 0) {
          assertEquals(0, want[r * totalCols + c], "segments of the control image overlap");
          want[r * totalCols + c] = raw.get(i).segment();
        }
      }
    }
    NdArray got = seg.getTotalPixelMatrix(SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    assertArrayEquals(new int[] {totalRows, totalCols}, got.shape());
    for (int i = 0; i < want.length; i++) {
      assertEquals(want[i], got.getFlatLong(i), "pixel " + i);
    }
    // A sub-region (1-based, end exclusive) is the same part of the whole matrix.
    NdArray part =
        seg.getTotalPixelMatrix(
            21, 41, 11, 21, false, SegmentPixelOptions.DEFAULT.withCombineSegments(true));
    assertArrayEquals(new int[] {20, 10}, part.shape());
    for (int r = 0; r < 20; r++) {
      for (int c = 0; c < 10; c++) {
        assertEquals(want[(20 + r) * totalCols + 10 + c], part.getLong(r, c));
      }
    }
    Segmentation labelmap =
        Segmentation.read(testdata().resolve("highdicom/seg_image_sm_control_labelmap.dcm"));
    assertEquals(
        got, labelmap.getTotalPixelMatrix(SegmentPixelOptions.DEFAULT.withCombineSegments(true)));
    assertNotNull(labelmap.getSegmentDescription(0), "label maps describe the background");
  }
}
