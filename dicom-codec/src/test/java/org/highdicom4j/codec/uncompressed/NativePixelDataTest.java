package org.highdicom4j.codec.uncompressed;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.util.List;
import org.highdicom4j.codec.FrameCodecContractTest;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.dicom.io.DicomStreamException;
import org.junit.jupiter.api.Test;

class NativePixelDataTest {

  private static FrameDescriptor d(int rows, int cols, int spp, int ba, int bs, boolean signed) {
    return new FrameDescriptor(
        rows, cols, spp, ba, bs, signed, 0, spp == 3 ? "RGB" : "MONOCHROME2");
  }

  private static FrameDescriptor planar(int rows, int cols, int ba) {
    return new FrameDescriptor(rows, cols, 3, ba, ba, false, 1, "RGB");
  }

  private static byte[] bytes(int... v) {
    byte[] b = new byte[v.length];
    for (int i = 0; i < v.length; i++) {
      b[i] = (byte) v[i];
    }
    return b;
  }

  @Test
  void interleavesPlanarConfigurationOne() throws Exception {
    // PS3.3 C.7.6.3.1.3: planar 1 stores all R, then all G, then all B.
    byte[] stored = bytes(1, 2, 3, 4, 11, 12, 13, 14, 21, 22, 23, 24);
    byte[] out = NativePixelData.extractFrame(stored, 0, planar(2, 2, 8), false);
    assertArrayEquals(bytes(1, 11, 21, 2, 12, 22, 3, 13, 23, 4, 14, 24), out);
  }

  @Test
  void interleavesSecondPlanarFrameOf16BitBigEndian() throws Exception {
    FrameDescriptor d = planar(1, 2, 16);
    byte[] frame0 = new byte[12];
    // frame 1: R = 0x0102, 0x0304; G = 0x0506, 0x0708; B = 0x090A, 0x0B0C (big endian)
    byte[] frame1 = bytes(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12);
    byte[] all = new byte[24];
    System.arraycopy(frame0, 0, all, 0, 12);
    System.arraycopy(frame1, 0, all, 12, 12);
    byte[] out = NativePixelData.extractFrame(all, 1, d, true);
    assertArrayEquals(bytes(2, 1, 6, 5, 10, 9, 4, 3, 8, 7, 12, 11), out);
    assertArrayEquals(frame1, NativePixelData.toNativeFrame(out, d, true));
  }

  @Test
  void swapsBigEndianContainersOf16And32And64Bits() throws Exception {
    assertArrayEquals(
        bytes(0x34, 0x12, 0x78, 0x56),
        NativePixelData.extractFrame(
            bytes(0x12, 0x34, 0x56, 0x78), 0, d(1, 2, 1, 16, 16, false), true));
    assertArrayEquals(
        bytes(4, 3, 2, 1),
        NativePixelData.extractFrame(bytes(1, 2, 3, 4), 0, d(1, 1, 1, 32, 32, false), true));
    assertArrayEquals(
        bytes(8, 7, 6, 5, 4, 3, 2, 1),
        NativePixelData.extractFrame(
            bytes(1, 2, 3, 4, 5, 6, 7, 8), 0, d(1, 1, 1, 64, 64, false), true));
    assertArrayEquals(
        bytes(1, 2, 3, 4),
        NativePixelData.extractFrame(bytes(1, 2, 3, 4), 0, d(1, 2, 1, 16, 16, false), false));
  }

  @Test
  void leavesEightBitSamplesUnswappedInBigEndian() throws Exception {
    assertArrayEquals(
        bytes(1, 2, 3, 4),
        NativePixelData.extractFrame(bytes(1, 2, 3, 4), 0, d(2, 2, 1, 8, 8, false), true));
  }

