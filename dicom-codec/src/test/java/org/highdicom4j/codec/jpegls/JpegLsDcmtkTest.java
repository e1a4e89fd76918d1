package org.highdicom4j.codec.jpegls;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.highdicom4j.codec.FrameCodecContractTest;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.testing.CorpusFrames;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the codec against an independent JPEG-LS implementation (dcmtk's CharLS-based dcmcjpls and
 * dcmdjpls, plus gdcmconv with CharLS 2): codestreams they write decode to what they decode, and
 * codestreams we write decode in them to our values.
 */
class JpegLsDcmtkTest {
  private static final String EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1";
  @TempDir Path temp;

  private static FrameDescriptor mono(int rows, int columns, int allocated, int stored) {
    return JpegLsCodecTest.mono(rows, columns, allocated, stored, false);
  }

  static Stream<Arguments> dcmtkEncodings() {
    FrameDescriptor signed15 = JpegLsCodecTest.mono(40, 37, 16, 15, true);
    FrameDescriptor rgb = JpegLsCodecTest.rgb(33, 29, 8, 8);
    return Stream.of(
        Arguments.of(mono(45, 61, 8, 8), List.of("+el")),
        Arguments.of(mono(1, 1, 8, 8), List.of("+el")),
        Arguments.of(mono(3, 5, 16, 16), List.of("+el")),
        Arguments.of(mono(257, 3, 8, 8), List.of("+el")),
        Arguments.of(mono(38, 52, 16, 12), List.of("+el")),
        Arguments.of(mono(38, 52, 16, 16), List.of("+el")),
        Arguments.of(signed15, List.of("+el")),
        Arguments.of(mono(30, 31, 8, 8), List.of("+el", "+t1", "5", "+t2", "11", "+t3", "30")),
        Arguments.of(mono(30, 31, 16, 12), List.of("+el", "+t1", "40", "+t2", "90", "+rs", "20")),
        Arguments.of(mono(45, 61, 8, 8), List.of("+en", "+md", "3")),
        Arguments.of(mono(38, 52, 16, 12), List.of("+en", "+md", "1")),
        Arguments.of(mono(38, 52, 16, 16), List.of("+en", "+md", "9")),
        Arguments.of(rgb, List.of("+el", "+il")),
        Arguments.of(rgb, List.of("+el", "+is")),
        Arguments.of(rgb, List.of("+el", "+in")),
        Arguments.of(rgb, List.of("+en", "+md", "2", "+il")),
        Arguments.of(rgb, List.of("+en", "+md", "2", "+is")),
        Arguments.of(rgb, List.of("+en", "+md", "5", "+in")));
  }

  private static List<byte[]> frames(FrameDescriptor d) {
    return List.of(
        JpegLsCodecTest.smoothFrame(d), FrameCodecContractTest.randomFrame(d, d.hashCode()));
  }

  /** Reduces each sample to BitsStored bits, sign-extended when signed (the reference form). */
  private static byte[] normalized(byte[] data, FrameDescriptor d) {
    byte[] out = data.clone();
    int shift = 32 - d.bitsStored();
    int n = out.length / d.bytesPerSample();
    for (int i = 0; i < n; i++) {
      int v;
      if (d.bytesPerSample() == 1) {
        v = out[i] & 0xff;
      } else {
        v = (out[2 * i] & 0xff) | ((out[2 * i + 1] & 0xff) << 8);
      }
      v = d.signed() ? (v << shift) >> shift : (v << shift) >>> shift;
      if (d.bytesPerSample() == 1) {
        out[i] = (byte) v;
      } else {
        out[2 * i] = (byte) v;
        out[2 * i + 1] = (byte) (v >> 8);
      }
    }
    return out;
  }

  private byte[] dcmdjpls(Path encapsulated, FrameDescriptor d) throws Exception {
    Path decoded = temp.resolve(encapsulated.getFileName() + ".dcmdjpls.dcm");
    CorpusFrames.run("dcmdjpls", encapsulated.toString(), decoded.toString());
    return nativeFrame(decoded, d);
  }

  private byte[] nativeFrame(Path file, FrameDescriptor d) throws Exception {
    byte[] pixels = CorpusFrames.nativePixelData(file);
    // native Pixel Data of odd length carries a padding byte
    return normalized(java.util.Arrays.copyOf(pixels, (int) d.decodedLength()), d);
  }

  private byte[] gdcmconv(Path encapsulated, FrameDescriptor d) throws Exception {
    Path decoded = temp.resolve(encapsulated.getFileName() + ".gdcm.dcm");
    CorpusFrames.run("gdcmconv", "--raw", encapsulated.toString(), decoded.toString());
    return nativeFrame(decoded, d);
  }

  private static int maxDifference(byte[] a, byte[] b, FrameDescriptor d) {
    int max = 0;
    for (int i = 0; i < a.length / d.bytesPerSample(); i++) {
      max =
          Math.max(
              max, Math.abs(JpegLsCodecTest.sample(a, i, d) - JpegLsCodecTest.sample(b, i, d)));
    }
    return max;
  }

