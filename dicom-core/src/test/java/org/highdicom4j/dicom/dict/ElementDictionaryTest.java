package org.highdicom4j.dicom.dict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.highdicom4j.dicom.data.VR;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expectations taken from PS3.6 Table 6-1 and the private-tag rules of PS3.5 Section 7.8. */
class ElementDictionaryTest {

  @Test
  void patientNameIsPersonNameWithOneValue() {
    ElementEntry e = ElementDictionary.lookup(0x00100010).orElseThrow();
    assertEquals("PatientName", e.keyword());
    assertEquals("Patient's Name", e.name());
    assertEquals(List.of(VR.PN), e.vrs());
    assertEquals("1", e.vm());
    assertFalse(e.retired());
    assertEquals(0x00100010, Tag.PatientName);
    assertEquals("PatientName", ElementDictionary.keywordOf(Tag.PatientName));
    assertEquals("Patient's Name", ElementDictionary.nameOf(Tag.PatientName));
  }

  @ParameterizedTest
  @CsvSource({
    "00280010, US", // Rows
    "00280011, US", // Columns
    "00200032, DS", // Image Position (Patient)
    "0020000D, UI", // Study Instance UID
    "00620002, SQ", // Segment Sequence
    "00620013, CS", // Segments Overlap
    "00080018, UI", // SOP Instance UID
    "00020010, UI", // Transfer Syntax UID
    "7FE00010, OB", // Pixel Data: OB or OW, OB first
    "00283002, US", // LUT Descriptor: US or SS
    "00280106, US", // Smallest Image Pixel Value: US or SS
    "00000000, UL", // Command Group Length
    "00020000, UL", // File Meta Information Group Length
    "00280000, UL", // group length of a group PS3.6 does not list one for
    "00090000, UL", // private group length
    "00090010, LO", // private creator
    "7FE100FF, LO", // private creator, last slot
    "00091010, UN", // private element
    "00090100, UN", // private, beyond the creator slots
    "00021234, UN", // unknown standard tag
    "FFFEE000, UN", // Item: no VR
    "60003000, OB", // Overlay Data (60xx,3000): OB or OW
    "601E3000, OB", // Overlay Data in the last overlay group
    "60020010, US", // Overlay Rows (60xx,0010)
    "50023000, OB", // Curve Data (50xx,3000), retired
    "10000120, US", // Escape Triplet (1000,xxx0), retired
    "7F020010, OB", // Variable Pixel Data (7Fxx,0010), retired
    "00203105, CS", // Source Image IDs (0020,31xx), retired
  })
  void resolvesVrForImplicitVrParsing(String hex, String vr) {
    assertEquals(VR.fromCode(vr), ElementDictionary.vrOf(Integer.parseUnsignedInt(hex, 16)));
  }

  @Test
  void listsEveryAllowedVr() {
    assertEquals(List.of(VR.US, VR.SS), ElementDictionary.vrsOf(Tag.LUTDescriptor));
    assertEquals(List.of(VR.OB, VR.OW), ElementDictionary.vrsOf(0x60023000));
    assertEquals(List.of(VR.OB, VR.OW), ElementDictionary.vrsOf(Tag.PixelData));
    assertEquals(List.of(VR.PN), ElementDictionary.vrsOf(Tag.PatientName));
    assertEquals(List.of(VR.LO), ElementDictionary.vrsOf(0x00190010));
    assertEquals(List.of(VR.UN), ElementDictionary.vrsOf(0x00191001));
  }

  @Test
  void resolvesRepeatingGroupsToOneEntry() {
    ElementEntry e = ElementDictionary.lookup(0x60043000).orElseThrow();
    assertEquals("OverlayData", e.keyword());
    assertEquals(0x60003000, e.tag());
    assertEquals(0xFF00FFFF, e.mask());
    assertTrue(e.isRepeating());
    assertTrue(e.matches(0x60FE3000));
    assertFalse(e.matches(0x61003000));
    assertEquals("OverlayData", ElementDictionary.keywordOf(0x60FE3000));
    assertEquals("CurveData", ElementDictionary.keywordOf(0x50003000));
    assertTrue(ElementDictionary.lookup(0x50003000).orElseThrow().retired());
  }

