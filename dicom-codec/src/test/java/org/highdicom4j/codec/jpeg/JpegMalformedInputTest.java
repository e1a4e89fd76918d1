package org.highdicom4j.codec.jpeg;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import org.highdicom4j.codec.FrameCodecContractTest;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.UnsupportedTransferSyntaxException;
import org.highdicom4j.codec.testing.CorpusFrames;
import org.highdicom4j.dicom.io.DicomStreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Corrupt and unsupported JPEG codestreams give a {@link DicomStreamException}, nothing else. */
class JpegMalformedInputTest {

  private static final FrameDescriptor MONO =
      new FrameDescriptor(24, 40, 1, 16, 16, false, 0, "MONOCHROME2");
  private static final FrameDescriptor RGB = new FrameDescriptor(24, 40, 3, 8, 8, false, 0, "RGB");

  private final JpegCodec codec = new JpegCodec();

  @TempDir Path work;

  private DicomStreamException rejects(byte[] data, FrameDescriptor d, String fragment) {
    DicomStreamException e =
        assertThrows(
            DicomStreamException.class, () -> codec.decode(JpegCodec.JPEG_BASELINE, data, d));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
    return e;
  }

  @Test
  void rejectsDataWithoutSoi() {
    rejects(new byte[] {0, 0, 0, 0}, MONO, "SOI");
    rejects(new byte[0], MONO, "SOI");
  }

  @Test
  void rejectsCodestreamWithoutScan() {
    rejects(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xd9}, MONO, "no image scan");
  }

  @Test
  void rejectsSegmentLengthBeyondTheData() {
    byte[] data = {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xe0, 0x10, 0x00, 1, 2};
    rejects(data, MONO, "length exceeds the data");
  }

  @Test
  void rejectsArithmeticCodingAndHierarchicalProcesses() {
    byte[] lossless = codec.encode(JpegCodec.JPEG_LOSSLESS, new byte[1920], MONO);
    int sof = JpegLosslessCodecTest.indexOf(lossless, 0xc3);
    for (int marker : new int[] {0xc2, 0xc5, 0xcb}) {
      byte[] changed = lossless.clone();
      changed[sof + 1] = (byte) marker;
      rejects(changed, MONO, "SOF" + (marker - 0xc0) + " is not supported");
    }
  }

  @Test
  void rejectsProgressiveCodestreamFromDcmcjpeg() throws Exception {
    Path testdata = JpegTestFiles.requireCorpus().resolve("testdata");
    Path file = JpegTestFiles.dcmcjpeg(testdata.resolve("highdicom/dx_image.dcm"), work, "+ep");
    FrameDescriptor d = CorpusFrames.descriptor(file);
    byte[] frame = CorpusFrames.encodedFrames(file).get(0);
    rejects(frame, d, "SOF2 is not supported");
  }

  @Test
  void rejectsFrameHeaderPromisingMoreSamplesThanTheDataCanHoldBeforeAllocating() {
    byte[] lossless = codec.encode(JpegCodec.JPEG_LOSSLESS, new byte[1920], MONO);
    int sof = JpegLosslessCodecTest.indexOf(lossless, 0xc3);
    lossless[sof + 5] = (byte) 0xea; // Y = 60000 lines
    lossless[sof + 6] = (byte) 0x60;
    FrameDescriptor huge = new FrameDescriptor(60000, 40, 1, 16, 16, false, 0, "MONOCHROME2");
    rejects(lossless, huge, "too short for its frame header");
  }

  @Test
  void rejectsMissingRestartMarker() {
    FrameDescriptor d = new FrameDescriptor(16, 16, 1, 8, 8, false, 0, "MONOCHROME2");
    byte[] encoded = LosslessEncoder.encode(FrameCodecContractTest.randomFrame(d, 3), d, 16);
    int rst = JpegLosslessCodecTest.indexOf(encoded, 0xd0);
    encoded[rst + 1] = (byte) 0xfe; // COM marker where RST0 belongs
    rejects(encoded, d, "RSTn");
  }

  @Test
  void refusesDescriptorsItCannotDecode() {
    FrameDescriptor d = new FrameDescriptor(2, 2, 1, 32, 32, false, 0, "MONOCHROME2");
    assertThrows(
        UnsupportedTransferSyntaxException.class,
        () -> codec.decode(JpegCodec.JPEG_LOSSLESS, new byte[4], d));
    assertThrows(
        UnsupportedTransferSyntaxException.class,
        () -> codec.decode("1.2.840.10008.1.2.4.80", new byte[4], MONO));
  }

  /** Random byte changes: decoding either works or throws DicomStreamException. */
  @ParameterizedTest
  @ValueSource(strings = {"lossless", "baseline", "baseline-restart"})
  void survivesRandomCorruption(String kind) {
    FrameDescriptor d = kind.equals("lossless") ? MONO : RGB;
    byte[] frame = FrameCodecContractTest.randomFrame(d, 5);
    byte[] valid =
        switch (kind) {
          case "lossless" -> codec.encode(JpegCodec.JPEG_LOSSLESS, frame, d);
          case "baseline" -> codec.encode(JpegCodec.JPEG_BASELINE, frame, d);
          default -> BaselineEncoder.encode(frame, d, 75, 4);
        };
    Random rnd = new Random(kind.hashCode());
    for (int iteration = 0; iteration < 400; iteration++) {
      byte[] data = valid.clone();
      int changes = 1 + rnd.nextInt(4);
      for (int i = 0; i < changes; i++) {
        // Mostly the headers, where lengths and counts live; sometimes anywhere.
        int at =
            rnd.nextInt(4) == 0
                ? rnd.nextInt(data.length)
                : rnd.nextInt(Math.min(700, data.length));
        data[at] = (byte) rnd.nextInt(256);
      }
      if (rnd.nextInt(5) == 0) {
        data = Arrays.copyOf(data, rnd.nextInt(data.length));
      }
      try {
        codec.decode(JpegCodec.JPEG_BASELINE, data, d);
      } catch (DicomStreamException expected) {
        // the documented failure
      }
    }
  }
}
