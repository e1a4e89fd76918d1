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
}
