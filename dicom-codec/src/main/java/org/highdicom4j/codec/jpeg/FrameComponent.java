package org.highdicom4j.codec.jpeg;

/** One image component of a JPEG frame header (T.81 B.2.2) and its decoding state. */
final class FrameComponent {
  /** Component identifier Ci. */
  final int id;

  /** Position in the frame header (0-based), which is the sample index in the output. */
  final int index;

  /** Horizontal sampling factor Hi. */
  final int h;

  /** Vertical sampling factor Vi. */
  final int v;

  /** Quantization table selector Tqi. */
  final int tq;

  /** Samples per line of this component: ceil(X · Hi / Hmax). */
  int width;

  /** Lines of this component: ceil(Y · Vi / Vmax). */
  int height;

  /** Blocks per line in the MCU-padded grid (DCT) or samples per line (lossless). */
  int blocksPerLine;

  /** Block rows in the MCU-padded grid. */
  int blocksPerColumn;

  /** Decoded samples of a DCT frame: (blocksPerLine · 8) × (blocksPerColumn · 8). */
  short[] plane;

  /** Samples per row of {@link #plane}. */
  int stride;

  /** DC predictor of the current scan. */
  int dcPredictor;

  /** DC (or lossless) table of the current scan. */
  HuffmanDecodeTable dcTable;

  /** AC table of the current scan. */
  HuffmanDecodeTable acTable;

  FrameComponent(int id, int index, int h, int v, int tq) {
    this.id = id;
    this.index = index;
    this.h = h;
    this.v = v;
    this.tq = tq;
  }
}
