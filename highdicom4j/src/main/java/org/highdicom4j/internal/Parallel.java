package org.highdicom4j.internal;

import java.io.IOException;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs indexed tasks on an executor and the calling thread, which takes part so that progress never
 * depends on a busy executor. The first failure stops further tasks and is rethrown unchanged.
 */
public final class Parallel {
  private Parallel() {}

  /** One unit of work, identified by its index. */
  @FunctionalInterface
  public interface Task {
    /**
     * Runs the task.
     *
     * @param index 0..n-1
     * @throws IOException when the task's input cannot be read
     */
    void run(int index) throws IOException;
  }

  /**
   * Runs {@code task} for every index in 0..n-1, in parallel, and waits for all of them.
   *
   * @param n number of tasks
   * @param executor runs the helpers
   * @param task the work
   * @throws IOException the first task failure of that type
   * @throws CancellationException when the calling thread is interrupted while waiting
   */
  public static void forEach(int n, Executor executor, Task task) throws IOException {
    if (n == 0) {
      return;
    }
    AtomicInteger next = new AtomicInteger();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    CountDownLatch done = new CountDownLatch(n);
    Runnable worker =
        () -> {
          for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
            try {
              if (failure.get() == null) {
                task.run(i);
              }
            } catch (Throwable t) { // recorded and rethrown to the caller below
              failure.compareAndSet(null, t);
            } finally {
              done.countDown();
            }
          }
        };
    int helpers = Math.min(n - 1, parallelism(executor) - 1);
    for (int h = 0; h < helpers; h++) {
      try {
        executor.execute(worker);
      } catch (RejectedExecutionException e) {
        break; // the calling thread does the remaining work
      }
    }
    worker.run();
    boolean interrupted = false;
    while (true) {
      try {
        done.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
        failure.compareAndSet(null, new CancellationException("interrupted"));
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    Throwable t = failure.get();
    if (t == null) {
      return;
    }
    if (t instanceof IOException) {
      throw (IOException) t;
    }
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    throw new IllegalStateException("task failed", t);
  }

  private static int parallelism(Executor executor) {
    int cores = Runtime.getRuntime().availableProcessors();
    if (executor instanceof ForkJoinPool) {
      // the caller takes part too, so a pool of cores − 1 threads keeps all cores busy
      return Math.max(cores, ((ForkJoinPool) executor).getParallelism() + 1);
    }
    return Math.max(cores, 2);
  }
}
