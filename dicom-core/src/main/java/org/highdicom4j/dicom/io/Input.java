package org.highdicom4j.dicom.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Arrays;

/**
 * A buffered byte source that knows its absolute position: a whole byte array, a file channel, or
 * an input stream. Reads past the end raise {@link DicomStreamException} with the offset.
 */
final class Input {
  private static final int BUFFER = 1 << 16;

  /** The largest single read of a file channel into a value's array. */
  private static final int DIRECT_CHUNK = 1 << 20;

  /** Values up to this length are allocated at once even when the stream length is unknown. */
  private static final int EAGER_ALLOCATION_LIMIT = 1 << 24;

  private final InputStream in;
  private final FileChannel channel;
  private byte[] buf;
  private int pos;
  private int lim;
  private long bufStart;
  private final long length;

  private Input(InputStream in, FileChannel channel, byte[] buf, int lim, long length) {
    this.in = in;
    this.channel = channel;
    this.buf = buf;
    this.lim = lim;
    this.length = length;
  }

  static Input of(byte[] bytes) {
    return new Input(null, null, bytes, bytes.length, bytes.length);
  }

  /**
   * One read buffer per thread for file input: a reader parses one file at a time per thread and
   * copies every value out of the buffer, so reading a series does not leave 64 KiB of garbage per
   * file.
   */
  private static final ThreadLocal<byte[]> FILE_BUFFERS =
      ThreadLocal.withInitial(() -> new byte[BUFFER]);

  static Input of(FileChannel channel) throws IOException {
    return new Input(null, channel, FILE_BUFFERS.get(), 0, channel.size());
  }

  static Input of(InputStream in) {
    return new Input(in, null, new byte[BUFFER], 0, -1);
  }

  /** Returns the absolute position of the next byte. */
  long position() {
    return bufStart + pos;
  }

  /** Returns the total length when known, else -1. */
  long length() {
    return length;
  }

  /** Returns the number of bytes left when the length is known, else Long.MAX_VALUE. */
  long remaining() {
    return length < 0 ? Long.MAX_VALUE : length - position();
  }

  /** Byte at an index of the buffer: only valid after {@link #ensure}. */
  byte[] buffer() {
    return buf;
  }

  int bufferPosition() {
    return pos;
  }

  void advance(int n) {
    pos += n;
  }

  /**
   * Makes at least {@code n} (≤ 64 KiB) bytes available in the buffer.
   *
   * @return false when the input ends first
   */
  boolean ensure(int n) throws IOException {
    if (lim - pos >= n) {
      return true;
    }
    if (in == null && channel == null) {
      return false;
    }
    if (pos > 0) {
      System.arraycopy(buf, pos, buf, 0, lim - pos);
      bufStart += pos;
      lim -= pos;
      pos = 0;
    }
    while (lim < n) {
      int r = fill(buf, lim, buf.length - lim);
      if (r < 0) {
        return false;
      }
      lim += r;
    }
    return true;
  }

  private int fill(byte[] dest, int off, int len) throws IOException {
    if (channel != null) {
      return channel.read(ByteBuffer.wrap(dest, off, len));
    }
    return in.read(dest, off, len);
  }

  /** Returns true when no byte is left. */
  boolean atEnd() throws IOException {
    return !ensure(1);
  }

  /** Reads exactly {@code len} bytes into a new array. */
  byte[] readBytes(long len, long tag) throws IOException {
    long start = position();
    if (len > remaining()) {
      throw new DicomStreamException(
          "value length exceeds the remaining bytes (expected ≤ " + remaining() + "): " + len,
          start,
          tag);
    }
    if (len > Integer.MAX_VALUE - 8) {
      throw new DicomStreamException(
          "value length too large to hold in memory (expected < 2 GiB): " + len, start, tag);
    }
    int n = (int) len;
    if (length >= 0 || n <= EAGER_ALLOCATION_LIMIT) {
      byte[] out = new byte[n];
      readFully(out, 0, n, tag);
      return out;
    }
    // Unknown stream length and a large claimed value: grow as bytes actually arrive, so a
    // corrupt length cannot force a huge allocation.
    byte[] out = new byte[EAGER_ALLOCATION_LIMIT];
    int have = 0;
    while (have < n) {
      if (have == out.length) {
        out = Arrays.copyOf(out, (int) Math.min(n, (long) out.length * 2));
      }
      int chunk = Math.min(out.length - have, n - have);
      readFully(out, have, chunk, tag);
      have += chunk;
    }
    return out;
  }

