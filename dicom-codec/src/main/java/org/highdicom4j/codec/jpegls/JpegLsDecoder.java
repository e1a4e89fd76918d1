package org.highdicom4j.codec.jpegls;

import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.UnsupportedTransferSyntaxException;
import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * Parses a JPEG-LS codestream (T.87 Annex C: SOI, SOF55, LSE, DRI, SOS, EOI) and decodes its scans
 * into one frame, checking the frame header against the data set's description of the frame.
 */
final class JpegLsDecoder {
  private static final int SOI = 0xd8;
  private static final int EOI = 0xd9;
  private static final int SOF55 = 0xf7;
  private static final int LSE = 0xf8;
  private static final int SOS = 0xda;
  private static final int DRI = 0xdd;
  private static final int APP8 = 0xe8;

  private final String transferSyntaxUid;
  private final byte[] data;
  private final FrameDescriptor descriptor;

  private int precision;
  private int frameColumns;
  private int[] componentIds;
  private boolean[] decoded;
  private byte[] out;
  private JpegLsOutput output;
  private int restartInterval;
  private int presetMaxVal;
  private int presetT1;
  private int presetT2;
  private int presetT3;
  private int presetReset;

  private JpegLsDecoder(String transferSyntaxUid, byte[] data, FrameDescriptor descriptor) {
    this.transferSyntaxUid = transferSyntaxUid;
    this.data = data;
    this.descriptor = descriptor;
  }

  /** Decodes one JPEG-LS frame described by {@code descriptor}. */
  static DecodedFrame decode(String transferSyntaxUid, byte[] data, FrameDescriptor descriptor)
      throws DicomStreamException {
    return new JpegLsDecoder(transferSyntaxUid, data, descriptor).run();
  }

  /**
   * Returns the offset of the next marker at or after {@code from}: a 0xFF followed by a byte with
   * its high bit set (a 0xFF followed by a byte below 0x80 is stuffed coded data), or the data
   * length when there is none.
   */
  static int findMarker(byte[] data, int from) {
    for (int i = from; i < data.length - 1; i++) {
      if (data[i] == (byte) 0xff && (data[i + 1] & 0x80) != 0) {
        return i;
      }
    }
    return data.length;
  }

  private DecodedFrame run() throws DicomStreamException {
    if (data.length < 2 || data[0] != (byte) 0xff || (data[1] & 0xff) != SOI) {
      throw new DicomStreamException(
          "JPEG-LS codestream does not start with an SOI marker (expected FFD8): "
              + (data.length < 2
                  ? "length " + data.length
                  : String.format("%02X%02X", data[0] & 0xff, data[1] & 0xff)));
    }
    int pos = 2;
    while (pos < data.length) {
      if (data[pos] != (byte) 0xff) {
        throw new DicomStreamException(
            String.format("JPEG-LS marker expected (expected FF): %02X", data[pos] & 0xff),
            pos,
            DicomStreamException.UNKNOWN);
      }
      while (pos < data.length && data[pos] == (byte) 0xff) {
        pos++; // fill bytes before a marker
      }
      if (pos >= data.length) {
        break;
      }
      int marker = data[pos] & 0xff;
      pos++;
      if (marker == EOI) {
        break;
      }
      if (marker == SOI || (marker >= 0xd0 && marker <= 0xd7) || marker == 0x01) {
        throw new DicomStreamException(
            String.format("JPEG-LS unexpected marker FF%02X", marker),
            pos - 2,
            DicomStreamException.UNKNOWN);
      }
      int length = readLength(pos);
      int segment = pos + 2;
      int segmentEnd = pos + length;
      switch (marker) {
        case SOF55 -> readFrameHeader(segment, segmentEnd);
        case LSE -> readPresets(segment, segmentEnd);
        case DRI -> restartInterval = readUnsigned(segment, segmentEnd - segment);
        case APP8 -> checkColourTransform(segment, segmentEnd);
        case SOS -> {
          pos = decodeScan(segment, segmentEnd);
          continue;
        }
        default -> {
          if (marker >= 0xc0
              && marker <= 0xcf
              && marker != 0xc4
              && marker != 0xc8
              && marker != 0xcc) {
            throw new DicomStreamException(
                String.format(
                    "JPEG-LS frame header expected (expected FFF7): FF%02X (not a JPEG-LS"
                        + " codestream)",
                    marker));
          }
        }
      }
      pos = segmentEnd;
    }
    if (decoded == null) {
      throw new DicomStreamException("JPEG-LS codestream has no frame header (expected FFF7)");
    }
    for (int c = 0; c < decoded.length; c++) {
      if (!decoded[c]) {
        throw new DicomStreamException(
            "JPEG-LS codestream is truncated: no scan for component " + componentIds[c]);
      }
    }
    return new DecodedFrame(out, descriptor.photometricInterpretation());
  }

