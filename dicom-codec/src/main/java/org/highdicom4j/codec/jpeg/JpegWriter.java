package org.highdicom4j.codec.jpeg;

import java.util.Arrays;

/**
 * A growable output for JPEG encoders: marker segments written as is, entropy-coded bits written
 * MSB first with a zero byte stuffed after every 0xFF (T.81 F.1.2.3).
 */
final class JpegWriter {

  private byte[] buf;
  private int len;
  private long acc;
  private int accBits;

  JpegWriter(int initialCapacity) {
    buf = new byte[Math.max(256, initialCapacity)];
  }

  private void ensure(int more) {
    if (len + more > buf.length) {
      long n = Math.max((long) buf.length * 2, (long) len + more);
      if (n > Integer.MAX_VALUE - 16) {
        throw new IllegalStateException("JPEG codestream exceeds 2 GiB");
      }
      buf = Arrays.copyOf(buf, (int) n);
    }
  }

  void u8(int v) {
    ensure(1);
    buf[len++] = (byte) v;
  }

  void u16(int v) {
    ensure(2);
    buf[len++] = (byte) (v >> 8);
    buf[len++] = (byte) v;
  }

  void marker(int code) {
    u8(0xff);
    u8(code);
  }

  /** Writes a DHT segment holding one table. */
  void huffmanTable(int tableClass, int destination, int[] bits, int[] values) {
    marker(JpegDecoder.DHT);
    u16(2 + 17 + values.length);
    u8((tableClass << 4) | destination);
    for (int b : bits) {
      u8(b);
    }
    for (int v : values) {
      u8(v);
    }
  }

  /** Writes {@code size} (0..24) low bits of {@code value}. */
  void bits(int value, int size) {
    acc = (acc << size) | (value & ((1L << size) - 1));
    accBits += size;
    while (accBits >= 8) {
      int b = (int) (acc >>> (accBits - 8)) & 0xff;
      accBits -= 8;
      ensure(2);
      buf[len++] = (byte) b;
      if (b == 0xff) {
        buf[len++] = 0;
      }
    }
  }

  /** Pads the last entropy-coded byte with 1-bits (T.81 F.1.2.3). */
  void flushBits() {
    if (accBits > 0) {
      bits(0xff, 8 - accBits);
    }
    acc = 0;
  }

  byte[] toByteArray() {
    return Arrays.copyOf(buf, len);
  }
}
