package org.highdicom4j.codec.jpeg;

import java.util.Arrays;
import org.highdicom4j.codec.FrameDescriptor;

/**
 * Encodes an 8-bit frame with the baseline sequential DCT process (T.81 Annex F, process 1): one
 * interleaved scan, no subsampling (4:4:4), the example quantization tables of Annex K scaled by a
 * quality factor and the example Huffman tables of Annex K.3.
 *
 * <p>Components are coded as given, without colour conversion. RGB frames carry an Adobe APP14
 * marker with transform 0 and component identifiers 'R', 'G', 'B' so that JPEG decoders do not take
 * them for YCbCr; all three use the luminance tables. YBR_FULL frames carry a JFIF APP0 marker and
 * use the chrominance tables for Cb and Cr.
 */
final class BaselineEncoder {

  private BaselineEncoder() {}

  static byte[] encode(byte[] frame, FrameDescriptor d, int quality) {
    return encode(frame, d, quality, 0);
  }

  /**
   * Encodes with a restart interval (T.81 B.2.4.4): after every {@code restartInterval} MCUs the DC
   * predictions are reset and an RSTn marker written; 0 for none.
   */
  static byte[] encode(byte[] frame, FrameDescriptor d, int quality, int restartInterval) {
    int nc = d.samplesPerPixel();
    int columns = d.columns();
    int rows = d.rows();
    boolean rgb = nc == 3 && "RGB".equals(d.photometricInterpretation());
    boolean ycc = nc == 3 && !rgb;
    int[][] quant = {
      JpegTables.scaledQuantization(JpegTables.LUMINANCE_QUANTIZATION, quality),
      JpegTables.scaledQuantization(JpegTables.CHROMINANCE_QUANTIZATION, quality)
    };
    HuffmanEncodeTable[] dc = {
      new HuffmanEncodeTable(JpegTables.DC_LUMINANCE_BITS, JpegTables.DC_LUMINANCE_VALUES),
      new HuffmanEncodeTable(JpegTables.DC_CHROMINANCE_BITS, JpegTables.DC_CHROMINANCE_VALUES)
    };
    HuffmanEncodeTable[] ac = {
      new HuffmanEncodeTable(JpegTables.AC_LUMINANCE_BITS, JpegTables.AC_LUMINANCE_VALUES),
      new HuffmanEncodeTable(JpegTables.AC_CHROMINANCE_BITS, JpegTables.AC_CHROMINANCE_VALUES)
    };
    int[] tableOf = new int[nc];
    for (int c = 1; c < nc; c++) {
      tableOf[c] = ycc ? 1 : 0;
    }
    int tables = ycc ? 2 : 1;

    JpegWriter w = new JpegWriter(rows * columns * nc / 4 + 1024);
    w.marker(JpegDecoder.SOI);
    if (rgb) {
      w.marker(0xee); // APP14 "Adobe", version 100, flags 0, transform 0 (no colour transform)
      w.u16(14);
      for (char ch : "Adobe".toCharArray()) {
        w.u8(ch);
      }
      w.u16(100);
      w.u16(0);
      w.u16(0);
      w.u8(0);
    } else if (ycc) {
      w.marker(0xe0); // APP0 "JFIF" 1.01, no density units, aspect ratio 1:1, no thumbnail
      w.u16(16);
      for (char ch : "JFIF".toCharArray()) {
        w.u8(ch);
      }
      w.u8(0);
      w.u16(0x0101);
      w.u8(0);
      w.u16(1);
      w.u16(1);
      w.u8(0);
      w.u8(0);
    }
    for (int t = 0; t < tables; t++) {
      w.marker(JpegDecoder.DQT);
      w.u16(2 + 65);
      w.u8(t);
      for (int k = 0; k < 64; k++) {
        w.u8(quant[t][JpegTables.ZIGZAG_TO_NATURAL[k]]);
      }
    }
    w.marker(JpegDecoder.SOF0);
    w.u16(8 + 3 * nc);
    w.u8(8);
    w.u16(rows);
    w.u16(columns);
    w.u8(nc);
    for (int c = 0; c < nc; c++) {
      w.u8(componentId(rgb, c));
      w.u8(0x11);
      w.u8(tableOf[c]);
    }
    for (int t = 0; t < tables; t++) {
      w.huffmanTable(0, t, dc[t].bits, dc[t].values);
      w.huffmanTable(1, t, ac[t].bits, ac[t].values);
    }
    if (restartInterval > 0) {
      w.marker(JpegDecoder.DRI);
      w.u16(4);
      w.u16(restartInterval);
    }
    w.marker(JpegDecoder.SOS);
    w.u16(6 + 2 * nc);
    w.u8(nc);
    for (int c = 0; c < nc; c++) {
      w.u8(componentId(rgb, c));
      w.u8((tableOf[c] << 4) | tableOf[c]);
    }
    w.u8(0);
    w.u8(63);
    w.u8(0);

    // Reciprocal quantizer steps divided into the DCT output, in natural order.
    double[][] scale = new double[tables][64];
    for (int t = 0; t < tables; t++) {
      for (int i = 0; i < 64; i++) {
        scale[t][i] = 1.0 / quant[t][i];
      }
    }
    Dct dct = new Dct();
    double[] samples = new double[64];
    double[] coef = new double[64];
    int[] zz = new int[64];
    int[] dcPred = new int[nc];
    int blocksWide = JpegDecoder.ceilDiv(columns, 8);
    int blocksHigh = JpegDecoder.ceilDiv(rows, 8);
    int mcu = 0;
    for (int by = 0; by < blocksHigh; by++) {
      for (int bx = 0; bx < blocksWide; bx++, mcu++) {
        if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
          w.flushBits();
          w.marker(JpegDecoder.RST0 + ((mcu / restartInterval - 1) & 7));
          Arrays.fill(dcPred, 0);
        }
        for (int c = 0; c < nc; c++) {
          // Edge blocks repeat the last column and row, which codes cheaper than zeros.
          for (int y = 0; y < 8; y++) {
            int sy = Math.min(by * 8 + y, rows - 1);
            for (int x = 0; x < 8; x++) {
              int sx = Math.min(bx * 8 + x, columns - 1);
              samples[y * 8 + x] = (frame[(sy * columns + sx) * nc + c] & 0xff) - 128;
            }
          }
          dct.forward(samples, coef);
          int t = tableOf[c];
          double[] s = scale[t];
          for (int k = 0; k < 64; k++) {
            int z = JpegTables.ZIGZAG_TO_NATURAL[k];
            zz[k] = (int) Math.round(coef[z] * s[z]);
          }
          int diff = zz[0] - dcPred[c];
          dcPred[c] = zz[0];
          int cat = category(diff);
          w.bits(dc[t].codes[cat], dc[t].sizes[cat]);
          if (cat > 0) {
            w.bits(diff < 0 ? diff - 1 : diff, cat);
          }
          int run = 0;
          HuffmanEncodeTable a = ac[t];
          for (int k = 1; k < 64; k++) {
            int v = zz[k];
            if (v == 0) {
              run++;
              continue;
            }
            while (run > 15) {
              w.bits(a.codes[0xf0], a.sizes[0xf0]);
              run -= 16;
            }
            int size = category(v);
            int rs = (run << 4) | size;
            w.bits(a.codes[rs], a.sizes[rs]);
            w.bits(v < 0 ? v - 1 : v, size);
            run = 0;
          }
          if (run > 0) {
            w.bits(a.codes[0], a.sizes[0]);
          }
        }
      }
    }
    w.flushBits();
    w.marker(JpegDecoder.EOI);
    return w.toByteArray();
  }

  private static int componentId(boolean rgb, int c) {
    return rgb ? "RGB".charAt(c) : c + 1;
  }

  private static int category(int v) {
    int a = v < 0 ? -v : v;
    return 32 - Integer.numberOfLeadingZeros(a);
  }
}
