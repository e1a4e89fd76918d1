package org.highdicom4j.seg;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executor;
import org.highdicom4j.dicom.data.BulkDataSource;
import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * A value held in memory without its all-zero blocks: the Pixel Data of a BINARY segmentation is
 * mostly zero bits (each frame holds one segment of one plane), so reading keeps only the 32-byte
 * blocks with a set bit. Reads return the value's bytes as stored, zeros filled in. Immutable and
 * thread-safe.
 */
final class SparseBulkData implements BulkDataSource {
  static final int BLOCK = 32;
  private static final int CHUNK = 1 << 20;

  /** Blocks per page: 1 MiB pages, which G1 with 1 MiB regions never copies. */
  static final int PAGE_BITS = 15;

  private static final int PAGE_BLOCKS = 1 << PAGE_BITS;

  private final String description;
  private final long length;

  /** Numbers (offset / BLOCK) of the stored blocks, ascending. */
  private final int[] blocks;

  /**
   * Where each stored block is: page {@code slot >>> PAGE_BITS}, at BLOCK times {@code slot &
   * (PAGE_BLOCKS - 1)}. Pages fill as blocks arrive, so nothing is copied to grow.
   */
  private final int[] slots;

  /** BLOCK bytes per stored block, the last one of the value zero-padded. */
  private final byte[][] pages;

  private SparseBulkData(
      String description, long length, int[] blocks, int[] slots, byte[][] pages) {
    this.description = description;
    this.length = length;
    this.blocks = blocks;
    this.slots = slots;
    this.pages = pages;
  }

  /**
   * Reads a value from a file, keeping the blocks that are not all zero.
   *
   * @param file the file
   * @param offset position of the value
   * @param length length of the value
   * @param maxStoredFraction the largest fraction of blocks worth storing this way (0.5: beyond it,
   *     a plain array is smaller)
   * @param executor runs parts of a large value in parallel
   * @return the value, or null when more than {@code maxStoredFraction} of its blocks hold data
   * @throws IOException when the file cannot be read or ends inside the value
   */
  static SparseBulkData read(
      Path file, long offset, long length, double maxStoredFraction, Executor executor)
      throws IOException {
    long total = (length + BLOCK - 1) / BLOCK;
    if (total > Integer.MAX_VALUE) {
      return null;
    }
    // Parts of whole chunks read in parallel: copying from the page cache is CPU-bound.
    int parts =
        (int)
            Math.max(
                1, Math.min(Runtime.getRuntime().availableProcessors(), length / (8L * CHUNK)));
    long partLength = ((length + parts - 1) / parts + CHUNK - 1) / CHUNK * CHUNK;
    Part[] results = new Part[parts];
    try {
      SegmentationPixelData.parallelFor(
          parts,
          executor,
          i -> {
            try {
              long from = Math.min(length, i * partLength);
              long to = Math.min(length, from + partLength);
              results[i] = readPart(file, offset, length, from, to, maxStoredFraction);
            } catch (IOException e) {
              throw new UncheckedIOException(e);
            }
          });
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    int count = 0;
    int pageCount = 0;
    for (Part r : results) {
      if (r == null) {
        return null;
      }
      count += r.count;
      pageCount += r.pages.size();
    }
    int[] blocks = new int[count];
    int[] slots = new int[count];
    byte[][] pages = new byte[pageCount][];
    int at = 0;
    int firstPage = 0;
    for (Part r : results) {
      System.arraycopy(r.blocks, 0, blocks, at, r.count);
      for (int j = 0; j < r.count; j++) {
        slots[at + j] = (firstPage + (j >>> PAGE_BITS)) << PAGE_BITS | (j & (PAGE_BLOCKS - 1));
      }
      for (byte[] page : r.pages) {
        pages[firstPage++] = page;
      }
      at += r.count;
    }
    return new SparseBulkData(file.toString(), length, blocks, slots, pages);
  }

  /** The stored blocks of one part of a value. */
  private record Part(int[] blocks, List<byte[]> pages, int count) {}

  /** Reads bytes [from, to) of a value (from a multiple of BLOCK), or null when too dense. */
  private static Part readPart(
      Path file, long offset, long length, long from, long to, double maxStoredFraction)
      throws IOException {
    long total = (to - from + BLOCK - 1) / BLOCK;
    int[] blocks = new int[1024];
    List<byte[]> pages = new ArrayList<>();
    // small values take a page of their own size
    int pageBlocks = (int) Math.min(PAGE_BLOCKS, total);
    byte[] page = null;
    int count = 0;
    // A direct buffer: the channel reads into it without the copy a heap array costs.
    ByteBuffer buf = ByteBuffer.allocateDirect(CHUNK + BLOCK).order(ByteOrder.LITTLE_ENDIAN);
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      for (long pos = from; pos < to; ) {
        int n = (int) Math.min(CHUNK, to - pos);
        buf.clear().limit(n);
        while (buf.hasRemaining()) {
          if (ch.read(buf, offset + pos + buf.position()) < 0) {
            throw new DicomStreamException(
                "file ends inside a value of " + length + " bytes in " + file,
                offset + pos + buf.position(),
                DicomStreamException.UNKNOWN);
          }
        }
        buf.limit(CHUNK + BLOCK);
        for (int k = n; k % BLOCK != 0; k++) {
          buf.put(k, (byte) 0);
        }
        int first = (int) (pos / BLOCK);
        for (int b = 0; b < n; b += BLOCK) {
          if ((buf.getLong(b) | buf.getLong(b + 8) | buf.getLong(b + 16) | buf.getLong(b + 24))
              == 0) {
            continue;
          }
          if (count == blocks.length) {
            if (count > maxStoredFraction * total) {
              return null;
            }
            blocks = Arrays.copyOf(blocks, count * 2);
          }
          int inPage = count & (PAGE_BLOCKS - 1);
          if (inPage == 0) {
            page = new byte[pageBlocks * BLOCK];
            pages.add(page);
          }
          blocks[count] = first + b / BLOCK;
          buf.get(b, page, inPage * BLOCK, BLOCK);
          count++;
        }
        pos += n;
      }
    }
    if (count > maxStoredFraction * total) {
      return null;
    }
    return new Part(blocks, pages, count);
  }

