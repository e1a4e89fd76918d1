package org.highdicom4j.codec.uncompressed;

import java.nio.ByteBuffer;
import java.util.List;
import java.util.Objects;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * Native (uncompressed) Pixel Data (7FE0,0010) as defined by PS3.5 Section 8.1 and Annex D: frame
 * extraction into the decoded layout of {@link FrameDescriptor}, the reverse conversion, packing of
 * BitsAllocated 1 data, and the normalisation of stored values.
 *
 * <p>Native frames follow each other without padding. For BitsAllocated 1 the bits are packed least
 * significant bit first and continue across frame boundaries, so frame {@code i} starts at bit
 * {@code i × Rows × Columns}, not necessarily on a byte boundary.
 *
 * <p><b>Byte order.</b> The {@code bigEndian} flags only swap 16-, 32- and 64-bit sample containers
 * (Explicit VR Big Endian, 1.2.840.10008.1.2.2). A big endian OW value of BitsAllocated 8 or 1 is
 * stored as 16-bit words; swapping those words first is the caller's concern (it depends on the
 * Value Representation, which this class does not see), as DCMTK and GDCM do. OB values need no
 * swap. Note that {@code dcmdump +W} writes OW values in host byte order, i.e. it swaps each 16-bit
 * word of a big endian file (for 32-bit samples too, which then differ from the stored values).
 *
 * <p>This class is stateless and thread-safe.
 */
public final class NativePixelData {

  private static final long PIXEL_DATA_TAG = 0x7FE00010L;
  private static final String YBR_FULL_422 = "YBR_FULL_422";

  private NativePixelData() {}

  /**
   * Returns the number of bytes of one native frame stored on its own (e.g. inflated from a
   * Deflated Image Frame Compression frame): Rows × Columns × SamplesPerPixel × container bytes,
   * {@code ceil(Rows × Columns / 8)} for BitsAllocated 1, and two samples per pixel for
   * YBR_FULL_422.
   *
   * @param d the frame's attributes
   * @return the length in bytes
   */
  public static long frameLengthBytes(FrameDescriptor d) {
    return (frameLengthBits(d) + 7) >>> 3;
  }

  /**
   * Returns the number of bits one frame occupies in native Pixel Data (7FE0,0010).
   *
   * @param d the frame's attributes
   * @return the length in bits (a multiple of 8 unless BitsAllocated is 1)
   */
  public static long frameLengthBits(FrameDescriptor d) {
    Objects.requireNonNull(d, "d");
    long pixels = (long) d.rows() * d.columns();
    if (d.bitsAllocated() == 1) {
      return pixels * d.samplesPerPixel();
    }
    long samples = isYbrFull422(d) ? pixels * 2 : pixels * d.samplesPerPixel();
    return samples * d.bitsAllocated();
  }

  /**
   * Returns the length of the native Pixel Data (7FE0,0010) value holding {@code numberOfFrames}
   * frames, without the trailing padding byte that makes a value length even.
   *
   * @param d the frame's attributes
   * @param numberOfFrames Number of Frames (0028,0008), at least 0
   * @return the length in bytes
   */
  public static long pixelDataLengthBytes(FrameDescriptor d, int numberOfFrames) {
    if (numberOfFrames < 0) {
      throw new IllegalArgumentException(
          "NumberOfFrames (0028,0008) must not be negative: " + numberOfFrames);
    }
    return (frameLengthBits(d) * numberOfFrames + 7) >>> 3;
  }

  /**
   * Returns the bit position at which a frame starts in native Pixel Data (7FE0,0010); byte offset
   * {@code >>> 3}, bit shift {@code & 7} (non-zero only for BitsAllocated 1).
   *
   * @param frameIndex zero-based frame index
   * @param d the frame's attributes
   * @return the bit position
   */
  public static long frameStartBit(int frameIndex, FrameDescriptor d) {
    if (frameIndex < 0) {
      throw new IllegalArgumentException("frameIndex must not be negative: " + frameIndex);
    }
    return frameIndex * frameLengthBits(d);
  }

  /**
   * Returns the Photometric Interpretation of frames extracted by this class: YBR_FULL for native
   * YBR_FULL_422 (its chroma is expanded), otherwise the stored one.
   *
   * @param d the frame's attributes
   * @return the colour space of the decoded samples
   */
  public static String decodedPhotometricInterpretation(FrameDescriptor d) {
    return isYbrFull422(d) ? "YBR_FULL" : d.photometricInterpretation();
  }

