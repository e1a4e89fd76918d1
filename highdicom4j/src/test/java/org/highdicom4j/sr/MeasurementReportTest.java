package org.highdicom4j.sr;

import static org.highdicom4j.sr.ContentItemTest.assertRejects;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.coding.DCM;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.junit.jupiter.api.Test;

class MeasurementReportTest {
  static final String CT1 = "1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12322";
  static final String CT2 = "1.3.6.1.4.1.5962.1.1.1.1.1.20040119072730.12323";
  static final String SEG = "1.2.826.0.1.3680043.8.498.77";
  static final String FOR = "1.2.826.0.1.3680043.8.498.55";
  static final CodedConcept MM = new CodedConcept("mm", "UCUM", "millimeter");
  static final CodedConcept MM3 = new CodedConcept("mm3", "UCUM", "cubic millimeter");
  static final CodedConcept HU = new CodedConcept("[hnsf'U]", "UCUM", "Hounsfield unit");
  static final CodedConcept DIAMETER = new CodedConcept("81827009", "SCT", "Diameter");
  static final CodedConcept VOLUME = new CodedConcept("118565006", "SCT", "Volume");
  static final CodedConcept NODULE = new CodedConcept("27925004", "SCT", "Nodule");
  static final CodedConcept LUNG = new CodedConcept("39607008", "SCT", "Lung");
  static final CodedConcept NOT_SIGNIFICANT =
      new CodedConcept("371928007", "SCT", "Not significant");

  static DicomDataset ctImage(String uid, double z) {
    DicomDataset ds = new DicomDataset();
    ds.setString(Tag.SOPClassUID, VR.UI, UID.CTImageStorage);
    ds.setString(Tag.SOPInstanceUID, VR.UI, uid);
    ds.setString(Tag.Modality, VR.CS, "CT");
    ds.setString(Tag.FrameOfReferenceUID, VR.UI, FOR);
    ds.setInt(Tag.Rows, VR.US, 16);
    ds.setInt(Tag.Columns, VR.US, 16);
    ds.setDouble(Tag.PixelSpacing, VR.DS, 0.5, 0.75);
    ds.setDouble(Tag.SliceThickness, VR.DS, 2.5);
    ds.setDouble(Tag.ImagePositionPatient, VR.DS, -10, -20, z);
    ds.setDouble(Tag.ImageOrientationPatient, VR.DS, 1, 0, 0, 0, 1, 0);
    return ds;
  }

