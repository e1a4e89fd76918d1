package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.highdicom4j.coding.CodedConcept;

/**
 * TID 1410 Planar ROI Measurements and Qualitative Evaluations: measurements of a planar region
 * given by exactly one of an {@link ImageRegion}, an {@link ImageRegion3D} or a {@link
 * ReferencedSegmentationFrame}; highdicom's {@code PlanarROIMeasurementsAndQualitativeEvaluations}.
 */
public final class PlanarROIMeasurementsAndQualitativeEvaluations extends MeasurementGroup {
  PlanarROIMeasurementsAndQualitativeEvaluations(ContainerContentItem item) {
    super(item);
  }

  /**
   * Starts building a group.
   *
   * @param trackingIdentifier the tracking identifier, with a human-readable identifier
   * @return a builder
   */
  public static Builder builder(TrackingIdentifier trackingIdentifier) {
    return new Builder(trackingIdentifier);
  }

  /**
   * Returns the region: an {@link ImageRegion} or {@link ImageRegion3D}.
   *
   * @return the region, or empty when a segmentation frame is referenced
   */
  public Optional<Template> roi() {
    ScoordContentItem s = Find.first(children(), SrCodes.IMAGE_REGION, ScoordContentItem.class);
    if (s != null) {
      return Optional.of(ImageRegion.fromContentItem(s));
    }
    Scoord3DContentItem s3 =
        Find.first(children(), SrCodes.IMAGE_REGION, Scoord3DContentItem.class);
    return s3 == null ? Optional.empty() : Optional.of(ImageRegion3D.fromContentItem(s3));
  }

  /**
   * Returns the referenced segmentation frame.
   *
   * @return the reference, or empty when the region is given by coordinates
   */
  public Optional<ReferencedSegmentationFrame> referencedSegment() {
    return Optional.ofNullable(ReferencedSegmentationFrame.find(children()));
  }

  /**
   * Returns how the region is given: Image Region (111030, DCM) or Referenced Segmentation Frame
   * (121214, DCM).
   *
   * @return the reference type, or empty when the group has no region
   */
  public Optional<CodedConcept> referenceType() {
    if (roi().isPresent()) {
      return Optional.of(SrCodes.IMAGE_REGION);
    }
    return referencedSegment().isPresent()
        ? Optional.of(SrCodes.REFERENCED_SEGMENTATION_FRAME)
        : Optional.empty();
  }

  /**
   * Returns the Geometric purpose of region (130400, DCM).
   *
   * @return the purpose, or empty
   */
  public Optional<CodedConcept> geometricPurpose() {
    return Optional.ofNullable(Find.code(children(), SrCodes.GEOMETRIC_PURPOSE));
  }

  /** Builder of a TID 1410 group. */
  public static final class Builder extends MeasurementGroup.Builder<Builder> {
    private Template region;
    private ReferencedSegmentationFrame segment;

    private Builder(TrackingIdentifier trackingIdentifier) {
      super(trackingIdentifier);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Sets the region given in image coordinates.
     *
     * @param region the region
     * @return this builder
     */
    public Builder referencedRegion(ImageRegion region) {
      this.region = region;
      return this;
    }

    /**
     * Sets the region given in frame-of-reference coordinates.
     *
     * @param region the region
     * @return this builder
     */
    public Builder referencedRegion(ImageRegion3D region) {
      this.region = region;
      return this;
    }

    /**
     * Sets the region given by a segmentation frame.
     *
     * @param segment the segment reference
     * @return this builder
     */
    public Builder referencedSegment(ReferencedSegmentationFrame segment) {
      this.segment = segment;
      return this;
    }

    /**
     * Sets the Geometric purpose of region (130400, DCM).
     *
     * @param purpose the purpose
     * @return this builder
     */
    public Builder geometricPurpose(CodedConcept purpose) {
      this.geometricPurpose = purpose;
      return this;
    }

    /**
     * Builds the group.
     *
     * @return the group
     * @throws IllegalArgumentException when not exactly one of region and segment is given, the
     *     tracking identifier has no human-readable identifier, or a measurement has referenced
     *     coordinates
     */
    public PlanarROIMeasurementsAndQualitativeEvaluations build() {
      if ((region == null) == (segment == null)) {
        throw new IllegalArgumentException(
            "One of referenced region and referenced segment must be given in"
                + " PlanarROIMeasurementsAndQualitativeEvaluations (expected exactly one): "
                + (region == null ? "neither" : "both"));
      }
      checkCommon(
          trackingIdentifier, measurements, "PlanarROIMeasurementsAndQualitativeEvaluations");
      List<ContentItem> items =
          new ArrayList<>(region != null ? region.contentItems() : segment.contentItems());
      return new PlanarROIMeasurementsAndQualitativeEvaluations(container("1410", this, items));
    }
  }

  static void checkCommon(TrackingIdentifier id, List<Measurement> measurements, String where) {
    if (id.identifier().isEmpty()) {
      throw new IllegalArgumentException(
          "The tracking identifier of a "
              + where
              + " needs a human-readable identifier (expected Tracking Identifier (112039, DCM)):"
              + " none");
    }
    for (Measurement m : measurements) {
      if (!m.referencedCoordinates().isEmpty()) {
        throw new IllegalArgumentException(
            "Measurements with referenced coordinates are not allowed in "
                + where
                + ". (expected none): "
                + m.name());
      }
    }
  }
}
