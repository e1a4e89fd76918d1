package org.highdicom4j.dicom.dict;

import java.util.Objects;

/**
 * One registered DICOM Unique Identifier (PS3.6 Annex A): a SOP class, transfer syntax, well-known
 * instance, coding scheme or other registered UID.
 *
 * @param uid the UID, e.g. "1.2.840.10008.1.2.1"
 * @param keyword the keyword, e.g. "ExplicitVRLittleEndian" (empty for the few without one)
 * @param name the name, e.g. "Explicit VR Little Endian"
 * @param type the UID type as in PS3.6 Table A-1, e.g. "Transfer Syntax", "SOP Class"
 * @param retired whether the standard has retired the UID
 */
public record UidEntry(String uid, String keyword, String name, String type, boolean retired) {

  /** Validates that no field is null. */
  public UidEntry {
    Objects.requireNonNull(uid, "uid");
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(type, "type");
  }

  /** Returns true for a Transfer Syntax UID. */
  public boolean isTransferSyntax() {
    return type.equals("Transfer Syntax");
  }

  /**
   * Returns true for a Storage SOP Class (PS3.4 Annex B): a SOP class whose name ends with
   * "Storage" or contains "Storage - " (such as "Digital X-Ray Image Storage - For Presentation"),
   * excluding the Storage Commitment classes.
   */
  public boolean isStorageSopClass() {
    return type.equals("SOP Class")
        && (name.endsWith(" Storage") || name.contains(" Storage - "))
        && !name.startsWith("Storage Commitment");
  }
}
