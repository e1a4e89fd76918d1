package org.highdicom4j.dicom.json;

import java.io.IOException;
import java.util.Objects;
import org.highdicom4j.dicom.data.BulkDataRef;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.data.VR;

/**
 * A binary value that {@link DicomJsonWriter} is about to write as a Bulk Data URI (PS3.18 F.2.6),
 * handed to the URI provider of {@link JsonWriteOptions}.
 *
 * @param dataset the data set (or sequence item) that holds the element
 * @param tag the element's tag
 * @param vr the element's VR
 * @param length the value's length in bytes (for encapsulated pixel data, that of the encapsulated
 *     stream, see {@link #load()})
 * @param value the value as stored: {@code byte[]}, {@link BulkDataRef} or {@link Fragments}
 */
public record BulkDataContext(DicomDataset dataset, int tag, VR vr, long length, Object value) {

  /** Checks for nulls. */
  public BulkDataContext {
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(vr, "vr");
    Objects.requireNonNull(value, "value");
  }

  /**
   * Returns the value's bytes as InlineBinary would hold them: little-endian for binary VRs, and
   * for encapsulated pixel data the items with their headers.
   *
   * @return the bytes (for an in-memory value, the stored array: do not modify)
   * @throws IOException when a value held by reference cannot be read
   */
  public byte[] load() throws IOException {
    if (value instanceof byte[]) {
      return (byte[]) value;
    }
    if (value instanceof BulkDataRef) {
      return ((BulkDataRef) value).load();
    }
    return Encapsulation.encode((Fragments) value);
  }
}
