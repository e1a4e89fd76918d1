package org.highdicom4j.codec.jpeg2000;

import java.io.IOException;
import java.util.Objects;
import java.util.Set;
import jj2000.j2k.util.FacilityManager;
import jj2000.j2k.util.MsgLogger;
import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.FrameCodec;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.UnsupportedTransferSyntaxException;
import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * The JPEG 2000 Image Compression codec (PS3.5 Section 8.2.4): decodes frames of JPEG 2000
 * (Lossless Only) 1.2.840.10008.1.2.4.90 and JPEG 2000 1.2.840.10008.1.2.4.91, and encodes frames
 * losslessly for 1.2.840.10008.1.2.4.90.
 *
 * <p>Decoding accepts a raw codestream (SOC FF4F, SIZ FF51) or a JP2 file, with BitsAllocated 1, 8
 * or 16 and any number of samples. The codestream's image size and component count must equal
 * Columns, Rows and Samples per Pixel, its precision must fit BitsAllocated, and every tile-part
 * must be complete; otherwise a {@link DicomStreamException} is raised before any large buffer is
 * allocated. Samples are reduced to BitsStored bits and sign-extended when Pixel Representation is
 * 1 (so an unsigned 13-bit codestream in a signed 13-bit frame yields negative values, as stored
 * values are defined). When the codestream uses the multiple component transformation (MCT = 1,
 * Photometric Interpretation YBR_RCT or YBR_ICT), the decoded frame is RGB; otherwise it keeps the
 * stored Photometric Interpretation.
 *
 * <p>Encoding (lossless only) writes a plain codestream: one tile, reversible 5-3 wavelet, no
 * quantization, one layer, component precision = BitsStored (1-bit frames become 1-bit components,
 * as in highdicom's BINARY segmentations), signedness from Pixel Representation. For three samples
 * the reversible component transform (MCT = 1) is applied exactly when the descriptor's Photometric
 * Interpretation is YBR_RCT (the frame then holds RGB samples, as highdicom passes them); with RGB
 * no component transform is used.
 *
 * <p>Thread-safe: each call builds its own JJ2000 pipeline. JJ2000's only shared state is its
 * per-thread message logger registry, to which each call registers (and then removes) a logger for
 * its own thread that forwards messages to {@link System.Logger} instead of standard output. HTJ2K
 * (1.2.840.10008.1.2.4.201 to .203) is not supported.
 */
public final class Jpeg2000Codec implements FrameCodec {

  /** JPEG 2000 Image Compression (Lossless Only). */
  public static final String JPEG_2000_LOSSLESS = "1.2.840.10008.1.2.4.90";

  /** JPEG 2000 Image Compression (lossy or lossless). */
  public static final String JPEG_2000 = "1.2.840.10008.1.2.4.91";

  private static final Set<String> UIDS = Set.of(JPEG_2000_LOSSLESS, JPEG_2000);
  private static final System.Logger LOGGER = System.getLogger(Jpeg2000Codec.class.getName());

  /** Creates the codec; it holds no state. */
  public Jpeg2000Codec() {}

  @Override
  public Set<String> transferSyntaxUids() {
    return UIDS;
  }

  @Override
  public boolean canDecode(String transferSyntaxUid, FrameDescriptor descriptor) {
    Objects.requireNonNull(descriptor, "descriptor");
    int ba = descriptor.bitsAllocated();
    return UIDS.contains(transferSyntaxUid) && (ba == 1 || ba == 8 || ba == 16);
  }

  @Override
  public boolean canEncode(String transferSyntaxUid, FrameDescriptor descriptor) {
    Objects.requireNonNull(descriptor, "descriptor");
    int ba = descriptor.bitsAllocated();
    int spp = descriptor.samplesPerPixel();
    String pi = descriptor.photometricInterpretation();
    return JPEG_2000_LOSSLESS.equals(transferSyntaxUid)
        && (ba == 8 || ba == 16 || (ba == 1 && !descriptor.signed() && spp == 1))
        && (spp == 1 || spp == 3)
        && !"YBR_ICT".equals(pi)
        && (!"YBR_RCT".equals(pi) || spp == 3);
  }

  @Override
  public DecodedFrame decode(String transferSyntaxUid, byte[] encoded, FrameDescriptor descriptor)
      throws DicomStreamException {
    Objects.requireNonNull(encoded, "encoded");
    if (!canDecode(transferSyntaxUid, descriptor)) {
      throw new UnsupportedTransferSyntaxException(
          transferSyntaxUid, "JPEG 2000 decoding of BitsAllocated " + descriptor.bitsAllocated());
    }
    J2kCodestream cs = J2kCodestream.parse(encoded);
    cs.checkAgainst(descriptor);
    Thread thread = Thread.currentThread();
    SystemLoggerAdapter messages = new SystemLoggerAdapter();
    FacilityManager.registerMsgLogger(thread, messages);
    try {
      byte[] data = J2kDecoder.decode(descriptor, cs);
      if (messages.truncation != null) {
        // JJ2000 decodes what it finds when packet data runs out; a partial image is an error.
        throw new DicomStreamException(
            "PixelData (7FE0,0010) JPEG 2000 codestream is truncated or corrupt: "
                + messages.truncation);
      }
      String photometric =
          cs.mct && cs.components >= 3 ? "RGB" : descriptor.photometricInterpretation();
      return new DecodedFrame(data, photometric);
    } catch (DicomStreamException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw corrupt(e);
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Error e) {
      // JJ2000 signals some corrupt codestreams with plain Errors (e.g. NotImplementedError).
      throw corrupt(e);
    } finally {
      FacilityManager.unregisterMsgLogger(thread);
    }
  }

  @Override
  public byte[] encode(String transferSyntaxUid, byte[] frame, FrameDescriptor descriptor) {
    Objects.requireNonNull(frame, "frame");
    if (!canEncode(transferSyntaxUid, descriptor)) {
      throw new UnsupportedTransferSyntaxException(
          transferSyntaxUid,
          "JPEG 2000 lossless encoding of BitsAllocated "
              + descriptor.bitsAllocated()
              + ", SamplesPerPixel "
              + descriptor.samplesPerPixel()
              + ", "
              + descriptor.photometricInterpretation());
    }
    if (frame.length != descriptor.decodedLength()) {
      throw new IllegalArgumentException(
          "frame length does not match the descriptor (expected "
              + descriptor.decodedLength()
              + "): "
              + frame.length);
    }
    boolean rct = "YBR_RCT".equals(descriptor.photometricInterpretation());
    Thread thread = Thread.currentThread();
    FacilityManager.registerMsgLogger(thread, new SystemLoggerAdapter());
    try {
      return J2kEncoder.encode(frame, descriptor, rct);
    } catch (IOException e) {
      // Only in-memory streams are involved: an IOException is a bug, not bad input.
      throw new IllegalStateException("JPEG 2000 encoder failed", e);
    } finally {
      FacilityManager.unregisterMsgLogger(thread);
    }
  }

  private static DicomStreamException corrupt(Throwable cause) {
    return new DicomStreamException(
        "PixelData (7FE0,0010) JPEG 2000 codestream cannot be decoded: " + cause,
        DicomStreamException.UNKNOWN,
        DicomStreamException.UNKNOWN,
        cause);
  }

  /**
   * Forwards JJ2000 messages to {@link System.Logger} and remembers a truncation report. One
   * instance per call, registered for the calling thread only.
   */
  private static final class SystemLoggerAdapter implements MsgLogger {
    private String truncation;

    @Override
    public void printmsg(int severity, String message) {
      if (truncation == null && message != null && message.contains("truncated")) {
        truncation = message;
      }
      LOGGER.log(
          severity >= MsgLogger.WARNING ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
          "JJ2000: {0}",
          message);
    }

    @Override
    public void println(String message, int firstLineIndent, int indent) {
      LOGGER.log(System.Logger.Level.DEBUG, "JJ2000: {0}", message);
    }

    @Override
    public void flush() {
      // System.Logger needs no flushing
    }
  }
}
