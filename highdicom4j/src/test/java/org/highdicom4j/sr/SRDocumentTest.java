package org.highdicom4j.sr;

import static org.highdicom4j.sr.ContentItemTest.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SRDocumentTest {
  static final String STUDY = "1.2.826.0.1.3680043.8.498.1";
  static final String CT_SERIES = "1.2.826.0.1.3680043.8.498.2";
  static final String OTHER_STUDY = "1.2.826.0.1.3680043.8.498.3";
  static final String RWVM = "1.2.826.0.1.3680043.8.498.19";

  static DicomDataset withIdentity(DicomDataset ds, String study, String series) {
    ds.setString(Tag.StudyInstanceUID, VR.UI, study);
    ds.setString(Tag.SeriesInstanceUID, VR.UI, series);
    ds.setString(Tag.PatientID, VR.LO, "P1");
    ds.setString(Tag.PatientName, VR.PN, "Doe^Jane");
    ds.setString(Tag.StudyID, VR.SH, "S1");
    ds.setString(Tag.AccessionNumber, VR.SH, "A1");
    return ds;
  }

  static DicomDataset instance(String cls, String uid, String study, String series) {
    DicomDataset ds = new DicomDataset();
    ds.setString(Tag.SOPClassUID, VR.UI, cls);
    ds.setString(Tag.SOPInstanceUID, VR.UI, uid);
    return withIdentity(ds, study, series);
  }

  /** Evidence for every instance {@link MeasurementReportTest#report()} references. */
  static List<DicomDataset> evidence() {
    return List.of(
        withIdentity(MeasurementReportTest.ctImage(MeasurementReportTest.CT1, 0), STUDY, CT_SERIES),
        withIdentity(
            MeasurementReportTest.ctImage(MeasurementReportTest.CT2, 2.5), STUDY, CT_SERIES),
        instance(
            UID.SegmentationStorage,
            MeasurementReportTest.SEG,
            STUDY,
            "1.2.826.0.1.3680043.8.498.4"),
        instance(UID.RealWorldValueMappingStorage, RWVM, STUDY, "1.2.826.0.1.3680043.8.498.5"));
  }

  static <B extends SRDocument.Builder<B>> B identity(B b) {
    return b.seriesInstanceUid("1.2.826.0.1.3680043.8.498.6")
        .seriesNumber(10)
        .sopInstanceUid("1.2.826.0.1.3680043.8.498.7")
        .instanceNumber(1)
        .manufacturer("highdicom4j tests")
        .contentDateTime(LocalDateTime.of(2024, 5, 6, 7, 8, 9));
  }

  @Test
  void writesValidComprehensive3DSrWithTid1500(@TempDir Path dir) throws Exception {
    MeasurementReport report = MeasurementReportTest.report();
    DicomDataset foreign =
        instance(UID.CTImageStorage, "1.2.826.0.1.3680043.8.498.8", OTHER_STUDY, "1.2.3.4");
    List<DicomDataset> ev = new ArrayList<>(evidence());
    ev.add(foreign);
    Comprehensive3DSR sr =
        identity(Comprehensive3DSR.builder())
            .evidence(ev)
            .content(report)
            .complete(true)
            .finalReport(true)
            .verified(true)
            .verifyingObserver("Doe^John", "Hospital")
            .verificationDateTime(LocalDateTime.of(2024, 5, 6, 8, 0))
            .performedProcedureCodes(
                List.of(new CodedConcept("25045-6", "LN", "CT unspecified body region")))
            .build();
    Path file = dir.resolve("sr.dcm");
    sr.write(file);
    String dump = SrValidators.assertValid(file);
    assertTrue(dump.contains("Comprehensive 3D SR"), dump);

    SRDocument read = StructuredReports.read(file);
    Comprehensive3DSR typed = assertInstanceOf(Comprehensive3DSR.class, read);
    assertEquals(report, typed.measurementReport().orElseThrow());
    assertEquals(report.toContentItem(), typed.content());
    assertTrue(typed.isComplete() && typed.isVerified() && typed.isFinal());
    assertEquals(
        List.of(new VerifyingObserver("Doe^John", "Hospital", LocalDateTime.of(2024, 5, 6, 8, 0))),
        typed.verifyingObservers());
    assertEquals("25045-6", typed.performedProcedureCodes().get(0).value());
    // The four referenced instances of the SR's study are current evidence, grouped by series.
    List<EvidenceReference> current = typed.getEvidence(true);
    assertEquals(4, current.size());
    assertEquals(
        new EvidenceReference(STUDY, CT_SERIES, MeasurementReportTest.CT1, UID.CTImageStorage),
        current.get(0));
    assertEquals(5, typed.getEvidence(false).size());
    assertEquals(OTHER_STUDY, typed.getEvidence(false).get(4).studyInstanceUid());
    assertEquals(4, typed.getEvidenceSeries(false).size());
    DicomDataset ds = DicomReader.read(file).dataset();
    assertEquals(
        2,
        ds.getItem(Tag.CurrentRequestedProcedureEvidenceSequence)
            .getSequence(Tag.ReferencedSeriesSequence)
            .get(0)
            .getSequence(Tag.ReferencedSOPSequence)
            .size());
    assertEquals("SR", ds.getString(Tag.Modality));
    assertEquals("P1", ds.getString(Tag.PatientID));
    assertEquals(STUDY, ds.getString(Tag.StudyInstanceUID));
  }

  @Test
  void refusesScoord3dOutsideComprehensive3d() {
    MeasurementReport report = MeasurementReportTest.report(); // has an ImageRegion3D
    assertRejects(
        "SCOORD3D is not supported by Comprehensive SR",
        () -> identity(ComprehensiveSR.builder()).evidence(evidence()).content(report).build());
    assertRejects(
        "SCOORD3D is not supported by Enhanced SR",
        () -> identity(EnhancedSR.builder()).evidence(evidence()).content(report).build());
  }

  @Test
  void refusesVerifiedDocumentWithoutObserverAndMissingEvidence() {
    MeasurementReport report = MeasurementReportTest.report();
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                identity(Comprehensive3DSR.builder())
                    .evidence(evidence())
                    .content(report)
                    .verified(true)
                    .build());
    assertTrue(e.getMessage().contains("verifyingObserver is required"), e.getMessage());
    assertRejects(
        "evidence lacks instances the content references",
        () ->
            identity(Comprehensive3DSR.builder())
                .evidence(evidence().subList(0, 2))
                .content(report)
                .build());
    assertThrows(
        IllegalStateException.class,
        () -> identity(Comprehensive3DSR.builder()).content(report).build());
  }

  @Test
  void unreferencedEvidenceIsRecordedOnlyWhenAsked() {
    ContainerContentItem root =
        new ContainerContentItem(
                new CodedConcept("18748-4", "LN", "Diagnostic Imaging Report"), true, null, null)
            .withContent(
                List.of(
                    new TextContentItem(
                        new CodedConcept("121106", "DCM", "Comment"),
                        "hello",
                        RelationshipTypeValues.CONTAINS)));
    ComprehensiveSR with =
        identity(ComprehensiveSR.builder()).evidence(evidence()).content(root).build();
    assertEquals(0, with.getEvidence(true).size());
    assertEquals(4, with.getEvidence(false).size());
    ComprehensiveSR without =
        identity(ComprehensiveSR.builder())
            .evidence(evidence())
            .content(root)
            .recordEvidence(false)
            .build();
    assertEquals(0, without.getEvidence(false).size());
    assertFalse(without.measurementReport().isPresent());
    assertFalse(without.isComplete());
    assertEquals("PARTIAL", without.dataset().getString(Tag.CompletionFlag));
    assertEquals("UNVERIFIED", without.dataset().getString(Tag.VerificationFlag));
  }

  static final String ECG = "1.2.826.0.1.3680043.8.498.21";
  static final String ENHANCED_CT = "1.2.826.0.1.3680043.8.498.22";
  static final CodedConcept NAME = new CodedConcept("121206", "DCM", "Distance");
  static final CodedConcept MM = MeasurementReportTest.MM;

  /**
   * A root holding every value type (SCOORD3D only when asked), each coordinate item with the
   * SELECTED FROM child PS3.3 requires, and NUM children of the relationship types Enhanced SR
   * allows.
   */
  static ContainerContentItem everyValueTypeRoot(boolean with3d) {
    RelationshipTypeValues contains = RelationshipTypeValues.CONTAINS;
    RelationshipTypeValues selected = RelationshipTypeValues.SELECTED_FROM;
    String ct = MeasurementReportTest.CT1;
    List<ContentItem> ch = new ArrayList<>();
    ch.add(new TextContentItem(NAME, "A mass\r\nof 3 cm", contains));
    ch.add(new CodeContentItem(NAME, MM, contains));
    ch.add(
        new NumContentItem(NAME, 1.7, MM, contains)
            .withContent(
                List.of(
                    new CodeContentItem(
                        SrCodes.DERIVATION,
                        new CodedConcept("373098007", "SCT", "Mean"),
                        RelationshipTypeValues.HAS_CONCEPT_MOD),
                    new TextContentItem(
                        SrCodes.POPULATION_DESCRIPTION,
                        "adults",
                        RelationshipTypeValues.HAS_PROPERTIES),
                    new ScoordContentItem(
                            NAME,
                            GraphicTypeValues.POLYLINE,
                            new double[][] {{1, 1}, {5, 1}, {5, 5}},
                            null,
                            null,
                            RelationshipTypeValues.INFERRED_FROM)
                        .withContent(
                            List.of(
                                new ImageContentItem(NAME, UID.CTImageStorage, ct, selected))))));
    ch.add(
        new NumContentItem(
            NAME, null, null, new CodedConcept("114006", "DCM", "Measurement failure"), contains));
    ch.add(new DateContentItem(NAME, java.time.LocalDate.of(2000, 12, 6), contains));
    ch.add(new TimeContentItem(NAME, java.time.LocalTime.of(12, 0, 1, 250_000_000), contains));
    ch.add(new DateTimeContentItem(NAME, LocalDateTime.of(2000, 12, 6, 12, 0), contains));
    ch.add(new PnameContentItem(NAME, "Doe^John", contains));
    ch.add(new UIDRefContentItem(NAME, ContentItemTest.UID1, contains));
    ch.add(new CompositeContentItem(NAME, UID.RealWorldValueMappingStorage, RWVM, contains));
    ch.add(
        new ImageContentItem(
            NAME, UID.EnhancedCTImageStorage, ENHANCED_CT, new int[] {1, 3}, null, contains));
    ch.add(
        new WaveformContentItem(
            NAME, UID.TwelveLeadECGWaveformStorage, ECG, new int[][] {{1, 2}, {1, 3}}, contains));
    ch.add(
        new ScoordContentItem(
                NAME,
                GraphicTypeValues.CIRCLE,
                new double[][] {{45.1, 55.2}, {45.1, 65.3}},
                null,
                null,
                contains)
            .withContent(List.of(new ImageContentItem(NAME, UID.CTImageStorage, ct, selected))));
    ch.add(
        TcoordContentItem.ofSamplePositions(
                NAME, TemporalRangeTypeValues.SEGMENT, new long[] {1, 4294967295L}, contains)
            .withContent(
                List.of(
                    new WaveformContentItem(
                        NAME, UID.TwelveLeadECGWaveformStorage, ECG, null, selected))));
    if (with3d) {
      ch.add(
          new Scoord3DContentItem(
              NAME,
              GraphicTypeValues3D.POLYGON,
              new double[][] {{165, 200, 134}, {170, 200, 134}, {170, 220, 134}, {165, 200, 134}},
              MeasurementReportTest.FOR,
              null,
              contains));
    }
    ch.add(
        new ContainerContentItem(new CodedConcept("121070", "DCM", "Findings"), contains)
            .withContent(List.of(new TextContentItem(NAME, "nested", contains))));
    return new ContainerContentItem(
            new CodedConcept("18748-4", "LN", "Diagnostic Imaging Report"), true, null, null)
        .withContent(ch);
  }

  static List<DicomDataset> valueTypeEvidence() {
    return List.of(
        evidence().get(0),
        evidence().get(3),
        instance(UID.TwelveLeadECGWaveformStorage, ECG, STUDY, "1.2.826.0.1.3680043.8.498.9"),
        instance(UID.EnhancedCTImageStorage, ENHANCED_CT, STUDY, CT_SERIES));
  }

  @ParameterizedTest
  @ValueSource(strings = {"Enhanced", "Comprehensive", "Comprehensive3D"})
  void roundTripsEveryValueTypeThroughEachDocumentClass(String kind, @TempDir Path dir)
      throws Exception {
    boolean with3d = kind.equals("Comprehensive3D");
    ContainerContentItem root = everyValueTypeRoot(with3d);
    SRDocument built;
    switch (kind) {
      case "Enhanced":
        built = identity(EnhancedSR.builder()).evidence(valueTypeEvidence()).content(root).build();
        break;
      case "Comprehensive":
        built =
            identity(ComprehensiveSR.builder()).evidence(valueTypeEvidence()).content(root).build();
        break;
      default:
        built =
            identity(Comprehensive3DSR.builder())
                .evidence(valueTypeEvidence())
                .content(root)
                .build();
    }
    Path file = dir.resolve(kind + ".dcm");
    built.write(file);
    SrValidators.assertValid(file);
    SRDocument read = StructuredReports.read(file);
    assertEquals(built.getClass(), read.getClass());
    assertEquals(root, read.content());
    assertEquals(built.content(), read.content());
    assertEquals(4, read.getEvidence(true).size());
  }

  /** A TID 1500 report with planar groups only: valid in Comprehensive SR. */
  static MeasurementReport planarReport() {
    PlanarROIMeasurementsAndQualitativeEvaluations g =
        PlanarROIMeasurementsAndQualitativeEvaluations.builder(
                new TrackingIdentifier("1.2.826.0.1.3680043.8.498.30", "Lesion1"))
            .referencedRegion(
                new ImageRegion(
                    GraphicTypeValues.POLYLINE,
                    new double[][] {{1, 1}, {5, 1}, {5, 5}, {1, 1}},
                    new SourceImageForRegion(UID.CTImageStorage, MeasurementReportTest.CT1)))
            .measurements(
                List.of(
                    Measurement.builder(MeasurementReportTest.DIAMETER, 4.0, MM)
                        .trackingIdentifier(
                            new TrackingIdentifier("1.2.826.0.1.3680043.8.498.31", null))
                        .build()))
            .build();
    return new MeasurementReport(
        new ObservationContext(
            new ObserverContext(
                new PersonObserverIdentifyingAttributes("Doe^John", null, null, null, null)),
            null,
            null),
        List.of(new CodedConcept("25045-6", "LN", "CT unspecified body region")),
        List.of(g));
  }

  @Test
  void writesValidComprehensiveSrWithPlanarReport(@TempDir Path dir) throws Exception {
    MeasurementReport report = planarReport();
    ComprehensiveSR sr =
        identity(ComprehensiveSR.builder()).evidence(evidence()).content(report).build();
    Path file = dir.resolve("csr.dcm");
    sr.write(file);
    SrValidators.assertValid(file);
    ComprehensiveSR read = assertInstanceOf(ComprehensiveSR.class, StructuredReports.read(file));
    assertEquals(report, read.measurementReport().orElseThrow());
    assertEquals(1, read.getEvidence(true).size());
    assertEquals(4, read.getEvidence(false).size());
  }

  @Test
  void enhancedSrRefusesRelationshipsOutsideTableA3522() {
    // TID 300 puts the measurement's tracking identifier below the NUM (HAS OBS CONTEXT), which
    // PS3.3 Table A.35.2-2 does not allow; dcmtk's dsrdump refuses such an Enhanced SR as well.
    assertRejects(
        "HAS OBS CONTEXT from a NUM item to a UIDREF item is not allowed in Enhanced SR",
        () -> identity(EnhancedSR.builder()).evidence(evidence()).content(planarReport()).build());
    ContainerContentItem root =
        new ContainerContentItem(NAME, null)
            .withContent(
                List.of(
                    new CodeContentItem(NAME, MM, RelationshipTypeValues.CONTAINS)
                        .withContent(
                            List.of(
                                new ContainerContentItem(
                                    NAME, RelationshipTypeValues.HAS_PROPERTIES)))));
    assertRejects(
        "HAS PROPERTIES from a CODE item to a CONTAINER item is not allowed in Enhanced SR",
        () -> identity(EnhancedSR.builder()).evidence(evidence()).content(root).build());
    // The same content is fine in a Comprehensive SR.
    identity(ComprehensiveSR.builder()).evidence(evidence()).content(root).build();
    assertTrue(
        SrIodConstraints.allowedInEnhanced(
            ValueTypeValues.TCOORD,
            RelationshipTypeValues.SELECTED_FROM,
            ValueTypeValues.WAVEFORM));
    assertFalse(
        SrIodConstraints.allowedInEnhanced(
            ValueTypeValues.SCOORD,
            RelationshipTypeValues.SELECTED_FROM,
            ValueTypeValues.WAVEFORM));
  }

  @Test
  void readsCorpusDocumentsIntoTheirClass() throws Exception {
    Path file = SrTestSupport.testdata().resolve("highdicom/sr_document.dcm");
    SRDocument sr = StructuredReports.read(file);
    // dcmdump: SOPClassUID =Comprehensive3DSRStorage, CompletionFlag PARTIAL
    assertInstanceOf(Comprehensive3DSR.class, sr);
    assertFalse(sr.isComplete());
    assertEquals(1, sr.measurementReport().orElseThrow().getPlanarRoiMeasurementGroups().size());
    assertFalse(sr.getEvidence(false).isEmpty());
    // pydicom's test-SR.dcm (dcmtk's example): Comprehensive SR, VERIFIED by two observers
    // (dcmdump: Riesmeier^Jörg / OFFIS e.V. and Observer^Verifying / Organisation, 20010213184746).
    SRDocument third =
        StructuredReports.read(SrTestSupport.testdata().resolve("pydicom/test-SR.dcm"));
    assertInstanceOf(ComprehensiveSR.class, third);
    assertTrue(third.isVerified() && third.isComplete());
    assertEquals(
        List.of(
            new VerifyingObserver(
                "Riesmeier^J\u00f6rg", "OFFIS e.V.", LocalDateTime.of(2001, 2, 13, 18, 47, 46)),
            new VerifyingObserver(
                "Observer^Verifying", "Organisation", LocalDateTime.of(2001, 2, 13, 18, 47, 46))),
        third.verifyingObservers());
    assertFalse(third.measurementReport().isPresent());
    assertRejects(
        "is not a supported SR document class",
        () -> {
          try {
            StructuredReports.read(SrTestSupport.testdata().resolve("pydicom/CT_small.dcm"));
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  @Test
  void writesPredecessorsAndRequestsInImplicitVr(@TempDir Path dir) throws Exception {
    MeasurementReport report = planarReport();
    ComprehensiveSR first =
        identity(ComprehensiveSR.builder()).evidence(evidence()).content(report).build();
    DicomDataset request = new DicomDataset();
    request.setString(Tag.StudyInstanceUID, VR.UI, STUDY);
    request.newSequence(Tag.ReferencedStudySequence);
    request.setString(Tag.AccessionNumber, VR.SH, "A1");
    request.setEmpty(Tag.PlacerOrderNumberImagingServiceRequest, VR.LO);
    request.setEmpty(Tag.FillerOrderNumberImagingServiceRequest, VR.LO);
    request.setString(Tag.RequestedProcedureID, VR.SH, "RP1");
    request.setString(Tag.RequestedProcedureDescription, VR.LO, "CT chest");
    request.newSequence(Tag.RequestedProcedureCodeSequence);
    ComprehensiveSR second =
        ComprehensiveSR.builder()
            .evidence(evidence())
            .content(report)
            .previousVersions(List.of(first.dataset()))
            .requestedProcedures(List.of(request))
            .transferSyntaxUid(UID.ImplicitVRLittleEndian)
            .seriesInstanceUid("1.2.826.0.1.3680043.8.498.6")
            .seriesNumber(10)
            .sopInstanceUid("1.2.826.0.1.3680043.8.498.60")
            .instanceNumber(2)
            .build();
    Path file = dir.resolve("second.dcm");
    second.write(file);
    SrValidators.assertValid(file);
    byte[] bytes = java.nio.file.Files.readAllBytes(file);
    SRDocument read = StructuredReports.read(bytes);
    assertEquals(UID.ImplicitVRLittleEndian, read.transferSyntaxUid());
    assertEquals(
        List.of(
            new EvidenceReference(
                STUDY,
                "1.2.826.0.1.3680043.8.498.6",
                "1.2.826.0.1.3680043.8.498.7",
                UID.ComprehensiveSRStorage)),
        SrUtils.readEvidence(read.dataset(), Tag.PredecessorDocumentsSequence));
    assertEquals(
        "RP1",
        read.dataset().getItem(Tag.ReferencedRequestSequence).getString(Tag.RequestedProcedureID));
    assertRejects(
        "not supported for SR documents",
        () ->
            identity(ComprehensiveSR.builder())
                .evidence(evidence())
                .content(report)
                .transferSyntaxUid(UID.JPEG2000Lossless)
                .build());
  }
}
