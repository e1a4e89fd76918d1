package org.highdicom4j.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
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
import org.highdicom4j.NdArray;
import org.junit.jupiter.api.Assumptions;

/**
 * Test helpers: the shared corpus, and {@code formats_check.py} (Debian's python3 with numpy), an
 * independent reader and writer of the three formats.
 */
final class FormatsTestSupport {
  static final Path PYTHON = Path.of("/usr/bin/python3");
  private static Boolean pythonAvailable;

  private FormatsTestSupport() {}

  /** Returns ../shared, or skips (fails when CI is set) when it is missing. */
  static Path shared() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null && !Files.isDirectory(p.resolve("shared/testdata"))) {
      p = p.getParent();
    }
    if (p == null) {
      if (System.getenv("CI") != null) {
        fail("../shared/testdata is missing (required when CI is set)");
      }
      System.out.println("formats tests: ../shared/testdata not found, corpus tests skipped");
      Assumptions.abort("../shared/testdata not found");
    }
    return p.resolve("shared");
  }

  static Path testdata(String relative) {
    return shared().resolve("testdata").resolve(relative);
  }

  /** Skips (fails when CI is set) unless python3 with numpy runs. */
  static synchronized void requirePython() {
    if (pythonAvailable == null) {
      boolean ok = false;
      if (Files.isExecutable(PYTHON)) {
        try {
          Process p =
              new ProcessBuilder(PYTHON.toString(), "-c", "import numpy")
                  .redirectErrorStream(true)
                  .start();
          p.getInputStream().readAllBytes();
          ok = p.waitFor() == 0;
        } catch (IOException e) {
          ok = false;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      pythonAvailable = ok;
    }
    if (!pythonAvailable) {
      if (System.getenv("CI") != null) {
        fail("/usr/bin/python3 with numpy is required when CI is set");
      }
      System.out.println("formats tests: python3 with numpy not found, cross-checks skipped");
      Assumptions.abort("python3 with numpy not found");
    }
  }

  /** Runs formats_check.py and returns its key=value lines. */
  static Map<String, String> python(String... args) throws IOException, InterruptedException {
    requirePython();
    Path script;
    try {
      script = Path.of(FormatsTestSupport.class.getResource("formats_check.py").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<String> cmd = new ArrayList<>(List.of(PYTHON.toString(), script.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, p.waitFor(), () -> "formats_check.py failed: " + out);
    Map<String, String> m = new LinkedHashMap<>();
    for (String line : out.split("\n")) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        m.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return m;
  }

  static double[] doubles(String spaceSeparated) {
    String[] t = spaceSeparated.trim().split(" ");
    double[] d = new double[t.length];
    for (int i = 0; i < t.length; i++) {
      d[i] = Double.parseDouble(t[i]);
    }
    return d;
  }

  static int[] ints(String spaceSeparated) {
    String[] t = spaceSeparated.trim().split(" ");
    int[] d = new int[t.length];
    for (int i = 0; i < t.length; i++) {
      d[i] = Integer.parseInt(t[i]);
    }
    return d;
  }

  /** Returns the sha256 of the little-endian C-order elements (BOOL as bytes 0 and 1). */
  static String sha256(NdArray a) {
    try {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(a.toLittleEndian()));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static void assertAffineEquals(double[][] expected, double[][] actual, double tol) {
    for (int r = 0; r < 4; r++) {
      for (int c = 0; c < 4; c++) {
        int rr = r;
        int cc = c;
        assertEquals(
            expected[r][c],
            actual[r][c],
            tol,
            () ->
                "affine["
                    + rr
                    + "]["
                    + cc
                    + "] expected "
                    + java.util.Arrays.deepToString(expected)
                    + " got "
                    + java.util.Arrays.deepToString(actual));
      }
    }
  }

  /** Returns a 4 x 4 matrix from the 12 or 16 row-major values of a python line. */
  static double[][] matrix(String spaceSeparated) {
    double[] v = doubles(spaceSeparated);
    double[][] m = new double[4][4];
    for (int i = 0; i < v.length; i++) {
      m[i / 4][i % 4] = v[i];
    }
    m[3][3] = 1;
    return m;
  }
}
