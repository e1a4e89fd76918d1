package org.highdicom4j.dicom.data;

import java.math.BigDecimal;
import java.math.MathContext;

/** Formatting of Decimal String (DS) values within their 16-character limit (PS3.5 6.2). */
public final class DecimalStrings {
  private DecimalStrings() {}

  /**
   * Formats a number as a DS value of at most 16 characters, with as many significant digits as
   * fit; integral values are written without a fraction.
   *
   * @param value a finite number
   * @return the DS text
   * @throws IllegalArgumentException when the value is NaN or infinite (DS cannot hold them)
   */
  public static String format(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("DS value must be finite: " + value);
    }
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    String s = trimZeros(BigDecimal.valueOf(value).toPlainString());
    if (s.length() <= 16) {
      return s;
    }
    for (int digits = 15; digits >= 1; digits--) {
      BigDecimal bd = new BigDecimal(value, new MathContext(digits));
      String plain = trimZeros(bd.toPlainString());
      if (plain.length() <= 16) {
        return plain;
      }
      String sci = bd.stripTrailingZeros().toString().replace("E+", "E");
      if (sci.length() <= 16) {
        return sci;
      }
    }
    throw new IllegalArgumentException("DS value cannot be written in 16 characters: " + value);
  }

  private static String trimZeros(String s) {
    if (s.indexOf('.') < 0 || s.indexOf('E') >= 0) {
      return s;
    }
    int n = s.length();
    while (s.charAt(n - 1) == '0') {
      n--;
    }
    if (s.charAt(n - 1) == '.') {
      n--;
    }
    return s.substring(0, n);
  }
}
