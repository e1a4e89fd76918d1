package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;

/**
 * A measurement group of a TID 1500 report: a Measurement Group (125007, DCM) container following
 * TID 1501 ({@link MeasurementsAndQualitativeEvaluations}), TID 1410 ({@link
 * PlanarROIMeasurementsAndQualitativeEvaluations}) or TID 1411 ({@link
 * VolumetricROIMeasurementsAndQualitativeEvaluations}); highdicom's {@code
 * _MeasurementsAndQualitativeEvaluations}. The accessors read the container's children.
 */
public abstract class MeasurementGroup extends Template {
  private final ContainerContentItem item;

  MeasurementGroup(ContainerContentItem item) {
    super(List.of(item));
    this.item = item;
  }

  /**
   * Reads a measurement group tolerantly: by its template identifier, or, without one, by the kind
   * of region it references.
   *
   * @param item a CONTAINER item
   * @return the typed group
   * @throws IllegalArgumentException when the item is not a CONTAINER
   */
  public static MeasurementGroup fromContentItem(ContentItem item) {
    ContainerContentItem c =
        ContentItem.cast(item, ContainerContentItem.class, ValueTypeValues.CONTAINER);
    String tid = c.templateId().orElse("").replace("TID", "").strip();
    switch (tid) {
      case "1501":
        return new MeasurementsAndQualitativeEvaluations(c);
      case "1410":
        return new PlanarROIMeasurementsAndQualitativeEvaluations(c);
      case "1411":
        return new VolumetricROIMeasurementsAndQualitativeEvaluations(c);
      default:
        break;
    }
    List<ContentItem> ch = c.content();
    int regions2d = Find.all(ch, SrCodes.IMAGE_REGION, ScoordContentItem.class).size();
    boolean region3d = Find.first(ch, SrCodes.IMAGE_REGION, Scoord3DContentItem.class) != null;
    boolean segFrame =
        Find.first(ch, SrCodes.REFERENCED_SEGMENTATION_FRAME, ImageContentItem.class) != null;
    boolean volume =
        Find.first(ch, SrCodes.VOLUME_SURFACE, Scoord3DContentItem.class) != null
            || Find.first(ch, SrCodes.REFERENCED_SEGMENT, ImageContentItem.class) != null;
    if (volume || regions2d > 1) {
      return new VolumetricROIMeasurementsAndQualitativeEvaluations(c);
    }
    if (regions2d == 1 || region3d || segFrame) {
      return new PlanarROIMeasurementsAndQualitativeEvaluations(c);
    }
    return new MeasurementsAndQualitativeEvaluations(c);
  }

  /**
   * Reads a measurement group from a content item data set.
   *
   * @param dataset the CONTAINER content item
   * @return the typed group
   * @throws IllegalArgumentException when it is not a CONTAINER
   */
  public static MeasurementGroup fromDataset(DicomDataset dataset) {
    return fromContentItem(ContentItem.fromDataset(dataset));
  }

  static ContainerContentItem container(String templateId, Builder<?> b, List<ContentItem> region) {
    Objects.requireNonNull(b.trackingIdentifier, "trackingIdentifier");
    RelationshipTypeValues mod = RelationshipTypeValues.HAS_CONCEPT_MOD;
    List<ContentItem> ch = new ArrayList<>();
    ch.addAll(b.trackingIdentifier.contentItems());
    if (b.findingCategory != null) {
      ch.add(new CodeContentItem(SrCodes.FINDING_CATEGORY, b.findingCategory, mod));
    }
    if (b.findingType != null) {
      ch.add(new CodeContentItem(SrCodes.FINDING, b.findingType, RelationshipTypeValues.CONTAINS));
    }
    if (b.method != null) {
      ch.add(new CodeContentItem(SrCodes.MEASUREMENT_METHOD, b.method, mod));
    }
    if (b.timePointContext != null) {
      ch.addAll(b.timePointContext.contentItems());
    }
    if (b.session != null) {
      ch.add(
          new TextContentItem(SrCodes.SESSION, b.session, RelationshipTypeValues.HAS_OBS_CONTEXT));
    }
    if (b.algorithmId != null) {
      ch.addAll(b.algorithmId.contentItems());
    }
    ch.addAll(region);
    if (b.realWorldValueMap != null) {
      ch.addAll(b.realWorldValueMap.contentItems());
    }
    if (b.geometricPurpose != null) {
      ch.add(new CodeContentItem(SrCodes.GEOMETRIC_PURPOSE, b.geometricPurpose, mod));
    }
    for (FindingSite s : b.findingSites) {
      ch.add(s.toContentItem());
    }
    for (Measurement m : b.measurements) {
      ch.add(m.toContentItem());
    }
    for (QualitativeEvaluation q : b.evaluations) {
      ch.add(q.toContentItem());
    }
    return new ContainerContentItem(
            SrCodes.MEASUREMENT_GROUP, true, templateId, RelationshipTypeValues.CONTAINS)
        .withContent(ch);
  }

