package org.highdicom4j.codec.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.FrameCodec;
import org.highdicom4j.codec.FrameCodecContractTest;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.UnsupportedTransferSyntaxException;
import org.highdicom4j.dicom.io.DicomStreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The JPEG lossless (process 14, selection value 1) encoder and decoder of {@link JpegCodec}. */
// The contract test's non-static @MethodSource needs one test instance per class.
class JpegLosslessCodecTest extends FrameCodecContractTest {

  private final JpegCodec codec = new JpegCodec();

  @Override
  protected FrameCodec codec() {
    return codec;
  }

  @Override
  protected String transferSyntaxUid() {
    return JpegCodec.JPEG_LOSSLESS_SV1;
  }

  @Override
  protected List<FrameDescriptor> roundTripDescriptors() {
    return List.of(
        new FrameDescriptor(16, 16, 1, 8, 8, false, 0, "MONOCHROME2"),
        new FrameDescriptor(17, 23, 1, 16, 12, false, 0, "MONOCHROME2"),
        new FrameDescriptor(32, 31, 1, 16, 16, false, 0, "MONOCHROME1"),
        new FrameDescriptor(9, 40, 1, 16, 16, true, 0, "MONOCHROME2"),
        new FrameDescriptor(13, 11, 1, 16, 12, true, 0, "MONOCHROME2"),
        new FrameDescriptor(21, 19, 3, 8, 8, false, 0, "RGB"),
        new FrameDescriptor(5, 7, 3, 16, 16, false, 0, "YBR_FULL"),
        new FrameDescriptor(1, 1, 1, 8, 8, false, 0, "MONOCHROME2"),
        new FrameDescriptor(3, 200, 1, 8, 6, true, 0, "MONOCHROME2"),
        new FrameDescriptor(7, 5, 1, 8, 1, false, 0, "MONOCHROME2"),
        new FrameDescriptor(12, 12, 1, 8, 8, false, 0, "PALETTE COLOR"));
  }

  private static byte[] frame16(int... values) {
    byte[] b = new byte[values.length * 2];
    for (int i = 0; i < values.length; i++) {
      b[2 * i] = (byte) values[i];
      b[2 * i + 1] = (byte) (values[i] >> 8);
    }
    return b;
  }

  @Test
  void roundTripsDifferencesOfCategory16() throws Exception {
    // Alternating 0 and 32768 makes every difference after the first 32768 (T.81 Table H.2,
    // SSSS = 16, coded without extra bits); 65535 next to 0 wraps modulo 2^16.
    FrameDescriptor d = new FrameDescriptor(4, 4, 1, 16, 16, false, 0, "MONOCHROME2");
    byte[] frame =
        frame16(0, 32768, 0, 32768, 32768, 0, 32768, 0, 65535, 0, 65535, 0, 1, 32769, 1, 32769);
    byte[] encoded = codec.encode(JpegCodec.JPEG_LOSSLESS_SV1, frame, d);
    assertArrayEquals(frame, codec.decode(JpegCodec.JPEG_LOSSLESS_SV1, encoded, d).data());
  }

  @Test
  void roundTripsExtremeSignedValues() throws Exception {
    FrameDescriptor d = new FrameDescriptor(2, 3, 1, 16, 16, true, 0, "MONOCHROME2");
    byte[] frame = frame16(-32768, 32767, -1, 0, -32768, 32767);
    byte[] encoded = codec.encode(JpegCodec.JPEG_LOSSLESS, frame, d);
    DecodedFrame decoded = codec.decode(JpegCodec.JPEG_LOSSLESS, encoded, d);
    assertArrayEquals(frame, decoded.data());
    assertEquals("MONOCHROME2", decoded.photometricInterpretation());
  }

  @Test
  void writesSelectionValue1AndPrecisionBitsStoredInTheHeaders() {
    FrameDescriptor d = new FrameDescriptor(3, 5, 1, 16, 12, false, 0, "MONOCHROME2");
    byte[] encoded = codec.encode(JpegCodec.JPEG_LOSSLESS_SV1, new byte[30], d);
    int sof = indexOf(encoded, 0xc3);
    assertEquals(12, encoded[sof + 4], "P");
    assertEquals(3, ((encoded[sof + 5] & 0xff) << 8) | (encoded[sof + 6] & 0xff), "Y");
    assertEquals(5, ((encoded[sof + 7] & 0xff) << 8) | (encoded[sof + 8] & 0xff), "X");
    int sos = indexOf(encoded, 0xda);
    assertEquals(1, encoded[sos + 7], "Ss (predictor)");
    assertEquals(0, encoded[sos + 9], "Ah/Al (point transform)");
  }

