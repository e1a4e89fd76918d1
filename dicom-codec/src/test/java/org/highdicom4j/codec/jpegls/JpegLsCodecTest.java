package org.highdicom4j.codec.jpegls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.FrameCodec;
import org.highdicom4j.codec.FrameCodecContractTest;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.UnsupportedTransferSyntaxException;
import org.highdicom4j.dicom.io.DicomStreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JpegLsCodecTest extends FrameCodecContractTest {
  private static final String LOSSLESS = JpegLsCodec.JPEG_LS_LOSSLESS;
  private static final String NEAR_LOSSLESS = JpegLsCodec.JPEG_LS_NEAR_LOSSLESS;

  static FrameDescriptor mono(int rows, int columns, int allocated, int stored, boolean signed) {
    return new FrameDescriptor(rows, columns, 1, allocated, stored, signed, 0, "MONOCHROME2");
  }

  static FrameDescriptor rgb(int rows, int columns, int allocated, int stored) {
    return new FrameDescriptor(rows, columns, 3, allocated, stored, false, 0, "RGB");
  }

  @Override
  protected FrameCodec codec() {
    return new JpegLsCodec();
  }

  @Override
  protected String transferSyntaxUid() {
    return LOSSLESS;
  }

  @Override
  protected List<FrameDescriptor> roundTripDescriptors() {
    return List.of(
        mono(37, 41, 8, 8, false),
        rgb(23, 19, 8, 8),
        mono(31, 29, 16, 12, false),
        mono(33, 35, 16, 16, false),
        mono(17, 64, 16, 16, true),
        mono(21, 18, 16, 15, true),
        mono(1, 1, 8, 8, false),
        mono(3, 5, 16, 16, false),
        mono(257, 3, 8, 8, false),
        mono(3, 257, 16, 10, true),
        mono(9, 11, 8, 2, false),
        mono(9, 11, 8, 7, true),
        rgb(5, 7, 16, 16),
        new FrameDescriptor(6, 6, 4, 8, 8, false, 0, "ARGB"),
        new FrameDescriptor(4, 5, 2, 16, 13, false, 0, "MONOCHROME2"));
  }

  /** A smooth, partly flat image: exercises run mode and the bias correction. */
  static byte[] smoothFrame(FrameDescriptor d) {
    int spp = d.samplesPerPixel();
    int bps = d.bytesPerSample();
    int max = (1 << d.bitsStored()) - 1;
    byte[] f = new byte[(int) d.decodedLength()];
    for (int y = 0; y < d.rows(); y++) {
      for (int x = 0; x < d.columns(); x++) {
        for (int c = 0; c < spp; c++) {
          int v;
          if (x < d.columns() / 3) {
            v = max / 3; // flat block: runs
          } else {
            double s = Math.sin(x * 0.07 + c) * Math.cos(y * 0.05) * 0.5 + 0.5;
            v = (int) Math.round(s * max);
          }
          int o = ((y * d.columns() + x) * spp + c) * bps;
          f[o] = (byte) v;
          if (bps == 2) {
            f[o + 1] = (byte) (v >> 8);
          }
        }
      }
    }
    return f;
  }

  static int sample(byte[] f, int i, FrameDescriptor d) {
    if (d.bytesPerSample() == 1) {
      return d.signed() ? f[i] : f[i] & 0xff;
    }
    int v = (f[2 * i] & 0xff) | ((f[2 * i + 1] & 0xff) << 8);
    return d.signed() ? (short) v : v;
  }

  @Test
  void roundTripsSmoothFramesLosslesslyAndCompressesThem() throws Exception {
    for (FrameDescriptor d :
        List.of(mono(64, 80, 8, 8, false), mono(50, 70, 16, 16, false), rgb(40, 30, 8, 8))) {
      byte[] frame = smoothFrame(d);
      byte[] encoded = codec().encode(LOSSLESS, frame, d);
      assertTrue(encoded.length < frame.length / 2, "compressed size " + encoded.length);
      assertArrayEquals(frame, codec().decode(LOSSLESS, encoded, d).data());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 7, 20})
  void nearLosslessKeepsEverySampleWithinNear(int near) throws Exception {
    JpegLsCodec codec = new JpegLsCodec(near);
    for (FrameDescriptor d :
        List.of(
            mono(40, 33, 8, 8, false),
            mono(31, 45, 16, 12, false),
            mono(25, 27, 16, 16, false),
            rgb(21, 22, 8, 8))) {
      for (byte[] frame : List.of(smoothFrame(d), randomFrame(d, near * 7L + d.rows()))) {
        byte[] encoded = codec.encode(NEAR_LOSSLESS, frame, d);
        byte[] decoded = codec.decode(NEAR_LOSSLESS, encoded, d).data();
        int n = d.pixelCount() * d.samplesPerPixel();
        int maxDiff = 0;
        for (int i = 0; i < n; i++) {
          maxDiff = Math.max(maxDiff, Math.abs(sample(decoded, i, d) - sample(frame, i, d)));
        }
        assertTrue(maxDiff <= near, d + " NEAR " + near + ": max difference " + maxDiff);
      }
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 3, 7, 16})
  void decodesRestartIntervalsWithContextReset(int interval) throws Exception {
    for (FrameDescriptor d : List.of(mono(37, 41, 8, 8, false), rgb(23, 19, 16, 12))) {
      byte[] frame = randomFrame(d, interval);
      byte[] encoded = JpegLsEncoder.encode(frame, d, 0, interval);
      byte[] plain = JpegLsEncoder.encode(frame, d, 0);
      assertTrue(encoded.length > plain.length, "restart markers add bytes");
      assertArrayEquals(frame, codec().decode(LOSSLESS, encoded, d).data());
    }
  }

  @Test
  void rejectsMissingRestartMarker() {
    FrameDescriptor d = mono(20, 20, 8, 8, false);
    byte[] encoded = JpegLsEncoder.encode(randomFrame(d, 5), d, 0, 4);
    byte[] broken = encoded.clone();
    for (int i = 0; i < broken.length - 1; i++) {
      if (broken[i] == (byte) 0xff && broken[i + 1] == (byte) 0xd1) {
        broken[i + 1] = (byte) 0xd5; // RST5 where RST1 is due
      }
    }
    DicomStreamException e =
        assertThrows(DicomStreamException.class, () -> codec().decode(LOSSLESS, broken, d));
    assertTrue(e.getMessage().contains("restart marker"), e.getMessage());
  }

  /** Decodes with a descriptor that disagrees with the encoded one. */
  private static DicomStreamException mismatch(FrameDescriptor encodedAs, FrameDescriptor readAs) {
    byte[] encoded = new JpegLsCodec().encode(LOSSLESS, randomFrame(encodedAs, 3), encodedAs);
    return assertThrows(
        DicomStreamException.class, () -> new JpegLsCodec().decode(LOSSLESS, encoded, readAs));
  }

  @Test
  void namesTheDescriptorFieldThatDisagreesWithTheFrameHeader() {
    FrameDescriptor d = mono(10, 12, 16, 12, false);
    assertTrue(
        mismatch(d, mono(11, 12, 16, 12, false))
            .getMessage()
            .startsWith(
                "Rows (0028,0010) disagrees with the JPEG-LS frame header field Y"
                    + " (expected 11): 10"));
    assertTrue(
        mismatch(d, mono(10, 13, 16, 12, false)).getMessage().startsWith("Columns (0028,0011)"));
    assertTrue(mismatch(d, rgb(10, 12, 16, 12)).getMessage().startsWith("SamplesPerPixel"));
    assertTrue(
        mismatch(d, mono(10, 12, 8, 8, false))
            .getMessage()
            .startsWith("BitsAllocated (0028,0100) cannot hold the JPEG-LS sample precision"));
  }

  @Test
  void rejectsStreamsThatAreNotJpegLs() {
    FrameDescriptor d = mono(4, 4, 8, 8, false);
    byte[] baseline = {
      (byte) 0xff,
      (byte) 0xd8,
      (byte) 0xff,
      (byte) 0xc0,
      0,
      11,
      8,
      0,
      4,
      0,
      4,
      1,
      1,
      0x11,
      0,
      (byte) 0xff,
      (byte) 0xd9
    };
    assertThrows(DicomStreamException.class, () -> codec().decode(LOSSLESS, baseline, d));
    assertThrows(DicomStreamException.class, () -> codec().decode(LOSSLESS, new byte[0], d));
    assertThrows(
        DicomStreamException.class, () -> codec().decode(LOSSLESS, new byte[] {1, 2, 3}, d));
    byte[] onlySoi = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xd9};
    assertThrows(DicomStreamException.class, () -> codec().decode(LOSSLESS, onlySoi, d));
  }

  /** Inserts a marker segment right after the SOF55 segment of an encoded frame. */
  private static byte[] withSegmentAfterFrameHeader(byte[] encoded, byte[] segment) {
    int sofLength = ((encoded[4] & 0xff) << 8) | (encoded[5] & 0xff);
    int at = 4 + sofLength;
    byte[] out = new byte[encoded.length + segment.length];
    System.arraycopy(encoded, 0, out, 0, at);
    System.arraycopy(segment, 0, out, at, segment.length);
    System.arraycopy(encoded, at, out, at + segment.length, encoded.length - at);
    return out;
  }

  @Test
  void rejectsColourTransformAndMappingTableExtensionsAsUnsupported() {
    FrameDescriptor d = rgb(4, 4, 8, 8);
    byte[] encoded = codec().encode(LOSSLESS, randomFrame(d, 1), d);
    byte[] hp =
        withSegmentAfterFrameHeader(encoded, new byte[] {(byte) 0xff, (byte) 0xf8, 0, 3, 0x0d});
    assertThrows(UnsupportedTransferSyntaxException.class, () -> codec().decode(LOSSLESS, hp, d));
    byte[] mrfx =
        withSegmentAfterFrameHeader(
            encoded, new byte[] {(byte) 0xff, (byte) 0xe8, 0, 7, 'm', 'r', 'f', 'x', 1});
    assertThrows(UnsupportedTransferSyntaxException.class, () -> codec().decode(LOSSLESS, mrfx, d));
    byte[] table =
        withSegmentAfterFrameHeader(
            encoded, new byte[] {(byte) 0xff, (byte) 0xf8, 0, 6, 2, 1, 1, 0});
    assertThrows(
        UnsupportedTransferSyntaxException.class, () -> codec().decode(LOSSLESS, table, d));
  }

  @Test
  void appliesPresetParametersFromAnLseSegment() throws Exception {
    // Presets equal to the 8-bit defaults decode as without them; T1 = 256 > MAXVAL is invalid.
    FrameDescriptor d = mono(16, 16, 8, 8, false);
    byte[] frame = randomFrame(d, 9);
    byte[] encoded = codec().encode(LOSSLESS, frame, d);
    byte[] defaults =
        withSegmentAfterFrameHeader(
            encoded,
            new byte[] {
              (byte) 0xff, (byte) 0xf8, 0, 13, 1, 0, (byte) 255, 0, 3, 0, 7, 0, 21, 0, 64
            });
    assertArrayEquals(frame, codec().decode(LOSSLESS, defaults, d).data());
    byte[] badT1 =
        withSegmentAfterFrameHeader(
            encoded, new byte[] {(byte) 0xff, (byte) 0xf8, 0, 13, 1, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0});
    DicomStreamException e =
        assertThrows(DicomStreamException.class, () -> codec().decode(LOSSLESS, badT1, d));
    assertTrue(e.getMessage().contains("T1"), e.getMessage());
  }

  @Test
  void signExtendsSignedSamplesFromBitsStored() throws Exception {
    // The codestream holds the 15-bit pattern 0x7FFF (JPEG-LS is unsigned): stored value -1.
    FrameDescriptor unsigned = mono(2, 2, 16, 15, false);
    byte[] raw = {(byte) 0xff, 0x7f, 0, 0x40, (byte) 0xff, 0x3f, 0, 0};
    byte[] encoded = codec().encode(LOSSLESS, raw, unsigned);
    byte[] decoded = codec().decode(LOSSLESS, encoded, mono(2, 2, 16, 15, true)).data();
    FrameDescriptor signed = mono(2, 2, 16, 15, true);
    assertEquals(-1, sample(decoded, 0, signed));
    assertEquals(-16384, sample(decoded, 1, signed));
    assertEquals(16383, sample(decoded, 2, signed));
    assertEquals(0, sample(decoded, 3, signed));
  }

  @Test
  void malformedInputOnlyEverRaisesDicomStreamException() {
    Random rnd = new Random(42);
    for (FrameDescriptor d : List.of(mono(24, 20, 8, 8, false), rgb(9, 13, 16, 12))) {
      for (String ts : List.of(LOSSLESS, NEAR_LOSSLESS)) {
        byte[] encoded = codec().encode(ts, smoothFrame(d), d);
        for (int trial = 0; trial < 300; trial++) {
          byte[] broken = encoded.clone();
          int flips = 1 + rnd.nextInt(4);
          for (int f = 0; f < flips; f++) {
            broken[rnd.nextInt(broken.length)] = (byte) rnd.nextInt(256);
          }
          if (rnd.nextInt(5) == 0) {
            broken = Arrays.copyOf(broken, rnd.nextInt(broken.length));
          }
          byte[] input = broken;
          try {
            DecodedFrame out = codec().decode(ts, input, d);
            assertEquals(d.decodedLength(), out.data().length);
          } catch (DicomStreamException | UnsupportedTransferSyntaxException expected) {
            assertFalse(expected.getMessage().isEmpty());
          }
        }
      }
    }
  }

  @Test
  void refusesUnsupportedDescriptorsAndSyntaxes() {
    FrameDescriptor d32 = new FrameDescriptor(2, 2, 1, 32, 32, false, 0, "MONOCHROME2");
    assertFalse(codec().canDecode(LOSSLESS, d32));
    assertFalse(codec().canEncode("1.2.840.10008.1.2.4.50", mono(2, 2, 8, 8, false)));
    assertThrows(
        UnsupportedTransferSyntaxException.class,
        () -> codec().encode(LOSSLESS, new byte[16], d32));
    assertThrows(
        UnsupportedTransferSyntaxException.class,
        () -> codec().decode("1.2.840.10008.1.2.4.50", new byte[4], mono(2, 2, 8, 8, false)));
    assertThrows(IllegalArgumentException.class, () -> new JpegLsCodec(256));
    assertEquals(2, new JpegLsCodec().nearForNearLosslessSyntax());
  }

  @Test
  void usesNearZeroForTheLosslessSyntaxAndTheConfiguredNearOtherwise() {
    FrameDescriptor d = mono(8, 8, 8, 8, false);
    byte[] frame = randomFrame(d, 2);
    assertEquals(0, scanNear(new JpegLsCodec(5).encode(LOSSLESS, frame, d)));
    assertEquals(5, scanNear(new JpegLsCodec(5).encode(NEAR_LOSSLESS, frame, d)));
    assertEquals(2, scanNear(new JpegLsCodec().encode(NEAR_LOSSLESS, frame, d)));
    // T.87 limits NEAR to MAXVAL/2: 1 for 2-bit samples
    assertEquals(
        1, scanNear(new JpegLsCodec(5).encode(NEAR_LOSSLESS, frame, mono(8, 8, 8, 2, false))));
  }

  /** Returns the NEAR byte of the first SOS segment (T.87 C.2.3). */
  private static int scanNear(byte[] encoded) {
    for (int i = 0; i < encoded.length - 1; i++) {
      if (encoded[i] == (byte) 0xff && encoded[i + 1] == (byte) 0xda) {
        int ns = encoded[i + 4] & 0xff;
        return encoded[i + 5 + 2 * ns] & 0xff;
      }
    }
    throw new AssertionError("no SOS");
  }
}
