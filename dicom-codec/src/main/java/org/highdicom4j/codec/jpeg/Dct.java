package org.highdicom4j.codec.jpeg;

/**
 * The 8×8 discrete cosine transforms of T.81 A.3.3, computed in double precision (an accurate
 * transform: its results stay within one or two levels of any accurate integer IDCT). Instances
 * hold a work area and are not thread-safe; each encode or decode call uses its own.
 */
final class Dct {

  /** BASIS[u * 8 + n] = C(u)/2 · cos((2n+1)uπ/16), C(0) = 1/√2, else 1. */
  private static final double[] BASIS = new double[64];

  static {
    for (int u = 0; u < 8; u++) {
      double cu = u == 0 ? Math.sqrt(0.5) : 1.0;
      for (int n = 0; n < 8; n++) {
        BASIS[u * 8 + n] = cu / 2 * Math.cos((2 * n + 1) * u * Math.PI / 16);
      }
    }
  }

  private final double[] work = new double[64];

  /**
   * Inverse DCT of one block of dequantized coefficients (natural order) into level-shifted,
   * clamped samples.
   *
   * @param coef 64 coefficients, row-major (vertical frequency major)
   * @param out destination samples
   * @param offset index of the block's top-left sample in {@code out}
   * @param stride samples per row of {@code out}
   * @param precision sample precision P (8 or 12): level shift 2^(P-1), range 0..2^P-1
   */
  void inverse(int[] coef, short[] out, int offset, int stride, int precision) {
    double[] t = work;
    int nonZeroRows = 0;
    // horizontal pass: t[v][n] = sum_u BASIS[u][n] * F[v][u], using the even/odd symmetry
    // x[7-n] = E(n) - O(n) to halve the multiplications.
    for (int v = 0; v < 8; v++) {
      int r = v * 8;
      int f1 = coef[r + 1];
      int f2 = coef[r + 2];
      int f3 = coef[r + 3];
      int f4 = coef[r + 4];
      int f5 = coef[r + 5];
      int f6 = coef[r + 6];
      int f7 = coef[r + 7];
      int f0 = coef[r];
      if ((f1 | f2 | f3 | f4 | f5 | f6 | f7) == 0) {
        double dc = f0 * BASIS[0];
        for (int n = 0; n < 8; n++) {
          t[r + n] = dc;
        }
        if (f0 != 0) {
          nonZeroRows |= 1 << v;
        }
        continue;
      }
      nonZeroRows |= 1 << v;
      for (int n = 0; n < 4; n++) {
        double even = f0 * BASIS[n] + f2 * BASIS[16 + n] + f4 * BASIS[32 + n] + f6 * BASIS[48 + n];
        double odd =
            f1 * BASIS[8 + n] + f3 * BASIS[24 + n] + f5 * BASIS[40 + n] + f7 * BASIS[56 + n];
        t[r + n] = even + odd;
        t[r + 7 - n] = even - odd;
      }
    }
    int shift = 1 << (precision - 1);
    int max = (1 << precision) - 1;
    for (int n = 0; n < 8; n++) {
      double g0 = t[n];
      double g1 = t[8 + n];
      double g2 = t[16 + n];
      double g3 = t[24 + n];
      double g4 = t[32 + n];
      double g5 = t[40 + n];
      double g6 = t[48 + n];
      double g7 = t[56 + n];
      boolean dcOnly = (nonZeroRows & 0xfe) == 0;
      for (int m = 0; m < 4; m++) {
        double even;
        double odd;
        if (dcOnly) {
          even = g0 * BASIS[0];
          odd = 0;
        } else {
          even = g0 * BASIS[m] + g2 * BASIS[16 + m] + g4 * BASIS[32 + m] + g6 * BASIS[48 + m];
          odd = g1 * BASIS[8 + m] + g3 * BASIS[24 + m] + g5 * BASIS[40 + m] + g7 * BASIS[56 + m];
        }
        out[offset + m * stride + n] = clamp(even + odd, shift, max);
        out[offset + (7 - m) * stride + n] = clamp(even - odd, shift, max);
      }
    }
  }

  private static short clamp(double x, int shift, int max) {
    int v = (int) Math.floor(x + 0.5) + shift;
    return (short) (v < 0 ? 0 : v > max ? max : v);
  }

  /**
   * Forward DCT of one block of level-shifted samples.
   *
   * @param samples 64 samples minus the level shift, row-major
   * @param out the 64 coefficients, row-major (vertical frequency major)
   */
  void forward(double[] samples, double[] out) {
    double[] t = work;
    // horizontal: t[y][u] = sum_x BASIS[u][x] * s[y][x]
    for (int y = 0; y < 8; y++) {
      for (int u = 0; u < 8; u++) {
        double s = 0;
        for (int x = 0; x < 8; x++) {
          s += BASIS[u * 8 + x] * samples[y * 8 + x];
        }
        t[y * 8 + u] = s;
      }
    }
    // vertical: out[v][u] = sum_y BASIS[v][y] * t[y][u]
    for (int v = 0; v < 8; v++) {
      for (int u = 0; u < 8; u++) {
        double s = 0;
        for (int y = 0; y < 8; y++) {
          s += BASIS[v * 8 + y] * t[y * 8 + u];
        }
        out[v * 8 + u] = s;
      }
    }
  }
}