  static int indexOf(byte[] data, int marker) {
    for (int i = 0; i + 1 < data.length; i++) {
      if ((data[i] & 0xff) == 0xff && (data[i + 1] & 0xff) == marker) {
        return i;
      }
    }
    throw new AssertionError("marker not found: " + Integer.toHexString(marker));
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5, 16, 17, 100})
  void decodesRestartIntervals(int interval) throws Exception {
    FrameDescriptor d = new FrameDescriptor(10, 16, 3, 16, 16, false, 0, "RGB");
    byte[] frame = randomFrame(d, interval);
    byte[] encoded = LosslessEncoder.encode(frame, d, interval);
    assertTrue(indexOf(encoded, 0xd0) > 0, "has RST0");
    assertArrayEquals(frame, codec.decode(JpegCodec.JPEG_LOSSLESS, encoded, d).data());
  }

  @Test
  void decodedValuesAreReducedToBitsStoredAndSignExtended() throws Exception {
    // A 16-bit codestream decoded for BitsStored 12 keeps the low 12 bits (like the reference for
    // bad_sequence.dcm); with Pixel Representation 1 they are sign-extended.
    FrameDescriptor coded = new FrameDescriptor(1, 3, 1, 16, 16, false, 0, "MONOCHROME2");
    byte[] encoded = codec.encode(JpegCodec.JPEG_LOSSLESS, frame16(0x1fff, 0xf800, 0x07ff), coded);
    FrameDescriptor unsigned12 = new FrameDescriptor(1, 3, 1, 16, 12, false, 0, "MONOCHROME2");
    assertArrayEquals(
        frame16(0x0fff, 0x0800, 0x07ff),
        codec.decode(JpegCodec.JPEG_LOSSLESS, encoded, unsigned12).data());
    FrameDescriptor signed12 = new FrameDescriptor(1, 3, 1, 16, 12, true, 0, "MONOCHROME2");
    assertArrayEquals(
        frame16(-1, -2048, 2047), codec.decode(JpegCodec.JPEG_LOSSLESS, encoded, signed12).data());
  }

  @Test
  void canEncodeIsExact() {
    String sv1 = JpegCodec.JPEG_LOSSLESS_SV1;
    assertTrue(codec.canEncode(sv1, new FrameDescriptor(2, 2, 1, 16, 16, true, 0, "MONOCHROME2")));
    assertTrue(
        codec.canEncode(
            JpegCodec.JPEG_LOSSLESS, new FrameDescriptor(2, 2, 3, 8, 8, false, 1, "RGB")));
    assertFalse(
        codec.canEncode(sv1, new FrameDescriptor(2, 2, 1, 32, 32, false, 0, "MONOCHROME2")));
    assertFalse(codec.canEncode(sv1, new FrameDescriptor(2, 2, 1, 1, 1, false, 0, "MONOCHROME2")));
    assertFalse(codec.canEncode(sv1, new FrameDescriptor(2, 2, 4, 8, 8, false, 0, "ARGB")));
    assertFalse(codec.canEncode(sv1, new FrameDescriptor(2, 2, 3, 8, 8, false, 0, "YBR_FULL_422")));
    assertFalse(codec.canEncode(sv1, new FrameDescriptor(2, 2, 1, 8, 8, false, 0, "RGB")));
    assertFalse(
        codec.canEncode(
            JpegCodec.JPEG_EXTENDED, new FrameDescriptor(2, 2, 1, 8, 8, false, 0, "MONOCHROME2")));
    assertFalse(
        codec.canEncode(
            "1.2.840.10008.1.2.1", new FrameDescriptor(2, 2, 1, 8, 8, false, 0, "MONOCHROME2")));
  }

  @Test
  void refusesToEncodeWhatCanEncodeRejects() {
    FrameDescriptor d = new FrameDescriptor(2, 2, 1, 32, 32, false, 0, "MONOCHROME2");
    assertThrows(
        UnsupportedTransferSyntaxException.class,
        () -> codec.encode(JpegCodec.JPEG_LOSSLESS, new byte[16], d));
  }

  @Test
  void rejectsFrameHeaderThatDisagreesWithTheDescriptor() {
    FrameDescriptor d = new FrameDescriptor(4, 6, 1, 16, 16, false, 0, "MONOCHROME2");
    byte[] encoded = codec.encode(JpegCodec.JPEG_LOSSLESS, new byte[48], d);
    assertMessage(
        encoded, new FrameDescriptor(5, 6, 1, 16, 16, false, 0, "MONOCHROME2"), "Rows (0028,0010)");
    assertMessage(
        encoded,
        new FrameDescriptor(4, 7, 1, 16, 16, false, 0, "MONOCHROME2"),
        "Columns (0028,0011)");
    assertMessage(
        encoded,
        new FrameDescriptor(4, 6, 3, 16, 16, false, 0, "RGB"),
        "SamplesPerPixel (0028,0002)");
    assertMessage(
        encoded,
        new FrameDescriptor(4, 6, 1, 8, 8, false, 0, "MONOCHROME2"),
        "BitsAllocated (0028,0100)");
  }

  private void assertMessage(byte[] encoded, FrameDescriptor d, String fragment) {
    DicomStreamException e =
        assertThrows(
            DicomStreamException.class, () -> codec.decode(JpegCodec.JPEG_LOSSLESS, encoded, d));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
