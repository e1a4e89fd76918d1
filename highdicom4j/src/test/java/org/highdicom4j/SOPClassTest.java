package org.highdicom4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SOPClassTest {
  /** The smallest SOP class: the identity block of a Secondary Capture-like object. */
  static final class Plain extends SOPClass {
    Plain(DicomDataset ds, String ts) {
      super(ds, ts);
    }

    static final class Builder extends SOPClass.Builder<Builder> {
      DicomDataset source;

      @Override
      protected Builder self() {
        return this;
      }

      Plain build() {
        DicomDataset ds = buildIdentity(UID.SecondaryCaptureImageStorage, "OT");
        if (source != null) {
          copyPatientAndStudyInformation(ds, source);
          copySpecimenInformation(ds, source);
        }
        return new Plain(ds, transferSyntaxUidOr(UID.ImplicitVRLittleEndian));
      }
    }
  }

  private static Plain.Builder minimal() {
    return new Plain.Builder()
        .seriesInstanceUid(UidGenerator.newUid())
        .sopInstanceUid(UidGenerator.newUid())
        .seriesNumber(3)
        .instanceNumber(4);
  }

  @Test
  void writesTheIdentityBlockWithEmptyType2Attributes() {
    LocalDateTime content = LocalDateTime.of(2023, 5, 6, 7, 8, 9);
    Plain p =
        minimal()
            .manufacturer("Acme")
            .manufacturerModelName("Model")
            .softwareVersions("1.0", "2.0")
            .deviceSerialNumber("SN1")
            .institutionName("Hospital")
            .institutionalDepartmentName("Radiology")
            .seriesDescription("Derived")
            .contentQualification(ContentQualificationValues.RESEARCH)
            .patientSex(PatientSexValues.F)
            .patientBirthDate(LocalDate.of(1970, 1, 2))
            .studyDate(LocalDate.of(2023, 5, 6))
            .studyTime(LocalTime.of(7, 0))
            .contentDateTime(content)
            .build();
    DicomDataset ds = p.dataset();
    assertEquals(UID.SecondaryCaptureImageStorage, p.sopClassUid());
    assertEquals("OT", ds.getString(Tag.Modality));
    assertEquals("3", ds.getString(Tag.SeriesNumber));
    assertEquals("4", ds.getString(Tag.InstanceNumber));
    assertEquals("1.0\\2.0", ds.getText(Tag.SoftwareVersions));
    assertEquals("RESEARCH", ds.getString(Tag.ContentQualification));
    assertEquals("20230506", ds.getString(Tag.ContentDate));
    assertEquals("070809", ds.getString(Tag.ContentTime));
    assertEquals("19700102", ds.getString(Tag.PatientBirthDate));
    assertTrue(ds.contains(Tag.InstanceCreationDate));
    assertTrue(UidGenerator.isValid(p.studyInstanceUid()));
    for (int t :
        new int[] {
          Tag.PatientName,
          Tag.PatientID,
          Tag.AccessionNumber,
          Tag.ReferringPhysicianName,
          Tag.StudyID
        }) {
      assertTrue(ds.contains(t) && !ds.hasValue(t), ValueRepresentations.describe(t));
    }
    assertEquals(UID.ImplicitVRLittleEndian, p.transferSyntaxUid());
  }

  @Test
  void requiresUidsAndPositiveNumbers() {
    IllegalStateException e =
        assertThrows(
            IllegalStateException.class,
            () ->
                new Plain.Builder()
                    .sopInstanceUid(UidGenerator.newUid())
                    .seriesNumber(1)
                    .instanceNumber(1)
                    .build());
    assertTrue(e.getMessage().contains("seriesInstanceUid is required"), e.getMessage());
    IllegalArgumentException a =
        assertThrows(IllegalArgumentException.class, () -> minimal().seriesNumber(0).build());
    assertTrue(
        a.getMessage().contains("SeriesNumber (0020,0011) must be positive"), a.getMessage());
  }

  @Test
  void checksValueRepresentations() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> minimal().institutionName("i".repeat(65)).build());
    assertTrue(
        e.getMessage().contains("InstitutionName (0008,0080) is too long for LO"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> minimal().accessionNumber("a".repeat(17)).build());
    assertTrue(
        e.getMessage().contains("AccessionNumber (0008,0050) is too long for SH"), e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> minimal().softwareVersions("a\\b").build());
    assertTrue(
        e.getMessage().contains("SoftwareVersions (0018,1020) contains a character"),
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class, () -> minimal().patientName("a^b^c^d^e^f").build());
    assertTrue(
        e.getMessage().contains("PatientName (0010,0010) is not a valid person name"),
        e.getMessage());
    e =
        assertThrows(
            IllegalArgumentException.class,
            () -> minimal().transferSyntaxUid(UID.ExplicitVRBigEndian).build());
    assertTrue(e.getMessage().contains("big endian"), e.getMessage());
  }

  @Test
  void copiesPatientStudyAndSpecimenModulesOnly() {
    DicomDataset src = new DicomDataset();
    src.setString(Tag.PatientName, VR.PN, "Doe^Jane");
    src.setString(Tag.PatientID, VR.LO, "P1");
    src.setString(Tag.StudyInstanceUID, VR.UI, "1.2.3");
    src.setString(Tag.PatientAge, VR.AS, "042Y");
    src.setString(Tag.ClinicalTrialSubjectID, VR.LO, "S7");
    src.setString(Tag.ContainerIdentifier, VR.LO, "Slide 1");
    src.newSequence(Tag.SpecimenDescriptionSequence)
        .addNewItem()
        .setString(Tag.SpecimenIdentifier, VR.LO, "Sp1");
    src.setString(Tag.SeriesDescription, VR.LO, "not copied");
    Plain.Builder b = minimal();
    b.source = src;
    DicomDataset ds = b.build().dataset();
    assertEquals("Doe^Jane", ds.getString(Tag.PatientName));
    assertEquals("1.2.3", ds.getString(Tag.StudyInstanceUID));
    assertEquals("042Y", ds.getString(Tag.PatientAge));
    assertEquals("S7", ds.getString(Tag.ClinicalTrialSubjectID));
    assertEquals("Slide 1", ds.getString(Tag.ContainerIdentifier));
    assertEquals(
        "Sp1",
        ds.getSequence(Tag.SpecimenDescriptionSequence).get(0).getString(Tag.SpecimenIdentifier));
    assertFalse(ds.contains(Tag.SeriesDescription));
  }

  @Test
  void writesAFileInItsTransferSyntax(@TempDir Path dir) throws Exception {
    Plain p = minimal().transferSyntaxUid(UID.ExplicitVRLittleEndian).build();
    Path f = dir.resolve("plain.dcm");
    p.write(f);
    DicomFile read = DicomReader.read(f);
    assertEquals(UID.ExplicitVRLittleEndian, read.fileMetaInformation().transferSyntaxUid());
    assertEquals(p.sopInstanceUid(), read.dataset().getString(Tag.SOPInstanceUID));
    assertEquals(p.seriesInstanceUid(), read.dataset().getString(Tag.SeriesInstanceUID));
    try (var files = Files.list(dir)) {
      assertEquals(1, files.count(), "no temporary file left behind");
    }
  }
}
