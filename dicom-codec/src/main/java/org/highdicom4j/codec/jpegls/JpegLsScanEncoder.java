package org.highdicom4j.codec.jpegls;

import static org.highdicom4j.codec.jpegls.JpegLsParameters.J;

import java.util.Arrays;

/**
 * Encodes the lines of one JPEG-LS scan (T.87 Annex A, encoding procedures) with interleave mode
 * none or line: regular mode with context modelling and bias correction, run mode with the J table,
 * length-limited Golomb codes.
 */
final class JpegLsScanEncoder {
  private final int width;
  private final int maxVal;
  private final int near;
  private final int nearFactor;
  private final int range;
  private final int limit;
  private final int qbpp;
  private final byte[] quant;
  private final JpegLsContexts contexts;
  private final JpegLsBitWriter out;
  private final int[][] prev;
  private final int[][] cur;
  private final int[] runIndexes;
  private int runIndex;

  JpegLsScanEncoder(JpegLsParameters p, int width, int components, JpegLsBitWriter out) {
    this.width = width;
    this.maxVal = p.maxVal;
    this.near = p.near;
    this.nearFactor = 2 * p.near + 1;
    this.range = p.range;
    this.limit = p.limit;
    this.qbpp = p.qbpp;
    this.quant = p.quantizationTable();
    this.contexts = new JpegLsContexts(p);
    this.out = out;
    this.prev = new int[components][width + 2];
    this.cur = new int[components][width + 2];
    this.runIndexes = new int[components];
  }

  /** Resets the coding state after a restart marker: the next line is coded like the first. */
  void restart() {
    contexts.reset();
    for (int[] line : prev) {
      Arrays.fill(line, 0);
    }
    Arrays.fill(runIndexes, 0);
  }

  /**
   * Encodes the next line of scan component {@code c}.
   *
   * @param c the component's index within the scan
   * @param src the source samples in {@code src[1..width]}
   */
  void encodeLine(int c, int[] src) {
    int[] p = prev[c];
    int[] r = cur[c];
    runIndex = runIndexes[c];
    final byte[] q = quant;
    final int off = maxVal;
    final int end = width + 1;
    r[0] = p[1];
    p[end] = p[width];
    int ra = r[0];
    int rb = p[1];
    int rc = p[0];
    int x = 1;
    while (x < end) {
      int rd = p[x + 1];
      int ctx = 81 * q[rd - rb + off] + 9 * q[rb - rc + off] + q[rc - ra + off];
      if (ctx != 0) {
        ra = encodeRegular(ctx, ra, rb, rc, src[x]);
        r[x] = ra;
        x++;
        rc = rb;
        rb = rd;
      } else {
        x = encodeRun(src, p, r, x, end, ra);
        if (x < end) {
          ra = r[x - 1];
          rb = p[x];
          rc = p[x - 1];
        }
      }
    }
    runIndexes[c] = runIndex;
    prev[c] = r;
    cur[c] = p;
  }

  private int quantizeError(int err) {
    if (near == 0) {
      return err;
    }
    return err > 0 ? (err + near) / nearFactor : -((near - err) / nearFactor);
  }

  private int clamp(int v) {
    return v < 0 ? 0 : v > maxVal ? maxVal : v;
  }

  private int moduloReduce(int err) {
    if (err < 0) {
      err += range;
    }
    if (err >= (range + 1) / 2) {
      err -= range;
    }
    return err;
  }

  private int encodeRegular(int q, int ra, int rb, int rc, int ix) {
    int sign = (q >> 31) | 1;
    int ctx = q * sign;
    int px;
    if (ra < rb) {
      px = rc >= rb ? ra : rc <= ra ? rb : ra + rb - rc;
    } else {
      px = rc >= ra ? rb : rc <= rb ? ra : ra + rb - rc;
    }
    px = clamp(px + sign * contexts.c[ctx]);
    int err = quantizeError((ix - px) * sign);
    int rx = near == 0 ? ix : clamp(px + sign * err * nearFactor);
    err = moduloReduce(err);
    int k = contexts.k(ctx);
    int merr = err >= 0 ? 2 * err : -2 * err - 1;
    if (near == 0 && k == 0 && 2 * contexts.b[ctx] <= -contexts.n[ctx]) {
      merr ^= 1;
    }
    writeGolomb(merr, k, limit);
    contexts.update(ctx, err);
    return rx;
  }

  private void writeGolomb(int m, int k, int lim) {
    int escape = lim - qbpp - 1;
    int u = m >>> k;
    if (u < escape) {
      int code = (1 << k) | (m & ((1 << k) - 1));
      if (u + 1 + k <= 32) {
        out.writeBits(code, u + 1 + k);
      } else {
        out.writeZeros(u);
        out.writeBits(code, k + 1);
      }
    } else {
      out.writeZeros(escape);
      out.writeBits(1, 1);
      out.writeBits(m - 1, qbpp);
    }
  }

  private int encodeRun(int[] src, int[] p, int[] r, int x, int end, int ra) {
    int n = 0;
    while (x + n < end && Math.abs(src[x + n] - ra) <= near) {
      n++;
    }
    Arrays.fill(r, x, x + n, ra);
    boolean endOfLine = x + n == end;
    int rem = n;
    while (rem >= (1 << J[runIndex])) {
      out.writeBits(1, 1);
      rem -= 1 << J[runIndex];
      if (runIndex < 31) {
        runIndex++;
      }
    }
    if (endOfLine) {
      if (rem > 0) {
        out.writeBits(1, 1);
      }
      return end;
    }
    out.writeBits(rem, J[runIndex] + 1); // a 0 bit, then the remainder in J[RUNindex] bits
    x += n;
    int rb = p[x];
    int riType = Math.abs(ra - rb) <= near ? 1 : 0;
    int px = riType == 1 ? ra : rb;
    int sign = riType == 0 && ra > rb ? -1 : 1;
    int err = quantizeError((src[x] - px) * sign);
    r[x] = near == 0 ? src[x] : clamp(px + sign * err * nearFactor);
    err = moduloReduce(err);
    int k = contexts.runK(riType);
    boolean positiveFirst = contexts.runPositiveFirst(riType, k);
    int map = err > 0 ? (positiveFirst ? 1 : 0) : err < 0 ? (positiveFirst ? 0 : 1) : 0;
    int em = 2 * Math.abs(err) - riType - map;
    writeGolomb(em, k, limit - J[runIndex] - 1);
    contexts.updateRun(riType, err, em);
    if (runIndex > 0) {
      runIndex--;
    }
    return x + 1;
  }
}
