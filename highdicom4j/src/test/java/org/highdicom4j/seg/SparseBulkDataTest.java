package org.highdicom4j.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;
import org.highdicom4j.dicom.io.DicomStreamException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A value read without its all-zero blocks reads back byte for byte. */
class SparseBulkDataTest {
  @TempDir Path dir;

  @Test
  void readsBackEveryRangeOfASparseValue() throws IOException {
    Random r = new Random(3);
    // 19 MiB + 13: read in parallel parts of several chunks, a partial last block
    byte[] value = new byte[19 * (1 << 20) + 13];
    for (int k = 0; k < 20000; k++) {
      value[r.nextInt(value.length)] = (byte) (1 + r.nextInt(255));
    }
    value[value.length - 1] = 7;
    byte[] file = new byte[value.length + 100];
    System.arraycopy(value, 0, file, 57, value.length);
    Path f = dir.resolve("v.bin");
    Files.write(f, file);
    SparseBulkData s = SparseBulkData.read(f, 57, value.length, 0.5, ForkJoinPool.commonPool());
    assertEquals(value.length, s.length());
    assertEquals(0, s.storedBytes() % SparseBulkData.BLOCK);
    byte[] all = new byte[value.length];
    s.read(0, all, 0, all.length);
    assertArrayEquals(value, all);
    for (int k = 0; k < 500; k++) {
      int off = r.nextInt(value.length);
      int len = r.nextInt(Math.min(5000, value.length - off) + 1);
      byte[] part = new byte[len + 3];
      s.read(off, part, 3, len);
      assertArrayEquals(
          Arrays.copyOfRange(value, off, off + len), Arrays.copyOfRange(part, 3, 3 + len));
    }
    assertThrows(
        IndexOutOfBoundsException.class, () -> s.read(value.length - 1, new byte[2], 0, 2));
  }

  @Test
  void densePixelDataIsNotWorthIt() throws IOException {
    byte[] value = new byte[100_000];
    new Random(1).nextBytes(value);
    Path f = dir.resolve("dense.bin");
    Files.write(f, value);
    assertNull(SparseBulkData.read(f, 0, value.length, 0.5, Runnable::run));
  }

  @Test
  void truncatedFileFails() throws IOException {
    Path f = dir.resolve("short.bin");
    Files.write(f, new byte[1000]);
    assertThrows(
        DicomStreamException.class, () -> SparseBulkData.read(f, 10, 2000, 0.5, Runnable::run));
    Path big = dir.resolve("short-big.bin");
    Files.write(big, new byte[20 << 20]);
    assertThrows(
        DicomStreamException.class,
        () -> SparseBulkData.read(big, 0, 30 << 20, 0.5, ForkJoinPool.commonPool()),
        "a part ending early, read on another thread");
  }
}
