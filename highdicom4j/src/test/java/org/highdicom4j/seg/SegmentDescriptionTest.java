package org.highdicom4j.seg;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.highdicom4j.AlgorithmIdentificationSequence;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.coding.DCM;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.dict.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SegmentDescriptionTest {
  private static final CodedConcept CATEGORY =
      new CodedConcept("49755003", "SCT", "Morphologically Abnormal Structure");
  private static final CodedConcept TYPE = new CodedConcept("108369006", "SCT", "Neoplasm");
  private static final AlgorithmIdentificationSequence ALGORITHM =
      new AlgorithmIdentificationSequence("Auto-Tumor", DCM.ArtificialIntelligence, "v1.0");

  private static SegmentDescription.Builder builder(int number, SegmentAlgorithmTypeValues t) {
    return SegmentDescription.builder(number, "tumor", CATEGORY, TYPE, t);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 65536})
  void rejectsSegmentNumbersOutside1To65535(int number) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder(number, SegmentAlgorithmTypeValues.MANUAL));
    assertTrue(
        e.getMessage().contains("SegmentNumber (0062,0004) is out of range"), e.getMessage());
  }

  @Test
  void acceptsTheExtremeSegmentNumbers() {
    assertEquals(1, builder(1, SegmentAlgorithmTypeValues.MANUAL).build().segmentNumber());
    assertEquals(65535, builder(65535, SegmentAlgorithmTypeValues.MANUAL).build().segmentNumber());
  }

  @ParameterizedTest
  @ValueSource(strings = {"AUTOMATIC", "SEMIAUTOMATIC"})
  void requiresAlgorithmIdentificationUnlessManual(String type) {
    SegmentDescription.Builder b = builder(1, SegmentAlgorithmTypeValues.fromValue(type));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, b::build);
    assertTrue(
        e.getMessage().contains("required unless SegmentAlgorithmType is MANUAL"), e.getMessage());
  }

  @Test
  void requiresTrackingIdAndUidTogether() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder(1, SegmentAlgorithmTypeValues.MANUAL).trackingId("lesion 1").build());
    assertTrue(e.getMessage().contains("must both be provided"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                builder(1, SegmentAlgorithmTypeValues.MANUAL)
                    .trackingUid(UidGenerator.newUid())
                    .build());
    assertTrue(e.getMessage().contains("trackingUid only"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder(1, SegmentAlgorithmTypeValues.MANUAL).trackingUid("abc"));
    assertTrue(
        e.getMessage().contains("TrackingUID (0062,0021) is not a valid UID"), e.getMessage());
  }

  @Test
  void rejectsLongLabelsAndBadColours() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                SegmentDescription.builder(
                    1, "l".repeat(65), CATEGORY, TYPE, SegmentAlgorithmTypeValues.MANUAL));
    assertTrue(e.getMessage().contains("SegmentLabel (0062,0005) is too long"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> builder(1, SegmentAlgorithmTypeValues.MANUAL).displayColorCIELab(0, 70000, 0));
    assertTrue(
        e.getMessage().contains("RecommendedDisplayCIELabValue (0062,000D)"), e.getMessage());
    assertThrows(
        NullPointerException.class,
        () -> SegmentDescription.builder(1, "x", null, TYPE, SegmentAlgorithmTypeValues.MANUAL));
  }

  @Test
  void writesTheSegmentDescriptionMacroAndReadsItBack() {
    String uid = UidGenerator.newUid();
    SegmentDescription d =
        builder(2, SegmentAlgorithmTypeValues.AUTOMATIC)
            .algorithmIdentification(ALGORITHM)
            .trackingId("lesion 1")
            .trackingUid(uid)
            .anatomicRegions(new CodedConcept("64033007", "SCT", "Kidney"))
            .primaryAnatomicStructures(new CodedConcept("10200004", "SCT", "Liver"))
            .displayColorCIELab(50000, 20000, 40000)
            .build();
    DicomDataset item = d.toItem();
    assertEquals(2, item.getInt(Tag.SegmentNumber, 0));
    assertEquals("AUTOMATIC", item.getString(Tag.SegmentAlgorithmType));
    assertEquals("Auto-Tumor", item.getString(Tag.SegmentAlgorithmName));
    assertEquals(uid, item.getString(Tag.TrackingUID));
    assertArrayEquals(
        new int[] {50000, 20000, 40000}, item.getInts(Tag.RecommendedDisplayCIELabValue));
    assertEquals(
        "108369006",
        item.getSequence(Tag.SegmentedPropertyTypeCodeSequence).get(0).getString(Tag.CodeValue));
    SegmentDescription back = SegmentDescription.fromDataset(item);
    assertEquals(2, back.segmentNumber());
    assertEquals("tumor", back.segmentLabel());
    assertEquals(CATEGORY, back.segmentedPropertyCategory());
    assertEquals(TYPE, back.segmentedPropertyType());
    assertEquals(ALGORITHM, back.algorithmIdentification().orElseThrow());
    assertEquals("lesion 1", back.trackingId().orElseThrow());
    assertEquals(List.of(new CodedConcept("64033007", "SCT", "Kidney")), back.anatomicRegions());
    assertEquals(1, back.primaryAnatomicStructures().size());
    assertArrayEquals(new int[] {50000, 20000, 40000}, back.displayColorCIELab().orElseThrow());
  }

  @Test
  void readsTheBackgroundSegmentOfLabelMaps() {
    SegmentDescription bg = SegmentDescription.background(null);
    SegmentDescription back = SegmentDescription.fromDataset(bg.toItem());
    assertEquals(0, back.segmentNumber());
    assertEquals(DCM.Background, back.segmentedPropertyType());
    assertEquals(SegmentAlgorithmTypeValues.MANUAL, back.algorithmType());
  }

  @Test
  void refusesItemsWithoutCodes() {
    DicomDataset item = builder(1, SegmentAlgorithmTypeValues.MANUAL).build().toItem();
    item.remove(Tag.SegmentedPropertyTypeCodeSequence);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SegmentDescription.fromDataset(item));
    assertTrue(
        e.getMessage().contains("SegmentedPropertyTypeCodeSequence (0062,000F) is missing"),
        e.getMessage());
  }
}
