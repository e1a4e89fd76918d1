package org.highdicom4j.sr;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Locates ../shared/testdata for corpus tests. */
final class SrTestSupport {
  private SrTestSupport() {}

  static Path testdata() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("shared/testdata"))) {
      p = p.getParent();
    }
    if (p == null) {
      if (System.getenv("CI") != null) {
        Assertions.fail("shared/testdata is missing (required when CI is set)");
      }
      System.out.println("SKIP: shared/testdata not found; SR corpus tests skipped");
      Assumptions.assumeTrue(false, "shared/testdata not found");
    }
    return p.resolve("shared/testdata");
  }
}
