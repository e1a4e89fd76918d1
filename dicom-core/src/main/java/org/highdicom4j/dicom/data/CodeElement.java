package org.highdicom4j.dicom.data;

import java.nio.charset.Charset;
import java.util.Arrays;

/**
 * One graphic character set that ISO 2022 code extensions (PS3.3 Tables C.12-3 and C.12-4) can
 * designate to G0 or G1, with its escape sequence and its byte/character tables.
 *
 * <p>Tables are built lazily from the JDK's charsets on first use and are immutable afterwards; a
 * race between two first users merely builds the same table twice.
 */
final class CodeElement {

  /** The replacement character for bytes that are not a character of the designated set. */
  static final char REPLACEMENT = '\uFFFD';

  private enum Kind {
    ASCII,
    ROMAJI,
    SINGLE_G1,
    DOUBLE_G0,
    DOUBLE_G1
  }

  /** ISO-IR 6, US-ASCII in G0: the default character repertoire. */
  static final CodeElement ASCII = new CodeElement("ISO-IR 6", "(B", Kind.ASCII, null);

  /** ISO-IR 14, JIS X 0201 Romaji in G0, read and written like ASCII as pydicom and dcmtk do. */
  static final CodeElement ROMAJI = new CodeElement("ISO-IR 14", "(J", Kind.ROMAJI, null);

  /** ISO-IR 13, JIS X 0201 Katakana in G1. */
  static final CodeElement KATAKANA =
      new CodeElement("ISO-IR 13", ")I", Kind.SINGLE_G1, "JIS_X0201");

  static final CodeElement LATIN1 = latin("ISO-IR 100", 'A', "ISO-8859-1");
  static final CodeElement LATIN2 = latin("ISO-IR 101", 'B', "ISO-8859-2");
  static final CodeElement LATIN3 = latin("ISO-IR 109", 'C', "ISO-8859-3");
  static final CodeElement LATIN4 = latin("ISO-IR 110", 'D', "ISO-8859-4");
  static final CodeElement CYRILLIC = latin("ISO-IR 144", 'L', "ISO-8859-5");
  static final CodeElement ARABIC = latin("ISO-IR 127", 'G', "ISO-8859-6");
  static final CodeElement GREEK = latin("ISO-IR 126", 'F', "ISO-8859-7");
  static final CodeElement HEBREW = latin("ISO-IR 138", 'H', "ISO-8859-8");
  static final CodeElement LATIN5 = latin("ISO-IR 148", 'M', "ISO-8859-9");
  static final CodeElement LATIN9 = latin("ISO-IR 203", 'b', "ISO-8859-15");
  // ISO 8859-11 is TIS-620 plus NO-BREAK SPACE at A0, which is what Python's codec decodes too.
  static final CodeElement THAI = latin("ISO-IR 166", 'T', "x-iso-8859-11");

  /** ISO-IR 87, JIS X 0208 kanji in G0. */
  static final CodeElement JIS_X0208 =
      new CodeElement("ISO-IR 87", "$B", Kind.DOUBLE_G0, "x-JIS0208");

  /** ISO-IR 159, JIS X 0212 supplementary kanji in G0. */
  static final CodeElement JIS_X0212 =
      new CodeElement("ISO-IR 159", "$(D", Kind.DOUBLE_G0, "JIS_X0212-1990");

  /** ISO-IR 149, KS X 1001 Hangul and Hanja in G1. */
  static final CodeElement KS_X1001 =
      new CodeElement("ISO-IR 149", "$)C", Kind.DOUBLE_G1, "EUC-KR");

  /** ISO-IR 58, GB 2312 simplified Chinese in G1. */
  static final CodeElement GB2312 = new CodeElement("ISO-IR 58", "$)A", Kind.DOUBLE_G1, "GB2312");

  /** Every element, for recognising escape sequences while decoding. */
  private static final CodeElement[] ALL = {
    ASCII, ROMAJI, KATAKANA, LATIN1, LATIN2, LATIN3, LATIN4, CYRILLIC, ARABIC, GREEK, HEBREW,
    LATIN5, LATIN9, THAI, JIS_X0208, JIS_X0212, KS_X1001, GB2312
  };

  private final String registration;
  private final byte[] escape;
  private final Kind kind;
  private final String charsetName;
  private volatile Tables tables;

  private CodeElement(String registration, String escapeTail, Kind kind, String charsetName) {
    this.registration = registration;
    this.escape = ("\u001b" + escapeTail).getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    this.kind = kind;
    this.charsetName = charsetName;
  }

  private static CodeElement latin(String registration, char finalByte, String charset) {
    return new CodeElement(registration, "-" + finalByte, Kind.SINGLE_G1, charset);
  }

  /** Returns the ISO registration number of the set, e.g. "ISO-IR 87", for messages. */
  String registration() {
    return registration;
  }

  /** Returns the escape sequence that designates this set, starting with ESC. */
  byte[] escape() {
    return escape.clone();
  }

  /** Returns true when the set is designated to G1 (its bytes have the high bit set). */
  boolean isG1() {
    return kind == Kind.SINGLE_G1 || kind == Kind.DOUBLE_G1;
  }

  /** Returns the number of bytes per character: 1 or 2. */
  int width() {
    return kind == Kind.DOUBLE_G0 || kind == Kind.DOUBLE_G1 ? 2 : 1;
  }

