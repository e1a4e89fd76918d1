package org.highdicom4j;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.highdicom4j.color.ColorManager;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.dict.Tag;

/**
 * The pixel transform pipeline of one frame (PS3.3 C.11 and C.7.6.3): real-world value mapping, or
 * modality → VOI → presentation (monochrome), palette colour LUT and ICC profile (colour), merged
 * into as few per-pixel steps as possible; highdicom's {@code _CombinedPixelTransform}.
 * Package-private; immutable once built.
 */
final class CombinedPixelTransform {
  enum ColorType {
    MONOCHROME,
    COLOR,
    PALETTE_COLOR
  }

  private final ColorType colorType;
  private final DType output;
  private final DType input;
  private boolean appliesToAllFrames = true;
  private double[] rangeCheck;
  private NdArray lut;
  private long lutFirst;
  private boolean clip = true;
  private double[] slopeIntercept;
  // window applied after an optional rescale (not folded, so the PS3.3 formula holds exactly)
  private double[] window;
  private double[] preWindowRescale;
  private VOILUTFunctionValues windowFunction = VOILUTFunctionValues.LINEAR;
  private NdArray voiLutAfterRescale;
  private long voiLutFirst;
  private boolean invert;
  private final double outMin;
  private final double outMax;
  private ColorManager colorManager;

  static ColorType colorType(String photometric) {
    switch (photometric) {
      case "MONOCHROME1":
      case "MONOCHROME2":
        return ColorType.MONOCHROME;
      case "PALETTE COLOR":
        return ColorType.PALETTE_COLOR;
      default:
        return ColorType.COLOR;
    }
  }

  /**
   * Builds the transform of one frame.
   *
   * @param image the image data set
   * @param frameIndex 0-based frame index (selects the per-frame functional group)
   * @param o the options
   * @param input stored value type
   * @param inputRange {min, max} of the stored values (from BitsStored), null for floats
   */
  CombinedPixelTransform(
      DicomDataset image,
      int frameIndex,
      PixelTransformOptions o,
      DType input,
      double[] inputRange) {
    this.colorType = colorType(image.getString(Tag.PhotometricInterpretation, "MONOCHROME2"));
    this.output = o.dtype();
    this.input = input;
    this.outMin = o.voiOutputMin();
    this.outMax = o.voiOutputMax();
    Boolean rw = o.applyRealWorldTransform();
    boolean useRwvm = rw == null || rw;
    boolean requireRwvm = Boolean.TRUE.equals(rw);
    Boolean mod = o.applyModalityTransform();
    boolean useModality = mod == null || mod;
    boolean requireModality = Boolean.TRUE.equals(mod);
    Boolean voi = o.applyVoiTransform();
    boolean useVoi = voi == null || voi;
    boolean requireVoi = Boolean.TRUE.equals(voi);
    if (requireRwvm) {
      useModality = false;
    }
    if (requireModality) {
      useRwvm = false;
    }
    if (requireRwvm && colorType != ColorType.MONOCHROME) {
      throw new IllegalArgumentException(
          "Real-world value map is required but the image is not a monochrome image.");
    }
    if (requireModality && colorType != ColorType.MONOCHROME) {
      throw new IllegalArgumentException(
          "Modality transform is required but the image is not a monochrome image.");
    }
    if (requireVoi && colorType != ColorType.MONOCHROME) {
      throw new IllegalArgumentException(
          "VOI transform is required but the image is not a monochrome image.");
    }
    Boolean pal = o.applyPaletteColorLut();
    boolean usePalette = pal == null || pal;
    if (Boolean.TRUE.equals(pal) && colorType != ColorType.PALETTE_COLOR) {
      throw new IllegalArgumentException(
          "Palette color transform is required but the image is not a palette color image.");
    }
    Boolean icc = o.applyIccProfile();
    boolean useIcc = icc == null || icc;
    boolean requireIcc = Boolean.TRUE.equals(icc);
    if (requireIcc && colorType == ColorType.MONOCHROME) {
      throw new IllegalArgumentException(
          "ICC profile is required but the image is not a color or palette color image.");
    }

    if (colorType == ColorType.PALETTE_COLOR && usePalette) {
      PaletteColorLUTTransformation p = PaletteColorLUTTransformation.extractFromDataset(image);
      lut = p.combinedLutData();
      lutFirst = p.firstMappedValue();
    } else if (colorType == ColorType.MONOCHROME) {
      monochrome(
          image,
          frameIndex,
          o,
          inputRange,
          useRwvm,
          requireRwvm,
          useModality,
          requireModality,
          useVoi,
          requireVoi);
    }

    if (useIcc && colorType != ColorType.MONOCHROME) {
      colorManager = findColorManager(image, frameIndex);
    }
    if (requireIcc && colorManager == null) {
      throw new IllegalArgumentException("An ICC profile is required but not found in the image.");
    }
    if (lut != null) {
      if (colorManager == null && lut.dtype() != output) {
        Pixels.checkSafeCast(lut.dtype(), output);
        lut = lut.astype(output);
      }
      if (input.isFloatingPoint()) {
        throw new IllegalArgumentException("Images with floating point data may not contain LUTs.");
      }
    }
    if (slopeIntercept != null && slopeIntercept[0] == 1.0 && slopeIntercept[1] == 0.0) {
      slopeIntercept = null;
    }
    if (slopeIntercept != null) {
      Pixels.checkRescaleDtype(input, output, slopeIntercept[1], slopeIntercept[0], inputRange);
    }
    if ((window != null || voiLutAfterRescale != null) && !output.isFloatingPoint()) {
      throw new IllegalArgumentException("The VOI transform requires a floating point data type.");
    }
  }

