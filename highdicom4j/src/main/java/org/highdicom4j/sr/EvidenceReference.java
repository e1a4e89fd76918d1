package org.highdicom4j.sr;

import java.util.Objects;

/**
 * One composite SOP instance listed as evidence of an SR or Key Object Selection document (an item
 * of the Hierarchical SOP Instance Reference Macro, PS3.3 Table C.17-3): its study, series,
 * instance and class; the tuples highdicom's {@code get_evidence} returns.
 *
 * @param studyInstanceUid Study Instance UID (0020,000D)
 * @param seriesInstanceUid Series Instance UID (0020,000E)
 * @param sopInstanceUid Referenced SOP Instance UID (0008,1155)
 * @param sopClassUid Referenced SOP Class UID (0008,1150)
 */
public record EvidenceReference(
    String studyInstanceUid, String seriesInstanceUid, String sopInstanceUid, String sopClassUid) {
  /** Checks for nulls. */
  public EvidenceReference {
    Objects.requireNonNull(studyInstanceUid, "studyInstanceUid");
    Objects.requireNonNull(seriesInstanceUid, "seriesInstanceUid");
    Objects.requireNonNull(sopInstanceUid, "sopInstanceUid");
    Objects.requireNonNull(sopClassUid, "sopClassUid");
  }
}
