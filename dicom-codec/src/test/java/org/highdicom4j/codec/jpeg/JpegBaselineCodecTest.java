package org.highdicom4j.codec.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.testing.CorpusFrames;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The JPEG Baseline (process 1) encoder and the DCT decoder of {@link JpegCodec}. */
class JpegBaselineCodecTest {

  private final JpegCodec codec = new JpegCodec();

  /** A smooth test image: gradients and low-frequency waves, different in each sample. */
  static byte[] smoothFrame(FrameDescriptor d) {
    int nc = d.samplesPerPixel();
    byte[] out = new byte[(int) d.decodedLength()];
    for (int y = 0; y < d.rows(); y++) {
      for (int x = 0; x < d.columns(); x++) {
        for (int c = 0; c < nc; c++) {
          double v =
              128
                  + 60 * Math.sin((x + 7 * c) / 9.0) * Math.cos(y / 13.0)
                  + 50.0 * (x - y) / (d.rows() + d.columns());
          out[(y * d.columns() + x) * nc + c] = (byte) Math.max(0, Math.min(255, Math.round(v)));
        }
      }
    }
    return out;
  }

  /** Peak signal-to-noise ratio of 8-bit samples, in dB. */
  static double psnr(byte[] a, byte[] b) {
    double se = 0;
    for (int i = 0; i < a.length; i++) {
      double d = (a[i] & 0xff) - (b[i] & 0xff);
      se += d * d;
    }
    return se == 0 ? Double.POSITIVE_INFINITY : 10 * Math.log10(255.0 * 255.0 * a.length / se);
  }

  static List<FrameDescriptor> descriptors() {
    return List.of(
        new FrameDescriptor(64, 64, 1, 8, 8, false, 0, "MONOCHROME2"),
        new FrameDescriptor(37, 53, 1, 8, 8, false, 0, "MONOCHROME1"),
        new FrameDescriptor(50, 41, 3, 8, 8, false, 0, "RGB"),
        new FrameDescriptor(31, 66, 3, 8, 8, false, 1, "YBR_FULL"));
  }

  @ParameterizedTest
  @MethodSource("descriptors")
  void roundTripsSmoothImagesAbove40DecibelsAtQuality90(FrameDescriptor d) throws Exception {
    byte[] frame = smoothFrame(d);
    byte[] encoded = codec.encode(JpegCodec.JPEG_BASELINE, frame, d);
    DecodedFrame decoded = codec.decode(JpegCodec.JPEG_BASELINE, encoded, d);
    assertEquals(d.photometricInterpretation(), decoded.photometricInterpretation());
    double psnr = psnr(frame, decoded.data());
    assertTrue(psnr > 40, "PSNR " + psnr);
    assertTrue(encoded.length < frame.length / 2, "compressed to " + encoded.length);
  }

  @Test
  void higherQualityGivesHigherFidelity() throws Exception {
    FrameDescriptor d = descriptors().get(0);
    byte[] frame = smoothFrame(d);
    double previous = 0;
    for (int q : new int[] {25, 75, 95, 100}) {
      JpegCodec c = new JpegCodec(q);
      double psnr =
          psnr(
              frame,
              c.decode(JpegCodec.JPEG_BASELINE, c.encode(JpegCodec.JPEG_BASELINE, frame, d), d)
                  .data());
      assertTrue(psnr > previous, "quality " + q + ": PSNR " + psnr);
      previous = psnr;
    }
  }

  @Test
  void writesAdobeTransformZeroForRgbAndTheScaledAnnexKTables() {
    FrameDescriptor d = descriptors().get(2);
    byte[] encoded = codec.encode(JpegCodec.JPEG_BASELINE, smoothFrame(d), d);
    int app14 = JpegLosslessCodecTest.indexOf(encoded, 0xee);
    assertEquals(
        "Adobe", new String(encoded, app14 + 4, 5, java.nio.charset.StandardCharsets.US_ASCII));
    assertEquals(0, encoded[app14 + 15], "transform");
    int dqt = JpegLosslessCodecTest.indexOf(encoded, 0xdb);
    // Quality 90 scales Table K.1 by 0.2 with rounding: 16 -> 3, 11 -> 2, 12 -> 2, 14 -> 3.
    assertArrayEquals(
        new byte[] {3, 2, 2, 3}, java.util.Arrays.copyOfRange(encoded, dqt + 5, dqt + 9));
  }

