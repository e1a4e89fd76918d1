package org.highdicom4j.dicom.data;

/** Little-endian conversions between binary element values and Java numbers. */
final class LittleEndian {
  private LittleEndian() {}

  static int u16(byte[] b, int off) {
    return (b[off] & 0xff) | (b[off + 1] & 0xff) << 8;
  }

  static int s32(byte[] b, int off) {
    return (b[off] & 0xff)
        | (b[off + 1] & 0xff) << 8
        | (b[off + 2] & 0xff) << 16
        | b[off + 3] << 24;
  }

  static long s64(byte[] b, int off) {
    return (s32(b, off) & 0xffffffffL) | ((long) s32(b, off + 4)) << 32;
  }

  static long[] u16s(byte[] b) {
    long[] out = new long[b.length / 2];
    for (int k = 0; k < out.length; k++) {
      out[k] = u16(b, 2 * k);
    }
    return out;
  }

  static long[] s16s(byte[] b) {
    long[] out = new long[b.length / 2];
    for (int k = 0; k < out.length; k++) {
      out[k] = (short) u16(b, 2 * k);
    }
    return out;
  }

  static long[] u32s(byte[] b) {
    long[] out = new long[b.length / 4];
    for (int k = 0; k < out.length; k++) {
      out[k] = s32(b, 4 * k) & 0xffffffffL;
    }
    return out;
  }

  static long[] s32s(byte[] b) {
    long[] out = new long[b.length / 4];
    for (int k = 0; k < out.length; k++) {
      out[k] = s32(b, 4 * k);
    }
    return out;
  }

  static long[] s64s(byte[] b) {
    long[] out = new long[b.length / 8];
    for (int k = 0; k < out.length; k++) {
      out[k] = s64(b, 8 * k);
    }
    return out;
  }

  static double[] f32s(byte[] b) {
    double[] out = new double[b.length / 4];
    for (int k = 0; k < out.length; k++) {
      out[k] = Float.intBitsToFloat(s32(b, 4 * k));
    }
    return out;
  }

  static float[] f32sAsFloats(byte[] b) {
    float[] out = new float[b.length / 4];
    for (int k = 0; k < out.length; k++) {
      out[k] = Float.intBitsToFloat(s32(b, 4 * k));
    }
    return out;
  }

  static double[] f64s(byte[] b) {
    double[] out = new double[b.length / 8];
    for (int k = 0; k < out.length; k++) {
      out[k] = Double.longBitsToDouble(s64(b, 8 * k));
    }
    return out;
  }

  static byte[] encodeIntegers(int tag, VR vr, long[] values) {
    int size;
    long min;
    long max;
    switch (vr) {
      case US:
      case OW:
        size = 2;
        min = 0;
        max = 0xffff;
        break;
      case SS:
        size = 2;
        min = Short.MIN_VALUE;
        max = Short.MAX_VALUE;
        break;
      case UL:
      case OL:
      case AT:
        size = 4;
        min = 0;
        max = 0xffffffffL;
        break;
      case SL:
        size = 4;
        min = Integer.MIN_VALUE;
        max = Integer.MAX_VALUE;
        break;
      case UV:
      case SV:
      case OV:
        size = 8;
        min = Long.MIN_VALUE;
        max = Long.MAX_VALUE;
        break;
      case OB:
      case UN:
        size = 1;
        min = Byte.MIN_VALUE;
        max = 0xff;
        break;
      default:
        throw new IllegalArgumentException(
            DicomDataset.tagString(tag) + " cannot hold integers (expected an integral VR): " + vr);
    }
    byte[] out = new byte[values.length * size];
    for (int k = 0; k < values.length; k++) {
      long v = values[k];
      if (v < min || v > max) {
        throw new IllegalArgumentException(
            DicomDataset.tagString(tag)
                + " value out of range for "
                + vr
                + " (expected "
                + min
                + ".."
                + max
                + "): "
                + v);
      }
      if (vr == VR.AT) {
        // AT stores group then element, each a little-endian 16-bit value.
        v = ((v >>> 16) & 0xffff) | (v & 0xffff) << 16;
      }
      for (int b = 0; b < size; b++) {
        out[k * size + b] = (byte) (v >>> (8 * b));
      }
    }
    return out;
  }

  static byte[] encodeFloats(double[] values) {
    byte[] out = new byte[values.length * 4];
    for (int k = 0; k < values.length; k++) {
      int v = Float.floatToRawIntBits((float) values[k]);
      for (int b = 0; b < 4; b++) {
        out[4 * k + b] = (byte) (v >>> (8 * b));
      }
    }
    return out;
  }

  static byte[] encodeDoubles(double[] values) {
    byte[] out = new byte[values.length * 8];
    for (int k = 0; k < values.length; k++) {
      long v = Double.doubleToRawLongBits(values[k]);
      for (int b = 0; b < 8; b++) {
        out[8 * k + b] = (byte) (v >>> (8 * b));
      }
    }
    return out;
  }
}
