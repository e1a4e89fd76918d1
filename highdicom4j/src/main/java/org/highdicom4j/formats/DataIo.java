package org.highdicom4j.formats;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.zip.ZipException;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;

/** Byte-level helpers shared by the readers and writers: typed data, axis permutation, files. */
final class DataIo {
  private DataIo() {}

  /**
   * The largest ratio of decompressed to compressed size DEFLATE can reach (a 258-byte match per ~2
   * bits, RFC 1951), used to reject declared data sizes that no gzip stream of the file's size
   * could hold before allocating them.
   */
  static final long MAX_DEFLATE_RATIO = 1032;

  private static final int CHUNK = 1 << 16;

  /** Writes the whole content of a file. */
  interface Writer {
    void write(OutputStream out) throws IOException;
  }

  /** Reads exactly {@code len} bytes or fails naming the field. */
  static void readFully(
      InputStream in, byte[] b, int off, int len, String format, String field, long offset)
      throws IOException {
    int done = 0;
    while (done < len) {
      int n;
      try {
        n = in.read(b, off + done, len - done);
      } catch (ZipException | EOFException e) {
        throw new ImageFormatException(
            format, field, offset + done, "corrupt compressed data: " + e.getMessage(), e);
      }
      if (n < 0) {
        throw new ImageFormatException(
            format,
            field,
            offset + done,
            "truncated (expected " + len + " bytes): " + done + " bytes available");
      }
      done += n;
    }
  }

  /** Skips exactly {@code n} bytes or fails naming the field. */
  static void skipFully(InputStream in, long n, String format, String field, long offset)
      throws IOException {
    byte[] buf = new byte[(int) Math.min(CHUNK, Math.max(n, 1))];
    long left = n;
    while (left > 0) {
      int len = (int) Math.min(buf.length, left);
      readFully(in, buf, 0, len, format, field, offset + (n - left));
      left -= len;
    }
  }

  /**
   * Reads {@code product(shape)} elements of {@code dtype} stored in {@code order} into a new
   * C-order array; BOOL bytes other than 0 become 1.
   */
  static NdArray readArray(
      InputStream in, DType dtype, int[] shape, ByteOrder order, String format, long offset)
      throws IOException {
    NdArray a = NdArray.zeros(dtype, shape);
    int n = a.size();
    int es = dtype.size();
    int perChunk = CHUNK / es;
    byte[] buf = new byte[Math.min(perChunk, Math.max(n, 1)) * es];
    ByteBuffer bb = ByteBuffer.wrap(buf).order(order);
    Object data = a.data();
    int pos = 0;
    while (pos < n) {
      int count = Math.min(perChunk, n - pos);
      readFully(in, buf, 0, count * es, format, "data", offset + (long) pos * es);
      bb.clear();
      switch (dtype) {
        case BOOL:
          for (int i = 0; i < count; i++) {
            ((byte[]) data)[pos + i] = (byte) (buf[i] != 0 ? 1 : 0);
          }
          break;
        case UINT8:
        case INT8:
          System.arraycopy(buf, 0, data, pos, count);
          break;
        case UINT16:
        case INT16:
          bb.asShortBuffer().get((short[]) data, pos, count);
          break;
        case UINT32:
        case INT32:
          bb.asIntBuffer().get((int[]) data, pos, count);
          break;
        case FLOAT32:
          bb.asFloatBuffer().get((float[]) data, pos, count);
          break;
        default:
          bb.asDoubleBuffer().get((double[]) data, pos, count);
          break;
      }
      pos += count;
    }
    return a;
  }

  /** Writes the elements of {@code a} in C order in {@code order}. */
  static void writeArray(OutputStream out, NdArray a, ByteOrder order) throws IOException {
    DType dtype = a.dtype();
    int n = a.size();
    int es = dtype.size();
    int perChunk = CHUNK / es;
    byte[] buf = new byte[Math.min(perChunk, Math.max(n, 1)) * es];
    ByteBuffer bb = ByteBuffer.wrap(buf).order(order);
    Object data = a.data();
    int base = a.offset();
    int pos = 0;
    while (pos < n) {
      int count = Math.min(perChunk, n - pos);
      bb.clear();
      switch (dtype) {
        case BOOL:
        case UINT8:
        case INT8:
          System.arraycopy(data, base + pos, buf, 0, count);
          break;
        case UINT16:
        case INT16:
          bb.asShortBuffer().put((short[]) data, base + pos, count);
          break;
        case UINT32:
        case INT32:
          bb.asIntBuffer().put((int[]) data, base + pos, count);
          break;
        case FLOAT32:
          bb.asFloatBuffer().put((float[]) data, base + pos, count);
          break;
        default:
          bb.asDoubleBuffer().put((double[]) data, base + pos, count);
          break;
      }
      out.write(buf, 0, count * es);
      pos += count;
    }
  }

