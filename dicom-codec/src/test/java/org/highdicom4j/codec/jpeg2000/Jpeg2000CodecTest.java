package org.highdicom4j.codec.jpeg2000;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.FrameCodec;
import org.highdicom4j.codec.FrameCodecContractTest;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.UnsupportedTransferSyntaxException;
import org.highdicom4j.dicom.io.DicomStreamException;
import org.junit.jupiter.api.Test;

// The contract's @MethodSource factory is an instance method: it needs one instance per class.
class Jpeg2000CodecTest extends FrameCodecContractTest {

  private static final String LOSSLESS = Jpeg2000Codec.JPEG_2000_LOSSLESS;
  private static final String LOSSY = Jpeg2000Codec.JPEG_2000;

  @Override
  protected FrameCodec codec() {
    return new Jpeg2000Codec();
  }

  @Override
  protected String transferSyntaxUid() {
    return LOSSLESS;
  }

  @Override
  protected List<FrameDescriptor> roundTripDescriptors() {
    return List.of(
        mono(48, 40, 8, 8, false),
        mono(33, 17, 16, 16, false),
        mono(33, 17, 16, 16, true),
        mono(40, 24, 16, 12, false),
        mono(40, 24, 16, 12, true),
        mono(20, 30, 8, 8, true),
        mono(64, 64, 1, 1, false),
        mono(1, 1, 8, 8, false),
        mono(1, 7, 16, 16, true),
        mono(5, 3, 1, 1, false),
        new FrameDescriptor(24, 32, 3, 8, 8, false, 0, "RGB"),
        new FrameDescriptor(24, 32, 3, 8, 8, false, 0, "YBR_RCT"),
        new FrameDescriptor(9, 11, 3, 16, 16, false, 0, "RGB"),
        new FrameDescriptor(2, 2, 3, 16, 12, false, 0, "YBR_RCT"));
  }

  private static FrameDescriptor mono(int rows, int columns, int ba, int bs, boolean signed) {
    return new FrameDescriptor(rows, columns, 1, ba, bs, signed, 0, "MONOCHROME2");
  }

  @Test
  void isRegisteredAsService() {
    boolean found = false;
    for (FrameCodec c : ServiceLoader.load(FrameCodec.class)) {
      found |= c instanceof Jpeg2000Codec;
    }
    assertTrue(found);
  }

  @Test
  void writesPlainCodestreamWithBitsStoredPrecisionAndSignedness() throws Exception {
    FrameDescriptor d = mono(40, 24, 16, 12, true);
    byte[] encoded = codec().encode(LOSSLESS, randomFrame(d, 5), d);
    // ISO/IEC 15444-1 A.5.1: SOC, SIZ; Ssiz = signed bit | (precision - 1).
    assertEquals(0xFF4F, J2kCodestream.u16(encoded, 0));
    assertEquals(0xFF51, J2kCodestream.u16(encoded, 2));
    assertEquals(24, J2kCodestream.u32(encoded, 8));
    assertEquals(40, J2kCodestream.u32(encoded, 12));
    assertEquals(0x80 | 11, encoded[42] & 0xFF);
    assertEquals(0xFFD9, J2kCodestream.u16(encoded, encoded.length - 2));
    J2kCodestream cs = J2kCodestream.parse(encoded);
    assertTrue(cs.reversible);
    assertFalse(cs.mct);
  }

  @Test
  void encodesOneBitFramesAsOneBitComponents() throws Exception {
    FrameDescriptor d = mono(16, 16, 1, 1, false);
    byte[] encoded = codec().encode(LOSSLESS, randomFrame(d, 9), d);
    J2kCodestream cs = J2kCodestream.parse(encoded);
    assertEquals(1, cs.precision[0]);
    assertFalse(cs.signed[0]);
  }

  @Test
  void appliesRctOnlyForYbrRct() throws Exception {
    FrameDescriptor rgb = new FrameDescriptor(8, 8, 3, 8, 8, false, 0, "RGB");
    FrameDescriptor rct = new FrameDescriptor(8, 8, 3, 8, 8, false, 0, "YBR_RCT");
    byte[] frame = randomFrame(rgb, 3);
    assertFalse(J2kCodestream.parse(codec().encode(LOSSLESS, frame, rgb)).mct);
    byte[] encoded = codec().encode(LOSSLESS, frame, rct);
    assertTrue(J2kCodestream.parse(encoded).mct);
    DecodedFrame decoded = codec().decode(LOSSLESS, encoded, rct);
    assertEquals("RGB", decoded.photometricInterpretation());
    assertArrayEquals(frame, decoded.data());
    assertEquals(
        "RGB",
        codec()
            .decode(LOSSLESS, codec().encode(LOSSLESS, frame, rgb), rgb)
            .photometricInterpretation());
  }

