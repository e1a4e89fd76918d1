package org.highdicom4j;

import java.util.Arrays;
import java.util.Objects;

/**
 * A typed n-dimensional array in row-major (numpy C) order: what highdicom's numpy arrays are in
 * this library — frames, volumes, masks, label maps.
 *
 * <p>Elements live in one primitive Java array ({@code byte[]} for BOOL, UINT8 and INT8, {@code
 * short[]} for UINT16 and INT16, {@code int[]} for UINT32 and INT32, {@code float[]}, {@code
 * double[]}) from an offset, so that {@link #get(int)} and {@link #slice(int, int)} along axis 0
 * are views without copying. Unsigned values are stored in the signed Java type of the same width
 * and widened on access. Arrays are mutable; views share their elements with the array they come
 * from.
 */
public final class NdArray {
  private final DType dtype;
  private final int[] shape;
  private final Object data;
  private final int offset;
  private final int size;

  private NdArray(DType dtype, int[] shape, Object data, int offset) {
    this.dtype = dtype;
    this.shape = shape;
    this.data = data;
    this.offset = offset;
    this.size = product(shape);
  }

  private static int product(int[] shape) {
    long n = 1;
    for (int s : shape) {
      if (s < 0) {
        throw new IllegalArgumentException("shape must not be negative: " + Arrays.toString(shape));
      }
      n *= s;
      if (n > Integer.MAX_VALUE - 8) {
        throw new IllegalArgumentException(
            "array too large for one Java array (expected < 2^31 elements): "
                + Arrays.toString(shape));
      }
    }
    return (int) n;
  }

  /**
   * Creates an array of zeros.
   *
   * @param dtype element type
   * @param shape extent of each axis
   * @return the array
   */
  public static NdArray zeros(DType dtype, int... shape) {
    Objects.requireNonNull(dtype, "dtype");
    int[] s = shape.clone();
    int n = product(s);
    return new NdArray(dtype, s, allocate(dtype, n), 0);
  }

  private static Object allocate(DType dtype, int n) {
    switch (dtype) {
      case BOOL:
      case UINT8:
      case INT8:
        return new byte[n];
      case UINT16:
      case INT16:
        return new short[n];
      case UINT32:
      case INT32:
        return new int[n];
      case FLOAT32:
        return new float[n];
      default:
        return new double[n];
    }
  }

  /**
   * Wraps a byte array (BOOL, UINT8 or INT8) without copying.
   *
   * @param dtype BOOL, UINT8 or INT8
   * @param data elements; length must equal the product of {@code shape}
   * @param shape extent of each axis
   * @return the array
   */
  public static NdArray wrap(DType dtype, byte[] data, int... shape) {
    return wrapChecked(dtype, data, data.length, byte[].class, shape);
  }

  /**
   * Wraps a short array (UINT16 or INT16) without copying.
   *
   * @param dtype UINT16 or INT16
   * @param data elements
   * @param shape extent of each axis
   * @return the array
   */
  public static NdArray wrap(DType dtype, short[] data, int... shape) {
    return wrapChecked(dtype, data, data.length, short[].class, shape);
  }

  /**
   * Wraps an int array (UINT32 or INT32) without copying.
   *
   * @param dtype UINT32 or INT32
   * @param data elements
   * @param shape extent of each axis
   * @return the array
   */
  public static NdArray wrap(DType dtype, int[] data, int... shape) {
    return wrapChecked(dtype, data, data.length, int[].class, shape);
  }

  /**
   * Wraps a float array (FLOAT32) without copying.
   *
   * @param data elements
   * @param shape extent of each axis
   * @return the array
   */
  public static NdArray wrap(float[] data, int... shape) {
    return wrapChecked(DType.FLOAT32, data, data.length, float[].class, shape);
  }

  /**
   * Wraps a double array (FLOAT64) without copying.
   *
   * @param data elements
   * @param shape extent of each axis
   * @return the array
   */
  public static NdArray wrap(double[] data, int... shape) {
    return wrapChecked(DType.FLOAT64, data, data.length, double[].class, shape);
  }

