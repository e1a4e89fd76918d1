package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;

/**
 * TID 1501 Measurement and Qualitative Evaluation Group: measurements of whole images or frames,
 * optionally listing its source images; highdicom's {@code MeasurementsAndQualitativeEvaluations}.
 */
public final class MeasurementsAndQualitativeEvaluations extends MeasurementGroup {
  MeasurementsAndQualitativeEvaluations(ContainerContentItem item) {
    super(item);
  }

  /**
   * Starts building a group.
   *
   * @param trackingIdentifier the tracking identifier of the group
   * @return a builder
   */
  public static Builder builder(TrackingIdentifier trackingIdentifier) {
    return new Builder(trackingIdentifier);
  }

  /**
   * Returns the source images of the group.
   *
   * @return the images, possibly empty (then all images of the document)
   */
  public List<SourceImageForMeasurementGroup> sourceImages() {
    List<SourceImageForMeasurementGroup> out = new ArrayList<>();
    for (ImageContentItem i : Find.all(children(), SrCodes.SOURCE, ImageContentItem.class)) {
      out.add(SourceImageForMeasurementGroup.fromContentItem(i));
    }
    return out;
  }

  /** Builder of a TID 1501 group. */
  public static final class Builder extends MeasurementGroup.Builder<Builder> {
    private final List<SourceImageForMeasurementGroup> sourceImages = new ArrayList<>();

    private Builder(TrackingIdentifier trackingIdentifier) {
      super(trackingIdentifier);
    }

    @Override
    Builder self() {
      return this;
    }

    /**
     * Adds source images.
     *
     * @param images the images
     * @return this builder
     */
    public Builder sourceImages(List<SourceImageForMeasurementGroup> images) {
      sourceImages.addAll(images);
      return this;
    }

    /**
     * Builds the group.
     *
     * @return the group
     */
    public MeasurementsAndQualitativeEvaluations build() {
      List<ContentItem> region = new ArrayList<>();
      for (SourceImageForMeasurementGroup s : sourceImages) {
        region.add(s.toContentItem());
      }
      return new MeasurementsAndQualitativeEvaluations(container("1501", this, region));
    }
  }
}