  List<ContentItem> children() {
    return item.content();
  }

  /**
   * Returns the tracking identifier.
   *
   * @return the identifier; null only when read from a document without one
   */
  public TrackingIdentifier trackingIdentifier() {
    return TrackingIdentifier.find(children());
  }

  /**
   * Returns the Tracking Unique Identifier (112040, DCM).
   *
   * @return the UID, or empty
   */
  public Optional<String> trackingUid() {
    return Optional.ofNullable(Find.uid(children(), SrCodes.TRACKING_UID));
  }

  /**
   * Returns the type of finding: the value of Finding (121071, DCM).
   *
   * @return the finding type, or empty
   */
  public Optional<CodedConcept> findingType() {
    return Optional.ofNullable(Find.code(children(), SrCodes.FINDING));
  }

  /**
   * Returns the Finding category (276214006, SCT).
   *
   * @return the category, or empty
   */
  public Optional<CodedConcept> findingCategory() {
    return Optional.ofNullable(Find.code(children(), SrCodes.FINDING_CATEGORY));
  }

  /**
   * Returns the finding sites.
   *
   * @return the sites, possibly empty
   */
  public List<FindingSite> findingSites() {
    return FindingSite.findAll(children());
  }

  /**
   * Returns the Measurement Method (370129005, SCT).
   *
   * @return the method, or empty
   */
  public Optional<CodedConcept> method() {
    return Optional.ofNullable(Find.code(children(), SrCodes.MEASUREMENT_METHOD));
  }

  /**
   * Returns the algorithm identification.
   *
   * @return the algorithm, or empty
   */
  public Optional<AlgorithmIdentification> algorithmId() {
    return Optional.ofNullable(AlgorithmIdentification.find(children()));
  }

  /**
   * Returns the Activity Session (C67447, NCIt).
   *
   * @return the session, or empty
   */
  public Optional<String> session() {
    return Optional.ofNullable(Find.text(children(), SrCodes.SESSION));
  }

  /**
   * Returns the time point context.
   *
   * @return the context, or empty
   */
  public Optional<TimePointContext> timePointContext() {
    return Optional.ofNullable(TimePointContext.find(children()));
  }

  /**
   * Returns the referenced real world value map.
   *
   * @return the reference, or empty
   */
  public Optional<RealWorldValueMap> referencedRealWorldValueMap() {
    CompositeContentItem c =
        Find.first(children(), SrCodes.REAL_WORLD_VALUE_MAP, CompositeContentItem.class);
    return c == null ? Optional.empty() : Optional.of(RealWorldValueMap.fromContentItem(c));
  }

  /**
   * Returns all measurements (NUM items with relationship CONTAINS).
   *
   * @return the measurements in order
   */
  public List<Measurement> measurements() {
    List<Measurement> out = new ArrayList<>();
    for (ContentItem c : children()) {
      if (c instanceof NumContentItem
          && c.relationshipType().orElse(null) == RelationshipTypeValues.CONTAINS) {
        out.add(Measurement.fromContentItem(c));
      }
    }
    return out;
  }

  /**
   * Returns the measurements with a given name (highdicom's {@code get_measurements(name)}).
   *
   * @param name the concept name, or null for all
   * @return the matching measurements
   */
  public List<Measurement> getMeasurements(CodedConcept name) {
    List<Measurement> out = new ArrayList<>();
    for (Measurement m : measurements()) {
      if (name == null || name.equals(m.name())) {
        out.add(m);
      }
    }
    return out;
  }

  /**
   * Returns all qualitative evaluations (CODE and TEXT items with relationship CONTAINS other than
   * the finding type).
   *
   * @return the evaluations in order
   */
  public List<QualitativeEvaluation> qualitativeEvaluations() {
    List<QualitativeEvaluation> out = new ArrayList<>();
    for (ContentItem c : children()) {
      if ((c instanceof CodeContentItem || c instanceof TextContentItem)
          && c.relationshipType().orElse(null) == RelationshipTypeValues.CONTAINS
          && !SrCodes.FINDING.equals(c.name())) {
        out.add(QualitativeEvaluation.fromContentItem(c));
      }
    }
    return out;
  }

