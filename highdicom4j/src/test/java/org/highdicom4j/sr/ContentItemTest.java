package org.highdicom4j.sr;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.stream.Stream;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.PersonName;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.dicom.io.DicomWriter;
import org.highdicom4j.dicom.io.WriteOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class ContentItemTest {
  static final CodedConcept NAME = new CodedConcept("121206", "DCM", "Distance");
  static final CodedConcept MM = new CodedConcept("mm", "UCUM", "millimeter");
  static final RelationshipTypeValues CONTAINS = RelationshipTypeValues.CONTAINS;
  static final String UID1 = "1.2.826.0.1.3680043.8.498.1";
  static final String UID2 = "1.2.826.0.1.3680043.8.498.2";

  static Stream<ContentItem> everyValueType() {
    return Stream.of(
        new ContainerContentItem(NAME, false, "1500", null),
        new CodeContentItem(NAME, MM, CONTAINS),
        new NumContentItem(NAME, 1.7, MM, CONTAINS),
        new NumContentItem(NAME, 3.0, MM, CONTAINS),
        new NumContentItem(NAME, 1.0 / 3.0, MM, CONTAINS),
        new NumContentItem(
            NAME, null, null, new CodedConcept("114006", "DCM", "Measurement failure"), CONTAINS),
        new TextContentItem(NAME, "A mass\r\nof 3 cm", CONTAINS),
        new DateContentItem(NAME, LocalDate.of(2000, 12, 6), CONTAINS),
        new TimeContentItem(NAME, LocalTime.of(12, 0, 1, 250_000_000), CONTAINS),
        new DateTimeContentItem(NAME, LocalDateTime.of(2000, 12, 6, 12, 0), CONTAINS),
        new PnameContentItem(NAME, "Doe^John", CONTAINS),
        new UIDRefContentItem(NAME, UID1, CONTAINS),
        new CompositeContentItem(NAME, UID.ComprehensiveSRStorage, UID1, CONTAINS),
        new ImageContentItem(
            NAME, UID.SegmentationStorage, UID1, new int[] {1, 3}, new int[] {2}, CONTAINS),
        new WaveformContentItem(NAME, UID1, UID2, new int[][] {{1, 2}, {1, 3}}, CONTAINS),
        new ScoordContentItem(
            NAME,
            GraphicTypeValues.CIRCLE,
            new double[][] {{45.1, 55.2}, {45.1, 65.3}},
            PixelOriginInterpretationValues.VOLUME,
            UID2,
            CONTAINS),
        new Scoord3DContentItem(
            NAME,
            GraphicTypeValues3D.POLYGON,
            new double[][] {{165, 200, 134}, {170, 200, 134}, {170, 220, 134}, {165, 200, 134}},
            UID1,
            null,
            CONTAINS),
        TcoordContentItem.ofSamplePositions(
            NAME, TemporalRangeTypeValues.SEGMENT, new long[] {1, 4294967295L}, CONTAINS),
        TcoordContentItem.ofTimeOffsets(
            NAME, TemporalRangeTypeValues.MULTIPOINT, new double[] {0.1, 1.0 / 3.0}, CONTAINS),
        TcoordContentItem.ofDateTimes(
            NAME,
            TemporalRangeTypeValues.POINT,
            List.of(LocalDateTime.of(2001, 2, 13, 18, 47, 46)),
            CONTAINS));
  }

  @ParameterizedTest
  @MethodSource("everyValueType")
  void roundTripsThroughDatasetAndFileBytes(ContentItem built) throws Exception {
    ContentItem parsed = ContentItem.fromDataset(built.toDataset());
    assertEquals(built, parsed);
    assertEquals(built.getClass(), parsed.getClass());
    // Through the encoded bytes of a file, so that VRs and number formats are exercised.
    DicomDataset file = new DicomDataset();
    file.setString(Tag.SOPClassUID, VR.UI, UID.ComprehensiveSRStorage);
    file.setString(Tag.SOPInstanceUID, VR.UI, UID2);
    file.newSequence(Tag.ContentSequence).add(built.toDataset());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    DicomWriter.write(out, file, null, WriteOptions.DEFAULT);
    DicomDataset read = DicomReader.read(out.toByteArray()).dataset();
    assertEquals(built, ContentItem.fromDataset(read.getSequence(Tag.ContentSequence).get(0)));
  }

  @Test
  void numWritesDecimalStringAndFloatingPointForFractions() {
    DicomDataset ds = new NumContentItem(NAME, 1.0 / 3.0, MM, CONTAINS).toDataset();
    DicomDataset mv = ds.getItem(Tag.MeasuredValueSequence);
    assertEquals("0.33333333333333", mv.getString(Tag.NumericValue));
    assertEquals(1.0 / 3.0, mv.getDouble(Tag.FloatingPointValue, 0), 0.0);
    DicomDataset integral = new NumContentItem(NAME, 3, MM, CONTAINS).toDataset();
    assertEquals("3", integral.getItem(Tag.MeasuredValueSequence).getString(Tag.NumericValue));
    assertTrue(!integral.getItem(Tag.MeasuredValueSequence).contains(Tag.FloatingPointValue));
  }

  @Test
  void scoordStoresSinglePrecisionCoordinates() {
    ScoordContentItem s =
        new ScoordContentItem(
            NAME, GraphicTypeValues.POINT, new double[][] {{0.1, 0.2}}, null, null, CONTAINS);
    assertArrayEquals(new float[] {0.1f, 0.2f}, s.graphicData());
    assertEquals((double) 0.1f, s.value()[0][0], 0.0);
    assertEquals(VR.FL, s.toDataset().vr(Tag.GraphicData));
  }

  @Test
  void containerWritesContinuityAndTemplate() {
    DicomDataset ds = new ContainerContentItem(NAME, false, "1500", null).toDataset();
    assertEquals("SEPARATE", ds.getString(Tag.ContinuityOfContent));
    DicomDataset t = ds.getItem(Tag.ContentTemplateSequence);
    assertEquals("DCMR", t.getString(Tag.MappingResource));
    assertEquals("1500", t.getString(Tag.TemplateIdentifier));
    assertTrue(!ds.contains(Tag.RelationshipType));
  }

  @Test
  void nestedContentRoundTrips() {
    ContentItem tree =
        new ContainerContentItem(NAME, null)
            .withContent(
                List.of(
                    new NumContentItem(NAME, 2.5, MM, CONTAINS)
                        .withContent(
                            List.of(
                                new CodeContentItem(
                                    NAME, MM, RelationshipTypeValues.HAS_CONCEPT_MOD))),
                    new ScoordContentItem(
                            NAME,
                            GraphicTypeValues.POINT,
                            new double[][] {{1, 2}},
                            null,
                            null,
                            CONTAINS)
                        .withContent(
                            List.of(
                                new ImageContentItem(
                                    NAME,
                                    UID.CTImageStorage,
                                    UID1,
                                    RelationshipTypeValues.SELECTED_FROM)))));
    ContentItem parsed = ContentItem.fromDataset(tree.toDataset());
    assertEquals(tree, parsed);
    assertEquals(2, parsed.content().size());
    assertEquals(1, parsed.content().nodes().size() - 1);
    assertEquals(2, parsed.find(NAME).size());
  }

  @Test
  void itemsDifferingInValueAreNotEqual() {
    assertNotEquals(
        new NumContentItem(NAME, 1.0, MM, CONTAINS), new NumContentItem(NAME, 2.0, MM, CONTAINS));
    assertNotEquals(
        new NumContentItem(NAME, 1.0, MM, CONTAINS),
        new NumContentItem(NAME, 1.0, MM, RelationshipTypeValues.HAS_PROPERTIES));
  }

  static void assertRejects(String fragment, Runnable r) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
    assertTrue(
        e.getMessage().contains(fragment),
        () -> "message lacks '" + fragment + "': " + e.getMessage());
  }

  @Test
  void validatesValuesAsHighdicomDoes() {
    assertRejects(
        "MeasurementUnitsCodeSequence (0040,08EA) is required",
        () -> new NumContentItem(NAME, 1.0, null, null, CONTAINS));
    assertRejects(
        "NumericValueQualifierCodeSequence (0040,A301) is required",
        () -> new NumContentItem(NAME, null, MM, null, CONTAINS));
    assertRejects("must be finite", () -> new NumContentItem(NAME, Double.NaN, MM, CONTAINS));
    assertRejects(
        "graphic type POINT has 2 points (expected exactly 1",
        () ->
            new ScoordContentItem(
                NAME, GraphicTypeValues.POINT, new double[][] {{1, 2}, {3, 4}}, null, null, null));
    assertRejects(
        "graphic type CIRCLE has 1 points",
        () ->
            new ScoordContentItem(
                NAME, GraphicTypeValues.CIRCLE, new double[][] {{1, 2}}, null, null, null));
    assertRejects(
        "graphic type POLYLINE has 1 points (expected at least 2",
        () ->
            new ScoordContentItem(
                NAME, GraphicTypeValues.POLYLINE, new double[][] {{1, 2}}, null, null, null));
    assertRejects(
        "has 3 coordinates (expected 2)",
        () ->
            new ScoordContentItem(
                NAME, GraphicTypeValues.POINT, new double[][] {{1, 2, 3}}, null, null, null));
    assertRejects(
        "POLYGON is not closed",
        () ->
            new Scoord3DContentItem(
                NAME,
                GraphicTypeValues3D.POLYGON,
                new double[][] {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 0}},
                UID1,
                null,
                null));
    assertRejects(
        "POLYGON is not planar",
        () ->
            new Scoord3DContentItem(
                NAME,
                GraphicTypeValues3D.POLYGON,
                new double[][] {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 5}, {0, 0, 0}},
                UID1,
                null,
                null));
    assertRejects(
        "ELLIPSOID has 4 points (expected exactly 6",
        () ->
            new Scoord3DContentItem(
                NAME,
                GraphicTypeValues3D.ELLIPSOID,
                new double[][] {{0, 0, 0}, {1, 0, 0}, {1, 1, 0}, {0, 1, 5}},
                UID1,
                null,
                null));
    assertRejects(
        "SEGMENT has 3 temporal positions (expected exactly 2)",
        () ->
            TcoordContentItem.ofSamplePositions(
                NAME, TemporalRangeTypeValues.SEGMENT, new long[] {1, 2, 3}, null));
    assertRejects(
        "ReferencedSOPInstanceUID (0008,1155) is not a valid UID",
        () -> new CompositeContentItem(NAME, UID1, "1.2.03", null));
    assertRejects(
        "ReferencedFrameNumber (0008,1160) values must be positive",
        () -> new ImageContentItem(NAME, UID1, UID2, new int[] {0}, null, null));
    assertRejects(
        "UID (0040,A124) is not a valid UID", () -> new UIDRefContentItem(NAME, "x", null));
    assertRejects(
        "TemplateIdentifier (0040,DB00) is invalid",
        () -> new ContainerContentItem(NAME, true, "", null));
    assertRejects(
        "ValueType (0040,A040) has an unknown value (expected one of CODE",
        () -> ValueTypeValues.fromValue("TABLEX"));
    assertEquals(
        RelationshipTypeValues.HAS_OBS_CONTEXT,
        RelationshipTypeValues.fromValue("HAS OBS CONTEXT"));
  }

  @Test
  void contentSequenceEnforcesRelationshipTypes() {
    ContainerContentItem root = new ContainerContentItem(NAME, null);
    assertRejects(
        "RelationshipType (0040,A010) is missing",
        () -> root.withContent(List.of(new TextContentItem(NAME, "x", null))));
    assertRejects(
        "must be absent on a root content item",
        () -> new ContentSequence(List.of(new TextContentItem(NAME, "x", CONTAINS)), true, true));
    assertRejects(
        "only allowed in an SR document", () -> new ContentSequence(List.of(root), true, false));
    assertTrue(new ContentSequence(List.of(root), true, true).isRoot());
  }

  @Test
  void checksRelationshipContentConstraints() {
    ContainerContentItem c = new ContainerContentItem(NAME, null);
    assertRejects(
        "SELECTED FROM from a CONTAINER item to a IMAGE item is not allowed",
        () ->
            c.withContent(
                List.of(
                    new ImageContentItem(NAME, UID1, UID2, RelationshipTypeValues.SELECTED_FROM))));
    TextContentItem t = new TextContentItem(NAME, "x", CONTAINS);
    assertRejects(
        "CONTAINS from a TEXT item",
        () -> t.withContent(List.of(new TextContentItem(NAME, "y", CONTAINS))));
    assertRejects(
        "HAS CONCEPT MOD from a NUM item to a NUM item",
        () ->
            new NumContentItem(NAME, 1, MM, CONTAINS)
                .withContent(
                    List.of(
                        new NumContentItem(NAME, 1, MM, RelationshipTypeValues.HAS_CONCEPT_MOD))));
  }

  @Test
  void readsUnknownAndIncompleteItemsAsGeneric() {
    DicomDataset table = new DicomDataset();
    table.setString(Tag.RelationshipType, VR.CS, "CONTAINS");
    table.setString(Tag.ValueType, VR.CS, "TABLE");
    table.newSequence(Tag.ConceptNameCodeSequence).add(NAME.toDataset());
    table
        .newSequence(Tag.ContentSequence)
        .add(new TextContentItem(NAME, "x", CONTAINS).toDataset());
    ContentItem g = ContentItem.fromDataset(table);
    GenericContentItem generic = assertInstanceOf(GenericContentItem.class, g);
    assertEquals("TABLE", generic.valueTypeString().orElseThrow());
    assertInstanceOf(TextContentItem.class, g.content().get(0));
    assertEquals(table, g.toDataset());

    DicomDataset code = new DicomDataset();
    code.setString(Tag.RelationshipType, VR.CS, "CONTAINS");
    code.setString(Tag.ValueType, VR.CS, "CODE");
    code.newSequence(Tag.ConceptNameCodeSequence).add(NAME.toDataset());
    assertInstanceOf(GenericContentItem.class, ContentItem.fromDataset(code));
    assertRejects("is not a valid CODE item", () -> CodeContentItem.fromDataset(code));

    DicomDataset byRef = new DicomDataset();
    byRef.setString(Tag.RelationshipType, VR.CS, "INFERRED FROM");
    byRef.setInt(Tag.ReferencedContentItemIdentifier, VR.UL, 1, 2, 2);
    GenericContentItem ref =
        assertInstanceOf(GenericContentItem.class, ContentItem.fromDataset(byRef));
    assertArrayEquals(new int[] {1, 2, 2}, ref.referencedContentItemIdentifier());
    assertEquals(byRef, ref.toDataset());
  }

  @Test
  void personNameAndTemporalValuesParseTheirDicomForms() {
    PnameContentItem p = new PnameContentItem(NAME, "Riesmeier^Joerg", null);
    assertEquals(PersonName.parse("Riesmeier^Joerg"), p.value());
    assertEquals(LocalDate.of(2000, 12, 6), new DateContentItem(NAME, "20001206", null).value());
    assertEquals(LocalTime.of(12, 0), new TimeContentItem(NAME, "120000", null).value());
    assertThrows(
        IllegalArgumentException.class, () -> new DateContentItem(NAME, "2000-12-06", null));
  }
}
