package org.highdicom4j.coding;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.SourceVersion;
import org.highdicom4j.coding.cid.CID7150;
import org.highdicom4j.coding.cid.CID7151;
import org.highdicom4j.coding.cid.CID7162;
import org.highdicom4j.coding.cid.CID7166;
import org.junit.jupiter.api.Test;

class ContextGroupsTest {
  /** Groups the SEG and SR APIs use that pydicom 2.3.1 has (7164, 7170, 7171 it lacks). */
  static final int[] SEG_SR_CIDS = {
    2, 4, 218, 244, 3627, 4031, 7150, 7151, 7152, 7153, 7157, 7158, 7160, 7162, 7165, 7166, 7169,
    7180, 7181, 7183, 7191, 7192, 7193, 7194, 7195, 7196, 7202, 7203, 7205, 7210, 7220, 7221, 7260,
    7263, 7270, 7272, 7273, 7274, 7275, 7276, 7277, 7300, 7301, 7302, 7303, 7304, 7305, 7306, 7307,
    7308, 7309, 7310, 7464, 7469, 7470, 7471, 7472
  };

  @Test
  void cid7150HoldsPs316SegmentationPropertyCategories() {
    ContextGroup g = ContextGroups.cid(7150);
    assertEquals(7150, g.cid());
    assertEquals("SegmentationPropertyCategories", g.keyword());
    assertTrue(g.contains(new CodedConcept("85756007", "SCT", "Tissue")));
    // PS3.16 CID 7150 also lists Substance (105590001) and Function (246464006)
    assertTrue(g.contains(new CodedConcept("105590001", "SCT", "Substance")));
    assertTrue(g.contains(new CodedConcept("246464006", "SCT", "Function")));
    assertFalse(g.contains(SCT.Liver));
    assertEquals(8, g.members().size());
    assertEquals("CID 7150 SegmentationPropertyCategories (8 members)", g.toString());
    assertSame(g, ContextGroups.cid(7150));
    assertEquals(g, CID7150.group());
  }

  @Test
  void typedConstantsFollowPydicomsCidAttributes() {
    // highdicom docs: codes.cid7150.Tissue, codes.cid7166.ConnectiveTissue,
    // codes.cid7162.ArtificialIntelligence
    CodesTest.assertCode(CID7150.Tissue, "85756007", "SCT", "Tissue");
    CodesTest.assertCode(CID7166.ConnectiveTissue, "21793004", "SCT", "Connective tissue");
    CodesTest.assertCode(
        CID7162.ArtificialIntelligence, "123110", "DCM", "Artificial Intelligence");
    assertEquals(7151, CID7151.CID);
    assertTrue(CID7151.group().contains(CID7151.Liver));
    assertEquals(Optional.of(CID7150.Tissue), ContextGroups.cid(7150).lookup("Tissue"));
    assertEquals(Optional.empty(), ContextGroups.cid(7150).lookup("Liver"));
  }

  @Test
  void memberKeywordNamingTwoCodesGetsTwoConstants() {
    // CID 7151 lists SCT CardiacPacemaker twice: 118378005 and 14106009
    assertTrue(CID7151.group().contains(CID7151.CardiacPacemaker_118378005));
    assertTrue(CID7151.group().contains(CID7151.CardiacPacemaker_14106009));
    assertThrows(
        IllegalArgumentException.class, () -> ContextGroups.cid(7151).lookup("CardiacPacemaker"));
  }

  @Test
  void membershipUsesSnomedRtEquivalence() {
    assertTrue(ContextGroups.cid(7151).contains(new CodedConcept("T-62000", "SRT", "Liver")));
    List<ContextGroup> viaSrt =
        ContextGroups.containing(new CodedConcept("T-62000", "SRT", "Liver"));
    assertEquals(ContextGroups.containing(SCT.Liver), viaSrt);
  }

