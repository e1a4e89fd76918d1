package org.highdicom4j;

import java.util.Objects;

/**
 * The UIDs that identify a referenced SOP instance: Study Instance UID (0020,000D), Series Instance
 * UID (0020,000E) and Referenced SOP Instance UID (0008,1155); an item of highdicom's {@code
 * get_source_image_uids()} result.
 *
 * @param studyInstanceUid Study Instance UID (0020,000D) of the referenced instance
 * @param seriesInstanceUid Series Instance UID (0020,000E) of the referenced instance
 * @param sopInstanceUid SOP Instance UID of the referenced instance
 */
public record InstanceUids(
    String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid) {
  /** Checks for null. */
  public InstanceUids {
    Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
    Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
    Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
  }
}