  /**
   * Returns a C-order copy with permuted axes, like numpy's {@code transpose(axes)}: axis d of the
   * result is axis {@code axes[d]} of {@code a}.
   */
  static NdArray permute(NdArray a, int... axes) {
    int nd = a.ndim();
    int[] inShape = a.shape();
    if (axes.length != nd) {
      throw new IllegalArgumentException("axes do not match dimensions: " + Arrays.toString(axes));
    }
    int[] inStride = new int[nd];
    int s = 1;
    for (int d = nd - 1; d >= 0; d--) {
      inStride[d] = s;
      s *= inShape[d];
    }
    int[] outShape = new int[nd];
    int[] stride = new int[nd];
    boolean identity = true;
    for (int d = 0; d < nd; d++) {
      outShape[d] = inShape[axes[d]];
      stride[d] = inStride[axes[d]];
      identity &= axes[d] == d;
    }
    if (identity) {
      return a.copy();
    }
    NdArray out = NdArray.zeros(a.dtype(), outShape);
    int n = out.size();
    // Source offsets come from an odometer over the output index, a block at a time, so that the
    // typed copy loops stay simple without one extra int per element.
    int[] src = new int[Math.min(CHUNK, Math.max(n, 1))];
    int[] counter = new int[nd];
    int off = a.offset();
    Object in = a.data();
    Object o = out.data();
    for (int start = 0; start < n; start += src.length) {
      int count = Math.min(src.length, n - start);
      for (int i = 0; i < count; i++) {
        src[i] = off;
        for (int d = nd - 1; d >= 0; d--) {
          counter[d]++;
          off += stride[d];
          if (counter[d] < outShape[d]) {
            break;
          }
          off -= stride[d] * outShape[d];
          counter[d] = 0;
        }
      }
      copyGather(in, src, o, start, count);
    }
    return out;
  }

  private static void copyGather(Object in, int[] src, Object o, int start, int count) {
    if (in instanceof byte[] x) {
      byte[] y = (byte[]) o;
      for (int i = 0; i < count; i++) {
        y[start + i] = x[src[i]];
      }
    } else if (in instanceof short[] x) {
      short[] y = (short[]) o;
      for (int i = 0; i < count; i++) {
        y[start + i] = x[src[i]];
      }
    } else if (in instanceof int[] x) {
      int[] y = (int[]) o;
      for (int i = 0; i < count; i++) {
        y[start + i] = x[src[i]];
      }
    } else if (in instanceof float[] x) {
      float[] y = (float[]) o;
      for (int i = 0; i < count; i++) {
        y[start + i] = x[src[i]];
      }
    } else {
      double[] x = (double[]) in;
      double[] y = (double[]) o;
      for (int i = 0; i < count; i++) {
        y[start + i] = x[src[i]];
      }
    }
  }

  /** Writes a file through a temporary file in the same directory, then moves it into place. */
  static void writeAtomically(Path target, Writer writer) throws IOException {
    Path abs = target.toAbsolutePath();
    Path dir = abs.getParent();
    Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
    try {
      try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(tmp), CHUNK)) {
        writer.write(out);
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** Returns {@code diag(-1, -1, 1, 1) · m}: converts an affine between RAS and LPS. */
  static double[][] flipXy(double[][] m) {
    double[][] r = new double[4][4];
    for (int i = 0; i < 4; i++) {
      for (int j = 0; j < 4; j++) {
        r[i][j] = i < 2 ? -m[i][j] : m[i][j];
      }
    }
    return r;
  }

  /** Returns the affine with index columns 0 and 2 swapped: (i, j, k) ↔ (k, j, i). */
  static double[][] swapIk(double[][] m) {
    double[][] r = new double[4][4];
    for (int i = 0; i < 4; i++) {
      r[i][0] = m[i][2];
      r[i][1] = m[i][1];
      r[i][2] = m[i][0];
      r[i][3] = m[i][3];
    }
    return r;
  }

  /** Checks and copies a 4 x 4 affine argument. */
  static double[][] checkAffine(double[][] affine, String name) {
    if (affine.length != 4) {
      throw new IllegalArgumentException(name + " must be 4 x 4: " + affine.length + " rows");
    }
    double[][] c = new double[4][];
    for (int i = 0; i < 4; i++) {
      if (affine[i] == null || affine[i].length != 4) {
        throw new IllegalArgumentException(name + " must be 4 x 4: row " + i);
      }
      for (double v : affine[i]) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException(name + " must be finite: " + v);
        }
      }
      c[i] = affine[i].clone();
    }
    return c;
  }
}