  @Test
  void containingListsTheGroupsOfACodeInOrder() {
    // _concepts_dict.py: SCT Tissue is in CIDs 7150, 7151, 7165, 7166, 7191, 7196
    List<Integer> cids = new ArrayList<>();
    for (ContextGroup g : ContextGroups.containing(SCT.Tissue)) {
      cids.add(g.cid());
    }
    assertEquals(List.of(7150, 7151, 7165, 7166, 7191, 7196), cids);
    assertEquals(List.of(), ContextGroups.containing(new CodedConcept("0", "99X", "x")));
  }

  @Test
  void unknownCidIsAnArgumentError() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ContextGroups.cid(99999));
    assertTrue(e.getMessage().contains("CID 99999"), e.getMessage());
    assertEquals(Optional.empty(), ContextGroups.lookup(99999));
  }

  @Test
  void keywordsFilterLikePydicomDir() {
    assertEquals(Set.of("Tissue"), ContextGroups.cid(7150).keywords("tiss"));
    assertEquals(8, ContextGroups.cid(7150).keywords().size());
  }

  @Test
  void segAndSrGroupsHaveTypedClassesWhoseConstantsAreMembers() throws Exception {
    for (int cid : SEG_SR_CIDS) {
      Class<?> cls = Class.forName("org.highdicom4j.coding.cid.CID" + cid);
      ContextGroup group = ContextGroups.cid(cid);
      assertEquals(cid, cls.getField("CID").getInt(null));
      Set<CodedConcept> expected = new HashSet<>();
      for (int i = 0; i < group.members().size(); i++) {
        if (SourceVersion.isName(group.memberKeywords().get(i))) {
          expected.add(group.members().get(i));
        }
      }
      Set<CodedConcept> constants = new HashSet<>();
      for (Field f : cls.getFields()) {
        if (f.getType() == CodedConcept.class) {
          CodedConcept c = (CodedConcept) f.get(null);
          assertTrue(CodesTest.hasExactly(group.members(), c), "CID" + cid + "." + f.getName());
          constants.add(c);
        }
      }
      // every member whose keyword is a Java identifier has a constant
      assertTrue(expected.equals(constants), "CID " + cid);
    }
  }

  @Test
  void everyTypedClassMatchesItsGroup() throws Exception {
    int classes = 0;
    for (int cid : ContextGroups.cids()) {
      Class<?> cls;
      try {
        cls = Class.forName("org.highdicom4j.coding.cid.CID" + cid);
      } catch (ClassNotFoundException e) {
        continue;
      }
      classes++;
      ContextGroup group = ContextGroups.cid(cid);
      for (Field f : cls.getFields()) {
        if (f.getType() == CodedConcept.class) {
          assertTrue(
              CodesTest.hasExactly(group.members(), (CodedConcept) f.get(null)),
              "CID" + cid + "." + f.getName());
        }
      }
    }
    assertTrue(classes >= SEG_SR_CIDS.length, "typed classes: " + classes);
  }

  @Test
  void matchesEveryPydicomMembership() throws Exception {
    PydicomTables py = PydicomTables.get();
    Map<Integer, Set<List<String>>> expected = new TreeMap<>();
    for (int cid : py.groups.keySet()) {
      expected.put(cid, new HashSet<>());
    }
    int left = 0;
    for (PydicomTables.Member m : py.members) {
      Set<List<String>> set = expected.get(m.cid());
      if (PydicomTables.representable(m.value(), m.meaning())) {
        set.add(List.of(m.scheme(), m.value(), m.meaning()));
      } else {
        left++;
      }
    }
    // pydicom 2.3.1: 13 memberships with meanings over 64 characters, 1 with an empty value
    assertEquals(14, left);
    assertTrue(expected.size() > 1000, "pydicom groups: " + expected.size());
    assertEquals(expected.keySet(), ContextGroups.cids());
    for (Map.Entry<Integer, Set<List<String>>> e : expected.entrySet()) {
      ContextGroup g = ContextGroups.cid(e.getKey());
      assertEquals(py.groups.get(e.getKey()), g.keyword());
      Set<List<String>> ours = new HashSet<>();
      for (CodedConcept c : g.members()) {
        ours.add(List.of(c.schemeDesignator(), c.value(), c.meaning()));
      }
      assertEquals(e.getValue(), ours, "CID " + e.getKey());
    }
  }
}
