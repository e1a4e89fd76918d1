package org.highdicom4j.sr;

import java.lang.System.Logger.Level;
import java.time.LocalDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.SOPClass;
import org.highdicom4j.ValueRepresentations;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;

/**
 * An SR document (PS3.3 A.35): the SR Document Series, SR Document General and SR Document Content
 * modules on top of the shared identity block; the base of {@link EnhancedSR}, {@link
 * ComprehensiveSR} and {@link Comprehensive3DSR}, highdicom's {@code highdicom.sr.sop._SR}.
 *
 * <p>Documents are immutable. {@link #content()} is the root CONTAINER content item, read
 * tolerantly; {@link #measurementReport()} interprets it as a TID 1500 Measurement Report when the
 * root names that template (or, without a template identifier, has the title Imaging Measurement
 * Report). Documents are read with {@link StructuredReports#read} or each class's {@code
 * fromDataset}.
 */
public abstract class SRDocument extends SOPClass {
  private static final System.Logger LOG = System.getLogger(SRDocument.class.getName());

  private final ContentItem content;
  private final MeasurementReport report;

  SRDocument(DicomDataset dataset, String transferSyntaxUid, ContentItem content) {
    super(dataset, transferSyntaxUid);
    this.content = content;
    this.report = interpret(content);
  }

  /** Reads the document's root content item from its data set. */
  static ContentItem readContent(DicomDataset ds) {
    if (!ds.contains(Tag.ValueType)) {
      throw new IllegalArgumentException(
          "ValueType (0040,A040) is missing, the data set holds no SR content (expected the root"
              + " CONTAINER of an SR document)");
    }
    return ContentItem.fromDataset(ds);
  }

  private static MeasurementReport interpret(ContentItem root) {
    if (!(root instanceof ContainerContentItem)) {
      return null;
    }
    ContainerContentItem c = (ContainerContentItem) root;
    String tid = c.templateId().map(t -> t.replace("TID", "").strip()).orElse(null);
    boolean tid1500 =
        "1500".equals(tid) || (tid == null && SrCodes.IMAGING_MEASUREMENT_REPORT.equals(c.name()));
    if (!tid1500) {
      return null;
    }
    try {
      return MeasurementReport.fromContentItem(c);
    } catch (IllegalArgumentException e) {
      LOG.log(Level.WARNING, "TID 1500 content could not be read as a measurement report: {0}", e);
      return null;
    }
  }

  /**
   * Returns the root content item (highdicom's {@code content}, there a sequence holding it).
   *
   * @return the root CONTAINER item, or a {@link GenericContentItem} when a third-party document's
   *     root is not a valid CONTAINER
   */
  public ContentItem content() {
    return content;
  }

  /**
   * Returns the content as a TID 1500 Measurement Report (highdicom returns a {@code
   * MeasurementReport} as {@code content} for such documents).
   *
   * @return the report, or empty when the root does not follow TID 1500
   */
  public Optional<MeasurementReport> measurementReport() {
    return Optional.ofNullable(report);
  }

  /** Returns Completion Flag (0040,A491): true for COMPLETE, false for PARTIAL. */
  public boolean isComplete() {
    return "COMPLETE".equals(dataset().getString(Tag.CompletionFlag));
  }

  /** Returns Verification Flag (0040,A493): true for VERIFIED, false for UNVERIFIED. */
  public boolean isVerified() {
    return "VERIFIED".equals(dataset().getString(Tag.VerificationFlag));
  }

  /** Returns Preliminary Flag (0040,A496): true for FINAL, false for PRELIMINARY or absent. */
  public boolean isFinal() {
    return "FINAL".equals(dataset().getString(Tag.PreliminaryFlag));
  }

  /**
   * Returns the items of Verifying Observer Sequence (0040,A073); items lacking a name or
   * organization are skipped.
   *
   * @return the observers, empty for an unverified document
   */
  public List<VerifyingObserver> verifyingObservers() {
    List<VerifyingObserver> out = new ArrayList<>();
    Sequence seq = dataset().getSequence(Tag.VerifyingObserverSequence);
    if (seq == null) {
      return out;
    }
    for (DicomDataset item : seq) {
      String name = item.getString(Tag.VerifyingObserverName);
      String org = item.getString(Tag.VerifyingOrganization);
      if (name == null || org == null) {
        continue;
      }
      LocalDateTime when = null;
      try {
        Temporal t = item.getDateTime(Tag.VerificationDateTime);
        when = t == null ? null : LocalDateTime.from(t);
      } catch (RuntimeException e) {
        LOG.log(Level.DEBUG, "VerificationDateTime (0040,A030) unreadable: {0}", e.getMessage());
      }
      out.add(new VerifyingObserver(name, org, when));
    }
    return out;
  }

