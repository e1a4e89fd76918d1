package org.highdicom4j.codec.jpeg;

import org.highdicom4j.dicom.io.DicomStreamException;

/**
 * Decodes one lossless scan (T.81 Annex H): Huffman-coded differences added to one of the seven
 * predictors, modulo 2^16, with the point transform and restart intervals. Samples are kept before
 * the point transform's left shift, which the output step applies.
 */
final class LosslessScanDecoder {

  private final EntropyReader reader;
  private final int columns;
  private final int rows;
  private final int samplesPerPixel;

  LosslessScanDecoder(EntropyReader reader, int columns, int rows, int samplesPerPixel) {
    this.reader = reader;
    this.columns = columns;
    this.rows = rows;
    this.samplesPerPixel = samplesPerPixel;
  }

  /**
   * Decodes the scan into {@code samples}.
   *
   * @param scan the scan's components (all with sampling factors 1)
   * @param samples the frame's samples, interleaved
   * @param precision P
   * @param predictor the selection value Ss, 1..7
   * @param pointTransform Pt (Al)
   * @param restartInterval MCUs per restart interval, 0 for none
   */
  void decode(
      FrameComponent[] scan,
      char[] samples,
      int precision,
      int predictor,
      int pointTransform,
      int restartInterval)
      throws DicomStreamException {
    int nc = samplesPerPixel;
    int ns = scan.length;
    int[] offsets = new int[ns];
    HuffmanDecodeTable[] tables = new HuffmanDecodeTable[ns];
    for (int i = 0; i < ns; i++) {
      offsets[i] = scan[i].index;
      tables[i] = scan[i].dcTable;
    }
    int initial = 1 << (precision - pointTransform - 1);
    int rowStride = columns * nc;
    int mcuCount = 0;
    // Where the current restart interval began: its first line is predicted from the left only.
    int startRow = 0;
    int startColumn = 0;
    EntropyReader r = reader;
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < columns; x++) {
        if (restartInterval > 0 && mcuCount == restartInterval) {
          restart();
          mcuCount = 0;
          startRow = y;
          startColumn = x;
        }
        mcuCount++;
        int base = (y * columns + x) * nc;
        for (int i = 0; i < ns; i++) {
          int idx = base + offsets[i];
          int pred;
          if (y == startRow) {
            pred = x == startColumn ? initial : samples[idx - nc];
          } else if (x == 0) {
            pred = samples[idx - rowStride];
          } else {
            int ra = samples[idx - nc];
            int rb = samples[idx - rowStride];
            int rc = samples[idx - rowStride - nc];
            pred =
                switch (predictor) {
                  case 1 -> ra;
                  case 2 -> rb;
                  case 3 -> rc;
                  case 4 -> ra + rb - rc;
                  case 5 -> ra + ((rb - rc) >> 1);
                  case 6 -> rb + ((ra - rc) >> 1);
                  default -> (ra + rb) >> 1;
                };
          }
          int s = r.decode(tables[i]);
          int diff;
          if (s == 0) {
            diff = 0;
          } else if (s < 16) {
            diff = r.receiveExtend(s);
          } else if (s == 16) {
            diff = 32768;
          } else {
            throw new DicomStreamException(
                "JPEG lossless difference category is invalid (expected 0..16): " + s);
          }
          samples[idx] = (char) (pred + diff);
        }
      }
    }
  }

  private void restart() throws DicomStreamException {
    int marker = reader.nextMarker();
    if (marker < JpegDecoder.RST0 || marker > JpegDecoder.RST7) {
      throw new DicomStreamException(
          "JPEG restart marker is missing (expected RSTn): "
              + (marker < 0 ? "end of data" : String.format("FF%02X", marker)));
    }
    reader.skipMarker();
  }
}
