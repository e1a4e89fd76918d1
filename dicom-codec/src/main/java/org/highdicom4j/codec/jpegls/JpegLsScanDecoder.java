package org.highdicom4j.codec.jpegls;

import static org.highdicom4j.codec.jpegls.JpegLsParameters.J;

import java.util.Arrays;
import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * Decodes the entropy-coded data of one JPEG-LS scan (T.87 Annex A, decoding per Annex F) in any
 * interleave mode, with restart markers, writing each reconstructed line to a {@link JpegLsOutput}.
 */
final class JpegLsScanDecoder {
  private final int width;
  private final int height;
  private final int[] components;
  private final int interleave;
  private final int restartInterval;
  private final JpegLsOutput output;

  private final int maxVal;
  private final int near;
  private final int nearFactor;
  private final int limit;
  private final int qbpp;
  private final int wrap;
  private final int maxMerr;
  private final byte[] quant;
  private final JpegLsContexts contexts;
  private final int[] ca;
  private final int[] cb;
  private final int[] cc;
  private final int[] cn;

  private JpegLsBitReader in;
  private int runIndex;

  /**
   * Prepares a scan.
   *
   * @param p the resolved coding parameters
   * @param width samples per line
   * @param height lines
   * @param components frame component indices of the scan's components, in scan order
   * @param interleave ILV: 0 none, 1 line, 2 sample
   * @param restartInterval lines per restart interval, 0 for none
   * @param output where reconstructed lines go
   */
  JpegLsScanDecoder(
      JpegLsParameters p,
      int width,
      int height,
      int[] components,
      int interleave,
      int restartInterval,
      JpegLsOutput output) {
    this.width = width;
    this.height = height;
    this.components = components.clone();
    this.interleave = interleave;
    this.restartInterval = restartInterval;
    this.output = output;
    this.maxVal = p.maxVal;
    this.near = p.near;
    this.nearFactor = 2 * p.near + 1;
    this.limit = p.limit;
    this.qbpp = p.qbpp;
    this.wrap = p.range * nearFactor;
    this.maxMerr = 2 * p.range + 2;
    this.quant = p.quantizationTable();
    this.contexts = new JpegLsContexts(p);
    this.ca = contexts.a;
    this.cb = contexts.b;
    this.cc = contexts.c;
    this.cn = contexts.n;
  }

  /**
   * Decodes the scan whose coded data starts at {@code start}.
   *
   * @return the offset of the first byte after the coded data (a marker, or the end)
   */
  int decode(byte[] data, int start) throws DicomStreamException {
    int nc = components.length;
    in = new JpegLsBitReader(data, start, data.length);
    int[][] prev = new int[nc][width + 2];
    int[][] cur = new int[nc][width + 2];
    int[] runIndexes = new int[nc];
    int nextRestart = 0;
    for (int y = 0; y < height; y++) {
      if (restartInterval > 0 && y > 0 && y % restartInterval == 0) {
        in.checkOverrun();
        int marker = JpegLsDecoder.findMarker(data, in.position());
        int expected = 0xd0 + nextRestart;
        if (marker + 1 >= data.length || (data[marker + 1] & 0xff) != expected) {
          throw new DicomStreamException(
              String.format(
                  "JPEG-LS restart marker missing (expected FF%02X) at byte offset %d",
                  expected, marker));
        }
        nextRestart = (nextRestart + 1) & 7;
        in.restartAt(marker + 2);
        contexts.reset();
        runIndex = 0;
        Arrays.fill(runIndexes, 0);
        for (int c = 0; c < nc; c++) {
          Arrays.fill(prev[c], 0);
        }
      }
      if (interleave == 2) {
        decodeSampleInterleavedLine(prev, cur);
      } else {
        for (int c = 0; c < nc; c++) {
          runIndex = runIndexes[c];
          decodeLine(prev[c], cur[c]);
          runIndexes[c] = runIndex;
        }
      }
      for (int c = 0; c < nc; c++) {
        output.writeLine(y, components[c], cur[c]);
        int[] t = prev[c];
        prev[c] = cur[c];
        cur[c] = t;
      }
      if (in.overrun()) {
        in.checkOverrun();
      }
    }
    in.checkOverrun();
    return JpegLsDecoder.findMarker(data, in.position());
  }

  private void decodeLine(int[] prev, int[] cur) throws DicomStreamException {
    final byte[] q = quant;
    final int off = maxVal;
    final int end = width + 1;
    cur[0] = prev[1];
    prev[end] = prev[width];
    int ra = cur[0];
    int rb = prev[1];
    int rc = prev[0];
    int x = 1;
    while (x < end) {
      int rd = prev[x + 1];
      int ctx = 81 * q[rd - rb + off] + 9 * q[rb - rc + off] + q[rc - ra + off];
      if (ctx != 0) {
        ra = decodeRegular(ctx, ra, rb, rc);
        cur[x] = ra;
        x++;
        rc = rb;
        rb = rd;
      } else {
        x = decodeRun(prev, cur, x, end, ra);
        if (x < end) {
          ra = cur[x - 1];
          rb = prev[x];
          rc = prev[x - 1];
        }
      }
    }
  }

