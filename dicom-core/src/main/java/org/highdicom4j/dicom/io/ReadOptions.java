package org.highdicom4j.dicom.io;

/**
 * Options of {@link DicomReader}.
 *
 * @param stopBeforePixelData stop reading at the first top-level Pixel Data, Float Pixel Data or
 *     Double Float Pixel Data element (7FE0,0008/0009/0010), which is then absent
 * @param bulkDataThreshold values longer than this many bytes are not loaded but kept as {@link
 *     org.highdicom4j.dicom.data.BulkDataRef} read on demand; only for sources that can be read
 *     again (a file or a byte array), otherwise ignored
 * @param maxDepth the deepest sequence nesting accepted; deeper input is rejected as malformed, and
 *     so is input nested deeper than the reading thread's stack can follow
 */
public record ReadOptions(boolean stopBeforePixelData, long bulkDataThreshold, int maxDepth) {

  /** Reads everything into memory. */
  public static final ReadOptions DEFAULT = new ReadOptions(false, Long.MAX_VALUE, 64);

  /** Validates the options. */
  public ReadOptions {
    if (bulkDataThreshold < 0) {
      throw new IllegalArgumentException("bulkDataThreshold must be ≥ 0: " + bulkDataThreshold);
    }
    if (maxDepth < 1) {
      throw new IllegalArgumentException("maxDepth must be ≥ 1: " + maxDepth);
    }
  }

  /**
   * Returns these options with pixel data skipped (the data set then ends before it).
   *
   * @param stop whether to stop before pixel data
   * @return the new options
   */
  public ReadOptions withStopBeforePixelData(boolean stop) {
    return new ReadOptions(stop, bulkDataThreshold, maxDepth);
  }

  /**
   * Returns these options with a bulk data threshold.
   *
   * @param threshold values longer than this (bytes) are read on demand
   * @return the new options
   */
  public ReadOptions withBulkDataThreshold(long threshold) {
    return new ReadOptions(stopBeforePixelData, threshold, maxDepth);
  }
}
