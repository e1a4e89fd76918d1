package org.highdicom4j.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomWriter;
import org.highdicom4j.dicom.io.WriteOptions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CodedConceptTest {
  private static final String URN = "urn:oid:2.16.840.1.113883.6.96";

  @Test
  void keepsItsFields() {
    CodedConcept c = new CodedConcept("108369006", "SCT", "Tumor", "2021");
    assertEquals("108369006", c.value());
    assertEquals("SCT", c.schemeDesignator());
    assertEquals("Tumor", c.meaning());
    assertEquals(Optional.of("2021"), c.schemeVersion());
    assertEquals(Optional.empty(), new CodedConcept("121071", "DCM", "Finding").schemeVersion());
  }

  @Test
  void writesSixteenCharacterValuesAsCodeValue() {
    DicomDataset item = new CodedConcept("1234567890123456", "99X", "x").toDataset();
    assertEquals(VR.SH, item.vr(Tag.CodeValue));
    assertEquals("1234567890123456", item.getString(Tag.CodeValue));
    assertFalse(item.contains(Tag.LongCodeValue));
    assertFalse(item.contains(Tag.URNCodeValue));
  }

  @Test
  void writesValuesOverSixteenCharactersAsLongCodeValue() {
    DicomDataset item = new CodedConcept("12345678901234567", "99X", "x").toDataset();
    assertEquals(VR.UC, item.vr(Tag.LongCodeValue));
    assertEquals("12345678901234567", item.getString(Tag.LongCodeValue));
    assertFalse(item.contains(Tag.CodeValue));
    assertFalse(item.contains(Tag.URNCodeValue));
  }

  @Test
  void writesLongUrnsAndUrlsAsUrnCodeValue() {
    for (String v : new String[] {URN, "http://snomed.info/id/10200004"}) {
      DicomDataset item = new CodedConcept(v, "99X", "x").toDataset();
      assertEquals(VR.UR, item.vr(Tag.URNCodeValue), v);
      assertEquals(v, item.getString(Tag.URNCodeValue));
      assertFalse(item.contains(Tag.CodeValue));
      assertFalse(item.contains(Tag.LongCodeValue));
    }
  }

  @Test
  void writesShortUrnsAsCodeValueAsHighdicomDoes() {
    // highdicom looks at urn/:// only for values over 16 characters
    assertEquals(Tag.CodeValue, new CodedConcept("urn:x:1", "99X", "x").valueTag());
  }

  @Test
  void writesDesignatorVersionAndMeaningWithTheirVrs() {
    DicomDataset item = new CodedConcept("10200004", "SCT", "Liver", "2021").toDataset();
    assertEquals(VR.SH, item.vr(Tag.CodingSchemeDesignator));
    assertEquals("SCT", item.getString(Tag.CodingSchemeDesignator));
    assertEquals(VR.SH, item.vr(Tag.CodingSchemeVersion));
    assertEquals("2021", item.getString(Tag.CodingSchemeVersion));
    assertEquals(VR.LO, item.vr(Tag.CodeMeaning));
    assertEquals("Liver", item.getString(Tag.CodeMeaning));
    assertEquals(4, item.size());
    assertFalse(new CodedConcept("10200004", "SCT", "Liver").toDataset().contains(0x00080103));
  }

  @Test
  void acceptsSixtyFourCharacterMeaningAndRejectsSixtyFive() {
    String m64 = "m".repeat(64);
    assertEquals(m64, new CodedConcept("1", "99X", m64).meaning());
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new CodedConcept("1", "99X", m64 + "m"));
    assertTrue(e.getMessage().contains("CodeMeaning (0008,0104)"), e.getMessage());
    assertTrue(e.getMessage().contains("65"), e.getMessage());
  }

  @Test
  void rejectsEmptyValueAndDesignator() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new CodedConcept("", "SCT", "x"));
    assertTrue(e.getMessage().contains("CodeValue (0008,0100)"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> new CodedConcept("1", "", "x"));
    assertTrue(e.getMessage().contains("CodingSchemeDesignator (0008,0102)"), e.getMessage());
  }

  @Test
  void rejectsBackslashesThatWouldSplitTheValue() {
    assertThrows(IllegalArgumentException.class, () -> new CodedConcept("1\\2", "99X", "x"));
    assertThrows(IllegalArgumentException.class, () -> new CodedConcept("1", "99X", "a\\b"));
    assertThrows(IllegalArgumentException.class, () -> new CodedConcept("1", "9\\9", "x"));
    assertThrows(IllegalArgumentException.class, () -> new CodedConcept("1", "99X", "x", "1\\2"));
  }

  @Test
  void namesTheNullParameter() {
    NullPointerException e =
        assertThrows(NullPointerException.class, () -> new CodedConcept(null, "SCT", "x"));
    assertEquals("value", e.getMessage());
    e = assertThrows(NullPointerException.class, () -> new CodedConcept("1", null, "x"));
    assertEquals("schemeDesignator", e.getMessage());
    e = assertThrows(NullPointerException.class, () -> new CodedConcept("1", "SCT", null));
    assertEquals("meaning", e.getMessage());
  }

  @Test
  void equalsComparesSchemeAndValueButNotMeaningOrVersion() {
    CodedConcept a = new CodedConcept("108369006", "SCT", "Tumor");
    CodedConcept b = new CodedConcept("108369006", "SCT", "tumor", "2021");
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertNotEquals(a, new CodedConcept("108369006", "DCM", "Tumor"));
    assertNotEquals(a, new CodedConcept("108369007", "SCT", "Tumor"));
    assertNotEquals(a, "108369006");
    assertNotEquals(a, null);
  }

  @Test
  void snomedRtLiverEqualsSnomedCtLiver() {
    // _snomed_dict.py maps SRT T-62000 to SCT 10200004; highdicom's docs name SCT 10200004 Liver
    CodedConcept srt = new CodedConcept("T-62000", "SRT", "Liver");
    CodedConcept sct = new CodedConcept("10200004", "SCT", "Liver");
    assertEquals(srt, sct);
    assertEquals(sct, srt);
    assertEquals(srt.hashCode(), sct.hashCode());
    assertEquals(1, Set.of(srt).size());
    assertTrue(Set.of(sct).contains(srt));
    assertEquals(SCT.Liver, srt);
    // the original designator and value are what gets written
    assertEquals("SRT", srt.toDataset().getString(Tag.CodingSchemeDesignator));
    assertEquals("T-62000", srt.toDataset().getString(Tag.CodeValue));
  }

  @Test
  void snomedRtCodeFromFeaturesTableEqualsItsSctCode() {
    // FEATURES SR-01: ('R-00317', 'SRT'); _snomed_dict.py maps it to SCT 373098007, which
    // _concepts_dict.py calls Mean (CID 7464 General Region of Interest Measurement Modifiers)
    CodedConcept srt = new CodedConcept("R-00317", "SRT", "Mean");
    assertEquals(new CodedConcept("373098007", "SCT", "Mean"), srt);
    assertEquals(SCT.Mean, srt);
    assertNotEquals(SCT.None, srt);
  }

  @Test
  void unmappedSnomedRtCodeEqualsOnlyItself() {
    CodedConcept unknown = new CodedConcept("T-NOT-A-CODE", "SRT", "x");
    assertEquals(unknown, new CodedConcept("T-NOT-A-CODE", "SRT", "y"));
    assertNotEquals(unknown, new CodedConcept("T-NOT-A-CODE", "SCT", "x"));
  }

  @Test
  void roundTripsThroughACodeSequenceItem() {
    CodedConcept[] codes = {
      new CodedConcept("10200004", "SCT", "Liver"),
      new CodedConcept("10200004", "SCT", "Liver", "2021"),
      new CodedConcept("12345678901234567", "99X", "long value"),
      new CodedConcept(URN, "99X", "urn value", "1.0"),
    };
    for (CodedConcept c : codes) {
      CodedConcept back = CodedConcept.fromDataset(c.toDataset());
      assertEquals(c, back);
      assertEquals(c.value(), back.value());
      assertEquals(c.schemeDesignator(), back.schemeDesignator());
      assertEquals(c.meaning(), back.meaning());
      assertEquals(c.schemeVersion(), back.schemeVersion());
    }
  }

  @Test
  void readsAnyOneValueAttribute() {
    DicomDataset item = new DicomDataset();
    item.setString(Tag.LongCodeValue, VR.UC, "short");
    item.setString(Tag.CodingSchemeDesignator, VR.SH, "99X");
    item.setString(Tag.CodeMeaning, VR.LO, "x");
    CodedConcept c = CodedConcept.fromDataset(item);
    assertEquals("short", c.value());
    // written back by the length rule
    assertEquals("short", c.toDataset().getString(Tag.CodeValue));
  }

  @Test
  void rejectsItemsWithSeveralOrNoValueAttributes() {
    DicomDataset item = new CodedConcept("1", "99X", "x").toDataset();
    item.setString(Tag.LongCodeValue, VR.UC, "12345678901234567");
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CodedConcept.fromDataset(item));
    assertTrue(e.getMessage().contains("CodeValue (0008,0100), LongCodeValue"), e.getMessage());
    assertTrue(e.getMessage().contains("URNCodeValue (0008,0120)"), e.getMessage());
    item.remove(Tag.CodeValue);
    item.remove(Tag.LongCodeValue);
    e = assertThrows(IllegalArgumentException.class, () -> CodedConcept.fromDataset(item));
    assertTrue(e.getMessage().endsWith(": none"), e.getMessage());
  }

  @Test
  void rejectsItemsWithoutDesignatorOrMeaning() {
    DicomDataset noScheme = new CodedConcept("1", "99X", "x").toDataset();
    noScheme.remove(Tag.CodingSchemeDesignator);
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> CodedConcept.fromDataset(noScheme));
    assertTrue(e.getMessage().startsWith("CodingSchemeDesignator (0008,0102)"), e.getMessage());
    DicomDataset noMeaning = new CodedConcept("1", "99X", "x").toDataset();
    noMeaning.remove(Tag.CodeMeaning);
    e = assertThrows(IllegalArgumentException.class, () -> CodedConcept.fromDataset(noMeaning));
    assertTrue(e.getMessage().startsWith("CodeMeaning (0008,0104)"), e.getMessage());
    assertThrows(NullPointerException.class, () -> CodedConcept.fromDataset(null));
  }

  @Test
  void printsValueSchemeAndMeaning() {
    assertEquals("(10200004, SCT, Liver)", SCT.Liver.toString());
    assertEquals("(1, 99X, x, 2.0)", new CodedConcept("1", "99X", "x", "2.0").toString());
  }

  @Test
  void dcmdumpReadsTheThreeValueAttributesWithTheirVrs(@TempDir Path dir)
      throws IOException, InterruptedException {
    Path dcmdump = Path.of("/usr/bin/dcmdump");
    if (!Files.isExecutable(dcmdump)) {
      if (System.getenv("CI") != null) {
        throw new AssertionError("dcmdump (dcmtk) is required under CI");
      }
      System.out.println("SKIPPED dcmdump check: /usr/bin/dcmdump is not installed");
      Assumptions.abort("dcmdump is not installed");
    }
    DicomDataset ds = new DicomDataset();
    ds.setString(Tag.SOPClassUID, VR.UI, "1.2.840.10008.5.1.4.1.1.88.11");
    ds.setString(Tag.SOPInstanceUID, VR.UI, "1.2.826.0.1.3680043.8.498.1");
    Sequence seq = ds.newSequence(Tag.ConceptNameCodeSequence);
    seq.add(new CodedConcept("10200004", "SCT", "Liver", "2021").toDataset());
    seq.add(new CodedConcept("12345678901234567", "99X", "long").toDataset());
    seq.add(new CodedConcept(URN, "99X", "urn").toDataset());
    Path file = dir.resolve("codes.dcm");
    DicomWriter.write(file, ds, WriteOptions.DEFAULT);
    Process p =
        new ProcessBuilder(dcmdump.toString(), "-q", file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("(0008,0100) SH [10200004]"), out);
    assertTrue(out.contains("(0008,0102) SH [SCT]"), out);
    assertTrue(out.contains("(0008,0103) SH [2021]"), out);
    assertTrue(out.contains("(0008,0104) LO [Liver]"), out);
    assertTrue(out.contains("(0008,0119) UC [12345678901234567]"), out);
    assertTrue(out.contains("(0008,0120) UR [" + URN + "]"), out);
  }
}