  private static NdArray wrapChecked(
      DType dtype, Object data, int length, Class<?> type, int[] shape) {
    Objects.requireNonNull(dtype, "dtype");
    if (allocate(dtype, 0).getClass() != type) {
      throw new IllegalArgumentException(
          "dtype " + dtype + " cannot be held in a " + type.getSimpleName());
    }
    int[] s = shape.clone();
    if (product(s) != length) {
      throw new IllegalArgumentException(
          "shape "
              + Arrays.toString(s)
              + " does not match the number of elements (expected "
              + product(s)
              + "): "
              + length);
    }
    return new NdArray(dtype, s, data, 0);
  }

  /**
   * Creates an array from little-endian bytes, as decoded frames hold them.
   *
   * @param dtype element type
   * @param bytes elements, {@code dtype.size()} bytes each, little endian
   * @param shape extent of each axis
   * @return a new array (the bytes are copied)
   */
  public static NdArray fromLittleEndian(DType dtype, byte[] bytes, int... shape) {
    NdArray a = zeros(dtype, shape);
    if ((long) a.size * dtype.size() != bytes.length) {
      throw new IllegalArgumentException(
          "byte length does not match shape "
              + Arrays.toString(shape)
              + " of "
              + dtype
              + " (expected "
              + (long) a.size * dtype.size()
              + "): "
              + bytes.length);
    }
    java.nio.ByteBuffer bb =
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    switch (dtype) {
      case BOOL:
      case UINT8:
      case INT8:
        System.arraycopy(bytes, 0, a.data, 0, a.size);
        break;
      case UINT16:
      case INT16:
        bb.asShortBuffer().get((short[]) a.data);
        break;
      case UINT32:
      case INT32:
        bb.asIntBuffer().get((int[]) a.data);
        break;
      case FLOAT32:
        bb.asFloatBuffer().get((float[]) a.data);
        break;
      default:
        bb.asDoubleBuffer().get((double[]) a.data);
        break;
    }
    return a;
  }

  /** Returns the element type. */
  public DType dtype() {
    return dtype;
  }

  /** Returns a copy of the shape. */
  public int[] shape() {
    return shape.clone();
  }

  /**
   * Returns the extent of one axis.
   *
   * @param axis 0-based axis
   * @return its extent
   */
  public int shape(int axis) {
    return shape[axis];
  }

  /** Returns the number of axes. */
  public int ndim() {
    return shape.length;
  }

  /** Returns the number of elements. */
  public int size() {
    return size;
  }

  /**
   * Returns the flat index of a multi-index, checking bounds.
   *
   * @param index one index per axis
   * @return the position within this array's elements (0 to size − 1)
   */
  public int flatIndex(int... index) {
    if (index.length != shape.length) {
      throw new IllegalArgumentException(
          "expected " + shape.length + " indices: " + Arrays.toString(index));
    }
    int flat = 0;
    for (int i = 0; i < shape.length; i++) {
      if (index[i] < 0 || index[i] >= shape[i]) {
        throw new IndexOutOfBoundsException(
            "index " + index[i] + " out of bounds for axis " + i + " of extent " + shape[i]);
      }
      flat = flat * shape[i] + index[i];
    }
    return flat;
  }

  /**
   * Returns an element as a double (unsigned types widened).
   *
   * @param index one index per axis
   * @return the value
   */
  public double getDouble(int... index) {
    return getFlatDouble(flatIndex(index));
  }

  /**
   * Returns an element as a long (unsigned types widened, floating point truncated).
   *
   * @param index one index per axis
   * @return the value
   */
  public long getLong(int... index) {
    return getFlatLong(flatIndex(index));
  }

  /**
   * Returns the element at a flat position as a double.
   *
   * @param flat 0 to size − 1
   * @return the value
   */
  public double getFlatDouble(int flat) {
    int i = offset + flat;
    switch (dtype) {
      case FLOAT32:
        return ((float[]) data)[i];
      case FLOAT64:
        return ((double[]) data)[i];
      default:
        return getFlatLong(flat);
    }
  }

