package org.highdicom4j;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

/**
 * Pixel transform building blocks (PS3.3 C.11): lookup-table application and VOI windowing;
 * highdicom's {@code highdicom.pixels} module ({@code apply_lut}, {@code apply_voi_window}).
 *
 * <p>Stateless and thread-safe.
 */
public final class Pixels {
  private Pixels() {}

  /**
   * Applies a lookup table to an integer array; highdicom's {@code apply_lut}.
   *
   * <p>A value {@code v} maps to {@code lutData[v - firstMappedValue]}. With {@code clip}, values
   * below the first or above the last mapped value take the first or last entry (PS3.3 C.11.1.1.1);
   * without, they are an error.
   *
   * @param array integer array of any shape
   * @param lutData the table: entries along axis 0, optionally more axes (e.g. (n, 3) for RGB)
   * @param firstMappedValue the input value mapped to entry 0
   * @param dtype output type, or null for the type of {@code lutData}; the table must convert to it
   *     safely (as numpy's "safe" casting)
   * @param clip clip out-of-range values instead of failing
   * @return a new array of shape {@code array.shape + lutData.shape[1:]}
   * @throws IllegalArgumentException when {@code array} is not integer, the cast is not safe, or a
   *     value is outside the table without {@code clip}
   */
  public static NdArray applyLut(
      NdArray array, NdArray lutData, long firstMappedValue, DType dtype, boolean clip) {
    Objects.requireNonNull(array, "array");
    Objects.requireNonNull(lutData, "lutData");
    if (array.dtype().isFloatingPoint()) {
      throw new IllegalArgumentException(
          "Array must have an integer datatype (expected an integer dtype): "
              + array.dtype().numpyName());
    }
    if (lutData.ndim() < 1 || lutData.shape(0) == 0) {
      throw new IllegalArgumentException("LUT data must have at least one entry: " + lutData);
    }
    DType out = dtype == null ? lutData.dtype() : dtype;
    checkSafeCast(lutData.dtype(), out);
    int n = lutData.shape(0);
    int inner = lutData.size() / n;
    long last = firstMappedValue + n - 1;
    int[] inShape = array.shape();
    int[] lutShape = lutData.shape();
    int[] shape = Arrays.copyOf(inShape, inShape.length + lutShape.length - 1);
    System.arraycopy(lutShape, 1, shape, inShape.length, lutShape.length - 1);
    NdArray result = NdArray.zeros(out, shape);
    double[] table = new double[lutData.size()];
    for (int i = 0; i < table.length; i++) {
      table[i] = lutData.getFlatDouble(i);
    }
    int size = array.size();
    for (int i = 0; i < size; i++) {
      long v = array.getFlatLong(i);
      if (v < firstMappedValue || v > last) {
        if (!clip) {
          throw new IllegalArgumentException(
              "Array contains values outside the range of the LUT (expected "
                  + firstMappedValue
                  + ".."
                  + last
                  + "): "
                  + v);
        }
        v = v < firstMappedValue ? firstMappedValue : last;
      }
      int base = (int) (v - firstMappedValue) * inner;
      for (int k = 0; k < inner; k++) {
        result.setFlatDouble(i * inner + k, table[base + k]);
      }
    }
    return result;
  }

  /**
   * Applies a VOI window (PS3.3 C.11.2.1.2 and C.11.2.1.3); highdicom's {@code apply_voi_window}.
   *
   * <p>LINEAR: {@code y = ((x − (c − 0.5)) / (w − 1) + 0.5) × (ymax − ymin) + ymin}, clipped to the
   * output range (for {@code w = 1} a threshold at {@code c − 0.5}). LINEAR_EXACT: {@code y = ((x −
   * c) / w + 0.5) × (ymax − ymin) + ymin}, clipped. SIGMOID: {@code y = (ymax − ymin) / (1 + exp(−4
   * (x − c) / w)) + ymin}. With {@code invert} the output is mirrored within the range, as a
   * Presentation LUT Shape of INVERSE would.
   *
   * @param array input values (any dtype)
   * @param windowCenter Window Center (0028,1050)
   * @param windowWidth Window Width (0028,1051): at least 1 for LINEAR, above 0 otherwise
   * @param function VOI LUT Function (0028,1056); null means LINEAR
   * @param outputMin lower end of the output range
   * @param outputMax upper end of the output range, above {@code outputMin}
   * @param dtype FLOAT32 or FLOAT64 (null means FLOAT64)
   * @param invert mirror the output within the range
   * @return a new array of the same shape
   * @throws IllegalArgumentException for a non-floating dtype, an empty output range or a width the
   *     function does not allow
   */
  public static NdArray applyVoiWindow(
      NdArray array,
      double windowCenter,
      double windowWidth,
      VOILUTFunctionValues function,
      double outputMin,
      double outputMax,
      DType dtype,
      boolean invert) {
    Objects.requireNonNull(array, "array");
    VOILUTFunctionValues f = function == null ? VOILUTFunctionValues.LINEAR : function;
    DType out = dtype == null ? DType.FLOAT64 : dtype;
    if (!(outputMin < outputMax)) {
      throw new IllegalArgumentException(
          "Second value of 'output_range' must be higher than the first (expected min < max): "
              + outputMin
              + ", "
              + outputMax);
    }
    if (!out.isFloatingPoint()) {
      throw new IllegalArgumentException(
          "dtype must be a floating point data type (expected float32 or float64): "
              + out.numpyName());
    }
    checkWindowWidth(windowWidth, f);
    NdArray result = NdArray.zeros(out, array.shape());
    int size = array.size();
    for (int i = 0; i < size; i++) {
      result.setFlatDouble(
          i,
          window(
              array.getFlatDouble(i), windowCenter, windowWidth, f, outputMin, outputMax, invert));
    }
    return result;
  }

