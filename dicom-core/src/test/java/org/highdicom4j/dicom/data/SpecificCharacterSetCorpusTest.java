package org.highdicom4j.dicom.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Decodes and re-encodes the character set test files that pydicom ships (../shared/testdata/
 * pydicom-charset, from dcmtk and the DICOM standard's examples). The raw bytes and the (0008,0005)
 * values in effect, including those of sequence items, are extracted by Debian's pydicom, which
 * also serves as the independent decoder; FileInfo.txt gives the expected Patient's Name bytes.
 */
class SpecificCharacterSetCorpusTest {

  /** Prints one TSV line per text element: file, tag, VR, charset, raw hex, pydicom's text hex. */
  private static final String EXTRACT =
      String.join(
          "\n",
          "import sys, warnings",
          "warnings.simplefilter('ignore')",
          "import pydicom",
          "from pydicom.dataelem import RawDataElement",
          "VRS = {'PN', 'LO', 'SH', 'ST', 'LT', 'UT', 'UC'}",
          "def walk(name, ds, cs):",
          "    if 0x00080005 in ds._dict:",
          "        v = ds.SpecificCharacterSet",
          "        cs = [v] if isinstance(v, str) else list(v)",
          "    for tag in list(ds._dict.keys()):",
          "        raw = ds._dict[tag]",
          "        if raw.VR == 'SQ':",
          "            for item in ds[tag].value:",
          "                walk(name, item, cs)",
          "        elif raw.VR in VRS and isinstance(raw, RawDataElement) and raw.value:",
          "            val = ds[tag].value",
          "            multi = isinstance(val, pydicom.multival.MultiValue)",
          "            text = '\\\\'.join(str(v) for v in val) if multi else str(val)",
          "            print('\\t'.join([name, '%08X' % tag, raw.VR, '\\\\'.join(cs),",
          "                raw.value.hex(), text.encode('utf-8').hex()]))",
          "for p in sys.argv[1:]:",
          "    walk(p.rsplit('/', 1)[-1], pydicom.dcmread(p), [])");

  /** Patient's Names as given in PS3.5 Annexes H, I and J for the standard's example files. */
  private static final Map<String, String> STANDARD_NAMES =
      Map.of(
          "chrH31.dcm", "Yamada^Tarou=山田^太郎=やまだ^たろう",
          "chrH32.dcm", "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう",
          "chrI2.dcm", "Hong^Gildong=洪^吉洞=홍^길동",
          "chrX1.dcm", "Wang^XiaoDong=王^小東=",
          "chrX2.dcm", "Wang^XiaoDong=王^小东=",
          "chrFren.dcm", "Buc^Jérôme",
          "chrGerm.dcm", "Äneas^Rüdiger",
          "chrGreek.dcm", "Διονυσιος");

  private record Element(
      String file, String tag, VR vr, String charset, byte[] raw, String pydicomText) {}

  private static Path dir;
  private static List<Element> elements;

  static Path shared() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("shared/testdata"))) {
      p = p.getParent();
    }
    return p == null ? null : p.resolve("shared");
  }

  private static void skipOrFail(String why) {
    if (System.getenv("CI") != null) {
      fail(why);
    }
    System.out.println("SKIPPED SpecificCharacterSetCorpusTest: " + why);
    Assumptions.abort(why);
  }

  @BeforeAll
  static void extract() throws IOException, InterruptedException {
    Path sharedDir = shared();
    if (sharedDir == null || !Files.isDirectory(sharedDir.resolve("testdata/pydicom-charset"))) {
      skipOrFail("../shared/testdata/pydicom-charset not found");
    }
    dir = sharedDir.resolve("testdata/pydicom-charset");
    Path python = Path.of("/usr/bin/python3");
    if (!Files.isExecutable(python)) {
      skipOrFail("/usr/bin/python3 not found");
    }
    List<String> command = new ArrayList<>(List.of(python.toString(), "-c", EXTRACT));
    try (Stream<Path> files = Files.list(dir)) {
      files
          .filter(f -> f.toString().endsWith(".dcm"))
          .sorted()
          .forEach(f -> command.add(f.toString()));
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(false).start();
    byte[] out = process.getInputStream().readAllBytes();
    String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
      if (err.contains("No module named 'pydicom'")) {
        skipOrFail("/usr/bin/python3 has no pydicom");
      }
      fail("pydicom extraction failed: " + err);
    }
    elements = new ArrayList<>();
    for (String line : new String(out, StandardCharsets.UTF_8).split("\n")) {
      if (line.isBlank()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      elements.add(
          new Element(
              f[0],
              f[1],
              VR.fromCode(f[2]),
              f[3],
              hex(f[4]),
              new String(hex(f[5]), StandardCharsets.UTF_8)));
    }
  }

  @Test
  void coversEveryFileOfTheCorpus() throws IOException {
    Set<String> files;
    try (Stream<Path> s = Files.list(dir)) {
      files =
          s.map(p -> p.getFileName().toString())
              .filter(n -> n.endsWith(".dcm"))
              .collect(Collectors.toSet());
    }
    Set<String> seen = new HashSet<>();
    for (Element e : elements) {
      if (e.tag.equals("00100010")) {
        seen.add(e.file);
      }
    }
    assertEquals(files, seen, "every file has a Patient's Name");
    assertTrue(elements.size() > 60, "elements extracted: " + elements.size());
  }

  @Test
  void patientNameBytesMatchFileInfo() throws IOException {
    Map<String, byte[]> expected = fileInfoNames();
    assertTrue(expected.size() >= 12, "FileInfo.txt entries: " + expected.keySet());
    int checked = 0;
    for (Element e : elements) {
      byte[] want = expected.get(e.file);
      if (want != null && e.tag.equals("00100010")) {
        assertArrayEquals(want, stripPadding(e.raw), e.file);
        checked++;
      }
    }
    assertEquals(expected.size(), checked);
  }

  @Test
  void decodesLikePydicomAndTheStandard() {
    for (Element e : elements) {
      SpecificCharacterSet cs = SpecificCharacterSet.of(e.charset);
      String ours = stripPaddingText(cs.decode(e.raw, e.vr));
      String context = e.file + " " + e.tag + " " + cs;
      assertEquals(normalize(e.pydicomText, e.vr), normalize(ours, e.vr), context);
      String standard = STANDARD_NAMES.get(e.file);
      if (standard != null && e.tag.equals("00100010")) {
        assertEquals(standard, ours, context);
      }
    }
    // The sequence item with its own (0008,0005) must be decoded with it, not the dataset's.
    Element item =
        elements.stream()
            .filter(e -> e.file.equals("chrSQEncoding.dcm") && e.tag.equals("00100010"))
            .findFirst()
            .orElse(null);
    assertNotNull(item);
    assertEquals(
        STANDARD_NAMES.get("chrH32.dcm"),
        stripPaddingText(SpecificCharacterSet.of(item.charset).decode(item.raw, item.vr)));
  }

  @Test
  void reEncodingReproducesTheOriginalBytes() {
    int checked = 0;
    for (Element e : elements) {
      SpecificCharacterSet cs = SpecificCharacterSet.of(e.charset);
      String text = stripPaddingText(cs.decode(e.raw, e.vr));
      byte[] want = stripPadding(e.raw);
      if (e.file.startsWith("chrSQEncoding") && e.tag.equals("00100010")) {
        // These constructed files return from JIS X 0208 with ESC ( B although value 1 is
        // ISO 2022 IR 13, whose G0 set is JIS X 0201 Romaji; PS3.5 H.3.2 (chrH32.dcm) returns
        // with ESC ( J, which is what we write.
        want = replace(want, new byte[] {0x1b, '(', 'B'}, new byte[] {0x1b, '(', 'J'});
      }
      assertArrayEquals(want, cs.encode(text, e.vr), e.file + " " + e.tag + " " + cs);
      checked++;
    }
    assertEquals(elements.size(), checked);
  }

  /** PN component groups: pydicom drops empty trailing groups ("A=B=" reads as "A=B"). */
  private static String normalize(String text, VR vr) {
    if (vr != VR.PN) {
      return text;
    }
    StringBuilder sb = new StringBuilder();
    for (String value : text.split("\\\\", -1)) {
      if (sb.length() > 0) {
        sb.append('\\');
      }
      sb.append(value.replaceAll("=+$", ""));
    }
    return sb.toString();
  }

  private static String stripPaddingText(String s) {
    int e = s.length();
    while (e > 0 && (s.charAt(e - 1) == ' ' || s.charAt(e - 1) == 0)) {
      e--;
    }
    return s.substring(0, e);
  }

  private static byte[] stripPadding(byte[] b) {
    int e = b.length;
    while (e > 0 && (b[e - 1] == ' ' || b[e - 1] == 0)) {
      e--;
    }
    return java.util.Arrays.copyOf(b, e);
  }

  private static byte[] replace(byte[] in, byte[] from, byte[] to) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < in.length; ) {
      if (i + from.length <= in.length
          && java.util.Arrays.equals(in, i, i + from.length, from, 0, from.length)) {
        out.writeBytes(to);
        i += from.length;
      } else {
        out.write(in[i++]);
      }
    }
    return out.toByteArray();
  }

  /** Reads FileInfo.txt: file name and the Python bytes literal of its Patient's Name. */
  private static Map<String, byte[]> fileInfoNames() throws IOException {
    Pattern line = Pattern.compile("^(chr\\S+\\.dcm)\\s.*'((?:[^'\\\\]|\\\\.)*)'\\s*$");
    Map<String, byte[]> names = new LinkedHashMap<>();
    for (String s : Files.readAllLines(dir.resolve("FileInfo.txt"), StandardCharsets.UTF_8)) {
      Matcher m = line.matcher(s);
      if (m.matches()) {
        names.put(m.group(1), pythonBytes(m.group(2)));
      }
    }
    return names;
  }

  private static byte[] pythonBytes(String literal) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < literal.length(); i++) {
      char c = literal.charAt(i);
      if (c == '\\' && literal.charAt(i + 1) == 'x') {
        out.write(Integer.parseInt(literal.substring(i + 2, i + 4), 16));
        i += 3;
      } else if (c == '\\') {
        out.write(literal.charAt(++i));
      } else {
        out.write(c);
      }
    }
    return out.toByteArray();
  }

  private static byte[] hex(String s) {
    byte[] b = new byte[s.length() / 2];
    for (int i = 0; i < b.length; i++) {
      b[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
    }
    return b;
  }
}