  /**
   * Extracts one frame of native Pixel Data (7FE0,0010) into the decoded layout of {@link
   * FrameDescriptor}: Planar Configuration 1 is interleaved, big endian containers are swapped,
   * BitsAllocated 1 is unpacked to one byte per pixel, YBR_FULL_422 is expanded to YBR_FULL. Stored
   * values are not masked to BitsStored; see {@link #maskAndSignExtend}.
   *
   * @param pixelData the whole Pixel Data value (all frames)
   * @param frameIndex zero-based frame index
   * @param d the frame's attributes
   * @param bigEndian whether the value is Explicit VR Big Endian (see the class comment for OW
   *     values of BitsAllocated 1 and 8)
   * @return a new array holding the decoded frame
   * @throws DicomStreamException when {@code pixelData} is too short to hold the frame
   */
  public static byte[] extractFrame(
      byte[] pixelData, int frameIndex, FrameDescriptor d, boolean bigEndian)
      throws DicomStreamException {
    Objects.requireNonNull(pixelData, "pixelData");
    long startBit = frameStartBit(frameIndex, d);
    checkAvailable(pixelData.length, frameIndex, startBit, d);
    return extractFrame(pixelData, (int) (startBit >>> 3), (int) (startBit & 7), d, bigEndian);
  }

  /**
   * Extracts one frame of native Pixel Data (7FE0,0010) held in a buffer, e.g. a memory-mapped file
   * region; the value starts at the buffer's position and ends at its limit. The buffer's position
   * is not changed.
   *
   * @param pixelData the whole Pixel Data value (all frames)
   * @param frameIndex zero-based frame index
   * @param d the frame's attributes
   * @param bigEndian whether the value is Explicit VR Big Endian
   * @return a new array holding the decoded frame
   * @throws DicomStreamException when {@code pixelData} is too short to hold the frame
   * @see #extractFrame(byte[], int, FrameDescriptor, boolean)
   */
  public static byte[] extractFrame(
      ByteBuffer pixelData, int frameIndex, FrameDescriptor d, boolean bigEndian)
      throws DicomStreamException {
    Objects.requireNonNull(pixelData, "pixelData");
    long startBit = frameStartBit(frameIndex, d);
    checkAvailable(pixelData.remaining(), frameIndex, startBit, d);
    int shift = (int) (startBit & 7);
    int start = pixelData.position() + (int) (startBit >>> 3);
    int span = (int) ((shift + frameLengthBits(d) + 7) >>> 3);
    if (pixelData.hasArray()) {
      return extractFrame(pixelData.array(), pixelData.arrayOffset() + start, shift, d, bigEndian);
    }
    byte[] copy = new byte[span];
    pixelData.duplicate().position(start).get(copy);
    return extractFrame(copy, 0, shift, d, bigEndian);
  }