  static void checkWindowWidth(double width, VOILUTFunctionValues f) {
    if (f == VOILUTFunctionValues.LINEAR ? !(width >= 1) : !(width > 0)) {
      throw new IllegalArgumentException(
          "WindowWidth (0028,1051) is out of range for "
              + f.value()
              + " (expected "
              + (f == VOILUTFunctionValues.LINEAR ? "≥ 1" : "> 0")
              + "): "
              + width);
    }
  }

  /** One value through the window function; PS3.3 C.11.2.1.2/3. */
  static double window(
      double x,
      double c,
      double w,
      VOILUTFunctionValues f,
      double ymin,
      double ymax,
      boolean invert) {
    double range = ymax - ymin;
    double t; // position within the window, 0..1 before clipping
    switch (f) {
      case SIGMOID:
        t = 1.0 / (1.0 + Math.exp(-4.0 * (x - c) / w));
        break;
      case LINEAR_EXACT:
        t = (x - c) / w + 0.5;
        break;
      default:
        if (w == 1) {
          t = x <= c - 0.5 ? 0 : 1;
        } else {
          t = (x - (c - 0.5)) / (w - 1) + 0.5;
        }
        break;
    }
    if (f != VOILUTFunctionValues.SIGMOID) {
      t = Math.max(0, Math.min(1, t));
    }
    return invert ? ymax - t * range : ymin + t * range;
  }

  /**
   * Whether numpy's "safe" casting allows converting values of one type to another without loss
   * (e.g. uint16 to int32 or float32, but not to int16).
   *
   * @param from source type
   * @param to target type
   * @return whether every value of {@code from} is exactly representable in {@code to}
   */
  public static boolean canCastSafely(DType from, DType to) {
    if (from == to || from == DType.BOOL) {
      return true;
    }
    if (to == DType.BOOL) {
      return false;
    }
    if (to == DType.FLOAT64) {
      return true;
    }
    if (to == DType.FLOAT32) {
      return from.size() <= 2;
    }
    if (from.isFloatingPoint()) {
      return false;
    }
    if (from.isSigned() && !to.isSigned()) {
      return false;
    }
    return from.isSigned() == to.isSigned() ? to.size() >= from.size() : to.size() > from.size();
  }

  static void checkSafeCast(DType from, DType to) {
    if (!canCastSafely(from, to)) {
      throw new IllegalArgumentException(
          "Cannot cast array data from dtype('"
              + from.numpyName()
              + "') to dtype('"
              + to.numpyName()
              + "') according to the rule 'safe'");
    }
  }

  /**
   * Checks that a rescale (slope and intercept) fits an output type, with highdicom's messages.
   *
   * @param input type of the input values
   * @param output requested output type
   * @param intercept the intercept
   * @param slope the slope
   * @param inputRange known {min, max} of the input, or null for the input type's range
   */
  static void checkRescaleDtype(
      DType input, DType output, double intercept, double slope, double[] inputRange) {
    if (output == DType.BOOL) {
      throw new IllegalArgumentException("Data type \"bool\" is not suitable.");
    }
    if (output.isFloatingPoint()) {
      return;
    }
    if (slope != Math.rint(slope) || intercept != Math.rint(intercept)) {
      throw new IllegalArgumentException(
          "An integer data type cannot be used if the slope or intercept is a non-integer value.");
    }
    if (input.isFloatingPoint()) {
      throw new IllegalArgumentException(
          "An integer data type cannot be used if the input array is floating point.");
    }
    if (!output.isSigned() && intercept < 0) {
      throw new IllegalArgumentException(
          "An unsigned integer data type cannot be used if the intercept is negative.");
    }
    double inMin = inputRange != null ? inputRange[0] : input.min();
    double inMax = inputRange != null ? inputRange[1] : input.max();
    double a = inMin * slope + intercept;
    double b = inMax * slope + intercept;
    if (Math.max(a, b) > output.max() || Math.min(a, b) < output.min()) {
      throw new IllegalArgumentException(
          String.format(
              Locale.ROOT,
              "Datatype %s does not have capacity for values with slope %.2f and intercept %.2f.",
              output.numpyName(),
              slope,
              intercept));
    }
  }
}
