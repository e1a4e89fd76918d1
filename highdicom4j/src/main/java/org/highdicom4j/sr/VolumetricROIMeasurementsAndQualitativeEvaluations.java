package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.highdicom4j.coding.CodedConcept;

/**
 * TID 1411 Volumetric ROI Measurements and Qualitative Evaluations: measurements of a volume given
 * by exactly one of a list of planar {@link ImageRegion}s, a {@link VolumeSurface} or a {@link
 * ReferencedSegment}; highdicom's {@code VolumetricROIMeasurementsAndQualitativeEvaluations}.
 */
public final class VolumetricROIMeasurementsAndQualitativeEvaluations extends MeasurementGroup {
  VolumetricROIMeasurementsAndQualitativeEvaluations(ContainerContentItem item) {
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
   * Returns the planar image regions making up the volume.
   *
   * @return the regions, empty when the volume is given otherwise
   */
  public List<ImageRegion> referencedRegions() {
    List<ImageRegion> out = new ArrayList<>();
    for (ScoordContentItem s :
        Find.all(children(), SrCodes.IMAGE_REGION, ScoordContentItem.class)) {
      out.add(ImageRegion.fromContentItem(s));
    }
    return out;
  }

  /**
   * Returns the volume surface.
   *
   * @return the surface, or empty
   */
  public Optional<VolumeSurface> referencedVolumeSurface() {
    return Optional.ofNullable(VolumeSurface.find(children()));
  }

  /**
   * Returns the referenced segment.
   *
   * @return the segment, or empty
   */
  public Optional<ReferencedSegment> referencedSegment() {
    return Optional.ofNullable(ReferencedSegment.find(children()));
  }

  /**
   * Returns how the volume is given: Image Region (111030, DCM), Volume Surface (121231, DCM) or
   * Referenced Segment (121191, DCM).
   *
   * @return the reference type, or empty when the group has no region
   */
  public Optional<CodedConcept> referenceType() {
    if (!referencedRegions().isEmpty()) {
      return Optional.of(SrCodes.IMAGE_REGION);
    }
    if (referencedVolumeSurface().isPresent()) {
      return Optional.of(SrCodes.VOLUME_SURFACE);
    }
    return referencedSegment().isPresent()
        ? Optional.of(SrCodes.REFERENCED_SEGMENT)
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

  /** Builder of a TID 1411 group. */
  public static final class Builder extends MeasurementGroup.Builder<Builder> {
    private List<ImageRegion> regions;
    private VolumeSurface surface;
    private ReferencedSegment segment;

    private Builder(TrackingIdentifier trackingIdentifier) {
      super(trackingIdentifier);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Sets the planar regions making up the volume.
     *
     * @param regions the regions (2D only)
     * @return this builder
     */
    public Builder referencedRegions(List<ImageRegion> regions) {
      this.regions = List.copyOf(regions);
      return this;
    }

    /**
     * Sets the volume surface.
     *
     * @param surface the surface
     * @return this builder
     */
    public Builder referencedVolumeSurface(VolumeSurface surface) {
      this.surface = surface;
      return this;
    }

    /**
     * Sets the referenced segment.
     *
     * @param segment the segment
     * @return this builder
     */
    public Builder referencedSegment(ReferencedSegment segment) {
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
     * @throws IllegalArgumentException when not exactly one of regions, volume surface and segment
     *     is given, the tracking identifier has no human-readable identifier, or a measurement has
     *     referenced coordinates
     */
    public VolumetricROIMeasurementsAndQualitativeEvaluations build() {
      int given =
          (regions != null && !regions.isEmpty() ? 1 : 0)
              + (surface != null ? 1 : 0)
              + (segment != null ? 1 : 0);
      if (given != 1) {
        throw new IllegalArgumentException(
            "One of referenced regions, referenced volume surface and referenced segment must be"
                + " given in VolumetricROIMeasurementsAndQualitativeEvaluations (expected exactly"
                + " one): "
                + given);
      }
      PlanarROIMeasurementsAndQualitativeEvaluations.checkCommon(
          trackingIdentifier, measurements, "VolumetricROIMeasurementsAndQualitativeEvaluations");
      List<ContentItem> items = new ArrayList<>();
      if (surface != null) {
        items.addAll(surface.contentItems());
      } else if (segment != null) {
        items.addAll(segment.contentItems());
      } else {
        for (ImageRegion r : regions) {
          items.addAll(r.contentItems());
        }
      }
      return new VolumetricROIMeasurementsAndQualitativeEvaluations(container("1411", this, items));
    }
  }
}
