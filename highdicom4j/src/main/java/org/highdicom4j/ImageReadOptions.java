package org.highdicom4j;

import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Options of {@link Image#read(java.nio.file.Path, ImageReadOptions)}: highdicom's {@code
 * lazy_frame_retrieval} of {@code imread}, plus where frames are decoded in parallel.
 *
 * @param lazyFrameRetrieval read only the metadata; frames are read from the file when requested
 *     (only the bytes of the requested frames)
 * @param executor runs parallel frame decoding (the calling thread takes part too)
 */
public record ImageReadOptions(boolean lazyFrameRetrieval, Executor executor) {
  /** Reads everything at once, decoding on the common fork-join pool. */
  public static final ImageReadOptions DEFAULT =
      new ImageReadOptions(false, ForkJoinPool.commonPool());

  /** Lazy frame retrieval, decoding on the common fork-join pool. */
  public static final ImageReadOptions LAZY = new ImageReadOptions(true, ForkJoinPool.commonPool());

  /** Checks for null. */
  public ImageReadOptions {
    java.util.Objects.requireNonNull(executor, "executor");
  }

  /**
   * Returns these options with lazy frame retrieval switched.
   *
   * @param lazy whether to read frames on demand
   * @return new options
   */
  public ImageReadOptions withLazyFrameRetrieval(boolean lazy) {
    return new ImageReadOptions(lazy, executor);
  }

  /**
   * Returns these options with another executor.
   *
   * @param executor runs parallel decoding
   * @return new options
   */
  public ImageReadOptions withExecutor(Executor executor) {
    return new ImageReadOptions(lazyFrameRetrieval, executor);
  }
}
