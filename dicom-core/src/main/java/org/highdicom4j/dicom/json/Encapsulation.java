package org.highdicom4j.dicom.json;

import java.io.IOException;
import java.util.Arrays;
import org.highdicom4j.dicom.data.Fragments;
import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * Converts encapsulated Pixel Data (PS3.5 A.4) between {@link Fragments} and the byte stream of its
 * items, the form InlineBinary holds it in (see the package description).
 */
final class Encapsulation {
  private static final int ITEM = 0xFFFEE000;
  private static final int SEQUENCE_DELIMITATION = 0xFFFEE0DD;

  private Encapsulation() {}

  /** Returns the length of the encoded stream, without reading items held by reference. */
  static long encodedLength(Fragments f) {
    long n = 0;
    for (int i = 0; i < f.size(); i++) {
      n += 8 + f.itemLength(i);
    }
    return n;
  }

  /** Returns the items, each preceded by its item tag and 32-bit little-endian length. */
  static byte[] encode(Fragments f) throws IOException {
    long total = encodedLength(f);
    if (total > Integer.MAX_VALUE - 8) {
      throw new DicomStreamException(
          "Encapsulated pixel data is too long for one array (expected < 2 GiB): " + total);
    }
    byte[] out = new byte[(int) total];
    int p = 0;
    for (int i = 0; i < f.size(); i++) {
      byte[] item = f.item(i);
      putInt(out, p, ITEM >>> 16 | (ITEM & 0xffff) << 16);
      putInt(out, p + 4, item.length);
      System.arraycopy(item, 0, out, p + 8, item.length);
      p += 8 + item.length;
    }
    return out;
  }

  /**
   * Parses an encapsulated stream: items, optionally followed by a Sequence Delimitation Item.
   *
   * @return the fragments, or null when the bytes are not exactly such a stream
   */
  static Fragments decode(byte[] b) {
    if (b.length < 8 || tagAt(b, 0) != ITEM) {
      return null;
    }
    Fragments f = new Fragments();
    int p = 0;
    while (p < b.length) {
      if (b.length - p < 8) {
        return null;
      }
      int tag = tagAt(b, p);
      long len = getInt(b, p + 4) & 0xffffffffL;
      if (tag == SEQUENCE_DELIMITATION) {
        return len == 0 && p + 8 == b.length ? f : null;
      }
      if (tag != ITEM || len > b.length - p - 8) {
        return null;
      }
      f.add(Arrays.copyOfRange(b, p + 8, p + 8 + (int) len));
      p += 8 + (int) len;
    }
    return f;
  }

  private static int tagAt(byte[] b, int p) {
    int group = (b[p] & 0xff) | (b[p + 1] & 0xff) << 8;
    int element = (b[p + 2] & 0xff) | (b[p + 3] & 0xff) << 8;
    return group << 16 | element;
  }

  private static int getInt(byte[] b, int p) {
    return (b[p] & 0xff)
        | (b[p + 1] & 0xff) << 8
        | (b[p + 2] & 0xff) << 16
        | (b[p + 3] & 0xff) << 24;
  }

  private static void putInt(byte[] b, int p, int v) {
    b[p] = (byte) v;
    b[p + 1] = (byte) (v >>> 8);
    b[p + 2] = (byte) (v >>> 16);
    b[p + 3] = (byte) (v >>> 24);
  }
}
