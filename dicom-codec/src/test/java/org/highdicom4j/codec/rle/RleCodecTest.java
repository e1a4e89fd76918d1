package org.highdicom4j.codec.rle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.highdicom4j.codec.CodecRegistry;
import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.FrameCodec;
import org.highdicom4j.codec.FrameCodecContractTest;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.UnsupportedTransferSyntaxException;
import org.highdicom4j.codec.testing.CorpusFrames;
import org.highdicom4j.codec.uncompressed.BasicCodecCorpus;
import org.highdicom4j.codec.uncompressed.BasicCodecCorpus.FrameFragments;
import org.highdicom4j.codec.uncompressed.BasicCodecCorpus.Row;
import org.highdicom4j.codec.uncompressed.NativePixelData;
import org.highdicom4j.dicom.io.DicomStreamException;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class RleCodecTest extends FrameCodecContractTest {

  private static final String RLE = RleCodec.RLE_LOSSLESS;
  private final RleCodec codec = new RleCodec();

  @Override
  protected FrameCodec codec() {
    return codec;
  }

  @Override
  protected String transferSyntaxUid() {
    return RLE;
  }

  @Override
  protected List<FrameDescriptor> roundTripDescriptors() {
    return List.of(
        d(13, 21, 1, 8, 8, false),
        d(7, 9, 1, 1, 1, false),
        d(16, 16, 1, 1, 1, false),
        d(13, 21, 3, 8, 8, false),
        d(12, 300, 1, 16, 12, true),
        d(12, 300, 1, 16, 16, true),
        d(12, 30, 1, 16, 16, false),
        d(5, 7, 3, 16, 16, false),
        d(9, 11, 1, 32, 32, false),
        d(9, 11, 3, 32, 32, true),
        d(9, 11, 1, 64, 64, true));
  }

  private static FrameDescriptor d(int rows, int cols, int spp, int ba, int bs, boolean signed) {
    return new FrameDescriptor(
        rows, cols, spp, ba, bs, signed, 0, spp == 3 ? "RGB" : "MONOCHROME2");
  }

  private static byte[] bytes(int... v) {
    byte[] b = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = (byte) v[i];
    }
    return b;
  }

  /** An RLE frame: the header for the given segments followed by them. */
  static byte[] rleFrame(byte[]... segments) {
    int length = 64;
    for (byte[] s : segments) {
      length += s.length;
    }
    byte[] out = new byte[length];
    out[0] = (byte) segments.length;
    int offset = 64;
    for (int i = 0; i < segments.length; i++) {
      out[4 + 4 * i] = (byte) offset;
      out[5 + 4 * i] = (byte) (offset >>> 8);
      System.arraycopy(segments[i], 0, out, offset, segments[i].length);
      offset += segments[i].length;
    }
    return out;
  }

  @Test
  void decodesThePackBitsExampleOfAppleTechnicalNote1023() throws Exception {
    // PS3.5 G.3 PackBits is the TIFF/Apple scheme; TN1023 gives this packed/unpacked pair.
    byte[] packed =
        bytes(
            0xFE, 0xAA, 0x02, 0x80, 0x00, 0x2A, 0xFD, 0xAA, 0x03, 0x80, 0x00, 0x2A, 0x22, 0xF7,
            0xAA);
    byte[] expected =
        bytes(
            0xAA, 0xAA, 0xAA, 0x80, 0x00, 0x2A, 0xAA, 0xAA, 0xAA, 0xAA, 0x80, 0x00, 0x2A, 0x22,
            0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA, 0xAA);
    DecodedFrame f = codec.decode(RLE, rleFrame(packed), d(1, 24, 1, 8, 8, false));
    assertArrayEquals(expected, f.data());
    assertEquals("MONOCHROME2", f.photometricInterpretation());
  }

  @Test
  void decodesMostSignificantByteSegmentFirst() throws Exception {
    // G.2: segment 1 holds the high bytes, segment 2 the low bytes; 0x0102, 0x0304.
    byte[] frame = rleFrame(bytes(0x01, 0x01, 0x03), bytes(0x01, 0x02, 0x04));
    assertArrayEquals(
        bytes(0x02, 0x01, 0x04, 0x03), codec.decode(RLE, frame, d(1, 2, 1, 16, 16, false)).data());
  }

  @Test
  void decodesRgbSegmentsAsRedGreenBlue() throws Exception {
    byte[] frame = rleFrame(bytes(0xFF, 10), bytes(0xFF, 20), bytes(0x01, 30, 31));
    assertArrayEquals(
        bytes(10, 20, 30, 10, 20, 31), codec.decode(RLE, frame, d(1, 2, 3, 8, 8, false)).data());
  }

  @Test
  void toleratesNoOpHeaderOddPaddingAndSurplusOutput() throws Exception {
    FrameDescriptor d = d(1, 5, 1, 8, 8, false);
    // -128 no-op between runs, then a padding byte 0x00 after the last run
    byte[] frame = rleFrame(bytes(0x01, 1, 2, 0x80, 0xFE, 7, 0x00));
    assertArrayEquals(bytes(1, 2, 7, 7, 7), codec.decode(RLE, frame, d).data());
    // a last replicate run longer than needed
    byte[] surplus = rleFrame(bytes(0x01, 1, 2, 0xF0, 7));
    assertArrayEquals(bytes(1, 2, 7, 7, 7), codec.decode(RLE, surplus, d).data());
  }

  @Test
  void decodesOneBitFramesAsPackedBitsLeastSignificantFirst() throws Exception {
    // 3 x 4 = 12 pixels, 2 bytes of packed bits: 0x81 -> pixels 0 and 7; 0x0A -> pixels 9, 11
    byte[] frame = rleFrame(bytes(0x01, 0x81, 0x0A));
    assertArrayEquals(
        bytes(1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1),
        codec.decode(RLE, frame, d(3, 4, 1, 1, 1, false)).data());
  }

  @Test
  void rejectsWrongSegmentCount() {
    byte[] frame = rleFrame(bytes(0x00, 1), bytes(0x00, 2));
    DicomStreamException e =
        assertThrows(
            DicomStreamException.class, () -> codec.decode(RLE, frame, d(1, 1, 1, 8, 8, false)));
    assertTrue(e.getMessage().contains("segments (expected 1"), e.getMessage());
    assertTrue(e.getMessage().endsWith(": 2 at byte offset 0"), e.getMessage());
  }

  @Test
  void rejectsSegmentOffsetOutOfRange() {
    byte[] frame = rleFrame(bytes(0x00, 1), bytes(0x00, 2));
    frame[8] = (byte) 0xF0; // segment 2 offset 0xF0 > length 68
    DicomStreamException e =
        assertThrows(
            DicomStreamException.class, () -> codec.decode(RLE, frame, d(1, 1, 1, 16, 16, false)));
    assertTrue(e.getMessage().contains("segment 2 offset out of range"), e.getMessage());
    assertEquals(8, e.offset());
    assertEquals(0x7FE00010L, e.tag());
    byte[] backwards = rleFrame(bytes(0x00, 1), bytes(0x00, 2));
    backwards[8] = 63;
    assertThrows(
        DicomStreamException.class, () -> codec.decode(RLE, backwards, d(1, 1, 1, 16, 16, false)));
    assertThrows(
        DicomStreamException.class, () -> codec.decode(RLE, new byte[63], d(1, 1, 1, 8, 8, false)));
  }

  @Test
  void rejectsSegmentThatEndsTooEarly() {
    byte[] frame = rleFrame(bytes(0xFE, 9), bytes(0xFF, 1));
    DicomStreamException e =
        assertThrows(
            DicomStreamException.class, () -> codec.decode(RLE, frame, d(1, 4, 1, 16, 16, false)));
    assertTrue(e.getMessage().contains("segment 1 ends too early"), e.getMessage());
    assertTrue(e.getMessage().contains(": 3 at byte offset 66"), e.getMessage());
  }

  @Test
  void rejectsRunsThatOverrunTheSegment() {
    DicomStreamException literal =
        assertThrows(
            DicomStreamException.class,
            () -> codec.decode(RLE, rleFrame(bytes(0x05, 1, 2)), d(1, 6, 1, 8, 8, false)));
    assertTrue(literal.getMessage().contains("segment 1 literal run overruns"));
    assertEquals(64, literal.offset());
    DicomStreamException replicate =
        assertThrows(
            DicomStreamException.class,
            () -> codec.decode(RLE, rleFrame(bytes(0x00, 1, 0xFE)), d(1, 6, 1, 8, 8, false)));
    assertTrue(replicate.getMessage().contains("replicate run overruns"));
  }

  @Test
  void declinesDescriptorsBeyondFifteenSegmentsOrOtherSyntaxes() {
    FrameDescriptor rgb64 = d(2, 2, 3, 64, 64, false);
    assertFalse(codec.canDecode(RLE, rgb64));
    assertFalse(codec.canDecode(RLE, d(2, 2, 4, 8, 8, false)));
    assertFalse(codec.canDecode("1.2.840.10008.1.2.1", d(2, 2, 1, 8, 8, false)));
    UnsupportedTransferSyntaxException e =
        assertThrows(
            UnsupportedTransferSyntaxException.class, () -> codec.encode(RLE, new byte[96], rgb64));
    assertTrue(e.getMessage().contains(RLE));
  }

  @Test
  void encodesLikeTheStandardsRunLimits() {
    // 512 zero bytes per row -> four replicate runs of 128 (header 0x81 = -127, value 0) per row
    FrameDescriptor d = d(2, 512, 1, 8, 8, false);
    byte[] encoded = codec.encode(RLE, new byte[1024], d);
    assertEquals(64 + 2 * 8, encoded.length);
    assertEquals(1, encoded[0]);
    assertEquals(64, encoded[4]);
    for (int i = 64; i < encoded.length; i += 2) {
      assertEquals((byte) 0x81, encoded[i]);
      assertEquals(0, encoded[i + 1]);
    }
    // 4 distinct bytes -> one literal run "03 a b c d", padded to even length with 0x00
    byte[] literal = codec.encode(RLE, bytes(5, 6, 7, 8), d(1, 4, 1, 8, 8, false));
    assertArrayEquals(bytes(0x03, 5, 6, 7, 8, 0), java.util.Arrays.copyOfRange(literal, 64, 70));
    assertEquals(70, literal.length);
  }

  /** The frame of the pydicom fixtures (see src/test/resources/.../rle/README.md). */
  static byte[] pydicomFrame(int samples, int bytesPerSample) {
    int n = 5 * 300;
    byte[] out = new byte[n * samples * bytesPerSample];
    int o = 0;
    for (int i = 0; i < n; i++) {
      for (int s = 0; s < samples; s++) {
        int m = i % 400;
        long v;
        if (m < 260) {
          v = ((i / 129) * 37L + s) % 65536;
        } else if (m < 300) {
          v = (i / 2) % 65536;
        } else {
          v = (i * 7919L + s * 104729L) % 65536;
        }
        for (int b = 0; b < bytesPerSample; b++) {
          out[o++] = (byte) (v >>> (8 * b));
        }
      }
    }
    return out;
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = RleCodecTest.class.getResourceAsStream(name)) {
      return in.readAllBytes();
    }
  }

  @Test
  void encodesByteForByteLikePydicom() throws Exception {
    FrameDescriptor rgb16 = d(5, 300, 3, 16, 16, false);
    byte[] frame = pydicomFrame(3, 2);
    byte[] expected = resource("pydicom-rgb16-5x300.rle");
    assertArrayEquals(expected, codec.encode(RLE, frame, rgb16));
    assertArrayEquals(frame, codec.decode(RLE, expected, rgb16).data());
    FrameDescriptor mono8 = d(5, 300, 1, 8, 8, false);
    assertArrayEquals(
        resource("pydicom-mono8-5x300.rle"), codec.encode(RLE, pydicomFrame(1, 1), mono8));
  }

  @TestFactory
  Stream<DynamicTest> reproducesReferenceHashOfEveryRleFrame() {
    return BasicCodecCorpus.testsPerFile(
        r -> RLE.equals(r.transferSyntax()), 13, RleCodecTest::checkFile);
  }

  private static void checkFile(Path file, List<Row> rows) throws Exception {
    FrameFragments frames = BasicCodecCorpus.oneFragmentPerFrame(file, rows);
    FrameDescriptor d = frames.descriptor();
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      assertEquals("exact", r.compare());
      byte[] fragment = frames.fragments().get(i);
      DecodedFrame decoded = CodecRegistry.getDefault().decode(RLE, fragment, d);
      byte[] values = decoded.data().clone();
      NativePixelData.maskAndSignExtend(values, d);
      assertEquals(r.sha256(), CorpusFrames.sha256(values), file + " frame " + r.frame());
      assertEquals(r.photometricOutput(), decoded.photometricInterpretation());
      byte[] again = new RleCodec().encode(RLE, decoded.data(), d);
      assertArrayEquals(decoded.data(), new RleCodec().decode(RLE, again, d).data());
    }
  }

  @Test
  void rejectsAFrameLargerThanItsSegmentsCanHoldBeforeAllocatingIt() throws IOException {
    FrameDescriptor small = d(4, 4, 1, 8, 8, false);
    byte[] encoded = codec.encode(RLE, new byte[16], small);
    // PackBits gives at most 128 bytes per 2 encoded ones, so a few bytes cannot fill the 1.6 GB
    // that corrupt Rows and Columns claim.
    FrameDescriptor huge = d(40000, 40000, 1, 8, 8, false);
    DicomStreamException e =
        assertThrows(DicomStreamException.class, () -> codec.decode(RLE, encoded, huge));
    assertTrue(e.getMessage().contains("too short for the frame"), e.getMessage());
  }
}
