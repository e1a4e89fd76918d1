package org.highdicom4j.dicom.io;

import java.util.Objects;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;

/**
 * The File Meta Information of a DICOM file (PS3.10 Section 7.1): the group 0002 elements, always
 * encoded in Explicit VR Little Endian.
 */
public final class FileMetaInformation {
  /**
   * The Implementation Class UID (0002,0012) highdicom4j writes: under highdicom4j's own UID root,
   * itself derived from a UUID (PS3.5 Section B.2).
   */
  public static final String IMPLEMENTATION_CLASS_UID =
      "2.25.20497580724331044822055957962116589848.1";

  /** The Implementation Version Name (0002,0013) highdicom4j writes (at most 16 characters). */
  public static final String IMPLEMENTATION_VERSION_NAME = "HIGHDICOM4J_01";

  static final int GROUP_LENGTH = 0x00020000;
  static final int VERSION = 0x00020001;
  static final int MEDIA_SOP_CLASS = 0x00020002;
  static final int MEDIA_SOP_INSTANCE = 0x00020003;
  static final int TRANSFER_SYNTAX = 0x00020010;
  static final int IMPL_CLASS_UID = 0x00020012;
  static final int IMPL_VERSION = 0x00020013;

  private final DicomDataset dataset;

  /**
   * Wraps group 0002 elements.
   *
   * @param dataset a data set holding only group 0002 elements
   */
  public FileMetaInformation(DicomDataset dataset) {
    this.dataset = Objects.requireNonNull(dataset, "dataset");
  }

  /**
   * Builds File Meta Information for a data set with our implementation identification.
   *
   * @param sopClassUid Media Storage SOP Class UID (0002,0002)
   * @param sopInstanceUid Media Storage SOP Instance UID (0002,0003)
   * @param transferSyntaxUid Transfer Syntax UID (0002,0010)
   * @return the File Meta Information
   */
  public static FileMetaInformation create(
      String sopClassUid, String sopInstanceUid, String transferSyntaxUid) {
    DicomDataset ds = new DicomDataset();
    ds.setBytes(VERSION, VR.OB, new byte[] {0, 1});
    ds.setString(MEDIA_SOP_CLASS, VR.UI, Objects.requireNonNull(sopClassUid, "sopClassUid"));
    ds.setString(
        MEDIA_SOP_INSTANCE, VR.UI, Objects.requireNonNull(sopInstanceUid, "sopInstanceUid"));
    ds.setString(
        TRANSFER_SYNTAX, VR.UI, Objects.requireNonNull(transferSyntaxUid, "transferSyntaxUid"));
    ds.setString(IMPL_CLASS_UID, VR.UI, IMPLEMENTATION_CLASS_UID);
    ds.setString(IMPL_VERSION, VR.SH, IMPLEMENTATION_VERSION_NAME);
    return new FileMetaInformation(ds);
  }

  /** Returns the group 0002 elements. */
  public DicomDataset dataset() {
    return dataset;
  }

  /** Returns true when the file had no File Meta Information. */
  public boolean isEmpty() {
    return dataset.isEmpty();
  }

  /** Returns Transfer Syntax UID (0002,0010), or null when absent. */
  public String transferSyntaxUid() {
    return dataset.getString(TRANSFER_SYNTAX);
  }

  /** Returns Media Storage SOP Class UID (0002,0002), or null when absent. */
  public String mediaStorageSopClassUid() {
    return dataset.getString(MEDIA_SOP_CLASS);
  }

  /** Returns Media Storage SOP Instance UID (0002,0003), or null when absent. */
  public String mediaStorageSopInstanceUid() {
    return dataset.getString(MEDIA_SOP_INSTANCE);
  }

  /** Returns Implementation Class UID (0002,0012), or null when absent. */
  public String implementationClassUid() {
    return dataset.getString(IMPL_CLASS_UID);
  }

  /** Returns Implementation Version Name (0002,0013), or null when absent. */
  public String implementationVersionName() {
    return dataset.getString(IMPL_VERSION);
  }
}