  @Test
  void signExtendsUnsignedCodestreamFromBitsStoredWhenPixelRepresentationIsSigned()
      throws Exception {
    FrameDescriptor unsigned = mono(4, 4, 16, 13, false);
    byte[] frame = new byte[32];
    frame[0] = (byte) 0xFF;
    frame[1] = 0x1F; // 8191: all 13 bits set
    frame[2] = 0x00;
    frame[3] = 0x10; // 4096: sign bit of a 13-bit value
    frame[4] = 5;
    byte[] encoded = codec().encode(LOSSLESS, frame, unsigned);
    FrameDescriptor signed = mono(4, 4, 16, 13, true);
    byte[] decoded = codec().decode(LOSSLESS, encoded, signed).data();
    assertEquals(-1, (short) ((decoded[0] & 0xFF) | (decoded[1] << 8)));
    assertEquals(-4096, (short) ((decoded[2] & 0xFF) | (decoded[3] << 8)));
    assertEquals(5, decoded[4]);
  }

  @Test
  void rejectsCodestreamWhoseSizeContradictsTheDescriptor() {
    FrameDescriptor d = mono(8, 8, 8, 8, false);
    byte[] encoded = codec().encode(LOSSLESS, randomFrame(d, 1), d);
    DicomStreamException e =
        assertThrows(
            DicomStreamException.class,
            () -> codec().decode(LOSSLESS, encoded, mono(8, 9, 8, 8, false)));
    assertTrue(e.getMessage().contains("Columns (0028,0011)"), e.getMessage());
    assertThrows(
        DicomStreamException.class,
        () -> codec().decode(LOSSLESS, encoded, mono(9, 8, 8, 8, false)));
    assertThrows(
        DicomStreamException.class,
        () ->
            codec().decode(LOSSLESS, encoded, new FrameDescriptor(8, 8, 3, 8, 8, false, 0, "RGB")));
  }

  @Test
  void rejectsPrecisionWiderThanBitsAllocated() {
    FrameDescriptor d = mono(8, 8, 16, 12, false);
    byte[] encoded = codec().encode(LOSSLESS, randomFrame(d, 1), d);
    DicomStreamException e =
        assertThrows(
            DicomStreamException.class,
            () -> codec().decode(LOSSLESS, encoded, mono(8, 8, 8, 8, false)));
    assertTrue(e.getMessage().contains("BitsAllocated (0028,0100)"), e.getMessage());
  }

  @Test
  void rejectsCodestreamCutAtEveryLength() {
    FrameDescriptor d = mono(16, 16, 8, 8, false);
    byte[] encoded = codec().encode(LOSSLESS, randomFrame(d, 2), d);
    for (int n = 0; n < encoded.length - 2; n++) {
      byte[] cut = Arrays.copyOf(encoded, n);
      assertThrows(DicomStreamException.class, () -> codec().decode(LOSSLESS, cut, d), "" + n);
    }
  }

  @Test
  void corruptCodestreamsRaiseOnlyDicomStreamException() throws Exception {
    FrameDescriptor d = mono(32, 32, 16, 12, false);
    byte[] encoded = codec().encode(LOSSLESS, randomFrame(d, 4), d);
    Random rnd = new Random(42);
    for (int i = 0; i < 300; i++) {
      byte[] bad = encoded.clone();
      for (int k = 0; k <= i % 4; k++) {
        bad[rnd.nextInt(bad.length)] = (byte) rnd.nextInt(256);
      }
      try {
        DecodedFrame f = codec().decode(LOSSY, bad, d);
        assertEquals(d.decodedLength(), f.data().length);
      } catch (DicomStreamException expected) {
        // corrupt headers are reported; corrupt entropy-coded data may decode to other values
      }
    }
  }

  @Test
  void unwrapsJp2Files() throws Exception {
    FrameDescriptor d = mono(8, 8, 8, 8, false);
    byte[] frame = randomFrame(d, 6);
    byte[] codestream = codec().encode(LOSSLESS, frame, d);
    byte[] signature = {0, 0, 0, 12, 'j', 'P', ' ', ' ', 0x0D, 0x0A, (byte) 0x87, 0x0A};
    byte[] ftyp = {
      0, 0, 0, 20, 'f', 't', 'y', 'p', 'j', 'p', '2', ' ', 0, 0, 0, 0, 'j', 'p', '2', ' '
    };
    byte[] jp2c = {0, 0, 0, 0, 'j', 'p', '2', 'c'}; // length 0: up to the end of the file
    byte[] file = new byte[signature.length + ftyp.length + jp2c.length + codestream.length];
    System.arraycopy(signature, 0, file, 0, 12);
    System.arraycopy(ftyp, 0, file, 12, ftyp.length);
    System.arraycopy(jp2c, 0, file, 32, jp2c.length);
    System.arraycopy(codestream, 0, file, 40, codestream.length);
    assertArrayEquals(frame, codec().decode(LOSSLESS, file, d).data());
  }

