package org.highdicom4j.codec.jpeg;

import org.highdicom4j.codec.FrameDescriptor;

/**
 * Writes decoded JPEG components into the codec SPI's frame layout: interleaved, little-endian
 * BitsAllocated containers, each value reduced to BitsStored bits and sign-extended when Pixel
 * Representation is 1. Subsampled DCT components are upsampled on the way, with the triangular
 * ("fancy") filter of libjpeg for 2:1 horizontal and 2:1 horizontal-and-vertical ratios, so the
 * result matches the usual reference decoders.
 */
final class SampleWriter {

  private SampleWriter() {}

  /** Writes a lossless frame; each sample is shifted left by its component's point transform. */
  static void writeLossless(
      char[] samples, int[] pointTransforms, int nc, FrameDescriptor d, byte[] out) {
    int mask = storedMask(d);
    int signBit = d.signed() ? 1 << (d.bitsStored() - 1) : 0;
    int n = samples.length;
    boolean twoBytes = d.bytesPerSample() == 2;
    for (int c = 0; c < nc; c++) {
      int pt = pointTransforms[c];
      for (int i = c; i < n; i += nc) {
        int v = normalize(samples[i] << pt, mask, signBit);
        if (twoBytes) {
          out[2 * i] = (byte) v;
          out[2 * i + 1] = (byte) (v >> 8);
        } else {
          out[i] = (byte) v;
        }
      }
    }
  }

  private static int storedMask(FrameDescriptor d) {
    return d.bitsStored() >= 31 ? -1 : (1 << d.bitsStored()) - 1;
  }

  private static int normalize(int v, int mask, int signBit) {
    v &= mask;
    if ((v & signBit) != 0) {
      v |= ~mask;
    }
    return v;
  }

  /** Writes a DCT frame, upsampling components with sampling factors below the maximum. */
  static void writeDct(
      FrameComponent[] components, int maxH, int maxV, FrameDescriptor d, byte[] out) {
    int columns = d.columns();
    int rows = d.rows();
    int nc = components.length;
    int bps = d.bytesPerSample();
    int mask = storedMask(d);
    int signBit = d.signed() ? 1 << (d.bitsStored() - 1) : 0;
    boolean plain8 = bps == 1 && d.bitsStored() == 8;
    int[] row = new int[columns + 2 * 4 * 8];
    int[] colSum = new int[columns + 2];
    for (FrameComponent c : components) {
      int fh = maxH / c.h;
      int fv = maxV / c.v;
      boolean fancy = fh == 2 && (fv == 1 || fv == 2) && c.width > 2;
      for (int y = 0; y < rows; y++) {
        short[] plane = c.plane;
        int[] src;
        int srcOffset;
        if (fh == 1 && fv == 1) {
          src = null;
          srcOffset = y * c.stride;
        } else if (fancy && fv == 1) {
          upsampleH2V1(plane, y * c.stride, c.width, row);
          src = row;
          srcOffset = 0;
        } else if (fancy) {
          int cy = y >> 1;
          int far = (y & 1) == 0 ? Math.max(cy - 1, 0) : Math.min(cy + 1, c.height - 1);
          upsampleH2V2(plane, cy * c.stride, far * c.stride, c.width, colSum, row);
          src = row;
          srcOffset = 0;
        } else {
          int base = (y / fv) * c.stride;
          for (int x = 0; x < columns; x++) {
            row[x] = plane[base + x / fh];
          }
          src = row;
          srcOffset = 0;
        }
        int o = (y * columns * nc + c.index) * bps;
        int step = nc * bps;
        for (int x = 0; x < columns; x++, o += step) {
          int v = src == null ? plane[srcOffset + x] : src[x];
          if (plain8) {
            out[o] = (byte) v;
          } else {
            v = normalize(v, mask, signBit);
            out[o] = (byte) v;
            if (bps == 2) {
              out[o + 1] = (byte) (v >> 8);
            }
          }
        }
      }
    }
  }

  /** Triangular 2:1 horizontal interpolation: weights 3/4 and 1/4 of the nearer neighbours. */
  private static void upsampleH2V1(short[] plane, int offset, int width, int[] out) {
    for (int i = 0; i < width; i++) {
      int here = 3 * plane[offset + i];
      int left = plane[offset + Math.max(i - 1, 0)];
      int right = plane[offset + Math.min(i + 1, width - 1)];
      out[2 * i] = (here + left + 1) >> 2;
      out[2 * i + 1] = (here + right + 2) >> 2;
    }
  }

  /**
   * Triangular 2:1 interpolation in both directions: each output sample weighs the nearest input
   * 9/16, its horizontal and vertical neighbours 3/16 and the diagonal one 1/16.
   */
  private static void upsampleH2V2(
      short[] plane, int nearOffset, int farOffset, int width, int[] colSum, int[] out) {
    for (int i = 0; i < width; i++) {
      colSum[i] = 3 * plane[nearOffset + i] + plane[farOffset + i];
    }
    for (int i = 0; i < width; i++) {
      int here = 3 * colSum[i];
      int left = colSum[Math.max(i - 1, 0)];
      int right = colSum[Math.min(i + 1, width - 1)];
      out[2 * i] = (here + left + 8) >> 4;
      out[2 * i + 1] = (here + right + 7) >> 4;
    }
  }
}
