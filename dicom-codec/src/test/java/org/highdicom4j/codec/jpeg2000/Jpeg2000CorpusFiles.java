package org.highdicom4j.codec.jpeg2000;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Test access to the shared corpus: locates {@code ../shared}, reads the reference table {@code
 * reference/pixels.tsv} and extracts Pixel Data items with DCMTK's {@code dcmdump +W} (our own
 * DICOM reader does not exist yet). Skips visibly when the corpus or dcmdump is absent, and fails
 * instead when the environment variable CI is set.
 */
final class Jpeg2000CorpusFiles {

  private Jpeg2000CorpusFiles() {}

  /** Returns the {@code shared} folder, or skips (fails on CI) when it is absent. */
  static Path shared() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("shared/testdata"))) {
      p = p.getParent();
    }
    if (p == null) {
      unavailable("../shared/testdata not found: JPEG 2000 corpus tests skipped");
    }
    return p.resolve("shared");
  }

  /** Skips, or fails when CI is set, with a visible reason. */
  static void unavailable(String reason) {
    if (System.getenv("CI") != null) {
      fail(reason);
    }
    System.out.println("[skipped] " + reason);
    Assumptions.abort(reason);
  }

  /**
   * Returns the rows of pixels.tsv (header names → values) whose transfer syntax is one of uids.
   */
  static List<Map<String, String>> referenceRows(String... uids) throws IOException {
    List<String> lines =
        Files.readAllLines(shared().resolve("reference/pixels.tsv"), StandardCharsets.UTF_8);
    String[] header = lines.get(0).split("\t", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] cells = line.split("\t", -1);
      Map<String, String> row = new HashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], i < cells.length ? cells[i] : "");
      }
      if (List.of(uids).contains(row.get("transfer_syntax"))) {
        rows.add(row);
      }
    }
    return rows;
  }

  /**
   * Runs {@code dcmdump +W} on a file and returns its Pixel Data items in order: for encapsulated
   * data item 0 is the Basic Offset Table, then the fragments; for native data, one item.
   *
   * @throws IOException when dcmdump fails (e.g. on a truncated file)
   */
  static List<byte[]> pixelItems(Path file) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("j2k-items");
    try {
      Process p;
      try {
        p =
            new ProcessBuilder("dcmdump", "+W", dir.toString(), file.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
      } catch (IOException e) {
        unavailable("dcmdump (DCMTK) not found: JPEG 2000 corpus tests skipped");
        throw e;
      }
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("dcmdump timed out on " + file);
      }
      if (p.exitValue() != 0) {
        throw new IOException("dcmdump failed on " + file + " (exit " + p.exitValue() + ")");
      }
      String prefix = file.getFileName() + ".";
      List<Path> items;
      try (Stream<Path> s = Files.list(dir)) {
        items =
            s.filter(f -> f.getFileName().toString().endsWith(".raw"))
                .sorted(Comparator.comparingInt(f -> itemIndex(f, prefix)))
                .toList();
      }
      List<byte[]> out = new ArrayList<>();
      for (Path item : items) {
        out.add(Files.readAllBytes(item));
      }
      return out;
    } finally {
      try (Stream<Path> s = Files.list(dir)) {
        for (Path f : s.toList()) {
          Files.delete(f);
        }
      }
      Files.delete(dir);
    }
  }

  private static int itemIndex(Path f, String prefix) {
    String name = f.getFileName().toString();
    return Integer.parseInt(name.substring(prefix.length(), name.length() - ".raw".length()));
  }

  /**
   * Groups fragments into frames: one fragment per frame when the counts match, all fragments for a
   * single frame, otherwise a new frame at each fragment starting with a JPEG 2000 SOC marker.
   */
  static List<byte[]> frames(List<byte[]> items, int frameCount) {
    List<byte[]> fragments = items.subList(1, items.size());
    if (fragments.size() == frameCount) {
      return fragments;
    }
    List<byte[]> frames = new ArrayList<>();
    ByteArrayOutputStream current = null;
    for (byte[] f : fragments) {
      boolean soc = f.length >= 2 && (f[0] & 0xFF) == 0xFF && (f[1] & 0xFF) == 0x4F;
      if (current == null || (frameCount > 1 && soc)) {
        if (current != null) {
          frames.add(current.toByteArray());
        }
        current = new ByteArrayOutputStream();
      }
      current.writeBytes(f);
    }
    if (current != null) {
      frames.add(current.toByteArray());
    }
    return frames;
  }
}
