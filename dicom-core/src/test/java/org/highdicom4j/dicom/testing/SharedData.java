package org.highdicom4j.dicom.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;

/**
 * Locates the project's shared test corpus ({@code ../shared} beside the repository root): the real
 * DICOM files in {@code shared/testdata} and their reference decodings in {@code shared/reference}.
 *
 * <p>Corpus tests call {@link #assumeAvailable()} first: when the folder is absent they are skipped
 * (one visible line on stderr), unless the environment variable {@code CI} is set, in which case
 * they fail.
 */
public final class SharedData {
  private static final Path ROOT = find();
  private static boolean reported;

  private SharedData() {}

  private static Path find() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("shared/testdata"))) {
      p = p.getParent();
    }
    return p == null ? null : p.resolve("shared");
  }

  /** Returns true when the shared folder was found. */
  public static boolean isAvailable() {
    return ROOT != null;
  }

  /**
   * Skips the calling test when the shared folder is absent, or fails it when running under CI
   * (environment variable {@code CI} set), where absence means a broken checkout.
   */
  public static void assumeAvailable() {
    if (ROOT != null) {
      return;
    }
    if (System.getenv("CI") != null) {
      fail("../shared/testdata not found above " + Path.of("").toAbsolutePath() + " (CI is set)");
    }
    synchronized (SharedData.class) {
      if (!reported) {
        reported = true;
        System.err.println("SKIPPED corpus tests: ../shared/testdata not found");
      }
    }
    Assumptions.assumeTrue(false, "../shared/testdata not found");
  }

  /** Returns the shared folder ({@code ../shared}); call {@link #assumeAvailable()} first. */
  public static Path root() {
    assumeAvailable();
    return ROOT;
  }

  /** Returns {@code shared/testdata}. */
  public static Path testdata() {
    return root().resolve("testdata");
  }

  /** Returns {@code shared/reference}. */
  public static Path reference() {
    return root().resolve("reference");
  }

  /**
   * Returns every DICOM file of the corpus: the union of the {@code path} columns of {@code
   * reference/pixels.tsv} and {@code reference/no-pixels.tsv}, relative to {@link #testdata()},
   * sorted.
   */
  public static List<String> dicomFiles() {
    TreeSet<String> paths = new TreeSet<>();
    for (String table : List.of("pixels.tsv", "no-pixels.tsv")) {
      for (Map<String, String> row : readTsv(reference().resolve(table))) {
        paths.add(row.get("path"));
      }
    }
    return new ArrayList<>(paths);
  }

  /**
   * Returns the files of {@code reference/malformed.txt} with their expectation ({@code either}:
   * read or rejected; {@code reject}: must be rejected).
   */
  public static Map<String, String> malformed() {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : readLines(reference().resolve("malformed.txt"))) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] f = line.split("\t");
      out.put(f[0].strip(), f.length > 1 ? f[1].strip() : "reject");
    }
    return out;
  }

  /**
   * Reads a tab-separated table with a header line (the reference format: UTF-8, no quoting).
   *
   * @param file the table
   * @return one map per row, column name to value
   */
  public static List<Map<String, String>> readTsv(Path file) {
    List<String> lines = readLines(file);
    String[] header = lines.get(0).split("\t", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (String line : lines.subList(1, lines.size())) {
      if (line.isEmpty()) {
        continue;
      }
      String[] f = line.split("\t", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int i = 0; i < header.length; i++) {
        row.put(header[i], i < f.length ? f[i] : "");
      }
      rows.add(row);
    }
    return rows;
  }

  private static List<String> readLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