  @Test
  void privateAndUnknownTagsHaveNoEntry() {
    // Odd group 6001 would match the (60xx,3000) mask, but it is private.
    assertTrue(ElementDictionary.lookup(0x60013000).isEmpty());
    assertNull(ElementDictionary.keywordOf(0x00090010));
    assertNull(ElementDictionary.nameOf(0x00021234));
  }

  @Test
  void keepsRetiredElements() {
    ElementEntry e = ElementDictionary.lookup(0x00000001).orElseThrow();
    assertEquals("CommandLengthToEnd", e.keyword());
    assertTrue(e.retired());
    assertEquals(0x00000001, Tag.CommandLengthToEnd);
  }

  @Test
  void findsTagsByKeywordOrHex() {
    assertEquals(0x00100010, ElementDictionary.tagOf("PatientName"));
    assertEquals(0x7FE00010, ElementDictionary.tagOf("PixelData"));
    assertEquals(0x60003000, ElementDictionary.tagOf("OverlayData"));
    assertEquals(0x00100010, ElementDictionary.tagOf("00100010"));
    assertEquals(0x7FE00010, ElementDictionary.tagOf("(7fe0,0010)"));
    assertEquals(0xFFFEE000, ElementDictionary.tagOf("(FFFE,E000)"));
    assertEquals(-1, ElementDictionary.tagOf("NoSuchKeyword"));
    assertEquals(-1, ElementDictionary.tagOf("0010001G"));
    assertThrows(NullPointerException.class, () -> ElementDictionary.tagOf(null));
    assertEquals("PatientName", ElementDictionary.lookup("PatientName").orElseThrow().keyword());
  }

  @Test
  void parsesValueMultiplicity() {
    ElementEntry position = ElementDictionary.lookup(Tag.ImagePositionPatient).orElseThrow();
    assertEquals(3, position.vmMin());
    assertEquals(3, position.vmMax());
    assertEquals(1, position.vmStep());
    ElementEntry ids = ElementDictionary.lookup(Tag.ImageType).orElseThrow();
    assertEquals("2-n", ids.vm());
    assertEquals(2, ids.vmMin());
    assertEquals(-1, ids.vmMax());
    assertEquals(1, ids.vmStep());
    ElementEntry pairs = new ElementEntry(0x00700022, -1, List.of(VR.FL), "2-2n", "X", "X", false);
    assertEquals(2, pairs.vmMin());
    assertEquals(-1, pairs.vmMax());
    assertEquals(2, pairs.vmStep());
    ElementEntry range = new ElementEntry(0x00181149, -1, List.of(VR.IS), "1-2", "X", "X", false);
    assertEquals(1, range.vmMin());
    assertEquals(2, range.vmMax());
  }

  @Test
  void rejectsTagBitsOutsideTheMask() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new ElementEntry(0x60023000, 0xFF00FFFF, List.of(VR.OW), "1", "X", "X", false));
  }

  @Test
  void formatsTagsAsInPs36() {
    assertEquals("(0010,0010)", ElementDictionary.format(Tag.PatientName));
    assertEquals("(FFFE,E0DD)", ElementDictionary.format(Tag.SequenceDelimitationItem));
  }

  @Test
  void identifiesPrivateGroups() {
    assertTrue(ElementDictionary.isPrivateGroup(0x0009));
    assertTrue(ElementDictionary.isPrivateGroup(0x7FE1));
    assertFalse(ElementDictionary.isPrivateGroup(0x0007));
    assertFalse(ElementDictionary.isPrivateGroup(0xFFFF));
    assertFalse(ElementDictionary.isPrivateGroup(0x0010));
  }

  @Test
  void listsAllEntries() {
    List<ElementEntry> all = ElementDictionary.entries();
    assertTrue(all.size() > 5000, "entries: " + all.size());
    assertTrue(all.stream().anyMatch(e -> e.keyword().equals("OverlayData")));
  }
}
