package org.highdicom4j.ko;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.highdicom4j.SOPClass;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.sr.ContentItem;
import org.highdicom4j.sr.EvidenceReference;
import org.highdicom4j.sr.SrUtils;

/**
 * A Key Object Selection Document (PS3.3 A.35.4, SOP class 1.2.840.10008.5.1.4.1.1.88.59): Modality
 * KO, the Key Object Document Series and Key Object Document modules with every selected instance
 * listed in Current Requested Procedure Evidence Sequence (0040,A375), and the TID 2010 content;
 * highdicom's {@code highdicom.ko.KeyObjectSelectionDocument}.
 *
 * <pre>{@code
 * KeyObjectSelectionDocument kos = KeyObjectSelectionDocument.builder()
 *     .evidence(images)
 *     .content(new KeyObjectSelection(CID7010.OfInterest, images, null, null, "Nodules"))
 *     .seriesInstanceUid(UidGenerator.newUid()).seriesNumber(1)
 *     .sopInstanceUid(UidGenerator.newUid()).instanceNumber(1)
 *     .build();
 * }</pre>
 */
public final class KeyObjectSelectionDocument extends SOPClass {
  /** Key Object Selection Document Storage SOP Class UID: {@value}. */
  public static final String SOP_CLASS_UID = UID.KeyObjectSelectionDocumentStorage;

  private final KeyObjectSelection content;
  private final Map<String, EvidenceReference> evidence;

  private KeyObjectSelectionDocument(DicomDataset ds, String ts, KeyObjectSelection content) {
    super(ds, ts);
    this.content = content;
    Map<String, EvidenceReference> lut = new HashMap<>();
    for (EvidenceReference r :
        SrUtils.readEvidence(ds, Tag.CurrentRequestedProcedureEvidenceSequence)) {
      lut.putIfAbsent(r.sopInstanceUid(), r);
    }
    this.evidence = lut;
  }

  /**
   * Starts building a document.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a document from its data set (highdicom's {@code from_dataset}).
   *
   * @param dataset the data set; it must not change afterwards
   * @return the document
   * @throws IllegalArgumentException when the SOP class is not Key Object Selection Document
   *     Storage or the content has no root CONTAINER
   */
  public static KeyObjectSelectionDocument fromDataset(DicomDataset dataset) {
    return fromDataset(dataset, UID.ExplicitVRLittleEndian);
  }

  private static KeyObjectSelectionDocument fromDataset(DicomDataset dataset, String ts) {
    Objects.requireNonNull(dataset, "dataset");
    String cls = dataset.getString(Tag.SOPClassUID);
    if (!SOP_CLASS_UID.equals(cls)) {
      throw new IllegalArgumentException(
          "SOPClassUID (0008,0016) is not that of a Key Object Selection Document (expected "
              + SOP_CLASS_UID
              + "): "
              + cls);
    }
    if (!dataset.contains(Tag.ValueType)) {
      throw new IllegalArgumentException(
          "ValueType (0040,A040) is missing, the data set holds no SR content (expected the root"
              + " CONTAINER)");
    }
    KeyObjectSelection content =
        KeyObjectSelection.fromContentItem(ContentItem.fromDataset(dataset));
    String keep =
        UID.ImplicitVRLittleEndian.equals(ts)
            ? UID.ImplicitVRLittleEndian
            : UID.ExplicitVRLittleEndian;
    return new KeyObjectSelectionDocument(dataset, keep, content);
  }

  /**
   * Reads a document file.
   *
   * @param path a DICOM file (PS3.10)
   * @return the document
   * @throws IOException when the file cannot be read
   * @throws IllegalArgumentException as for {@link #fromDataset(DicomDataset)}
   */
  public static KeyObjectSelectionDocument read(Path path) throws IOException {
    DicomFile file = DicomReader.read(Objects.requireNonNull(path, "path"));
    return fromDataset(file.dataset(), file.transferSyntax().uid());
  }

  /**
   * Returns the TID 2010 content.
   *
   * @return the content
   */
  public KeyObjectSelection content() {
    return content;
  }

  /**
   * Resolves a selected instance to its study and series (highdicom's {@code resolve_reference}).
   *
   * @param sopInstanceUid the instance's SOP Instance UID
   * @return its evidence reference
   * @throws IllegalArgumentException when the document lists no evidence for it
   */
  public EvidenceReference resolveReference(String sopInstanceUid) {
    EvidenceReference r = evidence.get(Objects.requireNonNull(sopInstanceUid, "sopInstanceUid"));
    if (r == null) {
      throw new IllegalArgumentException(
          "CurrentRequestedProcedureEvidenceSequence (0040,A375) lists no such instance (expected"
              + " a selected SOP Instance UID): "
              + sopInstanceUid);
    }
    return r;
  }