  static MeasurementReport report() {
    ObservationContext oc =
        new ObservationContext(
            new ObserverContext(
                new PersonObserverIdentifyingAttributes("Doe^John", null, "Hospital", null, null)),
            new ObserverContext(
                new DeviceObserverIdentifyingAttributes(
                    FOR, "Device", "Manufacturer", null, null, null, null)),
            new SubjectContext(new SubjectContextSpecimen(SEG, "S1", null, null)));
    TrackingIdentifier imageId =
        new TrackingIdentifier("1.2.826.0.1.3680043.8.498.11", "Image0001");
    MeasurementsAndQualitativeEvaluations imageGroup =
        MeasurementsAndQualitativeEvaluations.builder(imageId)
            .sourceImages(List.of(new SourceImageForMeasurementGroup(UID.CTImageStorage, CT1)))
            .measurements(
                List.of(
                    Measurement.builder(
                            new CodedConcept("X6K6", "IBSI", "Intensity Histogram Mean"),
                            -119.0738525390625,
                            HU)
                        .derivation(new CodedConcept("373098007", "SCT", "Mean"))
                        .algorithmId(new AlgorithmIdentification("algo", "1.0", List.of("p=1")))
                        .build()))
            .qualitativeEvaluations(
                List.of(new QualitativeEvaluation(DCM.LevelOfSignificance, NOT_SIGNIFICANT)))
            .timePointContext(
                new TimePointContext(
                    "Baseline",
                    null,
                    1,
                    null,
                    null,
                    new LongitudinalTemporalOffsetFromEvent(
                        0,
                        new CodedConcept("d", "UCUM", "day"),
                        new CodedConcept("255235001", "SCT", "Baseline"))))
            .build();
    PlanarROIMeasurementsAndQualitativeEvaluations nodule =
        PlanarROIMeasurementsAndQualitativeEvaluations.builder(
                new TrackingIdentifier("1.2.826.0.1.3680043.8.498.12", "LungNodule0001"))
            .referencedRegion(
                new ImageRegion(
                    GraphicTypeValues.CIRCLE,
                    new double[][] {{45, 55}, {45, 65}},
                    new SourceImageForRegion(UID.CTImageStorage, CT1)))
            .findingType(NODULE)
            .findingCategory(
                new CodedConcept("49755003", "SCT", "Morphologically Abnormal Structure"))
            .findingSites(
                List.of(new FindingSite(LUNG, new CodedConcept("7771000", "SCT", "Left"), null)))
            .measurements(
                List.of(
                    Measurement.builder(DIAMETER, 10.0, MM)
                        .trackingIdentifier(
                            new TrackingIdentifier("1.2.826.0.1.3680043.8.498.13", null))
                        .properties(
                            new MeasurementProperties(
                                new CodedConcept("17621005", "SCT", "Normal"),
                                NOT_SIGNIFICANT,
                                null,
                                null,
                                null,
                                0.5,
                                null))
                        .referencedImages(
                            List.of(new SourceImageForMeasurement(UID.CTImageStorage, CT1)))
                        .build()))
            .qualitativeEvaluations(
                List.of(new QualitativeEvaluation(DCM.LevelOfSignificance, NOT_SIGNIFICANT)))
            .build();
    PlanarROIMeasurementsAndQualitativeEvaluations aorta =
        PlanarROIMeasurementsAndQualitativeEvaluations.builder(
                new TrackingIdentifier("1.2.826.0.1.3680043.8.498.14", "Aorta0001"))
            .referencedRegion(
                new ImageRegion3D(
                    GraphicTypeValues3D.POLYGON,
                    new double[][] {{1, 2, 3}, {4, 2, 3}, {4, 6, 3}, {1, 2, 3}},
                    FOR))
            .findingType(new CodedConcept("15825003", "SCT", "Aorta"))
            .measurements(List.of(new Measurement(DIAMETER, 20.0, MM)))
            .build();
    PlanarROIMeasurementsAndQualitativeEvaluations segFrame =
        PlanarROIMeasurementsAndQualitativeEvaluations.builder(
                new TrackingIdentifier("1.2.826.0.1.3680043.8.498.15", "Seg0001"))
            .referencedSegment(
                new ReferencedSegmentationFrame(
                    UID.SegmentationStorage,
                    SEG,
                    2,
                    1,
                    new SourceImageForSegmentation(UID.CTImageStorage, CT2)))
            .measurements(List.of(new Measurement(DIAMETER, 5.0, MM)))
            .build();
    VolumetricROIMeasurementsAndQualitativeEvaluations vertebra =
        VolumetricROIMeasurementsAndQualitativeEvaluations.builder(
                new TrackingIdentifier("1.2.826.0.1.3680043.8.498.16", "Vertebra0001"))
            .referencedVolumeSurface(
                new VolumeSurface(
                    GraphicTypeValues3D.POINT,
                    List.<double[][]>of(new double[][] {{123.5, 234.1, -23.7}}),
                    FOR,
                    List.of(new SourceImageForSegmentation(UID.CTImageStorage, CT1)),
                    null))
            .findingType(new CodedConcept("51282000", "SCT", "Vertebra"))
            .measurements(List.of(new Measurement(VOLUME, 200.0, MM3)))
            .build();
    VolumetricROIMeasurementsAndQualitativeEvaluations segmented =
        VolumetricROIMeasurementsAndQualitativeEvaluations.builder(
                new TrackingIdentifier("1.2.826.0.1.3680043.8.498.17", "Liver0001"))
            .referencedSegment(
                new ReferencedSegment(
                    UID.SegmentationStorage,
                    SEG,
                    3,
                    null,
                    null,
                    new SourceSeriesForSegmentation("1.2.826.0.1.3680043.8.498.18")))
            .referencedRealWorldValueMap(new RealWorldValueMap("1.2.826.0.1.3680043.8.498.19"))
            .measurements(
                List.of(
                    Measurement.builder(VOLUME, null, null)
                        .qualifier(new CodedConcept("114006", "DCM", "Measurement failure"))
                        .build()))
            .build();
    VolumetricROIMeasurementsAndQualitativeEvaluations regions =
        VolumetricROIMeasurementsAndQualitativeEvaluations.builder(
                new TrackingIdentifier("1.2.826.0.1.3680043.8.498.20", "Regions0001"))
            .referencedRegions(
                List.of(
                    new ImageRegion(
                        GraphicTypeValues.POLYLINE,
                        new double[][] {{1, 1}, {5, 1}, {5, 5}, {1, 1}},
                        new SourceImageForRegion(UID.CTImageStorage, CT1)),
                    new ImageRegion(
                        GraphicTypeValues.POLYLINE,
                        new double[][] {{1, 1}, {6, 1}, {6, 6}, {1, 1}},
                        new SourceImageForRegion(UID.CTImageStorage, CT2))))
            .measurements(List.of(new Measurement(VOLUME, 31.25, MM3)))
            .build();
    return new MeasurementReport(
        oc,
        List.of(new CodedConcept("25045-6", "LN", "CT unspecified body region")),
        List.of(imageGroup, nodule, aorta, segFrame, vertebra, segmented, regions),
        null,
        null,
        List.of(ctImage(CT1, 0), ctImage(CT2, 2.5)));
  }