  @Test
  void extractsOneBitFramesThatDoNotStartOnAByteBoundary() throws Exception {
    // 3 x 3 frames: 9 bits each. Frame 0 = 1 0 0 0 0 0 0 0 1, frame 1 = 0 1 1 0 0 0 0 0 1.
    // Bits LSB first: byte 0 = bits 0..7 = 0b0000_0001; byte 1 = bits 8..15: bit 8 = 1 (frame 0),
    // bits 9..15 = frame 1 pixels 0..6 = 0 1 1 0 0 0 0 -> 0b0000_1101 << ... computed by hand:
    // bit 8 -> 1, bit 10 -> 1, bit 11 -> 1  => 0b0000_1101 = 0x0D; byte 2: bit 16 (frame 1 px 7)
    // = 0, bit 17 (px 8) = 1 => 0x02.
    byte[] packed = bytes(0x01, 0x0D, 0x02);
    FrameDescriptor d = d(3, 3, 1, 1, 1, false);
    assertArrayEquals(
        bytes(1, 0, 0, 0, 0, 0, 0, 0, 1), NativePixelData.extractFrame(packed, 0, d, false));
    assertArrayEquals(
        bytes(0, 1, 1, 0, 0, 0, 0, 0, 1), NativePixelData.extractFrame(packed, 1, d, false));
    assertEquals(9, NativePixelData.frameStartBit(1, d));
    assertEquals(2, NativePixelData.frameLengthBytes(d));
    assertEquals(3, NativePixelData.pixelDataLengthBytes(d, 2));
    assertArrayEquals(
        packed,
        NativePixelData.packFrames(
            List.of(bytes(1, 0, 0, 0, 0, 0, 0, 0, 1), bytes(0, 1, 1, 0, 0, 0, 0, 0, 1)), 9));
    // the slice form: frame 1 starts in byte 1 at bit 1
    assertArrayEquals(
        bytes(0, 1, 1, 0, 0, 0, 0, 0, 1),
        NativePixelData.extractFrame(new byte[] {9, 0x0D, 0x02}, 1, 1, d, false));
  }

  @Test
  void byteBufferOverloadReadsFromPositionWithoutMovingIt() throws Exception {
    FrameDescriptor d = d(3, 3, 1, 1, 1, false);
    ByteBuffer direct = ByteBuffer.allocateDirect(5);
    direct.put(bytes(0x55, 0x55, 0x01, 0x0D, 0x02)).position(2);
    assertArrayEquals(
        bytes(0, 1, 1, 0, 0, 0, 0, 0, 1), NativePixelData.extractFrame(direct, 1, d, false));
    assertEquals(2, direct.position());
    ByteBuffer heap = ByteBuffer.wrap(bytes(7, 1, 2, 3, 4)).position(1).slice();
    assertArrayEquals(
        bytes(3, 4), NativePixelData.extractFrame(heap, 1, d(1, 2, 1, 8, 8, false), false));
  }

  @Test
  void packBitsKeepsNeighbouringBits() {
    byte[] dst = bytes(0xFF, 0xFF);
    NativePixelData.packBits(bytes(0, 0, 0, 0, 0, 0, 0, 0, 0, 0), 0, 10, dst, 3);
    assertArrayEquals(bytes(0x07, 0xE0), dst);
    assertArrayEquals(
        bytes(0x81, 0x01), NativePixelData.packBits(bytes(1, 0, 0, 0, 0, 0, 0, 5, 1)));
  }

  @Test
  void packAndUnpackRoundTripAtEveryBitOffset() {
    FrameDescriptor d = d(7, 11, 1, 1, 1, false);
    byte[] frame = FrameCodecContractTest.randomFrame(d, 3);
    for (int offset = 0; offset < 16; offset++) {
      byte[] packed = new byte[(offset + frame.length + 7) / 8];
      NativePixelData.packBits(frame, 0, frame.length, packed, offset);
      assertArrayEquals(frame, NativePixelData.unpackBits(packed, offset, frame.length));
    }
  }

  @Test
  void masksToBitsStoredAndSignExtends() {
    // 12 bits stored in 16: 0xF7FF has garbage above bit 11 and low bits 0x7FF = +2047;
    // 0x0800 has bit 11 set = -2048 = 0xF800 when signed, 2048 when unsigned.
    byte[] signed = bytes(0xFF, 0xF7, 0x00, 0x08);
    NativePixelData.maskAndSignExtend(signed, d(1, 2, 1, 16, 12, true));
    assertArrayEquals(bytes(0xFF, 0x07, 0x00, 0xF8), signed);
    byte[] unsigned = bytes(0xFF, 0xF7, 0x00, 0x08);
    NativePixelData.maskAndSignExtend(unsigned, d(1, 2, 1, 16, 12, false));
    assertArrayEquals(bytes(0xFF, 0x07, 0x00, 0x08), unsigned);
    byte[] eight = bytes(0xC1, 0x20);
    NativePixelData.maskAndSignExtend(eight, d(1, 2, 1, 8, 6, true));
    assertArrayEquals(bytes(0x01, 0xE0), eight); // 0b000001 = 1; 0b100000 = -32
    byte[] thirtyTwo = bytes(0xFF, 0xFF, 0xFF, 0x7F);
    NativePixelData.maskAndSignExtend(thirtyTwo, d(1, 1, 1, 32, 24, true));
    assertArrayEquals(bytes(0xFF, 0xFF, 0xFF, 0xFF), thirtyTwo);
    byte[] sixtyFour = bytes(0, 0, 0, 0, 0x80, 0, 0, 0x12);
    NativePixelData.maskAndSignExtend(sixtyFour, d(1, 1, 1, 64, 40, true));
    assertArrayEquals(bytes(0, 0, 0, 0, 0x80, 0xFF, 0xFF, 0xFF), sixtyFour);
    byte[] full = bytes(0xFF, 0xF7);
    NativePixelData.maskAndSignExtend(full, d(1, 1, 1, 16, 16, false));
    assertArrayEquals(bytes(0xFF, 0xF7), full);
  }