  private int decodeRegular(int q, int ra, int rb, int rc) throws DicomStreamException {
    int sign = (q >> 31) | 1;
    int ctx = q * sign;
    int px;
    if (ra < rb) {
      px = rc >= rb ? ra : rc <= ra ? rb : ra + rb - rc;
    } else {
      px = rc >= ra ? rb : rc <= rb ? ra : ra + rb - rc;
    }
    px += sign * cc[ctx];
    if (px < 0) {
      px = 0;
    } else if (px > maxVal) {
      px = maxVal;
    }
    int nq = cn[ctx];
    int aq = ca[ctx];
    int k = 0;
    while ((nq << k) < aq && k < 30) {
      k++;
    }
    int merr = in.readGolomb(k, limit, qbpp);
    if (merr < 0 || merr > maxMerr) {
      throw corrupt();
    }
    int err = (merr >>> 1) ^ -(merr & 1);
    if (k == 0 && near == 0 && 2 * cb[ctx] <= -nq) {
      err = ~err;
    }
    contexts.update(ctx, err);
    return reconstruct(px, sign * err);
  }

  private int reconstruct(int px, int signedErr) {
    int rx = px + signedErr * nearFactor;
    if (rx < -near) {
      rx += wrap;
    } else if (rx > maxVal + near) {
      rx -= wrap;
    }
    return rx < 0 ? 0 : rx > maxVal ? maxVal : rx;
  }

  /** Reads a run length (T.87 A.7.1); equal to {@code remaining} when the run ends the line. */
  private int readRunLength(int remaining) throws DicomStreamException {
    int run = 0;
    while (in.readBit() == 1) {
      int chunk = 1 << J[runIndex];
      int take = Math.min(chunk, remaining - run);
      run += take;
      if (take == chunk && runIndex < 31) {
        runIndex++;
      }
      if (run == remaining) {
        return run;
      }
    }
    run += in.readBits(J[runIndex]);
    if (run >= remaining) {
      throw corrupt();
    }
    return run;
  }

  private int decodeRun(int[] prev, int[] cur, int x, int end, int ra) throws DicomStreamException {
    int run = readRunLength(end - x);
    Arrays.fill(cur, x, x + run, ra);
    x += run;
    if (x == end) {
      return x;
    }
    int rb = prev[x];
    int riType = Math.abs(ra - rb) <= near ? 1 : 0;
    int err = decodeRunInterruptionError(riType);
    int rx;
    if (riType == 1) {
      rx = reconstruct(ra, err);
    } else {
      rx = reconstruct(rb, ra > rb ? -err : err);
    }
    cur[x] = rx;
    if (runIndex > 0) {
      runIndex--;
    }
    return x + 1;
  }

  private int decodeRunInterruptionError(int riType) throws DicomStreamException {
    int k = contexts.runK(riType);
    int em = in.readGolomb(k, limit - J[runIndex] - 1, qbpp);
    if (em < 0 || em > maxMerr) {
      throw corrupt();
    }
    int t = em + riType;
    int map = t & 1;
    int magnitude = (t + map) >> 1;
    boolean negative = (map == 1) != contexts.runPositiveFirst(riType, k);
    int err = negative ? -magnitude : magnitude;
    contexts.updateRun(riType, err, em);
    return err;
  }

  private void decodeSampleInterleavedLine(int[][] prev, int[][] cur) throws DicomStreamException {
    final int nc = components.length;
    final int end = width + 1;
    final byte[] q = quant;
    final int off = maxVal;
    int[] qs = new int[nc];
    for (int c = 0; c < nc; c++) {
      cur[c][0] = prev[c][1];
      prev[c][end] = prev[c][width];
    }
    int x = 1;
    while (x < end) {
      boolean run = true;
      for (int c = 0; c < nc; c++) {
        int[] p = prev[c];
        int ra = cur[c][x - 1];
        int rb = p[x];
        int rc = p[x - 1];
        int rd = p[x + 1];
        qs[c] = 81 * q[rd - rb + off] + 9 * q[rb - rc + off] + q[rc - ra + off];
        run &= qs[c] == 0;
      }
      if (!run) {
        for (int c = 0; c < nc; c++) {
          int[] p = prev[c];
          cur[c][x] = decodeRegular(qs[c], cur[c][x - 1], p[x], p[x - 1]);
        }
        x++;
        continue;
      }
      int length = readRunLength(end - x);
      for (int c = 0; c < nc; c++) {
        Arrays.fill(cur[c], x, x + length, cur[c][x - 1]);
      }
      x += length;
      if (x == end) {
        break;
      }
      // Sample-interleaved run interruption always codes RItype 0 (prediction Rb) per component.
      for (int c = 0; c < nc; c++) {
        int ra = cur[c][x - 1];
        int rb = prev[c][x];
        int err = decodeRunInterruptionError(0);
        cur[c][x] = reconstruct(rb, ra > rb ? -err : err);
      }
      if (runIndex > 0) {
        runIndex--;
      }
      x++;
    }
  }

  private DicomStreamException corrupt() {
    return new DicomStreamException(
        "JPEG-LS scan data is corrupt (invalid code) near byte offset " + in.position());
  }
}