  /**
   * Returns the items of Performed Procedure Code Sequence (0040,A372).
   *
   * @return the codes, possibly empty
   */
  public List<CodedConcept> performedProcedureCodes() {
    List<CodedConcept> out = new ArrayList<>();
    Sequence seq = dataset().getSequence(Tag.PerformedProcedureCodeSequence);
    if (seq != null) {
      for (DicomDataset item : seq) {
        try {
          out.add(CodedConcept.fromDataset(item));
        } catch (IllegalArgumentException e) {
          LOG.log(Level.DEBUG, "Performed procedure code skipped: {0}", e.getMessage());
        }
      }
    }
    return out;
  }

  /**
   * Returns the instances listed as evidence (highdicom's {@code get_evidence}), without
   * duplicates.
   *
   * @param currentProcedureOnly true for Current Requested Procedure Evidence Sequence (0040,A375)
   *     only, false to add Pertinent Other Evidence Sequence (0040,A385)
   * @return the references in document order
   */
  public List<EvidenceReference> getEvidence(boolean currentProcedureOnly) {
    LinkedHashSet<EvidenceReference> out = new LinkedHashSet<>();
    out.addAll(SrUtils.readEvidence(dataset(), Tag.CurrentRequestedProcedureEvidenceSequence));
    if (!currentProcedureOnly) {
      out.addAll(SrUtils.readEvidence(dataset(), Tag.PertinentOtherEvidenceSequence));
    }
    return new ArrayList<>(out);
  }

  /**
   * Returns the series listed as evidence (highdicom's {@code get_evidence_series}).
   *
   * @param currentProcedureOnly as for {@link #getEvidence(boolean)}
   * @return (Study Instance UID, Series Instance UID) pairs as two-element arrays, in order
   */
  public List<String[]> getEvidenceSeries(boolean currentProcedureOnly) {
    LinkedHashSet<List<String>> seen = new LinkedHashSet<>();
    for (EvidenceReference r : getEvidence(currentProcedureOnly)) {
      seen.add(List.of(r.studyInstanceUid(), r.seriesInstanceUid()));
    }
    List<String[]> out = new ArrayList<>();
    for (List<String> s : seen) {
      out.add(s.toArray(new String[0]));
    }
    return out;
  }

  static String readTransferSyntax(String fileTs) {
    // Documents are rewritten little endian; keep implicit VR when the source used it.
    return UID.ImplicitVRLittleEndian.equals(fileTs)
        ? UID.ImplicitVRLittleEndian
        : UID.ExplicitVRLittleEndian;
  }

  static void requireSopClass(DicomDataset ds, String expected, String what) {
    Objects.requireNonNull(ds, "dataset");
    String actual = ds.getString(Tag.SOPClassUID);
    if (!expected.equals(actual)) {
      throw new IllegalArgumentException(
          "SOPClassUID (0008,0016) is not that of "
              + what
              + " (expected "
              + expected
              + "): "
              + actual);
    }
  }

  /**
   * The options of an SR document; the shared identity options come from {@link SOPClass.Builder}.
   * Evidence, content, series and SOP instance UIDs and numbers are required.
   *
   * <p>highdicom: the parameters of {@code _SR.__init__}.
   *
   * @param <B> the concrete builder type
   */
  public abstract static class Builder<B extends Builder<B>> extends SOPClass.Builder<B> {
    private List<DicomDataset> evidence;
    private ContentItem content;
    private boolean complete;
    private boolean finalReport;
    private boolean verified;
    private final List<String[]> verifyingObservers = new ArrayList<>();
    private LocalDateTime verificationDateTime;
    private List<CodedConcept> performedProcedureCodes;
    private List<DicomDataset> requestedProcedures;
    private List<DicomDataset> previousVersions;
    private boolean recordEvidence = true;

    Builder() {}

    /**
     * Sets the evidence: the instances the content references, from whose first data set the
     * document takes its patient and study (only attributes are read).
     *
     * @param evidence the data sets, at least one
     * @return this builder
     */
    public B evidence(List<DicomDataset> evidence) {
      this.evidence = List.copyOf(Objects.requireNonNull(evidence, "evidence"));
      return self();
    }

