package org.highdicom4j.dicom.data;

import java.io.IOException;
import java.util.Objects;
import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * A reference to a value that was not loaded when its data set was read: its source, offset and
 * length, read on demand (PS3.18 calls such values bulk data).
 *
 * @param source where the bytes are, or null when the value is only known by {@code uri}
 * @param offset position of the first byte of the value in {@code source}
 * @param length length of the value in bytes
 * @param swapUnit 0 when the bytes are stored as they should be returned; 2, 4 or 8 when they are
 *     big endian and every unit of that size must be byte-swapped to little endian on loading
 * @param uri a Bulk Data URI (DICOM JSON), or null
 */
public record BulkDataRef(
    BulkDataSource source, long offset, long length, int swapUnit, String uri) {

  /** Validates the fields. */
  public BulkDataRef {
    if (offset < 0 || length < 0) {
      throw new IllegalArgumentException(
          "Bulk data offset and length must be ≥ 0: " + offset + ", " + length);
    }
    if (swapUnit != 0 && swapUnit != 2 && swapUnit != 4 && swapUnit != 8) {
      throw new IllegalArgumentException("Bulk data swap unit must be 0, 2, 4 or 8: " + swapUnit);
    }
    if (source == null && uri == null) {
      throw new NullPointerException("source");
    }
  }

  /**
   * Creates a reference to bytes of a source stored as they should be returned.
   *
   * @param source the source
   * @param offset position of the value
   * @param length length of the value
   * @return the reference
   */
  public static BulkDataRef of(BulkDataSource source, long offset, long length) {
    Objects.requireNonNull(source, "source");
    return new BulkDataRef(source, offset, length, 0, null);
  }

  /**
   * Reads the value.
   *
   * @return a new array holding the value, little-endian for binary VRs
   * @throws IOException when the source cannot be read or is only a URI
   */
  public byte[] load() throws IOException {
    if (source == null) {
      throw new DicomStreamException("Bulk data at " + uri + " has no local source to read from");
    }
    if (length > Integer.MAX_VALUE - 8) {
      throw new DicomStreamException(
          "Bulk data value is too long to load into one array (expected < 2 GiB): " + length,
          offset,
          DicomStreamException.UNKNOWN);
    }
    byte[] out = new byte[(int) length];
    source.read(offset, out, 0, out.length);
    if (swapUnit > 1) {
      ByteSwap.swap(out, 0, out.length, swapUnit);
    }
    return out;
  }
}
