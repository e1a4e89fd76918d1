package org.highdicom4j.codec.jpeg;

import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * Reads the bits of an entropy-coded segment (T.81 F.2.2.5): removes stuffed zero bytes, stops at
 * markers and feeds zero bits past them, so the decoders never test for the end of data. Reading
 * past a marker is detected afterwards by {@link #checkNotOverread()}.
 */
final class EntropyReader {

  /** Zero bytes fed past the end of a segment before decoding is abandoned as hopeless. */
  private static final int MAX_PAD_BYTES = 4096;

  private final byte[] data;
  private final int end;
  private int pos;
  private long buffer;
  private int bits;
  private int padBits;
  private boolean atMarker;

  EntropyReader(byte[] data, int start, int end) {
    this.data = data;
    this.pos = start;
    this.end = end;
  }

  /** Returns the position of the next unread byte (meaningful after {@link #nextMarker()}). */
  int position() {
    return pos;
  }

  private void fill() throws DicomStreamException {
    while (bits <= 56) {
      int b;
      if (atMarker) {
        b = 0;
        padBits += 8;
        if (padBits > MAX_PAD_BYTES * 8) {
          throw truncated();
        }
      } else if (pos >= end) {
        atMarker = true;
        continue;
      } else {
        b = data[pos] & 0xff;
        if (b == 0xff) {
          int next = pos + 1 < end ? data[pos + 1] & 0xff : -1;
          if (next == 0) {
            pos += 2;
          } else {
            atMarker = true;
            continue;
          }
        } else {
          pos++;
        }
      }
      buffer = (buffer << 8) | b;
      bits += 8;
    }
  }

  /** Decodes one Huffman-coded symbol (T.81 F.2.2.3). */
  int decode(HuffmanDecodeTable table) throws DicomStreamException {
    if (bits < 16) {
      fill();
    }
    int look = (int) (buffer >>> (bits - HuffmanDecodeTable.LOOKAHEAD)) & 0x1ff;
    int entry = table.lookup[look];
    if (entry != 0) {
      bits -= entry >>> 8;
      return entry & 0xff;
    }
    int code = (int) (buffer >>> (bits - 16)) & 0xffff;
    for (int len = HuffmanDecodeTable.LOOKAHEAD + 1; len <= 16; len++) {
      int c = code >>> (16 - len);
      if (c <= table.maxCode[len]) {
        bits -= len;
        return table.values[table.valPtr[len] + c - table.minCode[len]];
      }
    }
    throw new DicomStreamException("JPEG entropy-coded data holds an invalid Huffman code");
  }

  /** Reads {@code s} (0..16) bits and extends them to a signed difference (T.81 F.2.2.1). */
  int receiveExtend(int s) throws DicomStreamException {
    if (s == 0) {
      return 0;
    }
    if (bits < s) {
      fill();
    }
    int v = (int) (buffer >>> (bits - s)) & ((1 << s) - 1);
    bits -= s;
    return v < (1 << (s - 1)) ? v - (1 << s) + 1 : v;
  }

  /** Reads {@code n} (0..16) raw bits. */
  int readBits(int n) throws DicomStreamException {
    if (n == 0) {
      return 0;
    }
    if (bits < n) {
      fill();
    }
    int v = (int) (buffer >>> (bits - n)) & ((1 << n) - 1);
    bits -= n;
    return v;
  }

  /**
   * Fails when the decoder has consumed bits that the segment does not hold: the data ended (or a
   * marker came) before the expected number of coded units.
   */
  void checkNotOverread() throws DicomStreamException {
    if (bits < padBits) {
      throw truncated();
    }
  }

  /**
   * Ends the current segment: checks for overreading, discards the remaining bits and moves to the
   * next marker, skipping any bytes before it.
   *
   * @return the marker code (0xD0..0xFE), or -1 at the end of the data
   */
  int nextMarker() throws DicomStreamException {
    checkNotOverread();
    buffer = 0;
    bits = 0;
    padBits = 0;
    atMarker = false;
    while (pos < end) {
      if ((data[pos] & 0xff) == 0xff && pos + 1 < end) {
        int m = data[pos + 1] & 0xff;
        if (m != 0 && m != 0xff) {
          return m;
        }
      }
      pos++;
    }
    return -1;
  }

  /** Consumes the marker found by {@link #nextMarker()} (two bytes). */
  void skipMarker() {
    pos += 2;
  }

  private static DicomStreamException truncated() {
    return new DicomStreamException(
        "JPEG entropy-coded data is truncated (expected more coded units before the next marker)");
  }
}
