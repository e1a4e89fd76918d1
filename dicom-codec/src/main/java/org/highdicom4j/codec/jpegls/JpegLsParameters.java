package org.highdicom4j.codec.jpegls;

import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * The coding parameters of one JPEG-LS scan (T.87 Annex A.2.1 and C.2.4.1.1): MAXVAL, the gradient
 * thresholds T1..T3, RESET and NEAR, with the quantities derived from them.
 */
final class JpegLsParameters {

  /** Run-length order table J (T.87 A.7.1.2). */
  static final int[] J = {
    0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 9, 10, 11, 12, 13,
    14, 15
  };

  private static final int BASIC_T1 = 3;
  private static final int BASIC_T2 = 7;
  private static final int BASIC_T3 = 21;
  private static final int DEFAULT_RESET = 64;

  final int maxVal;
  final int t1;
  final int t2;
  final int t3;
  final int reset;
  final int near;
  final int range;
  final int qbpp;
  final int limit;

  private JpegLsParameters(int maxVal, int t1, int t2, int t3, int reset, int near) {
    this.maxVal = maxVal;
    this.t1 = t1;
    this.t2 = t2;
    this.t3 = t3;
    this.reset = reset;
    this.near = near;
    this.range = (maxVal + 2 * near) / (2 * near + 1) + 1;
    this.qbpp = ceilLog2(range);
    int bpp = Math.max(2, ceilLog2(maxVal + 1));
    this.limit = 2 * (bpp + Math.max(8, bpp));
  }

  /** Returns the default parameters for a precision and NEAR (nothing preset). */
  static JpegLsParameters defaults(int precision, int near) {
    try {
      return resolve(precision, near, 0, 0, 0, 0, 0);
    } catch (DicomStreamException e) {
      throw new IllegalArgumentException("NEAR " + near + " is invalid for precision " + precision);
    }
  }

  /**
   * Resolves preset values (0 meaning "default", as in an LSE marker segment) into parameters.
   *
   * @throws DicomStreamException when a preset value is out of the range T.87 C.2.4.1.1 allows
   */
  static JpegLsParameters resolve(
      int precision,
      int near,
      int presetMaxVal,
      int presetT1,
      int presetT2,
      int presetT3,
      int presetReset)
      throws DicomStreamException {
    int fullMax = (1 << precision) - 1;
    int maxVal = presetMaxVal == 0 ? fullMax : presetMaxVal;
    if (maxVal < 1 || maxVal > fullMax) {
      throw new DicomStreamException(
          "JPEG-LS preset MAXVAL is out of range (expected 1.." + fullMax + "): " + maxVal);
    }
    if (near < 0 || near > Math.min(255, maxVal / 2)) {
      throw new DicomStreamException(
          "JPEG-LS NEAR is out of range (expected 0.." + Math.min(255, maxVal / 2) + "): " + near);
    }
    int t1;
    int t2;
    int t3;
    if (maxVal >= 128) {
      int factor = (Math.min(maxVal, 4095) + 128) / 256;
      t1 = clamp(factor * (BASIC_T1 - 2) + 2 + 3 * near, near + 1, maxVal);
      t2 = clamp(factor * (BASIC_T2 - 3) + 3 + 5 * near, t1, maxVal);
      t3 = clamp(factor * (BASIC_T3 - 4) + 4 + 7 * near, t2, maxVal);
    } else {
      int factor = 256 / (maxVal + 1);
      t1 = clamp(Math.max(2, BASIC_T1 / factor + 3 * near), near + 1, maxVal);
      t2 = clamp(Math.max(3, BASIC_T2 / factor + 5 * near), t1, maxVal);
      t3 = clamp(Math.max(4, BASIC_T3 / factor + 7 * near), t2, maxVal);
    }
    if (presetT1 != 0) {
      t1 = checked("T1", presetT1, near + 1, maxVal);
    }
    if (presetT2 != 0) {
      t2 = checked("T2", presetT2, t1, maxVal);
    }
    if (presetT3 != 0) {
      t3 = checked("T3", presetT3, t2, maxVal);
    }
    int reset =
        presetReset == 0 ? DEFAULT_RESET : checked("RESET", presetReset, 3, Math.max(255, maxVal));
    return new JpegLsParameters(maxVal, t1, t2, t3, reset, near);
  }

  private static int checked(String name, int value, int min, int max) throws DicomStreamException {
    if (value < min || value > max) {
      throw new DicomStreamException(
          "JPEG-LS preset "
              + name
              + " is out of range (expected "
              + min
              + ".."
              + max
              + "): "
              + value);
    }
    return value;
  }

  private static int clamp(int i, int j, int maxVal) {
    return i > maxVal || i < j ? j : i;
  }

  static int ceilLog2(int x) {
    return 32 - Integer.numberOfLeadingZeros(x - 1);
  }

  /**
   * Builds the gradient quantization table (T.87 A.3.3): entry {@code d + maxVal} holds the region
   * -4..4 of gradient {@code d}.
   */
  byte[] quantizationTable() {
    byte[] table = new byte[2 * maxVal + 1];
    for (int d = -maxVal; d <= maxVal; d++) {
      int q;
      if (d <= -t3) {
        q = -4;
      } else if (d <= -t2) {
        q = -3;
      } else if (d <= -t1) {
        q = -2;
      } else if (d < -near) {
        q = -1;
      } else if (d <= near) {
        q = 0;
      } else if (d < t1) {
        q = 1;
      } else if (d < t2) {
        q = 2;
      } else if (d < t3) {
        q = 3;
      } else {
        q = 4;
      }
      table[d + maxVal] = (byte) q;
    }
    return table;
  }
}
