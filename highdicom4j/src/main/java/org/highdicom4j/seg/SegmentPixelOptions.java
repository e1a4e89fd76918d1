package org.highdicom4j.seg;

import java.util.Arrays;
import org.highdicom4j.DType;

/**
 * Options shared by the pixel readers of {@link Segmentation} (segment selection and combination of
 * the Segment Sequence (0062,0002) items): highdicom's keyword arguments {@code segment_numbers,
 * combine_segments, relabel, ignore_spatial_locations, assert_missing_frames_are_empty,
 * rescale_fractional, skip_overlap_checks, dtype} of {@code get_pixels_by_source_instance} and its
 * siblings. Immutable; change one option with the {@code with…} methods.
 *
 * @param segmentNumbers Segment Number (0062,0004) values to return, in output order; null for all
 *     segments in ascending order (an empty array is rejected by the readers)
 * @param combineSegments combine the segments into one label map (output without segment axis)
 * @param relabel with {@code combineSegments}, number the output labels 1, 2, … in the order of
 *     {@code segmentNumbers} instead of using segment numbers
 * @param ignoreSpatialLocations index by source frames even where Spatial Locations Preserved
 *     (0028,135A) is NO
 * @param assertMissingFramesAreEmpty return zeros for requested source frames or instances that no
 *     segmentation frame references, instead of failing
 * @param rescaleFractional divide FRACTIONAL values by Maximum Fractional Value (0062,000E) into
 *     [0, 1] (floating-point output); false returns the stored values
 * @param skipOverlapChecks when combining, let the highest output label win where segments overlap
 *     instead of failing
 * @param dtype the output type, or null to choose one: FLOAT32 for rescaled fractional values,
 *     otherwise the smallest unsigned type holding every output value; with {@code
 *     applyPaletteColorLut} the type of the RGB output (null: that of the palette entries)
 * @param applyPaletteColorLut map the combined label map of a LABELMAP segmentation with
 *     Photometric Interpretation (0028,0004) PALETTE COLOR through its Red, Green and Blue Palette
 *     Color Lookup Tables (0028,1201-1203) to RGB (an axis of 3 appended); needs {@code
 *     combineSegments} without {@code relabel}
 * @param applyIccProfile with the palette applied, correct the colours with the ICC Profile
 *     (0028,2000): null applies it when present, TRUE requires it, FALSE never applies it
 */
