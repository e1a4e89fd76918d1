package org.highdicom4j;

/** Colour space conversions of decoded frames (PS3.3 C.7.6.3.1.2). Package-private. */
final class ColorConversion {
  private ColorConversion() {}

  /**
   * Converts YBR_FULL samples to RGB: R = Y + 1.402 (Cr − h), G = Y − 0.344136 (Cb − h) − 0.714136
   * (Cr − h), B = Y + 1.772 (Cb − h), with h half the sample range, rounded and clipped.
   *
   * @param ybr array of shape (rows, columns, 3), unsigned
   * @param bitsStored BitsStored of the samples
   * @return a new array of the same type and shape
   */
  static NdArray ybrFullToRgb(NdArray ybr, int bitsStored) {
    NdArray out = NdArray.zeros(ybr.dtype(), ybr.shape());
    double max = Math.pow(2, bitsStored) - 1;
    double half = Math.pow(2, bitsStored - 1);
    for (int i = 0; i < ybr.size(); i += 3) {
      double y = ybr.getFlatDouble(i);
      double cb = ybr.getFlatDouble(i + 1) - half;
      double cr = ybr.getFlatDouble(i + 2) - half;
      out.setFlatDouble(i, clip(y + 1.402 * cr, max));
      out.setFlatDouble(i + 1, clip(y - 0.344136 * cb - 0.714136 * cr, max));
      out.setFlatDouble(i + 2, clip(y + 1.772 * cb, max));
    }
    return out;
  }

  private static double clip(double v, double max) {
    return Math.max(0, Math.min(max, Math.rint(v)));
  }
}