  /**
   * Reads {@code len} bytes, or fewer when the input ends first; a stream of unknown length grows
   * the result only as bytes arrive, so a corrupt length cannot force a huge allocation.
   */
  byte[] readAtMost(long len, long tag) throws IOException {
    long start = position();
    long n = Math.min(len, remaining());
    if (length >= 0) {
      return readBytes(n, tag);
    }
    // Unknown length: the claimed length may be corrupt, so only the bytes that arrive count
    // against the 2 GiB limit of one array.
    int cap = (int) Math.min(n, Integer.MAX_VALUE - 8);
    byte[] out = new byte[Math.min(cap, EAGER_ALLOCATION_LIMIT)];
    int have = 0;
    while (have < n) {
      if (have == cap) {
        if (!ensure(1)) {
          break;
        }
        throw new DicomStreamException(
            "value length too large to hold in memory (expected < 2 GiB): " + len, start, tag);
      }
      if (have == out.length) {
        out = Arrays.copyOf(out, (int) Math.min(cap, (long) out.length * 2));
      }
      if (!ensure(1)) {
        return Arrays.copyOf(out, have);
      }
      int chunk = Math.min(lim - pos, out.length - have);
      System.arraycopy(buf, pos, out, have, chunk);
      pos += chunk;
      have += chunk;
    }
    return out;
  }

  void readFully(byte[] dest, int off, int len, long tag) throws IOException {
    long start = position();
    int avail = lim - pos;
    if (avail >= len) {
      System.arraycopy(buf, pos, dest, off, len);
      pos += len;
      return;
    }
    System.arraycopy(buf, pos, dest, off, avail);
    pos += avail;
    int done = avail;
    if (in == null && channel == null) {
      throw truncated(start, len, done, tag);
    }
    // Large remainder: read straight into the destination, bypassing the buffer.
    bufStart += lim;
    pos = 0;
    lim = 0;
    while (done < len) {
      int r;
      try {
        // Bounded chunks: the JDK copies a channel read into a heap array through a temporary
        // direct buffer of the request's size, which for a large value would be one huge native
        // allocation and a copy that no longer fits the caches.
        r = fill(dest, off + done, Math.min(len - done, DIRECT_CHUNK));
      } catch (EOFException e) {
        r = -1;
      }
      if (r < 0) {
        throw truncated(start, len, done, tag);
      }
      done += r;
      bufStart += r;
    }
  }

  private static DicomStreamException truncated(long start, int len, int got, long tag) {
    return new DicomStreamException(
        "input ends inside a value (expected " + len + " bytes): " + got + " bytes", start, tag);
  }

  void skip(long n, long tag) throws IOException {
    long start = position();
    if (n > remaining()) {
      throw new DicomStreamException(
          "value length exceeds the remaining bytes (expected ≤ " + remaining() + "): " + n,
          start,
          tag);
    }
    long avail = lim - pos;
    if (avail >= n) {
      pos += (int) n;
      return;
    }
    pos = lim;
    long left = n - avail;
    if (channel != null) {
      bufStart += lim + left;
      lim = 0;
      pos = 0;
      channel.position(bufStart);
      return;
    }
    byte[] scratch = new byte[(int) Math.min(BUFFER, left)];
    while (left > 0) {
      int chunk = (int) Math.min(scratch.length, left);
      readFully(scratch, 0, chunk, tag);
      left -= chunk;
    }
  }

  /** Returns an input reading the inflated remainder of this one (Deflated transfer syntaxes). */
  InputStream remainderAsStream() {
    return new InputStream() {
      @Override
      public int read() throws IOException {
        if (!ensure(1)) {
          return -1;
        }
        return buf[pos++] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        if (lim - pos == 0 && !ensure(1)) {
          return -1;
        }
        int n = Math.min(len, lim - pos);
        System.arraycopy(buf, pos, b, off, n);
        pos += n;
        return n;
      }
    };
  }
}