  /**
   * Decodes one native frame that starts at {@code offset} of {@code src}, e.g. a slice read from a
   * file: the frame's bytes (or, for BitsAllocated 1, the bytes spanning its bits) from there on.
   *
   * @param src the bytes
   * @param offset index of the frame's first byte
   * @param bitShift for BitsAllocated 1, the bit (0..7, least significant first) of {@code
   *     src[offset]} holding the first pixel; 0 otherwise
   * @param d the frame's attributes
   * @param bigEndian whether the value is Explicit VR Big Endian
   * @return a new array holding the decoded frame
   * @throws DicomStreamException when {@code src} ends before the frame does
   */
  public static byte[] extractFrame(
      byte[] src, int offset, int bitShift, FrameDescriptor d, boolean bigEndian)
      throws DicomStreamException {
    Objects.requireNonNull(src, "src");
    Objects.requireNonNull(d, "d");
    if (offset < 0 || offset > src.length) {
      throw new IllegalArgumentException("offset out of range 0.." + src.length + ": " + offset);
    }
    if (bitShift < 0 || bitShift > 7 || (bitShift != 0 && d.bitsAllocated() != 1)) {
      throw new IllegalArgumentException(
          "bitShift must be 0..7 for BitsAllocated 1 and 0 otherwise: " + bitShift);
    }
    long need = (bitShift + frameLengthBits(d) + 7) >>> 3;
    if (need > src.length - offset) {
      throw new DicomStreamException(
          "value ends inside the frame (expected " + need + " bytes): " + (src.length - offset),
          offset,
          PIXEL_DATA_TAG);
    }
    int samples = checkedDecodedLength(d);
    if (d.bitsAllocated() == 1) {
      return unpackBits(src, (long) offset * 8 + bitShift, samples);
    }
    int bps = d.bytesPerSample();
    boolean swap = bigEndian && bps > 1;
    if (isYbrFull422(d)) {
      return expandYbrFull422(src, offset, d.rows(), d.columns(), bps, swap);
    }
    byte[] out = new byte[samples];
    int spp = d.samplesPerPixel();
    if (spp == 1 || d.planarConfiguration() == 0) {
      if (swap) {
        copySwapped(src, offset, out, 0, samples / bps, bps, bps);
      } else {
        System.arraycopy(src, offset, out, 0, samples);
      }
    } else {
      int planeBytes = d.pixelCount() * bps;
      int pixelStride = spp * bps;
      for (int s = 0; s < spp; s++) {
        int from = offset + s * planeBytes;
        int to = s * bps;
        if (swap) {
          copySwapped(src, from, out, to, d.pixelCount(), bps, pixelStride);
        } else if (bps == 1) {
          for (int p = 0, o = to; p < planeBytes; p++, o += pixelStride) {
            out[o] = src[from + p];
          }
        } else {
          for (int p = 0, o = to; p < planeBytes; p += bps, o += pixelStride) {
            System.arraycopy(src, from + p, out, o, bps);
          }
        }
      }
    }
    return out;
  }

  /**
   * Converts one frame from the decoded layout of {@link FrameDescriptor} to its native encoding as
   * stored on its own: Planar Configuration 1 when the descriptor says so, big endian containers
   * when asked, packed bits for BitsAllocated 1 (padded to a whole byte). To write several 1-bit
   * frames contiguously use {@link #packFrames}.
   *
   * @param frame the decoded frame
   * @param d the frame's attributes; YBR_FULL_422 is not supported (subsampling loses chroma)
   * @param bigEndian whether to produce Explicit VR Big Endian containers
   * @return a new array holding the native frame
   * @throws IllegalArgumentException when {@code frame} has the wrong length or {@code d} is
   *     YBR_FULL_422
   */
  public static byte[] toNativeFrame(byte[] frame, FrameDescriptor d, boolean bigEndian) {
    Objects.requireNonNull(frame, "frame");
    Objects.requireNonNull(d, "d");
    if (frame.length != d.decodedLength()) {
      throw new IllegalArgumentException(
          "frame length does not match the descriptor (expected "
              + d.decodedLength()
              + " bytes): "
              + frame.length);
    }
    if (isYbrFull422(d)) {
      throw new IllegalArgumentException(
          "PhotometricInterpretation (0028,0004) YBR_FULL_422 cannot be written from decoded"
              + " frames (expected another colour space): YBR_FULL_422");
    }
    if (d.bitsAllocated() == 1) {
      return packBits(frame);
    }
    int bps = d.bytesPerSample();
    boolean swap = bigEndian && bps > 1;
    int spp = d.samplesPerPixel();
    byte[] out = new byte[frame.length];
    if (spp == 1 || d.planarConfiguration() == 0) {
      if (swap) {
        copySwapped(frame, 0, out, 0, frame.length / bps, bps, bps);
      } else {
        System.arraycopy(frame, 0, out, 0, frame.length);
      }
      return out;
    }
    int pixels = d.pixelCount();
    int pixelStride = spp * bps;
    for (int s = 0; s < spp; s++) {
      int planeStart = s * pixels * bps;
      for (int p = 0; p < pixels; p++) {
        int from = p * pixelStride + s * bps;
        int to = planeStart + p * bps;
        for (int b = 0; b < bps; b++) {
          out[to + (swap ? bps - 1 - b : b)] = frame[from + b];
        }
      }
    }
    return out;
  }

