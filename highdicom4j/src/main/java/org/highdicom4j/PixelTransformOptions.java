package org.highdicom4j;

import java.util.Objects;

/**
 * Which pixel transforms {@link Image#getFrame} and friends apply (PS3.3 C.11 and C.7.6.3), and the
 * output type: the keyword arguments of highdicom's {@code get_frame}, {@code get_frames} and
 * {@code get_total_pixel_matrix} ({@code dtype}, {@code apply_real_world_transform}, {@code
 * real_world_value_map_selector}, {@code apply_modality_transform}, {@code apply_voi_transform},
 * {@code voi_transform_selector}, {@code voi_output_range}, {@code apply_presentation_lut}, {@code
 * apply_palette_color_lut}, {@code apply_icc_profile}). Immutable; build with {@link #builder()}.
 *
 * <p>The tri-state flags take {@code null} for highdicom's {@code None} (apply the transform when
 * the image has it), {@code TRUE} (apply it, failing when absent) and {@code FALSE} (skip it).
 * Defaults, as highdicom's: every transform found except VOI, output FLOAT64, VOI output range (0,
 * 1), first real-world value map, first VOI transform.
 */
public final class PixelTransformOptions {
  /** The defaults. */
  public static final PixelTransformOptions DEFAULT = builder().build();

  private final DType dtype;
  private final Boolean applyRealWorldTransform;
  private final Integer rwvmIndex;
  private final String rwvmLabel;
  private final String[] rwvmUnits;
  private final Boolean applyModalityTransform;
  private final Boolean applyVoiTransform;
  private final Integer voiIndex;
  private final String voiLabel;
  private final VOILUTTransformation voiTransformation;
  private final double voiOutputMin;
  private final double voiOutputMax;
  private final boolean applyPresentationLut;
  private final Boolean applyPaletteColorLut;
  private final Boolean applyIccProfile;

  private PixelTransformOptions(Builder b) {
    this.dtype = b.dtype;
    this.applyRealWorldTransform = b.applyRealWorldTransform;
    this.rwvmIndex = b.rwvmIndex;
    this.rwvmLabel = b.rwvmLabel;
    this.rwvmUnits = b.rwvmUnits;
    this.applyModalityTransform = b.applyModalityTransform;
    this.applyVoiTransform = b.applyVoiTransform;
    this.voiIndex = b.voiIndex;
    this.voiLabel = b.voiLabel;
    this.voiTransformation = b.voiTransformation;
    this.voiOutputMin = b.voiOutputMin;
    this.voiOutputMax = b.voiOutputMax;
    this.applyPresentationLut = b.applyPresentationLut;
    this.applyPaletteColorLut = b.applyPaletteColorLut;
    this.applyIccProfile = b.applyIccProfile;
  }

  /**
   * Returns options that apply no value transform: no real-world value map, modality, VOI,
   * presentation, palette colour or ICC transform, so that frames hold stored values converted to
   * {@code dtype} (colour frames decoded as YBR_FULL are still converted to RGB). With {@code
   * dtype} equal to the stored type ({@link Image#storedDtype()}) frames are copied as they are.
   *
   * @param dtype the output type; it must hold every stored value
   * @return the options
   */
  public static PixelTransformOptions storedValues(DType dtype) {
    return builder()
        .dtype(dtype)
        .applyRealWorldTransform(false)
        .applyModalityTransform(false)
        .applyVoiTransform(false)
        .applyPresentationLut(false)
        .applyPaletteColorLut(false)
        .applyIccProfile(false)
        .build();
  }