  @ParameterizedTest
  @MethodSource("dcmtkEncodings")
  void decodesWhatDcmcjplsEncodesAsDcmdjplsDoes(FrameDescriptor d, List<String> options)
      throws Exception {
    CorpusFrames.requireTool("dcmcjpls");
    boolean near = options.contains("+en");
    int maxDeviation = near ? Integer.parseInt(options.get(options.indexOf("+md") + 1)) : 0;
    JpegLsCodec codec = new JpegLsCodec();
    int k = 0;
    for (byte[] frame : frames(d)) {
      Path in = temp.resolve("native" + k + ".dcm");
      Path out = temp.resolve("jls" + k++ + ".dcm");
      CorpusFrames.writeSecondaryCapture(in, d, EXPLICIT_VR_LITTLE_ENDIAN, frame);
      List<String> command = new ArrayList<>(List.of("dcmcjpls", "-q"));
      command.addAll(options);
      command.addAll(List.of(in.toString(), out.toString()));
      CorpusFrames.run(command.toArray(String[]::new));
      byte[] codestream = CorpusFrames.encodedFrames(out).get(0);
      String ts = near ? JpegLsCodec.JPEG_LS_NEAR_LOSSLESS : JpegLsCodec.JPEG_LS_LOSSLESS;
      byte[] ours = codec.decode(ts, codestream, d).data();
      assertArrayEquals(dcmdjpls(out, d), ours, "same as dcmdjpls: " + d + " " + options);
      int diff = maxDifference(ours, normalized(frame, d), d);
      assertTrue(diff <= maxDeviation, "max difference " + diff + " for " + options);
    }
  }

  static Stream<Arguments> ourEncodings() {
    return Stream.of(
        Arguments.of(mono(45, 61, 8, 8), 0),
        Arguments.of(mono(1, 1, 8, 8), 0),
        Arguments.of(mono(3, 5, 16, 16), 0),
        Arguments.of(mono(257, 3, 8, 8), 0),
        Arguments.of(mono(29, 33, 8, 2), 0),
        Arguments.of(mono(29, 33, 8, 5), 0),
        Arguments.of(mono(38, 52, 16, 12), 0),
        Arguments.of(mono(38, 52, 16, 16), 0),
        Arguments.of(JpegLsCodecTest.mono(40, 37, 16, 15, true), 0),
        Arguments.of(JpegLsCodecTest.mono(40, 37, 16, 16, true), 0),
        Arguments.of(JpegLsCodecTest.rgb(33, 29, 8, 8), 0),
        Arguments.of(JpegLsCodecTest.rgb(17, 21, 16, 16), 0),
        Arguments.of(mono(45, 61, 8, 8), 3),
        Arguments.of(mono(38, 52, 16, 12), 1),
        Arguments.of(mono(38, 52, 16, 16), 7),
        Arguments.of(JpegLsCodecTest.rgb(33, 29, 8, 8), 2));
  }

  @ParameterizedTest
  @MethodSource("ourEncodings")
  void dcmdjplsAndGdcmDecodeWhatWeEncodeToOurValues(FrameDescriptor d, int near) throws Exception {
    CorpusFrames.requireTool("dcmdjpls");
    CorpusFrames.requireTool("gdcmconv");
    String ts = near > 0 ? JpegLsCodec.JPEG_LS_NEAR_LOSSLESS : JpegLsCodec.JPEG_LS_LOSSLESS;
    JpegLsCodec codec = new JpegLsCodec(near);
    int k = 0;
    for (byte[] frame : frames(d)) {
      byte[] encoded = codec.encode(ts, frame, d);
      byte[] ours = codec.decode(ts, encoded, d).data();
      Path file = temp.resolve("ours" + k++ + ".dcm");
      CorpusFrames.writeSecondaryCapture(file, d, ts, encoded);
      if (d.bitsStored() >= 8) {
        // dcmtk 3.6.7 refuses P < 8 ("unsupported compression parameters"), as it does for
        // the corpus file JLSL_08_07_0_1F.dcm (see the reference README); GDCM decodes them.
        assertArrayEquals(ours, dcmdjpls(file, d), "dcmdjpls: " + d + " NEAR " + near);
      }
      assertArrayEquals(ours, gdcmconv(file, d), "gdcmconv: " + d + " NEAR " + near);
      int diff = maxDifference(ours, normalized(frame, d), d);
      assertTrue(diff <= near, "max difference " + diff);
    }
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 5})
  void charLsAgreesOnRestartIntervals(int interval) throws Exception {
    // dcmtk 3.6.7's JPEG-LS decoder rejects restart markers ("does not support this JPEG-LS
    // image"), so only gdcmconv (CharLS 2.4.1) is asked here.
    CorpusFrames.requireTool("gdcmconv");
    for (FrameDescriptor d : List.of(mono(23, 31, 8, 8), JpegLsCodecTest.rgb(12, 9, 16, 16))) {
      byte[] frame = FrameCodecContractTest.randomFrame(d, interval);
      byte[] encoded = JpegLsEncoder.encode(frame, d, 0, interval);
      Path file = temp.resolve("restart" + interval + "-" + d.samplesPerPixel() + ".dcm");
      CorpusFrames.writeSecondaryCapture(file, d, JpegLsCodec.JPEG_LS_LOSSLESS, encoded);
      assertArrayEquals(frame, gdcmconv(file, d), "gdcmconv, restart interval " + interval);
    }
  }
}
