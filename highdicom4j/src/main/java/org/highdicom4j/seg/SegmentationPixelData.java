package org.highdicom4j.seg;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;
import org.highdicom4j.codec.CodecRegistry;
import org.highdicom4j.codec.EncapsulatedFrames;
import org.highdicom4j.codec.FrameCodec;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.UnsupportedTransferSyntaxException;
import org.highdicom4j.codec.uncompressed.NativePixelData;
import org.highdicom4j.dicom.data.BulkDataRef;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.TransferSyntax;

/**
 * Produces the Pixel Data (7FE0,0010) of a segmentation: computes each output frame from the input
 * when it is needed (never one full volume per segment), and packs (native) or encodes
 * (encapsulated) the frames in parallel on an {@link Executor}.
 */
final class SegmentationPixelData {
  private final SegmentationInput input;
  private final SegmentationTypeValues type;
  private final int[] framePlane;

  /** Per frame: the channel (stacked input) or label value (label map) it shows; -1: LABELMAP. */
  private final int[] frameSegment;

  private final int[] channelNumbers;
  private final int maxFractionalValue;
  private final FrameDescriptor descriptor;
  private final ThreadLocal<int[]> labelBuffer;

  SegmentationPixelData(
      SegmentationInput input,
      SegmentationTypeValues type,
      int[] framePlane,
      int[] frameSegment,
      int[] channelNumbers,
      int maxFractionalValue,
      FrameDescriptor descriptor) {
    this.input = input;
    this.type = type;
    this.framePlane = framePlane;
    this.frameSegment = frameSegment;
    this.channelNumbers = channelNumbers;
    this.maxFractionalValue = maxFractionalValue;
    this.descriptor = descriptor;
    int n = input.pixelsPerPlane();
    this.labelBuffer = ThreadLocal.withInitial(() -> new int[n]);
  }

