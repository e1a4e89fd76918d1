package org.highdicom4j.codec.jpeg;

import org.highdicom4j.codec.FrameDescriptor;

/**
 * Encodes a frame with the lossless process 14, selection value 1 (T.81 Annex H; first-order
 * prediction from the left sample, point transform 0), one interleaved scan and one Huffman table
 * optimised for the frame's difference categories (T.81 K.2).
 */
final class LosslessEncoder {

  private LosslessEncoder() {}

  /** Sample precision P used for a frame: BitsStored, at least the minimum of 2. */
  static int precision(FrameDescriptor d) {
    return Math.max(2, d.bitsStored());
  }

  static byte[] encode(byte[] frame, FrameDescriptor d) {
    return encode(frame, d, 0);
  }

  /**
   * Encodes with a restart interval (T.81 B.2.4.4): after every {@code restartInterval} pixels the
   * coder is reset and an RSTn marker written; 0 for none.
   */
  static byte[] encode(byte[] frame, FrameDescriptor d, int restartInterval) {
    int p = precision(d);
    int mask = (1 << p) - 1;
    int nc = d.samplesPerPixel();
    int columns = d.columns();
    int rows = d.rows();
    int n = rows * columns * nc;
    int bps = d.bytesPerSample();
    int[] samples = new int[n];
    for (int i = 0; i < n; i++) {
      int v = bps == 1 ? frame[i] & 0xff : (frame[2 * i] & 0xff) | ((frame[2 * i + 1] & 0xff) << 8);
      samples[i] = v & mask;
    }
    // First pass: differences (T.81 H.1.2.1, predictor 1) and their categories' frequencies.
    int[] diffs = new int[n];
    long[] freq = new long[17];
    int rowStride = columns * nc;
    int initial = 1 << (p - 1);
    // Where the current restart interval began: its first line is predicted from the left only.
    int startRow = 0;
    int startColumn = 0;
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < columns; x++) {
        int base = y * rowStride + x * nc;
        if (restartInterval > 0 && (y * columns + x) % restartInterval == 0) {
          startRow = y;
          startColumn = x;
        }
        for (int c = 0; c < nc; c++) {
          int i = base + c;
          int pred;
          if (y == startRow) {
            pred = x == startColumn ? initial : samples[i - nc];
          } else if (x == 0) {
            pred = samples[i - rowStride];
          } else {
            pred = samples[i - nc];
          }
          int diff = (short) (samples[i] - pred); // modulo 2^16, as a signed value
          diffs[i] = diff;
          freq[category(diff)]++;
        }
      }
    }
    HuffmanEncodeTable table = HuffmanEncodeTable.optimal(freq);
    JpegWriter w = new JpegWriter(n * bps / 2 + 1024);
    w.marker(JpegDecoder.SOI);
    w.marker(JpegDecoder.SOF3);
    w.u16(8 + 3 * nc);
    w.u8(p);
    w.u16(rows);
    w.u16(columns);
    w.u8(nc);
    for (int c = 0; c < nc; c++) {
      w.u8(c + 1);
      w.u8(0x11);
      w.u8(0);
    }
    w.huffmanTable(0, 0, table.bits, table.values);
    if (restartInterval > 0) {
      w.marker(JpegDecoder.DRI);
      w.u16(4);
      w.u16(restartInterval);
    }
    w.marker(JpegDecoder.SOS);
    w.u16(6 + 2 * nc);
    w.u8(nc);
    for (int c = 0; c < nc; c++) {
      w.u8(c + 1);
      w.u8(0x00);
    }
    w.u8(1); // Ss: predictor selection value 1
    w.u8(0); // Se
    w.u8(0); // Ah, Al: point transform 0
    int[] codes = table.codes;
    int[] sizes = table.sizes;
    for (int i = 0; i < n; i++) {
      if (restartInterval > 0 && i > 0 && (i / nc) % restartInterval == 0 && i % nc == 0) {
        w.flushBits();
        w.marker(JpegDecoder.RST0 + ((i / nc / restartInterval - 1) & 7));
      }
      int diff = diffs[i];
      int s = category(diff);
      w.bits(codes[s], sizes[s]);
      if (s > 0 && s < 16) {
        w.bits(diff < 0 ? diff - 1 : diff, s);
      }
    }
    w.flushBits();
    w.marker(JpegDecoder.EOI);
    return w.toByteArray();
  }

  /** Difference category SSSS (T.81 Table H.2); -32768 stands for 32768, category 16. */
  static int category(int diff) {
    if (diff == -32768) {
      return 16;
    }
    int a = diff < 0 ? -diff : diff;
    return 32 - Integer.numberOfLeadingZeros(a);
  }
}