  /**
   * Returns the qualitative evaluations with a given name.
   *
   * @param name the concept name, or null for all
   * @return the matching evaluations
   */
  public List<QualitativeEvaluation> getQualitativeEvaluations(CodedConcept name) {
    List<QualitativeEvaluation> out = new ArrayList<>();
    for (QualitativeEvaluation q : qualitativeEvaluations()) {
      if (name == null || name.equals(q.name())) {
        out.add(q);
      }
    }
    return out;
  }

  /** Collects the SOP instance and class UIDs of images and segmentations the group references. */
  Set<String> referencedUids(boolean classes) {
    Set<String> out = new LinkedHashSet<>();
    collectUids(children(), classes, out, 0);
    return out;
  }

  private static void collectUids(
      List<ContentItem> items, boolean classes, Set<String> out, int d) {
    for (ContentItem c : items) {
      if (c instanceof NumContentItem || d > 3) {
        continue; // measurements' own sources are not the group's
      }
      if (c instanceof ImageContentItem) {
        ImageContentItem i = (ImageContentItem) c;
        out.add(classes ? i.referencedSopClassUid() : i.referencedSopInstanceUid());
      }
      collectUids(c.content(), classes, out, d + 1);
    }
  }

  /**
   * Returns the CONTAINER content item.
   *
   * @return the item
   */
  public ContainerContentItem toContentItem() {
    return item;
  }

  /**
   * Returns the content item data set.
   *
   * @return a new data set
   */
  public DicomDataset toDataset() {
    return item.toDataset();
  }

  /**
   * Options shared by the builders of the three measurement group templates.
   *
   * @param <B> the concrete builder
   */
  public abstract static class Builder<B extends Builder<B>> {
    final TrackingIdentifier trackingIdentifier;
    RealWorldValueMap realWorldValueMap;
    TimePointContext timePointContext;
    CodedConcept findingType;
    CodedConcept findingCategory;
    CodedConcept method;
    AlgorithmIdentification algorithmId;
    final List<FindingSite> findingSites = new ArrayList<>();
    String session;
    final List<Measurement> measurements = new ArrayList<>();
    final List<QualitativeEvaluation> evaluations = new ArrayList<>();
    CodedConcept geometricPurpose;

    Builder(TrackingIdentifier trackingIdentifier) {
      this.trackingIdentifier = Objects.requireNonNull(trackingIdentifier, "trackingIdentifier");
    }

    abstract B self();

    /**
     * Sets the referenced real world value map.
     *
     * @param map the reference
     * @return this builder
     */
    public B referencedRealWorldValueMap(RealWorldValueMap map) {
      this.realWorldValueMap = map;
      return self();
    }

    /**
     * Sets the time point context.
     *
     * @param context the context
     * @return this builder
     */
    public B timePointContext(TimePointContext context) {
      this.timePointContext = context;
      return self();
    }

    /**
     * Sets the type of finding (Finding (121071, DCM)).
     *
     * @param findingType the type, e.g. Nodule
     * @return this builder
     */
    public B findingType(CodedConcept findingType) {
      this.findingType = findingType;
      return self();
    }

    /**
     * Sets the Finding category (276214006, SCT).
     *
     * @param category the category
     * @return this builder
     */
    public B findingCategory(CodedConcept category) {
      this.findingCategory = category;
      return self();
    }

    /**
     * Sets the Measurement Method (370129005, SCT) (CID 6147).
     *
     * @param method the method
     * @return this builder
     */
    public B method(CodedConcept method) {
      this.method = method;
      return self();
    }

    /**
     * Sets the algorithm identification.
     *
     * @param algorithmId the algorithm
     * @return this builder
     */
    public B algorithmId(AlgorithmIdentification algorithmId) {
      this.algorithmId = algorithmId;
      return self();
    }

    /**
     * Adds finding sites.
     *
     * @param sites the sites
     * @return this builder
     */
    public B findingSites(List<FindingSite> sites) {
      this.findingSites.addAll(sites);
      return self();
    }

    /**
     * Sets the Activity Session (C67447, NCIt).
     *
     * @param session the session description
     * @return this builder
     */
    public B session(String session) {
      this.session = session;
      return self();
    }

    /**
     * Adds measurements.
     *
     * @param measurements the measurements
     * @return this builder
     */
    public B measurements(List<Measurement> measurements) {
      this.measurements.addAll(measurements);
      return self();
    }

    /**
     * Adds qualitative evaluations.
     *
     * @param evaluations the evaluations
     * @return this builder
     */
    public B qualitativeEvaluations(List<QualitativeEvaluation> evaluations) {
      this.evaluations.addAll(evaluations);
      return self();
    }
  }
}