  @Test
  void annexKHuffmanTablesEqualTheOnesGdcmWrites() throws Exception {
    // SC_rgb_jpeg_lossy_gdcm.dcm carries the standard's example tables (T.81 Tables K.3 to K.6).
    Path shared = JpegTestFiles.requireCorpus();
    Path file = shared.resolve("testdata/pydicom/SC_rgb_jpeg_lossy_gdcm.dcm");
    byte[] jpeg = CorpusFrames.encodedFrames(file).get(0);
    int[][][] expected = {
      {JpegTables.DC_LUMINANCE_BITS, JpegTables.DC_LUMINANCE_VALUES},
      {JpegTables.AC_LUMINANCE_BITS, JpegTables.AC_LUMINANCE_VALUES},
      {JpegTables.DC_CHROMINANCE_BITS, JpegTables.DC_CHROMINANCE_VALUES},
      {JpegTables.AC_CHROMINANCE_BITS, JpegTables.AC_CHROMINANCE_VALUES}
    };
    int pos = 0;
    for (int[][] table : expected) {
      pos =
          JpegLosslessCodecTest.indexOf(java.util.Arrays.copyOfRange(jpeg, pos, jpeg.length), 0xc4)
              + pos;
      int count = table[1].length;
      int[] found = new int[16 + count];
      for (int i = 0; i < found.length; i++) {
        found[i] = jpeg[pos + 5 + i] & 0xff;
      }
      int[] want = new int[16 + count];
      System.arraycopy(table[0], 0, want, 0, 16);
      System.arraycopy(table[1], 0, want, 16, count);
      assertArrayEquals(want, found);
      pos += 2;
    }
  }

  @Test
  void canEncodeIsExact() {
    String b = JpegCodec.JPEG_BASELINE;
    assertTrue(codec.canEncode(b, new FrameDescriptor(2, 2, 1, 8, 8, false, 0, "MONOCHROME2")));
    assertTrue(codec.canEncode(b, new FrameDescriptor(2, 2, 3, 8, 8, false, 0, "RGB")));
    assertTrue(codec.canEncode(b, new FrameDescriptor(2, 2, 3, 8, 8, false, 0, "YBR_FULL")));
    assertFalse(codec.canEncode(b, new FrameDescriptor(2, 2, 1, 16, 12, false, 0, "MONOCHROME2")));
    assertFalse(codec.canEncode(b, new FrameDescriptor(2, 2, 1, 8, 7, false, 0, "MONOCHROME2")));
    assertFalse(codec.canEncode(b, new FrameDescriptor(2, 2, 1, 8, 8, true, 0, "MONOCHROME2")));
    assertFalse(codec.canEncode(b, new FrameDescriptor(2, 2, 1, 8, 8, false, 0, "PALETTE COLOR")));
    assertFalse(codec.canEncode(b, new FrameDescriptor(2, 2, 3, 8, 8, false, 0, "YBR_FULL_422")));
    assertFalse(codec.canEncode(b, new FrameDescriptor(2, 2, 4, 8, 8, false, 0, "CMYK")));
  }

  @Test
  void rejectsQualityOutside1To100() {
    assertThrows(IllegalArgumentException.class, () -> new JpegCodec(0));
    assertThrows(IllegalArgumentException.class, () -> new JpegCodec(101));
    assertEquals(90, new JpegCodec().quality());
  }

  @Test
  void rejectsFrameOfWrongLength() {
    FrameDescriptor d = descriptors().get(0);
    assertThrows(
        IllegalArgumentException.class,
        () -> codec.encode(JpegCodec.JPEG_BASELINE, new byte[10], d));
  }

  @Test
  void decodesRestartIntervalsAndYbrFull422AsYbrFull() throws Exception {
    FrameDescriptor d = new FrameDescriptor(19, 27, 3, 8, 8, false, 0, "YBR_FULL");
    byte[] frame = smoothFrame(d);
    byte[] encoded = BaselineEncoder.encode(frame, d, 90, 2);
    FrameDescriptor as422 = new FrameDescriptor(19, 27, 3, 8, 8, false, 0, "YBR_FULL_422");
    DecodedFrame decoded = codec.decode(JpegCodec.JPEG_BASELINE, encoded, as422);
    assertEquals("YBR_FULL", decoded.photometricInterpretation());
    assertTrue(psnr(frame, decoded.data()) > 40);
  }

  @Test
  void rejectsTruncatedBaselineCodestream() {
    FrameDescriptor d = descriptors().get(2);
    byte[] encoded = codec.encode(JpegCodec.JPEG_BASELINE, smoothFrame(d), d);
    for (int cut : new int[] {1, 3, 100, encoded.length / 2, encoded.length - 40}) {
      byte[] truncated = java.util.Arrays.copyOf(encoded, cut);
      assertThrows(
          org.highdicom4j.dicom.io.DicomStreamException.class,
          () -> codec.decode(JpegCodec.JPEG_BASELINE, truncated, d),
          "cut at " + cut);
    }
  }
}
