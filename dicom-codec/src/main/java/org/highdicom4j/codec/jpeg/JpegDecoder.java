package org.highdicom4j.codec.jpeg;

import org.highdicom4j.codec.DecodedFrame;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * Decodes one JPEG interchange-format codestream (T.81 Annex B): parses the markers, checks the
 * frame header against the DICOM frame descriptor and hands each scan to the sequential DCT or
 * lossless scan decoder. One instance decodes one frame.
 */
final class JpegDecoder {

  static final int SOF0 = 0xc0;
  static final int SOF1 = 0xc1;
  static final int SOF2 = 0xc2;
  static final int SOF3 = 0xc3;
  static final int DHT = 0xc4;
  static final int JPG = 0xc8;
  static final int DAC = 0xcc;
  static final int RST0 = 0xd0;
  static final int RST7 = 0xd7;
  static final int SOI = 0xd8;
  static final int EOI = 0xd9;
  static final int SOS = 0xda;
  static final int DQT = 0xdb;
  static final int DRI = 0xdd;
  static final int TEM = 0x01;

  private final byte[] data;
  private final int end;
  private final FrameDescriptor descriptor;

  private final HuffmanDecodeTable[] dcTables = new HuffmanDecodeTable[4];
  private final HuffmanDecodeTable[] acTables = new HuffmanDecodeTable[4];
  private final int[][] quantTables = new int[4][];
  private int restartInterval;

  private int sofMarker = -1;
  private int precision;
  private FrameComponent[] components;
  private int maxH;
  private int maxV;
  private int mcusPerLine;
  private int mcuRows;
  private int scanCount;

  /** Lossless frames: reconstructed samples (before the point transform), interleaved. */
  private char[] losslessSamples;

  /** Lossless frames: the point transform Pt used for each component. */
  private int[] pointTransforms;

  JpegDecoder(byte[] data, FrameDescriptor descriptor) {
    this.data = data;
    this.end = data.length;
    this.descriptor = descriptor;
  }

  /** Decodes the codestream into the descriptor's layout. */
  DecodedFrame decode() throws DicomStreamException {
    if (end < 4 || (data[0] & 0xff) != 0xff || (data[1] & 0xff) != SOI) {
      throw new DicomStreamException(
          "JPEG codestream does not start with an SOI marker (expected FFD8): "
              + (end >= 2
                  ? String.format("%02X%02X", data[0] & 0xff, data[1] & 0xff)
                  : "too short"));
    }
    int pos = 2;
    boolean eoi = false;
    while (!eoi) {
      // Skip extraneous bytes and fill bytes (T.81 B.1.1.2) up to the next marker code.
      while (pos < end && (data[pos] & 0xff) != 0xff) {
        pos++;
      }
      while (pos < end && (data[pos] & 0xff) == 0xff) {
        pos++;
      }
      if (pos >= end) {
        break;
      }
      int marker = data[pos++] & 0xff;
      if (marker == 0 || marker == TEM || marker == SOI || (marker >= RST0 && marker <= RST7)) {
        continue;
      }
      if (marker == EOI) {
        eoi = true;
        continue;
      }
      if (pos + 2 > end) {
        throw truncatedSegment(marker, pos);
      }
      int length = ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
      if (length < 2 || pos + length > end) {
        throw new DicomStreamException(
            String.format(
                "JPEG marker segment FF%02X length exceeds the data (expected 2..%d): %d",
                marker, end - pos, length));
      }
      int start = pos + 2;
      int segEnd = pos + length;
      switch (marker) {
        case SOF0, SOF1, SOF3 -> readFrameHeader(marker, start, segEnd);
        case DHT -> readHuffmanTables(start, segEnd);
        case DQT -> readQuantizationTables(start, segEnd);
        case DRI -> readRestartInterval(start, segEnd);
        case SOS -> {
          EntropyReader reader = new EntropyReader(data, segEnd, end);
          readScan(start, segEnd, reader);
          reader.nextMarker();
          segEnd = reader.position();
        }
        case DAC -> throw unsupported("arithmetic coding (DAC)");
        default -> {
          if (marker >= 0xc0 && marker <= 0xcf && marker != JPG) {
            throw unsupported(String.format("coding process SOF%d", marker - 0xc0));
          }
          // APPn, COM, DNL, DHP, EXP and reserved markers carry nothing we need.
        }
      }
      pos = segEnd;
    }
    if (scanCount == 0) {
      throw new DicomStreamException(
          "JPEG codestream holds no image scan (expected SOF and SOS markers before EOI)");
    }
    byte[] out = new byte[(int) descriptor.decodedLength()];
    if (sofMarker == SOF3) {
      SampleWriter.writeLossless(
          losslessSamples, pointTransforms, components.length, descriptor, out);
    } else {
      SampleWriter.writeDct(components, maxH, maxV, descriptor, out);
    }
    String pi = descriptor.photometricInterpretation();
    // The decoded layout has one Cb and Cr per pixel: the 4:2:2 data become YBR_FULL.
    return new DecodedFrame(out, "YBR_FULL_422".equals(pi) ? "YBR_FULL" : pi);
  }

