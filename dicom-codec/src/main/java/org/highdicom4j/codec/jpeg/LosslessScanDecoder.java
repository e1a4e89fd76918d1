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
    if (restartInterval % columns == 0) {
      // Restart intervals (if any) begin at row starts, so each row is either the first line of
      // an interval (predicted from the left only) or an ordinary one.
      int rowsPerInterval = restartInterval == 0 ? Integer.MAX_VALUE : restartInterval / columns;
      for (int y = 0; y < rows; y++) {
        boolean firstLine = y % rowsPerInterval == 0;
        if (y > 0 && firstLine) {
          restart();
        }
        decodeRow(samples, y, firstLine, offsets, tables, predictor, initial);
      }
      return;
    }
    int rowStride = columns * nc;
    int mcuCount = 0;
    // Where the current restart interval began: its first line is predicted from the left only.
    int startRow = 0;
    int startColumn = 0;
    for (int y = 0; y < rows; y++) {
      for (int x = 0; x < columns; x++) {
        if (mcuCount == restartInterval) {
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
            pred = predict(samples, idx, nc, rowStride, predictor);
          }
          samples[idx] = (char) (pred + difference(tables[i]));
        }
      }
    }
  }

  private void decodeRow(
      char[] samples,
      int y,
      boolean firstLine,
      int[] offsets,
      HuffmanDecodeTable[] tables,
      int predictor,
      int initial)
      throws DicomStreamException {
    int nc = samplesPerPixel;
    int rowStride = columns * nc;
    int ns = offsets.length;
    int base = y * rowStride;
    for (int i = 0; i < ns; i++) {
      int idx = base + offsets[i];
      int pred = firstLine ? initial : samples[idx - rowStride];
      samples[idx] = (char) (pred + difference(tables[i]));
    }
    if (firstLine || predictor == 1) {
      for (int x = 1; x < columns; x++) {
        base += nc;
        for (int i = 0; i < ns; i++) {
          int idx = base + offsets[i];
          samples[idx] = (char) (samples[idx - nc] + difference(tables[i]));
        }
      }
      return;
    }
    for (int x = 1; x < columns; x++) {
      base += nc;
      for (int i = 0; i < ns; i++) {
        int idx = base + offsets[i];
        int pred = predict(samples, idx, nc, rowStride, predictor);
        samples[idx] = (char) (pred + difference(tables[i]));
      }
    }
  }

  /** Predictors 1..7 of T.81 Table H.1 from the left (Ra), above (Rb) and above-left (Rc). */
  private static int predict(char[] samples, int idx, int nc, int rowStride, int predictor) {
    int ra = samples[idx - nc];
    int rb = samples[idx - rowStride];
    int rc = samples[idx - rowStride - nc];
    return switch (predictor) {
      case 1 -> ra;
      case 2 -> rb;
      case 3 -> rc;
      case 4 -> ra + rb - rc;
      case 5 -> ra + ((rb - rc) >> 1);
      case 6 -> rb + ((ra - rc) >> 1);
      default -> (ra + rb) >> 1;
    };
  }

  /** Decodes one difference: its category SSSS, then SSSS extra bits (T.81 H.1.2.2). */
  private int difference(HuffmanDecodeTable table) throws DicomStreamException {
    int s = reader.decode(table);
    if (s == 0) {
      return 0;
    }
    if (s < 16) {
      return reader.receiveExtend(s);
    }
    if (s == 16) {
      return 32768;
    }
    throw new DicomStreamException(
        "JPEG lossless difference category is invalid (expected 0..16): " + s);
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
