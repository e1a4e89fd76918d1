package org.highdicom4j.cli;

import java.io.PrintWriter;

/** A one-line progress indicator on standard error, shown only when it is a terminal. */
final class Progress {
  private final PrintWriter err;
  private final String what;
  private final int total;
  private final boolean enabled;
  private int done;

  Progress(PrintWriter err, String what, int total) {
    this.err = err;
    this.what = what;
    this.total = total;
    this.enabled = System.console() != null;
  }

  void step() {
    done++;
    if (enabled && (done == total || done % Math.max(1, total / 50) == 0)) {
      err.printf("\r%s: %d/%d", what, done, total);
      err.flush();
    }
  }

  void done() {
    if (enabled) {
      err.print("\r" + " ".repeat(what.length() + 24) + "\r");
      err.flush();
    }
  }
}
