package org.highdicom4j.codec.jpeg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.FrameCodecContractTest;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.testing.CorpusFrames;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the codec against DCMTK, an independent JPEG implementation (IJG 6b with the lossless
 * extension): codestreams written by {@code dcmcjpeg} from corpus images must decode like {@code
 * dcmdjpeg} decodes them, and {@code dcmdjpeg} must decode our codestreams like we do.
 */
class JpegDcmtkInteropTest {

  @TempDir Path work;

  private Path testdata;
  private final JpegCodec codec = new JpegCodec();

  @BeforeEach
  void corpus() {
    testdata = JpegTestFiles.requireCorpus().resolve("testdata");
  }

  /** Our decoding and dcmdjpeg's of one codestream, and the frame's description. */
  private record Decodings(byte[] ours, byte[] theirs, FrameDescriptor descriptor) {}

  /** Encodes a corpus file with dcmcjpeg; returns our decoding and dcmdjpeg's. */
  private Decodings decodeBoth(String source, String options) throws Exception {
    Path encoded = JpegTestFiles.dcmcjpeg(testdata.resolve(source), work, options.split(" "));
    FrameDescriptor d = CorpusFrames.descriptor(encoded);
    String ts =
        options.contains("+eb")
            ? JpegCodec.JPEG_BASELINE
            : options.contains("+ee") ? JpegCodec.JPEG_EXTENDED : JpegCodec.JPEG_LOSSLESS;
    byte[] frame = CorpusFrames.encodedFrames(encoded).get(0);
    DecodedFrame ours = codec.decode(ts, frame, d);
    // dcmdjpeg's Pixel Data holds every frame and is padded to even length: take frame 1.
    byte[] theirs = firstFrame(JpegTestFiles.dcmdjpegPixels(encoded, work), d);
    return new Decodings(ours.data(), theirs, d);
  }

  private static byte[] firstFrame(byte[] pixelData, FrameDescriptor d) {
    assertTrue(pixelData.length >= d.decodedLength(), "Pixel Data length " + pixelData.length);
    return Arrays.copyOf(pixelData, (int) d.decodedLength());
  }

  @ParameterizedTest
  @CsvSource({
    "highdicom/ct_image.dcm, +el +sv 1",
    "highdicom/ct_image.dcm, +el +sv 2",
    "highdicom/ct_image.dcm, +el +sv 3",
    "highdicom/ct_image.dcm, +el +sv 4",
    "highdicom/ct_image.dcm, +el +sv 5",
    "highdicom/ct_image.dcm, +el +sv 6",
    "highdicom/ct_image.dcm, +el +sv 7",
    "highdicom/ct_image.dcm, +el +sv 6 +pt 3",
    "highdicom/dx_image.dcm, +el +sv 7 +pt 1",
    "pydicom-data/emri_small.dcm, +e1",
    "pydicom-data/color-px.dcm, +el +sv 4",
    "pydicom-data/SC_rgb_16bit.dcm, +el +sv 5",
  })
  void decodesDcmtkLosslessCodestreamsExactly(String source, String options) throws Exception {
    Decodings both = decodeBoth(source, options);
    assertArrayEquals(both.theirs(), both.ours());
  }

  @ParameterizedTest
  @CsvSource({
    "highdicom/dx_image.dcm, +eb",
    "pydicom-data/emri_small.dcm, +ee",
    "highdicom/ct_image.dcm, +ee",
    "pydicom-data/color-px.dcm, +eb +s2",
    "pydicom-data/color-px.dcm, +eb +n1",
    "pydicom-data/color-px.dcm, +eb +s4",
    "pydicom-data/color-px.dcm, +eb +cr",
    "pydicom-data/US1_UNCI.dcm, +eb +n2 -ho",
    "pydicom-data/color-px.dcm, +ee +bt +s2",
  })
  void decodesDcmtkDctCodestreamsWithinTwoLevels(String source, String options) throws Exception {
    Decodings both = decodeBoth(source, options);
    assertEquals(both.theirs().length, both.ours().length, "decoded length");
    double[] ours = JpegCorpusTest.values(both.ours(), both.descriptor());
    double[] theirs = JpegCorpusTest.values(both.theirs(), both.descriptor());
    double max = 0;
    for (int i = 0; i < ours.length; i++) {
      max = Math.max(max, Math.abs(ours[i] - theirs[i]));
    }
    assertTrue(max <= 2, "largest difference to dcmdjpeg: " + max);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1, 3})
  void dcmdjpegDecodesOurLosslessCodestreamsToTheOriginal(int restartRows) throws Exception {
    // libjpeg's lossless decoder accepts only restart intervals of whole MCU rows.
    for (FrameDescriptor d :
        List.of(
            new FrameDescriptor(37, 29, 1, 16, 16, true, 0, "MONOCHROME2"),
            new FrameDescriptor(20, 33, 1, 16, 12, false, 0, "MONOCHROME2"),
            new FrameDescriptor(15, 17, 3, 8, 8, false, 0, "RGB"),
            new FrameDescriptor(9, 8, 1, 8, 8, false, 0, "MONOCHROME2"))) {
      byte[] frame = FrameCodecContractTest.randomFrame(d, 99 + restartRows);
      byte[] encoded = LosslessEncoder.encode(frame, d, restartRows * d.columns());
      Path file = work.resolve("ours-" + restartRows + "-" + d.hashCode() + ".dcm");
      CorpusFrames.writeSecondaryCapture(file, d, JpegCodec.JPEG_LOSSLESS_SV1, encoded);
      assertArrayEquals(
          frame, firstFrame(JpegTestFiles.dcmdjpegPixels(file, work), d), d.toString());
      assertArrayEquals(frame, codec.decode(JpegCodec.JPEG_LOSSLESS_SV1, encoded, d).data());
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 3})
  void dcmdjpegDecodesOurBaselineCodestreamsLikeWeDo(int restartInterval) throws Exception {
    for (FrameDescriptor d :
        List.of(
            new FrameDescriptor(45, 61, 1, 8, 8, false, 0, "MONOCHROME2"),
            new FrameDescriptor(33, 40, 3, 8, 8, false, 0, "RGB"),
            new FrameDescriptor(24, 17, 3, 8, 8, false, 0, "YBR_FULL"))) {
      byte[] frame = JpegBaselineCodecTest.smoothFrame(d);
      byte[] encoded = BaselineEncoder.encode(frame, d, 90, restartInterval);
      Path file = work.resolve("ours-" + restartInterval + "-" + d.hashCode() + ".dcm");
      CorpusFrames.writeSecondaryCapture(file, d, JpegCodec.JPEG_BASELINE, encoded);
      byte[] theirs = firstFrame(JpegTestFiles.dcmdjpegPixels(file, work), d);
      byte[] ours = codec.decode(JpegCodec.JPEG_BASELINE, encoded, d).data();
      assertEquals(theirs.length, ours.length);
      int max = 0;
      for (int i = 0; i < ours.length; i++) {
        max = Math.max(max, Math.abs((ours[i] & 0xff) - (theirs[i] & 0xff)));
      }
      assertTrue(max <= 2, d + ": largest difference to dcmdjpeg " + max);
      assertTrue(
          JpegBaselineCodecTest.psnr(frame, theirs) > 40, d + ": PSNR of dcmdjpeg's decoding");
    }
  }
}
