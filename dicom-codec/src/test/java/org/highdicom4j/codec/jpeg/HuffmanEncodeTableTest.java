package org.highdicom4j.codec.jpeg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Optimal Huffman tables of T.81 K.2: lengths limited to 16 bits, no all-ones code. */
class HuffmanEncodeTableTest {

  /** Sum of 2^-length over all codes, scaled by 2^16 (Kraft inequality: at most 65536). */
  private static long kraft(HuffmanEncodeTable t) {
    long sum = 0;
    for (int len = 1; len <= 16; len++) {
      sum += (long) t.bits[len - 1] << (16 - len);
    }
    return sum;
  }

  @Test
  void limitsCodeLengthsTo16BitsForSkewedFrequencies() throws Exception {
    // Fibonacci frequencies over 25 symbols would need codes of up to 25 bits unadjusted.
    long[] freq = new long[256];
    long a = 1;
    long b = 1;
    for (int s = 0; s < 25; s++) {
      freq[s] = a;
      long next = a + b;
      a = b;
      b = next;
    }
    HuffmanEncodeTable t = HuffmanEncodeTable.optimal(freq);
    assertEquals(25, t.values.length);
    for (int s = 0; s < 25; s++) {
      assertTrue(t.sizes[s] >= 1 && t.sizes[s] <= 16, "symbol " + s + " size " + t.sizes[s]);
    }
    assertTrue(kraft(t) < 65536, "one code point stays free for the all-ones prefix");
    assertTrue(t.sizes[24] <= t.sizes[0], "more frequent symbols get codes no longer");
    roundTrips(t);
  }

  @Test
  void givesASingleSymbolAOneBitCodeThatIsNotAllOnes() throws Exception {
    long[] freq = new long[17];
    freq[3] = 1000;
    HuffmanEncodeTable t = HuffmanEncodeTable.optimal(freq);
    assertEquals(1, t.sizes[3]);
    assertEquals(0, t.codes[3]);
    roundTrips(t);
  }

  /** Every symbol's code decodes back to the symbol through the decoding table. */
  private static void roundTrips(HuffmanEncodeTable t) throws Exception {
    HuffmanDecodeTable d = new HuffmanDecodeTable(t.bits, t.values);
    for (int symbol : t.values) {
      JpegWriter w = new JpegWriter(16);
      w.bits(t.codes[symbol], t.sizes[symbol]);
      w.flushBits();
      byte[] bytes = w.toByteArray();
      EntropyReader r = new EntropyReader(bytes, 0, bytes.length);
      assertEquals(symbol, r.decode(d));
    }
  }
}
