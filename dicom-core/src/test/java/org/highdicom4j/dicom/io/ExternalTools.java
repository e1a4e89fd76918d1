package org.highdicom4j.dicom.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Runs the validators and converters of DCMTK and dicom3tools that tests use as oracles. */
final class ExternalTools {
  private ExternalTools() {}

  /** The output of a finished process. */
  record Result(int status, String stdout, String stderr) {}

  /**
   * Skips the calling test when a program is missing, or fails it under CI (environment variable
   * {@code CI} set), where ../shared/tools/install-validators.sh has installed them.
   *
   * @param programs program names looked up on the PATH
   */
  static void assumeInstalled(String... programs) {
    for (String p : programs) {
      boolean found = p.equals("pydicom") ? PydicomDump.available() : onPath(p);
      if (!found && System.getenv("CI") != null) {
        Assertions.fail(p + " is required under CI (../shared/tools/install-validators.sh)");
      }
      Assumptions.assumeTrue(
          found, p + " is not installed (../shared/tools/install-validators.sh)");
    }
  }

  /** Returns true when a program is found on the PATH. */
  static boolean onPath(String program) {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, program))) {
        return true;
      }
    }
    return false;
  }

  /**
   * Runs a program and waits for it.
   *
   * @param command program and arguments
   * @return status and output
   * @throws IOException when the program cannot be started or exits with a non-zero status
   */
  static Result run(String... command) throws IOException {
    Result r = exec(command);
    if (r.status() != 0) {
      throw new IOException(
          String.join(" ", command) + " exited with status " + r.status() + ": " + r.stderr());
    }
    return r;
  }

  /**
   * Runs a program and waits for it, whatever its exit status.
   *
   * @param command program and arguments
   * @return status and output
   * @throws IOException when the program cannot be started
   */
  static Result exec(String... command) throws IOException {
    Path out = Files.createTempFile("hd4j-tool", ".out");
    Path err = Files.createTempFile("hd4j-tool", ".err");
    try {
      Process p =
          new ProcessBuilder(List.of(command))
              .redirectOutput(out.toFile())
              .redirectError(err.toFile())
              .start();
      int status;
      try {
        status = p.waitFor();
      } catch (InterruptedException e) {
        p.destroyForcibly();
        Thread.currentThread().interrupt();
        throw new IOException("interrupted while running " + command[0], e);
      }
      return new Result(
          status,
          Files.readString(out, StandardCharsets.ISO_8859_1),
          Files.readString(err, StandardCharsets.ISO_8859_1));
    } finally {
      Files.deleteIfExists(out);
      Files.deleteIfExists(err);
    }
  }
}