  /** Returns a builder with the defaults. */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns a builder initialised from these options. */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.dtype = dtype;
    b.applyRealWorldTransform = applyRealWorldTransform;
    b.rwvmIndex = rwvmIndex;
    b.rwvmLabel = rwvmLabel;
    b.rwvmUnits = rwvmUnits;
    b.applyModalityTransform = applyModalityTransform;
    b.applyVoiTransform = applyVoiTransform;
    b.voiIndex = voiIndex;
    b.voiLabel = voiLabel;
    b.voiTransformation = voiTransformation;
    b.voiOutputMin = voiOutputMin;
    b.voiOutputMax = voiOutputMax;
    b.applyPresentationLut = applyPresentationLut;
    b.applyPaletteColorLut = applyPaletteColorLut;
    b.applyIccProfile = applyIccProfile;
    return b;
  }

  /** Returns the output type. */
  public DType dtype() {
    return dtype;
  }

  /** Returns the real-world value mapping flag: null (if present), TRUE (required) or FALSE. */
  public Boolean applyRealWorldTransform() {
    return applyRealWorldTransform;
  }

  /** Returns the index of the real-world value map to use, or null when selected otherwise. */
  public Integer realWorldValueMapIndex() {
    return rwvmIndex;
  }

  /** Returns the LUT Label (0040,9210) selecting the real-world value map, or null. */
  public String realWorldValueMapLabel() {
    return rwvmLabel;
  }

  /** Returns {code value, coding scheme designator} of the selecting units, or null. */
  public String[] realWorldValueMapUnits() {
    return rwvmUnits == null ? null : rwvmUnits.clone();
  }

  /** Returns the modality transform flag: null (if present), TRUE (required) or FALSE. */
  public Boolean applyModalityTransform() {
    return applyModalityTransform;
  }

  /** Returns the VOI transform flag: null (if present), TRUE (required) or FALSE (default). */
  public Boolean applyVoiTransform() {
    return applyVoiTransform;
  }

  /** Returns the index of the VOI transform to use, or null when selected otherwise. */
  public Integer voiTransformIndex() {
    return voiIndex;
  }

  /** Returns the explanation selecting the VOI transform, or null. */
  public String voiTransformLabel() {
    return voiLabel;
  }

  /** Returns the user VOI transformation overriding the image's, or null. */
  public VOILUTTransformation voiTransformation() {
    return voiTransformation;
  }

  /** Returns the lower end of the VOI output range. */
  public double voiOutputMin() {
    return voiOutputMin;
  }

  /** Returns the upper end of the VOI output range. */
  public double voiOutputMax() {
    return voiOutputMax;
  }

  /** Returns whether the presentation LUT (inversion) is applied. */
  public boolean applyPresentationLut() {
    return applyPresentationLut;
  }

  /** Returns the palette colour LUT flag: null (if present), TRUE (required) or FALSE. */
  public Boolean applyPaletteColorLut() {
    return applyPaletteColorLut;
  }

  /** Returns the ICC profile flag: null (if present), TRUE (required) or FALSE. */
  public Boolean applyIccProfile() {
    return applyIccProfile;
  }

  /** Builds {@link PixelTransformOptions}. Not thread-safe. */
  public static final class Builder {
    private DType dtype = DType.FLOAT64;
    private Boolean applyRealWorldTransform;
    private Integer rwvmIndex = 0;
    private String rwvmLabel;
    private String[] rwvmUnits;
    private Boolean applyModalityTransform;
    private Boolean applyVoiTransform = Boolean.FALSE;
    private Integer voiIndex = 0;
    private String voiLabel;
    private VOILUTTransformation voiTransformation;
    private double voiOutputMin = 0.0;
    private double voiOutputMax = 1.0;
    private boolean applyPresentationLut = true;
    private Boolean applyPaletteColorLut;
    private Boolean applyIccProfile;

    private Builder() {}

    /**
     * Sets the output type (default FLOAT64); integer types are checked for capacity.
     *
     * @param dtype the type
     * @return this builder
     */
    public Builder dtype(DType dtype) {
      this.dtype = Objects.requireNonNull(dtype, "dtype");
      return this;
    }

    /**
     * Sets whether to apply a Real World Value Mapping Sequence (0040,9096) item (PS3.3
     * C.7.6.16.2.11).
     *
     * @param apply null: if present; TRUE: required; FALSE: never
     * @return this builder
     */
    public Builder applyRealWorldTransform(Boolean apply) {
      this.applyRealWorldTransform = apply;
      return this;
    }

    /**
     * Selects the real-world value map by index (negative counts from the end).
     *
     * @param index the index
     * @return this builder
     */
    public Builder realWorldValueMapSelector(int index) {
      clearRwvm();
      this.rwvmIndex = index;
      return this;
    }

    /**
     * Selects the real-world value map by LUT Label (0040,9210).
     *
     * @param lutLabel the label
     * @return this builder
     */
    public Builder realWorldValueMapSelector(String lutLabel) {
      clearRwvm();
      this.rwvmLabel = Objects.requireNonNull(lutLabel, "lutLabel");
      return this;
    }

    /**
     * Selects the real-world value map by its Measurement Units Code Sequence (0040,08EA) code.
     *
     * @param codeValue Code Value (0008,0100), e.g. "ml/100ml/s"
     * @param codingSchemeDesignator Coding Scheme Designator (0008,0102), e.g. "UCUM"
     * @return this builder
     */
    public Builder realWorldValueMapSelectorUnits(String codeValue, String codingSchemeDesignator) {
      clearRwvm();
      this.rwvmUnits =
          new String[] {
            Objects.requireNonNull(codeValue, "codeValue"),
            Objects.requireNonNull(codingSchemeDesignator, "codingSchemeDesignator")
          };
      return this;
    }

    private void clearRwvm() {
      rwvmIndex = null;
      rwvmLabel = null;
      rwvmUnits = null;
    }

    /**
     * Sets whether to apply the modality transform (Rescale Slope/Intercept or Modality LUT).
     *
     * @param apply null: if present and no real-world value map takes precedence; TRUE: required;
     *     FALSE: never
     * @return this builder
     */
    public Builder applyModalityTransform(Boolean apply) {
      this.applyModalityTransform = apply;
      return this;
    }

    /**
     * Sets whether to apply the VOI transform (window or VOI LUT); default FALSE.
     *
     * @param apply null: if present; TRUE: required; FALSE: never
     * @return this builder
     */
    public Builder applyVoiTransform(Boolean apply) {
      this.applyVoiTransform = apply;
      return this;
    }

    /**
     * Selects the VOI window or LUT by index (negative counts from the end).
     *
     * @param index the index
     * @return this builder
     */
    public Builder voiTransformSelector(int index) {
      clearVoi();
      this.voiIndex = index;
      return this;
    }

    /**
     * Selects the VOI window or LUT by Window Center &amp; Width Explanation (0028,1055) or LUT
     * Explanation (0028,3003).
     *
     * @param explanation the explanation
     * @return this builder
     */
    public Builder voiTransformSelector(String explanation) {
      clearVoi();
      this.voiLabel = Objects.requireNonNull(explanation, "explanation");
      return this;
    }

    /**
     * Uses a user VOI transformation instead of the image's; it must hold exactly one window or one
     * table.
     *
     * @param transformation the transformation
     * @return this builder
     */
    public Builder voiTransformSelector(VOILUTTransformation transformation) {
      clearVoi();
      this.voiTransformation = Objects.requireNonNull(transformation, "transformation");
      return this;
    }

    private void clearVoi() {
      voiIndex = null;
      voiLabel = null;
      voiTransformation = null;
    }

    /**
     * Sets the range the VOI transform maps to (default 0 to 1).
     *
     * @param min lower end
     * @param max upper end, above {@code min}
     * @return this builder
     */
    public Builder voiOutputRange(double min, double max) {
      this.voiOutputMin = min;
      this.voiOutputMax = max;
      return this;
    }

    /**
     * Sets whether to invert for Presentation LUT Shape INVERSE or MONOCHROME1 (default true).
     *
     * @param apply whether to apply
     * @return this builder
     */
    public Builder applyPresentationLut(boolean apply) {
      this.applyPresentationLut = apply;
      return this;
    }

    /**
     * Sets whether to apply the palette colour LUT of a PALETTE COLOR image.
     *
     * @param apply null: if present; TRUE: required; FALSE: never
     * @return this builder
     */
    public Builder applyPaletteColorLut(Boolean apply) {
      this.applyPaletteColorLut = apply;
      return this;
    }

    /**
     * Sets whether to apply the ICC profile of a colour image.
     *
     * @param apply null: if present; TRUE: required; FALSE: never
     * @return this builder
     */
    public Builder applyIccProfile(Boolean apply) {
      this.applyIccProfile = apply;
      return this;
    }

    /**
     * Checks the combination, with highdicom's messages, and builds the options.
     *
     * @return the options
     * @throws IllegalArgumentException when flags contradict each other or the range is empty
     */
    public PixelTransformOptions build() {
      if (Boolean.TRUE.equals(applyRealWorldTransform)
          && Boolean.TRUE.equals(applyModalityTransform)) {
        throw new IllegalArgumentException(
            "Setting both 'apply_real_world_transform' and 'apply_modality_transform' to True is"
                + " not permitted.");
      }
      boolean useVoi = !Boolean.FALSE.equals(applyVoiTransform);
      // a required real-world value map rules the modality transform out, as in highdicom
      boolean useModality =
          !Boolean.FALSE.equals(applyModalityTransform)
              && !Boolean.TRUE.equals(applyRealWorldTransform);
      if (useVoi && !useModality) {
        throw new IllegalArgumentException(
            "If 'apply_voi_transform' is True or None, 'apply_modality_transform' cannot be"
                + " False.");
      }
      if (!Boolean.FALSE.equals(applyIccProfile) && Boolean.FALSE.equals(applyPaletteColorLut)) {
        throw new IllegalArgumentException(
            "If 'apply_icc_transform' is True or None, 'apply_palette_color_lut' cannot be False.");
      }
      if (!(voiOutputMin < voiOutputMax)) {
        throw new IllegalArgumentException(
            "Second value of 'voi_output_range' must be higher than the first: "
                + voiOutputMin
                + ", "
                + voiOutputMax);
      }
      return new PixelTransformOptions(this);
    }
  }
}
