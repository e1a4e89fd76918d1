package org.highdicom4j.dicom.io;

import java.util.Objects;
import org.highdicom4j.dicom.data.DicomDataset;

/**
 * A DICOM file (PS3.10): its File Meta Information and data set, with the transfer syntax in which
 * the data set was actually encoded.
 *
 * @param fileMetaInformation the File Meta Information, empty when the file had none
 * @param dataset the data set
 * @param transferSyntax the encoding the data set was read with (as detected when the File Meta
 *     Information is absent or contradicts the bytes)
 */
public record DicomFile(
    FileMetaInformation fileMetaInformation, DicomDataset dataset, TransferSyntax transferSyntax) {
  /** Checks for nulls. */
  public DicomFile {
    Objects.requireNonNull(fileMetaInformation, "fileMetaInformation");
    Objects.requireNonNull(dataset, "dataset");
    Objects.requireNonNull(transferSyntax, "transferSyntax");
  }
}