  private void monochrome(
      DicomDataset image,
      int frameIndex,
      PixelTransformOptions o,
      double[] inputRange,
      boolean useRwvm,
      boolean requireRwvm,
      boolean useModality,
      boolean requireModality,
      boolean useVoi,
      boolean requireVoi) {
    List<DicomDataset> datasets = new ArrayList<>();
    List<Boolean> shared = new ArrayList<>();
    datasets.add(image);
    shared.add(true);
    DicomDataset sfg = image.getItem(Tag.SharedFunctionalGroupsSequence);
    if (sfg != null) {
      datasets.add(sfg);
      shared.add(true);
    }
    Sequence pffg = image.getSequence(Tag.PerFrameFunctionalGroupsSequence);
    if (pffg != null && frameIndex < pffg.size()) {
      datasets.add(pffg.get(frameIndex));
      shared.add(false);
    }
    boolean signed = image.getInt(Tag.PixelRepresentation, 0) == 1;

    if (o.applyPresentationLut()) {
      if (image.hasValue(Tag.PresentationLUTShape)) {
        invert = "INVERSE".equals(image.getString(Tag.PresentationLUTShape));
      } else {
        invert = "MONOCHROME1".equals(image.getString(Tag.PhotometricInterpretation));
      }
    }

    boolean hasRwvm = false;
    if (useRwvm) {
      for (int k = 0; k < datasets.size() && !hasRwvm; k++) {
        Sequence seq = datasets.get(k).getSequence(Tag.RealWorldValueMappingSequence);
        if (seq == null || seq.isEmpty()) {
          continue;
        }
        DicomDataset item = selectRwvm(seq, o);
        if (item == null) {
          throw new IllegalArgumentException(
              "Requested 'real_world_value_map_selector' is not present.");
        }
        if (item.contains(Tag.RealWorldValueLUTData)) {
          double[] values = item.getDoubles(Tag.RealWorldValueLUTData);
          lut = NdArray.wrap(values, values.length);
          lutFirst = item.getLong(Tag.RealWorldValueFirstValueMapped, 0);
          clip = false;
        } else {
          slopeIntercept =
              new double[] {
                item.getDouble(Tag.RealWorldValueSlope, 1.0),
                item.getDouble(Tag.RealWorldValueIntercept, 0.0)
              };
          if (item.hasValue(Tag.DoubleFloatRealWorldValueFirstValueMapped)) {
            rangeCheck =
                new double[] {
                  item.getDouble(Tag.DoubleFloatRealWorldValueFirstValueMapped, 0),
                  item.getDouble(Tag.DoubleFloatRealWorldValueLastValueMapped, 0)
                };
          } else if (item.hasValue(Tag.RealWorldValueFirstValueMapped)) {
            rangeCheck =
                new double[] {
                  item.getDouble(Tag.RealWorldValueFirstValueMapped, 0),
                  item.getDouble(Tag.RealWorldValueLastValueMapped, 0)
                };
          }
        }
        appliesToAllFrames &= shared.get(k);
        hasRwvm = true;
      }
    }
    if (requireRwvm && !hasRwvm) {
      throw new IllegalArgumentException(
          "A real-world value map is required but not found in the image.");
    }

    ModalityLUT modalityLut = null;
    double[] rescale = null;
    if (!hasRwvm && useModality) {
      DicomDataset mItem = image.getItem(Tag.ModalityLUTSequence);
      if (mItem != null) {
        modalityLut = ModalityLUT.fromDataset(mItem, signed);
      } else {
        for (int k = 0; k < datasets.size(); k++) {
          DicomDataset ds = datasets.get(k);
          DicomDataset sub = ds.getItem(Tag.PixelValueTransformationSequence);
          if (sub == null) {
            sub = ds;
          }
          if (sub.hasValue(Tag.RescaleSlope) || sub.hasValue(Tag.RescaleIntercept)) {
            rescale =
                new double[] {
                  sub.hasValue(Tag.RescaleSlope) ? sub.getDouble(Tag.RescaleSlope, 1) : 1.0,
                  sub.hasValue(Tag.RescaleIntercept) ? sub.getDouble(Tag.RescaleIntercept, 0) : 0.0
                };
            appliesToAllFrames &= shared.get(k);
            break;
          }
        }
      }
    }
    if (requireModality && modalityLut == null && rescale == null) {
      throw new IllegalArgumentException(
          "A modality LUT transform is required but not found in the image.");
    }

    VOILUT voiLut = null;
    double[] centerWidth = null;
    if (!hasRwvm && useVoi) {
      VOILUTTransformation user = o.voiTransformation();
      if (user != null) {
        if (user.hasLut()) {
          if (user.voiLuts().size() > 1) {
            throw new IllegalArgumentException(
                "If providing a VOILUTTransformation as the 'voi_transform_selector', it must"
                    + " contain a single transform.");
          }
          voiLut = user.voiLuts().get(0);
        } else {
          if (user.windowCenter().length > 1) {
            throw new IllegalArgumentException(
                "If providing a VOILUTTransformation as the 'voi_transform_selector', it must"
                    + " contain a single transform.");
          }
          centerWidth = user.selectWindow(0);
          if (user.voiLutFunction() != null) {
            windowFunction = user.voiLutFunction();
          }
        }
      } else if (image.getSequence(Tag.VOILUTSequence) != null
          && !image.getSequence(Tag.VOILUTSequence).isEmpty()) {
        VOILUTTransformation t = VOILUTTransformation.fromDataset(image, signed);
        voiLut =
            o.voiTransformLabel() != null
                ? t.selectLut(o.voiTransformLabel())
                : t.selectLut(o.voiTransformIndex());
        if (voiLut == null) {
          throw new IllegalArgumentException("Requested 'voi_transform_selector' is not present.");
        }
      } else {
        for (int k = 0; k < datasets.size(); k++) {
          DicomDataset ds = datasets.get(k);
          DicomDataset sub = ds.getItem(Tag.FrameVOILUTSequence);
          if (sub == null) {
            sub = ds;
          }
          if (sub.hasValue(Tag.WindowCenter) || sub.hasValue(Tag.WindowWidth)) {
            VOILUTTransformation t = VOILUTTransformation.fromDataset(sub, signed);
            if (t != null && t.voiLutFunction() != null) {
              windowFunction = t.voiLutFunction();
            }
            if (t != null) {
              centerWidth =
                  o.voiTransformLabel() != null
                      ? t.selectWindow(o.voiTransformLabel())
                      : t.selectWindow(o.voiTransformIndex());
            }
            if (centerWidth == null) {
              throw new IllegalArgumentException(
                  "Requested 'voi_transform_selector' is not present.");
            }
            appliesToAllFrames &= shared.get(k);
            break;
          }
        }
      }
    }
    if (requireVoi && centerWidth == null && voiLut == null) {
      throw new IllegalArgumentException(
          hasRwvm
              ? "A VOI transform is required but is superseded by a real world value transform."
              : "A VOI transform is required but not found in the image.");
    }
    if (centerWidth != null) {
      Pixels.checkWindowWidth(centerWidth[1], windowFunction);
    }
    if (hasRwvm) {
      return;
    }

    if (modalityLut != null) {
      NdArray mData = modalityLut.lutDataView();
      lutFirst = modalityLut.firstMappedValue();
      if (centerWidth != null) {
        lut = windowed(mData, centerWidth, o.dtype());
      } else if (voiLut != null) {
        requireFloat();
        NdArray scaled = voiLut.getScaledLutData(outMin, outMax, o.dtype(), invert);
        lut = Pixels.applyLut(mData, scaled, voiLut.firstMappedValue(), null, true);
      } else {
        lut = invert ? modalityLut.getInvertedLutData() : mData;
      }
      return;
    }
    double slope = rescale != null ? rescale[0] : 1.0;
    double intercept = rescale != null ? rescale[1] : 0.0;
    if (centerWidth != null) {
      window = centerWidth;
      if (slope != 1.0 || intercept != 0.0) {
        preWindowRescale = new double[] {slope, intercept};
      }
    } else if (voiLut != null) {
      if (slope != Math.rint(slope) || intercept != Math.rint(intercept)) {
        throw new IllegalArgumentException(
            "Cannot apply a VOI LUT when rescale intercept or slope have non-integer values.");
      }
      requireFloat();
      voiLutAfterRescale = voiLut.getScaledLutData(outMin, outMax, o.dtype(), invert);
      voiLutFirst = voiLut.firstMappedValue();
      if (slope != 1.0 || intercept != 0.0) {
        preWindowRescale = new double[] {slope, intercept};
      }
    } else if (invert) {
      // mirror within the rescaled range of the stored values
      double b =
          inputRange == null ? -intercept : slope * (inputRange[0] + inputRange[1]) + intercept;
      slopeIntercept = new double[] {-slope, b};
    } else if (rescale != null) {
      slopeIntercept = rescale;
    }
  }