  /**
   * Returns the element whose escape sequence is {@code length} bytes at {@code offset}, or null.
   */
  static CodeElement forEscape(byte[] bytes, int offset, int length) {
    for (CodeElement e : ALL) {
      if (e.escape.length == length
          && Arrays.equals(e.escape, 0, length, bytes, offset, offset + length)) {
        return e;
      }
    }
    // ESC $ @ designates JIS C 6226-1978, which older Japanese systems write for ISO-IR 87.
    if (length == 3 && bytes[offset + 1] == '$' && bytes[offset + 2] == '@') {
      return JIS_X0208;
    }
    return null;
  }

  /**
   * Decodes one single-byte character: a G0 byte (below 0x80) or a G1 byte (0x80 and above).
   *
   * @return the character, or {@link #REPLACEMENT} when the byte is not in the set
   */
  char decode(int b) {
    if (kind == Kind.ASCII || kind == Kind.ROMAJI) {
      return b < 0x80 ? (char) b : REPLACEMENT;
    }
    return b >= 0x80 ? tables().decode[b - 0x80] : REPLACEMENT;
  }

  /**
   * Decodes one double-byte character from its two bytes (both 0x21..0x7E for G0, both 0xA1..0xFE
   * for G1).
   */
  char decode(int b1, int b2) {
    int index = ((b1 & 0x7f) - 0x21) * 94 + ((b2 & 0x7f) - 0x21);
    return tables().decode[index];
  }

  /**
   * Returns the code of a Unicode code point in this set (one byte, or two bytes packed high byte
   * first, as written to the stream), or -1 when the set lacks it.
   */
  int encode(int codePoint) {
    switch (kind) {
      case ASCII:
      case ROMAJI:
        // Romaji's YEN SIGN and OVERLINE are not written: their bytes 0x5C and 0x7E read back
        // as backslash (the value delimiter) and tilde, as in pydicom and dcmtk.
        return codePoint < 0x80 ? codePoint : -1;
      default:
        if (codePoint > 0xFFFF) {
          return -1;
        }
        Tables t = tables();
        int i = Arrays.binarySearch(t.sortedChars, (char) codePoint);
        return i >= 0 ? t.codes[i] : -1;
    }
  }

  private Tables tables() {
    Tables t = tables;
    if (t == null) {
      t = build();
      tables = t;
    }
    return t;
  }

  private Tables build() {
    Charset cs = Charset.forName(charsetName);
    char[] decode;
    int[] codeOf;
    if (width() == 1) {
      decode = new char[128];
      codeOf = new int[128];
      for (int b = 0x80; b < 0x100; b++) {
        decode[b - 0x80] = one(new byte[] {(byte) b}, cs);
        codeOf[b - 0x80] = b;
      }
      if (this == KATAKANA) {
        // JIS X 0201 Katakana occupies A1..DF only; 0x80..0xA0 and E0..FF are undefined.
        for (int b = 0x80; b < 0x100; b++) {
          if (b < 0xA1 || b > 0xDF) {
            decode[b - 0x80] = REPLACEMENT;
          }
        }
      }
    } else {
      int high = kind == Kind.DOUBLE_G1 ? 0x80 : 0;
      decode = new char[94 * 94];
      codeOf = new int[94 * 94];
      for (int r = 0; r < 94; r++) {
        for (int c = 0; c < 94; c++) {
          int b1 = (0x21 + r) | high;
          int b2 = (0x21 + c) | high;
          decode[r * 94 + c] = one(new byte[] {(byte) b1, (byte) b2}, cs);
          codeOf[r * 94 + c] = (b1 << 8) | b2;
        }
      }
      if (this == JIS_X0208) {
        // The JDK maps 0x213D to EM DASH; the Unicode JIS0208 table, Python and glibc map it
        // to HORIZONTAL BAR. Decode like the others; encode both (see the alias below).
        decode[(0x21 - 0x21) * 94 + (0x3D - 0x21)] = '\u2015';
      }
    }
    return Tables.of(decode, codeOf, this == JIS_X0208 ? new int[] {0x2014, 0x213D} : new int[0]);
  }

  /** Decodes one character; anything but exactly one BMP character counts as unmapped. */
  private static char one(byte[] bytes, Charset cs) {
    String s = new String(bytes, cs);
    return s.length() == 1 ? s.charAt(0) : REPLACEMENT;
  }

  @Override
  public String toString() {
    return registration;
  }

  /** Decode table plus the reverse mapping as sorted parallel arrays. */
  private static final class Tables {
    final char[] decode;
    final char[] sortedChars;
    final int[] codes;

    private Tables(char[] decode, char[] sortedChars, int[] codes) {
      this.decode = decode;
      this.sortedChars = sortedChars;
      this.codes = codes;
    }

    /** Builds the reverse mapping; where two codes map to one character the lower code wins. */
    static Tables of(char[] decode, int[] codeOf, int[] aliases) {
      long[] pairs = new long[decode.length + aliases.length / 2];
      int n = 0;
      for (int i = 0; i < decode.length; i++) {
        if (decode[i] != REPLACEMENT) {
          pairs[n++] = ((long) decode[i] << 32) | codeOf[i];
        }
      }
      for (int i = 0; i < aliases.length; i += 2) {
        pairs[n++] = ((long) aliases[i] << 32) | aliases[i + 1];
      }
      Arrays.sort(pairs, 0, n);
      char[] chars = new char[n];
      int[] codes = new int[n];
      int m = 0;
      for (int i = 0; i < n; i++) {
        char c = (char) (pairs[i] >>> 32);
        if (m == 0 || chars[m - 1] != c) {
          chars[m] = c;
          codes[m] = (int) pairs[i];
          m++;
        }
      }
      return new Tables(decode, Arrays.copyOf(chars, m), Arrays.copyOf(codes, m));
    }
  }
}
