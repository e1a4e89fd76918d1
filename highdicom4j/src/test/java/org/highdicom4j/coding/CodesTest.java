package org.highdicom4j.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodesTest {
  /** Every coding scheme of pydicom 2.3.1's _concepts_dict.py. */
  static final List<String> SCHEMES =
      List.of(
          "BARI",
          "DCM",
          "FMA",
          "ITIS_TSN",
          "LN",
          "MDC",
          "MSH",
          "NCIt",
          "NDC",
          "NEU",
          "PUBCHEM_CID",
          "RADLEX",
          "SCT",
          "UCUM",
          "UMLS");

  @Test
  void schemeConstantsMatchPs316AndHighdicomDocs() {
    // PS3.16 CID 7150 Segmentation Property Categories: (85756007, SCT, "Tissue")
    assertCode(SCT.Tissue, "85756007", "SCT", "Tissue");
    // highdicom docs: codes.SCT.Liver, codes.SCT.Tumor, codes.DCM.Patient, codes.UCUM.cm
    assertCode(SCT.Liver, "10200004", "SCT", "Liver");
    assertCode(SCT.Tumor, "108369006", "SCT", "tumor");
    assertCode(DCM.Patient, "121025", "DCM", "Patient");
    assertCode(UCUM.cm, "cm", "UCUM", "cm");
    // PS3.16 DCM 121071 Finding; CID 7181 (UCUM mm, "millimeter")
    assertCode(DCM.Finding, "121071", "DCM", "Finding");
    assertCode(UCUM.Millimeter, "mm", "UCUM", "millimeter");
    // pydicom's own docstring examples
    assertCode(SCT.Deep, "795002", "SCT", "Deep");
    assertCode(SCT.FontanelOfSkull, "79361005", "SCT", "Fontanel of skull");
  }

  @Test
  void lookupFindsKeywordsLikePydicomAttributes() {
    assertEquals(Optional.of(SCT.Liver), Codes.lookup("SCT", "Liver"));
    assertEquals("Liver", Codes.lookup("SCT", "Liver").orElseThrow().meaning());
    assertEquals(Optional.empty(), Codes.lookup("SCT", "NoSuchKeyword"));
    assertEquals(Optional.empty(), Codes.lookup("XYZ", "Liver"));
    assertThrows(NullPointerException.class, () -> Codes.lookup(null, "Liver"));
  }

  @Test
  void ambiguousKeywordFailsLookupButListsAllCodes() {
    // pydicom 2.3.1 raises for codes.SCT.AnatomicalStructure: 123037004 (CID 7150) and 91723000
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> Codes.lookup("SCT", "AnatomicalStructure"));
    assertTrue(e.getMessage().contains("123037004"), e.getMessage());
    assertTrue(e.getMessage().contains("91723000"), e.getMessage());
    List<String> values = new ArrayList<>();
    for (CodedConcept c : Codes.lookupAll("SCT", "AnatomicalStructure")) {
      values.add(c.value());
    }
    Collections.sort(values);
    assertEquals(List.of("123037004", "91723000"), values);
    assertCode(SCT.AnatomicalStructure_123037004, "123037004", "SCT", "Anatomical Structure");
    assertCode(SCT.AnatomicalStructure_91723000, "91723000", "SCT", "Anatomical Structure");
    assertCode(UCUM.Centimeter_cm, "cm", "UCUM", "centimeter");
    assertCode(UCUM.Centimeter__cm, "/cm", "UCUM", "/Centimeter");
  }

  @Test
  void findGivesTheMeaningOfAValue() {
    // SCT 21483005 has two keywords; the one PS3.16 context groups use wins
    assertEquals(Optional.of("Central nervous system"), Codes.find("SCT", "21483005"));
    assertEquals(Optional.of("Tissue"), Codes.find("SCT", "85756007"));
    assertEquals(Optional.of("Finding"), Codes.find("DCM", "121071"));
    assertEquals(Optional.of("millimeter"), Codes.find("UCUM", "mm"));
    assertEquals(Optional.empty(), Codes.find("SCT", "0"));
    assertEquals(Optional.empty(), Codes.find("XYZ", "0"));
  }

  @Test
  void findMapsSnomedRtToSnomedCt() {
    assertEquals(Optional.of("Liver"), Codes.find("SRT", "T-62000"));
    assertEquals(Optional.of(SCT.Liver), Codes.code("SRT", "T-62000"));
    assertEquals("SCT", Codes.code("SRT", "T-62000").orElseThrow().schemeDesignator());
    assertEquals(Optional.empty(), Codes.find("SRT", "T-NOT-A-CODE"));
  }

  @Test
  void leavesOutMeaningsLongerThanALongString() {
    // pydicom has SCT 22694002 "Adenocarcinoma with apocrine metaplasia (morphologic
    // abnormality)" (67 characters): a CodedConcept cannot hold it
    assertEquals(List.of(), Codes.lookupAll("SCT", "AdenocarcinomaWithApocrineMetaplasia"));
  }

  @Test
  void keywordsFilterLikePydicomDir() {
    // highdicom docs: codes.SCT.dir('liver') lists Liver among others
    Set<String> liver = Codes.keywords("SCT", "liver");
    assertTrue(liver.contains("Liver"), liver.toString());
    for (String k : liver) {
      assertTrue(k.toLowerCase().contains("liver"), k);
    }
    assertTrue(Codes.keywords("UCUM").contains("Millimeter"));
    assertEquals(Set.of(), Codes.keywords("XYZ"));
  }

  @Test
  void knowsPydicomsSchemes() {
    assertEquals(new HashSet<>(SCHEMES), Codes.schemes());
  }

  @Test
  void everySchemeConstantIsATableConceptWithTheSameMeaning() throws Exception {
    int total = 0;
    for (String scheme : SCHEMES) {
      Class<?> cls = Class.forName("org.highdicom4j.coding." + scheme);
      assertTrue(Modifier.isFinal(cls.getModifiers()), scheme);
      int n = 0;
      for (Field f : cls.getFields()) {
        CodedConcept c = (CodedConcept) f.get(null);
        assertEquals(scheme, c.schemeDesignator(), f.getName());
        String keyword = f.getName();
        List<CodedConcept> table = Codes.lookupAll(scheme, keyword);
        if (table.isEmpty()) {
          // suffixed constant of an ambiguous keyword
          int cut = keyword.indexOf('_', 1);
          table = Codes.lookupAll(scheme, keyword.substring(0, cut));
          assertTrue(table.size() > 1, f.getName());
        }
        assertTrue(hasExactly(table, c), scheme + "." + f.getName() + " " + c);
        n++;
      }
      assertTrue(n > 0, scheme);
      total += n;
    }
    // 16037 representable concepts, less DCM tau_m whose pydicom keyword is empty
    assertEquals(16036, total);
  }

  @Test
  void matchesASampleOfPydicomsTable() throws Exception {
    PydicomTables py = PydicomTables.get();
    assertTrue(py.concepts.size() > 16000, "pydicom concepts: " + py.concepts.size());
    long seed = System.nanoTime();
    Random random = new Random(seed);
    for (int i = 0; i < 500; i++) {
      PydicomTables.Concept p = py.concepts.get(random.nextInt(py.concepts.size()));
      String where = p + " (seed " + seed + ")";
      List<CodedConcept> ours = Codes.lookupAll(p.scheme(), p.keyword());
      if (!PydicomTables.representable(p.value(), p.meaning())) {
        for (CodedConcept c : ours) {
          assertTrue(!c.value().equals(p.value()), "should be left out: " + where);
        }
        continue;
      }
      CodedConcept expected = new CodedConcept(p.value(), p.scheme(), p.meaning());
      assertTrue(hasExactly(ours, expected), where + " ours: " + ours);
      if (!p.keyword().isEmpty()) {
        String name =
            ours.size() == 1
                ? p.keyword()
                : p.keyword() + "_" + p.value().replaceAll("[^A-Za-z0-9]", "_");
        Field f = Class.forName("org.highdicom4j.coding." + p.scheme()).getField(name);
        CodedConcept constant = (CodedConcept) f.get(null);
        assertNotNull(constant, where);
        assertEquals(p.meaning(), constant.meaning(), where);
        assertEquals(expected, constant, where);
      }
    }
  }

  static boolean hasExactly(List<CodedConcept> list, CodedConcept c) {
    for (CodedConcept x : list) {
      if (x.value().equals(c.value())
          && x.schemeDesignator().equals(c.schemeDesignator())
          && x.meaning().equals(c.meaning())) {
        return true;
      }
    }
    return false;
  }

  static void assertCode(CodedConcept c, String value, String scheme, String meaning) {
    assertEquals(value, c.value());
    assertEquals(scheme, c.schemeDesignator());
    assertEquals(meaning, c.meaning());
    assertEquals(Optional.empty(), c.schemeVersion());
  }
}
