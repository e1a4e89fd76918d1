package org.highdicom4j.sr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.coding.DCM;
import org.highdicom4j.coding.SCT;
import org.highdicom4j.coding.UCUM;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.dicom.testing.DocSnippets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java snippets of docs/sr.md, compiled and run; each test body repeats its snippet verbatim
 * between the markers, and {@link #guideContainsEverySnippet} checks the guide holds them.
 */
class SrDocsTest {
  static final String SELF = "highdicom4j/src/test/java/org/highdicom4j/sr/SrDocsTest.java";

  @Test
  void guideContainsEverySnippet() throws Exception {
    assertEquals(5, DocSnippets.assertGuideContainsSnippets(SELF, "docs/sr.md"));
  }

  @Test
  void contentItems() {
    // snippet: docs/sr.md content items
    CodeContentItem mild =
        new CodeContentItem(SCT.Severity, SCT.Mild, RelationshipTypeValues.CONTAINS);
    NumContentItem depth =
        new NumContentItem(DCM.Depth, 3.4, UCUM.Centimeter_cm, RelationshipTypeValues.CONTAINS);
    Scoord3DContentItem region =
        new Scoord3DContentItem(
            DCM.ImageRegion,
            GraphicTypeValues3D.POINT,
            new double[][] {{10.6, 2.3, -9.6}},
            "1.2.826.0.1.3680043.10.511.3.88131829333631241913772141475338566",
            null,
            RelationshipTypeValues.CONTAINS);

    // Children are attached with withContent, which checks each relationship (PS3.3 A.35.13-2).
    NumContentItem measured =
        depth.withContent(
            List.of(
                new CompositeContentItem(
                    DCM.SourceImage,
                    UID.CTImageStorage,
                    "1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322",
                    RelationshipTypeValues.INFERRED_FROM)));
    // end snippet
    assertEquals(3.4, measured.value().orElseThrow());
    assertEquals(1, measured.content().size());
    assertEquals("Mild", mild.value().meaning());
    assertEquals((double) -9.6f, region.value()[0][2]); // Graphic Data is FL
  }

  static Path ctImage() {
    return SrTestSupport.testdata().resolve("highdicom/ct_image.dcm");
  }

  @Test
  void createMeasurementReport(@TempDir Path dir) throws Exception {
    Path imagePath = ctImage();
    Path outPath = dir.resolve("sr.dcm");
    // snippet: docs/sr.md creating
    DicomDataset image = DicomReader.read(imagePath).dataset();

    ObservationContext observationContext =
        new ObservationContext(
            new ObserverContext(
                new PersonObserverIdentifyingAttributes("Foo^Bar", null, null, null, null)),
            new ObserverContext(
                new DeviceObserverIdentifyingAttributes(
                    UidGenerator.newUid(), null, null, null, null, null, null)),
            null);

    // A planar region in the frame of reference of the image (3D coordinates, in mm)
    ImageRegion3D region =
        new ImageRegion3D(
            GraphicTypeValues3D.POLYGON,
            new double[][] {
              {165.0, 200.0, 134.0},
              {170.0, 200.0, 134.0},
              {170.0, 220.0, 134.0},
              {165.0, 220.0, 134.0},
              {165.0, 200.0, 134.0}
            },
            image.getString(org.highdicom4j.dicom.dict.Tag.FrameOfReferenceUID));

    Measurement area =
        Measurement.builder(SCT.AreaOfDefinedRegion, 1.7, UCUM.SquareMillimeter)
            .trackingIdentifier(new TrackingIdentifier(UidGenerator.newUid(), null))
            .properties(
                new MeasurementProperties(
                    new CodedConcept("17621005", "SCT", "Normal"),
                    SCT.NotSignificant,
                    null,
                    null,
                    null,
                    null,
                    null))
            .build();

    PlanarROIMeasurementsAndQualitativeEvaluations group =
        PlanarROIMeasurementsAndQualitativeEvaluations.builder(
                new TrackingIdentifier(UidGenerator.newUid(), "Planar ROI Measurements"))
            .referencedRegion(region)
            .findingType(SCT.SpinalCord)
            .findingSites(
                List.of(new FindingSite(SCT.CervicoThoracicSpine, null, SCT.VertebralForamen)))
            .measurements(List.of(area))
            .build();

    MeasurementReport report =
        new MeasurementReport(
            observationContext,
            List.of(new CodedConcept("25045-6", "LN", "CT unspecified body region")),
            List.of(group));

    Comprehensive3DSR sr =
        Comprehensive3DSR.builder()
            .evidence(List.of(image))
            .content(report)
            .seriesInstanceUid(UidGenerator.newUid())
            .seriesNumber(1)
            .sopInstanceUid(UidGenerator.newUid())
            .instanceNumber(1)
            .manufacturer("Manufacturer")
            .build();
    sr.write(outPath);
    // end snippet
    assertTrue(Files.size(outPath) > 0);
    SrValidators.assertValid(outPath);
    assertEquals(report, StructuredReports.read(outPath).measurementReport().orElseThrow());
  }

  @Test
  void documentFlags() throws Exception {
    DicomDataset image = DicomReader.read(ctImage()).dataset();
    MeasurementReport report = SRDocumentTest.planarReport();
    List<DicomDataset> evidence =
        List.of(image, SRDocumentTest.evidence().get(0), SRDocumentTest.evidence().get(1));
    // snippet: docs/sr.md document options
    ComprehensiveSR sr =
        ComprehensiveSR.builder()
            .evidence(evidence) // every instance the content references, and more
            .content(report)
            .complete(true) // Completion Flag COMPLETE
            .finalReport(true) // Preliminary Flag FINAL
            .verified(true) // Verification Flag VERIFIED ...
            .verifyingObserver("Doe^Jane", "General Hospital") // ... needs an observer
            .performedProcedureCodes(
                List.of(new CodedConcept("25045-6", "LN", "CT unspecified body region")))
            .seriesInstanceUid(UidGenerator.newUid())
            .seriesNumber(2)
            .sopInstanceUid(UidGenerator.newUid())
            .instanceNumber(1)
            .build();
    // end snippet
    assertTrue(sr.isVerified());
    assertEquals(1, sr.getEvidence(true).size());
  }

  @Test
  void parsing() throws Exception {
    Path path = SrTestSupport.testdata().resolve("highdicom/sr_document.dcm");
    // snippet: docs/sr.md parsing
    SRDocument sr = StructuredReports.read(path); // a Comprehensive3DSR here
    MeasurementReport report = sr.measurementReport().orElseThrow();

    List<PlanarROIMeasurementsAndQualitativeEvaluations> groups =
        report.getPlanarRoiMeasurementGroups(
            MeasurementGroupQuery.all()
                .findingType(SCT.SpinalCord)
                .graphicType(GraphicTypeValues.CIRCLE));
    PlanarROIMeasurementsAndQualitativeEvaluations group = groups.get(0);
    String trackingId = group.trackingIdentifier().identifier().orElseThrow();
    ImageRegion roi = (ImageRegion) group.roi().orElseThrow();
    double[][] circle = roi.value(); // centre and a point on the circle, (column, row)

    Measurement area = group.getMeasurements(SCT.AreaOfDefinedRegion).get(0);
    double value = area.value().orElseThrow(); // 1.7
    CodedConcept unit = area.unit().orElseThrow(); // cm2

    List<EvidenceReference> evidence = sr.getEvidence(false); // study, series, instance, class
    // end snippet
    assertEquals("Planar ROI Measurements", trackingId);
    assertEquals(2, circle.length);
    assertEquals(1.7, value);
    assertEquals("cm2", unit.value());
    assertEquals(1, evidence.size());
  }

  @Test
  void findingContentItems() throws Exception {
    Path path = SrTestSupport.testdata().resolve("highdicom/sr_document.dcm");
    // snippet: docs/sr.md finding items
    ContentItem root = StructuredReports.read(path).content();
    List<ContentItem> containers =
        SrUtils.findContentItems(root, null, null, RelationshipTypeValues.CONTAINS, false);
    List<ContentItem> observers =
        SrUtils.findContentItems(root, DCM.PersonObserverName, null, null, false);
    List<ContentItem> measurements =
        SrUtils.findContentItems(root, null, ValueTypeValues.NUM, null, true);
    // end snippet
    assertEquals(2, containers.size());
    assertEquals(1, observers.size());
    assertEquals(1, measurements.size());
  }
}
