package org.highdicom4j.seg;

import java.util.Arrays;
import java.util.concurrent.Executor;
import org.highdicom4j.DType;
import org.highdicom4j.NdArray;

/**
 * The segmentation pixel array given to {@link Segmentation.Builder}, checked once and read plane
 * by plane without materialising one mask per segment.
 *
 * <p>Two forms are told apart by the number of axes, as in highdicom: a label map (frames, rows,
 * columns) of integers or booleans, where a value v &gt; 0 puts the pixel in segment v; and stacked
 * segments (frames, rows, columns, segments), where channel k holds the k-th described segment. A
 * 3D floating-point array is one stacked segment. Values are read into reusable per-plane buffers
 * with one type switch per plane, never boxed.
 */
final class SegmentationInput {
  /** The array, with 4 axes when stacked and 3 when a label map. */
  private final NdArray array;

  private final boolean stacked;
  private final boolean floating;
  private final int planes;
  private final int rows;
  private final int columns;
  private final int channels;
  private final int pixelsPerPlane;
  // Whether every value is 0 or 1 (false for fractional floating-point input).
  private boolean binary;
  // For a label map: present[p][v] says value v occurs in plane p; for stacked input:
  // present[p][k] says channel k has a non-zero pixel in plane p.
  private boolean[][] present;
  private int maxLabel;
  private boolean overlap;

  private SegmentationInput(NdArray array, boolean stacked) {
    this.array = array;
    this.stacked = stacked;
    this.floating = array.dtype().isFloatingPoint();
    int[] s = array.shape();
    this.planes = s[0];
    this.rows = s[1];
    this.columns = s[2];
    this.channels = stacked ? s[3] : 1;
    this.pixelsPerPlane = rows * columns;
  }

  /**
   * Checks the array's shape and values and records which segments each plane holds.
   *
   * @param pixelArray the array as given
   * @param fractional whether the segmentation type is FRACTIONAL (non-binary floats allowed)
   * @param executor runs the per-plane scan of a label map in parallel
   * @return the analysed input
   * @throws IllegalArgumentException naming {@code pixelArray} when its dimensions, type or values
   *     are unusable
   */
  static SegmentationInput analyse(NdArray pixelArray, boolean fractional, Executor executor) {
    int ndim = pixelArray.ndim();
    if (ndim < 2 || ndim > 4) {
      throw new IllegalArgumentException(
          "pixelArray must be a 2D, 3D or 4D array (expected (rows, columns), (frames, rows,"
              + " columns) or (frames, rows, columns, segments)): shape "
              + Arrays.toString(pixelArray.shape()));
    }
    NdArray a = pixelArray;
    if (ndim == 2) {
      a = a.reshape(1, a.shape(0), a.shape(1));
    }
    boolean stacked = a.ndim() == 4;
    if (!stacked && a.dtype().isFloatingPoint()) {
      // A 3D floating-point array is a single segment, as in highdicom.
      a = a.reshape(a.shape(0), a.shape(1), a.shape(2), 1);
      stacked = true;
    }
    for (int d : a.shape()) {
      if (d == 0) {
        throw new IllegalArgumentException(
            "pixelArray must not have an empty axis (expected every extent >= 1): shape "
                + Arrays.toString(pixelArray.shape()));
      }
    }
    if (a.shape(1) > 65535 || a.shape(2) > 65535) {
      throw new IllegalArgumentException(
          "pixelArray rows and columns must fit Rows/Columns (0028,0010/0011) (expected <="
              + " 65535): shape "
              + Arrays.toString(pixelArray.shape()));
    }
    SegmentationInput in = new SegmentationInput(a, stacked);
    if (stacked) {
      in.scanStacked(fractional);
    } else {
      in.scanLabels(executor);
    }
    return in;
  }

  private void scanLabels(Executor executor) {
    present = new boolean[planes][];
    int[] planeMax = new int[planes];
    ThreadLocal<int[]> buffers = ThreadLocal.withInitial(() -> new int[pixelsPerPlane]);
    // Planes are independent: each worker scans whole planes into its own buffer.
    SegmentationPixelData.parallelFor(
        planes,
        executor,
        p -> {
          if (byteLabels()) {
            scanBytePlane(p, planeMax);
            return;
          }
          int[] buf = buffers.get();
          readLabels(p, buf);
          int max = 0;
          int min = 0;
          for (int v : buf) {
            max = Math.max(max, v);
            min = Math.min(min, v);
          }
          if (min < 0) {
            throw new IllegalArgumentException(
                "pixelArray must not contain negative values (expected segment numbers >= 0): "
                    + min);
          }
          if (max > 65535) {
            throw new IllegalArgumentException(
                "pixelArray has too many segments (expected segment numbers <= 65535): " + max);
          }
          boolean[] pr = new boolean[max + 1];
          for (int v : buf) {
            pr[v] = true;
          }
          present[p] = pr;
          planeMax[p] = max;
        });
    int max = 0;
    for (int m : planeMax) {
      max = Math.max(max, m);
    }
    maxLabel = max;
    binary = max <= 1;
  }

