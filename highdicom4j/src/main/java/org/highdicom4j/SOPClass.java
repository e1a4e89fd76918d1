package org.highdicom4j;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.io.DicomWriter;
import org.highdicom4j.dicom.io.TransferSyntax;
import org.highdicom4j.dicom.io.WriteOptions;

/**
 * A created DICOM SOP Instance: the identity block every object highdicom4j makes shares (Patient,
 * General Study, Patient Study, General Series, General Equipment and SOP Common modules) and the
 * finished data set, exposed read-only.
 *
 * <p>Subclasses (one per IOD) are immutable: their builders extend {@link Builder}, call {@link
 * Builder#buildIdentity} for the shared attributes, add the IOD's own modules and hand the finished
 * data set to {@link #SOPClass(DicomDataset, String)}. Patient and study attributes of derived
 * objects are copied from their source images with {@link #copyPatientAndStudyInformation} and
 * {@link #copySpecimenInformation}.
 *
 * <p>highdicom: {@code highdicom.SOPClass} (a pydicom {@code Dataset} subclass there; here the data
 * set is held, not inherited, so that it cannot change after construction).
 */
public abstract class SOPClass {
  /** Attributes of the Patient, Clinical Trial Subject modules (PS3.3 C.7.1.1, C.7.1.3). */
  private static final int[] PATIENT_ATTRIBUTES = {
    Tag.PatientName,
    Tag.PatientID,
    Tag.IssuerOfPatientID,
    Tag.IssuerOfPatientIDQualifiersSequence,
    Tag.TypeOfPatientID,
    Tag.PatientBirthDate,
    Tag.PatientBirthTime,
    Tag.PatientBirthDateInAlternativeCalendar,
    Tag.PatientDeathDateInAlternativeCalendar,
    Tag.PatientAlternativeCalendar,
    Tag.PatientSex,
    Tag.QualityControlSubject,
    Tag.StrainDescription,
    Tag.StrainNomenclature,
    Tag.StrainStockSequence,
    Tag.StrainAdditionalInformation,
    Tag.StrainCodeSequence,
    Tag.GeneticModificationsSequence,
    Tag.OtherPatientNames,
    Tag.OtherPatientIDsSequence,
    Tag.ReferencedPatientPhotoSequence,
    Tag.PatientComments,
    Tag.PatientSpeciesDescription,
    Tag.PatientSpeciesCodeSequence,
    Tag.PatientBreedDescription,
    Tag.PatientBreedCodeSequence,
    Tag.BreedRegistrationSequence,
    Tag.ResponsiblePerson,
    Tag.ResponsiblePersonRole,
    Tag.ResponsibleOrganization,
    Tag.PatientIdentityRemoved,
    Tag.DeidentificationMethod,
    Tag.DeidentificationMethodCodeSequence,
    Tag.SourcePatientGroupIdentificationSequence,
    Tag.GroupOfPatientsIdentificationSequence,
    Tag.ClinicalTrialSponsorName,
    Tag.ClinicalTrialProtocolID,
    Tag.ClinicalTrialProtocolName,
    Tag.ClinicalTrialSiteID,
    Tag.ClinicalTrialSiteName,
    Tag.ClinicalTrialSubjectID,
    Tag.ClinicalTrialSubjectReadingID,
    Tag.ClinicalTrialProtocolEthicsCommitteeName,
    Tag.ClinicalTrialProtocolEthicsCommitteeApprovalNumber,
  };

