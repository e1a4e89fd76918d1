package org.highdicom4j.dicom.json;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;

/** Locates ../shared (test data, reference tables) and lists the corpus files. */
final class SharedTestData {
  private SharedTestData() {}

  /** Returns the shared folder, skipping the test when absent (failing under CI). */
  static Path shared() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("shared/testdata"))) {
      p = p.getParent();
    }
    if (p == null) {
      if (System.getenv("CI") != null) {
        fail("../shared/testdata is missing (required under CI)");
      }
      System.out.println("SKIPPED: ../shared/testdata not found");
      Assumptions.abort("../shared/testdata not found");
    }
    return p.resolve("shared");
  }

  /**
   * Returns the corpus DICOM files: the union of the paths of reference/pixels.tsv and
   * no-pixels.tsv, without those listed in reference/malformed.txt, sorted.
   */
  static List<Path> corpus() throws IOException {
    Path shared = shared();
    Path ref = shared.resolve("reference");
    Set<String> names = new java.util.TreeSet<>();
    for (String table : new String[] {"pixels.tsv", "no-pixels.tsv"}) {
      List<String> lines = Files.readAllLines(ref.resolve(table));
      for (String line : lines.subList(1, lines.size())) {
        if (!line.isBlank()) {
          names.add(line.split("\t", -1)[0]);
        }
      }
    }
    Set<String> malformed = new LinkedHashSet<>();
    for (String line : Files.readAllLines(ref.resolve("malformed.txt"))) {
      if (!line.isBlank()) {
        malformed.add(line.split("\t", -1)[0].strip());
      }
    }
    names.removeAll(malformed);
    List<Path> out = new ArrayList<>();
    for (String n : names) {
      out.add(shared.resolve("testdata").resolve(n));
    }
    return out;
  }
}
