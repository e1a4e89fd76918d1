package org.highdicom4j.dicom.json;

import java.util.Objects;

/**
 * Options of {@link DicomJsonReader} for the DICOM JSON Model (PS3.18 Annex F.2).
 *
 * @param bulkDataResolver turns BulkDataURI values into data set values
 * @param strict when true, deviations from PS3.18 that the reader could otherwise work around are
 *     rejected: a missing "vr", lower-case tag keys, unknown attribute properties, null entries in
 *     binary numeric values or sequences, numbers given for string VRs, several values for single
 *     valued text VRs, values containing a backslash, InlineBinary or BulkDataURI on VRs that F.2.2
 *     does not allow them for, base64 with line breaks, word values of odd length. When false (the
 *     default) these are accepted: the VR comes from the data dictionary, unknown properties are
 *     ignored, null binary values and sequence items are dropped or read as empty items.
 * @param maxDepth the deepest sequence nesting accepted; deeper input is rejected
 */
public record JsonReadOptions(BulkDataResolver bulkDataResolver, boolean strict, int maxDepth) {

  /** Tolerant reading; Bulk Data URIs kept as references holding only the URI; depth 64. */
  public static final JsonReadOptions DEFAULT =
      new JsonReadOptions(BulkDataResolver.keepUri(), false, 64);

  /** Validates the options. */
  public JsonReadOptions {
    Objects.requireNonNull(bulkDataResolver, "bulkDataResolver");
    if (maxDepth < 1 || maxDepth > 1000) {
      throw new IllegalArgumentException("maxDepth must be 1..1000: " + maxDepth);
    }
  }

  /**
   * Returns these options with another Bulk Data URI resolver.
   *
   * @param resolver the resolver
   * @return the new options
   */
  public JsonReadOptions withBulkDataResolver(BulkDataResolver resolver) {
    return new JsonReadOptions(resolver, strict, maxDepth);
  }

  /**
   * Returns these options with strict or tolerant reading.
   *
   * @param strictReading true to reject deviations from PS3.18
   * @return the new options
   */
  public JsonReadOptions withStrict(boolean strictReading) {
    return new JsonReadOptions(bulkDataResolver, strictReading, maxDepth);
  }

  /**
   * Returns these options with another sequence nesting limit.
   *
   * @param depth the deepest sequence nesting accepted
   * @return the new options
   */
  public JsonReadOptions withMaxDepth(int depth) {
    return new JsonReadOptions(bulkDataResolver, strict, depth);
  }
}