  /**
   * Attributes of the General Study, Patient Study and Clinical Trial Study modules (PS3.3
   * C.7.2.1-C.7.2.3).
   */
  private static final int[] STUDY_ATTRIBUTES = {
    Tag.StudyInstanceUID,
    Tag.StudyDate,
    Tag.StudyTime,
    Tag.ReferringPhysicianName,
    Tag.ReferringPhysicianIdentificationSequence,
    Tag.ConsultingPhysicianName,
    Tag.ConsultingPhysicianIdentificationSequence,
    Tag.StudyID,
    Tag.AccessionNumber,
    Tag.IssuerOfAccessionNumberSequence,
    Tag.StudyDescription,
    Tag.PhysiciansOfRecord,
    Tag.PhysiciansOfRecordIdentificationSequence,
    Tag.NameOfPhysiciansReadingStudy,
    Tag.PhysiciansReadingStudyIdentificationSequence,
    Tag.RequestingServiceCodeSequence,
    Tag.ReferencedStudySequence,
    Tag.ProcedureCodeSequence,
    Tag.ReasonForPerformedProcedureCodeSequence,
    Tag.AdmittingDiagnosesDescription,
    Tag.AdmittingDiagnosesCodeSequence,
    Tag.PatientAge,
    Tag.PatientSize,
    Tag.PatientWeight,
    Tag.PatientBodyMassIndex,
    Tag.MeasuredAPDimension,
    Tag.MeasuredLateralDimension,
    Tag.PatientSizeCodeSequence,
    Tag.MedicalAlerts,
    Tag.Allergies,
    Tag.SmokingStatus,
    Tag.PregnancyStatus,
    Tag.LastMenstrualDate,
    Tag.PatientState,
    Tag.PatientSexNeutered,
    Tag.AdmissionID,
    Tag.IssuerOfAdmissionIDSequence,
    Tag.ServiceEpisodeID,
    Tag.IssuerOfServiceEpisodeIDSequence,
    Tag.ServiceEpisodeDescription,
    Tag.Occupation,
    Tag.AdditionalPatientHistory,
    Tag.ReasonForVisit,
    Tag.ReasonForVisitCodeSequence,
    Tag.ClinicalTrialTimePointID,
    Tag.ClinicalTrialTimePointDescription,
    Tag.LongitudinalTemporalOffsetFromEvent,
    Tag.LongitudinalTemporalEventType,
    Tag.ConsentForClinicalTrialUseSequence,
  };

  /** Attributes of the Specimen module (PS3.3 C.7.6.22). */
  private static final int[] SPECIMEN_ATTRIBUTES = {
    Tag.ContainerIdentifier,
    Tag.IssuerOfTheContainerIdentifierSequence,
    Tag.AlternateContainerIdentifierSequence,
    Tag.ContainerTypeCodeSequence,
    Tag.ContainerDescription,
    Tag.ContainerComponentSequence,
    Tag.SpecimenDescriptionSequence,
  };

  private final DicomDataset dataset;
  private final String transferSyntaxUid;

  /**
   * Wraps a finished data set; it is kept as given and must not be changed afterwards.
   *
   * @param dataset the complete data set, identity block included
   * @param transferSyntaxUid Transfer Syntax UID (0002,0010) used by {@link #write(Path)}
   */
  protected SOPClass(DicomDataset dataset, String transferSyntaxUid) {
    this.dataset = Objects.requireNonNull(dataset, "dataset").readOnlyView();
    this.transferSyntaxUid = Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid");
  }

  /** Returns the data set as a read-only view (highdicom: the object itself). */
  public final DicomDataset dataset() {
    return dataset;
  }

  /** Returns Transfer Syntax UID (0002,0010) (highdicom: {@code transfer_syntax_uid}). */
  public final String transferSyntaxUid() {
    return transferSyntaxUid;
  }

  /** Returns SOP Class UID (0008,0016). */
  public final String sopClassUid() {
    return dataset.getString(Tag.SOPClassUID);
  }

  /** Returns SOP Instance UID (0008,0018). */
  public final String sopInstanceUid() {
    return dataset.getString(Tag.SOPInstanceUID);
  }

  /** Returns Series Instance UID (0020,000E). */
  public final String seriesInstanceUid() {
    return dataset.getString(Tag.SeriesInstanceUID);
  }

  /** Returns Study Instance UID (0020,000D). */
  public final String studyInstanceUid() {
    return dataset.getString(Tag.StudyInstanceUID);
  }

  /**
   * Writes the instance as a DICOM file (PS3.10) in its transfer syntax; the file is written to a
   * temporary file and moved into place.
   *
   * @param path the destination
   * @throws IOException when writing fails
   */
  public final void write(Path path) throws IOException {
    DicomWriter.write(path, dataset, writeOptions());
  }

  /**
   * Writes the instance as a DICOM file (PS3.10) to a stream, which is not closed.
   *
   * @param out the stream
   * @throws IOException when writing fails
   */
  public final void write(OutputStream out) throws IOException {
    DicomWriter.write(out, dataset, null, writeOptions());
  }