public record SegmentPixelOptions(
    int[] segmentNumbers,
    boolean combineSegments,
    boolean relabel,
    boolean ignoreSpatialLocations,
    boolean assertMissingFramesAreEmpty,
    boolean rescaleFractional,
    boolean skipOverlapChecks,
    DType dtype,
    boolean applyPaletteColorLut,
    Boolean applyIccProfile) {

  /** highdicom's defaults: all segments stacked, fractional values rescaled, type chosen. */
  public static final SegmentPixelOptions DEFAULT =
      new SegmentPixelOptions(null, false, false, false, false, true, false, null, false, null);

  /** Copies the segment numbers so that the options stay immutable. */
  public SegmentPixelOptions {
    segmentNumbers = segmentNumbers == null ? null : segmentNumbers.clone();
  }

  /**
   * Creates options without colour output (palette and ICC profile not applied).
   *
   * @param segmentNumbers Segment Number (0062,0004) values, or null for all
   * @param combineSegments combine the segments into one label map
   * @param relabel number combined labels 1, 2, … in the order of {@code segmentNumbers}
   * @param ignoreSpatialLocations ignore Spatial Locations Preserved (0028,135A) NO
   * @param assertMissingFramesAreEmpty return zeros for requested frames without data
   * @param rescaleFractional divide FRACTIONAL values by Maximum Fractional Value (0062,000E)
   * @param skipOverlapChecks let the highest label win where combined segments overlap
   * @param dtype the output type, or null to choose one
   */
  public SegmentPixelOptions(
      int[] segmentNumbers,
      boolean combineSegments,
      boolean relabel,
      boolean ignoreSpatialLocations,
      boolean assertMissingFramesAreEmpty,
      boolean rescaleFractional,
      boolean skipOverlapChecks,
      DType dtype) {
    this(
        segmentNumbers,
        combineSegments,
        relabel,
        ignoreSpatialLocations,
        assertMissingFramesAreEmpty,
        rescaleFractional,
        skipOverlapChecks,
        dtype,
        false,
        null);
  }

  /** Returns a copy of the selected segment numbers, or null for all. */
  @Override
  public int[] segmentNumbers() {
    return segmentNumbers == null ? null : segmentNumbers.clone();
  }

  /**
   * Returns these options selecting segments.
   *
   * @param numbers Segment Number (0062,0004) values in output order, or null for all
   * @return new options
   */
  public SegmentPixelOptions withSegmentNumbers(int... numbers) {
    return new SegmentPixelOptions(
        numbers,
        combineSegments,
        relabel,
        ignoreSpatialLocations,
        assertMissingFramesAreEmpty,
        rescaleFractional,
        skipOverlapChecks,
        dtype,
        applyPaletteColorLut,
        applyIccProfile);
  }

  /**
   * Returns these options with segment combination switched.
   *
   * @param combine whether to return one label map
   * @return new options
   */
  public SegmentPixelOptions withCombineSegments(boolean combine) {
    return new SegmentPixelOptions(
        segmentNumbers,
        combine,
        relabel,
        ignoreSpatialLocations,
        assertMissingFramesAreEmpty,
        rescaleFractional,
        skipOverlapChecks,
        dtype,
        applyPaletteColorLut,
        applyIccProfile);
  }

  /**
   * Returns these options with relabelling switched.
   *
   * @param value whether combined labels are 1, 2, … in the order of the segment numbers
   * @return new options
   */
  public SegmentPixelOptions withRelabel(boolean value) {
    return new SegmentPixelOptions(
        segmentNumbers,
        combineSegments,
        value,
        ignoreSpatialLocations,
        assertMissingFramesAreEmpty,
        rescaleFractional,
        skipOverlapChecks,
        dtype,
        applyPaletteColorLut,
        applyIccProfile);
  }

  /**
   * Returns these options with the Spatial Locations Preserved (0028,135A) check switched.
   *
   * @param value whether to ignore frames whose spatial locations are not preserved
   * @return new options
   */
  public SegmentPixelOptions withIgnoreSpatialLocations(boolean value) {
    return new SegmentPixelOptions(
        segmentNumbers,
        combineSegments,
        relabel,
        value,
        assertMissingFramesAreEmpty,
        rescaleFractional,
        skipOverlapChecks,
        dtype,
        applyPaletteColorLut,
        applyIccProfile);
  }

  /**
   * Returns these options with missing frames returned as zeros or rejected.
   *
   * @param value whether unreferenced source frames give zeros
   * @return new options
   */
  public SegmentPixelOptions withAssertMissingFramesAreEmpty(boolean value) {
    return new SegmentPixelOptions(
        segmentNumbers,
        combineSegments,
        relabel,
        ignoreSpatialLocations,
        value,
        rescaleFractional,
        skipOverlapChecks,
        dtype,
        applyPaletteColorLut,
        applyIccProfile);
  }

  /**
   * Returns these options with fractional rescaling switched.
   *
   * @param value whether to divide by Maximum Fractional Value (0062,000E)
   * @return new options
   */
  public SegmentPixelOptions withRescaleFractional(boolean value) {
    return new SegmentPixelOptions(
        segmentNumbers,
        combineSegments,
        relabel,
        ignoreSpatialLocations,
        assertMissingFramesAreEmpty,
        value,
        skipOverlapChecks,
        dtype,
        applyPaletteColorLut,
        applyIccProfile);
  }

  /**
   * Returns these options with the overlap check switched.
   *
   * @param value whether overlapping segments are combined without error
   * @return new options
   */
  public SegmentPixelOptions withSkipOverlapChecks(boolean value) {
    return new SegmentPixelOptions(
        segmentNumbers,
        combineSegments,
        relabel,
        ignoreSpatialLocations,
        assertMissingFramesAreEmpty,
        rescaleFractional,
        value,
        dtype,
        applyPaletteColorLut,
        applyIccProfile);
  }

  /**
   * Returns these options with an output type.
   *
   * @param type the type, or null to choose automatically
   * @return new options
   */
  public SegmentPixelOptions withDtype(DType type) {
    return new SegmentPixelOptions(
        segmentNumbers,
        combineSegments,
        relabel,
        ignoreSpatialLocations,
        assertMissingFramesAreEmpty,
        rescaleFractional,
        skipOverlapChecks,
        type,
        applyPaletteColorLut,
        applyIccProfile);
  }

  /**
   * Returns these options with the palette colour LUT switched; highdicom's {@code
   * apply_palette_color_lut}.
   *
   * @param apply whether to map the combined label map through the Palette Color Lookup Tables
   *     (0028,1201-1203) to RGB
   * @return new options
   */
  public SegmentPixelOptions withApplyPaletteColorLut(boolean apply) {
    return new SegmentPixelOptions(
        segmentNumbers,
        combineSegments,
        relabel,
        ignoreSpatialLocations,
        assertMissingFramesAreEmpty,
        rescaleFractional,
        skipOverlapChecks,
        dtype,
        apply,
        applyIccProfile);
  }

  /**
   * Returns these options with the ICC profile switched; highdicom's {@code apply_icc_profile}.
   *
   * @param apply null to apply the ICC Profile (0028,2000) when present, TRUE to require it, FALSE
   *     never to apply it
   * @return new options
   */
  public SegmentPixelOptions withApplyIccProfile(Boolean apply) {
    return new SegmentPixelOptions(
        segmentNumbers,
        combineSegments,
        relabel,
        ignoreSpatialLocations,
        assertMissingFramesAreEmpty,
        rescaleFractional,
        skipOverlapChecks,
        dtype,
        applyPaletteColorLut,
        apply);
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof SegmentPixelOptions)) {
      return false;
    }
    SegmentPixelOptions x = (SegmentPixelOptions) o;
    return Arrays.equals(segmentNumbers, x.segmentNumbers)
        && combineSegments == x.combineSegments
        && relabel == x.relabel
        && ignoreSpatialLocations == x.ignoreSpatialLocations
        && assertMissingFramesAreEmpty == x.assertMissingFramesAreEmpty
        && rescaleFractional == x.rescaleFractional
        && skipOverlapChecks == x.skipOverlapChecks
        && dtype == x.dtype
        && applyPaletteColorLut == x.applyPaletteColorLut
        && java.util.Objects.equals(applyIccProfile, x.applyIccProfile);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(segmentNumbers) * 31
        + java.util.Objects.hash(
            combineSegments,
            relabel,
            ignoreSpatialLocations,
            assertMissingFramesAreEmpty,
            rescaleFractional,
            skipOverlapChecks,
            dtype,
            applyPaletteColorLut,
            applyIccProfile);
  }

  @Override
  public String toString() {
    return "SegmentPixelOptions[segmentNumbers="
        + Arrays.toString(segmentNumbers)
        + ", combineSegments="
        + combineSegments
        + ", relabel="
        + relabel
        + ", ignoreSpatialLocations="
        + ignoreSpatialLocations
        + ", assertMissingFramesAreEmpty="
        + assertMissingFramesAreEmpty
        + ", rescaleFractional="
        + rescaleFractional
        + ", skipOverlapChecks="
        + skipOverlapChecks
        + ", dtype="
        + dtype
        + ", applyPaletteColorLut="
        + applyPaletteColorLut
        + ", applyIccProfile="
        + applyIccProfile
        + "]";
  }
}