  /**
   * Returns the element at a flat position as a long.
   *
   * @param flat 0 to size − 1
   * @return the value
   */
  public long getFlatLong(int flat) {
    int i = offset + flat;
    switch (dtype) {
      case BOOL:
      case UINT8:
        return ((byte[]) data)[i] & 0xff;
      case INT8:
        return ((byte[]) data)[i];
      case UINT16:
        return ((short[]) data)[i] & 0xffff;
      case INT16:
        return ((short[]) data)[i];
      case UINT32:
        return ((int[]) data)[i] & 0xffffffffL;
      case INT32:
        return ((int[]) data)[i];
      case FLOAT32:
        return (long) ((float[]) data)[i];
      default:
        return (long) ((double[]) data)[i];
    }
  }

  /**
   * Sets an element from a double; integer types take the value rounded toward zero and must hold
   * it.
   *
   * @param value the value
   * @param index one index per axis
   */
  public void setDouble(double value, int... index) {
    setFlatDouble(flatIndex(index), value);
  }

  /**
   * Sets the element at a flat position from a double.
   *
   * @param flat 0 to size − 1
   * @param value the value; for integer types within the type's range
   * @throws IllegalArgumentException when an integer type cannot hold the value
   */
  public void setFlatDouble(int flat, double value) {
    int i = offset + flat;
    switch (dtype) {
      case FLOAT32:
        ((float[]) data)[i] = (float) value;
        return;
      case FLOAT64:
        ((double[]) data)[i] = value;
        return;
      default:
        if (!(value >= dtype.min() && value <= dtype.max())) {
          throw new IllegalArgumentException(
              "value does not fit " + dtype.numpyName() + ": " + value);
        }
        setFlatLong(flat, (long) value);
    }
  }

  /**
   * Sets the element at a flat position from a long (stored as the type's bits).
   *
   * @param flat 0 to size − 1
   * @param value the value
   */
  public void setFlatLong(int flat, long value) {
    int i = offset + flat;
    switch (dtype) {
      case BOOL:
        ((byte[]) data)[i] = (byte) (value != 0 ? 1 : 0);
        break;
      case UINT8:
      case INT8:
        ((byte[]) data)[i] = (byte) value;
        break;
      case UINT16:
      case INT16:
        ((short[]) data)[i] = (short) value;
        break;
      case UINT32:
      case INT32:
        ((int[]) data)[i] = (int) value;
        break;
      case FLOAT32:
        ((float[]) data)[i] = value;
        break;
      default:
        ((double[]) data)[i] = value;
        break;
    }
  }

  /**
   * Returns a view of one index along axis 0, with one axis fewer (like {@code a[i]} in numpy).
   *
   * @param index 0 to shape(0) − 1
   * @return the view, sharing elements with this array
   */
  public NdArray get(int index) {
    if (shape.length == 0) {
      throw new IllegalStateException("a 0-d array has no axis 0");
    }
    if (index < 0 || index >= shape[0]) {
      throw new IndexOutOfBoundsException(
          "index " + index + " out of bounds for axis 0 of extent " + shape[0]);
    }
    int[] s = Arrays.copyOfRange(shape, 1, shape.length);
    return new NdArray(dtype, s, data, offset + index * product(s));
  }

  /**
   * Returns a view of a range along axis 0 (like {@code a[from:to]}).
   *
   * @param from first index, inclusive
   * @param to last index, exclusive
   * @return the view, sharing elements with this array
   */
  public NdArray slice(int from, int to) {
    if (shape.length == 0 || from < 0 || to > shape[0] || from > to) {
      throw new IndexOutOfBoundsException(
          "slice " + from + ":" + to + " out of bounds for axis 0 of " + Arrays.toString(shape));
    }
    int[] s = shape.clone();
    s[0] = to - from;
    int inner = shape[0] == 0 ? 0 : size / shape[0];
    return new NdArray(dtype, s, data, offset + from * inner);
  }

  /**
   * Returns a view with another shape of the same number of elements.
   *
   * @param newShape the new shape
   * @return the view
   */
  public NdArray reshape(int... newShape) {
    int[] s = newShape.clone();
    if (product(s) != size) {
      throw new IllegalArgumentException(
          "cannot reshape " + Arrays.toString(shape) + " into " + Arrays.toString(s));
    }
    return new NdArray(dtype, s, data, offset);
  }

