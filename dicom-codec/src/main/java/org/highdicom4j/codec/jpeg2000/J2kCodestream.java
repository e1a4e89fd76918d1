package org.highdicom4j.codec.jpeg2000;

import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * The structure of one JPEG 2000 codestream (ISO/IEC 15444-1 Annex A), checked before any decoder
 * allocates memory: image and tile geometry from SIZ, coding style from COD, and every tile-part
 * (SOT, Psot) lying within the bytes, so that truncated or corrupt streams are rejected instead of
 * being decoded into partial images (JJ2000 silently decodes what it finds).
 *
 * <p>A JP2 file (ISO/IEC 15444-1 Annex I) is unwrapped to its Contiguous Codestream box.
 */
final class J2kCodestream {

  private static final int SOC = 0xFF4F;
  private static final int SIZ = 0xFF51;
  private static final int COD = 0xFF52;
  private static final int CAP = 0xFF50;
  private static final int SOT = 0xFF90;
  private static final int SOD = 0xFF93;
  private static final int SOP = 0xFF91;
  private static final int EPH = 0xFF92;
  private static final int PPM = 0xFF60;
  private static final int PPT = 0xFF61;
  private static final int EOC = 0xFFD9;
  private static final int JP2C = 0x6A703263;
  private static final int MAX_TILES = 65535;
  private static final int MAX_PRECISION = 31;

  /** Bytes holding the codestream, from {@link #start} (SOC) to {@link #end} (exclusive). */
  final byte[] data;

  final int start;
  final int end;
  final long width;
  final long height;
  final int components;
  final int[] precision;
  final boolean[] signed;

  /** COD SGcod multiple component transformation = 1 (RCT or ICT on components 0 to 2). */
  final boolean mct;

  /** COD SPcod transformation = 1 (5-3 reversible wavelet). */
  final boolean reversible;

  private J2kCodestream(
      byte[] data,
      int start,
      int end,
      long width,
      long height,
      int[] precision,
      boolean[] signed,
      boolean mct,
      boolean reversible) {
    this.data = data;
    this.start = start;
    this.end = end;
    this.width = width;
    this.height = height;
    this.components = precision.length;
    this.precision = precision;
    this.signed = signed;
    this.mct = mct;
    this.reversible = reversible;
  }

  /**
   * Parses and checks the codestream structure.
   *
   * @param data a raw codestream (starting with SOC FF4F) or a JP2 file
   * @return the checked structure
   * @throws DicomStreamException when the stream is truncated or corrupt
   */
  static J2kCodestream parse(byte[] data) throws DicomStreamException {
    int start = 0;
    int end = data.length;
    if (end >= 12 && u32(data, 0) == 12 && u32(data, 4) == 0x6A502020) {
      int[] box = findCodestreamBox(data);
      start = box[0];
      end = box[1];
    }
    if (end - start < 4 || u16(data, start) != SOC || u16(data, start + 2) != SIZ) {
      throw error("does not start with SOC and SIZ markers (expected FF4F FF51)", start);
    }
    return new Parser(data, start, end).parse();
  }

  /**
   * Checks that the codestream describes the frame: dimensions, number of components and a
   * precision that fits BitsAllocated.
   *
   * @param d the frame's attributes
   * @throws DicomStreamException when they disagree
   */
  void checkAgainst(FrameDescriptor d) throws DicomStreamException {
    if (width != d.columns()) {
      throw new DicomStreamException(
          "Columns (0028,0011) contradicts the JPEG 2000 SIZ image width (expected "
              + d.columns()
              + "): "
              + width);
    }
    if (height != d.rows()) {
      throw new DicomStreamException(
          "Rows (0028,0010) contradicts the JPEG 2000 SIZ image height (expected "
              + d.rows()
              + "): "
              + height);
    }
    if (components != d.samplesPerPixel()) {
      throw new DicomStreamException(
          "SamplesPerPixel (0028,0002) contradicts the JPEG 2000 SIZ component count (expected "
              + d.samplesPerPixel()
              + "): "
              + components);
    }
    // A 1-bit frame may have been coded as 8-bit 0/1 samples; wider precisions cannot be stored.
    int limit = Math.max(d.bitsAllocated(), 8);
    for (int c = 0; c < components; c++) {
      if (precision[c] > limit) {
        throw new DicomStreamException(
            "BitsAllocated (0028,0100) is too small for the JPEG 2000 component precision"
                + " (expected ≤ "
                + limit
                + "): "
                + precision[c]);
      }
    }
  }

