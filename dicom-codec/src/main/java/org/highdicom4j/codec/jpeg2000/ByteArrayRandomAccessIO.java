package org.highdicom4j.codec.jpeg2000;

import java.io.EOFException;
import java.io.IOException;
import jj2000.j2k.io.EndianType;
import jj2000.j2k.io.RandomAccessIO;

/**
 * A read-only, big-endian view of a byte range as JJ2000's random access input, so that the
 * codestream of a frame is decoded from memory without copying it. Reads past the end raise {@link
 * EOFException}.
 */
final class ByteArrayRandomAccessIO implements RandomAccessIO {

  private final byte[] data;
  private final int start;
  private final int length;
  private int pos;

  ByteArrayRandomAccessIO(byte[] data, int start, int end) {
    this.data = data;
    this.start = start;
    this.length = end - start;
  }

  @Override
  public void close() {
    // nothing to release
  }

  @Override
  public int getPos() {
    return pos;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public void seek(int off) throws IOException {
    if (off < 0 || off > length) {
      throw new EOFException("seek outside the codestream: " + off);
    }
    pos = off;
  }

  @Override
  public int read() throws IOException {
    if (pos >= length) {
      throw new EOFException("end of codestream");
    }
    return data[start + pos++] & 0xFF;
  }

  @Override
  public void readFully(byte[] b, int off, int n) throws IOException {
    if (n < 0 || n > length - pos) {
      throw new EOFException(
          "end of codestream: " + n + " bytes wanted, " + (length - pos) + " left");
    }
    System.arraycopy(data, start + pos, b, off, n);
    pos += n;
  }

  @Override
  public byte readByte() throws IOException {
    return (byte) read();
  }

  @Override
  public int readUnsignedByte() throws IOException {
    return read();
  }

  @Override
  public short readShort() throws IOException {
    return (short) readUnsignedShort();
  }

  @Override
  public int readUnsignedShort() throws IOException {
    return (read() << 8) | read();
  }

  @Override
  public int readInt() throws IOException {
    return (readUnsignedShort() << 16) | readUnsignedShort();
  }

  @Override
  public long readUnsignedInt() throws IOException {
    return readInt() & 0xFFFFFFFFL;
  }

  @Override
  public long readLong() throws IOException {
    return ((long) readInt() << 32) | readUnsignedInt();
  }

  @Override
  public float readFloat() throws IOException {
    return Float.intBitsToFloat(readInt());
  }

  @Override
  public double readDouble() throws IOException {
    return Double.longBitsToDouble(readLong());
  }

  @Override
  public int getByteOrdering() {
    return EndianType.BIG_ENDIAN;
  }

  @Override
  public int skipBytes(int n) throws IOException {
    if (n < 0 || n > length - pos) {
      throw new EOFException("skip past the end of the codestream: " + n);
    }
    pos += n;
    return n;
  }

  @Override
  public void write(int b) throws IOException {
    throw new IOException("read-only");
  }

  @Override
  public void writeByte(int v) throws IOException {
    throw new IOException("read-only");
  }

  @Override
  public void writeShort(int v) throws IOException {
    throw new IOException("read-only");
  }

  @Override
  public void writeInt(int v) throws IOException {
    throw new IOException("read-only");
  }

  @Override
  public void writeLong(long v) throws IOException {
    throw new IOException("read-only");
  }

  @Override
  public void writeFloat(float v) throws IOException {
    throw new IOException("read-only");
  }

  @Override
  public void writeDouble(double v) throws IOException {
    throw new IOException("read-only");
  }

  @Override
  public void flush() {
    // nothing buffered
  }
}
