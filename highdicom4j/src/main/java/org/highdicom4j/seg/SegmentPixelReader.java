package org.highdicom4j.seg;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
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
import org.highdicom4j.dicom.data.BulkDataRef;
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
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

  /** For each byte value, a long with byte k set to 1 where bit k of the value is set. */
  private static final long[] SPREAD = new long[256];

  static {
    for (int v = 0; v < 256; v++) {
      for (int k = 0; k < 8; k++) {
        if ((v & (1 << k)) != 0) {
          SPREAD[v] |= 1L << (8 * k);
        }
      }
    }
  }

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

  /** Native BINARY Pixel Data not held in memory (read lazily, or built), else null. */
  private final BulkDataRef packedRef;

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
    BulkDataRef ref = ds.getBulkDataRef(Tag.PixelData);
    this.packedRef =
        bits == 1
                && ref != null
                && ref.source() != null
                && ref.swapUnit() <= 1
                && ref.length() >= needed
                && ds.getFragments(Tag.PixelData) == null
            ? ref
            : null;
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
    // One open file for all frames of this query, not one per frame.
    Closeable held = frames.hold();
    try {
      return assemble(out, height, width, groups, placements, sel);
    } finally {
      held.close();
    }
  }

  private NdArray assemble(
      NdArray out,
      int height,
      int width,
      Map<Long, List<Placement>> groups,
      List<Placement> placements,
      Selection sel)
      throws IOException {
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
                  w.exclusive = work.get(i).size() == 1;
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

  /**
   * Returns {@code len} (1..64) pixels of a bit-packed stream from bit {@code bit} on (PS3.5 8.1.1:
   * pixel i is bit i % 8 of byte i / 8), pixel k at bit k of the result and zero above {@code len}.
   * Only bytes holding those pixels are read.
   */
  static long word(byte[] a, long bit, int len) {
    int idx = (int) (bit >>> 3);
    int sh = (int) (bit & 7);
    long w;
    if (idx + 8 < a.length) {
      w = (long) LONGS.get(a, idx) >>> sh;
      if (sh != 0) {
        w |= (a[idx + 8] & 0xffL) << (64 - sh);
      }
    } else {
      w = 0;
      int bytes = (sh + len + 7) >>> 3;
      for (int b = 0; b < Math.min(bytes, 8); b++) {
        w |= (a[idx + b] & 0xffL) << (8 * b);
      }
      w >>>= sh;
      if (bytes == 9) {
        w |= (a[idx + 8] & 0xffL) << (64 - sh);
      }
    }
    return len == 64 ? w : w & ((1L << len) - 1);
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
    private byte[] buffer;

    /** Whether the frame being written is the only one of its slot (nothing to overlap). */
    private boolean exclusive;

    /** Output label of each 8-bit label map value (0: not selected), for {@link #translate8}. */
    private int[] labelOfValue;

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
      long start = (long) p.frame * ppf;
      if (bits == 1 && packedRef != null && packedRef.source() instanceof SparseBulkData) {
        sparseFrame((SparseBulkData) packedRef.source(), packedRef.offset() * 8 + start, ppf);
        return;
      }
      if (bits == 1 && (nativeBytes != null || packedRef != null)) {
        byte[] a = nativeBytes;
        if (a == null) {
          // Only this frame's bytes; it starts at bit (start & 7) of the first one.
          long from = start >>> 3;
          int len = (int) (((start + ppf + 7) >>> 3) - from);
          if (buffer == null || buffer.length < len) {
            buffer = new byte[len];
          }
          packedRef.source().read(packedRef.offset() + from, buffer, 0, len);
          a = buffer;
          start &= 7;
        }
        if (simple && sel.combine && data instanceof byte[]) {
          combinePackedBytes(a, start, ppf);
        } else {
          visitPacked(a, start, ppf);
        }
        return;
      }
      boolean translate =
          labelmapFrames
              && bits == 8
              && sel.combine
              && exclusive
              && simple
              && data instanceof byte[];
      if (nativeBytes != null) {
        if (translate) {
          translate8(nativeBytes, (int) start, ppf);
        } else if (bits == 8) {
          visit8(nativeBytes, (int) start, ppf);
        } else {
          visit16(nativeBytes, (int) (2 * start), ppf);
        }
        return;
      }
      byte[] decoded = frames.decode(p.frame).data();
      if (translate) {
        translate8(decoded, 0, ppf);
      } else if (bits == 16) {
        visit16(decoded, 0, ppf);
      } else {
        visit8(decoded, 0, ppf);
      }
    }

    /**
     * The common case of BINARY frames written into a combined byte label map of the frame's shape:
     * 64 pixels are looked at as one word and zero words skipped; each non-zero byte of it (eight
     * pixels) is written as one long into free (or already equal) output bytes.
     */
    private void combinePackedBytes(byte[] a, long startBit, int n) {
      for (int p = 0; p < n; p += 64) {
        long w = word(a, startBit + p, Math.min(64, n - p));
        if (w != 0) {
          combineWord(w, p, n);
        }
      }
    }

    /**
     * Writes pixels p + k (k = 0..63, bit k of w set) of a frame of n pixels into a combined byte
     * label map of the frame's shape: each non-zero byte of w (eight pixels) as one long into free
     * (or already equal) output bytes.
     */
    private void combineWord(long w, int p, int n) {
      byte[] dst = (byte[]) data;
      int at = base0 + slotBase + p;
      long labelByte = sel.labelOf[channel] & 0xffL;
      while (w != 0) {
        // Eight pixels at a time: their bits spread to one byte each, scaled by the label.
        int j = Long.numberOfTrailingZeros(w) & ~7;
        long spread = SPREAD[(int) (w >>> j) & 0xff];
        w &= ~(0xffL << j);
        if (p + j + 8 > n) {
          // The frame's last pixels: a long would reach past its plane.
          hitSpread(spread, p + j);
          continue;
        }
        int i = at + j;
        long existing = (long) LONGS.get(dst, i);
        long mine = existing & (spread * 0xff);
        if (mine == 0) {
          LONGS.set(dst, i, existing | spread * labelByte);
        } else if (mine != spread * labelByte) {
          // Rare: overlap in a combined output; the general path reports it pixel by pixel.
          hitSpread(spread, p + j);
        }
      }
    }

    /**
     * Writes one frame of n pixels from bit {@code startBit} of sparse Pixel Data: only its stored
     * blocks are looked at, 64 bits at a time, clipped to the frame.
     */
    private void sparseFrame(SparseBulkData sparse, long startBit, int n) {
      boolean fast = simple && sel.combine && data instanceof byte[];
      int[] blocks = sparse.blocks();
      int[] slots = sparse.slots();
      int inPageMask = (1 << SparseBulkData.PAGE_BITS) - 1;
      long endBit = startBit + n;
      for (int i = sparse.firstBlockAtOrAfter(startBit >>> 3); i < blocks.length; i++) {
        long blockBit = (long) blocks[i] * SparseBulkData.BLOCK * 8;
        if (blockBit >= endBit) {
          break;
        }
        byte[] page = sparse.page(slots[i]);
        int at = (slots[i] & inPageMask) * SparseBulkData.BLOCK;
        for (int k = 0; k < SparseBulkData.BLOCK; k += 8) {
          long w = (long) LONGS.get(page, at + k);
          if (w == 0) {
            continue;
          }
          long p = blockBit + 8L * k - startBit;
          if (p < 0) {
            if (p <= -64) {
              continue;
            }
            w >>>= -p;
            p = 0;
          }
          if (p >= n) {
            break;
          }
          if (p + 64 > n) {
            w &= (1L << (n - p)) - 1;
          }
          if (w == 0) {
            continue;
          }
          if (fast) {
            combineWord(w, (int) p, n);
          } else {
            while (w != 0) {
              hit((int) p + Long.numberOfTrailingZeros(w), 1);
              w &= w - 1;
            }
          }
        }
      }
    }

    private void hitSpread(long spread, int p) {
      for (int k = 0; k < 8; k++) {
        if ((spread >>> (8 * k) & 1) != 0) {
          hit(p + k, 1);
        }
      }
    }

    private void visitPacked(byte[] a, long startBit, int n) {
      for (int p = 0; p < n; p += 64) {
        long w = word(a, startBit + p, Math.min(64, n - p));
        while (w != 0) {
          hit(p + Long.numberOfTrailingZeros(w), 1);
          w &= w - 1;
        }
      }
    }

    /**
     * Writes an 8-bit label map frame into a byte output slot no other frame writes: each value
     * becomes its output label through a table, zero words skipped, nothing to check for overlap.
     */
    private void translate8(byte[] a, int offset, int n) {
      if (labelOfValue == null) {
        labelOfValue = new int[256];
        for (int v = 1; v < 256; v++) {
          int ch = sel.channel(v);
          labelOfValue[v] = ch < 0 ? 0 : sel.labelOf[ch];
        }
      }
      byte[] dst = (byte[]) data;
      int at = base0 + slotBase;
      int p = 0;
      for (int end = n - 7; p < end; p += 8) {
        long w = (long) LONGS.get(a, offset + p);
        while (w != 0) {
          int k = Long.numberOfTrailingZeros(w) >>> 3;
          dst[at + p + k] = (byte) labelOfValue[(int) (w >>> (k << 3)) & 0xff];
          w &= ~(0xffL << (k << 3));
        }
      }
      for (; p < n; p++) {
        dst[at + p] = (byte) labelOfValue[a[offset + p] & 0xff];
      }
    }

    private void visit8(byte[] a, int offset, int n) {
      int p = 0;
      for (int end = n - 7; p < end; p += 8) {
        long w = (long) LONGS.get(a, offset + p);
        while (w != 0) {
          int k = Long.numberOfTrailingZeros(w) >>> 3;
          hit(p + k, (int) (w >>> (k << 3)) & 0xff);
          w &= ~(0xffL << (k << 3));
        }
      }
      for (; p < n; p++) {
        int v = a[offset + p] & 0xff;
        if (v != 0) {
          hit(p, v);
        }
      }
    }

    private void visit16(byte[] a, int offset, int n) {
      int p = 0;
      for (int end = n - 3; p < end; p += 4) {
        long w = (long) LONGS.get(a, offset + 2 * p);
        while (w != 0) {
          int k = Long.numberOfTrailingZeros(w) >>> 4;
          hit(p + k, (int) (w >>> (k << 4)) & 0xffff);
          w &= ~(0xffffL << (k << 4));
        }
      }
      for (; p < n; p++) {
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
