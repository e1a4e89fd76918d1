package org.highdicom4j.dicom.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expectations taken from PS3.6 Annex A Table A-1. */
class UidRegistryTest {

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1.2.840.10008.1.2|Implicit VR Little Endian",
        "1.2.840.10008.1.2.1|Explicit VR Little Endian",
        "1.2.840.10008.1.2.5|RLE Lossless",
        "1.2.840.10008.1.2.4.80|JPEG-LS Lossless Image Compression",
        "1.2.840.10008.1.2.4.90|JPEG 2000 Image Compression (Lossless Only)",
        "1.2.840.10008.1.2.4.201|High-Throughput JPEG 2000 Image Compression (Lossless Only)",
        "1.2.840.10008.1.2.4.203|High-Throughput JPEG 2000 Image Compression",
        "1.2.840.10008.1.2.4.110|JPEG XL Lossless",
        "1.2.840.10008.1.2.8.1|Deflated Image Frame Compression",
      })
  void knowsTransferSyntaxes(String uid, String name) {
    assertTrue(UidRegistry.isTransferSyntax(uid));
    assertFalse(UidRegistry.isStorageSopClass(uid));
    assertEquals(name, UidRegistry.nameOf(uid));
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "1.2.840.10008.5.1.4.1.1.2|CT Image Storage",
        "1.2.840.10008.5.1.4.1.1.66.4|Segmentation Storage",
        "1.2.840.10008.5.1.4.1.1.66.7|Label Map Segmentation Storage",
        "1.2.840.10008.5.1.4.1.1.88.33|Comprehensive SR Storage",
        "1.2.840.10008.5.1.4.1.1.1.1|Digital X-Ray Image Storage - For Presentation",
        "1.2.840.10008.5.1.4.1.1.91.1|Microscopy Bulk Simple Annotations Storage",
      })
  void knowsStorageSopClasses(String uid, String name) {
    assertTrue(UidRegistry.isStorageSopClass(uid));
    assertFalse(UidRegistry.isTransferSyntax(uid));
    assertEquals(name, UidRegistry.nameOf(uid));
  }

  @Test
  void otherSopClassesAreNotStorage() {
    assertFalse(UidRegistry.isStorageSopClass("1.2.840.10008.1.1")); // Verification
    assertFalse(UidRegistry.isStorageSopClass("1.2.840.10008.1.20.1")); // Storage Commitment Push
    assertEquals("SOP Class", UidRegistry.lookup("1.2.840.10008.1.20.1").orElseThrow().type());
  }

  @Test
  void generatedConstantsMatchTheRegistry() {
    assertEquals("1.2.840.10008.5.1.4.1.1.66.7", UID.LabelMapSegmentationStorage);
    assertEquals("1.2.840.10008.1.2.4.202", UID.HTJ2KLosslessRPCL);
    assertEquals("1.2.840.10008.1.2.1", UID.ExplicitVRLittleEndian);
    UidEntry e = UidRegistry.byKeyword("SegmentationStorage").orElseThrow();
    assertEquals(UID.SegmentationStorage, e.uid());
    assertEquals("Segmentation Storage", e.name());
  }

  @Test
  void marksRetiredUids() {
    UidEntry bigEndian = UidRegistry.lookup("1.2.840.10008.1.2.2").orElseThrow();
    assertEquals("ExplicitVRBigEndian", bigEndian.keyword());
    assertTrue(bigEndian.retired());
    assertFalse(UidRegistry.lookup(UID.ExplicitVRLittleEndian).orElseThrow().retired());
  }

  @Test
  void unknownUidsNameThemselves() {
    assertEquals("1.2.3.4", UidRegistry.nameOf("1.2.3.4"));
    assertTrue(UidRegistry.lookup("1.2.3.4").isEmpty());
    assertFalse(UidRegistry.isTransferSyntax("1.2.3.4"));
  }

  @Test
  void ignoresUidPadding() {
    assertEquals("Explicit VR Little Endian", UidRegistry.nameOf("1.2.840.10008.1.2.1\0"));
  }

  @Test
  void listsAllEntries() {
    assertTrue(UidRegistry.entries().size() > 450);
  }
}
