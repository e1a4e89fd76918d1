package org.highdicom4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.data.VR;
import org.highdicom4j.dicom.dict.Tag;

/**
 * The VOI LUT transformation (PS3.3 C.11.2): one or more windows — Window Center (0028,1050),
 * Window Width (0028,1051), Window Center &amp; Width Explanation (0028,1055), VOI LUT Function
 * (0028,1056) — and/or VOI LUT Sequence (0028,3010) tables; highdicom's {@code
 * VOILUTTransformation}. Immutable.
 */
public final class VOILUTTransformation {
  private final double[] windowCenter;
  private final double[] windowWidth;
  private final String[] windowExplanation;
  private final VOILUTFunctionValues voiLutFunction;
  private final List<VOILUT> voiLuts;

  /**
   * Creates a transformation with highdicom's checks: windows need centres and widths of the same
   * length (explanations too), a function only with windows, and at least windows or tables.
   *
   * @param windowCenter Window Center (0028,1050) values, or null
   * @param windowWidth Window Width (0028,1051) values, or null
   * @param windowExplanation Window Center &amp; Width Explanation (0028,1055) values, or null
   * @param voiLutFunction VOI LUT Function (0028,1056), or null
   * @param voiLuts items of VOI LUT Sequence (0028,3010), or null
   * @throws IllegalArgumentException when the combination is invalid
   */
  public VOILUTTransformation(
      double[] windowCenter,
      double[] windowWidth,
      String[] windowExplanation,
      VOILUTFunctionValues voiLutFunction,
      List<VOILUT> voiLuts) {
    if (windowCenter != null) {
      if (windowWidth == null) {
        throw new IllegalArgumentException(
            "Providing \"window_center\" is invalid if \"window_width\" is not provided.");
      }
      if (windowCenter.length == 0) {
        throw new IllegalArgumentException(
            "Argument \"window_center\" must not be an empty sequence.");
      }
    }
    if (windowWidth != null) {
      if (windowCenter == null) {
        throw new IllegalArgumentException(
            "Providing \"window_width\" is invalid if \"window_center\" is not provided.");
      }
      if (windowWidth.length != windowCenter.length) {
        throw new IllegalArgumentException(
            "Length of \"window_width\" must match length of \"window_center\" (expected "
                + windowCenter.length
                + "): "
                + windowWidth.length);
      }
      for (double w : windowWidth) {
        if (!(w > 0) || !Double.isFinite(w)) {
          throw new IllegalArgumentException(
              "WindowWidth (0028,1051) must be positive (expected > 0): " + w);
        }
      }
    }
    if (windowExplanation != null) {
      if (windowCenter == null) {
        throw new IllegalArgumentException(
            "Providing \"window_explanation\" is invalid if \"window_center\" is not provided.");
      }
      if (windowExplanation.length != windowCenter.length) {
        throw new IllegalArgumentException(
            "Length of \"window_explanation\" must match length of \"window_center\" (expected "
                + windowCenter.length
                + "): "
                + windowExplanation.length);
      }
      for (String e : windowExplanation) {
        LutAttributes.checkLongString(
            Objects.requireNonNull(e, "windowExplanation element"),
            "WindowCenterWidthExplanation (0028,1055)");
      }
    }
    if (voiLutFunction != null && windowCenter == null) {
      throw new IllegalArgumentException(
          "Providing \"voi_lut_function\" is invalid if \"window_center\" is not provided.");
    }
    if (voiLuts != null) {
      if (voiLuts.isEmpty()) {
        throw new IllegalArgumentException("Argument \"voi_luts\" should not be empty.");
      }
      for (VOILUT l : voiLuts) {
        Objects.requireNonNull(l, "voiLuts element");
      }
    } else if (windowCenter == null) {
      throw new IllegalArgumentException(
          "At least one of \"window_center\" or \"luts\" should be provided.");
    }
    this.windowCenter = windowCenter == null ? null : windowCenter.clone();
    this.windowWidth = windowWidth == null ? null : windowWidth.clone();
    this.windowExplanation = windowExplanation == null ? null : windowExplanation.clone();
    this.voiLutFunction = voiLutFunction;
    this.voiLuts = voiLuts == null ? null : List.copyOf(voiLuts);
  }

  /**
   * Creates a single window.
   *
   * @param windowCenter Window Center (0028,1050)
   * @param windowWidth Window Width (0028,1051)
   * @param voiLutFunction VOI LUT Function (0028,1056), or null (LINEAR)
   * @return the transformation
   */
  public static VOILUTTransformation ofWindow(
      double windowCenter, double windowWidth, VOILUTFunctionValues voiLutFunction) {
    return new VOILUTTransformation(
        new double[] {windowCenter}, new double[] {windowWidth}, null, voiLutFunction, null);
  }

