package org.highdicom4j.dicom.io;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.highdicom4j.dicom.json.PlainJson;

/**
 * Runs {@code pydicom_dump.py} (Debian's {@code /usr/bin/python3} with pydicom) once over many
 * files and returns its records by path.
 */
final class PydicomDump {
  static final Path PYTHON = Path.of("/usr/bin/python3");

  private PydicomDump() {}

  /** Returns true when Debian's python3 with pydicom can be run. */
  static boolean available() {
    if (!Files.isExecutable(PYTHON)) {
      return false;
    }
    try {
      Process p = new ProcessBuilder(PYTHON.toString(), "-c", "import pydicom").start();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * Dumps files with pydicom.
   *
   * @param paths the files
   * @return each path's record (keys {@code meta}, {@code elements}, {@code little_endian} or
   *     {@code error}) by its string form
   */
  @SuppressWarnings("unchecked")
  static Map<String, Map<String, Object>> dump(List<Path> paths)
      throws IOException, InterruptedException {
    Path script;
    try {
      script = Path.of(PydicomDump.class.getResource("pydicom_dump.py").toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    Process p =
        new ProcessBuilder(PYTHON.toString(), script.toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    CompletableFuture<Void> feeder =
        CompletableFuture.runAsync(
            () -> {
              try (OutputStream out = p.getOutputStream()) {
                for (Path path : paths) {
                  out.write((path + "\n").getBytes(StandardCharsets.UTF_8));
                }
              } catch (IOException e) {
                throw new UncheckedIOException(e);
              }
            });
    Map<String, Map<String, Object>> records = new HashMap<>();
    try (InputStream in = p.getInputStream();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        Map<String, Object> rec = (Map<String, Object>) PlainJson.parse(line);
        records.put((String) rec.get("path"), rec);
      }
    }
    feeder.join();
    int rc = p.waitFor();
    if (rc != 0) {
      throw new IOException("pydicom_dump.py exited with status " + rc);
    }
    return records;
  }
}
