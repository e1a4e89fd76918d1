package org.highdicom4j.sr;

import java.util.Arrays;
import java.util.Objects;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.UidGenerator;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/** Small helpers shared by content items and templates: codes, UIDs and number checks. */
final class Values {
  private Values() {}

  static void putCode(DicomDataset ds, int tag, CodedConcept code) {
    ds.newSequence(tag).add(code.toDataset());
  }

  static CodedConcept code(DicomDataset ds, int tag) {
    DicomDataset item = ds.getItem(tag);
    return item == null ? null : CodedConcept.fromDataset(item);
  }

  static String uid(String uid, String attribute) {
    Objects.requireNonNull(uid, attribute);
    if (!UidGenerator.isValid(uid)) {
      throw new IllegalArgumentException(
          attribute
              + " is not a valid UID (expected at most 64 characters of digits and dots): "
              + uid);
    }
    return uid;
  }

  static String uidOrNull(String uid, String attribute) {
    return uid == null ? null : uid(uid, attribute);
  }

  static int[] positive(int[] numbers, String attribute) {
    if (numbers == null) {
      return new int[0];
    }
    for (int n : numbers) {
      if (n < 1) {
        throw new IllegalArgumentException(
            attribute + " values must be positive (expected 1 or more): " + n);
      }
    }
    return numbers.clone();
  }

  static String text(String value, String attribute) {
    Objects.requireNonNull(value, attribute);
    return value;
  }

  /** Returns a referenced SOP Sequence item with class and instance. */
  static DicomDataset sopReference(DicomDataset ds, String sopClassUid, String sopInstanceUid) {
    DicomDataset ref = ds.newSequence(Tag.ReferencedSOPSequence).addNewItem();
    ref.setString(Tag.ReferencedSOPClassUID, VR.UI, sopClassUid);
    ref.setString(Tag.ReferencedSOPInstanceUID, VR.UI, sopInstanceUid);
    return ref;
  }

  // TemporalValues of dicom-core is package-private; a scratch data set reuses its DA/TM/DT rules.
  static java.time.LocalDate parseDate(String s) {
    DicomDataset d = new DicomDataset();
    d.setString(Tag.Date, VR.DA, s);
    java.time.LocalDate v = d.getDate(Tag.Date);
    if (v == null) {
      throw new IllegalArgumentException("Date (0040,A121) is empty (expected YYYYMMDD)");
    }
    return v;
  }

  static java.time.LocalTime parseTime(String s) {
    DicomDataset d = new DicomDataset();
    d.setString(Tag.Time, VR.TM, s);
    java.time.LocalTime v = d.getTime(Tag.Time);
    if (v == null) {
      throw new IllegalArgumentException("Time (0040,A122) is empty (expected HHMMSS.FFFFFF)");
    }
    return v;
  }

  static java.time.temporal.Temporal parseDateTime(String s) {
    DicomDataset d = new DicomDataset();
    d.setString(Tag.DateTime, VR.DT, s);
    java.time.temporal.Temporal v = d.getDateTime(Tag.DateTime);
    if (v == null) {
      throw new IllegalArgumentException("DateTime (0040,A120) is empty (expected a DT value)");
    }
    return v;
  }

  static String formatDateTime(java.time.temporal.Temporal t) {
    DicomDataset d = new DicomDataset();
    d.setDateTime(Tag.DateTime, t);
    return d.getString(Tag.DateTime);
  }

  /** Drops precision below a microsecond, which DICOM TM and DT cannot hold. */
  static java.time.temporal.Temporal micros(java.time.temporal.Temporal t) {
    if (t instanceof java.time.LocalDateTime) {
      return ((java.time.LocalDateTime) t).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
    if (t instanceof java.time.OffsetDateTime) {
      return ((java.time.OffsetDateTime) t).truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }
    if (t instanceof java.time.LocalDate
        || t instanceof java.time.YearMonth
        || t instanceof java.time.Year) {
      return t;
    }
    throw new IllegalArgumentException(
        "DateTime (0040,A120) value type is not supported (expected Year, YearMonth, LocalDate,"
            + " LocalDateTime or OffsetDateTime): "
            + t.getClass().getSimpleName());
  }

  static String joinInts(int[] values) {
    return Arrays.toString(values);
  }
}
