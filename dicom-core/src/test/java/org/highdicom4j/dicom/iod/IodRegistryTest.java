package org.highdicom4j.dicom.iod;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.junit.jupiter.api.Test;

/** Expectations taken from PS3.3 Annex A (IOD module tables) and Annex C (module tables). */
class IodRegistryTest {

  @Test
  void ctImageIodRequiresThePatientModule() {
    IodDefinition ct = IodRegistry.forSopClass(UID.CTImageStorage).orElseThrow();
    assertEquals("CT Image", ct.name());
    assertEquals("A.3-1", ct.table());
    ModuleUsage patient = ct.usage("Patient").orElseThrow();
    assertTrue(patient.isMandatory());
    assertEquals("C.7.1.1", patient.reference());
    assertTrue(ct.usage("CT Image").orElseThrow().isMandatory());
    assertTrue(ct.usage("General Series").orElseThrow().isMandatory());
    assertTrue(ct.usage("Clinical Trial Subject").orElseThrow().isUserOption());
    ModuleUsage contrast = ct.usage("Contrast/Bolus").orElseThrow();
    assertTrue(contrast.isConditional());
    assertTrue(contrast.condition().toLowerCase().contains("contrast"), contrast.condition());
  }

  @Test
  void patientModuleHasPatientNameOfType2() {
    ModuleDefinition patient = IodRegistry.module("Patient").orElseThrow();
    assertEquals("C.7.1.1", patient.reference());
    AttributeDefinition name = patient.attribute(Tag.PatientName).orElseThrow();
    assertEquals("2", name.type());
    assertTrue(name.requiresPresence());
    assertFalse(name.requiresValue());
    assertEquals("PatientName", name.keyword());
    assertEquals("2", patient.attribute(Tag.PatientID).orElseThrow().type());
    assertEquals("2", patient.attribute(Tag.PatientBirthDate).orElseThrow().type());
    assertEquals("2", patient.attribute(Tag.PatientSex).orElseThrow().type());
  }

  @Test
  void segmentationIodHasTheSegmentationImageModule() {
    IodDefinition seg = IodRegistry.forSopClass(UID.SegmentationStorage).orElseThrow();
    assertEquals("Segmentation", seg.name());
    assertTrue(seg.usage("Segmentation Image").orElseThrow().isMandatory());
    assertTrue(seg.usage("Segmentation Series").orElseThrow().isMandatory());
    assertTrue(seg.usage("Multi-frame Functional Groups").orElseThrow().isMandatory());
    assertTrue(seg.usage("Frame of Reference").orElseThrow().isConditional());
  }

  @Test
  void labelMapSegmentationUsesTheSegmentationIod() {
    assertEquals(
        "Segmentation",
        IodRegistry.forSopClass(UID.LabelMapSegmentationStorage).orElseThrow().name());
  }

  @Test
  void segmentSequenceItemsIncludeTheCodeSequenceMacro() {
    ModuleDefinition image = IodRegistry.module("Segmentation Image Module").orElseThrow();
    assertEquals("1", image.attribute(Tag.SegmentationType).orElseThrow().type());
    AttributeDefinition segments = image.attribute(Tag.SegmentSequence).orElseThrow();
    assertEquals("1", segments.type());
    List<AttributeDefinition> items = segments.items();
    AttributeDefinition number =
        items.stream().filter(a -> a.tag() == Tag.SegmentNumber).findFirst().orElseThrow();
    assertEquals("1", number.type());
    AttributeDefinition category =
        items.stream()
            .filter(a -> a.tag() == Tag.SegmentedPropertyCategoryCodeSequence)
            .findFirst()
            .orElseThrow();
    // Code Sequence Macro (PS3.3 Table 8.8-1), included one level down: Code Value is Type 1C
    // in newer editions and Type 1 in older ones; Code Meaning is Type 1 in all.
    assertTrue(category.items().stream().anyMatch(a -> a.tag() == Tag.CodeValue));
    assertEquals(
        "1",
        category.items().stream()
            .filter(a -> a.tag() == Tag.CodeMeaning)
            .findFirst()
            .orElseThrow()
            .type());
  }

  @Test
  void findsIodsAndModulesByLooseName() {
    assertEquals("CT Image", IodRegistry.byName("ct image IOD").orElseThrow().name());
    assertEquals(
        "X Ray Angiographic Image",
        IodRegistry.byName("X-Ray Angiographic Image").orElseThrow().name());
    assertEquals("Patient", IodRegistry.module("C.7.1.1").orElseThrow().name());
    assertEquals("SOP Common", IodRegistry.module("sop common").orElseThrow().name());
  }

  @Test
  void unknownSopClassesAndNamesAreEmpty() {
    assertTrue(IodRegistry.forSopClass("1.2.3.4").isEmpty());
    assertTrue(IodRegistry.byName("No Such").isEmpty());
    assertTrue(IodRegistry.module("No Such").isEmpty());
  }

  @Test
  void listsIodsAndModules() {
    assertTrue(IodRegistry.iods().size() > 80);
    assertTrue(IodRegistry.modules().size() > 200);
  }
}