  private int readLength(int pos) throws DicomStreamException {
    if (pos + 2 > data.length) {
      throw new DicomStreamException(
          "JPEG-LS marker segment is truncated", pos, DicomStreamException.UNKNOWN);
    }
    int length = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
    if (length < 2 || pos + length > data.length) {
      throw new DicomStreamException(
          "JPEG-LS marker segment length exceeds the data (expected 2.."
              + (data.length - pos)
              + "): "
              + length,
          pos,
          DicomStreamException.UNKNOWN);
    }
    return length;
  }

  private int readUnsigned(int pos, int bytes) throws DicomStreamException {
    if (bytes < 1 || bytes > 4) {
      throw new DicomStreamException(
          "JPEG-LS marker segment has an invalid length", pos, DicomStreamException.UNKNOWN);
    }
    long v = 0;
    for (int i = 0; i < bytes; i++) {
      v = (v << 8) | (data[pos + i] & 0xff);
    }
    if (v > Integer.MAX_VALUE) {
      throw new DicomStreamException(
          "JPEG-LS value is too large: " + v, pos, DicomStreamException.UNKNOWN);
    }
    return (int) v;
  }

  private void readFrameHeader(int pos, int end) throws DicomStreamException {
    if (decoded != null) {
      throw new DicomStreamException("JPEG-LS codestream has a second frame header (SOF55)");
    }
    if (end - pos < 6) {
      throw new DicomStreamException("JPEG-LS frame header is truncated", pos, -1);
    }
    precision = data[pos] & 0xff;
    int y = readUnsigned(pos + 1, 2);
    int x = readUnsigned(pos + 3, 2);
    int nf = data[pos + 5] & 0xff;
    if (end - pos < 6 + 3 * nf) {
      throw new DicomStreamException("JPEG-LS frame header is truncated", pos, -1);
    }
    if (nf != descriptor.samplesPerPixel()) {
      throw mismatch("SamplesPerPixel (0028,0002)", descriptor.samplesPerPixel(), "Nf", nf);
    }
    if (precision < 2 || precision > 16) {
      throw new DicomStreamException(
          "JPEG-LS frame header precision P is out of range (expected 2..16): " + precision);
    }
    if (precision > descriptor.bitsAllocated()) {
      throw new DicomStreamException(
          "BitsAllocated (0028,0100) cannot hold the JPEG-LS sample precision P (expected at least "
              + precision
              + "): "
              + descriptor.bitsAllocated());
    }
    setDimensions(y, x);
    componentIds = new int[nf];
    for (int c = 0; c < nf; c++) {
      int o = pos + 6 + 3 * c;
      componentIds[c] = data[o] & 0xff;
      int sampling = data[o + 1] & 0xff;
      if (sampling != 0x11) {
        throw new UnsupportedTransferSyntaxException(
            transferSyntaxUid,
            String.format("JPEG-LS component sampling factors %02X (only 1x1)", sampling));
      }
      for (int p = 0; p < c; p++) {
        if (componentIds[p] == componentIds[c]) {
          throw new DicomStreamException(
              "JPEG-LS frame header repeats component identifier " + componentIds[c]);
        }
      }
    }
    decoded = new boolean[nf];
    if (descriptor.decodedLength() > Integer.MAX_VALUE - 16) {
      throw new IllegalArgumentException("frame is too large: " + descriptor.decodedLength());
    }
    out = new byte[(int) descriptor.decodedLength()];
    output =
        new JpegLsOutput(
            out,
            descriptor.columns(),
            nf,
            descriptor.bytesPerSample(),
            descriptor.bitsStored(),
            descriptor.signed());
  }

  private void setDimensions(int y, int x) throws DicomStreamException {
    // 0 means "given elsewhere" (an LSE oversize segment, or a DNL marker for the lines).
    if (y != 0 && y != descriptor.rows()) {
      throw mismatch("Rows (0028,0010)", descriptor.rows(), "Y", y);
    }
    if (x != 0 && x != descriptor.columns()) {
      throw mismatch("Columns (0028,0011)", descriptor.columns(), "X", x);
    }
    frameColumns = x;
  }

  private static DicomStreamException mismatch(
      String keywordAndTag, int expected, String field, int actual) {
    return new DicomStreamException(
        keywordAndTag
            + " disagrees with the JPEG-LS frame header field "
            + field
            + " (expected "
            + expected
            + "): "
            + actual);
  }