  @Test
  void expandsYbrFull422ByDuplicatingChroma() throws Exception {
    // PS3.3 C.7.6.3.1.2: Y1 Y2 Cb Cr per pair of pixels.
    FrameDescriptor d = new FrameDescriptor(1, 4, 3, 8, 8, false, 0, "YBR_FULL_422");
    byte[] stored = bytes(10, 11, 100, 200, 20, 21, 101, 201);
    assertEquals(8, NativePixelData.frameLengthBytes(d));
    assertEquals("YBR_FULL", NativePixelData.decodedPhotometricInterpretation(d));
    assertArrayEquals(
        bytes(10, 100, 200, 11, 100, 200, 20, 101, 201, 21, 101, 201),
        NativePixelData.extractFrame(stored, 0, d, false));
    assertThrows(
        IllegalArgumentException.class,
        () -> NativePixelData.expandYbrFull422(stored, 0, 1, 3, 1, false));
  }

  @Test
  void rejectsPixelDataTooShortForTheFrame() {
    FrameDescriptor d = d(2, 2, 1, 16, 16, false);
    DicomStreamException e =
        assertThrows(
            DicomStreamException.class,
            () -> NativePixelData.extractFrame(new byte[15], 1, d, false));
    assertTrue(e.getMessage().contains("frame 2"), e.getMessage());
    assertTrue(e.getMessage().startsWith("PixelData (7FE0,0010) value too short"), e.getMessage());
    assertThrows(
        DicomStreamException.class,
        () -> NativePixelData.extractFrame(new byte[7], 0, 0, d, false));
  }

  @Test
  void rejectsBadArguments() {
    FrameDescriptor d = d(2, 2, 1, 16, 16, false);
    assertThrows(
        IllegalArgumentException.class,
        () -> NativePixelData.extractFrame(new byte[8], -1, d, false));
    assertThrows(
        IllegalArgumentException.class,
        () -> NativePixelData.extractFrame(new byte[8], 0, 3, d, false));
    assertThrows(
        IllegalArgumentException.class, () -> NativePixelData.toNativeFrame(new byte[7], d, false));
    assertThrows(IllegalArgumentException.class, () -> NativePixelData.pixelDataLengthBytes(d, -1));
    assertThrows(
        IllegalArgumentException.class, () -> NativePixelData.packFrames(List.of(new byte[3]), 4));
    assertThrows(NullPointerException.class, () -> NativePixelData.packBits(null));
  }

  @Test
  void toNativeFrameInvertsExtractFrame() throws Exception {
    for (FrameDescriptor d :
        List.of(
            d(3, 5, 1, 1, 1, false),
            d(3, 5, 3, 8, 8, false),
            planar(3, 5, 8),
            planar(3, 5, 16),
            d(3, 5, 1, 16, 12, true),
            d(3, 5, 1, 32, 32, false),
            d(3, 5, 1, 64, 64, true))) {
      byte[] frame = FrameCodecContractTest.randomFrame(d, 11);
      for (boolean bigEndian : new boolean[] {false, true}) {
        byte[] stored = NativePixelData.toNativeFrame(frame, d, bigEndian);
        assertEquals(NativePixelData.frameLengthBytes(d), stored.length);
        assertArrayEquals(frame, NativePixelData.extractFrame(stored, 0, d, bigEndian), "" + d);
      }
    }
  }
}