  /**
   * Packs one byte per pixel into bits, least significant bit first (PS3.5 Section 8.1.1 for
   * BitsAllocated 1); any non-zero byte is a 1. The last byte is padded with zero bits.
   *
   * @param oneBytePerPixel the pixels
   * @return {@code ceil(n / 8)} bytes
   */
  public static byte[] packBits(byte[] oneBytePerPixel) {
    Objects.requireNonNull(oneBytePerPixel, "oneBytePerPixel");
    byte[] out = new byte[(oneBytePerPixel.length + 7) >>> 3];
    packBits(oneBytePerPixel, 0, oneBytePerPixel.length, out, 0);
    return out;
  }

  /**
   * Packs {@code count} pixels (one byte each, non-zero is 1) into {@code dst} starting at bit
   * {@code dstBitOffset}, least significant bit first. Bits of {@code dst} outside the written
   * range are kept, so frames can be packed one after another across byte boundaries.
   *
   * @param src the pixels
   * @param srcOffset index of the first pixel
   * @param count number of pixels
   * @param dst the packed bits
   * @param dstBitOffset bit position of the first pixel in {@code dst}
   */
  public static void packBits(byte[] src, int srcOffset, int count, byte[] dst, long dstBitOffset) {
    Objects.requireNonNull(src, "src");
    Objects.requireNonNull(dst, "dst");
    Objects.checkFromIndexSize(srcOffset, count, src.length);
    if (dstBitOffset < 0 || dstBitOffset + count > (long) dst.length * 8) {
      throw new IndexOutOfBoundsException(
          "bits " + dstBitOffset + ".." + (dstBitOffset + count) + " exceed " + dst.length * 8L);
    }
    int i = 0;
    long bit = dstBitOffset;
    // Leading pixels up to a byte boundary, then whole bytes, then the tail.
    while (i < count && (bit & 7) != 0) {
      setBit(dst, bit++, src[srcOffset + i++] != 0);
    }
    int byteIndex = (int) (bit >>> 3);
    for (; count - i >= 8; i += 8, bit += 8) {
      int s = srcOffset + i;
      int v = 0;
      for (int k = 0; k < 8; k++) {
        if (src[s + k] != 0) {
          v |= 1 << k;
        }
      }
      dst[byteIndex++] = (byte) v;
    }
    while (i < count) {
      setBit(dst, bit++, src[srcOffset + i++] != 0);
    }
  }