  private static DicomStreamException truncatedSegment(int marker, int pos) {
    return new DicomStreamException(
        String.format("JPEG marker FF%02X has no segment length (data ends)", marker), pos, -1);
  }

  private static DicomStreamException unsupported(String what) {
    return new DicomStreamException("JPEG " + what + " is not supported");
  }

  private int u8(int pos) {
    return data[pos] & 0xff;
  }

  private int u16(int pos) {
    return ((data[pos] & 0xff) << 8) | (data[pos + 1] & 0xff);
  }

  private void readFrameHeader(int marker, int pos, int segEnd) throws DicomStreamException {
    if (components != null) {
      throw new DicomStreamException("JPEG codestream holds more than one frame header (SOF)");
    }
    if (segEnd - pos < 6) {
      throw new DicomStreamException("JPEG frame header (SOF) is too short: " + (segEnd - pos));
    }
    int p = u8(pos);
    int y = u16(pos + 1);
    int x = u16(pos + 3);
    int nf = u8(pos + 5);
    if (segEnd - pos != 6 + 3 * nf) {
      throw new DicomStreamException(
          "JPEG frame header (SOF) length does not match its "
              + nf
              + " components (expected "
              + (8 + 3 * nf)
              + "): "
              + (segEnd - pos + 2));
    }
    boolean lossless = marker == SOF3;
    if (lossless ? p < 2 || p > 16 : p != 8 && p != 12) {
      throw new DicomStreamException(
          "JPEG frame header sample precision P is invalid (expected "
              + (lossless ? "2..16" : "8 or 12")
              + "): "
              + p);
    }
    if (y == 0) {
      throw unsupported("frame with the number of lines defined by DNL (Y = 0)");
    }
    if (y != descriptor.rows()) {
      throw mismatch("Rows (0028,0010)", descriptor.rows(), y);
    }
    if (x != descriptor.columns()) {
      throw mismatch("Columns (0028,0011)", descriptor.columns(), x);
    }
    if (nf != descriptor.samplesPerPixel()) {
      throw mismatch("SamplesPerPixel (0028,0002)", descriptor.samplesPerPixel(), nf);
    }
    if (p > descriptor.bitsAllocated()) {
      throw new DicomStreamException(
          "BitsAllocated (0028,0100) is smaller than the JPEG sample precision (expected >= "
              + p
              + "): "
              + descriptor.bitsAllocated());
    }
    FrameComponent[] comps = new FrameComponent[nf];
    for (int i = 0; i < nf; i++) {
      int o = pos + 6 + 3 * i;
      int id = u8(o);
      int h = u8(o + 1) >> 4;
      int v = u8(o + 1) & 15;
      int tq = u8(o + 2);
      if (h < 1 || h > 4 || v < 1 || v > 4 || tq > 3) {
        throw new DicomStreamException(
            "JPEG frame header component "
                + id
                + " has invalid H, V or Tq: "
                + h
                + ", "
                + v
                + ", "
                + tq);
      }
      for (int j = 0; j < i; j++) {
        if (comps[j].id == id) {
          throw new DicomStreamException("JPEG frame header repeats component identifier " + id);
        }
      }
      comps[i] = new FrameComponent(id, i, h, v, tq);
      maxH = Math.max(maxH, h);
      maxV = Math.max(maxV, v);
    }
    sofMarker = marker;
    precision = p;
    components = comps;
    // Every lossless sample and every DCT block takes at least one bit of entropy-coded data: a
    // codestream shorter than that cannot fill the frame, so refuse before allocating for it.
    long minimumBits = 0;
    for (FrameComponent c : comps) {
      long perComponent =
          lossless ? (long) x * y : (long) ceilDiv(x * c.h, maxH * 8) * ceilDiv(y * c.v, maxV * 8);
      minimumBits += perComponent;
    }
    if (minimumBits > 8L * (end - segEnd)) {
      throw new DicomStreamException(
          "JPEG codestream is too short for its frame header (expected at least "
              + (minimumBits + 7) / 8
              + " bytes of coded data): "
              + (end - segEnd));
    }
    if (lossless) {
      for (FrameComponent c : comps) {
        if (c.h != maxH || c.v != maxV) {
          throw unsupported("lossless frame with subsampled components");
        }
        c.width = x;
        c.height = y;
      }
      losslessSamples = new char[x * y * nf];
      pointTransforms = new int[nf];
      return;
    }
    mcusPerLine = ceilDiv(x, 8 * maxH);
    mcuRows = ceilDiv(y, 8 * maxV);
    for (FrameComponent c : comps) {
      if (maxH % c.h != 0 || maxV % c.v != 0) {
        throw unsupported("non-integral sampling factor ratio " + maxH + "/" + c.h);
      }
      c.width = ceilDiv(x * c.h, maxH);
      c.height = ceilDiv(y * c.v, maxV);
      c.blocksPerLine = mcusPerLine * c.h;
      c.blocksPerColumn = mcuRows * c.v;
      c.stride = c.blocksPerLine * 8;
      long size = (long) c.stride * c.blocksPerColumn * 8;
      if (size > Integer.MAX_VALUE - 16) {
        throw unsupported("frame of " + size + " samples per component");
      }
      c.plane = new short[(int) size];
    }
  }

