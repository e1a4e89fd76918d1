package org.highdicom4j.dicom.data;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The Specific Character Set (0008,0005) of a dataset (PS3.3 C.12.1.1.2, PS3.5 Section 6.1): how
 * the bytes of SH, LO, UC, ST, LT, UT and PN values map to characters.
 *
 * <p>Supported defined terms: the default repertoire ({@code ISO_IR 6}); the single-byte sets
 * {@code ISO_IR 100, 101, 109, 110, 144, 127, 126, 138, 148, 203, 166} and {@code ISO_IR 13} (JIS X
 * 0201), with and without code extensions ({@code ISO 2022 IR n}); the multi-byte sets with code
 * extensions {@code ISO 2022 IR 87} (JIS X 0208), {@code ISO 2022 IR 159} (JIS X 0212), {@code ISO
 * 2022 IR 149} (KS X 1001) and {@code ISO 2022 IR 58} (GB 2312); and the sets without code
 * extensions {@code ISO_IR 192} (UTF-8), {@code GB18030} and {@code GBK}. The ISO 2022 escape
 * sequences (PS3.3 Tables C.12-3 and C.12-4) are interpreted here; the JDK's charsets provide only
 * the character tables.
 *
 * <p>Reading is tolerant, as pydicom is:
 *
 * <ul>
 *   <li>common misspellings ({@code ISO-IR 100}, {@code ISO IR 100}, {@code ISO_IR100}, {@code
 *       ISO-2022-IR 87}, lower case) are read as the defined term; terms that remain unknown are
 *       listed by {@link #unknownTerms()} and replaced by the default repertoire;
 *   <li>with the default repertoire, or when no G1 set is designated, bytes above 0x7F are decoded
 *       as ISO 8859-1 (pydicom does the same with a warning) instead of failing;
 *   <li>bytes that are not a character of the designated set decode to U+FFFD, and so does an
 *       unknown escape sequence; escape sequences of supported sets are honoured even when the set
 *       is not listed in (0008,0005);
 *   <li>{@code ISO_IR 192}, {@code GB18030} and {@code GBK} allow no code extensions: further
 *       values after them are ignored, and they are ignored as later values.
 * </ul>
 *
 * <p>Writing is strict: a character that the listed sets cannot encode is an error.
 *
 * <p>Instances are immutable and thread-safe.
 */
public final class SpecificCharacterSet {

  /** The default character repertoire, ISO-IR 6 (attribute absent or empty). */
  public static final SpecificCharacterSet DEFAULT = new SpecificCharacterSet(List.of());

  private static final byte ESC = 0x1B;

  private static final Pattern SINGLE_BYTE = Pattern.compile("ISO[ _-]?IR[ _-]?(\\d+)");
  private static final Pattern EXTENDED = Pattern.compile("ISO[ _-]?2022[ _-]?(?:IR[ _-]?)?(\\d+)");

  /** A defined term: either a stand-alone charset or one or two ISO 2022 code elements. */
  private static final class Term {
    final Charset standalone;
    final CodeElement g0;
    final CodeElement g1;

    Term(Charset standalone, CodeElement g0, CodeElement g1) {
      this.standalone = standalone;
      this.g0 = g0;
      this.g1 = g1;
    }
  }

  /** Defined terms by IR number (used for both ISO_IR n and ISO 2022 IR n). */
  private static final Map<String, CodeElement> SINGLE_BYTE_SETS =
      Map.ofEntries(
          Map.entry("100", CodeElement.LATIN1),
          Map.entry("101", CodeElement.LATIN2),
          Map.entry("109", CodeElement.LATIN3),
          Map.entry("110", CodeElement.LATIN4),
          Map.entry("144", CodeElement.CYRILLIC),
          Map.entry("127", CodeElement.ARABIC),
          Map.entry("126", CodeElement.GREEK),
          Map.entry("138", CodeElement.HEBREW),
          Map.entry("148", CodeElement.LATIN5),
          Map.entry("203", CodeElement.LATIN9),
          Map.entry("166", CodeElement.THAI));

  private static final Map<String, CodeElement> MULTI_BYTE_SETS =
      Map.of(
          "87", CodeElement.JIS_X0208,
          "159", CodeElement.JIS_X0212,
          "149", CodeElement.KS_X1001,
          "58", CodeElement.GB2312);

  private final List<String> values;
  private final List<String> unknownTerms;

  /** The stand-alone charset (UTF-8, GB18030, GBK), or null for the ISO 2022 model. */
  private final Charset standalone;

  /** Code elements in the order (0008,0005) lists them; the first is the initial G0. */
  private final CodeElement[] elements;

  private final CodeElement initialG0;
  private final CodeElement initialG1;

  /** Whether every ASCII character but ESC is encoded as itself (true for all supported sets). */
  private final boolean asciiAsItself;

  private SpecificCharacterSet(List<String> values) {
    this.values = List.copyOf(values);
    List<String> unknown = new ArrayList<>();
    List<Term> terms = new ArrayList<>();
    for (int i = 0; i < values.size(); i++) {
      String v = values.get(i);
      Term t = i == 0 && v.isEmpty() ? new Term(null, CodeElement.ASCII, null) : term(v);
      if (t == null) {
        unknown.add(v);
        // An unknown first value stands for the default repertoire, keeping value 1's role.
        t = i == 0 ? new Term(null, CodeElement.ASCII, null) : null;
      }
      if (t != null) {
        terms.add(t);
      }
    }
    this.unknownTerms = List.copyOf(unknown);
    Charset alone = null;
    List<CodeElement> list = new ArrayList<>();
    if (!terms.isEmpty() && terms.get(0).standalone != null) {
      alone = terms.get(0).standalone;
    } else {
      Term first = terms.isEmpty() ? new Term(null, CodeElement.ASCII, null) : terms.get(0);
      // Value 1 cannot put a multi-byte set in G0 (PS3.5 6.1.2.5.2): ASCII stays there.
      CodeElement g0 = first.g0 == null || first.g0.width() != 1 ? CodeElement.ASCII : first.g0;
      list.add(g0);
      for (Term t : terms) {
        if (t.standalone == null) {
          for (CodeElement e : new CodeElement[] {t.g0, t.g1}) {
            if (e != null && !list.contains(e)) {
              list.add(e);
            }
          }
        }
      }
    }
    this.standalone = alone;
    this.elements = list.toArray(new CodeElement[0]);
    this.initialG0 = alone == null ? elements[0] : null;
    this.initialG1 = alone == null ? terms.isEmpty() ? null : terms.get(0).g1 : null;
    this.asciiAsItself = probeAscii(alone, initialG0);
  }

  private static boolean probeAscii(Charset standalone, CodeElement g0) {
    byte[] expected = new byte[0x7F];
    StringBuilder sb = new StringBuilder();
    for (int c = 0; c < 0x80; c++) {
      if (c != ESC) {
        expected[sb.length()] = (byte) c;
        sb.append((char) c);
        if (standalone == null && g0.encode(c) != c) {
          return false;
        }
      }
    }
    return standalone == null || Arrays.equals(expected, sb.toString().getBytes(standalone));
  }

  /** The bytes of text made of ASCII characters other than ESC, else null. */
  private static byte[] asciiBytes(String value) {
    int n = value.length();
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      char c = value.charAt(i);
      if (c >= 0x80 || c == ESC) {
        return null;
      }
      out[i] = (byte) c;
    }
    return out;
  }

  /**
   * Returns the Specific Character Set for the values of (0008,0005) as stored.
   *
   * <p>Values are trimmed of space and NUL padding; a value containing backslashes is split, so
   * {@code of("\\ISO 2022 IR 87")} equals {@code of("", "ISO 2022 IR 87")}. An empty or null value
   * 1 means the default repertoire (which with code extensions is the initial G0 set). Misspelled
   * defined terms are corrected; unknown ones are kept in {@link #values()}, listed by {@link
   * #unknownTerms()} and otherwise ignored (value 1 then means the default repertoire).
   *
   * @param values the values of Specific Character Set (0008,0005); null or empty for the default
   *     repertoire
   * @return the character set
   */
  public static SpecificCharacterSet of(String... values) {
    if (values == null || values.length == 0) {
      return DEFAULT;
    }
    List<String> list = new ArrayList<>();
    for (String v : values) {
      for (String part : (v == null ? "" : v).split("\\\\", -1)) {
        list.add(normalize(trim(part)));
      }
    }
    int n = list.size();
    while (n > 0 && list.get(n - 1).isEmpty()) {
      n--;
    }
    if (n == 0) {
      return DEFAULT;
    }
    return new SpecificCharacterSet(list.subList(0, n));
  }

  private static String trim(String s) {
    int b = 0;
    int e = s.length();
    while (b < e && (s.charAt(b) == ' ' || s.charAt(b) == 0)) {
      b++;
    }
    while (e > b && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == 0)) {
      e--;
    }
    return s.substring(b, e);
  }

  /** Returns the defined term a (possibly misspelled) value stands for, or the value itself. */
  private static String normalize(String value) {
    String v = value.toUpperCase(Locale.ROOT);
    Matcher m = EXTENDED.matcher(v);
    if (m.matches()) {
      String ir = m.group(1);
      return "ISO 2022 IR " + ir;
    }
    m = SINGLE_BYTE.matcher(v);
    if (m.matches()) {
      return "ISO_IR " + m.group(1);
    }
    switch (v) {
      case "GB18030":
      case "GBK":
        return v;
      case "ISO 2022 GBK": // CP 1234 draft spelling, accepted by pydicom
        return "GBK";
      case "UTF-8":
      case "UTF8":
        return "ISO_IR 192";
      default:
        return value;
    }
  }

  /** Returns the definition of a normalized defined term, or null when unknown. */
  private static Term term(String v) {
    switch (v) {
      case "ISO_IR 6":
      case "ISO 2022 IR 6":
        return new Term(null, CodeElement.ASCII, null);
      case "ISO_IR 13":
      case "ISO 2022 IR 13":
        return new Term(null, CodeElement.ROMAJI, CodeElement.KATAKANA);
      case "ISO_IR 192":
        return new Term(StandardCharsets.UTF_8, null, null);
      case "GB18030":
        return new Term(Charset.forName("GB18030"), null, null);
      case "GBK":
        return new Term(Charset.forName("GBK"), null, null);
      default:
        break;
    }
    String ir;
    if (v.startsWith("ISO_IR ")) {
      ir = v.substring(7);
    } else if (v.startsWith("ISO 2022 IR ")) {
      ir = v.substring(12);
      CodeElement multi = MULTI_BYTE_SETS.get(ir);
      if (multi != null) {
        return multi.isG1() ? new Term(null, null, multi) : new Term(null, multi, null);
      }
    } else {
      return null;
    }
    CodeElement single = SINGLE_BYTE_SETS.get(ir);
    return single == null ? null : new Term(null, CodeElement.ASCII, single);
  }

  /**
   * Returns the values of Specific Character Set (0008,0005), trimmed, with misspelled defined
   * terms corrected and unknown ones as given; empty for {@link #DEFAULT}.
   */
  public List<String> values() {
    return values;
  }

  /** Returns the values of (0008,0005) that name no supported character set. */
  public List<String> unknownTerms() {
    return unknownTerms;
  }

  /**
   * Returns true when this is effectively the default character repertoire ISO-IR 6: no usable
   * value, or only ISO_IR 6 / ISO 2022 IR 6.
   */
  public boolean isDefault() {
    return standalone == null && elements.length == 1 && elements[0] == CodeElement.ASCII;
  }

  /**
   * Decodes one data element value (all its backslash-separated values together) to text.
   *
   * <p>For VRs whose {@link VR#usesSpecificCharacterSet()} is false, the bytes are read as ISO
   * 8859-1 (which for valid values is ASCII). Padding is kept: callers trim it.
   *
   * @param bytes the encoded value
   * @param offset where the value starts in {@code bytes}
   * @param length the number of bytes of the value
   * @param vr the value representation of the data element
   * @return the decoded text
   * @throws IllegalArgumentException when offset and length do not lie within {@code bytes}
   */
  public String decode(byte[] bytes, int offset, int length, VR vr) {
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(vr, "vr");
    if (offset < 0 || length < 0 || length > bytes.length - offset) {
      throw new IllegalArgumentException(
          "Value range (expected within 0.."
              + bytes.length
              + "): offset "
              + offset
              + ", length "
              + length);
    }
    if (!vr.usesSpecificCharacterSet()) {
      return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
    if (standalone != null) {
      return new String(bytes, offset, length, standalone);
    }
    int end = offset + length;
    int i = offset;
    while (i < end && bytes[i] > 0 && bytes[i] != ESC) {
      i++;
    }
    if (i == end) {
      // Only 7-bit bytes and no escape: ASCII (Romaji is read like ASCII, see CodeElement).
      return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
    }
    return decodeIso2022(bytes, offset, end, vr);
  }

  /**
   * Decodes a whole value.
   *
   * @param bytes the encoded value
   * @param vr the value representation of the data element
   * @return the decoded text
   */
  public String decode(byte[] bytes, VR vr) {
    Objects.requireNonNull(bytes, "bytes");
    return decode(bytes, 0, bytes.length, vr);
  }

  private String decodeIso2022(byte[] bytes, int offset, int end, VR vr) {
    StringBuilder sb = new StringBuilder(end - offset);
    CodeElement g0 = initialG0;
    CodeElement g1 = initialG1;
    int i = offset;
    while (i < end) {
      int b = bytes[i] & 0xff;
      if (b == ESC) {
        int n = escapeLength(bytes, i, end);
        CodeElement e = CodeElement.forEscape(bytes, i, n);
        if (e == null) {
          sb.append(CodeElement.REPLACEMENT);
        } else if (e.isG1()) {
          g1 = e;
        } else {
          g0 = e;
        }
        i += n;
      } else if (b < 0x80) {
        if (g0.width() == 2 && b >= 0x21 && b <= 0x7e) {
          if (i + 1 < end && inRange(bytes[i + 1] & 0xff, 0x21, 0x7e)) {
            sb.append(g0.decode(b, bytes[i + 1] & 0xff));
            i += 2;
          } else {
            sb.append(CodeElement.REPLACEMENT);
            i++;
          }
          continue;
        }
        if (isDelimiter(b, vr)) {
          g0 = initialG0;
          g1 = initialG1;
        }
        sb.append((char) b);
        i++;
      } else if (g1 == null) {
        sb.append((char) b); // lenient: ISO 8859-1, as documented
        i++;
      } else if (g1.width() == 1) {
        sb.append(g1.decode(b));
        i++;
      } else if (inRange(b, 0xa1, 0xfe)
          && i + 1 < end
          && inRange(bytes[i + 1] & 0xff, 0xa1, 0xfe)) {
        sb.append(g1.decode(b, bytes[i + 1] & 0xff));
        i += 2;
      } else {
        sb.append(CodeElement.REPLACEMENT);
        i++;
      }
    }
    return sb.toString();
  }

  /** Returns the length of the escape sequence at i: ESC, intermediates 02/xx, one final byte. */
  private static int escapeLength(byte[] bytes, int i, int end) {
    int j = i + 1;
    while (j < end && inRange(bytes[j] & 0xff, 0x20, 0x2f)) {
      j++;
    }
    if (j < end && inRange(bytes[j] & 0xff, 0x30, 0x7e)) {
      j++;
    }
    return j - i;
  }

  private static boolean inRange(int b, int lo, int hi) {
    return b >= lo && b <= hi;
  }

  /**
   * Returns true for the characters before which the initial code elements must be active again
   * (PS3.5 6.1.2.5.3): control characters (CR, LF, FF, TAB...), the value delimiter backslash for
   * multi-valued VRs, and the component and group delimiters of PN.
   */
  private static boolean isDelimiter(int c, VR vr) {
    if (c < 0x20) {
      return true;
    }
    if (c == '\\') {
      return vr.kind() == VR.Kind.STRING;
    }
    return (c == '^' || c == '=') && vr == VR.PN;
  }

  /**
   * Encodes one data element value (all its backslash-separated values together), without padding.
   *
   * <p>With code extensions, each character is written with the G0 or G1 set that is currently
   * designated when that set has it, otherwise with the first code element, in the order of
   * (0008,0005), that has it, preceded by its escape sequence. Before every delimiter (see {@link
   * #decode(byte[], int, int, VR)}) and at the end of the value the escape sequences of the initial
   * sets are written if other sets were designated (PS3.5 6.1.2.5.3), as in the examples of PS3.5
   * Annexes H and I.
   *
   * @param value the text
   * @param vr the value representation of the data element
   * @return the encoded bytes
   * @throws IllegalArgumentException when a character cannot be encoded
   */
  public byte[] encode(String value, VR vr) {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(vr, "vr");
    if (asciiAsItself || !vr.usesSpecificCharacterSet()) {
      // The common case, with the same result as the encoders below.
      byte[] ascii = asciiBytes(value);
      if (ascii != null) {
        return ascii;
      }
    }
    if (!vr.usesSpecificCharacterSet()) {
      return encodeStandalone(value, StandardCharsets.US_ASCII, null);
    }
    if (standalone != null) {
      return encodeStandalone(value, standalone, this);
    }
    ByteSink out = new ByteSink(value.length() + 8);
    CodeElement g0 = initialG0;
    CodeElement g1 = initialG1;
    for (int i = 0; i < value.length(); ) {
      int cp = value.codePointAt(i);
      if (cp == ESC) {
        throw cannotEncode(value, i, describe() + ", whose escape sequences ESC introduces");
      }
      if (cp < 0x80 && isDelimiter(cp, vr)) {
        g0 = restore(out, g0, g1);
        g1 = initialG1;
        out.write(cp);
        i++;
        continue;
      }
      CodeElement e;
      int code;
      if ((code = g0.encode(cp)) >= 0) {
        e = g0;
      } else if (g1 != null && (code = g1.encode(cp)) >= 0) {
        e = g1;
      } else {
        e = null;
        for (CodeElement candidate : elements) {
          if ((code = candidate.encode(cp)) >= 0) {
            e = candidate;
            break;
          }
        }
        if (e == null) {
          throw cannotEncode(value, i, describe());
        }
        out.write(e.escape());
        if (e.isG1()) {
          g1 = e;
        } else {
          g0 = e;
        }
      }
      if (e.width() == 2) {
        out.write(code >>> 8);
      }
      out.write(code & 0xff);
      i += Character.charCount(cp);
    }
    restore(out, g0, g1);
    return out.toByteArray();
  }

  /** Writes the escape sequences that make the initial sets active again; returns initial G0. */
  private CodeElement restore(ByteSink out, CodeElement g0, CodeElement g1) {
    if (g0 != initialG0) {
      out.write(initialG0.escape());
    }
    // Without an initial G1 set nothing can be re-designated; decoders reset G1 at delimiters.
    if (initialG1 != null && g1 != initialG1) {
      out.write(initialG1.escape());
    }
    return initialG0;
  }

  /** Encodes with a stand-alone charset; {@code set} describes it in errors (null: ISO_IR 6). */
  private static byte[] encodeStandalone(String value, Charset charset, SpecificCharacterSet set) {
    CharsetEncoder encoder =
        charset
            .newEncoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      ByteBuffer bb = encoder.encode(CharBuffer.wrap(value));
      return Arrays.copyOfRange(bb.array(), bb.arrayOffset(), bb.arrayOffset() + bb.limit());
    } catch (CharacterCodingException ex) {
      for (int i = 0; i < value.length(); ) {
        int cp = value.codePointAt(i);
        if (!encoder.reset().canEncode(new String(Character.toChars(cp)))) {
          throw cannotEncode(value, i, describe(set));
        }
        i += Character.charCount(cp);
      }
      throw cannotEncode(value, 0, describe(set));
    }
  }

  private static IllegalArgumentException cannotEncode(String value, int index, String set) {
    int cp = value.codePointAt(index);
    return new IllegalArgumentException(
        String.format(
            Locale.ROOT,
            "SpecificCharacterSet (0008,0005) cannot encode character (expected a character of"
                + " %s): U+%04X '%s' at index %d",
            set,
            cp,
            Character.isISOControl(cp) ? "" : new String(Character.toChars(cp)),
            index));
  }

  private static String describe(SpecificCharacterSet set) {
    return set == null ? "the default repertoire ISO_IR 6" : set.describe();
  }

  private String describe() {
    return values.isEmpty()
        ? "the default repertoire ISO_IR 6"
        : "Specific Character Set " + String.join("\\", values);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SpecificCharacterSet && values.equals(((SpecificCharacterSet) o).values);
  }

  @Override
  public int hashCode() {
    return values.hashCode();
  }

  @Override
  public String toString() {
    return "SpecificCharacterSet["
        + (values.isEmpty() ? "ISO_IR 6" : String.join("\\", values))
        + "]";
  }

  /** A growable byte array. */
  private static final class ByteSink {
    private byte[] buf;
    private int size;

    ByteSink(int capacity) {
      buf = new byte[Math.max(16, capacity)];
    }

    void write(int b) {
      if (size == buf.length) {
        buf = Arrays.copyOf(buf, size * 2);
      }
      buf[size++] = (byte) b;
    }

    void write(byte[] bytes) {
      for (byte b : bytes) {
        write(b);
      }
    }

    byte[] toByteArray() {
      return Arrays.copyOf(buf, size);
    }
  }
}
