package org.highdicom4j.dicom.data;

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

  /** Returns a description of the source for messages (e.g. its path). */
  String description();
}
