package org.highdicom4j.seg;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Loops over one plane of a label map held in a {@code byte[]} (uint8, int8, bool), the common
 * case. Label maps are long runs of one value along a row, so the loops read eight pixels at a time
 * as one {@code long} and handle a word that repeats the previous value (or zero) in one comparison
 * instead of eight.
 */
final class ByteLabelKernels {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;

  private ByteLabelKernels() {}

  /**
   * Returns which byte values (as unsigned 0..255) occur among {@code n} pixels from {@code base}.
   */
  static boolean[] present(byte[] d, int base, int n) {
    boolean[] pr = new boolean[256];
    long run = 0;
    boolean zero = false;
    int i = 0;
    for (int end = n - 7; i < end; i += 8) {
      long w = (long) LONGS.get(d, base + i);
      if (w == run) {
        zero |= run == 0;
        continue;
      }
      for (int s = 0; s < 64; s += 8) {
        pr[(int) (w >>> s) & 0xff] = true;
      }
      run = (w >>> 56) * ONES;
    }
    for (; i < n; i++) {
      pr[d[base + i] & 0xff] = true;
    }
    pr[0] |= zero;
    return pr;
  }

  /**
   * Sets, for BINARY frames of {@code ppf} pixels (a multiple of 8) packed contiguously, the bits
   * of one plane: pixel i with value v &gt; 0 sets bit i of frame {@code frameOf[v]} (skipped when
   * -1). Every value of the plane must index {@code frameOf}.
   */
  static void packPlane(byte[] d, int base, int ppf, int[] frameOf, byte[] out) {
    int frameBytes = ppf >>> 3;
    for (int i = 0; i < ppf; i += 8) {
      long w = (long) LONGS.get(d, base + i);
      if (w == 0) {
        continue;
      }
      int at = i >>> 3;
      int v0 = (int) w & 0xff;
      if (w == v0 * ONES) {
        int f = frameOf[v0];
        if (f >= 0) {
          out[f * frameBytes + at] = (byte) 0xff;
        }
        continue;
      }
      for (int j = 0; j < 8; j++) {
        int v = (int) (w >>> (j << 3)) & 0xff;
        if (v != 0) {
          int f = frameOf[v];
          if (f >= 0) {
            out[f * frameBytes + at] |= (byte) (1 << j);
          }
        }
      }
    }
  }

  /**
   * Widens, for each value v &gt; 0 of a plane of {@code rows} rows of {@code rowWords} eight-pixel
   * words, the bounding box {@code box[4v..4v+3]} = first row, last row, first word, last word
   * (initialised by the caller to an empty box: first &gt; last).
   */
  static void boxes(byte[] d, int base, int rows, int rowWords, int[] box) {
    for (int r = 0; r < rows; r++) {
      int rowStart = base + r * (rowWords << 3);
      // Runs never continue across rows: the first word of a row is always looked at.
      long run = ~(long) LONGS.get(d, rowStart);
      for (int c = 0; c < rowWords; c++) {
        long w = (long) LONGS.get(d, rowStart + (c << 3));
        if (w == run) {
          continue;
        }
        int last = (int) (run >>> 56);
        if (c > 0 && last != 0) {
          // The run of the previous word's last value ends at word c - 1 at the latest.
          widen(box, last, r, c - 1);
        }
        for (int s = 0; s < 64; s += 8) {
          int v = (int) (w >>> s) & 0xff;
          if (v != 0) {
            widen(box, v, r, c);
          }
        }
        run = (w >>> 56) * ONES;
      }
      int last = (int) (run >>> 56);
      if (last != 0) {
        widen(box, last, r, rowWords - 1);
      }
    }
  }

  private static void widen(int[] box, int v, int r, int c) {
    int i = v << 2;
    box[i] = Math.min(box[i], r);
    box[i + 1] = Math.max(box[i + 1], r);
    box[i + 2] = Math.min(box[i + 2], c);
    box[i + 3] = Math.max(box[i + 3], c);
  }

  /**
   * Packs one plane into per-frame boxes: pixel (r, 8c + j) with value v &gt; 0 sets bit j of byte
   * {@code (r - r0) * width + (c - c0)} of {@code bits[frameOf[v]]}, where r0, c0 and width come
   * from {@code box} (four ints per frame: first row, last row, first word, last word). Every value
   * of the plane with a frame must lie inside its frame's box.
   */
  static void packBoxes(
      byte[] d, int base, int rows, int rowWords, int[] frameOf, int[] box, byte[][] bits) {
    for (int r = 0; r < rows; r++) {
      int rowStart = base + r * (rowWords << 3);
      for (int c = 0; c < rowWords; c++) {
        long w = (long) LONGS.get(d, rowStart + (c << 3));
        if (w == 0) {
          continue;
        }
        int v0 = (int) w & 0xff;
        if (w == v0 * ONES) {
          int f = frameOf[v0];
          if (f >= 0) {
            bits[f][boxIndex(box, f, r, c)] = (byte) 0xff;
          }
          continue;
        }
        for (int j = 0; j < 8; j++) {
          int v = (int) (w >>> (j << 3)) & 0xff;
          if (v != 0) {
            int f = frameOf[v];
            if (f >= 0) {
              bits[f][boxIndex(box, f, r, c)] |= (byte) (1 << j);
            }
          }
        }
      }
    }
  }

  private static int boxIndex(int[] box, int f, int r, int c) {
    int i = f << 2;
    return (r - box[i]) * (box[i + 3] - box[i + 2] + 1) + (c - box[i + 2]);
  }
}
