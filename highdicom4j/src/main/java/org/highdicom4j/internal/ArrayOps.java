package org.highdicom4j.internal;

import java.util.Arrays;
import org.highdicom4j.NdArray;

/**
 * Strided copies between {@link NdArray}s: the element movement behind slicing with steps,
 * flipping, transposing and padding of volumes. Copies work on the primitive backing arrays, so
 * every dtype moves bit-exactly.
 */
public final class ArrayOps {
  private ArrayOps() {}

  /** Returns the row-major (C order) strides of a shape, in elements. */
  public static int[] contiguousStrides(int[] shape) {
    int[] s = new int[shape.length];
    int acc = 1;
    for (int i = shape.length - 1; i >= 0; i--) {
      s[i] = acc;
      acc *= shape[i];
    }
    return s;
  }

  /**
   * Copies a block of elements: element {@code idx} (one index per axis of {@code shape}) goes from
   * flat position {@code srcOff + Σ idx·srcStrides} of {@code src} to {@code dstOff + Σ
   * idx·dstStrides} of {@code dst} (positions relative to each array's first element; strides may
   * be negative).
   *
   * @param src source (same dtype as dst)
   * @param srcOff source start
   * @param srcStrides source strides
   * @param dst destination
   * @param dstOff destination start
   * @param dstStrides destination strides
   * @param shape extent of the block along each axis
   */
  public static void copyBlock(
      NdArray src,
      int srcOff,
      int[] srcStrides,
      NdArray dst,
      int dstOff,
      int[] dstStrides,
      int[] shape) {
    if (src.dtype() != dst.dtype()) {
      throw new IllegalArgumentException("dtypes differ: " + src.dtype() + " " + dst.dtype());
    }
    int nd = shape.length;
    for (int s : shape) {
      if (s == 0) {
        return;
      }
    }
    Object sd = src.data();
    Object dd = dst.data();
    int sBase = src.offset() + srcOff;
    int dBase = dst.offset() + dstOff;
    if (nd == 0) {
      copyRun(sd, sBase, 1, dd, dBase, 1, 1);
      return;
    }
    int inner = shape[nd - 1];
    int sIn = srcStrides[nd - 1];
    int dIn = dstStrides[nd - 1];
    int[] idx = new int[nd - 1];
    while (true) {
      int so = sBase;
      int dOff = dBase;
      for (int k = 0; k < nd - 1; k++) {
        so += idx[k] * srcStrides[k];
        dOff += idx[k] * dstStrides[k];
      }
      copyRun(sd, so, sIn, dd, dOff, dIn, inner);
      int k = nd - 2;
      while (k >= 0) {
        if (++idx[k] < shape[k]) {
          break;
        }
        idx[k] = 0;
        k--;
      }
      if (k < 0) {
        return;
      }
    }
  }

  private static void copyRun(Object s, int so, int ss, Object d, int dOff, int ds, int n) {
    if (ss == 1 && ds == 1) {
      System.arraycopy(s, so, d, dOff, n);
      return;
    }
    if (s instanceof byte[]) {
      byte[] a = (byte[]) s;
      byte[] b = (byte[]) d;
      for (int i = 0; i < n; i++) {
        b[dOff + i * ds] = a[so + i * ss];
      }
    } else if (s instanceof short[]) {
      short[] a = (short[]) s;
      short[] b = (short[]) d;
      for (int i = 0; i < n; i++) {
        b[dOff + i * ds] = a[so + i * ss];
      }
    } else if (s instanceof int[]) {
      int[] a = (int[]) s;
      int[] b = (int[]) d;
      for (int i = 0; i < n; i++) {
        b[dOff + i * ds] = a[so + i * ss];
      }
    } else if (s instanceof float[]) {
      float[] a = (float[]) s;
      float[] b = (float[]) d;
      for (int i = 0; i < n; i++) {
        b[dOff + i * ds] = a[so + i * ss];
      }
    } else {
      double[] a = (double[]) s;
      double[] b = (double[]) d;
      for (int i = 0; i < n; i++) {
        b[dOff + i * ds] = a[so + i * ss];
      }
    }
  }

