package org.highdicom4j.codec.jpeg;

import java.util.Objects;
import java.util.Set;
import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.FrameCodec;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.UnsupportedTransferSyntaxException;
import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * The JPEG codec (ITU-T T.81) for the encapsulated transfer syntaxes JPEG Baseline (Process 1),
 * JPEG Extended (Process 2 &amp; 4), JPEG Lossless (Process 14) and JPEG Lossless First-Order
 * Prediction (Process 14, Selection Value 1); PS3.5 Section 8.2.1.
 *
 * <p><b>Decoding</b> accepts, whatever the transfer syntax says, sequential DCT frames with Huffman
 * coding (SOF0, SOF1; 8 or 12 bits; up to four components with sampling factors up to 4) and
 * lossless frames (SOF3; precision 2 to 16, predictors 1 to 7, point transform, components without
 * subsampling), with restart intervals. Progressive, hierarchical and arithmetic-coded frames are
 * rejected with a {@link DicomStreamException}. No colour conversion is applied: components are
 * output as coded, so YCbCr stays YCbCr. Subsampled chroma is upsampled with libjpeg's triangular
 * filter for 2:1 horizontal (4:2:2) and 2:1 horizontal and vertical (4:2:0) ratios and by
 * replication otherwise; the decoded frame's photometric interpretation for YBR_FULL_422 becomes
 * YBR_FULL. Values are reduced to Bits Stored and sign-extended for Pixel Representation 1.
 *
 * <p><b>Encoding</b>: the lossless syntaxes use selection value 1 and point transform 0 with an
 * optimised Huffman table, for 1 or 3 samples of up to 16 bits; JPEG Baseline codes 8-bit frames of
 * 1 or 3 unsigned samples at 4:4:4 with the example tables of T.81 Annex K, quantization scaled by
 * {@link #quality()}. RGB is coded as RGB (an Adobe APP14 marker with transform 0 says so), so the
 * Photometric Interpretation of the encoded data set stays RGB; YBR_FULL is coded as YCbCr.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class JpegCodec implements FrameCodec {

  /** JPEG Baseline (Process 1) Transfer Syntax UID. */
  public static final String JPEG_BASELINE = "1.2.840.10008.1.2.4.50";

  /** JPEG Extended (Process 2 &amp; 4) Transfer Syntax UID. */
  public static final String JPEG_EXTENDED = "1.2.840.10008.1.2.4.51";

  /** JPEG Lossless, Non-Hierarchical (Process 14) Transfer Syntax UID. */
  public static final String JPEG_LOSSLESS = "1.2.840.10008.1.2.4.57";

  /**
   * JPEG Lossless, Non-Hierarchical, First-Order Prediction (Process 14, Selection Value 1)
   * Transfer Syntax UID.
   */
  public static final String JPEG_LOSSLESS_SV1 = "1.2.840.10008.1.2.4.70";

  /** The quality factor used by {@link #JpegCodec()}. */
  public static final int DEFAULT_QUALITY = 90;

  private static final Set<String> UIDS =
      Set.of(JPEG_BASELINE, JPEG_EXTENDED, JPEG_LOSSLESS, JPEG_LOSSLESS_SV1);

  private final int quality;

  /** Creates the codec with baseline quality {@value #DEFAULT_QUALITY}. */
  public JpegCodec() {
    this(DEFAULT_QUALITY);
  }

  /**
   * Creates the codec with a baseline quality factor.
   *
   * @param quality 1..100, scaling the T.81 Annex K quantization tables as the Independent JPEG
   *     Group's software does (50 uses them unchanged, 100 makes every step 1)
   * @throws IllegalArgumentException when quality is outside 1..100
   */
  public JpegCodec(int quality) {
    if (quality < 1 || quality > 100) {
      throw new IllegalArgumentException("JPEG quality must be 1..100: " + quality);
    }
    this.quality = quality;
  }

  /** Returns the quality factor (1..100) used for JPEG Baseline encoding. */
  public int quality() {
    return quality;
  }

  @Override
  public Set<String> transferSyntaxUids() {
    return UIDS;
  }

  @Override
  public boolean canDecode(String transferSyntaxUid, FrameDescriptor descriptor) {
    Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
    Objects.requireNonNull(descriptor, "descriptor");
    return UIDS.contains(transferSyntaxUid)
        && (descriptor.bitsAllocated() == 8 || descriptor.bitsAllocated() == 16)
        && descriptor.decodedLength() <= Integer.MAX_VALUE - 16;
  }

  @Override
  public boolean canEncode(String transferSyntaxUid, FrameDescriptor descriptor) {
    Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
    Objects.requireNonNull(descriptor, "descriptor");
    int ba = descriptor.bitsAllocated();
    int nc = descriptor.samplesPerPixel();
    String pi = descriptor.photometricInterpretation();
    if (descriptor.decodedLength() > Integer.MAX_VALUE / 4) {
      return false;
    }
    switch (transferSyntaxUid) {
      case JPEG_LOSSLESS, JPEG_LOSSLESS_SV1:
        return (ba == 8 || ba == 16)
            && descriptor.bitsStored() <= 16
            && (nc == 1 && isMonochromeOrPalette(pi) || nc == 3 && isFullColour(pi));
      case JPEG_BASELINE:
        return ba == 8
            && descriptor.bitsStored() == 8
            && !descriptor.signed()
            && (nc == 1 && pi.startsWith("MONOCHROME") || nc == 3 && isFullColour(pi));
      default:
        return false;
    }
  }

  private static boolean isMonochromeOrPalette(String pi) {
    return "MONOCHROME1".equals(pi) || "MONOCHROME2".equals(pi) || "PALETTE COLOR".equals(pi);
  }

  private static boolean isFullColour(String pi) {
    return "RGB".equals(pi) || "YBR_FULL".equals(pi);
  }

  @Override
  public DecodedFrame decode(String transferSyntaxUid, byte[] encoded, FrameDescriptor descriptor)
      throws DicomStreamException {
    Objects.requireNonNull(encoded, "encoded");
    if (!canDecode(transferSyntaxUid, descriptor)) {
      throw new UnsupportedTransferSyntaxException(
          transferSyntaxUid, "cannot decode JPEG frames described as " + descriptor);
    }
    return new JpegDecoder(encoded, descriptor).decode();
  }

  @Override
  public byte[] encode(String transferSyntaxUid, byte[] frame, FrameDescriptor descriptor) {
    Objects.requireNonNull(frame, "frame");
    if (!canEncode(transferSyntaxUid, descriptor)) {
      throw new UnsupportedTransferSyntaxException(
          transferSyntaxUid, "cannot encode JPEG frames described as " + descriptor);
    }
    if (frame.length != descriptor.decodedLength()) {
      throw new IllegalArgumentException(
          "frame length does not match the descriptor (expected "
              + descriptor.decodedLength()
              + "): "
              + frame.length);
    }
    return JPEG_BASELINE.equals(transferSyntaxUid)
        ? BaselineEncoder.encode(frame, descriptor, quality)
        : LosslessEncoder.encode(frame, descriptor);
  }
}
