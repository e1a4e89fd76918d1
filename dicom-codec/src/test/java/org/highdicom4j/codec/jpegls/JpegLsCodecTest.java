package org.highdicom4j.codec.jpegls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.highdicom4j.codec.FrameCodec;
import org.highdicom4j.codec.FrameCodecContractTest;
import org.highdicom4j.codec.FrameDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

// PER_CLASS: the contract's descriptors() factory is an instance method.
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
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
}
