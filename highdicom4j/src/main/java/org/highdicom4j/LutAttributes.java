package org.highdicom4j;

import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.VR;

/**
 * Reading and writing of LUT descriptors and data (PS3.3 C.11.1.1.1, C.11.2.1.1, C.7.6.3.1.5/6):
 * the parts every lookup-table type shares. Package-private.
 */
final class LutAttributes {
  private LutAttributes() {}

  /** A parsed descriptor: number of entries (0 read as 65536), first mapped value, bits. */
  record Descriptor(int entries, int firstMappedValue, int bits) {}

  /**
   * Reads a three-valued LUT descriptor. The first mapped value is signed when the element is SS or
   * when {@code signedInput} is set and the unsigned value exceeds 32767 (PS3.3 C.11.1.1.1: it
   * follows the Pixel Representation of the values it maps).
   */
  static Descriptor descriptor(DicomDataset ds, int tag, boolean signedInput) {
    byte[] b = ds.getBytes(tag);
    if (b == null) {
      throw new IllegalArgumentException(
          DicomDataset.tagString(tag) + " is missing (expected present)");
    }
    if (b.length != 6) {
      throw new IllegalArgumentException(
          DicomDataset.tagString(tag)
              + " must have three 16-bit values (expected 6 bytes): "
              + b.length
              + " bytes");
    }
    int n = u16(b, 0);
    int first = u16(b, 2);
    int bits = u16(b, 4);
    if ((ds.vr(tag) == VR.SS || signedInput) && first > 32767) {
      first -= 65536;
    }
    return new Descriptor(n == 0 ? 65536 : n, first, bits);
  }

  /**
   * Reads LUT data of a descriptor: 8-bit entries as one byte each (a trailing pad byte allowed) or
   * one per 16-bit word, 16-bit entries as words.
   */
  static NdArray data(DicomDataset ds, int tag, Descriptor d) {
    byte[] b = ds.getBytes(tag);
    if (b == null) {
      throw new IllegalArgumentException(
          DicomDataset.tagString(tag) + " is missing (expected present)");
    }
    return data(b, tag, d.entries(), d.bits());
  }

  static NdArray data(byte[] b, int tag, int n, int bits) {
    if (bits == 8) {
      byte[] out = new byte[n];
      if (b.length == 2L * n && n > 1) {
        for (int i = 0; i < n; i++) {
          out[i] = b[2 * i];
        }
      } else if (b.length == n || (b.length == n + 1 && (n & 1) == 1)) {
        System.arraycopy(b, 0, out, 0, n);
      } else {
        throw lengthMismatch(tag, n, b.length);
      }
      return NdArray.wrap(DType.UINT8, out, n);
    }
    if (bits == 16) {
      if (b.length != 2L * n) {
        throw lengthMismatch(tag, n, b.length);
      }
      short[] out = new short[n];
      for (int i = 0; i < n; i++) {
        out[i] = (short) u16(b, 2 * i);
      }
      return NdArray.wrap(DType.UINT16, out, n);
    }
    throw new IllegalArgumentException(
        DicomDataset.tagString(tag)
            + " has an unsupported number of bits per entry (expected 8 or 16): "
            + bits);
  }

  private static IllegalArgumentException lengthMismatch(int tag, int n, int length) {
    return new IllegalArgumentException(
        DicomDataset.tagString(tag)
            + " length does not match the number of entries of its descriptor (expected "
            + n
            + " entries): "
            + length
            + " bytes");
  }

  static int u16(byte[] b, int off) {
    return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
  }

  /** Encodes LUT entries as OW bytes: 8-bit entries one per byte, padded to an even length. */
  static byte[] encode(NdArray data) {
    int n = data.size();
    if (data.dtype() == DType.UINT8) {
      byte[] out = new byte[n + (n & 1)];
      for (int i = 0; i < n; i++) {
        out[i] = (byte) data.getFlatLong(i);
      }
      return out;
    }
    byte[] out = new byte[2 * n];
    for (int i = 0; i < n; i++) {
      long v = data.getFlatLong(i);
      out[2 * i] = (byte) v;
      out[2 * i + 1] = (byte) (v >>> 8);
    }
    return out;
  }

  /** Puts a descriptor as US values (the number of entries 65536 written as 0). */
  static void putDescriptor(DicomDataset ds, int tag, int entries, int first, int bits) {
    ds.setInt(tag, first < 0 ? VR.SS : VR.US, entries == 65536 ? 0 : entries, first, bits);
  }

  /** Checks a Long String (LO) value: at most 64 characters, no backslash or control characters. */
  static void checkLongString(String value, String what) {
    if (value.length() > 64) {
      throw new IllegalArgumentException(
          what + " is too long for LO (expected ≤ 64 characters): " + value.length());
    }
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\\' || (c < 0x20 && c != 0x1b)) {
        throw new IllegalArgumentException(
            what
                + " contains a character LO does not allow (expected no \\ or controls): "
                + value);
      }
    }
  }

  /** Checks a LUT data array: 1-D, uint8 or uint16, 1..65536 entries. Returns bits per entry. */
  static int checkLutData(NdArray lutData, String name) {
    if (lutData.dtype() != DType.UINT8 && lutData.dtype() != DType.UINT16) {
      throw new IllegalArgumentException(
          "Argument \""
              + name
              + "\" must have dtype uint8 or uint16 (expected uint8 or uint16): "
              + lutData.dtype().numpyName());
    }
    if (lutData.ndim() != 1) {
      throw new IllegalArgumentException(
          "Argument \""
              + name
              + "\" must be an array with a single dimension (expected 1 axis): "
              + lutData.ndim());
    }
    if (lutData.size() == 0) {
      throw new IllegalArgumentException("Argument \"" + name + "\" must not be empty.");
    }
    if (lutData.size() > 65536) {
      throw new IllegalArgumentException(
          "Length of argument \""
              + name
              + "\" must be no greater than 2^16 elements (expected ≤ 65536): "
              + lutData.size());
    }
    return lutData.dtype() == DType.UINT8 ? 8 : 16;
  }
}
