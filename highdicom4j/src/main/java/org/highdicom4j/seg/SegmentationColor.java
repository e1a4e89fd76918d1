package org.highdicom4j.seg;

import org.highdicom4j.DType;
import org.highdicom4j.NdArray;
import org.highdicom4j.PaletteColorLUTTransformation;
import org.highdicom4j.Pixels;
import org.highdicom4j.color.ColorManager;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;
import org.highdicom4j.dicom.dict.Tag;

/**
 * Colour output of segmentation pixel queries: a LABELMAP segmentation with Photometric
 * Interpretation (0028,0004) PALETTE COLOR mapped through its Palette Color Lookup Tables and ICC
 * Profile (0028,2000) (highdicom's {@code apply_palette_color_lut}, {@code apply_icc_profile}).
 * Package-private; the palette and colour management themselves are {@link
 * PaletteColorLUTTransformation} and {@link ColorManager}, as for images.
 */
final class SegmentationColor {
  private SegmentationColor() {}

  /** Checks the palette and ICC options against this segmentation (highdicom's rules). */
  static void check(DicomDataset ds, SegmentationTypeValues type, SegmentPixelOptions o) {
    boolean palette =
        type == SegmentationTypeValues.LABELMAP
            && "PALETTE COLOR".equals(ds.getString(Tag.PhotometricInterpretation));
    if (o.applyPaletteColorLut()) {
      if (!palette) {
        throw new IllegalArgumentException(
            "Palette color transform is required but the image is not a palette color image.");
      }
      if (!o.combineSegments() || o.relabel()) {
        throw new IllegalArgumentException(
            "Palette color transform may only be applied when 'combine_segments' is True and"
                + " 'relabel' is False (expected combineSegments true and relabel false).");
      }
    }
    if (Boolean.TRUE.equals(o.applyIccProfile())) {
      if (!o.applyPaletteColorLut()) {
        throw new IllegalArgumentException(
            "ICC profile is required but the palette color LUT is not applied (expected"
                + " applyPaletteColorLut true: the profile corrects the palette's colours).");
      }
      if (iccProfile(ds) == null) {
        throw new IllegalArgumentException(
            "An ICC profile is required but not found in the image.");
      }
    }
  }

  /** ICC Profile (0028,2000) of the data set, or of its only Optical Path Sequence item. */
  private static byte[] iccProfile(DicomDataset ds) {
    if (ds.hasValue(Tag.ICCProfile)) {
      return ds.getBytes(Tag.ICCProfile);
    }
    Sequence paths = ds.getSequence(Tag.OpticalPathSequence);
    if (paths != null && paths.size() == 1 && paths.get(0).hasValue(Tag.ICCProfile)) {
      return paths.get(0).getBytes(Tag.ICCProfile);
    }
    return null;
  }

  /**
   * Maps a combined label map through the palette (and ICC profile) when the options ask for it:
   * shape + (3,), RGB.
   */
  static NdArray colorize(DicomDataset ds, NdArray labels, SegmentPixelOptions o) {
    if (!o.applyPaletteColorLut()) {
      return labels;
    }
    PaletteColorLUTTransformation palette = PaletteColorLUTTransformation.extractFromDataset(ds);
    byte[] icc = Boolean.FALSE.equals(o.applyIccProfile()) ? null : iccProfile(ds);
    if (icc == null) {
      return palette.apply(labels, o.dtype());
    }
    NdArray rgb = ColorManager.eightBitSamples(palette.apply(labels, null));
    int[] shape = rgb.shape();
    int columns = shape[shape.length - 2];
    // Colour management is per pixel: all planes go through as one tall frame.
    NdArray corrected =
        new ColorManager(icc)
            .transformFrame(rgb.reshape(rgb.size() / (3 * columns), columns, 3))
            .reshape(shape);
    if (o.dtype() == null || o.dtype() == DType.UINT8) {
      return corrected;
    }
    if (!Pixels.canCastSafely(DType.UINT8, o.dtype())) {
      throw new IllegalArgumentException(
          "ICC-corrected colours are uint8 and cannot be cast safely to "
              + o.dtype().numpyName()
              + " (expected a type holding 0..255)");
    }
    return corrected.astype(o.dtype());
  }
}
