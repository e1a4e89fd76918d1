package org.highdicom4j.codec.uncompressed;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.highdicom4j.codec.FrameDescriptor;
import org.junit.jupiter.api.Assumptions;

/**
 * Test access to the shared corpus ({@code ../shared/testdata}), its reference decodings ({@code
 * ../shared/reference/pixels.tsv}) and DCMTK's {@code dcmdump +W}, which writes a Pixel Data value
 * (or each item of encapsulated Pixel Data) to a {@code .raw} file. Used by the RLE, deflate and
 * native pixel data corpus tests.
 */
public final class BasicCodecCorpus {

  private BasicCodecCorpus() {}

  /** One row of pixels.tsv. */
  public record Row(
      String path,
      String transferSyntax,
      int frame,
      int rows,
      int columns,
      int samples,
      int bitsAllocated,
      int bitsStored,
      boolean signed,
      String photometricStored,
      String photometricOutput,
      String dtype,
      String sha256,
      String compare,
      String status) {

    /** Returns the descriptor of the row's frames with the given Planar Configuration. */
    public FrameDescriptor descriptor(int planarConfiguration) {
      return new FrameDescriptor(
          rows,
          columns,
          samples,
          bitsAllocated,
          bitsStored,
          signed,
          planarConfiguration,
          photometricStored);
    }
  }

  /** What {@code dcmdump +W} reported for the top-level Pixel Data (7FE0,0010). */
  public record Dump(String vr, int planarConfiguration, Path nativeValue, List<Path> items) {}

  /** Returns {@code shared/} beside the repository, or null. */
  static Path findShared() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("shared/testdata"))) {
      p = p.getParent();
    }
    return p == null ? null : p.resolve("shared");
  }

  /**
   * Returns {@code shared/}, or skips the calling test with one visible line (fails when the
   * environment variable CI is set) when it or dcmdump is missing.
   */
  public static Path sharedOrSkip() {
    Path shared = findShared();
    String missing = null;
    if (shared == null || !Files.isRegularFile(shared.resolve("reference/pixels.tsv"))) {
      missing = "../shared/testdata or ../shared/reference/pixels.tsv";
    } else if (!dcmdumpAvailable()) {
      missing = "dcmdump (DCMTK)";
    }
    if (missing != null) {
      if (System.getenv("CI") != null) {
        fail("corpus test needs " + missing + " (CI is set)");
      }
      System.out.println("SKIPPED corpus test: " + missing + " not found");
      Assumptions.abort(missing + " not found");
    }
    return shared;
  }

  private static volatile Boolean dcmdump;

  private static boolean dcmdumpAvailable() {
    Boolean known = dcmdump;
    if (known == null) {
      try {
        Process p = new ProcessBuilder("dcmdump", "--version").redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        known = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
      } catch (IOException e) {
        known = false;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        known = false;
      }
      dcmdump = known;
    }
    return known;
  }

  /** Returns the rows of pixels.tsv that match. */
  public static List<Row> rows(Path shared, Predicate<Row> filter) {
    List<String> lines;
    try {
      lines = Files.readAllLines(shared.resolve("reference/pixels.tsv"), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<String> header = List.of(lines.get(0).split("\t", -1));
    List<Row> out = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split("\t", -1);
      Map<String, String> m = new LinkedHashMap<>();
      for (int i = 0; i < header.size() && i < f.length; i++) {
        m.put(header.get(i), f[i]);
      }
      if (m.get("frame").isEmpty() || m.get("bits_stored").isEmpty()) {
        continue; // undecodable files and float pixel data
      }
      Row r =
          new Row(
              m.get("path"),
              m.get("transfer_syntax"),
              Integer.parseInt(m.get("frame")),
              Integer.parseInt(m.get("rows")),
              Integer.parseInt(m.get("columns")),
              Integer.parseInt(m.get("samples_per_pixel")),
              Integer.parseInt(m.get("bits_allocated")),
              Integer.parseInt(m.get("bits_stored")),
              "1".equals(m.get("pixel_representation")),
              m.get("photometric_stored"),
              m.get("photometric_output"),
              m.get("dtype"),
              m.get("sha256"),
              m.get("compare"),
              m.get("status"));
      if (filter.test(r)) {
        out.add(r);
      }
    }
    return out;
  }

  /** Groups rows by file, keeping the table's order. */
  public static Map<String, List<Row>> byFile(List<Row> rows) {
    Map<String, List<Row>> m = new LinkedHashMap<>();
    for (Row r : rows) {
      m.computeIfAbsent(r.path(), k -> new ArrayList<>()).add(r);
    }
    return m;
  }

  private static final Pattern TOP_PIXEL_DATA =
      Pattern.compile("^\\(7fe0,0010\\) (\\w\\w) (?:=(.*?)\\s+#|\\(PixelSequence)");
  private static final Pattern ITEM = Pattern.compile("^  \\(fffe,e000\\) pi =(.*?)\\s+#");
  private static final Pattern PLANAR = Pattern.compile("^\\(0028,0006\\) US (\\d+)");

  /**
   * Runs {@code dcmdump +L +W dir file} ({@code +L}: file names are not shortened) and returns what
   * it wrote for the top-level Pixel Data: the native value file, or the item files (item 0 is the
   * Basic Offset Table).
   */
  public static Dump dump(Path file, Path dir) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("dcmdump", "+L", "+W", dir.toString(), file.toString())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("dcmdump failed on " + file);
    }
    String vr = null;
    int planar = 0;
    Path value = null;
    List<Path> items = new ArrayList<>();
    boolean inSequence = false;
    for (String line : text.split("\n")) {
      Matcher m = PLANAR.matcher(line);
      if (m.find()) {
        planar = Integer.parseInt(m.group(1));
        continue;
      }
      m = TOP_PIXEL_DATA.matcher(line);
      if (m.find()) {
        vr = m.group(1);
        if (m.group(2) != null) {
          value = Path.of(m.group(2));
        } else {
          inSequence = true;
        }
        continue;
      }
      if (inSequence) {
        m = ITEM.matcher(line);
        if (m.find()) {
          items.add(Path.of(m.group(1)));
        } else if (line.startsWith("(fffe,e0dd)")) {
          inSequence = false;
        }
      }
    }
    if (vr == null) {
      throw new IOException("dcmdump shows no top-level Pixel Data in " + file);
    }
    return new Dump(vr, planar, value, items);
  }

  /** Returns the SHA-256 of the bytes as lower-case hex. */
  public static String sha256(byte[] b) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Swaps the bytes of each 16-bit word, in a copy. */
  public static byte[] swapWords(byte[] b) {
    byte[] out = b.clone();
    for (int i = 0; i + 1 < out.length; i += 2) {
      out[i] = b[i + 1];
      out[i + 1] = b[i];
    }
    return out;
  }
}