  /** Returns the number of bytes held in pages. */
  long storedBytes() {
    long n = 0;
    for (byte[] page : pages) {
      n += page.length;
    }
    return n;
  }

  /** Returns the length of the value. */
  long length() {
    return length;
  }

  /** Block numbers (offset / BLOCK) of the stored blocks, ascending; not to be modified. */
  int[] blocks() {
    return blocks;
  }

  /** Where each block of {@link #blocks()} is held (see {@link #page}); not to be modified. */
  int[] slots() {
    return slots;
  }

  /** Returns the page holding a slot; the block is at BLOCK × {@code slot & (2^PAGE_BITS - 1)}. */
  byte[] page(int slot) {
    return pages[slot >>> PAGE_BITS];
  }

  /** Returns the index of the first stored block at or after a byte offset. */
  int firstBlockAtOrAfter(long offset) {
    int i = Arrays.binarySearch(blocks, (int) (offset / BLOCK));
    return i < 0 ? -i - 1 : i;
  }

  @Override
  public void read(long offset, byte[] dest, int destOffset, int len) {
    if (offset < 0 || len < 0 || offset + len > length) {
      throw new IndexOutOfBoundsException(
          "Value holds " + length + " bytes: " + offset + " + " + len);
    }
    Arrays.fill(dest, destOffset, destOffset + len, (byte) 0);
    long end = offset + len;
    for (int i = firstBlockAtOrAfter(offset); i < blocks.length; i++) {
      long start = (long) blocks[i] * BLOCK;
      if (start >= end) {
        break;
      }
      long s = Math.max(start, offset);
      long e = Math.min(start + BLOCK, end);
      int slot = slots[i];
      System.arraycopy(
          pages[slot >>> PAGE_BITS],
          (slot & (PAGE_BLOCKS - 1)) * BLOCK + (int) (s - start),
          dest,
          destOffset + (int) (s - offset),
          (int) (e - s));
    }
  }

  @Override
  public String description() {
    return description + " (BINARY segmentation frames in memory)";
  }
}
