package org.highdicom4j.codec.jpegls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Test helpers for the shared corpus and the dcmtk tools: locating {@code ../shared}, running
 * commands, and extracting encapsulated frames with {@code dcmdump +W}.
 */
final class JpegLsCorpusFiles {
  private JpegLsCorpusFiles() {}

  /** Returns the shared folder, or null when absent. */
  static Path shared() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("shared/testdata"))) {
      p = p.getParent();
    }
    return p == null ? null : p.resolve("shared");
  }

  /** Returns the shared folder; skips the test when it is absent, fails when CI is set. */
  static Path requireShared() {
    Path shared = shared();
    if (shared == null) {
      if (System.getenv("CI") != null) {
        Assertions.fail("../shared/testdata is missing (required when CI is set)");
      }
      Assumptions.abort("skipped: ../shared/testdata not found");
    }
    return shared;
  }

  /** Returns whether {@code tool} runs; skips when absent, fails when CI is set. */
  static void requireTool(String tool) {
    boolean ok;
    try {
      Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      ok = p.waitFor(30, TimeUnit.SECONDS);
    } catch (IOException e) {
      ok = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      ok = false;
    }
    if (!ok) {
      if (System.getenv("CI") != null) {
        Assertions.fail(tool + " is not installed (required when CI is set)");
      }
      Assumptions.abort("skipped: " + tool + " not installed");
    }
  }

  /** Runs a command, failing the test with its output when it exits non-zero. */
  static void run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      Assertions.fail(String.join(" ", command) + " timed out");
    }
    if (p.exitValue() != 0) {
      Assertions.fail(String.join(" ", command) + " exited " + p.exitValue() + ": " + out);
    }
  }

  /**
   * Extracts the Pixel Data items of {@code file} with {@code dcmdump +W} and returns them in item
   * order (item 0, the Basic Offset Table, excluded); for native Pixel Data, the single value.
   */
  static List<byte[]> pixelItems(Path file, Path tempDir) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory(tempDir, "items");
    run("dcmdump", "-q", "+W", dir.toString(), file.toString());
    Pattern name = Pattern.compile(".*\\.(\\d+)\\.raw");
    List<Path> raws;
    try (Stream<Path> s = Files.list(dir)) {
      raws =
          s.filter(p -> name.matcher(p.getFileName().toString()).matches())
              .sorted(Comparator.comparingInt(p -> itemNumber(name, p)))
              .toList();
    }
    List<byte[]> items = new ArrayList<>();
    for (Path raw : raws) {
      items.add(Files.readAllBytes(raw));
    }
    return items;
  }

  private static int itemNumber(Pattern name, Path p) {
    Matcher m = name.matcher(p.getFileName().toString());
    m.matches();
    return Integer.parseInt(m.group(1));
  }

  /**
   * Groups encapsulated fragments into {@code frames} frames: one fragment per frame when the
   * counts agree, otherwise a new frame starts at each fragment beginning with an SOI marker.
   */
  static List<byte[]> frames(List<byte[]> itemsWithOffsetTable, int frames) {
    List<byte[]> fragments = itemsWithOffsetTable.subList(1, itemsWithOffsetTable.size());
    if (fragments.size() == frames) {
      return fragments;
    }
    List<byte[]> out = new ArrayList<>();
    java.io.ByteArrayOutputStream cur = null;
    for (byte[] f : fragments) {
      boolean soi = f.length >= 2 && f[0] == (byte) 0xff && f[1] == (byte) 0xd8;
      if (soi || cur == null) {
        if (cur != null) {
          out.add(cur.toByteArray());
        }
        cur = new java.io.ByteArrayOutputStream();
      }
      cur.writeBytes(f);
    }
    if (cur != null) {
      out.add(cur.toByteArray());
    }
    return out;
  }
}