  private static DicomStreamException mismatch(String attribute, int expected, int actual) {
    return new DicomStreamException(
        attribute + " differs from the JPEG frame header (expected " + expected + "): " + actual);
  }

  static int ceilDiv(int a, int b) {
    return (a + b - 1) / b;
  }

  private void readHuffmanTables(int pos, int segEnd) throws DicomStreamException {
    while (pos < segEnd) {
      if (segEnd - pos < 17) {
        throw new DicomStreamException("JPEG DHT segment is truncated");
      }
      int tc = u8(pos) >> 4;
      int th = u8(pos) & 15;
      if (tc > 1 || th > 3) {
        throw new DicomStreamException(
            "JPEG DHT table class or destination is invalid (expected 0..1, 0..3): "
                + tc
                + ", "
                + th);
      }
      int[] bits = new int[16];
      int count = 0;
      for (int i = 0; i < 16; i++) {
        bits[i] = u8(pos + 1 + i);
        count += bits[i];
      }
      if (count > 256 || pos + 17 + count > segEnd) {
        throw new DicomStreamException(
            "JPEG DHT table holds more symbols than the segment (expected <= "
                + Math.min(256, segEnd - pos - 17)
                + "): "
                + count);
      }
      int[] values = new int[count];
      for (int i = 0; i < count; i++) {
        values[i] = u8(pos + 17 + i);
      }
      HuffmanDecodeTable table = new HuffmanDecodeTable(bits, values);
      if (tc == 0) {
        dcTables[th] = table;
      } else {
        acTables[th] = table;
      }
      pos += 17 + count;
    }
  }

