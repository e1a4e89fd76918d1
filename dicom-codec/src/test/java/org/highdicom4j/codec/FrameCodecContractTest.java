package org.highdicom4j.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.highdicom4j.dicom.io.DicomStreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The contract every {@link FrameCodec} meets: lossless random round trips for every pixel
 * description it claims to encode, clear errors on truncated input and wrong-sized frames.
 *
 * <p>Subclasses name the codec, the syntax and the descriptors to exercise.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class FrameCodecContractTest {

  /** Returns the codec under test. */
  protected abstract FrameCodec codec();

  /** Returns the lossless transfer syntax exercised by the round trips. */
  protected abstract String transferSyntaxUid();

  /** Returns the pixel descriptions whose random frames must round-trip exactly. */
  protected abstract List<FrameDescriptor> roundTripDescriptors();

  /** Supplies random frame descriptors for the parameterized round trip. */
  Stream<FrameDescriptor> descriptors() {
    return roundTripDescriptors().stream();
  }

  /**
   * Makes a random frame for {@code d}: values within BitsStored (sign-extended when signed), mixed
   * with runs so that run-length and predictive coders see both noise and flat areas.
   */
  public static byte[] randomFrame(FrameDescriptor d, long seed) {
    Random rnd = new Random(seed);
    int n = d.pixelCount() * d.samplesPerPixel();
    int bps = d.bytesPerSample();
    byte[] out = new byte[n * bps];
    long mask = d.bitsStored() >= 64 ? -1L : (1L << d.bitsStored()) - 1;
    long run = 0;
    for (int i = 0; i < n; i++) {
      long v;
      if (d.bitsAllocated() == 1) {
        v = rnd.nextInt(2);
      } else if (i > 0 && rnd.nextInt(4) == 0) {
        v = run;
      } else {
        v = rnd.nextLong() & mask;
        if (d.signed() && d.bitsStored() < 64 && ((v >>> (d.bitsStored() - 1)) & 1) != 0) {
          v |= ~mask;
        }
      }
      run = v;
      for (int b = 0; b < bps; b++) {
        out[i * bps + b] = (byte) (v >>> (8 * b));
      }
    }
    return out;
  }

  @ParameterizedTest
  @MethodSource("descriptors")
  void roundTripsRandomFramesLosslessly(FrameDescriptor d) throws Exception {
    FrameCodec codec = codec();
    assertTrue(codec.canEncode(transferSyntaxUid(), d), "canEncode " + d);
    for (long seed = 1; seed <= 3; seed++) {
      byte[] frame = randomFrame(d, seed * 31 + d.hashCode());
      byte[] encoded = codec.encode(transferSyntaxUid(), frame, d);
      DecodedFrame decoded = codec.decode(transferSyntaxUid(), encoded, d);
      assertArrayEquals(frame, decoded.data(), "round trip of " + d + " seed " + seed);
    }
  }

  @ParameterizedTest
  @MethodSource("descriptors")
  void rejectsTruncatedCodestream(FrameDescriptor d) {
    FrameCodec codec = codec();
    byte[] frame = randomFrame(d, 7);
    byte[] encoded = codec.encode(transferSyntaxUid(), frame, d);
    byte[] truncated = java.util.Arrays.copyOf(encoded, encoded.length / 2);
    assertThrows(DicomStreamException.class, () -> codec.decode(transferSyntaxUid(), truncated, d));
  }

  @Test
  void rejectsFrameOfWrongLength() {
    FrameDescriptor d = roundTripDescriptors().get(0);
    byte[] frame = new byte[(int) d.decodedLength() + 1];
    assertThrows(
        IllegalArgumentException.class, () -> codec().encode(transferSyntaxUid(), frame, d));
  }
}
