package org.highdicom4j.sr;

import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.UID;

/**
 * A Comprehensive SR document (PS3.3 A.35.3, SOP class 1.2.840.10008.5.1.4.1.1.88.33): any content
 * of the SR value types with 2D spatial or temporal coordinates; SCOORD3D is refused as highdicom
 * does.
 *
 * <p>Built with {@link #builder()}: {@code evidence}, {@code content} and the series and instance
 * identity are required; {@link Builder#build()} checks the content against the IOD. Read with
 * {@link #fromDataset} or {@link StructuredReports#read}.
 *
 * <p>highdicom: {@code highdicom.sr.ComprehensiveSR}.
 */
public final class ComprehensiveSR extends SRDocument {
  /** SOP Class UID: {@value}. */
  public static final String SOP_CLASS_UID = UID.ComprehensiveSRStorage;

  private ComprehensiveSR(DicomDataset ds, String ts, ContentItem content) {
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
   * @throws IllegalArgumentException when the SOP class is not Comprehensive SR or there is no SR
   *     content
   */
  public static ComprehensiveSR fromDataset(DicomDataset dataset) {
    return fromDataset(dataset, UID.ExplicitVRLittleEndian);
  }

  static ComprehensiveSR fromDataset(DicomDataset dataset, String ts) {
    requireSopClass(dataset, SOP_CLASS_UID, "Comprehensive SR");
    return new ComprehensiveSR(dataset, readTransferSyntax(ts), readContent(dataset));
  }

  /** The options of a Comprehensive SR document; see {@link SRDocument.Builder}. */
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
    public ComprehensiveSR build() {
      DicomDataset ds = buildDocument(SOP_CLASS_UID, "Comprehensive SR", false, false);
      return new ComprehensiveSR(ds, builtTransferSyntax(), builtContent());
    }
  }
}
