package org.highdicom4j;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Access to ../shared/testdata and to Debian's pydicom for independent cross-checks. */
final class Corpus {
  private Corpus() {}

  static Path shared() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("shared/testdata"))) {
      p = p.getParent();
    }
    return p == null ? null : p.resolve("shared");
  }

  /** Returns a corpus file, skipping (or failing under CI) when the corpus is absent. */
  static Path file(String relative) {
    Path s = shared();
    if (s == null) {
      if (System.getenv("CI") != null) {
        fail("../shared/testdata is missing but CI is set");
      }
      Assumptions.abort("corpus ../shared/testdata absent: skipping corpus test");
    }
    return s.resolve("testdata").resolve(relative);
  }

  /**
   * Runs a Python script with /usr/bin/python3 (pydicom + numpy) and returns its stdout; skips
   * visibly when unavailable, fails under CI.
   */
  static String python(String script) throws IOException, InterruptedException {
    Path py = Path.of("/usr/bin/python3");
    if (!Files.isExecutable(py) || !pythonHasPydicom()) {
      if (System.getenv("CI") != null) {
        fail("/usr/bin/python3 with pydicom and numpy is required under CI");
      }
      Assumptions.abort("/usr/bin/python3 with pydicom/numpy absent: skipping cross-check");
    }
    Process p = new ProcessBuilder(py.toString(), "-c", script).redirectErrorStream(true).start();
    byte[] out = readAll(p.getInputStream());
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      fail("python failed: " + new String(out, StandardCharsets.UTF_8));
    }
    return new String(out, StandardCharsets.UTF_8).strip();
  }

  private static Boolean hasPydicom;

  private static synchronized boolean pythonHasPydicom() throws IOException, InterruptedException {
    if (hasPydicom == null) {
      Process p =
          new ProcessBuilder("/usr/bin/python3", "-c", "import pydicom, numpy")
              .redirectErrorStream(true)
              .start();
      readAll(p.getInputStream());
      hasPydicom = p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    }
    return hasPydicom;
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    in.transferTo(b);
    return b.toByteArray();
  }

  /** Writes an array as little-endian float64 for numpy to compare against. */
  static Path writeFloat64(NdArray a) throws IOException {
    Path f = Files.createTempFile("hd4j-", ".f64");
    f.toFile().deleteOnExit();
    Files.write(f, a.astype(DType.FLOAT64).toLittleEndian());
    return f;
  }
}
