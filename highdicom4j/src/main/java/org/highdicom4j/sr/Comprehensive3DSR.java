package org.highdicom4j.sr;

import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.UID;

/**
 * A Comprehensive 3D SR document (PS3.3 A.35.13, SOP class 1.2.840.10008.5.1.4.1.1.88.34): the most
 * general SR document, allowing 3D coordinates (SCOORD3D) in the patient frame of reference.
 *
 * <p>Built with {@link #builder()}: {@code evidence}, {@code content} and the series and instance
 * identity are required; {@link Builder#build()} checks the content against the IOD. Read with
 * {@link #fromDataset} or {@link StructuredReports#read}.
 *
 * <p>highdicom: {@code highdicom.sr.Comprehensive3DSR}.
 */
public final class Comprehensive3DSR extends SRDocument {
  /** SOP Class UID: {@value}. */
  public static final String SOP_CLASS_UID = UID.Comprehensive3DSRStorage;

  private Comprehensive3DSR(DicomDataset ds, String ts, ContentItem content) {
    super(ds, ts, content);
  }

  /**
   * Starts building a document.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a document from its data set (highdicom's {@code from_dataset}); the content is read
   * tolerantly.
   *
   * @param dataset the data set; it must not change afterwards
   * @return the document
   * @throws IllegalArgumentException when the SOP class is not Comprehensive 3D SR or there is no
   *     SR content
   */
  public static Comprehensive3DSR fromDataset(DicomDataset dataset) {
    return fromDataset(dataset, UID.ExplicitVRLittleEndian);
  }

  static Comprehensive3DSR fromDataset(DicomDataset dataset, String ts) {
    requireSopClass(dataset, SOP_CLASS_UID, "Comprehensive 3D SR");
    return new Comprehensive3DSR(dataset, readTransferSyntax(ts), readContent(dataset));
  }

  /** The options of a Comprehensive 3D SR document; see {@link SRDocument.Builder}. */
  public static final class Builder extends SRDocument.Builder<Builder> {
    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    /**
     * Checks every option and the content and creates the document.
     *
     * @return the document
     * @throws IllegalStateException when a required option was not set, or the document is verified
     *     without a verifying observer
     * @throws IllegalArgumentException when the content breaks the IOD's rules, evidence is missing
     *     for a referenced instance, or an option breaks its VR
     */
    public Comprehensive3DSR build() {
      DicomDataset ds = buildDocument(SOP_CLASS_UID, "Comprehensive 3D SR", false, true);
      return new Comprehensive3DSR(ds, builtTransferSyntax(), builtContent());
    }
  }
}