  private static int[] findCodestreamBox(byte[] data) throws DicomStreamException {
    int p = 0;
    while (p + 8 <= data.length) {
      long length = u32(data, p);
      int type = (int) u32(data, p + 4);
      int header = 8;
      if (length == 1) {
        if (p + 16 > data.length) {
          break;
        }
        long hi = u32(data, p + 8);
        length = hi != 0 ? Long.MAX_VALUE : u32(data, p + 12);
        header = 16;
      } else if (length == 0) {
        length = data.length - (long) p;
      }
      if (length < header) {
        throw error("JP2 box length is shorter than its header (expected ≥ " + header + ")", p);
      }
      if (type == JP2C) {
        long boxEnd = p + length;
        if (boxEnd > data.length) {
          throw error("JP2 codestream box exceeds the data (truncated)", p);
        }
        return new int[] {p + header, (int) boxEnd};
      }
      if (p + length > data.length) {
        break;
      }
      p += (int) length;
    }
    throw error("JP2 file has no Contiguous Codestream box (jp2c)", p);
  }

  private static final class Parser {
    private final byte[] data;
    private final int start;
    private final int end;
    private long xsiz;
    private long ysiz;
    private long xosiz;
    private long yosiz;
    private long xtsiz;
    private long ytsiz;
    private long xtosiz;
    private long ytosiz;
    private int[] precision;
    private boolean[] signed;
    private boolean mct;
    private boolean reversible;
    private boolean codFound;

    Parser(byte[] data, int start, int end) {
      this.data = data;
      this.start = start;
      this.end = end;
    }

    J2kCodestream parse() throws DicomStreamException {
      int p = start + 2;
      // Main header: marker segments until the first SOT.
      while (true) {
        if (p + 2 > end) {
          throw error("main header ends before the first tile-part (truncated)", p);
        }
        int marker = u16(data, p);
        if (marker == SOT) {
          break;
        }
        if ((marker & 0xFF00) != 0xFF00 || marker < 0xFF30) {
          throw error(String.format("main header: expected a marker, found %04X", marker), p);
        }
        if (p + 4 > end) {
          throw error("marker segment length missing (truncated)", p);
        }
        int length = u16(data, p + 2);
        if (length < 2 || p + 2 + length > end) {
          throw error(
              String.format("marker %04X segment length %d exceeds the data", marker, length), p);
        }
        int body = p + 4;
        int bodyLength = length - 2;
        if (marker == SIZ) {
          if (p != start + 2) {
            throw error("SIZ is not the first marker segment after SOC", p);
          }
          parseSiz(body, bodyLength);
        } else if (marker == COD) {
          parseCod(body, bodyLength);
        } else if (marker == CAP) {
          throw error(
              "uses High-Throughput JPEG 2000 (CAP marker), which this decoder does not support",
              p);
        } else if (marker == PPM) {
          throw packedHeaders(p);
        }
        p += 2 + length;
      }
      if (precision == null) {
        throw error("main header has no SIZ marker segment", start);
      }
      if (!codFound) {
        throw error("main header has no COD marker segment", start);
      }
      checkTileParts(p);
      return new J2kCodestream(
          data, start, end, xsiz - xosiz, ysiz - yosiz, precision, signed, mct, reversible);
    }

