package org.highdicom4j.codec.rle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.highdicom4j.codec.FrameCodecContractTest;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.testing.CorpusFrames;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Decodes frames encoded by {@link RleCodec} with DCMTK's independent RLE decoder: each frame is
 * wrapped in a minimal Secondary Capture file, decompressed with {@code dcmdrle}, and the native
 * Pixel Data dcmdrle wrote is compared with the original frame.
 */
class RleDcmtkCrossCheckTest {

  private static final String RLE = RleCodec.RLE_LOSSLESS;

  @TempDir Path tmp;

  static Stream<FrameDescriptor> descriptors() {
    return Stream.of(
        new FrameDescriptor(37, 41, 1, 8, 8, false, 0, "MONOCHROME2"),
        new FrameDescriptor(37, 41, 3, 8, 8, false, 0, "RGB"),
        new FrameDescriptor(37, 300, 1, 16, 16, true, 0, "MONOCHROME2"),
        new FrameDescriptor(37, 41, 3, 16, 16, false, 0, "RGB"),
        new FrameDescriptor(37, 41, 1, 32, 32, false, 0, "MONOCHROME2"),
        new FrameDescriptor(37, 41, 3, 32, 32, false, 0, "RGB"));
  }

  @ParameterizedTest
  @MethodSource("descriptors")
  void dcmdrleDecodesOurEncodingToTheSameValues(FrameDescriptor d) throws Exception {
    CorpusFrames.requireTool("dcmdrle");
    byte[] frame = FrameCodecContractTest.randomFrame(d, 42);
    byte[] encoded = new RleCodec().encode(RLE, frame, d);
    Path in = CorpusFrames.writeSecondaryCapture(tmp.resolve("rle.dcm"), d, RLE, encoded);
    Path out = tmp.resolve("native.dcm");
    CorpusFrames.run("dcmdrle", in.toString(), out.toString());
    byte[] value = CorpusFrames.nativePixelData(out);
    // dcmdrle writes Explicit VR Little Endian, padded to even length
    assertEquals(frame.length + (frame.length & 1), value.length);
    assertArrayEquals(frame, Arrays.copyOf(value, frame.length));
  }
}
