package org.highdicom4j.codec.jpegls;

import java.util.Objects;
import java.util.Set;
import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.FrameCodec;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.UnsupportedTransferSyntaxException;
import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * The JPEG-LS codec for the transfer syntaxes JPEG-LS Lossless Image Compression
 * (1.2.840.10008.1.2.4.80) and JPEG-LS Lossy (Near-Lossless) Image Compression
 * (1.2.840.10008.1.2.4.81), PS3.5 Section 8.2.3, implementing ITU-T T.87 | ISO/IEC 14495-1.
 *
 * <p>Decoding handles precisions 2..16 (BitsAllocated 8 or 16), 1 to 4 components in every
 * interleave mode, any NEAR, preset parameters (LSE id 1), the oversize dimension segment (LSE id
 * 4) and restart markers. Mapping tables, subsampled components and the non-standard HP colour
 * transforms are rejected with {@link UnsupportedTransferSyntaxException}. JPEG-LS codes unsigned
 * values, so for Pixel Representation 1 the decoded values are sign-extended from BitsStored.
 *
 * <p>Encoding writes standard codestreams with default thresholds: interleave mode none for one
 * component, line interleaving for several, NEAR 0 for the lossless syntax and the configured NEAR
 * for the near-lossless syntax. Signed samples are coded as their BitsStored-bit two's complement
 * pattern (what other DICOM JPEG-LS implementations expect), so with NEAR &gt; 0 a sample next to
 * the largest positive value may decode as one next to the most negative value. The codec is
 * immutable and thread-safe.
 */
public final class JpegLsCodec implements FrameCodec {

  /** JPEG-LS Lossless Image Compression. */
  public static final String JPEG_LS_LOSSLESS = "1.2.840.10008.1.2.4.80";

  /** JPEG-LS Lossy (Near-Lossless) Image Compression. */
  public static final String JPEG_LS_NEAR_LOSSLESS = "1.2.840.10008.1.2.4.81";

  /** The NEAR used for {@link #JPEG_LS_NEAR_LOSSLESS} by the no-argument constructor. */
  public static final int DEFAULT_NEAR = 2;

  private static final Set<String> UIDS = Set.of(JPEG_LS_LOSSLESS, JPEG_LS_NEAR_LOSSLESS);

  private final int near;

  /** Creates the codec with NEAR {@value #DEFAULT_NEAR} for the near-lossless syntax. */
  public JpegLsCodec() {
    this(DEFAULT_NEAR);
  }

  /**
   * Creates the codec with a chosen maximum error for the near-lossless syntax.
   *
   * @param nearForNearLosslessSyntax NEAR, the largest absolute difference between an original and
   *     a decoded sample when encoding {@link #JPEG_LS_NEAR_LOSSLESS}, 0..255 (reduced to MAXVAL/2
   *     for small precisions, as T.87 requires); the lossless syntax always uses 0
   * @throws IllegalArgumentException when out of range
   */
  public JpegLsCodec(int nearForNearLosslessSyntax) {
    if (nearForNearLosslessSyntax < 0 || nearForNearLosslessSyntax > 255) {
      throw new IllegalArgumentException(
          "JPEG-LS NEAR must be 0..255: " + nearForNearLosslessSyntax);
    }
    this.near = nearForNearLosslessSyntax;
  }

  /** Returns the NEAR this codec uses when encoding the near-lossless syntax. */
  public int nearForNearLosslessSyntax() {
    return near;
  }

  @Override
  public Set<String> transferSyntaxUids() {
    return UIDS;
  }

  @Override
  public boolean canDecode(String transferSyntaxUid, FrameDescriptor descriptor) {
    Objects.requireNonNull(descriptor, "descriptor");
    return UIDS.contains(Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid"))
        && (descriptor.bitsAllocated() == 8 || descriptor.bitsAllocated() == 16);
  }

  @Override
  public boolean canEncode(String transferSyntaxUid, FrameDescriptor descriptor) {
    return canDecode(transferSyntaxUid, descriptor);
  }

  @Override
  public DecodedFrame decode(String transferSyntaxUid, byte[] encoded, FrameDescriptor descriptor)
      throws DicomStreamException {
    Objects.requireNonNull(encoded, "encoded");
    if (!canDecode(transferSyntaxUid, descriptor)) {
      throw unsupported(transferSyntaxUid, descriptor);
    }
    return JpegLsDecoder.decode(transferSyntaxUid, encoded, descriptor);
  }

  @Override
  public byte[] encode(String transferSyntaxUid, byte[] frame, FrameDescriptor descriptor) {
    Objects.requireNonNull(frame, "frame");
    if (!canEncode(transferSyntaxUid, descriptor)) {
      throw unsupported(transferSyntaxUid, descriptor);
    }
    if (frame.length != descriptor.decodedLength()) {
      throw new IllegalArgumentException(
          "frame length does not match the descriptor (expected "
              + descriptor.decodedLength()
              + "): "
              + frame.length);
    }
    int frameNear = JPEG_LS_NEAR_LOSSLESS.equals(transferSyntaxUid) ? near : 0;
    return JpegLsEncoder.encode(frame, descriptor, frameNear);
  }

  private static UnsupportedTransferSyntaxException unsupported(
      String transferSyntaxUid, FrameDescriptor d) {
    if (!UIDS.contains(transferSyntaxUid)) {
      return new UnsupportedTransferSyntaxException(transferSyntaxUid, "not a JPEG-LS syntax");
    }
    return new UnsupportedTransferSyntaxException(
        transferSyntaxUid, "BitsAllocated " + d.bitsAllocated() + " (JPEG-LS needs 8 or 16)");
  }
}