    /**
     * Sets the content: the root CONTAINER content item (without relationship type).
     *
     * @param root the root item
     * @return this builder
     */
    public B content(ContentItem root) {
      this.content = Objects.requireNonNull(root, "root");
      return self();
    }

    /**
     * Sets a TID 1500 Measurement Report as the content.
     *
     * @param report the report
     * @return this builder
     */
    public B content(MeasurementReport report) {
      return content(Objects.requireNonNull(report, "report").toContentItem());
    }

    /**
     * Sets Completion Flag (0040,A491) to COMPLETE (true) or PARTIAL (false, the default).
     *
     * @param complete whether the content is complete
     * @return this builder
     */
    public B complete(boolean complete) {
      this.complete = complete;
      return self();
    }

    /**
     * Sets Preliminary Flag (0040,A496) to FINAL (true) or PRELIMINARY (false, the default).
     *
     * @param isFinal whether the report is the definitive means of communicating the findings
     * @return this builder
     */
    public B finalReport(boolean isFinal) {
      this.finalReport = isFinal;
      return self();
    }

    /**
     * Sets Verification Flag (0040,A493) to VERIFIED (true) or UNVERIFIED (false, the default); a
     * verified document needs at least one {@link #verifyingObserver}.
     *
     * @param verified whether an accountable observer verified the content
     * @return this builder
     */
    public B verified(boolean verified) {
      this.verified = verified;
      return self();
    }

    /**
     * Adds an item to Verifying Observer Sequence (0040,A073).
     *
     * @param name Verifying Observer Name (0040,A075), a person name
     * @param organization Verifying Organization (0040,A027)
     * @return this builder
     */
    public B verifyingObserver(String name, String organization) {
      verifyingObservers.add(
          new String[] {
            Objects.requireNonNull(name, "name"),
            Objects.requireNonNull(organization, "organization")
          });
      return self();
    }

    /**
     * Sets Verification DateTime (0040,A030) of the verifying observers; by default the time of
     * {@code build()}.
     *
     * @param dateTime the date and time
     * @return this builder
     */
    public B verificationDateTime(LocalDateTime dateTime) {
      this.verificationDateTime = Objects.requireNonNull(dateTime, "dateTime");
      return self();
    }

    /**
     * Sets Performed Procedure Code Sequence (0040,A372) (Type 2: empty by default).
     *
     * @param codes the procedures performed
     * @return this builder
     */
    public B performedProcedureCodes(List<CodedConcept> codes) {
      this.performedProcedureCodes = List.copyOf(Objects.requireNonNull(codes, "codes"));
      return self();
    }

    /**
     * Sets Referenced Request Sequence (0040,A370): items (Study Instance UID, Accession Number,
     * Requested Procedure ID …) of the requests the document fulfils; copied as given.
     *
     * @param items the request items
     * @return this builder
     */
    public B requestedProcedures(List<DicomDataset> items) {
      this.requestedProcedures = List.copyOf(Objects.requireNonNull(items, "items"));
      return self();
    }

    /**
     * Sets the previous versions of the document, listed in Predecessor Documents Sequence
     * (0040,A360).
     *
     * @param documents the earlier documents' data sets
     * @return this builder
     */
    public B previousVersions(List<DicomDataset> documents) {
      this.previousVersions = List.copyOf(Objects.requireNonNull(documents, "documents"));
      return self();
    }

    /**
     * Sets whether evidence the content does not reference is recorded in Pertinent Other Evidence
     * Sequence (default true).
     *
     * @param record whether to record it
     * @return this builder
     */
    public B recordEvidence(boolean record) {
      this.recordEvidence = record;
      return self();
    }

