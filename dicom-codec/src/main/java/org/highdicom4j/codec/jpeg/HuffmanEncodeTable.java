package org.highdicom4j.codec.jpeg;

import java.util.Arrays;

/**
 * A Huffman table prepared for encoding (EHUFCO/EHUFSI of T.81 C.2), and the construction of
 * optimal tables from symbol frequencies (T.81 K.2).
 */
final class HuffmanEncodeTable {

  /** BITS: number of codes of each length 1..16. */
  final int[] bits;

  /** HUFFVAL: symbols in code order. */
  final int[] values;

  /** Code of each symbol (EHUFCO). */
  final int[] codes = new int[256];

  /** Code length of each symbol (EHUFSI); 0 when the symbol has no code. */
  final int[] sizes = new int[256];

  HuffmanEncodeTable(int[] bits, int[] values) {
    this.bits = bits.clone();
    this.values = values.clone();
    int code = 0;
    int k = 0;
    for (int len = 1; len <= 16; len++) {
      for (int i = 0; i < bits[len - 1]; i++, k++) {
        codes[values[k]] = code++;
        sizes[values[k]] = len;
      }
      code <<= 1;
    }
  }

  /**
   * Builds the optimal table with code lengths of at most 16 bits for the given symbol frequencies,
   * reserving the all-ones code (T.81 K.2, Figures K.1 to K.4).
   *
   * @param freq frequency of each symbol 0..255
   */
  static HuffmanEncodeTable optimal(long[] freq) {
    long[] f = new long[257];
    System.arraycopy(freq, 0, f, 0, Math.min(256, freq.length));
    f[256] = 1; // reserves one code point so that no code is all ones
    int[] codeSize = new int[257];
    int[] others = new int[257];
    Arrays.fill(others, -1);
    while (true) {
      int v1 = -1;
      int v2 = -1;
      // V1: least non-zero frequency; V2: the next least. Ties go to the larger symbol value.
      for (int i = 0; i < 257; i++) {
        if (f[i] > 0 && (v1 < 0 || f[i] <= f[v1])) {
          v1 = i;
        }
      }
      for (int i = 0; i < 257; i++) {
        if (f[i] > 0 && i != v1 && (v2 < 0 || f[i] <= f[v2])) {
          v2 = i;
        }
      }
      if (v2 < 0) {
        break;
      }
      f[v1] += f[v2];
      f[v2] = 0;
      codeSize[v1]++;
      while (others[v1] >= 0) {
        v1 = others[v1];
        codeSize[v1]++;
      }
      others[v1] = v2;
      codeSize[v2]++;
      while (others[v2] >= 0) {
        v2 = others[v2];
        codeSize[v2]++;
      }
    }
    int[] count = new int[258];
    for (int i = 0; i < 257; i++) {
      if (codeSize[i] > 0) {
        count[codeSize[i]]++;
      }
    }
    // Adjust_BITS (Figure K.3): move codes longer than 16 bits up the tree.
    for (int i = 257; i > 16; i--) {
      while (count[i] > 0) {
        int j = i - 2;
        while (count[j] == 0) {
          j--;
        }
        count[i] -= 2;
        count[i - 1]++;
        count[j + 1] += 2;
        count[j]--;
      }
    }
    int longest = 16;
    while (count[longest] == 0) {
      longest--;
    }
    count[longest]--; // drop the reserved code point
    int[] bits = new int[16];
    int n = 0;
    for (int len = 1; len <= 16; len++) {
      bits[len - 1] = count[len];
      n += count[len];
    }
    // Sort_input (Figure K.4): symbols by code size, then by value.
    int[] values = new int[n];
    int k = 0;
    for (int len = 1; len <= 257 && k < n; len++) {
      for (int s = 0; s < 256; s++) {
        if (codeSize[s] == len) {
          values[k++] = s;
        }
      }
    }
    return new HuffmanEncodeTable(bits, values);
  }
}