  /** Returns a copy with its own elements. */
  public NdArray copy() {
    NdArray c = zeros(dtype, shape);
    System.arraycopy(data, offset, c.data, 0, size);
    return c;
  }

  /**
   * Returns a copy converted to another type, like numpy's {@code astype}: values are converted
   * numerically (floating point truncated toward zero), and must fit the target type.
   *
   * @param target the new type
   * @return the converted copy (a plain copy when the type is the same)
   * @throws IllegalArgumentException when a value does not fit the target type
   */
  public NdArray astype(DType target) {
    if (target == dtype) {
      return copy();
    }
    NdArray c = zeros(target, shape);
    for (int i = 0; i < size; i++) {
      if (target == DType.BOOL) {
        c.setFlatLong(i, getFlatDouble(i) != 0 ? 1 : 0);
      } else if (dtype.isFloatingPoint() || target.isFloatingPoint()) {
        c.setFlatDouble(i, dtype.isFloatingPoint() ? getFlatDouble(i) : getFlatLong(i));
      } else {
        long v = getFlatLong(i);
        if (v < target.min() || v > target.max()) {
          throw new IllegalArgumentException("value does not fit " + target.numpyName() + ": " + v);
        }
        c.setFlatLong(i, v);
      }
    }
    return c;
  }

  /**
   * Returns the elements as little-endian bytes, {@code dtype().size()} per element.
   *
   * @return a new array
   */
  public byte[] toLittleEndian() {
    byte[] out = new byte[size * dtype.size()];
    java.nio.ByteBuffer bb = java.nio.ByteBuffer.wrap(out).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    switch (dtype) {
      case BOOL:
      case UINT8:
      case INT8:
        System.arraycopy(data, offset, out, 0, size);
        break;
      case UINT16:
      case INT16:
        bb.asShortBuffer().put((short[]) data, offset, size);
        break;
      case UINT32:
      case INT32:
        bb.asIntBuffer().put((int[]) data, offset, size);
        break;
      case FLOAT32:
        bb.asFloatBuffer().put((float[]) data, offset, size);
        break;
      default:
        bb.asDoubleBuffer().put((double[]) data, offset, size);
        break;
    }
    return out;
  }

  /**
   * Returns the backing primitive array (byte[], short[], int[], float[] or double[]) for fast
   * loops; elements of this array start at {@link #offset()}.
   *
   * @return the backing array (shared, not a copy)
   */
  public Object data() {
    return data;
  }

  /** Returns the position of this array's first element in {@link #data()}. */
  public int offset() {
    return offset;
  }

  /** Returns the smallest element as a double (NaN for an empty array). */
  public double min() {
    double m = Double.NaN;
    for (int i = 0; i < size; i++) {
      double v = getFlatDouble(i);
      if (!(v >= m)) {
        m = Double.isNaN(m) || v < m ? v : m;
      }
    }
    return m;
  }

  /** Returns the largest element as a double (NaN for an empty array). */
  public double max() {
    double m = Double.NaN;
    for (int i = 0; i < size; i++) {
      double v = getFlatDouble(i);
      if (Double.isNaN(m) || v > m) {
        m = v;
      }
    }
    return m;
  }

  /** Returns the mean of the elements (NaN for an empty array). */
  public double mean() {
    double s = 0;
    for (int i = 0; i < size; i++) {
      s += getFlatDouble(i);
    }
    return size == 0 ? Double.NaN : s / size;
  }

  /** Compares type, shape and elements. */
  @Override
  public boolean equals(Object o) {
    if (!(o instanceof NdArray)) {
      return false;
    }
    NdArray a = (NdArray) o;
    if (a.dtype != dtype || !Arrays.equals(a.shape, shape)) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (dtype.isFloatingPoint()
          ? Double.compare(getFlatDouble(i), a.getFlatDouble(i)) != 0
          : getFlatLong(i) != a.getFlatLong(i)) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    return 31 * dtype.hashCode() + Arrays.hashCode(shape);
  }

  @Override
  public String toString() {
    return "NdArray[" + dtype.numpyName() + ", shape=" + Arrays.toString(shape) + "]";
  }
}