  private void readQuantizationTables(int pos, int segEnd) throws DicomStreamException {
    while (pos < segEnd) {
      int pq = u8(pos) >> 4;
      int tq = u8(pos) & 15;
      int size = pq == 0 ? 64 : 128;
      if (pq > 1 || tq > 3 || pos + 1 + size > segEnd) {
        throw new DicomStreamException(
            "JPEG DQT table is invalid or truncated (Pq " + pq + ", Tq " + tq + ")");
      }
      int[] table = new int[64];
      for (int k = 0; k < 64; k++) {
        int q = pq == 0 ? u8(pos + 1 + k) : u16(pos + 1 + 2 * k);
        table[JpegTables.ZIGZAG_TO_NATURAL[k]] = q;
      }
      quantTables[tq] = table;
      pos += 1 + size;
    }
  }

  private void readRestartInterval(int pos, int segEnd) throws DicomStreamException {
    if (segEnd - pos != 2) {
      throw new DicomStreamException("JPEG DRI segment length is invalid (expected 4)");
    }
    restartInterval = u16(pos);
  }

  private void readScan(int pos, int segEnd, EntropyReader reader) throws DicomStreamException {
    if (components == null) {
      throw new DicomStreamException("JPEG scan (SOS) comes before the frame header (SOF)");
    }
    int ns = segEnd > pos ? u8(pos) : 0;
    if (ns < 1 || ns > 4 || segEnd - pos != 4 + 2 * ns) {
      throw new DicomStreamException("JPEG scan header (SOS) is invalid: " + ns + " components");
    }
    FrameComponent[] scan = new FrameComponent[ns];
    int blocksPerMcu = 0;
    for (int i = 0; i < ns; i++) {
      int cs = u8(pos + 1 + 2 * i);
      int td = u8(pos + 2 + 2 * i) >> 4;
      int ta = u8(pos + 2 + 2 * i) & 15;
      FrameComponent c = null;
      for (FrameComponent f : components) {
        if (f.id == cs) {
          c = f;
        }
      }
      if (c == null) {
        throw new DicomStreamException(
            "JPEG scan header (SOS) names a component not in the frame: " + cs);
      }
      for (int j = 0; j < i; j++) {
        if (scan[j] == c) {
          throw new DicomStreamException("JPEG scan header (SOS) repeats component " + cs);
        }
      }
      if (td > 3 || dcTables[td] == null) {
        throw new DicomStreamException(
            "JPEG scan uses an undefined Huffman DC/lossless table: " + td);
      }
      c.dcTable = dcTables[td];
      if (sofMarker != SOF3) {
        if (ta > 3 || acTables[ta] == null) {
          throw new DicomStreamException("JPEG scan uses an undefined Huffman AC table: " + ta);
        }
        if (quantTables[c.tq] == null) {
          throw new DicomStreamException("JPEG scan uses an undefined quantization table: " + c.tq);
        }
        c.acTable = acTables[ta];
      }
      blocksPerMcu += c.h * c.v;
      scan[i] = c;
    }
    int ss = u8(pos + 1 + 2 * ns);
    int al = u8(pos + 3 + 2 * ns) & 15;
    scanCount++;
    if (sofMarker == SOF3) {
      if (ss < 1 || ss > 7) {
        throw new DicomStreamException(
            "JPEG lossless scan predictor selection value is invalid (expected 1..7): " + ss);
      }
      if (al >= precision) {
        throw new DicomStreamException(
            "JPEG lossless point transform is invalid (expected < " + precision + "): " + al);
      }
      for (FrameComponent c : scan) {
        pointTransforms[c.index] = al;
      }
      new LosslessScanDecoder(reader, components[0].width, components[0].height, components.length)
          .decode(scan, losslessSamples, precision, ss, al, restartInterval);
    } else {
      if (ns > 1 && blocksPerMcu > 10) {
        throw new DicomStreamException(
            "JPEG scan has more than 10 blocks per MCU (T.81 B.2.3): " + blocksPerMcu);
      }
      int[][] tables = new int[ns][];
      for (int i = 0; i < ns; i++) {
        tables[i] = quantTables[scan[i].tq].clone();
      }
      // Ss, Se, Ah and Al are fixed for sequential scans; like libjpeg, ignore other values.
      new DctScanDecoder(reader, precision)
          .decode(scan, tables, mcusPerLine, mcuRows, restartInterval);
    }
  }
}
