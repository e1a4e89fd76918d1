package org.highdicom4j.dicom.data;

/** Byte order reversal of 2-, 4- and 8-byte units, used for big-endian transfer syntaxes. */
public final class ByteSwap {
  private ByteSwap() {}

  /**
   * Reverses the byte order of every {@code unit}-byte group in a range, in place; a trailing
   * partial group is left as it is.
   *
   * @param b the bytes
   * @param off first index
   * @param len number of bytes
   * @param unit 2, 4 or 8 (other values leave the bytes unchanged)
   */
  public static void swap(byte[] b, int off, int len, int unit) {
    int end = off + len - len % unit;
    switch (unit) {
      case 2:
        for (int i = off; i < end; i += 2) {
          byte t = b[i];
          b[i] = b[i + 1];
          b[i + 1] = t;
        }
        break;
      case 4:
        for (int i = off; i < end; i += 4) {
          byte t = b[i];
          b[i] = b[i + 3];
          b[i + 3] = t;
          t = b[i + 1];
          b[i + 1] = b[i + 2];
          b[i + 2] = t;
        }
        break;
      case 8:
        for (int i = off; i < end; i += 8) {
          for (int k = 0; k < 4; k++) {
            byte t = b[i + k];
            b[i + k] = b[i + 7 - k];
            b[i + 7 - k] = t;
          }
        }
        break;
      default:
        break;
    }
  }
}
