package org.highdicom4j.codec.jpegls;

import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * Reads the entropy-coded bits of a JPEG-LS scan (T.87 A.1 and D.1): most significant bit first,
 * where a 0xFF byte is followed by a byte whose first (stuffed) bit is 0 and carries 7 data bits. A
 * 0xFF followed by a byte with the high bit set is a marker and ends the coded data; beyond it zero
 * bits are supplied, and consuming them is reported as truncation.
 */
final class JpegLsBitReader {
  private final byte[] data;
  private final int end;
  private int pos;
  private long cache;
  private int bits;
  private long padBits;

  JpegLsBitReader(byte[] data, int start, int end) {
    this.data = data;
    this.pos = start;
    this.end = end;
  }

  /** Returns the position of the next byte not yet loaded into the bit cache. */
  int position() {
    return pos;
  }

  /** Returns true when more bits were consumed than the coded data holds. */
  boolean overrun() {
    return padBits > bits;
  }

  /** Drops the bit cache and continues at {@code position} (after a restart marker). */
  void restartAt(int position) {
    pos = position;
    cache = 0;
    bits = 0;
    padBits = 0;
  }

  private void fill() {
    while (bits <= 48) {
      if (pos < end) {
        int b = data[pos] & 0xff;
        if (b != 0xff) {
          cache |= (long) b << (56 - bits);
          bits += 8;
          pos++;
          continue;
        }
        if (pos + 1 < end && (data[pos + 1] & 0x80) == 0) {
          cache |= 0xffL << (56 - bits);
          bits += 8;
          cache |= (long) (data[pos + 1] & 0x7f) << (57 - bits);
          bits += 7;
          pos += 2;
          continue;
        }
      }
      // A marker or the end of the data: the cache's low bits are already zero.
      padBits += 64 - bits;
      bits = 64;
    }
  }

  /** Reads one bit. */
  int readBit() {
    if (bits == 0) {
      fill();
    }
    int v = (int) (cache >>> 63);
    cache <<= 1;
    bits--;
    return v;
  }

  /** Reads {@code n} bits (0..32) as an unsigned value. */
  int readBits(int n) {
    if (n == 0) {
      return 0;
    }
    if (bits < n) {
      fill();
    }
    int v = (int) (cache >>> (64 - n));
    cache <<= n;
    bits -= n;
    return v;
  }

  /**
   * Reads a length-limited Golomb code (T.87 A.5.3): the mapped error value, or -1 when the unary
   * prefix is longer than the limit allows.
   *
   * @param k the Golomb parameter
   * @param limit LIMIT, or the reduced limit of run interruption samples
   * @param qbpp bits of an escaped value
   */
  int readGolomb(int k, int limit, int qbpp) {
    int escape = limit - qbpp - 1;
    if (bits < 32) {
      fill();
    }
    int zeros = Long.numberOfLeadingZeros(cache);
    if (zeros < bits) {
      cache <<= zeros + 1;
      bits -= zeros + 1;
    } else {
      zeros = slowUnary(escape);
    }
    if (zeros < escape) {
      return (zeros << k) | readBits(k);
    }
    if (zeros == escape) {
      return readBits(qbpp) + 1;
    }
    return -1;
  }

  private int slowUnary(int escape) {
    int count = 0;
    while (true) {
      if (bits == 0) {
        fill();
      }
      int zeros = Long.numberOfLeadingZeros(cache);
      if (zeros < bits) {
        cache <<= zeros + 1;
        bits -= zeros + 1;
        return count + zeros;
      }
      count += bits;
      cache = 0;
      bits = 0;
      if (count > escape) {
        return count;
      }
    }
  }

  /** Throws when the scan consumed bits beyond its coded data. */
  void checkOverrun() throws DicomStreamException {
    if (overrun()) {
      throw new DicomStreamException(
          "JPEG-LS scan data is truncated (ends at byte offset " + pos + ")");
    }
  }
}
