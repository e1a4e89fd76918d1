package org.highdicom4j.dicom.data;

import java.io.Closeable;
import java.io.IOException;

/**
 * A random-access source of bytes that values kept as {@link BulkDataRef} are read from on demand,
 * typically the file a data set was read from.
 */
public interface BulkDataSource {

  /**
   * Reads {@code length} bytes starting at {@code offset} into {@code dest}.
   *
   * @param offset position in the source
   * @param dest destination array
   * @param destOffset first index written in {@code dest}
   * @param length number of bytes
   * @throws IOException when the bytes cannot be read, e.g. the file ends before {@code offset +
   *     length}
   */
  void read(long offset, byte[] dest, int destOffset, int length) throws IOException;

  /**
   * Keeps the source ready for reads until the returned handle is closed, so that the many reads of
   * one request for bulk data (e.g. the frames of a pixel query) share one open file instead of
   * opening it for each read. Handles may be held concurrently, from several threads, and nested;
   * closing a handle twice has no further effect. The default does nothing.
   *
   * @return the handle to close when the reads are done
   * @throws IOException when the source cannot be opened
   */
  default Closeable hold() throws IOException {
    return () -> {};
  }

  /** Returns a description of the source for messages (e.g. its path). */
  String description();
}
