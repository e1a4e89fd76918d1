package org.highdicom4j.dicom.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathBulkDataSourceTest {
  @TempDir Path dir;

  private Path file(byte[] content) throws IOException {
    Path p = dir.resolve("bulk.bin");
    Files.write(p, content);
    return p;
  }

  private static byte[] random(int n) {
    byte[] b = new byte[n];
    new Random(3).nextBytes(b);
    return b;
  }

  private static byte[] read(PathBulkDataSource s, int offset, int length) throws IOException {
    byte[] out = new byte[length];
    s.read(offset, out, 0, length);
    return out;
  }

  /**
   * While held, reads go through the one channel opened by the hold: they still succeed after the
   * file's name is removed (POSIX keeps an open file readable); once the hold is closed, the
   * channel is closed too and a read has to open the file again.
   */
  @Test
  void readsDuringAHoldShareOneOpenFileThatClosesWithTheHold() throws IOException {
    assumeFalse(
        System.getProperty("os.name").startsWith("Windows"), "an open file cannot be deleted");
    byte[] content = random(10_000);
    Path p = file(content);
    PathBulkDataSource s = new PathBulkDataSource(p);
    Closeable outer = s.hold();
    Closeable inner = s.hold();
    Files.delete(p);
    assertArrayEquals(Arrays.copyOfRange(content, 100, 400), read(s, 100, 300));
    inner.close();
    inner.close(); // a second close does not release the outer hold
    assertArrayEquals(Arrays.copyOfRange(content, 9_000, 10_000), read(s, 9_000, 1_000));
    outer.close();
    assertThrows(NoSuchFileException.class, () -> read(s, 0, 10));
  }

  @Test
  void readsWithoutAHoldOpenTheFileForThemselves() throws IOException {
    byte[] content = random(5_000);
    PathBulkDataSource s = new PathBulkDataSource(file(content));
    assertArrayEquals(Arrays.copyOfRange(content, 4_000, 5_000), read(s, 4_000, 1_000));
    DicomStreamException e = assertThrows(DicomStreamException.class, () -> read(s, 4_990, 20));
    assertArrayEquals(content, read(s, 0, 5_000), e.getMessage());
  }

  @Test
  void concurrentReadsDuringAHoldGetTheirOwnBytes() throws Exception {
    byte[] content = random(64 * 1024);
    PathBulkDataSource s = new PathBulkDataSource(file(content));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try (Closeable held = s.hold()) {
      List<Future<byte[]>> parts = new ArrayList<>();
      for (int k = 0; k < 64; k++) {
        final int at = k * 1024;
        parts.add(pool.submit(() -> read(s, at, 1024)));
      }
      for (int k = 0; k < 64; k++) {
        assertArrayEquals(
            Arrays.copyOfRange(content, k * 1024, (k + 1) * 1024), parts.get(k).get(), "" + k);
      }
      assertArrayEquals(content, read(s, 0, content.length), held.toString());
    } finally {
      pool.shutdown();
    }
  }
}
