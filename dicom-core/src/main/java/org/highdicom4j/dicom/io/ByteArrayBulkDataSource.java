package org.highdicom4j.dicom.io;

import java.util.Objects;
import org.highdicom4j.dicom.data.BulkDataSource;

/** Bulk data held in a byte array the data set was parsed from. */
final class ByteArrayBulkDataSource implements BulkDataSource {
  private final byte[] bytes;

  ByteArrayBulkDataSource(byte[] bytes) {
    this.bytes = Objects.requireNonNull(bytes, "bytes");
  }

  @Override
  public void read(long offset, byte[] dest, int destOffset, int length)
      throws DicomStreamException {
    if (offset < 0 || offset + length > bytes.length) {
      throw new DicomStreamException(
          "bulk data lies outside the source array of " + bytes.length + " bytes",
          offset,
          DicomStreamException.UNKNOWN);
    }
    System.arraycopy(bytes, (int) offset, dest, destOffset, length);
  }

  @Override
  public String description() {
    return "byte array of " + bytes.length + " bytes";
  }
}