    private void parseSiz(int p, int length) throws DicomStreamException {
      if (length < 36) {
        throw error("SIZ segment too short (expected ≥ 36 bytes): " + length, p);
      }
      xsiz = u32(data, p + 2);
      ysiz = u32(data, p + 6);
      xosiz = u32(data, p + 10);
      yosiz = u32(data, p + 14);
      xtsiz = u32(data, p + 18);
      ytsiz = u32(data, p + 22);
      xtosiz = u32(data, p + 26);
      ytosiz = u32(data, p + 30);
      int csiz = u16(data, p + 34);
      if (csiz < 1 || length != 36 + 3 * csiz) {
        throw error("SIZ component count " + csiz + " does not match its length " + length, p);
      }
      if (xsiz <= xosiz || ysiz <= yosiz) {
        throw error("SIZ image area is empty: " + xsiz + "x" + ysiz, p);
      }
      if (xtsiz == 0
          || ytsiz == 0
          || xtosiz > xosiz
          || ytosiz > yosiz
          || xtosiz + xtsiz <= xosiz
          || ytosiz + ytsiz <= yosiz) {
        throw error("SIZ tile grid is invalid", p);
      }
      long tiles = ceilDiv(xsiz - xtosiz, xtsiz) * ceilDiv(ysiz - ytosiz, ytsiz);
      if (tiles > MAX_TILES) {
        throw error(
            "SIZ tile count exceeds "
                + MAX_TILES
                + " (image "
                + (xsiz - xosiz)
                + " x "
                + (ysiz - yosiz)
                + ", tiles "
                + xtsiz
                + " x "
                + ytsiz
                + "): "
                + tiles,
            p);
      }
      precision = new int[csiz];
      signed = new boolean[csiz];
      for (int c = 0; c < csiz; c++) {
        int ssiz = data[p + 36 + 3 * c] & 0xFF;
        int xr = data[p + 37 + 3 * c] & 0xFF;
        int yr = data[p + 38 + 3 * c] & 0xFF;
        precision[c] = (ssiz & 0x7F) + 1;
        signed[c] = (ssiz & 0x80) != 0;
        if (precision[c] > MAX_PRECISION) {
          throw error("SIZ component precision exceeds " + MAX_PRECISION + ": " + precision[c], p);
        }
        if (xr != 1 || yr != 1) {
          throw error(
              "SIZ component subsampling is not supported (expected 1x1): " + xr + "x" + yr, p);
        }
      }
    }

    private void parseCod(int p, int length) throws DicomStreamException {
      if (length < 10) {
        throw error("COD segment too short (expected ≥ 10 bytes): " + length, p);
      }
      int levels = data[p + 5] & 0xFF;
      int xcb = data[p + 6] & 0xFF;
      int ycb = data[p + 7] & 0xFF;
      if (levels > 32 || xcb > 8 || ycb > 8 || xcb + ycb > 8) {
        throw error(
            "COD coding style is invalid (levels "
                + levels
                + ", code-block "
                + xcb
                + "/"
                + ycb
                + ")",
            p);
      }
      mct = data[p + 4] == 1;
      reversible = data[p + 9] == 1;
      codFound = true;
    }

