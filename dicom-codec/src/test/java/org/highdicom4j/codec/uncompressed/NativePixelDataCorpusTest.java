package org.highdicom4j.codec.uncompressed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.uncompressed.BasicCodecCorpus.Dump;
import org.highdicom4j.codec.uncompressed.BasicCodecCorpus.Row;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Checks {@link NativePixelData} against every native (1.2.840.10008.1.2, .1.2.1, .1.2.2) frame of
 * ../shared/reference/pixels.tsv. The Pixel Data value comes from {@code dcmdump +W}, which writes
 * OW values in host (little endian) byte order: for big endian files the 16-bit words are swapped
 * back to the stored order for BitsAllocated 16 and more, and left swapped for BitsAllocated 8 and
 * 1 (the word swap a reader does for OW, which the reference, DCMTK, does too).
 */
class NativePixelDataCorpusTest {

  private static final Set<String> NATIVE =
      Set.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2");

  @TempDir Path tmp;

  private static List<Row> nativeRows(Path shared) {
    return BasicCodecCorpus.rows(
        shared, r -> NATIVE.contains(r.transferSyntax()) && "ok".equals(r.status()));
  }

  /** Checks every frame of one file; returns its Dump. */
  private Dump checkFile(Path shared, String path, List<Row> rows, Path dir) throws Exception {
    Files.createDirectories(dir);
    Dump dump = BasicCodecCorpus.dump(shared.resolve("testdata").resolve(path), dir);
    byte[] value = Files.readAllBytes(dump.nativeValue());
    Row first = rows.get(0);
    boolean bigEndian = "1.2.840.10008.1.2.2".equals(first.transferSyntax());
    if (bigEndian && "OW".equals(dump.vr()) && first.bitsAllocated() >= 16) {
      value = BasicCodecCorpus.swapWords(value); // undo dcmdump's host byte order
    }
    FrameDescriptor d = first.descriptor(dump.planarConfiguration());
    int frames = rows.stream().mapToInt(Row::frame).max().orElseThrow();
    long needed = NativePixelData.pixelDataLengthBytes(d, frames);
    // at least the frames; some files pad (MR_small_padded.dcm has 128 extra bytes)
    assertTrue(value.length >= needed, path + " value length " + value.length + " vs " + needed);
    ByteBuffer direct = ByteBuffer.allocateDirect(value.length).put(value).position(0);
    for (Row r : rows) {
      int index = r.frame() - 1;
      byte[] frame = NativePixelData.extractFrame(value, index, d, bigEndian);
      long startBit = NativePixelData.frameStartBit(index, d);
      int start = (int) (startBit >>> 3);
      byte[] slice = Arrays.copyOfRange(value, start, value.length);
      assertArrayEquals(
          frame,
          NativePixelData.extractFrame(slice, 0, (int) (startBit & 7), d, bigEndian),
          path + " slice");
      assertArrayEquals(
          frame, NativePixelData.extractFrame(direct, index, d, bigEndian), path + " buffer");
      NativePixelData.maskAndSignExtend(frame, d);
      assertEquals(r.sha256(), BasicCodecCorpus.sha256(frame), path + " frame " + r.frame());
      assertEquals(
          r.photometricOutput(), NativePixelData.decodedPhotometricInterpretation(d), path);
    }
    return dump;
  }

  @TestFactory
  Stream<DynamicTest> reproducesReferenceHashOfEveryNativeFrame() {
    Path shared = BasicCodecCorpus.sharedOrSkip();
    Map<String, List<Row>> files = BasicCodecCorpus.byFile(nativeRows(shared));
    List<DynamicTest> tests = new ArrayList<>();
    int[] n = {0};
    files.forEach(
        (path, rows) ->
            tests.add(
                DynamicTest.dynamicTest(
                    path + " (" + rows.size() + " frames)",
                    () -> checkFile(shared, path, rows, tmp.resolve("f" + n[0]++)))));
    assertTrue(tests.size() > 100, "native files found: " + tests.size());
    return tests.stream();
  }

  private Dump check(String path) throws Exception {
    Path shared = BasicCodecCorpus.sharedOrSkip();
    List<Row> rows = BasicCodecCorpus.byFile(nativeRows(shared)).get(path);
    assertTrue(rows != null && !rows.isEmpty(), "no reference rows for " + path);
    return checkFile(shared, path, rows, tmp.resolve("one"));
  }

  @Test
  void decodesOneBitFramesNotStartingOnByteBoundaries() throws Exception {
    check("pydicom-data/liver_nonbyte_aligned.dcm");
    FrameDescriptor d = new FrameDescriptor(510, 510, 1, 1, 1, false, 0, "MONOCHROME2");
    assertNotEquals(0, NativePixelData.frameStartBit(1, d) % 8);
    check("highdicom/seg_image_sm_dots_tiled_full.dcm"); // 10 x 10 = 100 bits per frame
  }

  @Test
  void interleavesPlanarConfigurationOneFiles() throws Exception {
    assertEquals(1, check("pydicom-data/color-pl.dcm").planarConfiguration());
    assertEquals(1, check("pydicom/ExplVR_BigEnd.dcm").planarConfiguration());
  }

  @Test
  void expandsNativeYbrFull422() throws Exception {
    check("pydicom/SC_ybr_full_422_uncompressed.dcm");
  }

  @Test
  void decodesSigned16BitAnd32BitFilesInBothByteOrders() throws Exception {
    check("pydicom/MR_small.dcm");
    check("pydicom/MR_small_bigendian.dcm");
    check("pydicom/rtdose.dcm");
    check("pydicom/rtdose_expb.dcm");
    check("pydicom-data/SC_rgb_expb_32bit_2frame.dcm");
  }

  @Test
  void decodesEightBitOwBigEndianAfterTheCallersWordSwap() throws Exception {
    assertEquals("OW", check("pydicom-data/OBXXXX1A_expb_2frame.dcm").vr());
    check("pydicom/SC_rgb_small_odd_big_endian.dcm");
  }
}
