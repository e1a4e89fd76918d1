package org.highdicom4j.seg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;
import org.highdicom4j.codec.CodecRegistry;
import org.highdicom4j.codec.FrameDescriptor;
import org.highdicom4j.codec.PixelDataFrames;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.TransferSyntax;

/**
 * Assembles segmentation frames into output arrays: each requested frame is decoded once, on the
 * executor, and its non-zero pixels are written straight into the output (stacked segments, or a
 * combined label map with overlap detection). Output planes ("slots") are filled by independent
 * tasks, so no two tasks write the same element. Package-private.
 */
final class SegmentPixelReader {
  /** What to produce: the resolved options of one request. */
  record Selection(
      int[] numbers,
      int[] channelOf,
      int[] labelOf,
      boolean combine,
      boolean fractional,
      boolean rescale,
      int maxFractional,
      boolean skipOverlapChecks,
      DType dtype) {
    /** Returns the output channel of a segment number, or -1 when it is not selected. */
    int channel(int segment) {
      return segment >= 0 && segment < channelOf.length ? channelOf[segment] : -1;
    }
  }

  /** Where one frame goes: output slot and the frame's offset in that slot's plane. */
  record Placement(int frame, int slot, int rowOffset, int columnOffset) {}

  private final PixelDataFrames frames;
  private final FrameDescriptor descriptor;
  private final int[] segmentOfFrame;
  private final boolean labelmapFrames;
  private final Executor executor;
  private final byte[] nativeBytes;
  private final int bits;

  SegmentPixelReader(
      DicomDataset ds,
      TransferSyntax ts,
      int[] segmentOfFrame,
      boolean labelmapFrames,
      Executor executor) {
    this.frames = new PixelDataFrames(ds, ts, CodecRegistry.getDefault());
    this.descriptor = frames.descriptor();
    this.segmentOfFrame = segmentOfFrame;
    this.labelmapFrames = labelmapFrames;
    this.executor = executor;
    this.bits = descriptor.bitsAllocated();
    if (bits != 1 && bits != 8 && bits != 16) {
      throw new IllegalArgumentException(
          "BitsAllocated (0028,0100) of a segmentation must be 1, 8 or 16: " + bits);
    }
    boolean inMemory =
        ds.getFragments(Tag.PixelData) == null && ds.getBulkDataRef(Tag.PixelData) == null;
    byte[] all = inMemory ? ds.getBytes(Tag.PixelData) : null;
    long needed =
        ((long) descriptor.rows() * descriptor.columns() * frames.numberOfFrames() * bits + 7) / 8;
    this.nativeBytes = all != null && all.length >= needed ? all : null;
  }

  int rows() {
    return descriptor.rows();
  }

  int columns() {
    return descriptor.columns();
  }