  /**
   * Reads the transformation from an image (top level) or an item of Frame VOI LUT Sequence
   * (0028,9132).
   *
   * @param dataset the data set
   * @return the transformation, or null when it holds neither a window nor a VOI LUT
   */
  public static VOILUTTransformation fromDataset(DicomDataset dataset) {
    return fromDataset(dataset, false);
  }

  static VOILUTTransformation fromDataset(DicomDataset dataset, boolean signedInput) {
    Objects.requireNonNull(dataset, "dataset");
    double[] c = dataset.hasValue(Tag.WindowCenter) ? dataset.getDoubles(Tag.WindowCenter) : null;
    double[] w = dataset.hasValue(Tag.WindowWidth) ? dataset.getDoubles(Tag.WindowWidth) : null;
    if (c != null && w != null && c.length != w.length) {
      // tolerant on read: pair what can be paired
      int n = Math.min(c.length, w.length);
      c = Arrays.copyOf(c, n);
      w = Arrays.copyOf(w, n);
    }
    if (c == null || w == null) {
      c = null;
      w = null;
    }
    String[] e = null;
    if (c != null && dataset.hasValue(Tag.WindowCenterWidthExplanation)) {
      e = Arrays.copyOf(dataset.getStrings(Tag.WindowCenterWidthExplanation), c.length);
      for (int i = 0; i < e.length; i++) {
        e[i] = e[i] == null ? "" : e[i];
      }
    }
    VOILUTFunctionValues f = null;
    if (c != null && dataset.hasValue(Tag.VOILUTFunction)) {
      f = VOILUTFunctionValues.fromValue(dataset.getString(Tag.VOILUTFunction));
    }
    List<VOILUT> luts = null;
    Sequence seq = dataset.getSequence(Tag.VOILUTSequence);
    if (seq != null && !seq.isEmpty()) {
      luts = new ArrayList<>();
      for (DicomDataset item : seq) {
        luts.add(VOILUT.fromDataset(item, signedInput));
      }
    }
    if (c == null && luts == null) {
      return null;
    }
    return new VOILUTTransformation(c, w, e, f, luts);
  }

  /** Returns whether VOI LUT Sequence tables are present. */
  public boolean hasLut() {
    return voiLuts != null;
  }

  /** Returns whether window parameters are present. */
  public boolean hasWindow() {
    return windowCenter != null;
  }

  /** Returns a copy of the Window Center (0028,1050) values, or null. */
  public double[] windowCenter() {
    return windowCenter == null ? null : windowCenter.clone();
  }

  /** Returns a copy of the Window Width (0028,1051) values, or null. */
  public double[] windowWidth() {
    return windowWidth == null ? null : windowWidth.clone();
  }

  /** Returns a copy of the Window Center &amp; Width Explanation (0028,1055) values, or null. */
  public String[] windowExplanation() {
    return windowExplanation == null ? null : windowExplanation.clone();
  }

  /** Returns VOI LUT Function (0028,1056), or null when absent (LINEAR applies). */
  public VOILUTFunctionValues voiLutFunction() {
    return voiLutFunction;
  }

  /** Returns the VOI LUT Sequence (0028,3010) tables, or null. */
  public List<VOILUT> voiLuts() {
    return voiLuts;
  }

  /**
   * Selects a window by index (negative counts from the end).
   *
   * @return {center, width}, or null when there is no such window
   */
  double[] selectWindow(int selector) {
    if (windowCenter == null) {
      return null;
    }
    int i = pyIndex(selector, windowCenter.length);
    return i < 0 ? null : new double[] {windowCenter[i], windowWidth[i]};
  }

  /** Selects a window by its explanation, or null. */
  double[] selectWindow(String explanation) {
    if (windowExplanation == null) {
      return null;
    }
    int i = Arrays.asList(windowExplanation).indexOf(explanation);
    return i < 0 ? null : new double[] {windowCenter[i], windowWidth[i]};
  }

  /** Selects a table by index (negative counts from the end), or null. */
  VOILUT selectLut(int selector) {
    if (voiLuts == null) {
      return null;
    }
    int i = pyIndex(selector, voiLuts.size());
    return i < 0 ? null : voiLuts.get(i);
  }

  /** Selects a table by its LUT Explanation, or null. */
  VOILUT selectLut(String explanation) {
    if (voiLuts == null) {
      return null;
    }
    for (VOILUT l : voiLuts) {
      if (explanation.equals(l.lutExplanation())) {
        return l;
      }
    }
    return null;
  }