  /**
   * Unpacks bits, least significant bit first, into one byte (0 or 1) per pixel.
   *
   * @param packed the packed bits
   * @param bitOffset bit position of the first pixel
   * @param count number of pixels
   * @return a new array of {@code count} bytes
   */
  public static byte[] unpackBits(byte[] packed, long bitOffset, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must not be negative: " + count);
    }
    byte[] out = new byte[count];
    unpackBits(packed, bitOffset, count, out, 0);
    return out;
  }

  /**
   * Unpacks bits, least significant bit first, into one byte (0 or 1) per pixel of {@code dst}.
   *
   * @param packed the packed bits
   * @param bitOffset bit position of the first pixel
   * @param count number of pixels
   * @param dst receives the pixels
   * @param dstOffset index in {@code dst} of the first pixel
   */
  public static void unpackBits(
      byte[] packed, long bitOffset, int count, byte[] dst, int dstOffset) {
    Objects.requireNonNull(packed, "packed");
    Objects.requireNonNull(dst, "dst");
    Objects.checkFromIndexSize(dstOffset, count, dst.length);
    if (bitOffset < 0 || bitOffset + count > (long) packed.length * 8) {
      throw new IndexOutOfBoundsException(
          "bits " + bitOffset + ".." + (bitOffset + count) + " exceed " + packed.length * 8L);
    }
    int i = 0;
    long bit = bitOffset;
    while (i < count && (bit & 7) != 0) {
      dst[dstOffset + i++] = (byte) ((packed[(int) (bit >>> 3)] >>> (bit & 7)) & 1);
      bit++;
    }
    int byteIndex = (int) (bit >>> 3);
    for (; count - i >= 8; i += 8) {
      int v = packed[byteIndex++];
      int o = dstOffset + i;
      for (int k = 0; k < 8; k++) {
        dst[o + k] = (byte) ((v >>> k) & 1);
      }
    }
    bit = (long) byteIndex * 8;
    while (i < count) {
      dst[dstOffset + i++] = (byte) ((packed[(int) (bit >>> 3)] >>> (bit & 7)) & 1);
      bit++;
    }
  }

  /**
   * Packs 1-bit frames contiguously as native Pixel Data (7FE0,0010) stores them: frame {@code i}
   * starts at bit {@code i × pixelsPerFrame}, with no padding between frames. The result is not
   * padded to even length.
   *
   * @param frames the frames, one byte (non-zero is 1) per pixel
   * @param pixelsPerFrame Rows × Columns; every frame has this length
   * @return {@code ceil(frames × pixelsPerFrame / 8)} bytes
   */
  public static byte[] packFrames(List<byte[]> frames, int pixelsPerFrame) {
    Objects.requireNonNull(frames, "frames");
    if (pixelsPerFrame < 1) {
      throw new IllegalArgumentException("pixelsPerFrame must be positive: " + pixelsPerFrame);
    }
    long bytes = ((long) frames.size() * pixelsPerFrame + 7) >>> 3;
    if (bytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("packed frames exceed 2 GiB: " + bytes);
    }
    byte[] out = new byte[(int) bytes];
    long bit = 0;
    for (int i = 0; i < frames.size(); i++) {
      byte[] f = Objects.requireNonNull(frames.get(i), "frames[" + i + "]");
      if (f.length != pixelsPerFrame) {
        throw new IllegalArgumentException(
            "frame " + i + " length (expected " + pixelsPerFrame + "): " + f.length);
      }
      packBits(f, 0, pixelsPerFrame, out, bit);
      bit += pixelsPerFrame;
    }
    return out;
  }

  /**
   * Reduces each sample of a decoded frame to its low BitsStored (0028,0101) bits and, when Pixel
   * Representation (0028,0103) is 1, sign-extends it from bit BitsStored − 1, in place. This is the
   * normalisation of stored values that makes frames comparable whatever encoder wrote them (bits
   * above High Bit are discarded).
   *
   * @param frame a frame in the decoded layout of {@code d}
   * @param d the frame's attributes
   */
  public static void maskAndSignExtend(byte[] frame, FrameDescriptor d) {
    Objects.requireNonNull(frame, "frame");
    Objects.requireNonNull(d, "d");
    int bps = d.bytesPerSample();
    if (frame.length % bps != 0) {
      throw new IllegalArgumentException(
          "frame length is not a multiple of " + bps + " bytes: " + frame.length);
    }
    int bits = d.bitsStored();
    int containerBits = bps * 8;
    if (bits == containerBits) {
      return; // the container already holds exactly the stored value
    }
    boolean signed = d.signed();
    long mask = (1L << bits) - 1;
    long signBit = 1L << (bits - 1);
    switch (bps) {
      case 1:
        for (int i = 0; i < frame.length; i++) {
          frame[i] = (byte) normalise(frame[i], mask, signBit, signed);
        }
        break;
      case 2:
        for (int i = 0; i < frame.length; i += 2) {
          long v = (frame[i] & 0xff) | (frame[i + 1] & 0xff) << 8;
          v = normalise(v, mask, signBit, signed);
          frame[i] = (byte) v;
          frame[i + 1] = (byte) (v >>> 8);
        }
        break;
      default:
        for (int i = 0; i < frame.length; i += bps) {
          long v = 0;
          for (int b = 0; b < bps; b++) {
            v |= (frame[i + b] & 0xffL) << (8 * b);
          }
          v = normalise(v, mask, signBit, signed);
          for (int b = 0; b < bps; b++) {
            frame[i + b] = (byte) (v >>> (8 * b));
          }
        }
        break;
    }
  }

  /**
   * Expands a native YBR_FULL_422 frame (PS3.3 C.7.6.3.1.2: for each horizontal pair of pixels Y1
   * Y2 Cb Cr) to YBR_FULL by giving both pixels of the pair the same Cb and Cr.
   *
   * @param src the native frame
   * @param offset index of the frame's first byte
   * @param rows Rows (0028,0010)
   * @param columns Columns (0028,0011), even
   * @param bytesPerSample 1 for BitsAllocated 8, 2 for 16
   * @param bigEndian whether containers of more than one byte are big endian
   * @return the frame as YBR_FULL, three interleaved samples per pixel
   * @throws IllegalArgumentException when {@code columns} is odd or {@code src} is too short
   */
  public static byte[] expandYbrFull422(
      byte[] src, int offset, int rows, int columns, int bytesPerSample, boolean bigEndian) {
    Objects.requireNonNull(src, "src");
    if ((columns & 1) != 0) {
      throw new IllegalArgumentException(
          "Columns (0028,0011) of YBR_FULL_422 must be even (expected pairs of pixels): "
              + columns);
    }
    int bps = bytesPerSample;
    long pairs = (long) rows * columns / 2;
    long inLength = pairs * 4 * bps;
    if (offset < 0 || inLength > src.length - (long) offset) {
      throw new IllegalArgumentException(
          "YBR_FULL_422 frame exceeds the source (expected "
              + inLength
              + " bytes from "
              + offset
              + "): "
              + src.length);
    }
    byte[] out = new byte[Math.toIntExact(pairs * 6 * bps)];
    boolean swap = bigEndian && bps > 1;
    int in = offset;
    int o = 0;
    int group = 4 * bps;
    for (long p = 0; p < pairs; p++, in += group, o += 6 * bps) {
      // output order Y1 Cb Cr Y2 Cb Cr from input Y1 Y2 Cb Cr
      copySample(src, in, out, o, bps, swap);
      copySample(src, in + 2 * bps, out, o + bps, bps, swap);
      copySample(src, in + 3 * bps, out, o + 2 * bps, bps, swap);
      copySample(src, in + bps, out, o + 3 * bps, bps, swap);
      copySample(src, in + 2 * bps, out, o + 4 * bps, bps, swap);
      copySample(src, in + 3 * bps, out, o + 5 * bps, bps, swap);
    }
    return out;
  }

  private static void copySample(byte[] src, int from, byte[] dst, int to, int bps, boolean swap) {
    for (int b = 0; b < bps; b++) {
      dst[to + b] = src[from + (swap ? bps - 1 - b : b)];
    }
  }

  private static long normalise(long v, long mask, long signBit, boolean signed) {
    long r = v & mask;
    return signed && (r & signBit) != 0 ? r | ~mask : r;
  }

  private static boolean isYbrFull422(FrameDescriptor d) {
    return d.bitsAllocated() != 1
        && d.samplesPerPixel() == 3
        && YBR_FULL_422.equals(d.photometricInterpretation());
  }

  private static int checkedDecodedLength(FrameDescriptor d) {
    long n = d.decodedLength();
    if (n > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("decoded frame exceeds 2 GiB: " + n + " bytes");
    }
    return (int) n;
  }

  private static void checkAvailable(
      long available, int frameIndex, long startBit, FrameDescriptor d)
      throws DicomStreamException {
    long endByte = (startBit + frameLengthBits(d) + 7) >>> 3;
    if (endByte > available) {
      throw new DicomStreamException(
          "value too short for frame "
              + (frameIndex + 1)
              + " (expected ≥ "
              + endByte
              + " bytes): "
              + available,
          startBit >>> 3,
          PIXEL_DATA_TAG);
    }
  }

  /** Copies {@code count} containers of {@code bps} bytes reversing each one's byte order. */
  private static void copySwapped(
      byte[] src, int from, byte[] dst, int to, int count, int bps, int dstStride) {
    switch (bps) {
      case 2:
        for (int i = 0; i < count; i++, from += 2, to += dstStride) {
          dst[to] = src[from + 1];
          dst[to + 1] = src[from];
        }
        break;
      case 4:
        for (int i = 0; i < count; i++, from += 4, to += dstStride) {
          dst[to] = src[from + 3];
          dst[to + 1] = src[from + 2];
          dst[to + 2] = src[from + 1];
          dst[to + 3] = src[from];
        }
        break;
      default:
        for (int i = 0; i < count; i++, from += bps, to += dstStride) {
          for (int b = 0; b < bps; b++) {
            dst[to + b] = src[from + bps - 1 - b];
          }
        }
        break;
    }
  }

  private static void setBit(byte[] dst, long bit, boolean one) {
    int index = (int) (bit >>> 3);
    int m = 1 << (bit & 7);
    dst[index] = (byte) (one ? dst[index] | m : dst[index] & ~m);
  }
}