  /**
   * Returns every selected instance, in content order.
   *
   * @return the references
   */
  public List<EvidenceReference> getReferencedInstances() {
    return getReferencedInstances(null, null, null);
  }

  /**
   * Returns the selected instances that match the filters, in content order; references the
   * evidence does not resolve are left out.
   *
   * @param sopClassUid the SOP Class UID, or null for any
   * @param studyInstanceUid the Study Instance UID, or null for any
   * @param seriesInstanceUid the Series Instance UID, or null for any
   * @return the matching references
   */
  public List<EvidenceReference> getReferencedInstances(
      String sopClassUid, String studyInstanceUid, String seriesInstanceUid) {
    Set<EvidenceReference> out = new LinkedHashSet<>();
    for (ContentItem item : content.getReferences(null, sopClassUid)) {
      EvidenceReference r = evidence.get(KeyObjectSelection.referencedSopInstanceUid(item));
      if (r != null
          && (studyInstanceUid == null || studyInstanceUid.equals(r.studyInstanceUid()))
          && (seriesInstanceUid == null || seriesInstanceUid.equals(r.seriesInstanceUid()))) {
        out.add(r);
      }
    }
    return new ArrayList<>(out);
  }

  /**
   * The options of a Key Object Selection Document; the shared identity options come from {@link
   * SOPClass.Builder}. Evidence, content and the series and instance identity are required.
   *
   * <p>highdicom: the parameters of {@code KeyObjectSelectionDocument.__init__}.
   */
  public static final class Builder extends SOPClass.Builder<Builder> {
    private List<DicomDataset> evidence;
    private KeyObjectSelection content;
    private List<DicomDataset> requestedProcedures;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Sets the evidence: the selected instances' data sets; the first gives the patient and study.
     *
     * @param evidence at least one data set
     * @return this builder
     */
    public Builder evidence(List<DicomDataset> evidence) {
      this.evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
      return this;
    }

    /**
     * Sets the content.
     *
     * @param content the TID 2010 content
     * @return this builder
     */
    public Builder content(KeyObjectSelection content) {
      this.content = Objects.requireNonNull(content, "content");
      return this;
    }

    /**
     * Sets Referenced Request Sequence (0040,A370): the requests the document fulfils, copied as
     * given.
     *
     * @param items the request items
     * @return this builder
     */
    public Builder requestedProcedures(List<DicomDataset> items) {
      this.requestedProcedures = List.copyOf(Objects.requireNonNull(items, "items"));
      return this;
    }

    /**
     * Checks every option and creates the document.
     *
     * @return the document
     * @throws IllegalStateException when a required option was not set
     * @throws IllegalArgumentException when evidence is empty or misses a selected instance, or the
     *     transfer syntax is not Explicit or Implicit VR Little Endian
     */
    public KeyObjectSelectionDocument build() {
      require(evidence, "evidence");
      require(content, "content");
      if (evidence.isEmpty()) {
        throw new IllegalArgumentException(
            "evidence must not be empty (expected at least one instance): none");
      }
      String ts = transferSyntaxUidOr(UID.ExplicitVRLittleEndian);
      if (!UID.ExplicitVRLittleEndian.equals(ts) && !UID.ImplicitVRLittleEndian.equals(ts)) {
        throw new IllegalArgumentException(
            "TransferSyntaxUID (0002,0010) is not supported for KO documents (expected Explicit"
                + " or Implicit VR Little Endian): "
                + ts);
      }
      DicomDataset ds = buildIdentity(SOP_CLASS_UID, "KO");
      copyPatientAndStudyInformation(ds, evidence.get(0));
      ContentItem root = content.toContentItem();
      Set<String> selected = SrUtils.referencedInstances(root).keySet();
      // Every selected instance must resolve; all of them, from any study, are current evidence.
      SrUtils.collectEvidence(evidence, root, null);
      List<EvidenceReference> refs = new ArrayList<>();
      Set<String> seen = new LinkedHashSet<>();
      for (int i = 0; i < evidence.size(); i++) {
        EvidenceReference r = SrUtils.reference(evidence.get(i), i);
        if (selected.contains(r.sopInstanceUid()) && seen.add(r.sopInstanceUid())) {
          refs.add(r);
        }
      }
      ds.newSequence(Tag.ReferencedPerformedProcedureStepSequence);
      if (requestedProcedures != null && !requestedProcedures.isEmpty()) {
        Sequence req = ds.newSequence(Tag.ReferencedRequestSequence);
        for (DicomDataset r : requestedProcedures) {
          req.add(r.deepCopy());
        }
      }
      SrUtils.writeEvidence(ds, Tag.CurrentRequestedProcedureEvidenceSequence, refs);
      root.writeTo(ds);
      return new KeyObjectSelectionDocument(ds, ts, content);
    }
  }
}
