package org.highdicom4j.sr;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.Tag;
import org.highdicom4j.dicom.dict.UID;
import org.highdicom4j.dicom.io.DicomFile;
import org.highdicom4j.dicom.io.DicomReader;

/**
 * Reading of SR documents (PS3.3 A.35) into the class of their IOD: {@link EnhancedSR}, {@link
 * ComprehensiveSR} or {@link Comprehensive3DSR}; highdicom's {@code srread}.
 *
 * <pre>{@code
 * SRDocument sr = StructuredReports.read(Path.of("sr.dcm"));
 * MeasurementReport report = sr.measurementReport().orElseThrow();
 * }</pre>
 */
public final class StructuredReports {
  private StructuredReports() {}

  /**
   * Reads an SR document file.
   *
   * @param path a DICOM file (PS3.10)
   * @return the document, typed by its SOP class
   * @throws IOException when the file cannot be read or is not DICOM
   * @throws IllegalArgumentException when the SOP class is not one of the three SR document classes
   *     highdicom supports, or the data set holds no SR content
   */
  public static SRDocument read(Path path) throws IOException {
    Objects.requireNonNull(path, "path");
    DicomFile file = DicomReader.read(path);
    return fromDataset(file.dataset(), file.transferSyntax().uid());
  }

  /**
   * Reads an SR document from the bytes of a DICOM file (highdicom's {@code srread} of bytes).
   *
   * @param bytes the file's bytes
   * @return the document, typed by its SOP class
   * @throws IOException when the bytes are not DICOM
   * @throws IllegalArgumentException as for {@link #read(Path)}
   */
  public static SRDocument read(byte[] bytes) throws IOException {
    DicomFile file = DicomReader.read(Objects.requireNonNull(bytes, "bytes"));
    return fromDataset(file.dataset(), file.transferSyntax().uid());
  }

  /**
   * Reads an SR document from a stream holding a DICOM file; the stream is not closed.
   *
   * @param in the stream
   * @return the document, typed by its SOP class
   * @throws IOException when reading fails or the stream is not DICOM
   * @throws IllegalArgumentException as for {@link #read(Path)}
   */
  public static SRDocument read(java.io.InputStream in) throws IOException {
    DicomFile file = DicomReader.read(Objects.requireNonNull(in, "in"));
    return fromDataset(file.dataset(), file.transferSyntax().uid());
  }

  /**
   * Reads an SR document from its data set.
   *
   * @param dataset the data set; it must not change afterwards
   * @return the document, typed by its SOP class
   * @throws IllegalArgumentException when the SOP class is not Enhanced, Comprehensive or
   *     Comprehensive 3D SR, or the data set holds no SR content
   */
  public static SRDocument fromDataset(DicomDataset dataset) {
    return fromDataset(dataset, UID.ExplicitVRLittleEndian);
  }

  static SRDocument fromDataset(DicomDataset dataset, String ts) {
    Objects.requireNonNull(dataset, "dataset");
    String cls = dataset.getString(Tag.SOPClassUID);
    if (EnhancedSR.SOP_CLASS_UID.equals(cls)) {
      return EnhancedSR.fromDataset(dataset, ts);
    }
    if (ComprehensiveSR.SOP_CLASS_UID.equals(cls)) {
      return ComprehensiveSR.fromDataset(dataset, ts);
    }
    if (Comprehensive3DSR.SOP_CLASS_UID.equals(cls)) {
      return Comprehensive3DSR.fromDataset(dataset, ts);
    }
    throw new IllegalArgumentException(
        "SOPClassUID (0008,0016) is not a supported SR document class (expected Enhanced SR "
            + EnhancedSR.SOP_CLASS_UID
            + ", Comprehensive SR "
            + ComprehensiveSR.SOP_CLASS_UID
            + " or Comprehensive 3D SR "
            + Comprehensive3DSR.SOP_CLASS_UID
            + "): "
            + cls);
  }
}