  private void requireFloat() {
    if (!output.isFloatingPoint()) {
      throw new IllegalArgumentException("The VOI transform requires a floating point data type.");
    }
  }

  private NdArray windowed(NdArray values, double[] cw, DType dtype) {
    requireFloat();
    return Pixels.applyVoiWindow(
        values, cw[0], cw[1], windowFunction, outMin, outMax, dtype, invert);
  }

  private static DicomDataset selectRwvm(Sequence seq, PixelTransformOptions o) {
    if (o.realWorldValueMapLabel() != null) {
      for (DicomDataset item : seq) {
        if (o.realWorldValueMapLabel().equals(item.getString(Tag.LUTLabel))) {
          return item;
        }
      }
      return null;
    }
    String[] units = o.realWorldValueMapUnits();
    if (units != null) {
      for (DicomDataset item : seq) {
        DicomDataset code = item.getItem(Tag.MeasurementUnitsCodeSequence);
        if (code != null
            && units[0].equals(code.getString(Tag.CodeValue))
            && units[1].equals(code.getString(Tag.CodingSchemeDesignator))) {
          return item;
        }
      }
      return null;
    }
    int i = VOILUTTransformation.pyIndex(o.realWorldValueMapIndex(), seq.size());
    return i < 0 ? null : seq.get(i);
  }