  /**
   * Fills an output of {@code slots} planes of height × width with the given placements.
   *
   * @throws IOException when a frame cannot be read or decoded
   * @throws IllegalStateException when combined segments overlap (unless skipped) or fractional
   *     values cannot be combined
   */
  NdArray assemble(int slots, int height, int width, List<Placement> placements, Selection sel)
      throws IOException {
    int channels = sel.numbers.length;
    NdArray out =
        sel.combine
            ? NdArray.zeros(sel.dtype, slots, height, width)
            : NdArray.zeros(sel.dtype, slots, height, width, channels);
    // Placements at the same slot and offset may write the same output elements: one task each.
    Map<Long, List<Placement>> groups = new LinkedHashMap<>();
    for (Placement p : placements) {
      if (!labelmapFrames && sel.channel(segmentOfFrame[p.frame]) < 0) {
        continue;
      }
      long key = ((long) p.slot * 1_000_003L + p.rowOffset) * 1_000_003L + p.columnOffset;
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
    }
    if (groups.isEmpty()) {
      return out;
    }
    if (frames.numberOfFrames() > 0 && nativeBytes == null) {
      // Locates encapsulated fragments once, before tasks run concurrently.
      frames.rawFrame(placements.get(0).frame);
    }
    AtomicReference<String> problem = new AtomicReference<>();
    List<List<Placement>> work = new ArrayList<>(groups.values());
    int tasks = Math.min(work.size(), Math.max(1, Runtime.getRuntime().availableProcessors() * 4));
    List<CompletableFuture<Void>> futures = new ArrayList<>();
    for (int t = 0; t < tasks; t++) {
      final int first = t;
      final int step = tasks;
      futures.add(
          CompletableFuture.runAsync(
              () -> {
                Worker w = new Worker(out, height, width, sel, problem);
                for (int i = first; i < work.size(); i += step) {
                  for (Placement p : work.get(i)) {
                    try {
                      w.write(p);
                    } catch (IOException e) {
                      throw new UncheckedIOException(e);
                    }
                  }
                }
              },
              executor));
    }
    try {
      CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).join();
    } catch (CompletionException e) {
      Throwable c = e.getCause();
      if (c instanceof UncheckedIOException) {
        throw ((UncheckedIOException) c).getCause();
      }
      if (c instanceof RuntimeException) {
        throw (RuntimeException) c;
      }
      throw e;
    }
    if (problem.get() != null) {
      throw new IllegalStateException(problem.get());
    }
    return out;
  }

  /** Per-task state: writes the non-zero pixels of frames into the output. */
  private final class Worker {
    private final NdArray out;
    private final Object data;
    private final int base0;
    private final int height;
    private final int width;
    private final Selection sel;
    private final AtomicReference<String> problem;
    private final int channels;
    private final int rows;
    private final int cols;
    // state of the frame being written
    private boolean simple;
    private int slotBase;
    private int rowOffset;
    private int columnOffset;
    private int segment;
    private int channel;

    Worker(NdArray out, int height, int width, Selection sel, AtomicReference<String> problem) {
      this.out = out;
      this.data = out.data();
      this.base0 = out.offset();
      this.height = height;
      this.width = width;
      this.sel = sel;
      this.problem = problem;
      this.channels = sel.numbers.length;
      this.rows = descriptor.rows();
      this.cols = descriptor.columns();
    }

    void write(Placement p) throws IOException {
      rowOffset = p.rowOffset;
      columnOffset = p.columnOffset;
      simple = rowOffset == 0 && columnOffset == 0 && height == rows && width == cols;
      slotBase = p.slot * height * width;
      if (!labelmapFrames) {
        segment = segmentOfFrame[p.frame];
        channel = sel.channel(segment);
      }
      int ppf = rows * cols;
      if (nativeBytes != null) {
        long start = (long) p.frame * ppf;
        if (bits == 1 && simple && data instanceof byte[] && (start & 7) == 0 && ppf % 8 == 0) {
          packedToBytes(nativeBytes, (int) (start >>> 3), ppf);
        } else if (bits == 1) {
          visitPacked(nativeBytes, start, ppf);
        } else if (bits == 8) {
          visit8(nativeBytes, (int) start, ppf);
        } else {
          visit16(nativeBytes, (int) (2 * start), ppf);
        }
        return;
      }
      byte[] decoded = frames.decode(p.frame).data();
      if (bits == 16) {
        visit16(decoded, 0, ppf);
      } else {
        visit8(decoded, 0, ppf);
      }
    }

    /**
     * The common case of BINARY frames, byte-aligned in memory, written into a byte output of the
     * frame's shape: whole zero bytes (eight pixels) are skipped, set bits written directly.
     */
    private void packedToBytes(byte[] a, int from, int n) {
      byte[] dst = (byte[]) data;
      int stride = sel.combine ? 1 : channels;
      int base = base0 + slotBase * stride + (sel.combine ? 0 : channel);
      byte value = sel.combine ? (byte) sel.labelOf[channel] : 1;
      int bytes = n >>> 3;
      for (int b = 0; b < bytes; b++) {
        int v = a[from + b] & 0xff;
        if (v == 0) {
          continue;
        }
        int p = b << 3;
        for (int k = 0; k < 8; k++) {
          if ((v & (1 << k)) == 0) {
            continue;
          }
          int i = base + (p + k) * stride;
          byte existing = dst[i];
          if (existing == 0 || !sel.combine) {
            dst[i] = value;
          } else if (existing != value) {
            // Rare: overlap in a combined output; the general path reports it.
            hit(p + k, 1);
          }
        }
      }
    }

    private void visitPacked(byte[] a, long startBit, int n) {
      int p = 0;
      while (p < n) {
        long b = startBit + p;
        int idx = (int) (b >>> 3);
        int shift = (int) (b & 7);
        if (shift == 0 && p + 8 <= n) {
          int v = a[idx] & 0xff;
          if (v != 0) {
            for (int k = 0; k < 8; k++) {
              if ((v & (1 << k)) != 0) {
                hit(p + k, 1);
              }
            }
          }
          p += 8;
        } else {
          if ((a[idx] & (1 << shift)) != 0) {
            hit(p, 1);
          }
          p++;
        }
      }
    }

    private void visit8(byte[] a, int offset, int n) {
      for (int p = 0; p < n; p++) {
        int v = a[offset + p] & 0xff;
        if (v != 0) {
          hit(p, v);
        }
      }
    }

    private void visit16(byte[] a, int offset, int n) {
      for (int p = 0; p < n; p++) {
        int v = (a[offset + 2 * p] & 0xff) | (a[offset + 2 * p + 1] & 0xff) << 8;
        if (v != 0) {
          hit(p, v);
        }
      }
    }

    private void hit(int p, int v) {
      int pixel;
      if (simple) {
        pixel = slotBase + p;
      } else {
        int r = p / cols + rowOffset;
        int c = p % cols + columnOffset;
        if (r < 0 || r >= height || c < 0 || c >= width) {
          return;
        }
        pixel = slotBase + r * width + c;
      }
      int seg = segment;
      int ch = channel;
      if (labelmapFrames) {
        seg = v;
        ch = sel.channel(v);
        if (ch < 0) {
          return;
        }
      }
      if (!sel.combine) {
        int i = base0 + pixel * channels + ch;
        if (sel.fractional) {
          if (sel.rescale) {
            setDouble(i, v / (double) sel.maxFractional);
          } else {
            setLong(i, v);
          }
        } else {
          setLong(i, 1);
        }
        return;
      }
      if (sel.fractional && v != sel.maxFractional) {
        problem.compareAndSet(
            null,
            "Segments of a FRACTIONAL segmentation can only be combined when every value is 0 or"
                + " MaximumFractionalValue (0062,000E) "
                + sel.maxFractional
                + ": segment "
                + seg
                + " holds "
                + v);
        return;
      }
      int label = sel.labelOf[ch];
      int i = base0 + pixel;
      long existing = getLong(i);
      if (existing == 0) {
        setLong(i, label);
      } else if (existing != label) {
        if (!sel.skipOverlapChecks) {
          int other = sel.numbers[0];
          for (int k = 0; k < sel.numbers.length; k++) {
            if (sel.labelOf[k] == existing) {
              other = sel.numbers[k];
            }
          }
          problem.compareAndSet(
              null,
              "Segments "
                  + Math.min(other, seg)
                  + " and "
                  + Math.max(other, seg)
                  + " overlap, so they cannot be combined into one label map (expected no"
                  + " overlap; use skipOverlapChecks to let the highest label win)");
        }
        if (label > existing) {
          setLong(i, label);
        }
      }
    }

    private long getLong(int i) {
      if (data instanceof byte[]) {
        return ((byte[]) data)[i] & 0xff;
      }
      return out.getFlatLong(i - base0);
    }

    private void setLong(int i, long v) {
      if (data instanceof byte[]) {
        ((byte[]) data)[i] = (byte) v;
      } else if (data instanceof short[]) {
        ((short[]) data)[i] = (short) v;
      } else {
        out.setFlatDouble(i - base0, v);
      }
    }

    private void setDouble(int i, double v) {
      if (data instanceof float[]) {
        ((float[]) data)[i] = (float) v;
      } else {
        out.setFlatDouble(i - base0, v);
      }
    }
  }

  @Override
  public String toString() {
    return "SegmentPixelReader[" + descriptor + ", frames=" + frames.numberOfFrames() + "]";
  }
}