  @Test
  void roundTripsWholeReportThroughDataset() {
    MeasurementReport built = report();
    MeasurementReport parsed = MeasurementReport.fromDataset(built.toDataset());
    assertEquals(built, parsed);
    assertEquals(built.toContentItem(), parsed.toContentItem());
    assertEquals(7, parsed.measurementGroups().size());
    for (int i = 0; i < 7; i++) {
      assertEquals(
          built.measurementGroups().get(i).getClass(),
          parsed.measurementGroups().get(i).getClass());
      assertEquals(built.measurementGroups().get(i), parsed.measurementGroups().get(i));
    }
  }

  @Test
  void writesTid1500Structure() {
    DicomDataset ds = report().toDataset();
    assertEquals("CONTAINER", ds.getString(Tag.ValueType));
    assertTrue(!ds.contains(Tag.RelationshipType));
    assertEquals("1500", ds.getItem(Tag.ContentTemplateSequence).getString(Tag.TemplateIdentifier));
    assertEquals("126000", ds.getItem(Tag.ConceptNameCodeSequence).getString(Tag.CodeValue));
    DicomDataset language = ds.getSequence(Tag.ContentSequence).get(0);
    assertEquals("HAS CONCEPT MOD", language.getString(Tag.RelationshipType));
    assertEquals("en-US", language.getItem(Tag.ConceptCodeSequence).getString(Tag.CodeValue));
  }

