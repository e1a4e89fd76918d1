package org.highdicom4j.codec.deflate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
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

class DeflateFrameCodecTest extends FrameCodecContractTest {

  private static final String TS = DeflateFrameCodec.DEFLATED_IMAGE_FRAME_COMPRESSION;
  private final DeflateFrameCodec codec = new DeflateFrameCodec();

  @Override
  protected FrameCodec codec() {
    return codec;
  }

  @Override
  protected String transferSyntaxUid() {
    return TS;
  }

  @Override
  protected List<FrameDescriptor> roundTripDescriptors() {
    return List.of(
        d(13, 21, 1, 8, 8, false, 0),
        d(7, 9, 1, 1, 1, false, 0),
        d(13, 21, 3, 8, 8, false, 0),
        d(13, 21, 3, 8, 8, false, 1),
        d(12, 30, 1, 16, 12, true, 0),
        d(12, 30, 1, 16, 16, false, 0),
        d(9, 11, 1, 32, 32, false, 0),
        d(9, 11, 3, 16, 16, false, 1),
        d(9, 11, 1, 64, 64, true, 0));
  }

  private static FrameDescriptor d(
      int rows, int cols, int spp, int ba, int bs, boolean signed, int planar) {
    return new FrameDescriptor(
        rows, cols, spp, ba, bs, signed, planar, spp == 3 ? "RGB" : "MONOCHROME2");
  }

  private static byte[] rawDeflate(byte[] data) {
    Deflater deflater = new Deflater(9, true);
    deflater.setInput(data);
    deflater.finish();
    byte[] buf = new byte[data.length + 1024];
    int n = deflater.deflate(buf);
    deflater.end();
    return Arrays.copyOf(buf, n);
  }

  private static byte[] rawInflate(byte[] data, int length) throws Exception {
    Inflater inflater = new Inflater(true);
    inflater.setInput(data);
    byte[] out = new byte[length + 16];
    int n = inflater.inflate(out);
    assertTrue(inflater.finished());
    inflater.end();
    return Arrays.copyOf(out, n);
  }

  @Test
  void decodesOneBitFramesPackedLeastSignificantBitFirst() throws Exception {
    // 2 x 5 pixels = 10 bits -> 2 bytes: 0x81 = pixels 0 and 7, 0x02 = pixel 9
    FrameDescriptor d = d(2, 5, 1, 1, 1, false, 0);
    DecodedFrame f = codec.decode(TS, rawDeflate(new byte[] {(byte) 0x81, 0x02}), d);
    assertArrayEquals(new byte[] {1, 0, 0, 0, 0, 0, 0, 1, 0, 1}, f.data());
  }

  @Test
  void encodesPlanarConfigurationOneFramesPlanar() throws Exception {
    FrameDescriptor d = d(1, 2, 3, 8, 8, false, 1);
    byte[] interleaved = {1, 2, 3, 4, 5, 6};
    assertArrayEquals(
        new byte[] {1, 4, 2, 5, 3, 6}, rawInflate(codec.encode(TS, interleaved, d), 6));
    assertArrayEquals(
        interleaved, codec.decode(TS, rawDeflate(new byte[] {1, 4, 2, 5, 3, 6}), d).data());
  }

  @Test
  void encodesSixteenBitFramesLittleEndian() throws Exception {
    FrameDescriptor d = d(1, 2, 1, 16, 16, false, 0);
    byte[] frame = {0x34, 0x12, 0x78, 0x56};
    assertArrayEquals(frame, rawInflate(codec.encode(TS, frame, d), 4));
  }

  @Test
  void failsOnAStreamThatInflatesToMoreThanTheFrame() {
    FrameDescriptor d = d(64, 64, 1, 8, 8, false, 0);
    byte[] bomb = rawDeflate(new byte[1024 * 1024]);
    DicomStreamException e =
        assertThrows(DicomStreamException.class, () -> codec.decode(TS, bomb, d));
    assertTrue(e.getMessage().contains("inflates to more than the frame"), e.getMessage());
    assertTrue(e.getMessage().contains("expected 4096"), e.getMessage());
  }

