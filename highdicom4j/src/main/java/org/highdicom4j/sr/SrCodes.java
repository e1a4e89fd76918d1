package org.highdicom4j.sr;

import org.highdicom4j.coding.CodedConcept;

/** The concept names the SR templates of PS3.16 use (TID 1500 and its sub-templates). */
final class SrCodes {
  private SrCodes() {}

  static final CodedConcept TRACKING_IDENTIFIER =
      new CodedConcept("112039", "DCM", "Tracking Identifier");
  static final CodedConcept TRACKING_UID =
      new CodedConcept("112040", "DCM", "Tracking Unique Identifier");
  static final CodedConcept ALGORITHM_NAME = new CodedConcept("111001", "DCM", "Algorithm Name");
  static final CodedConcept ALGORITHM_VERSION =
      new CodedConcept("111003", "DCM", "Algorithm Version");
  static final CodedConcept ALGORITHM_PARAMETERS =
      new CodedConcept("111002", "DCM", "Algorithm Parameters");
  static final CodedConcept FINDING_SITE = new CodedConcept("363698007", "SCT", "Finding Site");
  static final CodedConcept LATERALITY = new CodedConcept("272741003", "SCT", "Laterality");
  static final CodedConcept TOPOGRAPHICAL_MODIFIER =
      new CodedConcept("106233006", "SCT", "Topographical modifier");
  static final CodedConcept MEASUREMENT_METHOD =
      new CodedConcept("370129005", "SCT", "Measurement Method");
  static final CodedConcept DERIVATION = new CodedConcept("121401", "DCM", "Derivation");
  static final CodedConcept SOURCE_OF_MEASUREMENT =
      new CodedConcept("121112", "DCM", "Source of Measurement");
  static final CodedConcept SOURCE = new CodedConcept("260753009", "SCT", "Source");
  static final CodedConcept SOURCE_IMAGE = new CodedConcept("121324", "DCM", "Source Image");
  static final CodedConcept SOURCE_IMAGE_FOR_SEGMENTATION =
      new CodedConcept("121233", "DCM", "Source image for segmentation");
  static final CodedConcept SOURCE_SERIES_FOR_SEGMENTATION =
      new CodedConcept("121232", "DCM", "Source series for segmentation");
  static final CodedConcept REAL_WORLD_VALUE_MAP =
      new CodedConcept("126100", "DCM", "Real World Value Map used for measurement");
  static final CodedConcept NORMALITY = new CodedConcept("121402", "DCM", "Normality");
  static final CodedConcept LEVEL_OF_SIGNIFICANCE =
      new CodedConcept("121403", "DCM", "Level of Significance");
  static final CodedConcept SELECTION_STATUS =
      new CodedConcept("121404", "DCM", "Selection Status");
  static final CodedConcept UPPER_UNCERTAINTY =
      new CodedConcept("371886008", "SCT", "+, range of upper measurement uncertainty");
  static final CodedConcept LOWER_UNCERTAINTY =
      new CodedConcept("371885007", "SCT", "-, range of lower measurement uncertainty");
  static final CodedConcept POPULATION_DESCRIPTION =
      new CodedConcept("121405", "DCM", "Population description");
  static final CodedConcept REFERENCE_AUTHORITY =
      new CodedConcept("121406", "DCM", "Reference Authority");
  static final CodedConcept NORMAL_RANGE_DESCRIPTION =
      new CodedConcept("121407", "DCM", "Normal Range description");
  static final CodedConcept NORMAL_RANGE_AUTHORITY =
      new CodedConcept("121408", "DCM", "Normal Range Authority");
  static final CodedConcept LONGITUDINAL_TEMPORAL_OFFSET =
      new CodedConcept("128740", "DCM", "Longitudinal Temporal Offset from Event");
  static final CodedConcept LONGITUDINAL_EVENT_TYPE =
      new CodedConcept("128741", "DCM", "Longitudinal Temporal Event Type");
  static final CodedConcept TIME_POINT = new CodedConcept("C2348792", "UMLS", "Time Point");
  static final CodedConcept TIME_POINT_TYPE = new CodedConcept("126072", "DCM", "Time Point Type");
  static final CodedConcept TIME_POINT_ORDER =
      new CodedConcept("126073", "DCM", "Time Point Order");
  static final CodedConcept SUBJECT_TIME_POINT_ID =
      new CodedConcept("126070", "DCM", "Subject Time Point Identifier");
  static final CodedConcept PROTOCOL_TIME_POINT_ID =
      new CodedConcept("126071", "DCM", "Protocol Time Point Identifier");
  static final CodedConcept IMAGE_REGION = new CodedConcept("111030", "DCM", "Image Region");
  static final CodedConcept VOLUME_SURFACE = new CodedConcept("121231", "DCM", "Volume Surface");
  static final CodedConcept REFERENCED_SEGMENT =
      new CodedConcept("121191", "DCM", "Referenced Segment");
  static final CodedConcept REFERENCED_SEGMENTATION_FRAME =
      new CodedConcept("121214", "DCM", "Referenced Segmentation Frame");
  static final CodedConcept FINDING = new CodedConcept("121071", "DCM", "Finding");
  static final CodedConcept FINDING_CATEGORY =
      new CodedConcept("276214006", "SCT", "Finding category");
  static final CodedConcept SESSION = new CodedConcept("C67447", "NCIt", "Activity Session");
  static final CodedConcept GEOMETRIC_PURPOSE =
      new CodedConcept("130400", "DCM", "Geometric purpose of region");
  static final CodedConcept MEASUREMENT_GROUP =
      new CodedConcept("125007", "DCM", "Measurement Group");
  static final CodedConcept IMAGING_MEASUREMENTS =
      new CodedConcept("126010", "DCM", "Imaging Measurements");
  static final CodedConcept IMAGE_LIBRARY = new CodedConcept("111028", "DCM", "Image Library");
  static final CodedConcept IMAGE_LIBRARY_GROUP =
      new CodedConcept("126200", "DCM", "Image Library Group");
  static final CodedConcept IMAGING_MEASUREMENT_REPORT =
      new CodedConcept("126000", "DCM", "Imaging Measurement Report");
  static final CodedConcept PROCEDURE_REPORTED =
      new CodedConcept("121058", "DCM", "Procedure reported");
  static final CodedConcept LANGUAGE =
      new CodedConcept("121049", "DCM", "Language of Content Item and Descendants");
  static final CodedConcept EN_US = new CodedConcept("en-US", "RFC5646", "English (United States)");
  static final CodedConcept OBSERVER_TYPE = new CodedConcept("121005", "DCM", "Observer Type");
  static final CodedConcept PERSON = new CodedConcept("121006", "DCM", "Person");
  static final CodedConcept DEVICE = new CodedConcept("121007", "DCM", "Device");
  static final CodedConcept PERSON_OBSERVER_NAME =
      new CodedConcept("121008", "DCM", "Person Observer Name");
  static final CodedConcept PERSON_LOGIN_NAME =
      new CodedConcept("128774", "DCM", "Person Observer's Login Name");
  static final CodedConcept PERSON_ORGANIZATION =
      new CodedConcept("121009", "DCM", "Person Observer's Organization Name");
  static final CodedConcept PERSON_ROLE_IN_ORGANIZATION =
      new CodedConcept("121010", "DCM", "Person Observer's Role in the Organization");
  static final CodedConcept PERSON_ROLE_IN_PROCEDURE =
      new CodedConcept("121011", "DCM", "Person Observer's Role in this Procedure");
  static final CodedConcept DEVICE_OBSERVER_UID =
      new CodedConcept("121012", "DCM", "Device Observer UID");
  static final CodedConcept DEVICE_OBSERVER_NAME =
      new CodedConcept("121013", "DCM", "Device Observer Name");
  static final CodedConcept DEVICE_OBSERVER_MANUFACTURER =
      new CodedConcept("121014", "DCM", "Device Observer Manufacturer");
  static final CodedConcept DEVICE_OBSERVER_MODEL =
      new CodedConcept("121015", "DCM", "Device Observer Model Name");
  static final CodedConcept DEVICE_OBSERVER_SERIAL =
      new CodedConcept("121016", "DCM", "Device Observer Serial Number");
  static final CodedConcept DEVICE_OBSERVER_LOCATION =
      new CodedConcept("121017", "DCM", "Device Observer Physical Location During Observation");
  static final CodedConcept DEVICE_ROLE_IN_PROCEDURE =
      new CodedConcept("113876", "DCM", "Device Role in Procedure");
  static final CodedConcept SUBJECT_CLASS = new CodedConcept("121024", "DCM", "Subject Class");
  static final CodedConcept PATIENT = new CodedConcept("121025", "DCM", "Patient");
  static final CodedConcept FETUS = new CodedConcept("121026", "DCM", "Fetus");
  static final CodedConcept SPECIMEN = new CodedConcept("121027", "DCM", "Specimen");
  static final CodedConcept DEVICE_SUBJECT = new CodedConcept("121192", "DCM", "Device Subject");
  static final CodedConcept SUBJECT_ID = new CodedConcept("121030", "DCM", "Subject ID");
  static final CodedConcept SPECIMEN_UID = new CodedConcept("121039", "DCM", "Specimen UID");
  static final CodedConcept SPECIMEN_IDENTIFIER =
      new CodedConcept("121041", "DCM", "Specimen Identifier");
  static final CodedConcept SPECIMEN_CONTAINER_ID =
      new CodedConcept("111700", "DCM", "Specimen Container Identifier");
  static final CodedConcept SPECIMEN_TYPE = new CodedConcept("371439000", "SCT", "Specimen type");
  static final CodedConcept DEVICE_SUBJECT_NAME =
      new CodedConcept("121193", "DCM", "Device Subject Name");
  static final CodedConcept DEVICE_SUBJECT_UID =
      new CodedConcept("121198", "DCM", "Device Subject UID");
  static final CodedConcept DEVICE_SUBJECT_MANUFACTURER =
      new CodedConcept("121194", "DCM", "Device Subject Manufacturer");
  static final CodedConcept DEVICE_SUBJECT_MODEL =
      new CodedConcept("121195", "DCM", "Device Subject Model Name");
  static final CodedConcept DEVICE_SUBJECT_SERIAL =
      new CodedConcept("121196", "DCM", "Device Subject Serial Number");
  static final CodedConcept DEVICE_SUBJECT_LOCATION =
      new CodedConcept("121197", "DCM", "Device Subject Physical Location during observation");
  static final CodedConcept MODALITY = new CodedConcept("121139", "DCM", "Modality");
  static final CodedConcept FRAME_OF_REFERENCE_UID =
      new CodedConcept("112227", "DCM", "Frame of Reference UID");
  static final CodedConcept PIXEL_DATA_ROWS = new CodedConcept("110910", "DCM", "Pixel Data Rows");
  static final CodedConcept PIXEL_DATA_COLUMNS =
      new CodedConcept("110911", "DCM", "Pixel Data Columns");
  static final CodedConcept HORIZONTAL_PIXEL_SPACING =
      new CodedConcept("111026", "DCM", "Horizontal Pixel Spacing");
  static final CodedConcept VERTICAL_PIXEL_SPACING =
      new CodedConcept("111066", "DCM", "Vertical Pixel Spacing");
  static final CodedConcept SLICE_THICKNESS = new CodedConcept("112225", "DCM", "Slice Thickness");
  static final CodedConcept SPACING_BETWEEN_SLICES =
      new CodedConcept("112226", "DCM", "Spacing between slices");
  static final CodedConcept IPP_X = new CodedConcept("110901", "DCM", "Image Position (Patient) X");
  static final CodedConcept IPP_Y = new CodedConcept("110902", "DCM", "Image Position (Patient) Y");
  static final CodedConcept IPP_Z = new CodedConcept("110903", "DCM", "Image Position (Patient) Z");
  static final CodedConcept IOP_ROW_X =
      new CodedConcept("110904", "DCM", "Image Orientation (Patient) Row X");
  static final CodedConcept IOP_ROW_Y =
      new CodedConcept("110905", "DCM", "Image Orientation (Patient) Row Y");
  static final CodedConcept IOP_ROW_Z =
      new CodedConcept("110906", "DCM", "Image Orientation (Patient) Row Z");
  static final CodedConcept IOP_COLUMN_X =
      new CodedConcept("110907", "DCM", "Image Orientation (Patient) Column X");
  static final CodedConcept IOP_COLUMN_Y =
      new CodedConcept("110908", "DCM", "Image Orientation (Patient) Column Y");
  static final CodedConcept IOP_COLUMN_Z =
      new CodedConcept("110909", "DCM", "Image Orientation (Patient) Column Z");
  static final CodedConcept PATIENT_ORIENTATION_ROW =
      new CodedConcept("111044", "DCM", "Patient Orientation Row");
  static final CodedConcept PATIENT_ORIENTATION_COLUMN =
      new CodedConcept("111043", "DCM", "Patient Orientation Column");
  static final CodedConcept STUDY_DATE = new CodedConcept("111060", "DCM", "Study Date");
  static final CodedConcept STUDY_TIME = new CodedConcept("111061", "DCM", "Study Time");
  static final CodedConcept CONTENT_DATE = new CodedConcept("111018", "DCM", "Content Date");
  static final CodedConcept CONTENT_TIME = new CodedConcept("111019", "DCM", "Content Time");
  static final CodedConcept MM = new CodedConcept("mm", "UCUM", "millimeter");
  static final CodedConcept PIXELS = new CodedConcept("{pixels}", "UCUM", "Pixels");
  static final CodedConcept DIRECTION_COSINE = new CodedConcept("{-1:1}", "UCUM", "{-1:1}");
  static final CodedConcept NO_UNITS = new CodedConcept("1", "UCUM", "no units");
}
