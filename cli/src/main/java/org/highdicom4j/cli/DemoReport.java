package org.highdicom4j.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The summary {@code hd4j demo} prints on standard output as it goes: one numbered line per step
 * with its duration, indented detail lines below, and the final verdict.
 */
final class DemoReport {
  private final PrintWriter out;
  private final Path root;
  private int step;
  private long lastNanos = System.nanoTime();
  private final long startNanos = lastNanos;

  /**
   * Starts a report.
   *
   * @param out standard output
   * @param root the output directory, against which file names are shown
   */
  DemoReport(PrintWriter out, Path root) {
    this.out = out;
    this.root = root;
  }

  /**
   * Prints the line of a step that just ended: number, title, summary and the time since the
   * previous step ended.
   *
   * @param title a short title, e.g. "Segment"
   * @param summary what the step did
   */
  void step(String title, String summary) {
    long now = System.nanoTime();
    step++;
    out.printf(
        Locale.ROOT, "%d. %-10s %s  [%.0f ms]%n", step, title, summary, (now - lastNanos) / 1e6);
    out.flush();
    lastNanos = now;
  }

  /**
   * Prints a detail line below the current step.
   *
   * @param format a {@link String#format} pattern
   * @param args its arguments
   */
  void detail(String format, Object... args) {
    out.println("   " + String.format(Locale.ROOT, format, args));
    out.flush();
  }

  /**
   * Returns a file's name relative to the output directory and its size, e.g. "sr.dcm (61 kB)".
   *
   * @param file the file
   * @return the description
   * @throws IOException when the size cannot be read
   */
  String file(Path file) throws IOException {
    return root.relativize(file) + " (" + size(Files.size(file)) + ")";
  }

  /**
   * Returns the total size of files, e.g. "2.2 MB".
   *
   * @param files the files
   * @return the size, in kB or MB
   * @throws IOException when a size cannot be read
   */
  static String size(List<Path> files) throws IOException {
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
    }
    return size(bytes);
  }

  /** Returns a byte count in kB or MB, e.g. "480 kB". */
  static String size(long bytes) {
    return bytes >= 1_000_000
        ? String.format(Locale.ROOT, "%.1f MB", bytes / 1e6)
        : String.format(Locale.ROOT, "%d kB", Math.round(bytes / 1e3));
  }

  /** Returns the seconds since the report started. */
  double totalSeconds() {
    return (System.nanoTime() - startNanos) / 1e9;
  }
}