  @Test
  void queriesMeasurementGroups() {
    MeasurementReport r = MeasurementReport.fromDataset(report().toDataset());
    assertEquals(1, r.getImageMeasurementGroups().size());
    assertEquals(
        1,
        r.getImageMeasurementGroups(MeasurementGroupQuery.all().referencedSopInstanceUid(CT1))
            .size());
    assertEquals(
        0,
        r.getImageMeasurementGroups(MeasurementGroupQuery.all().referencedSopInstanceUid(CT2))
            .size());
    assertEquals(
        1,
        r.getImageMeasurementGroups(
                MeasurementGroupQuery.all().trackingUid("1.2.826.0.1.3680043.8.498.11"))
            .size());
    assertEquals(3, r.getPlanarRoiMeasurementGroups().size());
    assertEquals(
        1,
        r.getPlanarRoiMeasurementGroups(
                MeasurementGroupQuery.all().findingType(NODULE).findingSite(LUNG))
            .size());
    assertEquals(
        1,
        r.getPlanarRoiMeasurementGroups(
                MeasurementGroupQuery.all().graphicType(GraphicTypeValues.CIRCLE))
            .size());
    assertEquals(
        1,
        r.getPlanarRoiMeasurementGroups(
                MeasurementGroupQuery.all().graphicType(GraphicTypeValues3D.POLYGON))
            .size());
    assertEquals(
        2,
        r.getPlanarRoiMeasurementGroups(MeasurementGroupQuery.all().referenceType(DCM.ImageRegion))
            .size());
    assertEquals(
        1,
        r.getPlanarRoiMeasurementGroups(MeasurementGroupQuery.all().referencedSopInstanceUid(SEG))
            .size());
    assertEquals(
        1,
        r.getPlanarRoiMeasurementGroups(MeasurementGroupQuery.all().referencedSopInstanceUid(CT2))
            .size());
    assertEquals(3, r.getVolumetricRoiMeasurementGroups().size());
    assertEquals(
        1,
        r.getVolumetricRoiMeasurementGroups(
                MeasurementGroupQuery.all().referenceType(DCM.VolumeSurface))
            .size());
    assertEquals(
        1,
        r.getVolumetricRoiMeasurementGroups(
                MeasurementGroupQuery.all().referenceType(DCM.ReferencedSegment))
            .size());
    assertEquals(
        1,
        r.getVolumetricRoiMeasurementGroups(
                MeasurementGroupQuery.all().graphicType(GraphicTypeValues.POLYLINE))
            .size());
    assertRejects(
        "expected no referenceType or graphicType",
        () ->
            r.getImageMeasurementGroups(
                MeasurementGroupQuery.all().graphicType(GraphicTypeValues.POINT)));
    assertRejects(
        "A 3D graphic type cannot be combined with a referenced SOP instance",
        () ->
            r.getPlanarRoiMeasurementGroups(
                MeasurementGroupQuery.all()
                    .graphicType(GraphicTypeValues3D.POINT)
                    .referencedSopInstanceUid(CT1)));
    assertRejects(
        "A graphic type filter needs reference type",
        () ->
            r.getPlanarRoiMeasurementGroups(
                MeasurementGroupQuery.all()
                    .graphicType(GraphicTypeValues.POINT)
                    .referenceType(DCM.ReferencedSegmentationFrame)));
  }

  @Test
  void exposesGroupAndMeasurementContent() {
    MeasurementReport r = MeasurementReport.fromDataset(report().toDataset());
    PlanarROIMeasurementsAndQualitativeEvaluations g = r.getPlanarRoiMeasurementGroups().get(0);
    assertEquals("LungNodule0001", g.trackingIdentifier().identifier().orElseThrow());
    assertEquals(NODULE, g.findingType().orElseThrow());
    assertEquals(LUNG, g.findingSites().get(0).value());
    assertEquals("7771000", g.findingSites().get(0).laterality().orElseThrow().value());
    assertEquals(DCM.ImageRegion, g.referenceType().orElseThrow());
    ImageRegion roi = assertInstanceOf(ImageRegion.class, g.roi().orElseThrow());
    assertEquals(GraphicTypeValues.CIRCLE, roi.graphicType());
    assertEquals(65.0, roi.value()[1][1]);
    assertEquals(CT1, roi.sourceImage().orElseThrow().referencedSopInstanceUid());
    Measurement m = g.getMeasurements(DIAMETER).get(0);
    assertEquals(10.0, m.value().orElseThrow());
    assertEquals(MM, m.unit().orElseThrow());
    assertEquals("1.2.826.0.1.3680043.8.498.13", m.trackingIdentifier().orElseThrow().uid());
    assertEquals(NOT_SIGNIFICANT, m.properties().orElseThrow().levelOfSignificance().orElseThrow());
    assertEquals(0.5, m.properties().orElseThrow().upperMeasurementUncertainty().orElseThrow());
    assertEquals(CT1, m.referencedImages().get(0).referencedSopInstanceUid());
    assertEquals(
        NOT_SIGNIFICANT, g.getQualitativeEvaluations(DCM.LevelOfSignificance).get(0).value());
    assertEquals(0, g.getMeasurements(VOLUME).size());

    MeasurementsAndQualitativeEvaluations img = r.getImageMeasurementGroups().get(0);
    assertEquals("Baseline", img.timePointContext().orElseThrow().timePoint());
    assertEquals(1, img.timePointContext().orElseThrow().timePointOrder().orElseThrow());
    assertEquals(-119.0738525390625, img.measurements().get(0).value().orElseThrow());
    assertEquals("algo", img.measurements().get(0).algorithmId().orElseThrow().name());
    assertEquals(
        List.of("p=1"), img.measurements().get(0).algorithmId().orElseThrow().parameters());
    assertEquals(CT1, img.sourceImages().get(0).referencedSopInstanceUid());

    VolumetricROIMeasurementsAndQualitativeEvaluations seg =
        r.getVolumetricRoiMeasurementGroups(
                MeasurementGroupQuery.all().referenceType(DCM.ReferencedSegment))
            .get(0);
    assertEquals(3, seg.referencedSegment().orElseThrow().segmentNumber());
    assertTrue(seg.measurements().get(0).value().isEmpty());
    assertEquals("114006", seg.measurements().get(0).qualifier().orElseThrow().value());
    assertEquals(
        "1.2.826.0.1.3680043.8.498.19",
        seg.referencedRealWorldValueMap().orElseThrow().referencedSopInstanceUid());

    assertEquals(2, r.getObserverContexts(null).size());
    assertEquals(
        "Doe^John",
        r.getObserverContexts(DCM.Person).get(0).personAttributes().orElseThrow().name());
    assertEquals(
        FOR, r.getObserverContexts(DCM.Device).get(0).deviceAttributes().orElseThrow().uid());
    assertEquals(1, r.getSubjectContexts(DCM.Specimen).size());
    assertEquals(2, r.imageLibrary().orElseThrow().entries().size());
    assertEquals(List.of(new CodedConcept("25045-6", "LN", "x")), r.procedureReported());
  }

