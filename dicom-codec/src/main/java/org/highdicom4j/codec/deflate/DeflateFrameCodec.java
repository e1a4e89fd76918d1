package org.highdicom4j.codec.deflate;

import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;
import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.FrameCodec;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.UnsupportedTransferSyntaxException;
import org.highdicom4j.codec.uncompressed.NativePixelData;
import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * Deflated Image Frame Compression (1.2.840.10008.1.2.8.1, PS3.5 Section 8.2.15 and A.4.11): each
 * frame is a raw deflate stream (RFC 1951, no zlib or gzip wrapper) of the frame's native little
 * endian encoding. For BitsAllocated 1 that is the frame's bits packed least significant bit first
 * and padded to a whole byte; Planar Configuration 1 frames are stored planar.
 *
 * <p>The inflated size is known from the descriptor, so decoding stops and fails as soon as a
 * stream would inflate to more (a decompression bomb) or ends with less.
 *
 * <p>Stateless and thread-safe.
 */
public final class DeflateFrameCodec implements FrameCodec {

  /** The Deflated Image Frame Compression Transfer Syntax UID. */
  public static final String DEFLATED_IMAGE_FRAME_COMPRESSION = "1.2.840.10008.1.2.8.1";

  private static final long PIXEL_DATA_TAG = 0x7FE00010L;

  /** Creates the codec; it has no configuration. */
  public DeflateFrameCodec() {}

  @Override
  public Set<String> transferSyntaxUids() {
    return Set.of(DEFLATED_IMAGE_FRAME_COMPRESSION);
  }

  @Override
  public boolean canDecode(String transferSyntaxUid, FrameDescriptor descriptor) {
    return DEFLATED_IMAGE_FRAME_COMPRESSION.equals(transferSyntaxUid)
        && descriptor != null
        && (descriptor.bitsAllocated() != 1 || descriptor.samplesPerPixel() == 1)
        && (!isYbrFull422(descriptor) || (descriptor.columns() & 1) == 0);
  }

  @Override
  public boolean canEncode(String transferSyntaxUid, FrameDescriptor descriptor) {
    return canDecode(transferSyntaxUid, descriptor) && !isYbrFull422(descriptor);
  }

  private static boolean isYbrFull422(FrameDescriptor d) {
    return d.bitsAllocated() != 1
        && d.samplesPerPixel() == 3
        && "YBR_FULL_422".equals(d.photometricInterpretation());
  }

  private static void check(boolean supported, String ts, FrameDescriptor d) {
    Objects.requireNonNull(ts, "transferSyntaxUid");
    Objects.requireNonNull(d, "descriptor");
    if (!supported) {
      throw new UnsupportedTransferSyntaxException(
          ts,
          DEFLATED_IMAGE_FRAME_COMPRESSION.equals(ts)
              ? "DeflateFrameCodec cannot handle " + d
              : "DeflateFrameCodec handles only " + DEFLATED_IMAGE_FRAME_COMPRESSION);
    }
  }

  @Override
  public DecodedFrame decode(String transferSyntaxUid, byte[] encoded, FrameDescriptor descriptor)
      throws DicomStreamException {
    check(canDecode(transferSyntaxUid, descriptor), transferSyntaxUid, descriptor);
    Objects.requireNonNull(encoded, "encoded");
    FrameDescriptor d = descriptor;
    long nativeLength = NativePixelData.frameLengthBytes(d);
    if (nativeLength > Integer.MAX_VALUE - 8 || d.decodedLength() > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException("frame exceeds 2 GiB: " + d);
    }
    byte[] inflated = inflateExactly(encoded, (int) nativeLength);
    String photometric = NativePixelData.decodedPhotometricInterpretation(d);
    if (d.bitsAllocated() != 1
        && (d.samplesPerPixel() == 1 || d.planarConfiguration() == 0)
        && !isYbrFull422(d)) {
      return new DecodedFrame(inflated, photometric); // already the decoded layout
    }
    return new DecodedFrame(NativePixelData.extractFrame(inflated, 0, 0, d, false), photometric);
  }

  /** Inflates a raw deflate stream that must produce exactly {@code expected} bytes. */
  private static byte[] inflateExactly(byte[] encoded, int expected) throws DicomStreamException {
    Inflater inflater = new Inflater(true);
    try {
      inflater.setInput(encoded);
      byte[] out = new byte[expected];
      int n = 0;
      while (n < expected) {
        int got = inflater.inflate(out, n, expected - n);
        n += got;
        if (got == 0) {
          if (inflater.finished()) {
            throw new DicomStreamException(
                "deflate stream inflates to too few bytes (expected " + expected + "): " + n,
                inflater.getBytesRead(),
                PIXEL_DATA_TAG);
          }
          // needsInput(), needsDictionary() or no progress: the stream cannot complete the frame
          throw new DicomStreamException(
              "deflate stream is truncated (expected " + expected + " inflated bytes): " + n,
              inflater.getBytesRead(),
              PIXEL_DATA_TAG);
        }
      }
      if (!inflater.finished()) {
        // Only a final empty block may follow; more output means the frame is bigger than stated.
        byte[] probe = new byte[1];
        int extra = inflater.inflate(probe);
        if (extra > 0) {
          throw new DicomStreamException(
              "deflate stream inflates to more than the frame (expected "
                  + expected
                  + " bytes): more",
              inflater.getBytesRead(),
              PIXEL_DATA_TAG);
        }
        if (!inflater.finished()) {
          throw new DicomStreamException(
              "deflate stream is truncated (expected a final block): " + "no end of stream",
              inflater.getBytesRead(),
              PIXEL_DATA_TAG);
        }
      }
      return out;
    } catch (DataFormatException e) {
      throw new DicomStreamException(
          "deflate stream is corrupt (expected RFC 1951 data): " + e.getMessage(),
          inflater.getBytesRead(),
          PIXEL_DATA_TAG,
          e);
    } finally {
      inflater.end();
    }
  }

  @Override
  public byte[] encode(String transferSyntaxUid, byte[] frame, FrameDescriptor descriptor) {
    check(canEncode(transferSyntaxUid, descriptor), transferSyntaxUid, descriptor);
    Objects.requireNonNull(frame, "frame");
    byte[] nativeFrame = NativePixelData.toNativeFrame(frame, descriptor, false);
    Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
    try {
      deflater.setInput(nativeFrame);
      deflater.finish();
      byte[] out = new byte[Math.max(64, nativeFrame.length / 4)];
      int n = 0;
      while (!deflater.finished()) {
        if (n == out.length) {
          out = Arrays.copyOf(out, (int) Math.min((long) out.length * 2, Integer.MAX_VALUE - 8));
        }
        n += deflater.deflate(out, n, out.length - n);
      }
      return Arrays.copyOf(out, n);
    } finally {
      deflater.end();
    }
  }
}