  /**
   * Takes a strided selection along the leading axes, like numpy's {@code a[s0:e0:k0, s1:e1:k1,
   * ...]}: along axis {@code i < starts.length} indices {@code starts[i] + j·steps[i]} for {@code j
   * < sizes[i]}, the remaining axes whole.
   *
   * @param a the array
   * @param starts first index per leading axis
   * @param steps step per leading axis (non-zero, may be negative)
   * @param sizes number of indices per leading axis
   * @return a new contiguous array
   */
  public static NdArray take(NdArray a, int[] starts, int[] steps, int[] sizes) {
    int[] shape = a.shape();
    int[] strides = contiguousStrides(shape);
    int[] outShape = shape.clone();
    int[] srcStrides = strides.clone();
    int off = 0;
    for (int i = 0; i < starts.length; i++) {
      outShape[i] = sizes[i];
      srcStrides[i] = strides[i] * steps[i];
      off += starts[i] * strides[i];
    }
    NdArray out = NdArray.zeros(a.dtype(), outShape);
    copyBlock(a, off, srcStrides, out, 0, contiguousStrides(outShape), outShape);
    return out;
  }

  /**
   * Permutes axes like numpy's {@code transpose}: output axis i is input axis {@code perm[i]}.
   *
   * @param a the array
   * @param perm a permutation of 0 … ndim − 1
   * @return a new contiguous array
   */
  public static NdArray transpose(NdArray a, int[] perm) {
    int[] shape = a.shape();
    int[] strides = contiguousStrides(shape);
    int[] outShape = new int[perm.length];
    int[] srcStrides = new int[perm.length];
    for (int i = 0; i < perm.length; i++) {
      outShape[i] = shape[perm[i]];
      srcStrides[i] = strides[perm[i]];
    }
    NdArray out = NdArray.zeros(a.dtype(), outShape);
    copyBlock(a, 0, srcStrides, out, 0, contiguousStrides(outShape), outShape);
    return out;
  }

  /**
   * Copies {@code src} into a block of {@code dst} whose first element is at {@code origin}.
   *
   * @param src the smaller array
   * @param dst the larger array, same number of axes
   * @param origin index in dst of src's first element
   */
  public static void insert(NdArray src, NdArray dst, int[] origin) {
    int[] ds = contiguousStrides(dst.shape());
    int off = 0;
    for (int i = 0; i < origin.length; i++) {
      off += origin[i] * ds[i];
    }
    copyBlock(src, 0, contiguousStrides(src.shape()), dst, off, ds, src.shape());
  }

  /**
   * Fills the pad regions of a padded array with copies of the nearest interior values (numpy's
   * {@code edge} mode), axis by axis so that corners receive corner values.
   *
   * @param a the padded array whose interior is already filled
   * @param pad before/after widths of the leading axes
   */
  public static void fillEdges(NdArray a, int[][] pad) {
    int[] shape = a.shape();
    int[] strides = contiguousStrides(shape);
    for (int axis = 0; axis < pad.length; axis++) {
      int lo = pad[axis][0];
      int hi = shape[axis] - pad[axis][1] - 1;
      int[] slab = shape.clone();
      slab[axis] = 1;
      for (int i = 0; i < shape[axis]; i++) {
        int from = i < lo ? lo : i > hi ? hi : -1;
        if (from < 0) {
          continue;
        }
        copyBlock(a, from * strides[axis], strides, a, i * strides[axis], strides, slab);
      }
    }
  }

  /**
   * Fills every element with a value converted to the array's dtype (integers truncated toward zero
   * and required to fit).
   *
   * @param a the array
   * @param value the value
   */
  public static void fill(NdArray a, double value) {
    if (a.size() == 0) {
      return;
    }
    a.setFlatDouble(0, value);
    Object d = a.data();
    int from = a.offset();
    int to = from + a.size();
    if (d instanceof byte[]) {
      Arrays.fill((byte[]) d, from, to, ((byte[]) d)[from]);
    } else if (d instanceof short[]) {
      Arrays.fill((short[]) d, from, to, ((short[]) d)[from]);
    } else if (d instanceof int[]) {
      Arrays.fill((int[]) d, from, to, ((int[]) d)[from]);
    } else if (d instanceof float[]) {
      Arrays.fill((float[]) d, from, to, ((float[]) d)[from]);
    } else {
      Arrays.fill((double[]) d, from, to, ((double[]) d)[from]);
    }
  }
}
