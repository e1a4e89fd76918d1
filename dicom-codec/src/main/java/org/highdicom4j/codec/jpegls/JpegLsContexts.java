package org.highdicom4j.codec.jpegls;

import java.util.Arrays;

/**
 * The adaptive state of a JPEG-LS scan (T.87 A.2.1): the 365 regular-mode contexts (A, B, C, N) and
 * the two run-interruption contexts (A, N, Nn), updated identically by encoder and decoder.
 */
final class JpegLsContexts {
  private static final int CONTEXTS = 365;
  private static final int MIN_C = -128;
  private static final int MAX_C = 127;

  final int[] a = new int[CONTEXTS];
  final int[] b = new int[CONTEXTS];
  final int[] c = new int[CONTEXTS];
  final int[] n = new int[CONTEXTS];
  private final int[] runA = new int[2];
  private final int[] runN = new int[2];
  private final int[] runNn = new int[2];
  private final int initialA;
  private final int reset;
  private final int nearFactor;

  JpegLsContexts(JpegLsParameters p) {
    this.initialA = Math.max(2, (p.range + 32) / 64);
    this.reset = p.reset;
    this.nearFactor = 2 * p.near + 1;
    reset();
  }

  /** Restores the initial state, at the start of a scan and after a restart marker. */
  void reset() {
    Arrays.fill(a, initialA);
    Arrays.fill(b, 0);
    Arrays.fill(c, 0);
    Arrays.fill(n, 1);
    Arrays.fill(runA, initialA);
    Arrays.fill(runN, 1);
    Arrays.fill(runNn, 0);
  }

  /** Returns the Golomb parameter k of a regular context (T.87 A.5.1). */
  int k(int ctx) {
    int nq = n[ctx];
    int aq = a[ctx];
    int k = 0;
    // k < 30 keeps the shift meaningful even for state driven by corrupt input
    while ((nq << k) < aq && k < 30) {
      k++;
    }
    return k;
  }

  /** Updates a regular context with the (modulo-reduced) error value (T.87 A.6). */
  void update(int ctx, int errval) {
    int bq = b[ctx] + errval * nearFactor;
    int aq = a[ctx] + Math.abs(errval);
    int nq = n[ctx];
    if (nq == reset) {
      aq >>= 1;
      bq >>= 1;
      nq >>= 1;
    }
    nq++;
    a[ctx] = aq;
    n[ctx] = nq;
    if (bq <= -nq) {
      bq += nq;
      if (c[ctx] > MIN_C) {
        c[ctx]--;
      }
      if (bq <= -nq) {
        bq = -nq + 1;
      }
    } else if (bq > 0) {
      bq -= nq;
      if (c[ctx] < MAX_C) {
        c[ctx]++;
      }
      if (bq > 0) {
        bq = 0;
      }
    }
    b[ctx] = bq;
  }

  /** Returns the Golomb parameter k of a run-interruption context (T.87 A.7.2). */
  int runK(int riType) {
    int nq = runN[riType];
    int temp = riType == 0 ? runA[riType] : runA[riType] + (nq >> 1);
    int k = 0;
    while ((nq << k) < temp && k < 30) {
      k++;
    }
    return k;
  }

  /** Returns whether the run-interruption error mapping favours positive errors (T.87 A.7.2). */
  boolean runPositiveFirst(int riType, int k) {
    return k == 0 && 2 * runNn[riType] < runN[riType];
  }

  /** Updates a run-interruption context (T.87 A.7.2, Figure A.23). */
  void updateRun(int riType, int errval, int emErrval) {
    if (errval < 0) {
      runNn[riType]++;
    }
    runA[riType] += (emErrval + 1 - riType) >> 1;
    if (runN[riType] == reset) {
      runA[riType] >>= 1;
      runN[riType] >>= 1;
      runNn[riType] >>= 1;
    }
    runN[riType]++;
  }
}
