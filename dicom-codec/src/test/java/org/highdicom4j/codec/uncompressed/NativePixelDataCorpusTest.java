package org.highdicom4j.codec.uncompressed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.testing.CorpusFrames;
import org.highdicom4j.codec.testing.CorpusFrames.StoredPixelData;
import org.highdicom4j.codec.uncompressed.BasicCodecCorpus.Row;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Checks {@link NativePixelData} against every native (1.2.840.10008.1.2, .1.2.1, .1.2.2) frame of
 * ../shared/reference/pixels.tsv. The Pixel Data value is taken from the file as stored (through
 * {@link CorpusFrames}, without the reader's byte swapping); for big endian OW values with
 * BitsAllocated 8 and 1 the 16-bit words are swapped, the word swap a reader does for OW, which the
 * reference, DCMTK, does too.
 */
class NativePixelDataCorpusTest {

  private static final Set<String> NATIVE =
      Set.of("1.2.840.10008.1.2", "1.2.840.10008.1.2.1", "1.2.840.10008.1.2.2");

  private static boolean isNative(Row r) {
    return NATIVE.contains(r.transferSyntax()) && "ok".equals(r.status());
  }

  /** Checks every frame of one file; returns its stored Pixel Data. */
  private static StoredPixelData checkFile(Path path, List<Row> rows) throws Exception {
    StoredPixelData stored = CorpusFrames.storedPixelData(path);
    byte[] value = stored.stored();
    Row first = rows.get(0);
    boolean bigEndian = "1.2.840.10008.1.2.2".equals(first.transferSyntax());
    if (bigEndian && "OW".equals(stored.vr()) && first.bitsAllocated() < 16) {
      value = BasicCodecCorpus.swapWords(value); // the reader's word swap of OW values
    }
    FrameDescriptor d = first.descriptor(stored.planarConfiguration());
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
      assertEquals(r.sha256(), CorpusFrames.sha256(frame), path + " frame " + r.frame());
      assertEquals(
          r.photometricOutput(),
          NativePixelData.decodedPhotometricInterpretation(d),
          path.toString());
    }
    return stored;
  }

  @TestFactory
  Stream<DynamicTest> reproducesReferenceHashOfEveryNativeFrame() {
    return BasicCodecCorpus.testsPerFile(
        NativePixelDataCorpusTest::isNative, 101, NativePixelDataCorpusTest::checkFile);
  }

  private static StoredPixelData check(String path) throws Exception {
    Path shared = BasicCodecCorpus.sharedOrSkip();
    List<Row> rows =
        BasicCodecCorpus.byFile(BasicCodecCorpus.rows(shared, NativePixelDataCorpusTest::isNative))
            .get(path);
    assertTrue(rows != null && !rows.isEmpty(), "no reference rows for " + path);
    return checkFile(shared.resolve("testdata").resolve(path), rows);
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
