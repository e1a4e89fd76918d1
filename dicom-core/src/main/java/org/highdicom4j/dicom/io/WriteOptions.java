package org.highdicom4j.dicom.io;

import java.util.Objects;

/**
 * Options of {@link DicomWriter}.
 *
 * @param transferSyntax the encoding of the data set; encapsulated syntaxes require the Pixel Data
 *     to be encapsulated already (frames are encoded by the codec layer, not here)
 * @param undefinedLengthSequences write sequences and items with undefined length and delimiters
 *     (true) or with explicit lengths (false)
 * @param preamble write the 128-byte preamble and "DICM" prefix of PS3.10 (true) or only the File
 *     Meta Information and data set (false)
 * @param deflateLevel compression level 0–9 for Deflated Explicit VR Little Endian
 */
public record WriteOptions(
    TransferSyntax transferSyntax,
    boolean undefinedLengthSequences,
    boolean preamble,
    int deflateLevel) {

  /** Explicit VR Little Endian, explicit lengths, with preamble. */
  public static final WriteOptions DEFAULT =
      new WriteOptions(TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN, false, true, 6);

  /** Validates the options. */
  public WriteOptions {
    Objects.requireNonNull(transferSyntax, "transferSyntax");
    if (deflateLevel < 0 || deflateLevel > 9) {
      throw new IllegalArgumentException("deflateLevel must be 0..9: " + deflateLevel);
    }
  }

  /**
   * Returns these options with another transfer syntax.
   *
   * @param uid the Transfer Syntax UID
   * @return the new options
   */
  public WriteOptions withTransferSyntax(String uid) {
    return new WriteOptions(
        TransferSyntax.of(uid), undefinedLengthSequences, preamble, deflateLevel);
  }

  /**
   * Returns these options with sequences of undefined (true) or explicit (false) length.
   *
   * @param undefined whether to use undefined lengths
   * @return the new options
   */
  public WriteOptions withUndefinedLengthSequences(boolean undefined) {
    return new WriteOptions(transferSyntax, undefined, preamble, deflateLevel);
  }
}