  private ColorManager findColorManager(DicomDataset image, int frameIndex) {
    if (image.hasValue(Tag.ICCProfile)) {
      return new ColorManager(image.getBytes(Tag.ICCProfile));
    }
    Sequence paths = image.getSequence(Tag.OpticalPathSequence);
    if (paths == null || paths.isEmpty()) {
      return null;
    }
    DicomDataset item;
    if (paths.size() == 1) {
      item = paths.get(0);
    } else {
      String id = null;
      DicomDataset sfg = image.getItem(Tag.SharedFunctionalGroupsSequence);
      if (sfg != null && sfg.getItem(Tag.OpticalPathIdentificationSequence) != null) {
        id =
            sfg.getItem(Tag.OpticalPathIdentificationSequence).getString(Tag.OpticalPathIdentifier);
      }
      Sequence pffg = image.getSequence(Tag.PerFrameFunctionalGroupsSequence);
      if (pffg != null && frameIndex < pffg.size()) {
        DicomDataset opi = pffg.get(frameIndex).getItem(Tag.OpticalPathIdentificationSequence);
        if (opi != null) {
          id = opi.getString(Tag.OpticalPathIdentifier);
          appliesToAllFrames = false;
        }
      }
      if (id == null) {
        throw new IllegalArgumentException(
            "OpticalPathIdentifier (0048,0106) Could not determine optical path identifier.");
      }
      item = null;
      for (DicomDataset p : paths) {
        if (id.equals(p.getString(Tag.OpticalPathIdentifier))) {
          item = p;
          break;
        }
      }
      if (item == null) {
        throw new IllegalArgumentException(
            "OpticalPathSequence (0048,0105) No information on optical path found: " + id);
      }
    }
    return item.hasValue(Tag.ICCProfile) ? new ColorManager(item.getBytes(Tag.ICCProfile)) : null;
  }