  @Test
  void acceptsTrailingPaddingAfterEndOfCodestream() throws Exception {
    FrameDescriptor d = mono(8, 8, 8, 8, false);
    byte[] frame = randomFrame(d, 8);
    byte[] encoded = codec().encode(LOSSLESS, frame, d);
    byte[] padded = Arrays.copyOf(encoded, encoded.length + 1);
    assertArrayEquals(frame, codec().decode(LOSSLESS, padded, d).data());
  }

  @Test
  void decodesConcurrentlyWithIdenticalResults() throws Exception {
    FrameDescriptor d = mono(64, 64, 16, 16, true);
    List<byte[]> frames = new ArrayList<>();
    List<byte[]> encoded = new ArrayList<>();
    for (int i = 0; i < 16; i++) {
      frames.add(randomFrame(d, 100 + i));
      encoded.add(codec().encode(LOSSLESS, frames.get(i), d));
    }
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<byte[]>> decoded = new ArrayList<>();
      List<Future<byte[]>> reencoded = new ArrayList<>();
      for (int i = 0; i < 16; i++) {
        byte[] e = encoded.get(i);
        byte[] f = frames.get(i);
        decoded.add(pool.submit(() -> codec().decode(LOSSLESS, e, d).data()));
        reencoded.add(pool.submit(() -> codec().encode(LOSSLESS, f, d)));
      }
      for (int i = 0; i < 16; i++) {
        assertArrayEquals(frames.get(i), decoded.get(i).get());
        assertArrayEquals(encoded.get(i), reencoded.get(i).get());
      }
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void declaresWhatItSupports() {
    Jpeg2000Codec c = new Jpeg2000Codec();
    assertEquals(java.util.Set.of(LOSSLESS, LOSSY), c.transferSyntaxUids());
    assertTrue(c.canDecode(LOSSY, mono(2, 2, 16, 12, true)));
    assertFalse(c.canDecode(LOSSY, mono(2, 2, 32, 32, false)));
    assertFalse(c.canDecode("1.2.840.10008.1.2.4.201", mono(2, 2, 8, 8, false)));
    assertFalse(c.canEncode(LOSSY, mono(2, 2, 8, 8, false)));
    assertFalse(c.canEncode(LOSSLESS, new FrameDescriptor(2, 2, 3, 8, 8, false, 0, "YBR_ICT")));
    assertFalse(c.canEncode(LOSSLESS, mono(2, 2, 32, 32, false)));
    assertThrows(
        UnsupportedTransferSyntaxException.class,
        () -> c.encode(LOSSY, new byte[4], mono(2, 2, 8, 8, false)));
    assertThrows(
        UnsupportedTransferSyntaxException.class,
        () -> c.decode("1.2.840.10008.1.2.4.201", new byte[4], mono(2, 2, 8, 8, false)));
  }

  private static int indexOf(byte[] b, int marker) {
    for (int i = 0; i + 1 < b.length; i++) {
      if ((b[i] & 0xFF) == 0xFF && (b[i + 1] & 0xFF) == marker) {
        return i;
      }
    }
    throw new AssertionError(String.format("no marker FF%02X", marker));
  }

  @Test
  void rejectsMarkersInsideTheBitStreamWhichJj2000WouldLoopOn() throws Exception {
    FrameDescriptor d = mono(32, 32, 16, 16, false);
    byte[] encoded = codec().encode(LOSSLESS, randomFrame(d, 9), d);
    // FF FF cannot occur after SOD (ISO/IEC 15444-1 B.10.1, C.1.3); JJ2000's packet header
    // reader never leaves it.
    byte[] bad = encoded.clone();
    int sod = indexOf(bad, 0x93);
    Arrays.fill(bad, sod + 3, Math.min(sod + 40, bad.length - 2), (byte) 0xFF);
    DicomStreamException e =
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
            java.time.Duration.ofSeconds(60),
            () -> assertThrows(DicomStreamException.class, () -> codec().decode(LOSSLESS, bad, d)));
    assertTrue(e.getMessage().contains("marker FFFF"), e.getMessage());
  }

  @Test
  void rejectsPackedPacketHeaders() throws Exception {
    FrameDescriptor d = mono(8, 8, 8, 8, false);
    byte[] encoded = codec().encode(LOSSLESS, randomFrame(d, 3), d);
    int sot = indexOf(encoded, 0x90);
    byte[] ppm = {(byte) 0xFF, 0x60, 0, 3, 0}; // PPM with Zppm 0 and no headers
    byte[] withPpm = new byte[encoded.length + ppm.length];
    System.arraycopy(encoded, 0, withPpm, 0, sot);
    System.arraycopy(ppm, 0, withPpm, sot, ppm.length);
    System.arraycopy(encoded, sot, withPpm, sot + ppm.length, encoded.length - sot);
    DicomStreamException e =
        assertThrows(DicomStreamException.class, () -> codec().decode(LOSSLESS, withPpm, d));
    assertTrue(e.getMessage().contains("PPM or PPT"), e.getMessage());
  }
}
