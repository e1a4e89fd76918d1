package org.highdicom4j.dicom.json;

import java.util.function.Function;

/**
 * Options of {@link DicomJsonWriter} for the DICOM JSON Model (PS3.18 Annex F.2).
 *
 * @param pretty true for indented output on several lines, false for compact output on one line
 * @param bulkDataThreshold binary values (VR OB, OD, OF, OL, OV, OW, UN) longer than this many
 *     bytes are written as BulkDataURI given by {@code bulkDataUriProvider}; others as InlineBinary
 * @param bulkDataUriProvider gives the Bulk Data URI of a value above the threshold (returning null
 *     writes it inline); null to write every value inline
 * @param includeGroupLength true to write Group Length (gggg,0000) elements, which F.2.2 excludes
 *     from conformant DICOM JSON (hence false by default)
 * @param includeFileMetaInformation true to write File Meta Information (0002,eeee) elements found
 *     in the data set or given by a {@link org.highdicom4j.dicom.io.DicomFile}
 */
public record JsonWriteOptions(
    boolean pretty,
    long bulkDataThreshold,
    Function<BulkDataContext, String> bulkDataUriProvider,
    boolean includeGroupLength,
    boolean includeFileMetaInformation) {

  /** Compact output, every value inline, no group lengths, no File Meta Information. */
  public static final JsonWriteOptions DEFAULT =
      new JsonWriteOptions(false, Long.MAX_VALUE, null, false, false);

  /** Validates the options. */
  public JsonWriteOptions {
    if (bulkDataThreshold < 0) {
      throw new IllegalArgumentException("bulkDataThreshold must be ≥ 0: " + bulkDataThreshold);
    }
  }

  /**
   * Returns these options with indented or compact output.
   *
   * @param indent true for indented output
   * @return the new options
   */
  public JsonWriteOptions withPretty(boolean indent) {
    return new JsonWriteOptions(
        indent,
        bulkDataThreshold,
        bulkDataUriProvider,
        includeGroupLength,
        includeFileMetaInformation);
  }

  /**
   * Returns these options writing binary values above a threshold as Bulk Data URIs.
   *
   * @param threshold values longer than this many bytes get a URI
   * @param provider gives the URI of a value
   * @return the new options
   */
  public JsonWriteOptions withBulkData(long threshold, Function<BulkDataContext, String> provider) {
    return new JsonWriteOptions(
        pretty, threshold, provider, includeGroupLength, includeFileMetaInformation);
  }

  /**
   * Returns these options with or without Group Length (gggg,0000) elements.
   *
   * @param include true to write them (not conformant to F.2.2)
   * @return the new options
   */
  public JsonWriteOptions withGroupLength(boolean include) {
    return new JsonWriteOptions(
        pretty, bulkDataThreshold, bulkDataUriProvider, include, includeFileMetaInformation);
  }

  /**
   * Returns these options with or without File Meta Information (0002,eeee) elements.
   *
   * @param include true to write them
   * @return the new options
   */
  public JsonWriteOptions withFileMetaInformation(boolean include) {
    return new JsonWriteOptions(
        pretty, bulkDataThreshold, bulkDataUriProvider, includeGroupLength, include);
  }
}
