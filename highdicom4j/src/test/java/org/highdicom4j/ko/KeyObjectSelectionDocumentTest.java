package org.highdicom4j.ko;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.coding.cid.CID7010;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.dicom.io.DicomReader;
import org.highdicom4j.sr.CompositeContentItem;
import org.highdicom4j.sr.DeviceObserverIdentifyingAttributes;
import org.highdicom4j.sr.EvidenceReference;
import org.highdicom4j.sr.ImageContentItem;
import org.highdicom4j.sr.ObserverContext;
import org.highdicom4j.sr.PersonObserverIdentifyingAttributes;
import org.highdicom4j.sr.SrValidators;
import org.highdicom4j.sr.ValueTypeValues;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyObjectSelectionDocumentTest {
  static final String STUDY_A = "1.2.826.0.1.3680043.8.498.101";
  static final String STUDY_B = "1.2.826.0.1.3680043.8.498.102";
  static final String SERIES_A = "1.2.826.0.1.3680043.8.498.111";
  static final String SERIES_B = "1.2.826.0.1.3680043.8.498.112";
  static final String SERIES_C = "1.2.826.0.1.3680043.8.498.113";
  static final CodedConcept OF_INTEREST = new CodedConcept("113000", "DCM", "Of Interest");

  static DicomDataset instance(String cls, String uid, String study, String series, boolean image) {
    DicomDataset ds = new DicomDataset();
    ds.setString(Tag.SOPClassUID, VR.UI, cls);
    ds.setString(Tag.SOPInstanceUID, VR.UI, uid);
    ds.setString(Tag.StudyInstanceUID, VR.UI, study);
    ds.setString(Tag.SeriesInstanceUID, VR.UI, series);
    ds.setString(Tag.PatientID, VR.LO, "P1");
    ds.setString(Tag.PatientName, VR.PN, "Doe^Jane");
    if (image) {
      ds.setInt(Tag.Rows, VR.US, 8);
      ds.setInt(Tag.Columns, VR.US, 8);
    }
    return ds;
  }

  static final DicomDataset CT1 =
      instance(UID.CTImageStorage, "1.2.826.0.1.3680043.8.498.121", STUDY_A, SERIES_A, true);
  static final DicomDataset CT2 =
      instance(UID.CTImageStorage, "1.2.826.0.1.3680043.8.498.122", STUDY_A, SERIES_A, true);
  static final DicomDataset MR =
      instance(UID.MRImageStorage, "1.2.826.0.1.3680043.8.498.123", STUDY_B, SERIES_B, true);
  static final DicomDataset RWVM =
      instance(
          UID.RealWorldValueMappingStorage,
          "1.2.826.0.1.3680043.8.498.124",
          STUDY_A,
          SERIES_C,
          false);

  static KeyObjectSelection content() {
    return new KeyObjectSelection(
        OF_INTEREST,
        List.of(CT1, CT2, MR, RWVM),
        new ObserverContext(
            new PersonObserverIdentifyingAttributes("Doe^John", null, "Hospital", null, null)),
        new ObserverContext(
            new DeviceObserverIdentifyingAttributes(
                "1.2.826.0.1.3680043.8.498.130", "AI", null, null, null, null, null)),
        "Nodules seen on two studies");
  }

  static KeyObjectSelectionDocument build(List<DicomDataset> evidence, KeyObjectSelection c) {
    return KeyObjectSelectionDocument.builder()
        .evidence(evidence)
        .content(c)
        .seriesInstanceUid("1.2.826.0.1.3680043.8.498.140")
        .seriesNumber(5)
        .sopInstanceUid("1.2.826.0.1.3680043.8.498.141")
        .instanceNumber(1)
        .manufacturer("highdicom4j tests")
        .build();
  }

  @Test
  void writesValidDocumentAndReadsItBack(@TempDir Path dir) throws Exception {
    assertEquals(OF_INTEREST, CID7010.OfInterest);
    KeyObjectSelection content = content();
    KeyObjectSelectionDocument kos = build(List.of(CT1, CT2, MR, RWVM, CT1), content);
    Path file = dir.resolve("ko.dcm");
    kos.write(file);
    String dump = SrValidators.assertValid(file);
    assertTrue(dump.contains("Key Object Selection Document"), dump);
    DicomDataset ds = DicomReader.read(file).dataset();
    assertEquals("KO", ds.getString(Tag.Modality));
    assertEquals(STUDY_A, ds.getString(Tag.StudyInstanceUID));
    assertEquals("2010", ds.getItem(Tag.ContentTemplateSequence).getString(Tag.TemplateIdentifier));
    // Two studies in the evidence sequence, the first with two series.
    assertEquals(2, ds.getSequence(Tag.CurrentRequestedProcedureEvidenceSequence).size());

    KeyObjectSelectionDocument read = KeyObjectSelectionDocument.read(file);
    assertEquals(content, read.content());
    assertEquals(OF_INTEREST, read.content().documentTitle());
    assertEquals("Nodules seen on two studies", read.content().description().orElseThrow());
    assertEquals(2, read.content().getObserverContexts(null).size());
    assertEquals(
        "Doe^John",
        read.content()
            .getObserverContexts(KeyObjectSelection.PERSON)
            .get(0)
            .personAttributes()
            .orElseThrow()
            .name());
    assertEquals(1, read.content().getObserverContexts(KeyObjectSelection.DEVICE).size());
    assertEquals(4, read.content().getReferences(null, null).size());
    assertEquals(3, read.content().getReferences(ValueTypeValues.IMAGE, null).size());
    assertInstanceOf(
        CompositeContentItem.class,
        read.content().getReferences(ValueTypeValues.COMPOSITE, null).get(0));
    assertInstanceOf(
        ImageContentItem.class, read.content().getReferences(null, UID.MRImageStorage).get(0));
    assertEquals(0, read.content().getReferences(ValueTypeValues.WAVEFORM, null).size());
    assertThrows(
        IllegalArgumentException.class,
        () -> read.content().getReferences(ValueTypeValues.TEXT, null));

    assertEquals(4, read.getReferencedInstances().size());
    assertEquals(
        List.of(
            new EvidenceReference(
                STUDY_A, SERIES_A, CT1.getString(Tag.SOPInstanceUID), UID.CTImageStorage),
            new EvidenceReference(
                STUDY_A, SERIES_A, CT2.getString(Tag.SOPInstanceUID), UID.CTImageStorage)),
        read.getReferencedInstances(UID.CTImageStorage, null, null));
    assertEquals(1, read.getReferencedInstances(null, STUDY_B, null).size());
    assertEquals(1, read.getReferencedInstances(null, STUDY_A, SERIES_C).size());
    assertEquals(0, read.getReferencedInstances(UID.MRImageStorage, STUDY_A, null).size());
    assertEquals(
        new EvidenceReference(
            STUDY_B, SERIES_B, MR.getString(Tag.SOPInstanceUID), UID.MRImageStorage),
        read.resolveReference(MR.getString(Tag.SOPInstanceUID)));
    assertThrows(IllegalArgumentException.class, () -> read.resolveReference("1.2.3"));
  }

  @Test
  void checksInputsAsHighdicomDoes() {
    ObserverContext device =
        new ObserverContext(
            new DeviceObserverIdentifyingAttributes(
                "1.2.826.0.1.3680043.8.498.130", null, null, null, null, null, null));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new KeyObjectSelection(OF_INTEREST, List.of(CT1), device, null, null));
    assertTrue(e.getMessage().contains("must have Observer Type Person"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new KeyObjectSelection(OF_INTEREST, List.of(), null, null, null));
    assertTrue(e.getMessage().contains("referencedObjects must not be empty"), e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> build(List.of(CT1), content()));
    assertTrue(e.getMessage().contains("evidence lacks instances"), e.getMessage());
    assertThrows(
        IllegalStateException.class,
        () -> KeyObjectSelectionDocument.builder().content(content()).build());
    DicomDataset notKo = new DicomDataset();
    notKo.setString(Tag.SOPClassUID, VR.UI, UID.ComprehensiveSRStorage);
    e =
        assertThrows(
            IllegalArgumentException.class, () -> KeyObjectSelectionDocument.fromDataset(notKo));
    assertTrue(e.getMessage().contains("not that of a Key Object Selection"), e.getMessage());
  }
}
