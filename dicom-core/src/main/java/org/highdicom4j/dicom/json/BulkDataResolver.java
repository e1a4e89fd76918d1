package org.highdicom4j.dicom.json;

import java.io.IOException;
import java.util.Objects;
import java.util.function.Function;
import org.highdicom4j.dicom.data.BulkDataRef;
import org.highdicom4j.dicom.data.VR;

/**
 * Turns the Bulk Data URI (PS3.18 F.2.6) of an attribute read by {@link DicomJsonReader} into the
 * value to store in the data set.
 */
@FunctionalInterface
public interface BulkDataResolver {

  /**
   * Resolves a Bulk Data URI.
   *
   * @param tag the attribute's tag
   * @param vr the attribute's VR
   * @param uri the BulkDataURI as written in the JSON
   * @return a {@code byte[]} (the value, little-endian for binary VRs), a {@link BulkDataRef} to
   *     read it from later, or null to leave the value empty
   * @throws IOException when the bulk data cannot be fetched
   */
  Object resolve(int tag, VR vr, String uri) throws IOException;

  /**
   * Returns the default resolver: the value becomes a {@link BulkDataRef} that holds only the URI
   * (no source, length 0), for the caller to fetch when it needs the value.
   *
   * @return the resolver
   */
  static BulkDataResolver keepUri() {
    return (tag, vr, uri) -> new BulkDataRef(null, 0, 0, 0, uri);
  }

  /**
   * Returns a resolver that fetches the bytes at once.
   *
   * @param loader gives the value's bytes for a URI (null to leave the value empty)
   * @return the resolver
   */
  static BulkDataResolver loading(Function<String, byte[]> loader) {
    Objects.requireNonNull(loader, "loader");
    return (tag, vr, uri) -> loader.apply(uri);
  }

  /**
   * Returns a resolver that maps each URI to a reference read on demand, e.g. to a range of a local
   * file.
   *
   * @param referencer gives the reference for a URI (null to leave the value empty)
   * @return the resolver
   */
  static BulkDataResolver referencing(Function<String, BulkDataRef> referencer) {
    Objects.requireNonNull(referencer, "referencer");
    return (tag, vr, uri) -> referencer.apply(uri);
  }
}