    /** Walks the tile-parts: each must lie within the bytes and every tile must be present. */
    private void checkTileParts(int p) throws DicomStreamException {
      int tiles = (int) (ceilDiv(xsiz - xtosiz, xtsiz) * ceilDiv(ysiz - ytosiz, ytsiz));
      int[] parts = new int[tiles];
      int[] expected = new int[tiles];
      while (p + 2 <= end && u16(data, p) == SOT) {
        if (p + 12 > end) {
          throw error("SOT marker segment is truncated", p);
        }
        int lsot = u16(data, p + 2);
        int isot = u16(data, p + 4);
        long psot = u32(data, p + 6);
        int tnsot = data[p + 11] & 0xFF;
        if (lsot != 10 || isot >= tiles) {
          throw error("SOT marker segment is invalid (tile " + isot + ", Lsot " + lsot + ")", p);
        }
        parts[isot]++;
        if (tnsot != 0) {
          expected[isot] = tnsot;
        }
        if (psot == 0) {
          // The last tile-part runs up to EOC: the stream must end with it (allowing padding).
          int q = end;
          while (q - 2 > p + 12
              && end - q < 8
              && u16(data, q - 2) != EOC
              && (data[q - 1] == 0 || data[q - 1] == (byte) 0xFF)) {
            q--;
          }
          if (q - 2 <= p + 12 || u16(data, q - 2) != EOC) {
            throw error("last tile-part (Psot 0) does not end with EOC (truncated)", p);
          }
          checkTilePartData(data, p, q - 2);
          p = end;
          break;
        }
        if (psot < 14 || p + psot > end) {
          throw error("tile-part length Psot " + psot + " exceeds the data (truncated)", p);
        }
        checkTilePartData(data, p, (int) (p + psot));
        p += (int) psot;
      }
      for (int t = 0; t < tiles; t++) {
        if (parts[t] == 0 || (expected[t] != 0 && parts[t] < expected[t])) {
          throw error(
              "tile "
                  + t
                  + " has "
                  + parts[t]
                  + " of "
                  + Math.max(1, expected[t])
                  + " tile-parts"
                  + " (truncated)",
              p);
        }
      }
    }
  }

  /**
   * Checks one tile-part from its SOT to {@code tilePartEnd}: its header must reach SOD, and its
   * bit stream must not hold a marker other than SOP and EPH. Bit stuffing and the MQ coder never
   * put a byte above 8F after FF (ISO/IEC 15444-1 Annexes B.10 and C), so such a pair is
   * corruption; JJ2000 would loop forever on FF FF inside a packet header.
   */
  private static void checkTilePartData(byte[] data, int sot, int tilePartEnd)
      throws DicomStreamException {
    int p = sot + 12;
    while (true) {
      if (p + 2 > tilePartEnd) {
        throw error("tile-part header has no SOD marker", sot);
      }
      int marker = u16(data, p);
      if (marker == SOD) {
        p += 2;
        break;
      }
      if ((marker & 0xFF00) != 0xFF00 || marker < 0xFF30) {
        throw error(String.format("tile-part header: expected a marker, found %04X", marker), p);
      }
      if (marker == PPT) {
        throw packedHeaders(p);
      }
      if (p + 4 > tilePartEnd) {
        throw error("tile-part header marker segment is truncated", p);
      }
      int length = u16(data, p + 2);
      if (length < 2 || p + 2 + length > tilePartEnd) {
        throw error(
            String.format("marker %04X segment length %d exceeds the tile-part", marker, length),
            p);
      }
      p += 2 + length;
    }
    for (int i = p; i + 1 < tilePartEnd; i++) {
      if (data[i] == (byte) 0xFF && (data[i + 1] & 0xFF) > 0x8F) {
        int marker = u16(data, i);
        if (marker != SOP && marker != EPH) {
          throw error(
              String.format("bit stream holds marker %04X (expected none but SOP and EPH)", marker),
              i);
        }
      }
    }
  }

  /**
   * Packed packet headers (PPM, PPT) are read by JJ2000 from a buffer whose end it does not detect,
   * so corrupt ones make it loop forever; they are rare in DICOM and rejected.
   */
  private static DicomStreamException packedHeaders(int p) {
    return error("uses packed packet headers (PPM or PPT), which this decoder does not support", p);
  }

  private static long ceilDiv(long a, long b) {
    return (a + b - 1) / b;
  }

  static int u16(byte[] b, int p) {
    return ((b[p] & 0xFF) << 8) | (b[p + 1] & 0xFF);
  }

  static long u32(byte[] b, int p) {
    return ((long) u16(b, p) << 16) | u16(b, p + 2);
  }

  private static DicomStreamException error(String problem, int offset) {
    return new DicomStreamException(
        "PixelData (7FE0,0010) JPEG 2000 codestream "
            + problem
            + " at codestream offset "
            + offset);
  }
}
