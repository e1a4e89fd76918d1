package org.highdicom4j.dicom.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Expected bytes come from the examples of PS3.5 Annexes H (Japanese), I (Korean), J and K
 * (Chinese), from the code tables of ISO 8859, JIS X 0201/0208/0212, KS X 1001 and GB 2312 (the
 * individual codes cross-checked with Python's codecs), and from the rules of PS3.5 6.1.2.5.3.
 */
class SpecificCharacterSetTest {

  /** Bytes written as a Java string of chars U+0000..U+00FF, like Python's bytes literals. */
  private static byte[] bytes(String latin1) {
    return latin1.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static void assertRoundTrip(SpecificCharacterSet cs, VR vr, String text, byte[] bytes) {
    assertEquals(text, cs.decode(bytes, vr), "decode");
    assertArrayEquals(bytes, cs.encode(text, vr), "encode");
  }

  // PS3.5 H.3.1: value 1 empty, JIS X 0208 via code extensions.
  @Test
  void japanesePersonNameWithDefaultG0MatchesAnnexH31() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87");
    assertRoundTrip(
        cs,
        VR.PN,
        "Yamada^Tarou=山田^太郎=やまだ^たろう",
        bytes(
            "Yamada^Tarou=\u001b$B;3ED\u001b(B^\u001b$BB@O:\u001b(B="
                + "\u001b$B$d$^$@\u001b(B^\u001b$B$?$m$&\u001b(B"));
  }

  // PS3.5 H.3.2: value 1 ISO 2022 IR 13: half-width Katakana in G1, return to Romaji ESC ( J.
  @Test
  void japanesePersonNameWithKatakanaMatchesAnnexH32() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 13", "ISO 2022 IR 87");
    assertRoundTrip(
        cs,
        VR.PN,
        "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう",
        bytes(
            "\u00d4\u00cf\u00c0\u00de^\u00c0\u00db\u00b3=\u001b$B;3ED\u001b(J^\u001b$BB@O:\u001b(J="
                + "\u001b$B$d$^$@\u001b(J^\u001b$B$?$m$&\u001b(J"));
  }

  // PS3.5 I.2: Korean person name, KS X 1001 designated to G1 in every component.
  @Test
  void koreanPersonNameMatchesAnnexI() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 149");
    assertRoundTrip(
        cs,
        VR.PN,
        "Hong^Gildong=洪^吉洞=홍^길동",
        bytes(
            "Hong^Gildong=\u001b$)C\u00fb\u00f3^\u001b$)C\u00d1\u00ce\u00d4\u00d7="
                + "\u001b$)C\u00c8\u00ab^\u001b$)C\u00b1\u00e6\u00b5\u00bf"));
  }

  // Korean text: after CR LF the G1 designation is gone and must be repeated (PS3.5 6.1.2.5.3).
  @Test
  void koreanLongTextRedesignatesAfterEachLine() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("\\ISO 2022 IR 149");
    assertRoundTrip(
        cs,
        VR.LT,
        "The 1st line includes 한글.\r\nThe 2nd line includes 한글, too.\r\nThe 3rd line.",
        bytes(
            "The 1st line includes \u001b$)C\u00c7\u00d1\u00b1\u00db.\r\n"
                + "The 2nd line includes \u001b$)C\u00c7\u00d1\u00b1\u00db, too.\r\n"
                + "The 3rd line."));
  }

  // PS3.5 J.1: UTF-8.
  @Test
  void chinesePersonNameInUtf8MatchesAnnexJ() {
    assertRoundTrip(
        SpecificCharacterSet.of("ISO_IR 192"),
        VR.PN,
        "Wang^XiaoDong=王^小東=",
        bytes("Wang^XiaoDong=\u00e7\u008e\u008b^\u00e5\u00b0\u008f\u00e6\u009d\u00b1="));
  }

  // PS3.5 J.2: GB18030.
  @Test
  void chinesePersonNameInGb18030MatchesAnnexJ() {
    assertRoundTrip(
        SpecificCharacterSet.of("GB18030"),
        VR.PN,
        "Wang^XiaoDong=王^小东=",
        bytes("Wang^XiaoDong=\u00cd\u00f5^\u00d0\u00a1\u00b6\u00ab="));
  }

  // PS3.5 K.2: GB 2312 designated to G1.
  @Test
  void chinesePersonNameInGb2312MatchesAnnexK() {
    assertRoundTrip(
        SpecificCharacterSet.of("", "ISO 2022 IR 58"),
        VR.PN,
        "Zhang^XiaoDong=张^小东=",
        bytes("Zhang^XiaoDong=\u001b$)A\u00d5\u00c5^\u001b$)A\u00d0\u00a1\u00b6\u00ab="));
  }

  // PS3.5 K.3: lines of GB 2312 text, G1 designated again after each CR LF.
  @Test
  void chineseLongTextInGb2312MatchesAnnexK() {
    String line1 =
        "1.\u001b$)A\u00b5\u00da\u00d2\u00bb\u00d0\u00d0\u00ce\u00c4\u00d7\u00d6\u00a1\u00a3\r\n";
    String line2 =
        "2.\u001b$)A\u00b5\u00da\u00b6\u00fe\u00d0\u00d0\u00ce\u00c4\u00d7\u00d6\u00a1\u00a3\r\n";
    String line3 =
        "3.\u001b$)A\u00b5\u00da\u00c8\u00fd\u00d0\u00d0\u00ce\u00c4\u00d7\u00d6\u00a1\u00a3\r\n";
    assertRoundTrip(
        SpecificCharacterSet.of("", "ISO 2022 IR 58"),
        VR.LT,
        "1.第一行文字。\r\n2.第二行文字。\r\n3.第三行文字。\r\n",
        bytes(line1 + line2 + line3));
  }

  @Test
  void jisX0212IsDesignatedToG0AndReturnsToAscii() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87", "ISO 2022 IR 159");
    // 丂 is JIS X 0212 0x3021; 山 is JIS X 0208 0x3B33.
    assertRoundTrip(cs, VR.LO, "A丂山B", bytes("A\u001b$(D0!\u001b$B;3\u001b(BB"));
  }

  @Test
  void spaceBetweenKanjiLeavesJisX0208Mode() {
    // JIS X 0208 has no U+0020: the space is written in the ASCII G0 set.
    assertRoundTrip(
        SpecificCharacterSet.of("", "ISO 2022 IR 87"),
        VR.LO,
        "山 田",
        bytes("\u001b$B;3\u001b(B \u001b$BED\u001b(B"));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "ISO_IR 100, A, e9, é",
    "ISO_IR 101, B, b1, ą",
    "ISO_IR 109, C, a1, Ħ",
    "ISO_IR 110, D, a2, ĸ",
    "ISO_IR 144, L, b0, А",
    "ISO_IR 127, G, c7, ا",
    "ISO_IR 126, F, c4, Δ",
    "ISO_IR 138, H, e0, א",
    "ISO_IR 148, M, d0, Ğ",
    "ISO_IR 203, b, a4, €",
    "ISO_IR 166, T, a1, ก",
  })
  void singleByteSetsDecodeAndEncodeTheirUpperHalf(
      String term, String escapeFinal, String hex, String ch) {
    byte code = (byte) Integer.parseInt(hex, 16);
    byte[] plain = {'x', code, 'y'};
    assertRoundTrip(SpecificCharacterSet.of(term), VR.LO, "x" + ch + "y", plain);
    // The same set as value 1 with code extensions: no escape needed, it is the initial G1 set.
    String extended = "ISO 2022 IR " + term.substring(7);
    assertRoundTrip(SpecificCharacterSet.of(extended), VR.LO, "x" + ch + "y", plain);
    // As value 2 it must be designated: ESC 02/13 Ff (PS3.3 Table C.12-3).
    byte[] designated = {'x', 0x1b, '-', (byte) escapeFinal.charAt(0), code, 'y'};
    assertRoundTrip(SpecificCharacterSet.of("", extended), VR.LO, "x" + ch + "y", designated);
  }

  @Test
  void jisX0201CarriesHalfWidthKatakanaInTheUpperHalf() {
    // 0xB1 is HALFWIDTH KATAKANA LETTER A in JIS X 0201.
    assertRoundTrip(SpecificCharacterSet.of("ISO_IR 13"), VR.SH, "Aｱ", bytes("A\u00b1"));
    assertRoundTrip(
        SpecificCharacterSet.of("", "ISO 2022 IR 13"), VR.SH, "Aｱ", bytes("A\u001b)I\u00b1"));
  }

  @Test
  void secondSingleByteSetIsDesignatedAndInitialG1RestoredAtTheEnd() {
    // Latin-1 is the initial G1 set; Greek replaces it, and Latin-1 is active again at the end.
    SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 100", "ISO 2022 IR 126");
    assertRoundTrip(
        cs, VR.PN, "Äneas^Διον", bytes("\u00c4neas^\u001b-F\u00c4\u00e9\u00ef\u00ed\u001b-A"));
  }

  @Test
  void personNameDelimitersResetToInitialSets() {
    // Without the repeated ESC $ ) C, the bytes after '^' are no longer KS X 1001.
    SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 149");
    byte[] raw = bytes("\u001b$)C\u00fb\u00f3^\u00fb\u00f3");
    assertEquals("洪^\u00fb\u00f3", cs.decode(raw, VR.PN));
    // For LO '^' is an ordinary character; its values are delimited by '\'.
    assertEquals("洪^洪", cs.decode(raw, VR.LO));
    byte[] multi = bytes("\u001b$)C\u00fb\u00f3\\\u00fb\u00f3");
    assertEquals("洪\\\u00fb\u00f3", cs.decode(multi, VR.LO));
    // In text VRs the backslash is an ordinary character, but a line end resets.
    assertEquals("洪\\洪", cs.decode(multi, VR.LT));
    byte[] lines = bytes("\u001b$)C\u00fb\u00f3\r\n\u00fb\u00f3");
    assertEquals("洪\r\n\u00fb\u00f3", cs.decode(lines, VR.LT));
  }

  @Test
  void multiValuedPersonNameStartsEachValueInTheInitialSet() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87");
    byte[] raw = bytes("\u001b$B$d\u001b(B\\\u001b$B$d\u001b(B");
    assertRoundTrip(cs, VR.PN, "や\\や", raw);
  }

  @Test
  void gbkDoesNotSplitAtTrailBytesThatLookLikeBackslash() {
    // GBK 0x81 0x5C is U+4E57; decoding value by value would break it at the 0x5C.
    SpecificCharacterSet cs = SpecificCharacterSet.of("GBK");
    assertRoundTrip(cs, VR.LO, "乗\\A", new byte[] {(byte) 0x81, 0x5c, 0x5c, 'A'});
  }

  @Test
  void defaultRepertoireDecodesHighBytesAsLatin1ButDoesNotEncodeThem() {
    assertEquals("Jérôme", SpecificCharacterSet.DEFAULT.decode(bytes("J\u00e9r\u00f4me"), VR.PN));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> SpecificCharacterSet.DEFAULT.encode("Jérôme", VR.PN));
    assertTrue(e.getMessage().contains("U+00E9"), e.getMessage());
    assertTrue(e.getMessage().contains("ISO_IR 6"), e.getMessage());
    assertTrue(e.getMessage().contains("at index 1"), e.getMessage());
  }

  @Test
  void unencodableCharacterIsRejectedNamingCharacterAndSet() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> cs.encode("山é", VR.LO));
    assertTrue(e.getMessage().contains("U+00E9 'é'"), e.getMessage());
    assertTrue(e.getMessage().contains("\\ISO 2022 IR 87"), e.getMessage());
    IllegalArgumentException greek =
        assertThrows(
            IllegalArgumentException.class,
            () -> SpecificCharacterSet.of("ISO_IR 100").encode("Δ", VR.LO));
    assertTrue(greek.getMessage().contains("U+0394"), greek.getMessage());
    assertThrows(
        IllegalArgumentException.class,
        () -> SpecificCharacterSet.of("", "ISO 2022 IR 87").encode("a\u001b(Bb", VR.LO));
    assertThrows(
        IllegalArgumentException.class,
        () -> SpecificCharacterSet.of("ISO_IR 192").encode("\ud800", VR.LO));
  }

  @Test
  void vrsWithoutSpecificCharacterSetUseTheDefaultRepertoire() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("ISO_IR 192");
    assertEquals("Ã©", cs.decode(bytes("\u00c3\u00a9"), VR.CS));
    assertEquals("é", cs.decode(bytes("\u00c3\u00a9"), VR.LO));
    assertArrayEquals(bytes("1.2.3"), cs.encode("1.2.3", VR.UI));
    assertThrows(IllegalArgumentException.class, () -> cs.encode("é", VR.CS));
  }

  // ISO 646 characters are one byte each in every supported set (PS3.5 6.1.2.3 and 6.1.2.5.1).
  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "ISO_IR 100",
        "ISO_IR 192",
        "GB18030",
        "GBK",
        "ISO 2022 IR 13",
        "\\ISO 2022 IR 87",
        "ISO 2022 IR 6\\ISO 2022 IR 149"
      })
  void asciiTextIsEncodedAsItsOwnBytesAndEscapeIsNeverTakenForText(String term) {
    SpecificCharacterSet cs = SpecificCharacterSet.of(term.split("\\\\", -1));
    String text = "Doe^John=\t~[x]{}\\A\u007f\u0000";
    for (VR vr : new VR[] {VR.PN, VR.LO, VR.LT, VR.UI}) {
      assertArrayEquals(text.getBytes(StandardCharsets.US_ASCII), cs.encode(text, vr), term);
    }
    String escape = "a\u001bb";
    if (term.startsWith("ISO_IR 192") || term.startsWith("GB")) {
      assertArrayEquals(bytes(escape), cs.encode(escape, VR.LO), term);
    } else {
      // In ISO 2022 sets ESC starts an escape sequence: it cannot be a character of the text.
      assertThrows(IllegalArgumentException.class, () -> cs.encode(escape, VR.LO), term);
    }
    assertArrayEquals(bytes(escape), cs.encode(escape, VR.UI), term);
  }

  @Test
  void decodesOnlyTheGivenRange() {
    byte[] raw = bytes("xxBuc^J\u00e9r\u00f4meyy");
    assertEquals("Buc^Jérôme", SpecificCharacterSet.of("ISO_IR 100").decode(raw, 2, 10, VR.PN));
    assertThrows(
        IllegalArgumentException.class,
        () -> SpecificCharacterSet.DEFAULT.decode(raw, 10, 5, VR.PN));
    assertThrows(
        IllegalArgumentException.class,
        () -> SpecificCharacterSet.DEFAULT.decode(raw, -1, 2, VR.PN));
    assertThrows(
        NullPointerException.class, () -> SpecificCharacterSet.DEFAULT.decode(null, VR.PN));
  }

  @Test
  void malformedBytesDecodeToReplacementCharacters() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO 2022 IR 87", "ISO 2022 IR 149");
    // Unknown escape sequence (ESC ( Z), a truncated JIS pair, a lone KS X 1001 lead byte.
    assertEquals("\ufffdA", cs.decode(bytes("\u001b(ZA"), VR.LO));
    assertEquals("\ufffd", cs.decode(bytes("\u001b$B;"), VR.LO));
    assertEquals("\ufffdA", cs.decode(bytes("\u001b$)C\u00b0A"), VR.LO));
    assertEquals("\ufffd", cs.decode(bytes("\u001b$"), VR.LO));
    // Byte 0xE0 is not a JIS X 0201 Katakana character.
    assertEquals("\ufffd", SpecificCharacterSet.of("ISO_IR 13").decode(bytes("\u00e0"), VR.LO));
  }

  @Test
  void escapeSequencesOfUnlistedSetsAreHonouredWhenReading() {
    assertEquals("山", SpecificCharacterSet.DEFAULT.decode(bytes("\u001b$B;3\u001b(B"), VR.LO));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"ISO-IR 100", "ISO IR 100", "ISO_IR100", "iso_ir 100", " ISO_IR 100\u0000"})
  void acceptsCommonMisspellingsOfDefinedTerms(String spelling) {
    SpecificCharacterSet cs = SpecificCharacterSet.of(spelling);
    assertEquals(List.of("ISO_IR 100"), cs.values());
    assertEquals(List.of(), cs.unknownTerms());
    assertEquals(SpecificCharacterSet.of("ISO_IR 100"), cs);
    assertEquals("é", cs.decode(bytes("\u00e9"), VR.LO));
  }

  @Test
  void acceptsMisspelledCodeExtensionTerms() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("", "ISO-2022-IR 87");
    assertEquals(List.of("", "ISO 2022 IR 87"), cs.values());
    assertEquals(SpecificCharacterSet.of("\\ISO 2022 IR 87"), cs);
  }

  @Test
  void unknownTermsFallBackToTheDefaultRepertoire() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("ISO_IR 999", "KLINGON");
    assertEquals(List.of("ISO_IR 999", "KLINGON"), cs.unknownTerms());
    assertEquals(List.of("ISO_IR 999", "KLINGON"), cs.values());
    assertTrue(cs.isDefault());
    assertEquals("é", cs.decode(bytes("\u00e9"), VR.LO));
    SpecificCharacterSet mixed = SpecificCharacterSet.of("FOO", "ISO 2022 IR 87");
    assertFalse(mixed.isDefault());
    assertEquals("山", mixed.decode(bytes("\u001b$B;3\u001b(B"), VR.LO));
    assertArrayEquals(bytes("\u001b$B;3\u001b(B"), mixed.encode("山", VR.LO));
  }

  @Test
  void emptyOrMissingValuesMeanTheDefaultRepertoire() {
    assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.of());
    assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.of((String[]) null));
    assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.of((String) null));
    assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.of("  "));
    assertSame(SpecificCharacterSet.DEFAULT, SpecificCharacterSet.of("", ""));
    assertTrue(SpecificCharacterSet.DEFAULT.isDefault());
    assertTrue(SpecificCharacterSet.of("ISO_IR 6").isDefault());
    assertTrue(SpecificCharacterSet.of("ISO 2022 IR 6").isDefault());
    assertFalse(SpecificCharacterSet.of("ISO_IR 100").isDefault());
    assertFalse(SpecificCharacterSet.of("ISO_IR 192").isDefault());
    assertEquals(List.of(), SpecificCharacterSet.DEFAULT.values());
  }

  @Test
  void standAloneSetsIgnoreCodeExtensions() {
    // ISO_IR 192 allows no code extensions: later values are ignored...
    SpecificCharacterSet utf8 = SpecificCharacterSet.of("ISO_IR 192", "ISO 2022 IR 87");
    assertEquals("é", utf8.decode(bytes("\u00c3\u00a9"), VR.LO));
    assertArrayEquals(bytes("\u00c3\u00a9"), utf8.encode("é", VR.LO));
    // ...and as a later value it is ignored.
    SpecificCharacterSet latin = SpecificCharacterSet.of("ISO 2022 IR 100", "ISO_IR 192");
    assertEquals("Ã©", latin.decode(bytes("\u00c3\u00a9"), VR.LO));
    assertEquals(List.of(), latin.unknownTerms());
  }

  @Test
  void koreanAsValueOneIsTheInitialG1Set() {
    // Some systems write "ISO 2022 IR 149" alone and no escape sequences.
    SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 149");
    assertRoundTrip(cs, VR.PN, "Hong^홍", bytes("Hong^\u00c8\u00ab"));
  }

  @Test
  void jisRomajiIsWrittenLikeAsciiAndYenSignIsNotWrittenAsTheDelimiterByte() {
    SpecificCharacterSet cs = SpecificCharacterSet.of("ISO 2022 IR 13", "ISO 2022 IR 87");
    assertArrayEquals(bytes("\u001b$B;3\u001b(J\\~"), cs.encode("山\\~", VR.LT));
    assertThrows(IllegalArgumentException.class, () -> cs.encode("¥", VR.LO));
  }

  @Test
  void equalityFollowsTheCorrectedValues() {
    SpecificCharacterSet a = SpecificCharacterSet.of("ISO_IR 100");
    SpecificCharacterSet b = SpecificCharacterSet.of("ISO-IR 100 ");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, SpecificCharacterSet.of("ISO 2022 IR 100"));
    assertNotEquals(a, "ISO_IR 100");
    assertEquals(
        "SpecificCharacterSet[\\ISO 2022 IR 87]",
        SpecificCharacterSet.of("", "ISO 2022 IR 87").toString());
    assertEquals("SpecificCharacterSet[ISO_IR 6]", SpecificCharacterSet.DEFAULT.toString());
  }

  @Test
  void decodesArbitraryBytesWithoutFailing() {
    java.util.Random random = new java.util.Random(20240601);
    String[][] sets = {
      {},
      {"ISO_IR 100"},
      {"ISO_IR 13"},
      {"", "ISO 2022 IR 87", "ISO 2022 IR 159"},
      {"ISO 2022 IR 13", "ISO 2022 IR 87"},
      {"", "ISO 2022 IR 149"},
      {"", "ISO 2022 IR 58"},
      {"ISO_IR 192"},
      {"GB18030"},
      {"GBK"}
    };
    for (String[] values : sets) {
      SpecificCharacterSet cs = SpecificCharacterSet.of(values);
      for (int n = 0; n < 300; n++) {
        byte[] raw = new byte[random.nextInt(24)];
        random.nextBytes(raw);
        for (int k = 0; k < raw.length; k += 5) {
          raw[k] = 0x1b; // make escape sequences frequent
        }
        for (VR vr : new VR[] {VR.PN, VR.LO, VR.LT, VR.CS}) {
          assertNotNull(cs.decode(raw, vr));
        }
      }
    }
  }

  @Test
  void encodedRandomTextDecodesToItself() {
    java.util.Random random = new java.util.Random(7);
    String pool = "Aa1 ^=\\\r\néÄΔ山田やまｱﾀ丂홍洪张小东";
    SpecificCharacterSet cs =
        SpecificCharacterSet.of(
            "ISO 2022 IR 13",
            "ISO 2022 IR 100",
            "ISO 2022 IR 126",
            "ISO 2022 IR 87",
            "ISO 2022 IR 159",
            "ISO 2022 IR 149",
            "ISO 2022 IR 58");
    for (int n = 0; n < 2000; n++) {
      StringBuilder sb = new StringBuilder();
      for (int k = random.nextInt(12); k > 0; k--) {
        sb.append(pool.charAt(random.nextInt(pool.length())));
      }
      String text = sb.toString();
      for (VR vr : new VR[] {VR.PN, VR.LO, VR.LT}) {
        byte[] encoded = cs.encode(text, vr);
        assertEquals(text, cs.decode(encoded, vr), text + " as " + vr);
      }
    }
  }
}
