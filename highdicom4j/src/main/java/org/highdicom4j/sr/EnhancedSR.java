package org.highdicom4j.sr;

import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.dict.UID;

/**
 * An Enhanced SR document (PS3.3 A.35.2, SOP class 1.2.840.10008.5.1.4.1.1.88.22): text, codes,
 * numeric measurements, references to instances and 2D spatial or temporal coordinates, with the
 * relationship content constraints of PS3.3 Table A.35.2-2 (no SCOORD3D, no by-reference
 * relationships).
 *
 * <p>Built with {@link #builder()}: {@code evidence}, {@code content} and the series and instance
 * identity are required; {@link Builder#build()} checks the content against the IOD. Read with
 * {@link #fromDataset} or {@link StructuredReports#read}.
 *
 * <p>highdicom: {@code highdicom.sr.EnhancedSR}.
 */
public final class EnhancedSR extends SRDocument {
  /** SOP Class UID: {@value}. */
  public static final String SOP_CLASS_UID = UID.EnhancedSRStorage;

  private EnhancedSR(DicomDataset ds, String ts, ContentItem content) {
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
   * @throws IllegalArgumentException when the SOP class is not Enhanced SR or there is no SR
   *     content
   */
  public static EnhancedSR fromDataset(DicomDataset dataset) {
    return fromDataset(dataset, UID.ExplicitVRLittleEndian);
  }

  static EnhancedSR fromDataset(DicomDataset dataset, String ts) {
    requireSopClass(dataset, SOP_CLASS_UID, "Enhanced SR");
    return new EnhancedSR(dataset, readTransferSyntax(ts), readContent(dataset));
  }

  /** The options of a Enhanced SR document; see {@link SRDocument.Builder}. */
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
    public EnhancedSR build() {
      DicomDataset ds = buildDocument(SOP_CLASS_UID, "Enhanced SR", true, false);
      return new EnhancedSR(ds, builtTransferSyntax(), builtContent());
    }
  }
}
