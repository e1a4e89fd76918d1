package org.highdicom4j.codec;

/**
 * Signals that no codec can encode or decode frames of a transfer syntax, or not with the given
 * pixel description (e.g. 16-bit samples for JPEG Baseline).
 */
public class UnsupportedTransferSyntaxException extends UnsupportedOperationException {
  private static final long serialVersionUID = 1L;

  private final String transferSyntaxUid;

  /**
   * Creates the exception.
   *
   * @param transferSyntaxUid the Transfer Syntax UID (0002,0010) that cannot be handled
   * @param problem why, e.g. "no decoder is registered" or "BitsStored 16 exceeds 12"
   */
  public UnsupportedTransferSyntaxException(String transferSyntaxUid, String problem) {
    super("TransferSyntaxUID (0002,0010) " + transferSyntaxUid + " is not supported: " + problem);
    this.transferSyntaxUid = transferSyntaxUid;
  }

  /** Returns the transfer syntax that cannot be handled. */
  public String transferSyntaxUid() {
    return transferSyntaxUid;
  }
}
