package org.highdicom4j.codec.jpegls;

import java.util.Arrays;

/**
 * Collects a JPEG-LS codestream: marker segments written byte-wise and entropy-coded bits written
 * most significant bit first with the T.87 bit stuffing (after a 0xFF byte the next byte carries a
 * 0 bit followed by 7 data bits).
 */
final class JpegLsBitWriter {
  private byte[] buf;
  private int len;
  private long acc;
  private int accBits;
  private boolean afterFF;

  JpegLsBitWriter(int initialCapacity) {
    buf = new byte[Math.max(64, initialCapacity)];
  }

  private void ensure(int extra) {
    if (len + extra > buf.length) {
      long want = Math.max((long) buf.length * 2, (long) len + extra);
      if (want > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("JPEG-LS codestream exceeds 2 GiB");
      }
      buf = Arrays.copyOf(buf, (int) want);
    }
  }

  /** Writes a raw byte (marker segments only, never inside coded data). */
  void writeByte(int b) {
    ensure(1);
    buf[len++] = (byte) b;
  }

  /** Writes a big-endian 16-bit value (marker segments only). */
  void writeShort(int v) {
    writeByte(v >>> 8);
    writeByte(v);
  }

  /** Appends the low {@code n} bits (0..32) of {@code value} to the coded data. */
  void writeBits(int value, int n) {
    if (n == 0) {
      return;
    }
    acc = (acc << n) | (value & (0xffffffffL >>> (32 - n)));
    accBits += n;
    if (accBits >= 8) {
      drain();
    }
  }

  /** Appends {@code n} zero bits. */
  void writeZeros(int n) {
    while (n > 24) {
      writeBits(0, 24);
      n -= 24;
    }
    writeBits(0, n);
  }

  private void drain() {
    ensure(8);
    while (true) {
      int take = afterFF ? 7 : 8;
      if (accBits < take) {
        return;
      }
      int b = (int) (acc >>> (accBits - take)) & ((1 << take) - 1);
      accBits -= take;
      buf[len++] = (byte) b;
      afterFF = b == 0xff;
    }
  }

  /**
   * Ends the coded data of a scan: pads the last byte with zero bits, and after a final 0xFF adds a
   * byte of stuffed zero bits so that the following marker is not read as coded data.
   */
  void endScan() {
    drain();
    if (accBits > 0) {
      int pad = (afterFF ? 7 : 8) - accBits;
      acc <<= pad;
      accBits += pad;
      drain();
    }
    if (afterFF) {
      acc = 0;
      accBits = 7;
      drain();
    }
    acc = 0;
    accBits = 0;
    afterFF = false;
  }

  /** Returns the bytes written so far. */
  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }
}