  @Test
  void imageLibraryDescribesCrossSectionalImages() {
    List<ContentItem> d = new ImageLibraryEntryDescriptors(ctImage(CT1, 7.5), null).contentItems();
    List<String> names = new ArrayList<>();
    for (ContentItem c : d) {
      names.add(c.name().value());
    }
    // TID 1602/1604: modality, frame of reference, matrix, spacing, thickness, position,
    // orientation.
    assertEquals(
        List.of(
            "121139", "112227", "110910", "110911", "111026", "111066", "112225", "110901",
            "110902", "110903", "110904", "110905", "110906", "110907", "110908", "110909"),
        names);
    assertEquals("Computed Tomography", ((CodeContentItem) d.get(0)).value().meaning());
    // Horizontal spacing is the column spacing, the second Pixel Spacing value.
    assertEquals(0.75, ((NumContentItem) d.get(4)).value().orElseThrow());
    assertEquals(7.5, ((NumContentItem) d.get(9)).value().orElseThrow());
  }

  @Test
  void validatesTemplatesAsHighdicomDoes() {
    TrackingIdentifier id = new TrackingIdentifier("Region0001");
    ImageRegion region =
        new ImageRegion(
            GraphicTypeValues.POINT,
            new double[][] {{1, 1}},
            new SourceImageForRegion(UID.CTImageStorage, CT1));
    assertRejects(
        "(expected exactly one): neither",
        () -> PlanarROIMeasurementsAndQualitativeEvaluations.builder(id).build());
    assertRejects(
        "(expected exactly one): both",
        () ->
            PlanarROIMeasurementsAndQualitativeEvaluations.builder(id)
                .referencedRegion(region)
                .referencedSegment(
                    new ReferencedSegmentationFrame(
                        UID.SegmentationStorage,
                        SEG,
                        1,
                        1,
                        new SourceImageForSegmentation(UID.CTImageStorage, CT1)))
                .build());
    assertRejects(
        "needs a human-readable identifier",
        () ->
            PlanarROIMeasurementsAndQualitativeEvaluations.builder(
                    new TrackingIdentifier(null, null))
                .referencedRegion(region)
                .build());
    assertRejects(
        "not allowed in PlanarROIMeasurementsAndQualitativeEvaluations.",
        () ->
            PlanarROIMeasurementsAndQualitativeEvaluations.builder(id)
                .referencedRegion(region)
                .measurements(
                    List.of(
                        Measurement.builder(DIAMETER, 1.0, MM)
                            .referencedCoordinates(
                                new CoordinatesForMeasurement(
                                    GraphicTypeValues.POINT,
                                    new double[][] {{1, 1}},
                                    new SourceImageForRegion(UID.CTImageStorage, CT1),
                                    null))
                            .build()))
                .build());
    assertRejects(
        "(expected exactly one): 0",
        () -> VolumetricROIMeasurementsAndQualitativeEvaluations.builder(id).build());
    assertRejects(
        "is one element (expected 1 graphic data array): 2",
        () ->
            new VolumeSurface(
                GraphicTypeValues3D.POINT,
                List.<double[][]>of(new double[][] {{1, 1, 1}}, new double[][] {{2, 2, 2}}),
                FOR,
                null,
                new SourceSeriesForSegmentation(FOR)));
    assertRejects(
        "(expected at least 2 graphic data arrays): 1",
        () ->
            new VolumeSurface(
                GraphicTypeValues3D.ELLIPSE,
                List.<double[][]>of(new double[][] {{0, 0, 0}, {2, 0, 0}, {1, 1, 0}, {1, -1, 0}}),
                FOR,
                null,
                new SourceSeriesForSegmentation(FOR)));
    assertRejects(
        "must be POINT, ELLIPSOID, ELLIPSE or POLYGON",
        () ->
            new VolumeSurface(
                GraphicTypeValues3D.POLYLINE,
                List.<double[][]>of(new double[][] {{1, 1, 1}, {2, 2, 2}}),
                FOR,
                null,
                new SourceSeriesForSegmentation(FOR)));
    assertRejects(
        "(expected exactly one): neither",
        () ->
            new VolumeSurface(
                GraphicTypeValues3D.POINT,
                List.<double[][]>of(new double[][] {{1, 1, 1}}),
                FOR,
                null,
                null));
    assertRejects(
        "MULTIPOINT does not describe an image region",
        () ->
            new ImageRegion(
                GraphicTypeValues.MULTIPOINT,
                new double[][] {{1, 1}, {2, 2}},
                new SourceImageForRegion(UID.CTImageStorage, CT1)));
    assertRejects(
        "FRAME needs referenced frame numbers",
        () ->
            new ImageRegion(
                GraphicTypeValues.POINT,
                new double[][] {{1, 1}},
                new SourceImageForRegion(UID.VLWholeSlideMicroscopyImageStorage, CT1),
                PixelOriginInterpretationValues.FRAME));
    ImageRegion sm =
        new ImageRegion(
            GraphicTypeValues.POINT,
            new double[][] {{1, 1}},
            new SourceImageForRegion(UID.VLWholeSlideMicroscopyImageStorage, CT1));
    assertEquals(
        PixelOriginInterpretationValues.VOLUME, sm.pixelOriginInterpretation().orElseThrow());
    DicomDataset sr = new DicomDataset();
    sr.setString(Tag.SOPClassUID, VR.UI, UID.ComprehensiveSRStorage);
    sr.setString(Tag.SOPInstanceUID, VR.UI, CT1);
    sr.setString(Tag.Modality, VR.CS, "SR");
    assertRejects("must not be an SR document", () -> SourceImageForRegion.fromSourceImage(sr));
    assertRejects(
        "out of range (expected 1 to NumberOfFrames 1): 2",
        () -> SourceImageForMeasurement.fromSourceImage(ctImage(CT1, 0), 2));
    assertRejects(
        "Procedure reported (121058, DCM) is required",
        () ->
            new MeasurementReport(new ObservationContext(null, null, null), List.of(), List.of()));
  }

  @Test
  void readsGroupsWithoutTemplateIdentifiers() {
    MeasurementReport built = report();
    ContainerContentItem root = built.toContentItem();
    // Rebuild the report's groups without ContentTemplateSequence, as some writers do.
    List<ContentItem> children = new ArrayList<>();
    for (ContentItem c : root.content()) {
      if (DCM.ImagingMeasurements.equals(c.name())) {
        List<ContentItem> groups = new ArrayList<>();
        for (ContentItem g : c.content()) {
          groups.add(
              new ContainerContentItem(g.name(), true, null, RelationshipTypeValues.CONTAINS)
                  .withContent(g.content()));
        }
        c = ((ContainerContentItem) c).withContent(groups);
      }
      children.add(c);
    }
    MeasurementReport r = MeasurementReport.fromContentItem(root.withContent(children));
    assertEquals(1, r.getImageMeasurementGroups().size());
    assertEquals(3, r.getPlanarRoiMeasurementGroups().size());
    assertEquals(3, r.getVolumetricRoiMeasurementGroups().size());
  }
}