  /** Returns whether the same transform serves every frame (nothing came from per-frame groups). */
  boolean appliesToAllFrames() {
    return appliesToAllFrames;
  }

  /**
   * Returns whether the transform leaves monochrome stored values as they are, in their own type,
   * so that frames can be copied without passing through {@link #apply}.
   */
  boolean isIdentity() {
    return colorType == ColorType.MONOCHROME
        && output == input
        && lut == null
        && slopeIntercept == null
        && window == null
        && voiLutAfterRescale == null
        && colorManager == null
        && rangeCheck == null;
  }

  /** Returns whether the output has three samples per pixel. */
  boolean colorOutput() {
    return colorType == ColorType.COLOR || (colorType == ColorType.PALETTE_COLOR && lut != null);
  }

  /**
   * Applies the transform to one frame of stored values.
   *
   * @param frame (rows, columns) or, for colour images, (rows, columns, 3) in RGB
   * @return the transformed frame in the output type
   */
  NdArray apply(NdArray frame) {
    if (colorType == ColorType.COLOR) {
      if (frame.ndim() != 3 || frame.shape(2) != 3) {
        throw new IllegalArgumentException(
            "Expected an image of shape (R, C, 3): " + Arrays.toString(frame.shape()));
      }
    } else if (frame.ndim() != 2) {
      throw new IllegalArgumentException(
          "Expected an image of shape (R, C): " + Arrays.toString(frame.shape()));
    }
    if (rangeCheck != null) {
      double min = frame.min();
      double max = frame.max();
      if (min < rangeCheck[0] || max > rangeCheck[1]) {
        throw new IllegalArgumentException(
            "Array contains value outside the valid range (expected "
                + rangeCheck[0]
                + ".."
                + rangeCheck[1]
                + "): "
                + min
                + ".."
                + max);
      }
    }
    NdArray out = frame;
    if (lut != null) {
      out = Pixels.applyLut(frame, lut, lutFirst, null, clip);
    } else if (slopeIntercept != null) {
      out = affine(frame, slopeIntercept[0], slopeIntercept[1]);
    } else if (window != null) {
      out = NdArray.zeros(output, frame.shape());
      double m = preWindowRescale == null ? 1 : preWindowRescale[0];
      double b = preWindowRescale == null ? 0 : preWindowRescale[1];
      for (int i = 0; i < frame.size(); i++) {
        double x = frame.getFlatDouble(i) * m + b;
        out.setFlatDouble(
            i, Pixels.window(x, window[0], window[1], windowFunction, outMin, outMax, invert));
      }
    } else if (voiLutAfterRescale != null) {
      NdArray idx = frame;
      if (preWindowRescale != null) {
        idx = NdArray.zeros(DType.INT32, frame.shape());
        for (int i = 0; i < frame.size(); i++) {
          idx.setFlatLong(
              i, (long) (frame.getFlatDouble(i) * preWindowRescale[0] + preWindowRescale[1]));
        }
      }
      out = Pixels.applyLut(idx, voiLutAfterRescale, voiLutFirst, null, true);
    }
    if (colorManager != null) {
      out = colorManager.transformFrame(ColorManager.eightBitSamples(out));
    }
    return out.dtype() == output ? out : out.astype(output);
  }

  private NdArray affine(NdArray frame, double slope, double intercept) {
    NdArray out = NdArray.zeros(output, frame.shape());
    for (int i = 0; i < frame.size(); i++) {
      out.setFlatDouble(i, frame.getFlatDouble(i) * slope + intercept);
    }
    return out;
  }
}