  /** Whether this is a label map held in a {@code byte[]} (uint8, int8 or bool). */
  boolean byteLabels() {
    return !stacked && array.data() instanceof byte[];
  }

  private void scanBytePlane(int p, int[] planeMax) {
    boolean[] pr = ByteLabelKernels.present((byte[]) array.data(), byteBase(p), pixelsPerPlane);
    int max = 255;
    if (array.dtype() == DType.INT8) {
      for (int v = 128; v < 256; v++) {
        if (pr[v]) {
          throw new IllegalArgumentException(
              "pixelArray must not contain negative values (expected segment numbers >= 0): "
                  + (v - 256));
        }
      }
      max = 127;
    }
    while (max > 0 && !pr[max]) {
      max--;
    }
    present[p] = Arrays.copyOf(pr, max + 1);
    planeMax[p] = max;
  }

  /** Returns the index in {@link #byteData()} of the first pixel of plane {@code p}. */
  int byteBase(int p) {
    return array.offset() + p * pixelsPerPlane;
  }

  /** Returns the backing array of a label map held in bytes. */
  byte[] byteData() {
    return (byte[]) array.data();
  }

  private void scanStacked(boolean fractional) {
    present = new boolean[planes][channels];
    binary = true;
    boolean anyOverlap = false;
    Object data = array.data();
    int off = array.offset();
    int n = pixelsPerPlane * channels;
    int[] count = new int[pixelsPerPlane];
    for (int p = 0; p < planes; p++) {
      boolean[] pr = present[p];
      Arrays.fill(count, 0);
      int base = off + p * n;
      for (int i = 0; i < n; i++) {
        double v = value(data, base + i);
        if (v == 0) {
          continue;
        }
        if (v != 1) {
          if (!floating) {
            throw new IllegalArgumentException(
                "pixelArray with stacked segments (4D) must be binary (expected only 0 and 1 in"
                    + " an integer array): "
                    + (long) v);
          }
          if (!(v >= 0 && v <= 1)) {
            throw new IllegalArgumentException(
                "pixelArray floating-point values must lie in [0, 1] (expected probabilities or"
                    + " occupancies): "
                    + v);
          }
          if (!fractional) {
            throw new IllegalArgumentException(
                "pixelArray floating-point values must be 0.0 or 1.0 unless the segmentation"
                    + " type is FRACTIONAL: "
                    + v);
          }
          binary = false;
        }
        pr[i % channels] = true;
        if (++count[i / channels] > 1) {
          anyOverlap = true;
        }
      }
    }
    overlap = anyOverlap;
  }

  private static double value(Object data, int i) {
    if (data instanceof byte[]) {
      return ((byte[]) data)[i] & 0xff;
    } else if (data instanceof short[]) {
      return ((short[]) data)[i];
    } else if (data instanceof int[]) {
      return ((int[]) data)[i];
    } else if (data instanceof float[]) {
      return ((float[]) data)[i];
    }
    return ((double[]) data)[i];
  }

  /** Reads plane {@code p} of a label map as ints, one type switch per plane. */
  void readLabels(int p, int[] dst) {
    Object data = array.data();
    int base = array.offset() + p * pixelsPerPlane;
    int n = pixelsPerPlane;
    DType t = array.dtype();
    switch (t) {
      case BOOL:
      case UINT8:
        {
          byte[] d = (byte[]) data;
          for (int i = 0; i < n; i++) {
            dst[i] = d[base + i] & 0xff;
          }
          break;
        }
      case INT8:
        {
          byte[] d = (byte[]) data;
          for (int i = 0; i < n; i++) {
            dst[i] = d[base + i];
          }
          break;
        }
      case UINT16:
        {
          short[] d = (short[]) data;
          for (int i = 0; i < n; i++) {
            dst[i] = d[base + i] & 0xffff;
          }
          break;
        }
      case INT16:
        {
          short[] d = (short[]) data;
          for (int i = 0; i < n; i++) {
            dst[i] = d[base + i];
          }
          break;
        }
      case UINT32:
        {
          int[] d = (int[]) data;
          for (int i = 0; i < n; i++) {
            // Values above 2^31 - 1 read as negative and are refused as such.
            dst[i] = d[base + i];
          }
          break;
        }
      case INT32:
        System.arraycopy(data, base, dst, 0, n);
        break;
      default:
        throw new IllegalStateException("not a label map: " + t);
    }
  }

