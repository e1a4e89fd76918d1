package org.highdicom4j.dicom.io;

import java.util.Map;
import java.util.Objects;

/**
 * A Transfer Syntax (PS3.5 Section 10): how a data set is encoded — VR explicit or implicit, byte
 * order, deflate, and whether Pixel Data is encapsulated (compressed frames).
 *
 * @param uid the Transfer Syntax UID (0002,0010)
 * @param explicitVr true when VRs are encoded
 * @param bigEndian true for Explicit VR Big Endian
 * @param deflated true when the data set is deflate-compressed after the File Meta Information
 * @param encapsulated true when Pixel Data is encapsulated
 */
public record TransferSyntax(
    String uid, boolean explicitVr, boolean bigEndian, boolean deflated, boolean encapsulated) {

  /** Implicit VR Little Endian, the default transfer syntax (1.2.840.10008.1.2). */
  public static final TransferSyntax IMPLICIT_VR_LITTLE_ENDIAN =
      new TransferSyntax("1.2.840.10008.1.2", false, false, false, false);

  /** Explicit VR Little Endian (1.2.840.10008.1.2.1). */
  public static final TransferSyntax EXPLICIT_VR_LITTLE_ENDIAN =
      new TransferSyntax("1.2.840.10008.1.2.1", true, false, false, false);

  /** Deflated Explicit VR Little Endian (1.2.840.10008.1.2.1.99). */
  public static final TransferSyntax DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN =
      new TransferSyntax("1.2.840.10008.1.2.1.99", true, false, true, false);

  /** Explicit VR Big Endian, retired (1.2.840.10008.1.2.2). */
  public static final TransferSyntax EXPLICIT_VR_BIG_ENDIAN =
      new TransferSyntax("1.2.840.10008.1.2.2", true, true, false, false);

  /** Encapsulated Uncompressed Explicit VR Little Endian (1.2.840.10008.1.2.1.98). */
  public static final TransferSyntax ENCAPSULATED_UNCOMPRESSED =
      new TransferSyntax("1.2.840.10008.1.2.1.98", true, false, false, true);

  private static final Map<String, TransferSyntax> NATIVE =
      Map.of(
          IMPLICIT_VR_LITTLE_ENDIAN.uid,
          IMPLICIT_VR_LITTLE_ENDIAN,
          EXPLICIT_VR_LITTLE_ENDIAN.uid,
          EXPLICIT_VR_LITTLE_ENDIAN,
          DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN.uid,
          DEFLATED_EXPLICIT_VR_LITTLE_ENDIAN,
          EXPLICIT_VR_BIG_ENDIAN.uid,
          EXPLICIT_VR_BIG_ENDIAN,
          "1.2.840.10008.1.2.4.95",
          new TransferSyntax("1.2.840.10008.1.2.4.95", true, false, true, false));

  /** Checks the UID. */
  public TransferSyntax {
    Objects.requireNonNull(uid, "uid");
  }

  /**
   * Returns the transfer syntax of a UID. The four uncompressed syntaxes (and JPIP Referenced
   * Deflate) are known; every other UID is taken as an Explicit VR Little Endian syntax with
   * encapsulated Pixel Data, which is what all compressed syntaxes are (PS3.5 Section 10.2).
   *
   * @param uid a Transfer Syntax UID; surrounding spaces and a trailing NUL are ignored
   * @return the transfer syntax
   */
  public static TransferSyntax of(String uid) {
    String u = Objects.requireNonNull(uid, "uid").replace("\0", "").strip();
    TransferSyntax ts = NATIVE.get(u);
    return ts != null ? ts : new TransferSyntax(u, true, false, false, true);
  }

  /** Returns true for the native (uncompressed, not encapsulated) syntaxes. */
  public boolean isNative() {
    return !encapsulated;
  }
}