  private void readPresets(int pos, int end) throws DicomStreamException {
    if (end - pos < 1) {
      throw new DicomStreamException("JPEG-LS LSE marker segment is empty", pos, -1);
    }
    int id = data[pos] & 0xff;
    switch (id) {
      case 1 -> {
        if (end - pos < 11) {
          throw new DicomStreamException("JPEG-LS preset parameters are truncated", pos, -1);
        }
        presetMaxVal = readUnsigned(pos + 1, 2);
        presetT1 = readUnsigned(pos + 3, 2);
        presetT2 = readUnsigned(pos + 5, 2);
        presetT3 = readUnsigned(pos + 7, 2);
        presetReset = readUnsigned(pos + 9, 2);
      }
      case 4 -> {
        if (decoded == null || end - pos < 2) {
          throw new DicomStreamException(
              "JPEG-LS oversize dimensions segment is misplaced or truncated", pos, -1);
        }
        int wxy = data[pos + 1] & 0xff;
        if (wxy < 2 || wxy > 4 || end - pos < 2 + 2 * wxy) {
          throw new DicomStreamException("JPEG-LS oversize dimensions segment is invalid", pos, -1);
        }
        setDimensions(readUnsigned(pos + 2, wxy), readUnsigned(pos + 2 + wxy, wxy));
      }
      case 2, 3 ->
          throw new UnsupportedTransferSyntaxException(
              transferSyntaxUid, "JPEG-LS mapping tables (LSE id " + id + ")");
      default ->
          throw new UnsupportedTransferSyntaxException(
              transferSyntaxUid,
              "JPEG-LS extension LSE id "
                  + id
                  + (id == 0x0d ? " (HP colour transform)" : "")
                  + " is not part of T.87");
    }
  }

  private void checkColourTransform(int pos, int end) {
    // CharLS-style APP8 "mrfx" segment selecting an HP colour transform (not in T.87).
    if (end - pos >= 5
        && data[pos] == 'm'
        && data[pos + 1] == 'r'
        && data[pos + 2] == 'f'
        && data[pos + 3] == 'x'
        && data[pos + 4] != 0) {
      throw new UnsupportedTransferSyntaxException(
          transferSyntaxUid, "JPEG-LS HP colour transform " + data[pos + 4]);
    }
  }

  private int decodeScan(int pos, int end) throws DicomStreamException {
    if (decoded == null) {
      throw new DicomStreamException("JPEG-LS scan precedes the frame header (SOF55)");
    }
    if (end - pos < 1) {
      throw new DicomStreamException("JPEG-LS scan header is truncated", pos, -1);
    }
    int ns = data[pos] & 0xff;
    if (ns < 1 || ns > componentIds.length || end - pos < 4 + 2 * ns) {
      throw new DicomStreamException("JPEG-LS scan header is invalid (Ns " + ns + ")", pos, -1);
    }
    int[] scanComponents = new int[ns];
    for (int i = 0; i < ns; i++) {
      int id = data[pos + 1 + 2 * i] & 0xff;
      int mapping = data[pos + 2 + 2 * i] & 0xff;
      if (mapping != 0) {
        throw new UnsupportedTransferSyntaxException(
            transferSyntaxUid, "JPEG-LS mapping table " + mapping);
      }
      int index = -1;
      for (int c = 0; c < componentIds.length; c++) {
        if (componentIds[c] == id) {
          index = c;
        }
      }
      if (index < 0 || decoded[index]) {
        throw new DicomStreamException(
            "JPEG-LS scan names an unknown or already decoded component " + id, pos, -1);
      }
      decoded[index] = true;
      scanComponents[i] = index;
    }
    int o = pos + 1 + 2 * ns;
    int near = data[o] & 0xff;
    int ilv = data[o + 1] & 0xff;
    int pointTransform = data[o + 2] & 0xff;
    if (ilv > 2 || (ilv == 0 && ns != 1)) {
      throw new DicomStreamException(
          "JPEG-LS scan interleave mode ILV is invalid for " + ns + " components: " + ilv);
    }
    if (pointTransform != 0) {
      throw new UnsupportedTransferSyntaxException(
          transferSyntaxUid, "JPEG-LS point transform " + pointTransform);
    }
    if (frameColumns == 0) {
      throw new DicomStreamException("JPEG-LS frame width X is 0 and no LSE id 4 gives it");
    }
    JpegLsParameters p =
        JpegLsParameters.resolve(
            precision, near, presetMaxVal, presetT1, presetT2, presetT3, presetReset);
    JpegLsScanDecoder scan =
        new JpegLsScanDecoder(
            p,
            descriptor.columns(),
            descriptor.rows(),
            scanComponents,
            ilv,
            restartInterval,
            output);
    return scan.decode(data, end);
  }
}
