package org.highdicom4j.codec.jpegls;

/**
 * Stores reconstructed JPEG-LS lines into the decoded frame layout: interleaved samples in
 * little-endian containers of BitsAllocated bits, each value reduced to BitsStored bits and
 * sign-extended when Pixel Representation is 1 (JPEG-LS itself codes unsigned values).
 */
final class JpegLsOutput {
  private final byte[] data;
  private final int width;
  private final int samplesPerPixel;
  private final int bytesPerSample;
  private final int shift;
  private final boolean signed;

  JpegLsOutput(
      byte[] data,
      int width,
      int samplesPerPixel,
      int bytesPerSample,
      int bitsStored,
      boolean signed) {
    this.data = data;
    this.width = width;
    this.samplesPerPixel = samplesPerPixel;
    this.bytesPerSample = bytesPerSample;
    this.shift = 32 - bitsStored;
    this.signed = signed;
  }

  /** Writes line {@code y} of frame component {@code component} from {@code line[1..width]}. */
  void writeLine(int y, int component, int[] line) {
    final int s = shift;
    final int stride = samplesPerPixel * bytesPerSample;
    int o = ((y * width) * samplesPerPixel + component) * bytesPerSample;
    final byte[] d = data;
    if (bytesPerSample == 1) {
      for (int x = 1; x <= width; x++, o += stride) {
        d[o] = (byte) (signed ? (line[x] << s) >> s : (line[x] << s) >>> s);
      }
    } else if (signed) {
      for (int x = 1; x <= width; x++, o += stride) {
        int v = (line[x] << s) >> s;
        d[o] = (byte) v;
        d[o + 1] = (byte) (v >> 8);
      }
    } else {
      for (int x = 1; x <= width; x++, o += stride) {
        int v = (line[x] << s) >>> s;
        d[o] = (byte) v;
        d[o + 1] = (byte) (v >> 8);
      }
    }
  }
}
