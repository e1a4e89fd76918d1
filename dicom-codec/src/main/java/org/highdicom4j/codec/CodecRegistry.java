package org.highdicom4j.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * The registry of frame codecs for encapsulated transfer syntaxes (PS3.5 Section 8.2): finds the
 * {@link FrameCodec} for a Transfer Syntax UID (0002,0010) and a frame description, and encodes or
 * decodes single frames or many frames in parallel.
 *
 * <p>The {@linkplain #getDefault() default registry} holds the codecs listed in {@code
 * META-INF/services/org.highdicom4j.codec.FrameCodec} on the class path, in the order found; the
 * first codec that accepts a syntax and descriptor wins. Which transfer syntaxes are encapsulated
 * is not this class's concern (that is the transfer syntax model of dicom-core).
 *
 * <p>Immutable and thread-safe.
 */
public final class CodecRegistry {

  private static final System.Logger LOG = System.getLogger(CodecRegistry.class.getName());

  private final List<FrameCodec> codecs;

  private CodecRegistry(List<FrameCodec> codecs) {
    this.codecs = List.copyOf(codecs);
  }

  /** Holds the default registry, loaded on first use. */
  private static final class DefaultHolder {
    static final CodecRegistry DEFAULT = new CodecRegistry(loadServices());
  }

  /**
   * Returns the registry of the codecs discovered through {@link ServiceLoader} on the class path
   * of this library (the built-in codecs and any added by other jars). Providers that fail to load
   * are skipped and logged.
   *
   * @return the shared default registry
   */
  public static CodecRegistry getDefault() {
    return DefaultHolder.DEFAULT;
  }

  /**
   * Returns a registry of the given codecs, consulted in this order.
   *
   * @param codecs the codecs
   * @return a new registry
   */
  public static CodecRegistry of(List<? extends FrameCodec> codecs) {
    Objects.requireNonNull(codecs, "codecs");
    List<FrameCodec> list = new ArrayList<>(codecs.size());
    for (FrameCodec c : codecs) {
      list.add(Objects.requireNonNull(c, "codecs element"));
    }
    return new CodecRegistry(list);
  }

