package org.highdicom4j.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.highdicom4j.codec.deflate.DeflateFrameCodec;
import org.highdicom4j.codec.rle.RleCodec;
import org.highdicom4j.dicom.io.DicomStreamException;
import org.junit.jupiter.api.Test;

class CodecRegistryTest {

  private static final String RLE = "1.2.840.10008.1.2.5";
  private static final String DEFLATE = "1.2.840.10008.1.2.8.1";
  private static final FrameDescriptor MONO16 =
      new FrameDescriptor(16, 16, 1, 16, 12, false, 0, "MONOCHROME2");

  private static List<byte[]> frames(int n) {
    List<byte[]> frames = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      frames.add(FrameCodecContractTest.randomFrame(MONO16, i));
    }
    return frames;
  }

  @Test
  void defaultRegistryDiscoversTheBuiltInCodecsThroughServiceLoader() {
    CodecRegistry registry = CodecRegistry.getDefault();
    assertSame(registry, CodecRegistry.getDefault());
    assertTrue(registry.decoderFor(RLE, MONO16).orElseThrow() instanceof RleCodec);
    assertTrue(registry.encoderFor(DEFLATE, MONO16).orElseThrow() instanceof DeflateFrameCodec);
    assertTrue(registry.decoderFor("1.2.840.10008.1.2.1", MONO16).isEmpty());
  }

  @Test
  void namesTheSyntaxWhenNoCodecFits() {
    CodecRegistry registry = CodecRegistry.getDefault();
    UnsupportedTransferSyntaxException e =
        assertThrows(
            UnsupportedTransferSyntaxException.class,
            () -> registry.decode("1.2.3.4", new byte[4], MONO16));
    assertEquals("1.2.3.4", e.transferSyntaxUid());
    assertTrue(e.getMessage().contains("1.2.3.4"), e.getMessage());
    FrameDescriptor rgb64 = new FrameDescriptor(2, 2, 3, 64, 64, false, 0, "RGB");
    UnsupportedTransferSyntaxException declined =
        assertThrows(
            UnsupportedTransferSyntaxException.class,
            () -> registry.encode(RLE, new byte[96], rgb64));
    assertTrue(declined.getMessage().contains("no registered encoder accepts"));
    assertThrows(
        UnsupportedTransferSyntaxException.class,
        () -> registry.decodeAll("1.2.3.4", frames(2), MONO16));
  }

  @Test
  void decodesAndEncodesSingleFrames() throws Exception {
    CodecRegistry registry = CodecRegistry.getDefault();
    byte[] frame = frames(1).get(0);
    byte[] encoded = registry.encode(RLE, frame, MONO16);
    assertArrayEquals(frame, registry.decode(RLE, encoded, MONO16).data());
  }

  @Test
  void processesManyFramesInParallelKeepingTheirOrder() throws Exception {
    CodecRegistry registry = CodecRegistry.getDefault();
    List<byte[]> frames = frames(200);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<byte[]> encoded = registry.encodeAll(DEFLATE, frames, MONO16, pool);
      assertEquals(200, encoded.size());
      List<DecodedFrame> decoded = registry.decodeAll(DEFLATE, encoded, MONO16, pool);
      for (int i = 0; i < frames.size(); i++) {
        assertArrayEquals(frames.get(i), decoded.get(i).data(), "frame " + i);
      }
    } finally {
      pool.shutdown();
    }
    List<DecodedFrame> viaDefault =
        registry.decodeAll(RLE, registry.encodeAll(RLE, frames, MONO16), MONO16);
    for (int i = 0; i < frames.size(); i++) {
      assertArrayEquals(frames.get(i), viaDefault.get(i).data(), "frame " + i);
    }
    assertTrue(registry.decodeAll(RLE, List.of(), MONO16).isEmpty());
  }

  @Test
  void usesTheExecutorsThreads() throws Exception {
    Set<String> threads = ConcurrentHashMap.newKeySet();
    FrameCodec recording = new RecordingCodec(threads);
    CodecRegistry registry = CodecRegistry.of(List.of(recording));
    ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "codec-test-pool"));
    try {
      // the first frame blocks until another thread has taken one, so both must take part
      registry.decodeAll("9.9", frames(50), MONO16, pool);
    } finally {
      pool.shutdown();
    }
    assertTrue(threads.contains("codec-test-pool"), threads.toString());
  }

  /** Records which threads decode; the first call waits until a second thread took a frame. */
  private static final class RecordingCodec implements FrameCodec {
    private final Set<String> threads;
    private final CountDownLatch second = new CountDownLatch(1);

    RecordingCodec(Set<String> threads) {
      this.threads = threads;
    }

    @Override
    public Set<String> transferSyntaxUids() {
      return Set.of("9.9");
    }

    @Override
    public boolean canDecode(String ts, FrameDescriptor d) {
      return true;
    }

    @Override
    public boolean canEncode(String ts, FrameDescriptor d) {
      return false;
    }

    @Override
    public DecodedFrame decode(String ts, byte[] encoded, FrameDescriptor d) {
      String name = Thread.currentThread().getName();
      if (threads.add(name) && threads.size() > 1) {
        second.countDown();
      }
      if (threads.size() == 1) {
        try {
          second.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      return new DecodedFrame(encoded, "MONOCHROME2");
    }

    @Override
    public byte[] encode(String ts, byte[] frame, FrameDescriptor d) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void rethrowsTheFirstDicomStreamExceptionAsSuch() {
    CodecRegistry registry = CodecRegistry.getDefault();
    List<byte[]> encoded = new ArrayList<>(registry.encodeAll(RLE, frames(40), MONO16));
    encoded.set(17, new byte[10]); // shorter than the RLE header
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      DicomStreamException e =
          assertThrows(
              DicomStreamException.class, () -> registry.decodeAll(RLE, encoded, MONO16, pool));
      assertTrue(e.getMessage().contains("RLE header is truncated"), e.getMessage());
    } finally {
      pool.shutdown();
    }
  }

  @Test
  void rethrowsUncheckedFailuresOfEncoders() {
    List<byte[]> frames = new ArrayList<>(frames(10));
    frames.set(3, new byte[5]);
    assertThrows(
        IllegalArgumentException.class,
        () -> CodecRegistry.getDefault().encodeAll(DEFLATE, frames, MONO16));
  }

  @Test
  void finishesOnTheCallingThreadWhenTheExecutorRejectsWork() throws Exception {
    List<byte[]> frames = frames(8);
    List<byte[]> encoded =
        CodecRegistry.getDefault()
            .encodeAll(
                RLE,
                frames,
                MONO16,
                r -> {
                  throw new RejectedExecutionException("full");
                });
    List<DecodedFrame> decoded =
        CodecRegistry.getDefault().decodeAll(RLE, encoded, MONO16, Runnable::run);
    for (int i = 0; i < frames.size(); i++) {
      assertArrayEquals(frames.get(i), decoded.get(i).data());
    }
  }

  @Test
  void rejectsNullArguments() {
    CodecRegistry registry = CodecRegistry.getDefault();
    assertThrows(NullPointerException.class, () -> registry.decoderFor(null, MONO16));
    assertThrows(NullPointerException.class, () -> registry.decode(RLE, null, MONO16));
    List<byte[]> withNull = new ArrayList<>();
    withNull.add(null);
    assertThrows(NullPointerException.class, () -> registry.encodeAll(RLE, withNull, MONO16));
    assertThrows(NullPointerException.class, () -> CodecRegistry.of(null));
  }
}
