package org.highdicom4j.dicom.data;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.temporal.ChronoField;
import java.time.temporal.Temporal;

/** Parsing and formatting of DA, TM and DT values (PS3.5 Table 6.2-1), partial values included. */
final class TemporalValues {
  private TemporalValues() {}

  static LocalDate parseDate(String s) {
    try {
      return parseDateFields(s);
    } catch (DateTimeException e) {
      // Fields of the right form but out of range (month 20, hour 25): the value is still bad.
      throw new IllegalArgumentException(
          "DA value is not valid (expected " + e.getMessage() + "): " + s, e);
    }
  }

  private static LocalDate parseDateFields(String s) {
    String v = s.trim();
    if (v.length() == 10 && v.charAt(4) == '.' && v.charAt(7) == '.') {
      // ACR-NEMA style "YYYY.MM.DD", still found in old files.
      v = v.substring(0, 4) + v.substring(5, 7) + v.substring(8, 10);
    }
    if (v.length() != 8 || !digits(v, 0, 8)) {
      throw new IllegalArgumentException("DA value is not YYYYMMDD: " + s);
    }
    return LocalDate.of(num(v, 0, 4), num(v, 4, 6), num(v, 6, 8));
  }

  static String formatDate(LocalDate d) {
    return String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
  }

  static LocalTime parseTime(String s) {
    try {
      return parseTimeFields(s);
    } catch (DateTimeException e) {
      // Fields of the right form but out of range (month 20, hour 25): the value is still bad.
      throw new IllegalArgumentException(
          "TM value is not valid (expected " + e.getMessage() + "): " + s, e);
    }
  }

  private static LocalTime parseTimeFields(String s) {
    String v = s.trim();
    if (v.indexOf(':') >= 0) {
      // ACR-NEMA style "HH:MM:SS.frac".
      v = v.replace(":", "");
    }
    int n = v.indexOf('.') >= 0 ? v.indexOf('.') : v.length();
    if ((n != 2 && n != 4 && n != 6) || !digits(v, 0, n)) {
      throw new IllegalArgumentException("TM value is not HH[MM[SS[.FFFFFF]]]: " + s);
    }
    int h = num(v, 0, 2);
    int m = n >= 4 ? num(v, 2, 4) : 0;
    int sec = n >= 6 ? num(v, 4, 6) : 0;
    if (sec == 60) {
      sec = 59; // leap second: java.time has no 60th second
    }
    int nanos = 0;
    if (n < v.length()) {
      if (n != 6) {
        throw new IllegalArgumentException("TM fraction needs HHMMSS before '.': " + s);
      }
      nanos = fraction(v.substring(n + 1), s);
    }
    return LocalTime.of(h, m, sec, nanos);
  }

  static String formatTime(LocalTime t) {
    StringBuilder sb =
        new StringBuilder(String.format("%02d%02d%02d", t.getHour(), t.getMinute(), t.getSecond()));
    if (t.getNano() != 0) {
      sb.append('.').append(String.format("%06d", t.getNano() / 1000));
    }
    return sb.toString();
  }

  static Temporal parseDateTime(String s) {
    try {
      return parseDateTimeFields(s);
    } catch (DateTimeException e) {
      // Fields of the right form but out of range (month 20, hour 25): the value is still bad.
      throw new IllegalArgumentException(
          "DT value is not valid (expected " + e.getMessage() + "): " + s, e);
    }
  }

  private static Temporal parseDateTimeFields(String s) {
    String v = s.trim();
    ZoneOffset offset = null;
    int z = Math.max(v.indexOf('+'), v.indexOf('-'));
    if (z >= 0) {
      String off = v.substring(z);
      if (off.length() != 5 || !digits(off, 1, 5)) {
        throw new IllegalArgumentException("DT offset is not &ZZXX: " + s);
      }
      int hh = num(off, 1, 3);
      int mm = num(off, 3, 5);
      int sign = off.charAt(0) == '-' ? -1 : 1;
      offset = ZoneOffset.ofHoursMinutes(sign * hh, sign * mm);
      v = v.substring(0, z);
    }
    int n = v.indexOf('.') >= 0 ? v.indexOf('.') : v.length();
    if (n < 4 || n % 2 != 0 || n > 14 || !digits(v, 0, n)) {
      throw new IllegalArgumentException("DT value is not YYYY[MM[DD[HH[MM[SS[.F]]]]]]: " + s);
    }
    int year = num(v, 0, 4);
    if (n == 4) {
      return Year.of(year);
    }
    int month = num(v, 4, 6);
    if (n == 6) {
      return YearMonth.of(year, month);
    }
    int day = num(v, 6, 8);
    if (n == 8 && offset == null) {
      return LocalDate.of(year, month, day);
    }
    int h = n >= 10 ? num(v, 8, 10) : 0;
    int m = n >= 12 ? num(v, 10, 12) : 0;
    int sec = n >= 14 ? Math.min(59, num(v, 12, 14)) : 0;
    int nanos = n < v.length() ? fraction(v.substring(n + 1), s) : 0;
    LocalDateTime ldt = LocalDateTime.of(year, month, day, h, m, sec, nanos);
    return offset == null ? ldt : OffsetDateTime.of(ldt, offset);
  }

  static String formatDateTime(Temporal t) {
    if (t instanceof Year) {
      return String.format("%04d", ((Year) t).getValue());
    }
    if (t instanceof YearMonth) {
      YearMonth ym = (YearMonth) t;
      return String.format("%04d%02d", ym.getYear(), ym.getMonthValue());
    }
    if (t instanceof LocalDate) {
      return formatDate((LocalDate) t);
    }
    if (t instanceof LocalDateTime) {
      LocalDateTime d = (LocalDateTime) t;
      return formatDate(d.toLocalDate()) + formatTime(d.toLocalTime());
    }
    if (t instanceof OffsetDateTime) {
      OffsetDateTime d = (OffsetDateTime) t;
      int secs = d.getOffset().getTotalSeconds();
      char sign = secs < 0 ? '-' : '+';
      secs = Math.abs(secs);
      return formatDate(d.toLocalDate())
          + formatTime(d.toLocalTime())
          + String.format("%c%02d%02d", sign, secs / 3600, (secs / 60) % 60);
    }
    if (t.isSupported(ChronoField.YEAR)) {
      throw new IllegalArgumentException(
          "DT value must be Year, YearMonth, LocalDate, LocalDateTime or OffsetDateTime: "
              + t.getClass().getSimpleName());
    }
    throw new IllegalArgumentException("Not a date-time: " + t);
  }

  private static int fraction(String f, String whole) {
    if (f.isEmpty() || f.length() > 6 || !digits(f, 0, f.length())) {
      throw new IllegalArgumentException("Fraction of a second must be 1 to 6 digits: " + whole);
    }
    int val = num(f, 0, f.length());
    for (int i = f.length(); i < 9; i++) {
      val *= 10;
    }
    return val;
  }

  private static boolean digits(String s, int from, int to) {
    if (to > s.length()) {
      return false;
    }
    for (int i = from; i < to; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static int num(String s, int from, int to) {
    return Integer.parseInt(s, from, to, 10);
  }
}