  private WriteOptions writeOptions() {
    return WriteOptions.DEFAULT.withTransferSyntax(transferSyntaxUid);
  }

  /**
   * Copies patient and study attributes (Patient, Clinical Trial Subject, General Study, Patient
   * Study and Clinical Trial Study modules) present in {@code source} into {@code target}.
   *
   * <p>highdicom: {@code SOPClass.copy_patient_and_study_information}.
   *
   * @param target the data set being built
   * @param source a source image's data set
   */
  protected static void copyPatientAndStudyInformation(DicomDataset target, DicomDataset source) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(source, "source");
    target.copyFrom(source, PATIENT_ATTRIBUTES);
    target.copyFrom(source, STUDY_ATTRIBUTES);
  }

  /**
   * Copies Specimen module attributes (PS3.3 C.7.6.22) present in {@code source} into {@code
   * target}.
   *
   * <p>highdicom: {@code SOPClass.copy_specimen_information}.
   *
   * @param target the data set being built
   * @param source a source image's data set
   */
  protected static void copySpecimenInformation(DicomDataset target, DicomDataset source) {
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(source, "source");
    target.copyFrom(source, SPECIMEN_ATTRIBUTES);
  }

  /**
   * The options shared by every created object; builders of SOP classes extend it.
   *
   * <p>highdicom: the keyword arguments of {@code highdicom.SOPClass.__init__}.
   *
   * @param <B> the concrete builder type, returned by the setters
   */
  public abstract static class Builder<B extends Builder<B>> {
    private String studyInstanceUid;
    private String seriesInstanceUid;
    private Integer seriesNumber;
    private String sopInstanceUid;
    private Integer instanceNumber;
    private String manufacturer;
    private String manufacturerModelName;
    private List<String> softwareVersions;
    private String deviceSerialNumber;
    private String institutionName;
    private String institutionalDepartmentName;
    private String seriesDescription;
    private ContentQualificationValues contentQualification;
    private String patientId;
    private String patientName;
    private LocalDate patientBirthDate;
    private PatientSexValues patientSex;
    private String accessionNumber;
    private String studyId;
    private LocalDate studyDate;
    private LocalTime studyTime;
    private String referringPhysicianName;
    private LocalDateTime contentDateTime;
    private String transferSyntaxUid;

    /** Creates a builder with nothing set. */
    protected Builder() {}

    /** Returns this builder as its concrete type. */
    protected abstract B self();

    /**
     * Sets Study Instance UID (0020,000D); derived objects take it from their source instead.
     *
     * @param uid the UID
     * @return this builder
     */
    public B studyInstanceUid(String uid) {
      this.studyInstanceUid = uid;
      return self();
    }

    /**
     * Sets Series Instance UID (0020,000E) (required).
     *
     * @param uid the UID, e.g. from {@code UidGenerator.newUid()}
     * @return this builder
     */
    public B seriesInstanceUid(String uid) {
      this.seriesInstanceUid = uid;
      return self();
    }

    /**
     * Sets Series Number (0020,0011) (required, at least 1).
     *
     * @param number the number
     * @return this builder
     */
    public B seriesNumber(int number) {
      this.seriesNumber = number;
      return self();
    }

    /**
     * Sets SOP Instance UID (0008,0018) (required).
     *
     * @param uid the UID
     * @return this builder
     */
    public B sopInstanceUid(String uid) {
      this.sopInstanceUid = uid;
      return self();
    }

    /**
     * Sets Instance Number (0020,0013) (required, at least 1).
     *
     * @param number the number
     * @return this builder
     */
    public B instanceNumber(int number) {
      this.instanceNumber = number;
      return self();
    }

    /**
     * Sets Manufacturer (0008,0070), LO: the developer of the software creating the instance.
     *
     * @param manufacturer at most 64 characters
     * @return this builder
     */
    public B manufacturer(String manufacturer) {
      this.manufacturer = manufacturer;
      return self();
    }

    /**
     * Sets Manufacturer's Model Name (0008,1090), LO: the software creating the instance.
     *
     * @param name at most 64 characters
     * @return this builder
     */
    public B manufacturerModelName(String name) {
      this.manufacturerModelName = name;
      return self();
    }

    /**
     * Sets Software Versions (0018,1020), LO, one or more values.
     *
     * @param versions each at most 64 characters
     * @return this builder
     */
    public B softwareVersions(String... versions) {
      this.softwareVersions = List.of(versions);
      return self();
    }

    /**
     * Sets Device Serial Number (0018,1000), LO.
     *
     * @param serialNumber at most 64 characters
     * @return this builder
     */
    public B deviceSerialNumber(String serialNumber) {
      this.deviceSerialNumber = serialNumber;
      return self();
    }

    /**
     * Sets Institution Name (0008,0080), LO.
     *
     * @param name at most 64 characters
     * @return this builder
     */
    public B institutionName(String name) {
      this.institutionName = name;
      return self();
    }

    /**
     * Sets Institutional Department Name (0008,1040), LO.
     *
     * @param name at most 64 characters
     * @return this builder
     */
    public B institutionalDepartmentName(String name) {
      this.institutionalDepartmentName = name;
      return self();
    }

    /**
     * Sets Series Description (0008,103E), LO.
     *
     * @param description at most 64 characters
     * @return this builder
     */
    public B seriesDescription(String description) {
      this.seriesDescription = description;
      return self();
    }

    /**
     * Sets Content Qualification (0018,9004).
     *
     * @param qualification the value
     * @return this builder
     */
    public B contentQualification(ContentQualificationValues qualification) {
      this.contentQualification = Objects.requireNonNull(qualification, "qualification");
      return self();
    }

    /**
     * Sets Patient ID (0010,0020), LO; derived objects copy it from their source instead.
     *
     * @param id the identifier
     * @return this builder
     */
    public B patientId(String id) {
      this.patientId = id;
      return self();
    }

    /**
     * Sets Patient's Name (0010,0010), PN; derived objects copy it from their source instead.
     *
     * @param name e.g. {@code "Doe^Jane"}
     * @return this builder
     */
    public B patientName(String name) {
      this.patientName = name;
      return self();
    }

    /**
     * Sets Patient's Birth Date (0010,0030).
     *
     * @param date the date
     * @return this builder
     */
    public B patientBirthDate(LocalDate date) {
      this.patientBirthDate = date;
      return self();
    }

    /**
     * Sets Patient's Sex (0010,0040).
     *
     * @param sex the value
     * @return this builder
     */
    public B patientSex(PatientSexValues sex) {
      this.patientSex = sex;
      return self();
    }

    /**
     * Sets Accession Number (0008,0050), SH.
     *
     * @param number at most 16 characters
     * @return this builder
     */
    public B accessionNumber(String number) {
      this.accessionNumber = number;
      return self();
    }

    /**
     * Sets Study ID (0020,0010), SH.
     *
     * @param id at most 16 characters
     * @return this builder
     */
    public B studyId(String id) {
      this.studyId = id;
      return self();
    }

    /**
     * Sets Study Date (0008,0020).
     *
     * @param date the date
     * @return this builder
     */
    public B studyDate(LocalDate date) {
      this.studyDate = date;
      return self();
    }

    /**
     * Sets Study Time (0008,0030).
     *
     * @param time the time
     * @return this builder
     */
    public B studyTime(LocalTime time) {
      this.studyTime = time;
      return self();
    }

    /**
     * Sets Referring Physician's Name (0008,0090), PN.
     *
     * @param name the name
     * @return this builder
     */
    public B referringPhysicianName(String name) {
      this.referringPhysicianName = name;
      return self();
    }

    /**
     * Sets Content Date (0008,0023) and Content Time (0008,0033), for reproducible output; by
     * default the time of {@code build()} is used, as is always the case for Instance Creation
     * Date/Time (0008,0012/0013).
     *
     * @param dateTime the content date and time
     * @return this builder
     */
    public B contentDateTime(LocalDateTime dateTime) {
      this.contentDateTime = Objects.requireNonNull(dateTime, "dateTime");
      return self();
    }

    /**
     * Sets the Transfer Syntax UID (0002,0010) of the written file; each SOP class documents which
     * it supports. Big-endian syntaxes are never supported.
     *
     * @param uid the UID
     * @return this builder
     */
    public B transferSyntaxUid(String uid) {
      this.transferSyntaxUid = Objects.requireNonNull(uid, "uid");
      return self();
    }

    /**
     * Returns the Transfer Syntax UID that was set, or {@code defaultUid}.
     *
     * @param defaultUid the SOP class's default
     * @return the UID
     * @throws IllegalArgumentException for an unknown or big-endian transfer syntax
     */
    protected final String transferSyntaxUidOr(String defaultUid) {
      String ts = transferSyntaxUid == null ? defaultUid : transferSyntaxUid;
      TransferSyntax syntax;
      try {
        syntax = TransferSyntax.of(ts);
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "TransferSyntaxUID (0002,0010) is unknown (expected a DICOM transfer syntax): " + ts,
            e);
      }
      if (syntax.bigEndian()) {
        throw new IllegalArgumentException(
            "TransferSyntaxUID (0002,0010) is big endian (expected a little-endian transfer"
                + " syntax): "
                + ts);
      }
      return ts;
    }

    /** Returns the Content Date/Time that was set, or null for "now". */
    protected final LocalDateTime contentDateTime() {
      return contentDateTime;
    }

    /**
     * Validates the shared options and creates a data set holding the identity block: SOP Common,
     * General Series, General Equipment (and Enhanced General Equipment values when set), Patient
     * and General Study modules (Type 2 attributes empty unless set), Instance Creation and Content
     * Date/Time.
     *
     * @param sopClassUid SOP Class UID (0008,0016)
     * @param modality Modality (0008,0060)
     * @return a new, modifiable data set for the subclass to complete
     * @throws IllegalStateException when a required option (series/SOP instance UID, series or
     *     instance number) was not set
     * @throws IllegalArgumentException when an option breaks its VR or range
     */
    protected final DicomDataset buildIdentity(String sopClassUid, String modality) {
      Objects.requireNonNull(sopClassUid, "sopClassUid");
      Objects.requireNonNull(modality, "modality");
      require(seriesInstanceUid, "seriesInstanceUid");
      require(sopInstanceUid, "sopInstanceUid");
      require(seriesNumber, "seriesNumber");
      require(instanceNumber, "instanceNumber");
      if (seriesNumber < 1) {
        throw new IllegalArgumentException(
            "SeriesNumber (0020,0011) must be positive (expected >= 1): " + seriesNumber);
      }
      if (instanceNumber < 1) {
        throw new IllegalArgumentException(
            "InstanceNumber (0020,0013) must be positive (expected >= 1): " + instanceNumber);
      }
      DicomDataset ds = new DicomDataset();
      ds.setString(Tag.SpecificCharacterSet, VR.CS, "ISO_IR 192");
      ds.setString(
          Tag.SOPClassUID, VR.UI, ValueRepresentations.checkUid(Tag.SOPClassUID, sopClassUid));
      ds.setString(
          Tag.SOPInstanceUID,
          VR.UI,
          ValueRepresentations.checkUid(Tag.SOPInstanceUID, sopInstanceUid));
      ds.setString(
          Tag.SeriesInstanceUID,
          VR.UI,
          ValueRepresentations.checkUid(Tag.SeriesInstanceUID, seriesInstanceUid));
      ds.setString(
          Tag.StudyInstanceUID,
          VR.UI,
          ValueRepresentations.checkUid(
              Tag.StudyInstanceUID,
              studyInstanceUid != null ? studyInstanceUid : UidGenerator.newUid()));
      ds.setInt(Tag.SeriesNumber, VR.IS, seriesNumber);
      ds.setInt(Tag.InstanceNumber, VR.IS, instanceNumber);
      ds.setString(
          Tag.Modality, VR.CS, ValueRepresentations.checkCodeString(Tag.Modality, modality));
      LocalDateTime now = LocalDateTime.now();
      ds.setDate(Tag.InstanceCreationDate, now.toLocalDate());
      ds.setTime(Tag.InstanceCreationTime, now.toLocalTime());
      LocalDateTime content = contentDateTime != null ? contentDateTime : now;
      ds.setDate(Tag.ContentDate, content.toLocalDate());
      ds.setTime(Tag.ContentTime, content.toLocalTime());
      setLong(ds, Tag.Manufacturer, manufacturer, true);
      setLong(ds, Tag.ManufacturerModelName, manufacturerModelName, false);
      setLong(ds, Tag.DeviceSerialNumber, deviceSerialNumber, false);
      if (softwareVersions != null) {
        for (String v : softwareVersions) {
          ValueRepresentations.checkLongString(Tag.SoftwareVersions, v);
        }
        ds.setString(Tag.SoftwareVersions, VR.LO, softwareVersions.toArray(new String[0]));
      }
      setLong(ds, Tag.InstitutionName, institutionName, false);
      setLong(ds, Tag.InstitutionalDepartmentName, institutionalDepartmentName, false);
      setLong(ds, Tag.SeriesDescription, seriesDescription, false);
      if (contentQualification != null) {
        ds.setString(Tag.ContentQualification, VR.CS, contentQualification.value());
      }
      // Patient and General Study modules: Type 2 attributes are present, empty when unknown.
      setLong(ds, Tag.PatientID, patientId, true);
      if (patientName != null) {
        ds.setString(
            Tag.PatientName,
            VR.PN,
            ValueRepresentations.checkPersonName(Tag.PatientName, patientName));
      } else {
        ds.setEmpty(Tag.PatientName, VR.PN);
      }
      if (patientBirthDate != null) {
        ds.setDate(Tag.PatientBirthDate, patientBirthDate);
      } else {
        ds.setEmpty(Tag.PatientBirthDate, VR.DA);
      }
      if (patientSex != null) {
        ds.setString(Tag.PatientSex, VR.CS, patientSex.value());
      } else {
        ds.setEmpty(Tag.PatientSex, VR.CS);
      }
      if (accessionNumber != null) {
        ds.setString(
            Tag.AccessionNumber,
            VR.SH,
            ValueRepresentations.checkShortString(Tag.AccessionNumber, accessionNumber));
      } else {
        ds.setEmpty(Tag.AccessionNumber, VR.SH);
      }
      if (studyId != null) {
        ds.setString(
            Tag.StudyID, VR.SH, ValueRepresentations.checkShortString(Tag.StudyID, studyId));
      } else {
        ds.setEmpty(Tag.StudyID, VR.SH);
      }
      if (studyDate != null) {
        ds.setDate(Tag.StudyDate, studyDate);
      } else {
        ds.setEmpty(Tag.StudyDate, VR.DA);
      }
      if (studyTime != null) {
        ds.setTime(Tag.StudyTime, studyTime);
      } else {
        ds.setEmpty(Tag.StudyTime, VR.TM);
      }
      if (referringPhysicianName != null) {
        ds.setString(
            Tag.ReferringPhysicianName,
            VR.PN,
            ValueRepresentations.checkPersonName(
                Tag.ReferringPhysicianName, referringPhysicianName));
      } else {
        ds.setEmpty(Tag.ReferringPhysicianName, VR.PN);
      }
      return ds;
    }

    /**
     * Throws unless a required option was set.
     *
     * @param value the option's value
     * @param name the builder method's name
     */
    protected static void require(Object value, String name) {
      if (value == null) {
        throw new IllegalStateException(name + " is required (expected a call to " + name + ")");
      }
    }

    private static void setLong(DicomDataset ds, int tag, String value, boolean type2) {
      if (value != null) {
        ds.setString(tag, VR.LO, ValueRepresentations.checkLongString(tag, value));
      } else if (type2) {
        ds.setEmpty(tag, VR.LO);
      }
    }

    /**
     * Returns whether SOP Instance UID (0008,0018) or Instance Number (0020,0013) was set, for
     * factories that set them per instance themselves.
     *
     * @return true when either was set
     */
    protected final boolean instanceIdentitySet() {
      return sopInstanceUid != null || instanceNumber != null;
    }

    /**
     * Throws unless the Enhanced General Equipment module attributes (Manufacturer, Manufacturer's
     * Model Name, Device Serial Number, Software Versions) were all set.
     */
    protected final void requireEnhancedEquipment() {
      require(manufacturer, "manufacturer");
      require(manufacturerModelName, "manufacturerModelName");
      require(softwareVersions, "softwareVersions");
      require(deviceSerialNumber, "deviceSerialNumber");
    }
  }
}