  /**
   * Writes channel {@code k} of plane {@code p} of stacked input as one byte per pixel: for binary
   * input 0 or {@code scale}; for fractional input round(value × scale).
   */
  void readChannel(int p, int k, int scale, byte[] dst, int dstOffset) {
    Object data = array.data();
    int base = array.offset() + p * pixelsPerPlane * channels + k;
    int n = pixelsPerPlane;
    int c = channels;
    // As numpy.around(array * max) in highdicom: the product in the array's precision, then
    // rounding half to even.
    if (data instanceof float[]) {
      float[] d = (float[]) data;
      for (int i = 0, j = base; i < n; i++, j += c) {
        dst[dstOffset + i] = (byte) Math.rint(d[j] * scale);
      }
    } else if (data instanceof double[]) {
      double[] d = (double[]) data;
      for (int i = 0, j = base; i < n; i++, j += c) {
        dst[dstOffset + i] = (byte) Math.rint(d[j] * scale);
      }
    } else if (data instanceof byte[]) {
      byte[] d = (byte[]) data;
      for (int i = 0, j = base; i < n; i++, j += c) {
        dst[dstOffset + i] = d[j] != 0 ? (byte) scale : 0;
      }
    } else if (data instanceof short[]) {
      short[] d = (short[]) data;
      for (int i = 0, j = base; i < n; i++, j += c) {
        dst[dstOffset + i] = d[j] != 0 ? (byte) scale : 0;
      }
    } else {
      int[] d = (int[]) data;
      for (int i = 0, j = base; i < n; i++, j += c) {
        dst[dstOffset + i] = d[j] != 0 ? (byte) scale : 0;
      }
    }
  }

  /**
   * Writes plane {@code p} of stacked, non-overlapping binary input as a label map: the pixel takes
   * {@code numbers[k]} where channel k is set, else 0.
   */
  void readStackedAsLabels(int p, int[] numbers, int[] dst) {
    Arrays.fill(dst, 0);
    byte[] tmp = new byte[pixelsPerPlane];
    for (int k = 0; k < channels; k++) {
      if (!present[p][k]) {
        continue;
      }
      readChannel(p, k, 1, tmp, 0);
      int v = numbers[k];
      for (int i = 0; i < pixelsPerPlane; i++) {
        if (tmp[i] != 0) {
          dst[i] = v;
        }
      }
    }
  }

  /** Returns whether the input is stacked segments (4D, or 3D floating point). */
  boolean stacked() {
    return stacked;
  }

  /** Returns whether every value is 0 or 1. */
  boolean binary() {
    return binary;
  }

  /** Returns whether a pixel is set in more than one channel (stacked input only). */
  boolean overlap() {
    return overlap;
  }

  /** Returns the largest value of a label map (0 for stacked input). */
  int maxLabel() {
    return stacked ? 0 : maxLabel;
  }

  int planes() {
    return planes;
  }

  int rows() {
    return rows;
  }

  int columns() {
    return columns;
  }

  int channels() {
    return channels;
  }

  int pixelsPerPlane() {
    return pixelsPerPlane;
  }

  /** Returns whether label value {@code v} occurs in plane {@code p} (label map). */
  boolean labelPresent(int p, int v) {
    boolean[] pr = present[p];
    return v < pr.length && pr[v];
  }

  /** Returns whether channel {@code k} has a non-zero pixel in plane {@code p} (stacked). */
  boolean channelPresent(int p, int k) {
    return present[p][k];
  }

  /** Returns whether plane {@code p} has any non-zero pixel. */
  boolean planeNonEmpty(int p) {
    boolean[] pr = present[p];
    for (int v = stacked ? 0 : 1; v < pr.length; v++) {
      if (pr[v]) {
        return true;
      }
    }
    return false;
  }

  /** Returns whether label value {@code v} occurs in any plane (label map). */
  boolean labelPresentAnywhere(int v) {
    for (int p = 0; p < planes; p++) {
      if (labelPresent(p, v)) {
        return true;
      }
    }
    return false;
  }
}
