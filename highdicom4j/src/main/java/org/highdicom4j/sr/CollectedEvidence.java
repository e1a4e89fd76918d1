package org.highdicom4j.sr;

import java.util.List;

/**
 * The evidence of an SR document split as the document's evidence sequences hold it; the result of
 * {@link SrUtils#collectEvidence}.
 *
 * @param current the instances for Current Requested Procedure Evidence Sequence (0040,A375):
 *     referenced by the content tree and part of the document's study
 * @param other the instances for Pertinent Other Evidence Sequence (0040,A385): referenced
 *     instances of other studies and instances the content does not reference
 */
public record CollectedEvidence(List<EvidenceReference> current, List<EvidenceReference> other) {
  /** Copies the lists. */
  public CollectedEvidence {
    current = List.copyOf(current);
    other = List.copyOf(other);
  }
}
