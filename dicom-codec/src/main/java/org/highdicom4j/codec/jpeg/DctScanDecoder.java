package org.highdicom4j.codec.jpeg;

import java.util.Arrays;
import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * Decodes one sequential DCT scan with Huffman coding (T.81 F.2): baseline and extended, 8 or 12
 * bits, interleaved or not, with restart intervals. Each block goes through the inverse DCT
 * straight into its component plane.
 */
final class DctScanDecoder {

  private final EntropyReader reader;
  private final int precision;
  private final Dct dct = new Dct();
  private final int[] block = new int[64];

  DctScanDecoder(EntropyReader reader, int precision) {
    this.reader = reader;
    this.precision = precision;
  }

  /**
   * Decodes the scan.
   *
   * @param scan the scan's components, with their tables set
   * @param quant each scan component's quantization table, natural order
   * @param mcusPerLine MCUs per line of an interleaved scan
   * @param mcuRows MCU rows of an interleaved scan
   * @param restartInterval MCUs per restart interval, 0 for none
   */
  void decode(
      FrameComponent[] scan, int[][] quant, int mcusPerLine, int mcuRows, int restartInterval)
      throws DicomStreamException {
    for (FrameComponent c : scan) {
      c.dcPredictor = 0;
    }
    int mcu = 0;
    if (scan.length == 1) {
      // A non-interleaved scan covers only the component's own blocks (T.81 A.2.2).
      FrameComponent c = scan[0];
      int[] q = quant[0];
      int blocksWide = JpegDecoder.ceilDiv(c.width, 8);
      int blocksHigh = JpegDecoder.ceilDiv(c.height, 8);
      for (int by = 0; by < blocksHigh; by++) {
        for (int bx = 0; bx < blocksWide; bx++) {
          if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
            restart(scan);
          }
          mcu++;
          decodeBlock(c, q, by * 8 * c.stride + bx * 8);
        }
      }
      return;
    }
    for (int my = 0; my < mcuRows; my++) {
      for (int mx = 0; mx < mcusPerLine; mx++) {
        if (restartInterval > 0 && mcu > 0 && mcu % restartInterval == 0) {
          restart(scan);
        }
        mcu++;
        for (int i = 0; i < scan.length; i++) {
          FrameComponent c = scan[i];
          for (int y = 0; y < c.v; y++) {
            int row = (my * c.v + y) * 8;
            for (int x = 0; x < c.h; x++) {
              decodeBlock(c, quant[i], row * c.stride + (mx * c.h + x) * 8);
            }
          }
        }
      }
    }
  }

  private void restart(FrameComponent[] scan) throws DicomStreamException {
    int marker = reader.nextMarker();
    if (marker < JpegDecoder.RST0 || marker > JpegDecoder.RST7) {
      throw new DicomStreamException(
          "JPEG restart marker is missing (expected RSTn): "
              + (marker < 0 ? "end of data" : String.format("FF%02X", marker)));
    }
    reader.skipMarker();
    for (FrameComponent c : scan) {
      c.dcPredictor = 0;
    }
  }

  private void decodeBlock(FrameComponent c, int[] q, int offset) throws DicomStreamException {
    int[] blk = block;
    Arrays.fill(blk, 0);
    EntropyReader r = reader;
    int s = r.decode(c.dcTable);
    if (s > 15) {
      throw new DicomStreamException("JPEG DC difference category is invalid: " + s);
    }
    c.dcPredictor += r.receiveExtend(s);
    blk[0] = c.dcPredictor * q[0];
    HuffmanDecodeTable ac = c.acTable;
    for (int k = 1; k < 64; k++) {
      int rs = r.decode(ac);
      int size = rs & 15;
      int run = rs >> 4;
      if (size == 0) {
        if (run != 15) {
          break;
        }
        k += 15;
        continue;
      }
      k += run;
      if (k > 63) {
        throw new DicomStreamException("JPEG AC coefficients run past the end of a block");
      }
      int z = JpegTables.ZIGZAG_TO_NATURAL[k];
      blk[z] = r.receiveExtend(size) * q[z];
    }
    dct.inverse(blk, c.plane, offset, c.stride, precision);
  }
}
