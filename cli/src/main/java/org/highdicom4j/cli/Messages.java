package org.highdicom4j.cli;

/** Turns exceptions into one-line messages for standard error. */
final class Messages {
  private Messages() {}

  static String describe(Throwable ex) {
    String msg = ex.getMessage();
    if (msg == null || msg.isBlank()) {
      msg = ex.getClass().getSimpleName();
    } else if (!(ex instanceof java.io.IOException || ex instanceof IllegalArgumentException)) {
      msg = ex.getClass().getSimpleName() + ": " + msg;
    }
    return msg;
  }
}
