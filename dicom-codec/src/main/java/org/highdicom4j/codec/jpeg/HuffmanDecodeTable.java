package org.highdicom4j.codec.jpeg;

import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * A Huffman table prepared for decoding (T.81 Annex C and F.2.2.3): a 9-bit lookahead table for the
 * short codes, plus MAXCODE/VALPTR/MINCODE for the long ones.
 */
final class HuffmanDecodeTable {

  /** Number of bits resolved by one table lookup. */
  static final int LOOKAHEAD = 9;

  /** For each 9-bit prefix: (code length &lt;&lt; 8) | symbol, or 0 when the code is longer. */
  final int[] lookup = new int[1 << LOOKAHEAD];

  /** Largest code of each length 1..16, or -1 when there is none. */
  final int[] maxCode = new int[18];

  /** Smallest code of each length. */
  final int[] minCode = new int[17];

  /** Index in {@link #values} of the first symbol of each length. */
  final int[] valPtr = new int[17];

  /** Symbols in code order (HUFFVAL). */
  final int[] values;

  /**
   * Builds the decoding tables from a DHT table specification.
   *
   * @param bits number of codes of each length 1..16 (BITS, index 0 is length 1)
   * @param values the symbols (HUFFVAL)
   * @throws DicomStreamException when the lengths do not describe a prefix code
   */
  HuffmanDecodeTable(int[] bits, int[] values) throws DicomStreamException {
    this.values = values.clone();
    int code = 0;
    int k = 0;
    for (int len = 1; len <= 16; len++) {
      int count = bits[len - 1];
      valPtr[len] = k;
      minCode[len] = code;
      if (count == 0) {
        maxCode[len] = -1;
      } else {
        for (int i = 0; i < count; i++, k++, code++) {
          if (code >= (1 << len)) {
            throw new DicomStreamException(
                "JPEG DHT Huffman table is not a valid prefix code (code length " + len + ")");
          }
          if (len <= LOOKAHEAD) {
            int shift = LOOKAHEAD - len;
            int entry = (len << 8) | values[k];
            int first = code << shift;
            for (int j = 0; j < (1 << shift); j++) {
              lookup[first + j] = entry;
            }
          }
        }
        maxCode[len] = code - 1;
      }
      code <<= 1;
    }
    maxCode[17] = Integer.MAX_VALUE;
  }
}