    /**
     * Validates the options and builds the data set of an SR document.
     *
     * @param sopClassUid the SOP Class UID
     * @param iod the document class's name for messages
     * @param enhanced whether the Enhanced SR relationship constraints apply
     * @param allow3d whether SCOORD3D items are allowed
     * @return the data set and transfer syntax
     */
    final DicomDataset buildDocument(
        String sopClassUid, String iod, boolean enhanced, boolean allow3d) {
      require(evidence, "evidence");
      require(content, "content");
      if (evidence.isEmpty()) {
        throw new IllegalArgumentException(
            "evidence must not be empty (expected at least one instance): none");
      }
      if (content.valueType() != ValueTypeValues.CONTAINER) {
        throw new IllegalArgumentException(
            "ValueType (0040,A040) of the root content item must be CONTAINER (expected"
                + " CONTAINER): "
                + content.valueType());
      }
      if (content.relationshipType().isPresent()) {
        throw new IllegalArgumentException(
            "RelationshipType (0040,A010) must be absent on the root content item (expected"
                + " none): "
                + content.relationshipType().get().value());
      }
      SrIodConstraints.check(content, iod, enhanced, allow3d);
      if (verified && verifyingObservers.isEmpty()) {
        throw new IllegalStateException(
            "verifyingObserver is required for a verified document (expected a call to"
                + " verifyingObserver)");
      }
      String ts = transferSyntaxUidOr(UID.ExplicitVRLittleEndian);
      if (!UID.ExplicitVRLittleEndian.equals(ts) && !UID.ImplicitVRLittleEndian.equals(ts)) {
        throw new IllegalArgumentException(
            "TransferSyntaxUID (0002,0010) is not supported for SR documents (expected Explicit"
                + " or Implicit VR Little Endian): "
                + ts);
      }
      DicomDataset first = evidence.get(0);
      DicomDataset ds = buildIdentity(sopClassUid, "SR");
      copyPatientAndStudyInformation(ds, first);
      String study = ds.getString(Tag.StudyInstanceUID);
      CollectedEvidence ev = SrUtils.collectEvidence(evidence, content, study);

      // SR Document Series module
      ds.newSequence(Tag.ReferencedPerformedProcedureStepSequence);
      // SR Document General module
      ds.setString(Tag.CompletionFlag, VR.CS, complete ? "COMPLETE" : "PARTIAL");
      ds.setString(Tag.PreliminaryFlag, VR.CS, finalReport ? "FINAL" : "PRELIMINARY");
      ds.setString(Tag.VerificationFlag, VR.CS, verified ? "VERIFIED" : "UNVERIFIED");
      if (verified) {
        LocalDateTime when =
            verificationDateTime != null ? verificationDateTime : LocalDateTime.now();
        Sequence observers = ds.newSequence(Tag.VerifyingObserverSequence);
        for (String[] o : verifyingObservers) {
          DicomDataset item = observers.addNewItem();
          item.setString(
              Tag.VerifyingObserverName,
              VR.PN,
              ValueRepresentations.checkPersonName(Tag.VerifyingObserverName, o[0]));
          item.newSequence(Tag.VerifyingObserverIdentificationCodeSequence);
          item.setString(
              Tag.VerifyingOrganization,
              VR.LO,
              ValueRepresentations.checkLongString(Tag.VerifyingOrganization, o[1]));
          item.setDateTime(Tag.VerificationDateTime, when);
        }
      }
      if (previousVersions != null && !previousVersions.isEmpty()) {
        List<EvidenceReference> pre = new ArrayList<>();
        for (int i = 0; i < previousVersions.size(); i++) {
          pre.add(SrUtils.reference(previousVersions.get(i), i));
        }
        SrUtils.writeEvidence(ds, Tag.PredecessorDocumentsSequence, pre);
      }
      if (requestedProcedures != null && !requestedProcedures.isEmpty()) {
        Sequence req = ds.newSequence(Tag.ReferencedRequestSequence);
        for (DicomDataset r : requestedProcedures) {
          req.add(r.deepCopy());
        }
      }
      Sequence procedures = ds.newSequence(Tag.PerformedProcedureCodeSequence);
      if (performedProcedureCodes != null) {
        for (CodedConcept c : performedProcedureCodes) {
          procedures.add(c.toDataset());
        }
      }
      if (!ev.current().isEmpty()) {
        SrUtils.writeEvidence(ds, Tag.CurrentRequestedProcedureEvidenceSequence, ev.current());
      }
      List<EvidenceReference> other = new ArrayList<>();
      java.util.Set<String> referenced = SrUtils.referencedInstances(content).keySet();
      for (EvidenceReference r : ev.other()) {
        if (recordEvidence || referenced.contains(r.sopInstanceUid())) {
          other.add(r);
        }
      }
      if (!other.isEmpty()) {
        SrUtils.writeEvidence(ds, Tag.PertinentOtherEvidenceSequence, other);
      }
      // SR Document Content module: the root item's attributes are the document's.
      content.writeTo(ds);
      return ds;
    }

    final ContentItem builtContent() {
      return content;
    }

    final String builtTransferSyntax() {
      return transferSyntaxUidOr(UID.ExplicitVRLittleEndian);
    }
  }
}