  /** Writes Pixel Data in the transfer syntax, encoding frames on {@code executor}. */
  void addTo(DicomDataset ds, String tsUid, CodecRegistry codecs, Executor executor) {
    int frames = framePlane.length;
    if (TransferSyntax.of(tsUid).encapsulated()) {
      FrameCodec codec =
          codecs
              .encoderFor(tsUid, descriptor)
              .orElseThrow(
                  () ->
                      new UnsupportedTransferSyntaxException(
                          tsUid, "no registered encoder accepts " + descriptor));
      int len = (int) descriptor.decodedLength();
      byte[][] encoded = new byte[frames][];
      parallelFor(
          frames,
          executor,
          f -> {
            byte[] frame = new byte[len];
            fill(f, frame, 0);
            encoded[f] = codec.encode(tsUid, frame, descriptor);
          });
      ds.setFragments(Tag.PixelData, VR.OB, EncapsulatedFrames.encapsulate(Arrays.asList(encoded)));
    } else if (type == SegmentationTypeValues.BINARY) {
      addBinary(ds, executor);
    } else {
      int len = (int) descriptor.decodedLength();
      long total = (long) len * frames;
      if (total > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "PixelData (7FE0,0010) would exceed 2 GiB (expected a compressed transfer syntax or"
                + " fewer frames): "
                + total
                + " bytes");
      }
      byte[] out;
      if (copiesConsecutivePlanes()) {
        // One copy of the planes' bytes, without first zeroing a new array.
        int from = input.byteBase(framePlane[0]);
        out = Arrays.copyOfRange(input.byteData(), from, from + (int) total);
      } else {
        byte[] dst = new byte[(int) total];
        parallelFor(frames, executor, f -> fill(f, dst, f * len));
        out = dst;
      }
      ds.setBytes(Tag.PixelData, descriptor.bitsAllocated() == 16 ? VR.OW : VR.OB, out);
    }
  }

  /**
   * Whether the frames are 8-bit LABELMAP frames of consecutive planes of a byte label map in
   * ascending order, so that Pixel Data is a range of the label map's bytes.
   */
  private boolean copiesConsecutivePlanes() {
    if (type != SegmentationTypeValues.LABELMAP
        || !input.byteLabels()
        || descriptor.bitsAllocated() != 8
        || framePlane.length == 0) {
      return false;
    }
    for (int f = 1; f < framePlane.length; f++) {
      if (framePlane[f] != framePlane[0] + f) {
        return false;
      }
    }
    return true;
  }

  /** Writes frame {@code f} in the decoded layout of the frame descriptor. */
  void fill(int f, byte[] dst, int off) {
    int p = framePlane[f];
    int s = frameSegment[f];
    int n = input.pixelsPerPlane();
    if (type == SegmentationTypeValues.LABELMAP) {
      if (input.byteLabels() && descriptor.bitsAllocated() == 8) {
        // The scan proved every value a segment number: the plane is the frame.
        System.arraycopy(input.byteData(), input.byteBase(p), dst, off, n);
        return;
      }
      int[] labels = labelBuffer.get();
      if (input.stacked()) {
        input.readStackedAsLabels(p, channelNumbers, labels);
      } else {
        input.readLabels(p, labels);
      }
      if (descriptor.bitsAllocated() == 16) {
        for (int i = 0; i < n; i++) {
          int v = labels[i];
          dst[off + 2 * i] = (byte) v;
          dst[off + 2 * i + 1] = (byte) (v >>> 8);
        }
      } else {
        for (int i = 0; i < n; i++) {
          dst[off + i] = (byte) labels[i];
        }
      }
      return;
    }
    int on = type == SegmentationTypeValues.FRACTIONAL ? maxFractionalValue : 1;
    if (input.stacked()) {
      input.readChannel(p, s, on, dst, off);
    } else if (input.byteLabels()) {
      byte[] d = input.byteData();
      int base = input.byteBase(p);
      byte b = (byte) on;
      for (int i = 0; i < n; i++) {
        dst[off + i] = (d[base + i] & 0xff) == s ? b : 0;
      }
    } else {
      int[] labels = labelBuffer.get();
      input.readLabels(p, labels);
      byte b = (byte) on;
      for (int i = 0; i < n; i++) {
        dst[off + i] = labels[i] == s ? b : 0;
      }
    }
  }

  /**
   * Sets BINARY Pixel Data: frames packed contiguously, bit {@code f × Rows × Columns + i} for
   * pixel i of frame f. A label map is read once per plane, setting the bits of all its segments'
   * frames in one pass. A byte label map whose rows fill whole bytes is kept as {@link
   * SparseBinaryFrames} (each frame's segment box only), expanded when the value is read or
   * written, unless the boxes cover much of the frames. Planes (or frames) run in parallel only
   * when frames start on byte boundaries, so that no byte is shared between two workers.
   */
  private void addBinary(DicomDataset ds, Executor executor) {
    int frames = framePlane.length;
    int ppf = input.pixelsPerPlane();
    long bytes = ((long) frames * ppf + 7) >>> 3;
    if (bytes > Integer.MAX_VALUE - 8) {
      throw new IllegalArgumentException(
          "PixelData (7FE0,0010) would exceed 2 GiB (expected fewer frames): " + bytes + " bytes");
    }
    boolean aligned = ppf % 8 == 0;
    if (input.stacked()) {
      byte[] out = new byte[(int) bytes];
      IntConsumer task =
          f -> {
            byte[] tmp = new byte[ppf];
            input.readChannel(framePlane[f], frameSegment[f], 1, tmp, 0);
            NativePixelData.packBits(tmp, 0, ppf, out, (long) f * ppf);
          };
      if (aligned) {
        parallelFor(frames, executor, task);
      } else {
        for (int f = 0; f < frames; f++) {
          task.accept(f);
        }
      }
      ds.setBytes(Tag.PixelData, VR.OB, out);
      return;
    }
    // frameOf[p][v]: output frame of label v in plane p, or -1.
    int planes = input.planes();
    int[][] frameOf = new int[planes][];
    // Described segments may be absent from the array (kept as empty frames).
    int max = input.maxLabel();
    for (int s : frameSegment) {
      max = Math.max(max, s);
    }
    for (int p = 0; p < planes; p++) {
      frameOf[p] = new int[max + 1];
      Arrays.fill(frameOf[p], -1);
    }
    for (int f = 0; f < frames; f++) {
      frameOf[framePlane[f]][frameSegment[f]] = f;
    }
    if (input.byteLabels() && input.columns() % 8 == 0) {
      SparseBinaryFrames sparse = SparseBinaryFrames.pack(input, frameOf, frames, executor);
      if (sparse != null) {
        ds.putValue(Tag.PixelData, VR.OB, BulkDataRef.of(sparse, 0, sparse.length()));
        return;
      }
    }
    byte[] out = new byte[(int) bytes];
    if (aligned && input.byteLabels()) {
      byte[] d = input.byteData();
      parallelFor(
          planes,
          executor,
          p -> ByteLabelKernels.packPlane(d, input.byteBase(p), ppf, frameOf[p], out));
      ds.setBytes(Tag.PixelData, VR.OB, out);
      return;
    }
    IntConsumer task =
        p -> {
          int[] labels = labelBuffer.get();
          input.readLabels(p, labels);
          int[] fo = frameOf[p];
          for (int i = 0; i < ppf; i++) {
            int v = labels[i];
            if (v != 0) {
              int f = fo[v];
              if (f >= 0) {
                long bit = (long) f * ppf + i;
                out[(int) (bit >>> 3)] |= (byte) (1 << (bit & 7));
              }
            }
          }
        };
    if (aligned) {
      parallelFor(planes, executor, task);
    } else {
      for (int p = 0; p < planes; p++) {
        task.accept(p);
      }
    }
    ds.setBytes(Tag.PixelData, VR.OB, out);
  }

  /**
   * Runs {@code task} for 0..n-1 on the executor's threads and the calling thread, which claim
   * indices from a shared counter; the first failure stops further work and is rethrown.
   */
  static void parallelFor(int n, Executor executor, IntConsumer task) {
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
                task.accept(i);
              }
            } catch (Throwable t) { // recorded, rethrown on the calling thread
              failure.compareAndSet(null, t);
            } finally {
              done.countDown();
            }
          }
        };
    int helpers =
        Math.min(
            n - 1,
            executor instanceof ForkJoinPool
                ? ((ForkJoinPool) executor).getParallelism()
                : Runtime.getRuntime().availableProcessors() - 1);
    for (int i = 0; i < helpers; i++) {
      executor.execute(worker);
    }
    worker.run();
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CancellationException("interrupted while encoding segmentation frames");
    }
    Throwable t = failure.get();
    if (t instanceof RuntimeException) {
      throw (RuntimeException) t;
    } else if (t instanceof Error) {
      throw (Error) t;
    } else if (t != null) {
      throw new IllegalStateException(t);
    }
  }

  /** Returns the frame descriptor of the output frames. */
  FrameDescriptor descriptor() {
    return descriptor;
  }
}