  private static List<FrameCodec> loadServices() {
    List<FrameCodec> found = new ArrayList<>();
    Iterator<FrameCodec> it =
        ServiceLoader.load(FrameCodec.class, CodecRegistry.class.getClassLoader()).iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          break;
        }
        found.add(it.next());
      } catch (ServiceConfigurationError e) {
        LOG.log(System.Logger.Level.WARNING, "skipping a FrameCodec provider: " + e.getMessage());
      }
    }
    return found;
  }

  /**
   * Returns the registered codecs in the order they are consulted.
   *
   * @return an unmodifiable list
   */
  public List<FrameCodec> codecs() {
    return codecs;
  }

  /**
   * Returns the first codec that decodes frames of the syntax and description.
   *
   * @param tsUid Transfer Syntax UID (0002,0010)
   * @param d the frame's attributes
   * @return the codec, or empty when none fits
   */
  public Optional<FrameCodec> decoderFor(String tsUid, FrameDescriptor d) {
    Objects.requireNonNull(tsUid, "tsUid");
    Objects.requireNonNull(d, "d");
    for (FrameCodec c : codecs) {
      if (c.transferSyntaxUids().contains(tsUid) && c.canDecode(tsUid, d)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the first codec that encodes frames of the syntax and description.
   *
   * @param tsUid Transfer Syntax UID (0002,0010)
   * @param d the frame's attributes
   * @return the codec, or empty when none fits
   */
  public Optional<FrameCodec> encoderFor(String tsUid, FrameDescriptor d) {
    Objects.requireNonNull(tsUid, "tsUid");
    Objects.requireNonNull(d, "d");
    for (FrameCodec c : codecs) {
      if (c.transferSyntaxUids().contains(tsUid) && c.canEncode(tsUid, d)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * Decodes one frame with the first fitting codec.
   *
   * @param tsUid Transfer Syntax UID (0002,0010) of {@code encoded}
   * @param encoded the frame's bytes (its fragments concatenated)
   * @param d the frame's attributes
   * @return the decoded frame
   * @throws UnsupportedTransferSyntaxException naming the syntax when no codec fits
   * @throws DicomStreamException when the codestream is truncated or corrupt
   */
  public DecodedFrame decode(String tsUid, byte[] encoded, FrameDescriptor d)
      throws DicomStreamException {
    Objects.requireNonNull(encoded, "encoded");
    return decoderFor(tsUid, d)
        .orElseThrow(() -> unsupported(tsUid, d, "decoder"))
        .decode(tsUid, encoded, d);
  }

  /**
   * Encodes one frame with the first fitting codec.
   *
   * @param tsUid Transfer Syntax UID (0002,0010) to produce
   * @param frame the frame in the decoded layout of {@link FrameDescriptor}
   * @param d the frame's attributes
   * @return the encoded frame
   * @throws UnsupportedTransferSyntaxException naming the syntax when no codec fits
   * @throws IllegalArgumentException when {@code frame} has the wrong length
   */
  public byte[] encode(String tsUid, byte[] frame, FrameDescriptor d) {
    Objects.requireNonNull(frame, "frame");
    return encoderFor(tsUid, d)
        .orElseThrow(() -> unsupported(tsUid, d, "encoder"))
        .encode(tsUid, frame, d);
  }

  private UnsupportedTransferSyntaxException unsupported(
      String tsUid, FrameDescriptor d, String role) {
    boolean known = codecs.stream().anyMatch(c -> c.transferSyntaxUids().contains(tsUid));
    return new UnsupportedTransferSyntaxException(
        tsUid,
        known
            ? "no registered " + role + " accepts " + d
            : "no " + role + " is registered for this syntax");
  }

  /**
   * Decodes frames in parallel on the shared {@link ForkJoinPool#commonPool()} and the calling
   * thread (together all cores), keeping their order.
   *
   * @param tsUid Transfer Syntax UID (0002,0010)
   * @param frames the encoded frames
   * @param d the frames' attributes
   * @return the decoded frames, in the order of {@code frames}
   * @throws DicomStreamException the first failure of a frame, as thrown by its codec
   * @see #decodeAll(String, List, FrameDescriptor, Executor)
   */
  public List<DecodedFrame> decodeAll(String tsUid, List<byte[]> frames, FrameDescriptor d)
      throws DicomStreamException {
    return decodeAll(tsUid, frames, d, ForkJoinPool.commonPool());
  }

  /**
   * Decodes frames in parallel, keeping their order. Workers run on {@code executor} and on the
   * calling thread, which takes part so that progress never depends on a busy or saturated
   * executor. After the first failure no further frames are started and that failure is rethrown
   * unchanged ({@link DicomStreamException}, {@link UnsupportedTransferSyntaxException} or another
   * unchecked exception).
   *
   * @param tsUid Transfer Syntax UID (0002,0010)
   * @param frames the encoded frames
   * @param d the frames' attributes
   * @param executor runs the parallel workers
   * @return the decoded frames, in the order of {@code frames}
   * @throws DicomStreamException the first failure of a frame, as thrown by its codec
   * @throws UnsupportedTransferSyntaxException naming the syntax when no codec fits
   * @throws CancellationException when the calling thread is interrupted while waiting (its
   *     interrupt status is set again)
   */
  public List<DecodedFrame> decodeAll(
      String tsUid, List<byte[]> frames, FrameDescriptor d, Executor executor)
      throws DicomStreamException {
    Objects.requireNonNull(frames, "frames");
    Objects.requireNonNull(executor, "executor");
    FrameCodec codec = decoderFor(tsUid, d).orElseThrow(() -> unsupported(tsUid, d, "decoder"));
    byte[][] in = frames.toArray(new byte[0][]);
    for (int i = 0; i < in.length; i++) {
      Objects.requireNonNull(in[i], "frames[" + i + "]");
    }
    DecodedFrame[] out = new DecodedFrame[in.length];
    runParallel(in.length, executor, i -> out[i] = codec.decode(tsUid, in[i], d));
    return List.of(out);
  }

  /**
   * Encodes frames in parallel on the shared {@link ForkJoinPool#commonPool()} and the calling
   * thread, keeping their order.
   *
   * @param tsUid Transfer Syntax UID (0002,0010) to produce
   * @param frames the frames in the decoded layout of {@link FrameDescriptor}
   * @param d the frames' attributes
   * @return the encoded frames, in the order of {@code frames}
   * @see #encodeAll(String, List, FrameDescriptor, Executor)
   */
  public List<byte[]> encodeAll(String tsUid, List<byte[]> frames, FrameDescriptor d) {
    return encodeAll(tsUid, frames, d, ForkJoinPool.commonPool());
  }

  /**
   * Encodes frames in parallel, keeping their order; workers run on {@code executor} and on the
   * calling thread. The first failure stops further work and is rethrown unchanged.
   *
   * @param tsUid Transfer Syntax UID (0002,0010) to produce
   * @param frames the frames in the decoded layout of {@link FrameDescriptor}
   * @param d the frames' attributes
   * @param executor runs the parallel workers
   * @return the encoded frames, in the order of {@code frames}
   * @throws UnsupportedTransferSyntaxException naming the syntax when no codec fits
   * @throws IllegalArgumentException when a frame has the wrong length
   * @throws CancellationException when the calling thread is interrupted while waiting
   */
  public List<byte[]> encodeAll(
      String tsUid, List<byte[]> frames, FrameDescriptor d, Executor executor) {
    Objects.requireNonNull(frames, "frames");
    Objects.requireNonNull(executor, "executor");
    FrameCodec codec = encoderFor(tsUid, d).orElseThrow(() -> unsupported(tsUid, d, "encoder"));
    byte[][] in = frames.toArray(new byte[0][]);
    for (int i = 0; i < in.length; i++) {
      Objects.requireNonNull(in[i], "frames[" + i + "]");
    }
    byte[][] out = new byte[in.length][];
    try {
      runParallel(in.length, executor, i -> out[i] = codec.encode(tsUid, in[i], d));
    } catch (DicomStreamException e) {
      throw new IllegalStateException("encoders do not throw DicomStreamException", e);
    }
    return Arrays.asList(out);
  }

  /** One unit of work: processes frame {@code i}. */
  @FunctionalInterface
  private interface FrameTask {
    void run(int i) throws DicomStreamException;
  }

  /**
   * Runs {@code task} for indices 0..n-1: workers claim indices from a shared counter, so the
   * calling thread and however many executor threads actually start share the frames.
   */
  private static void runParallel(int n, Executor executor, FrameTask task)
      throws DicomStreamException {
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
    try {
      done.await();
    } catch (InterruptedException e) {
      failure.compareAndSet(null, new CancellationException("interrupted"));
      awaitUninterruptibly(done);
      Thread.currentThread().interrupt();
    }
    Throwable t = failure.get();
    if (t == null) {
      return;
    }
    if (t instanceof DicomStreamException) {
      throw (DicomStreamException) t;
    }
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    }
    if (t instanceof Error) {
      throw (Error) t;
    }
    throw new IllegalStateException("frame task failed", t);
  }

  private static int parallelism(Executor executor) {
    int cores = Runtime.getRuntime().availableProcessors();
    if (executor instanceof ForkJoinPool) {
      // the caller takes part too, so a pool of cores − 1 threads keeps all cores busy
      return Math.max(cores, ((ForkJoinPool) executor).getParallelism() + 1);
    }
    return Math.max(cores, 2);
  }

  private static void awaitUninterruptibly(CountDownLatch latch) {
    boolean interrupted = false;
    while (true) {
      try {
        latch.await();
        break;
      } catch (InterruptedException e) {
        interrupted = true;
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