  static int pyIndex(int selector, int n) {
    int i = selector < 0 ? n + selector : selector;
    return i >= 0 && i < n ? i : -1;
  }

  /**
   * Applies the first window (or the only table) with output range (0, 1) as FLOAT64.
   *
   * @param array the values
   * @return the windowed values
   */
  public NdArray apply(NdArray array) {
    return apply(array, 0.0, 1.0, 0, DType.FLOAT64, false, false);
  }

  /**
   * Applies the transformation; highdicom's {@code VOILUTTransformation.apply}. The window is used
   * unless there is none or {@code preferLut} is set and a table exists.
   *
   * @param array the values (integer when a table is applied)
   * @param outputMin lower end of the output range
   * @param outputMax upper end of the output range
   * @param voiTransformSelector index of the window or table, negative from the end
   * @param dtype FLOAT32 or FLOAT64 (null: FLOAT64)
   * @param invert mirror the output within the range
   * @param preferLut use the table when both are present
   * @return a new array
   * @throws IllegalArgumentException when the selector matches nothing ("Requested
   *     'voi_transform_selector' is not present.") or the dtype is not floating point
   */
  public NdArray apply(
      NdArray array,
      double outputMin,
      double outputMax,
      int voiTransformSelector,
      DType dtype,
      boolean invert,
      boolean preferLut) {
    boolean useLut = !hasWindow() || (hasLut() && preferLut);
    return applySelected(
        array,
        outputMin,
        outputMax,
        useLut ? selectLut(voiTransformSelector) : null,
        useLut ? null : selectWindow(voiTransformSelector),
        dtype,
        invert);
  }

  /**
   * Applies the window or table whose explanation matches; see {@link #apply(NdArray, double,
   * double, int, DType, boolean, boolean)}.
   *
   * @param array the values
   * @param outputMin lower end of the output range
   * @param outputMax upper end of the output range
   * @param voiTransformSelector Window Center &amp; Width Explanation or LUT Explanation to match
   * @param dtype FLOAT32 or FLOAT64 (null: FLOAT64)
   * @param invert mirror the output within the range
   * @param preferLut use the table when both are present
   * @return a new array
   */
  public NdArray apply(
      NdArray array,
      double outputMin,
      double outputMax,
      String voiTransformSelector,
      DType dtype,
      boolean invert,
      boolean preferLut) {
    Objects.requireNonNull(voiTransformSelector, "voiTransformSelector");
    boolean useLut = !hasWindow() || (hasLut() && preferLut);
    return applySelected(
        array,
        outputMin,
        outputMax,
        useLut ? selectLut(voiTransformSelector) : null,
        useLut ? null : selectWindow(voiTransformSelector),
        dtype,
        invert);
  }

  private NdArray applySelected(
      NdArray array,
      double outputMin,
      double outputMax,
      VOILUT lut,
      double[] window,
      DType dtype,
      boolean invert) {
    Objects.requireNonNull(array, "array");
    DType out = dtype == null ? DType.FLOAT64 : dtype;
    if (!out.isFloatingPoint()) {
      throw new IllegalArgumentException(
          "Data type \"" + out.numpyName() + "\" is not suitable (expected float32 or float64).");
    }
    if (lut == null && window == null) {
      throw new IllegalArgumentException("Requested 'voi_transform_selector' is not present.");
    }
    if (lut != null) {
      NdArray scaled = lut.getScaledLutData(outputMin, outputMax, out, invert);
      return Pixels.applyLut(array, scaled, lut.firstMappedValue(), null, true);
    }
    return Pixels.applyVoiWindow(
        array, window[0], window[1], voiLutFunction, outputMin, outputMax, out, invert);
  }

  /**
   * Returns the attributes as a new data set (an item of Frame VOI LUT Sequence, or a set to merge
   * into an image).
   *
   * @return a new, modifiable data set
   */
  public DicomDataset toDataset() {
    DicomDataset ds = new DicomDataset();
    if (windowCenter != null) {
      ds.setDouble(Tag.WindowCenter, VR.DS, windowCenter);
      ds.setDouble(Tag.WindowWidth, VR.DS, windowWidth);
      if (windowExplanation != null) {
        ds.setString(Tag.WindowCenterWidthExplanation, VR.LO, windowExplanation);
      }
      if (voiLutFunction != null) {
        ds.setString(Tag.VOILUTFunction, VR.CS, voiLutFunction.value());
      }
    }
    if (voiLuts != null) {
      Sequence seq = ds.newSequence(Tag.VOILUTSequence);
      for (VOILUT l : voiLuts) {
        seq.add(l.toDataset());
      }
    }
    return ds;
  }
}
