package org.highdicom4j.seg;

import java.util.Objects;

/**
 * One source image a derived image references (Referenced Series Sequence (0008,1115) and Source
 * Image Sequence (0008,2112)): the (study, series, instance) UID triple of highdicom's {@code
 * get_source_image_uids()}.
 *
 * @param studyInstanceUid Study Instance UID (0020,000D) of the source
 * @param seriesInstanceUid Series Instance UID (0020,000E) of the source, or null when the
 *     segmentation does not record it
 * @param sopInstanceUid Referenced SOP Instance UID (0008,1155)
 */
public record SourceImageReference(
    String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid) {
  /** Checks that the instance UID is present. */
  public SourceImageReference {
    Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
  }
}
