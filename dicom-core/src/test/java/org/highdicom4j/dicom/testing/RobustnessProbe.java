package org.highdicom4j.dicom.testing;

import static org.junit.jupiter.api.Assertions.fail;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Runs robustness cases (malformed inputs) and keeps score: each case either succeeds, or is
 * rejected with one of the exceptions the API documents; anything else thrown (a {@link
 * RuntimeException} that is not documented, a {@link StackOverflowError}, an {@link
 * OutOfMemoryError}) is a failure, and so is a case that allocates more than {@code 64 MiB + 4 ×}
 * its input size on its thread (measured with {@code com.sun.management.ThreadMXBean}).
 *
 * <p>Failures are collected, grouped by exception type and throwing frame, and reported together by
 * {@link #assertNoFailures()}; {@link #summary()} gives one line of figures.
 */
public final class RobustnessProbe {
  private static final long FIXED_ALLOWANCE = 64L << 20;

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  private final String name;
  private final List<Class<? extends Throwable>> rejections;
  private final Map<String, String> failures = new LinkedHashMap<>();
  private int failureCount;
  private int cases;
  private int ok;
  private int rejected;
  private long maxAllocated;
  private String maxAllocatedCase = "";
  private long maxNanos;
  private String maxNanosCase = "";
  private final Map<String, Integer> tally = new java.util.TreeMap<>();
  private volatile String current = "";

  /**
   * Creates a probe.
   *
   * @param name names the probe in the summary
   * @param rejections the exception types that count as a documented rejection
   */
  public RobustnessProbe(String name, List<Class<? extends Throwable>> rejections) {
    this.name = name;
    this.rejections = List.copyOf(rejections);
  }

  /**
   * Runs one case.
   *
   * @param description what the case is, to reproduce it
   * @param inputSize the size of its input in bytes (for the allocation bound)
   * @param body returns normally when the input was accepted
   * @return true when accepted, false when rejected or failed
   */
  public synchronized boolean run(String description, long inputSize, Callable<?> body) {
    return run(description, inputSize, 0, body);
  }

  /**
   * Runs one case whose legitimate output may be larger than its input (a decoded image).
   *
   * @param description what the case is, to reproduce it
   * @param inputSize the size of its input in bytes
   * @param outputAllowance bytes allowed on top of {@code 64 MiB + 4 × inputSize}
   * @param body returns normally when the input was accepted
   * @return true when accepted, false when rejected or failed
   */
  public synchronized boolean run(
      String description, long inputSize, long outputAllowance, Callable<?> body) {
    cases++;
    current = description;
    long a0 = THREADS.getCurrentThreadAllocatedBytes();
    long t0 = System.nanoTime();
    boolean accepted = false;
    try {
      body.call();
      accepted = true;
      ok++;
    } catch (Throwable t) {
      if (isRejection(t)) {
        rejected++;
      } else {
        failure(description, t);
      }
    }
    long nanos = System.nanoTime() - t0;
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - a0;
    if (allocated > maxAllocated) {
      maxAllocated = allocated;
      maxAllocatedCase = description;
    }
    if (nanos > maxNanos) {
      maxNanos = nanos;
      maxNanosCase = description;
    }
    long bound = FIXED_ALLOWANCE + 4 * inputSize + outputAllowance;
    if (allocated > bound) {
      failure(
          description,
          "allocated " + allocated + " bytes (expected ≤ " + bound + ")",
          "allocation bound");
    }
    return accepted;
  }

  private boolean isRejection(Throwable t) {
    for (Class<? extends Throwable> c : rejections) {
      if (c.isInstance(t)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Records a failure found by the caller (an exception an accessor does not document, a result
   * that differs between two ways of reading).
   *
   * @param description the case
   * @param t what was thrown
   */
  public synchronized void failure(String description, Throwable t) {
    StackTraceElement[] st = t.getStackTrace();
    String where = st.length > 0 ? st[0].toString() : "?";
    StringBuilder trace = new StringBuilder(t.toString());
    for (int i = 0; i < Math.min(8, st.length); i++) {
      trace.append("\n      at ").append(st[i]);
    }
    failure(description, trace.toString(), t.getClass().getName() + " " + where);
  }

  /**
   * Records a failure that is not an exception.
   *
   * @param description the case
   * @param problem what is wrong
   * @param group failures with the same group are reported once
   */
  public synchronized void failure(String description, String problem, String group) {
    failureCount++;
    failures.putIfAbsent(group, description + "\n    " + problem);
  }

  /**
   * Counts an event shown in the summary (e.g. an accessor that threw a documented exception).
   *
   * @param event what happened
   */
  public synchronized void count(String event) {
    tally.merge(event, 1, Integer::sum);
  }

  /** Returns one line of figures: cases, read ok, rejected, failures, max allocation, max time. */
  public synchronized String summary() {
    return String.format(
            "%s: %d cases, %d read ok, %d rejected, %d failures, max allocation %.1f MiB (%s),"
                + " max time %.1f ms (%s)",
            name,
            cases,
            ok,
            rejected,
            failureCount,
            maxAllocated / 1048576.0,
            maxAllocatedCase,
            maxNanos / 1e6,
            maxNanosCase)
        + (tally.isEmpty() ? "" : "; " + tally);
  }

  /** Returns the case running now or last, for a watchdog's message. */
  public String current() {
    return current;
  }

  /** Returns the number of cases run. */
  public synchronized int cases() {
    return cases;
  }

  /** Prints the summary and fails with every distinct failure when there was any. */
  public synchronized void assertNoFailures() {
    System.out.println(summary());
    if (failureCount > 0) {
      List<String> lines = new ArrayList<>();
      failures.forEach((group, example) -> lines.add("  [" + group + "] " + example));
      fail(
          failureCount
              + " failing cases, "
              + failures.size()
              + " distinct:\n"
              + String.join("\n", lines));
    }
  }
}