  @Test
  void failsOnAStreamThatInflatesToTooFewBytes() {
    FrameDescriptor d = d(64, 64, 1, 8, 8, false, 0);
    byte[] shortStream = rawDeflate(new byte[4095]);
    DicomStreamException e =
        assertThrows(DicomStreamException.class, () -> codec.decode(TS, shortStream, d));
    assertTrue(e.getMessage().contains("too few bytes (expected 4096): 4095"), e.getMessage());
  }

  @Test
  void failsOnCorruptOrTruncatedStreams() {
    FrameDescriptor d = d(4, 4, 1, 8, 8, false, 0);
    byte[] corrupt = {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF};
    DicomStreamException e =
        assertThrows(DicomStreamException.class, () -> codec.decode(TS, corrupt, d));
    assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    assertThrows(DicomStreamException.class, () -> codec.decode(TS, new byte[0], d));
    // all 16 bytes present but the end of the stream missing
    byte[] full = rawDeflate(new byte[16]);
    Deflater deflater = new Deflater(9, true);
    deflater.setInput(new byte[16]);
    byte[] buf = new byte[64];
    int n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
    deflater.end();
    byte[] unterminated = Arrays.copyOf(buf, n);
    DicomStreamException noEnd =
        assertThrows(DicomStreamException.class, () -> codec.decode(TS, unterminated, d));
    assertTrue(noEnd.getMessage().contains("no end of stream"), noEnd.getMessage());
    assertEquals(16, assertDoesNotThrow(() -> codec.decode(TS, full, d)).data().length);
  }

  @Test
  void toleratesAPaddingByteAfterTheStream() throws Exception {
    FrameDescriptor d = d(2, 3, 1, 8, 8, false, 0);
    byte[] frame = {1, 2, 3, 4, 5, 6};
    byte[] encoded = codec.encode(TS, frame, d);
    byte[] padded = Arrays.copyOf(encoded, encoded.length + 1);
    assertArrayEquals(frame, codec.decode(TS, padded, d).data());
  }

  @Test
  void decodesNativeYbrFull422ButDoesNotEncodeIt() throws Exception {
    FrameDescriptor d = new FrameDescriptor(1, 2, 3, 8, 8, false, 0, "YBR_FULL_422");
    DecodedFrame f = codec.decode(TS, rawDeflate(new byte[] {10, 11, 100, (byte) 200}), d);
    assertArrayEquals(new byte[] {10, 100, (byte) 200, 11, 100, (byte) 200}, f.data());
    assertEquals("YBR_FULL", f.photometricInterpretation());
    assertFalse(codec.canEncode(TS, d));
    assertThrows(UnsupportedTransferSyntaxException.class, () -> codec.encode(TS, new byte[6], d));
    assertThrows(
        UnsupportedTransferSyntaxException.class,
        () -> codec.decode("1.2.840.10008.1.2.5", new byte[6], d(1, 1, 1, 8, 8, false, 0)));
  }

  @TestFactory
  Stream<DynamicTest> reproducesReferenceHashOfEveryDeflatedFrame() {
    return BasicCodecCorpus.testsPerFile(
        r -> TS.equals(r.transferSyntax()), 2, DeflateFrameCodecTest::checkFile);
  }

  private static void checkFile(Path file, List<Row> rows) throws Exception {
    FrameFragments frames = BasicCodecCorpus.oneFragmentPerFrame(file, rows);
    FrameDescriptor d = frames.descriptor();
    List<DecodedFrame> decoded = CodecRegistry.getDefault().decodeAll(TS, frames.fragments(), d);
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      byte[] values = decoded.get(i).data().clone();
      NativePixelData.maskAndSignExtend(values, d);
      assertEquals(r.sha256(), CorpusFrames.sha256(values), file + " frame " + r.frame());
    }
  }
}
