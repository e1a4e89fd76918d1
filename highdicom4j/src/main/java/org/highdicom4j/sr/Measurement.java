package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;

/**
 * TID 300 Measurement: a NUM item with relationship CONTAINS holding the value and unit, modified
 * by its method, derivation and finding sites (HAS CONCEPT MOD), tracking identifier and algorithm
 * (HAS OBS CONTEXT, HAS CONCEPT MOD), properties (TID 310, HAS PROPERTIES) and its sources
 * (INFERRED FROM: images, coordinates, real world value map); highdicom's {@code Measurement}.
 *
 * <p>Build with {@link #Measurement(CodedConcept, double, CodedConcept)} or {@link #builder}.
 */
public final class Measurement extends Template {
  private final NumContentItem item;

  /**
   * Creates a measurement with a value and unit only.
   *
   * @param name the concept measured, e.g. Area of defined region
   * @param value the value
   * @param unit the unit, e.g. UCUM mm2
   * @throws IllegalArgumentException when the value is not finite
   */
  public Measurement(CodedConcept name, double value, CodedConcept unit) {
    this(builder(name, value, unit).buildItem());
  }

  private Measurement(NumContentItem item) {
    super(List.of(item));
    this.item = item;
  }

  /**
   * Starts building a measurement.
   *
   * @param name the concept measured
   * @param value the value, or null when a qualifier says why there is none
   * @param unit the unit, required with a value
   * @return a builder
   */
  public static Builder builder(CodedConcept name, Double value, CodedConcept unit) {
    return new Builder(name, value, unit);
  }

  /**
   * Interprets a NUM content item as a measurement (tolerantly: any NUM item).
   *
   * @param item a NUM item
   * @return the measurement, keeping the item as read
   * @throws IllegalArgumentException when the item is not a NUM item
   */
  public static Measurement fromContentItem(ContentItem item) {
    return new Measurement(ContentItem.cast(item, NumContentItem.class, ValueTypeValues.NUM));
  }

  /**
   * Reads a measurement from a NUM content item data set.
   *
   * @param dataset the content item
   * @return the measurement
   * @throws IllegalArgumentException when it is not a valid NUM item
   */
  public static Measurement fromDataset(DicomDataset dataset) {
    return fromContentItem(ContentItem.fromDataset(dataset));
  }

  /**
   * Returns the concept measured.
   *
   * @return the name
   */
  public CodedConcept name() {
    return item.name();
  }

  /**
   * Returns the value.
   *
   * @return the value, or empty when only a qualifier is given
   */
  public Optional<Double> value() {
    return item.value();
  }

  /**
   * Returns the unit.
   *
   * @return the unit, or empty without a value
   */
  public Optional<CodedConcept> unit() {
    return item.unit();
  }

  /**
   * Returns the Numeric Value Qualifier.
   *
   * @return the qualifier, or empty
   */
  public Optional<CodedConcept> qualifier() {
    return item.qualifier();
  }

  /**
   * Returns the Derivation (121401, DCM).
   *
   * @return the derivation, or empty
   */
  public Optional<CodedConcept> derivation() {
    return Optional.ofNullable(Find.code(item.content(), SrCodes.DERIVATION));
  }

  /**
   * Returns the Measurement Method (370129005, SCT).
   *
   * @return the method, or empty
   */
  public Optional<CodedConcept> method() {
    return Optional.ofNullable(Find.code(item.content(), SrCodes.MEASUREMENT_METHOD));
  }

  /**
   * Returns the finding sites.
   *
   * @return the sites, possibly empty
   */
  public List<FindingSite> findingSites() {
    return FindingSite.findAll(item.content());
  }

  /**
   * Returns the tracking identifier.
   *
   * @return the identifier, or empty
   */
  public Optional<TrackingIdentifier> trackingIdentifier() {
    return Optional.ofNullable(TrackingIdentifier.find(item.content()));
  }

  /**
   * Returns the algorithm identification.
   *
   * @return the algorithm, or empty
   */
  public Optional<AlgorithmIdentification> algorithmId() {
    return Optional.ofNullable(AlgorithmIdentification.find(item.content()));
  }

  /**
   * Returns the measurement properties (TID 310).
   *
   * @return the properties, or empty
   */
  public Optional<MeasurementProperties> properties() {
    return Optional.ofNullable(MeasurementProperties.find(item.content()));
  }

  /**
   * Returns the source images (INFERRED FROM IMAGE items).
   *
   * @return the images, possibly empty
   */
  public List<SourceImageForMeasurement> referencedImages() {
    List<SourceImageForMeasurement> out = new ArrayList<>();
    for (ContentItem c : item.content()) {
      if (c instanceof ImageContentItem
          && c.relationshipType().orElse(null) == RelationshipTypeValues.INFERRED_FROM) {
        ImageContentItem i = (ImageContentItem) c;
        out.add(
            new SourceImageForMeasurement(
                i.referencedSopClassUid(),
                i.referencedSopInstanceUid(),
                i.referencedFrameNumbers()));
      }
    }
    return out;
  }

  /**
   * Returns the coordinates the measurement was made on (INFERRED FROM SCOORD or SCOORD3D items):
   * {@link CoordinatesForMeasurement} or {@link CoordinatesForMeasurement3D}.
   *
   * @return the coordinates, possibly empty
   */
  public List<Template> referencedCoordinates() {
    List<Template> out = new ArrayList<>();
    for (ContentItem c : item.content()) {
      if (c.relationshipType().orElse(null) != RelationshipTypeValues.INFERRED_FROM) {
        continue;
      }
      if (c instanceof ScoordContentItem) {
        out.add(CoordinatesForMeasurement.of((ScoordContentItem) c));
      } else if (c instanceof Scoord3DContentItem) {
        out.add(CoordinatesForMeasurement3D.of((Scoord3DContentItem) c));
      }
    }
    return out;
  }

  /**
   * Returns the real world value map used.
   *
   * @return the reference, or empty
   */
  public Optional<RealWorldValueMap> referencedRealWorldValueMap() {
    CompositeContentItem c =
        Find.first(item.content(), SrCodes.REAL_WORLD_VALUE_MAP, CompositeContentItem.class);
    return c == null ? Optional.empty() : Optional.of(RealWorldValueMap.fromContentItem(c));
  }

  /**
   * Returns the concept modifiers other than method, derivation and finding sites (HAS CONCEPT MOD
   * CODE items, TID 1419 row 6).
   *
   * @return the modifiers in order, each with its name and value
   */
  public List<CodeContentItem> modifiers() {
    List<CodeContentItem> out = new ArrayList<>();
    for (ContentItem c : item.content()) {
      if (c instanceof CodeContentItem
          && c.relationshipType().orElse(null) == RelationshipTypeValues.HAS_CONCEPT_MOD
          && !SrCodes.MEASUREMENT_METHOD.equals(c.name())
          && !SrCodes.DERIVATION.equals(c.name())
          && !SrCodes.FINDING_SITE.equals(c.name())) {
        out.add((CodeContentItem) c);
      }
    }
    return out;
  }

  /**
   * Returns the derivation parameters (INFERRED FROM NUM items, TID 1419 row 13).
   *
   * @return the parameters in order
   */
  public List<NumContentItem> derivationParameters() {
    List<NumContentItem> out = new ArrayList<>();
    for (ContentItem c : item.content()) {
      if (c instanceof NumContentItem
          && c.relationshipType().orElse(null) == RelationshipTypeValues.INFERRED_FROM) {
        out.add((NumContentItem) c);
      }
    }
    return out;
  }

  /**
   * Returns the NUM content item.
   *
   * @return the item
   */
  public NumContentItem toContentItem() {
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

  /** Builder of a {@link Measurement}; every optional part may be set once. */
  public static final class Builder {
    private final CodedConcept name;
    private final Double value;
    private final CodedConcept unit;
    private CodedConcept qualifier;
    private TrackingIdentifier trackingIdentifier;
    private CodedConcept method;
    private CodedConcept derivation;
    private final List<FindingSite> findingSites = new ArrayList<>();
    private AlgorithmIdentification algorithmId;
    private MeasurementProperties properties;
    private final List<SourceImageForMeasurement> referencedImages = new ArrayList<>();
    private final List<Template> referencedCoordinates = new ArrayList<>();
    private RealWorldValueMap realWorldValueMap;
    private final List<ContentItem> modifiers = new ArrayList<>();
    private final List<ContentItem> derivationParameters = new ArrayList<>();

    private Builder(CodedConcept name, Double value, CodedConcept unit) {
      this.name = Objects.requireNonNull(name, "name");
      this.value = value;
      this.unit = unit;
    }

    /**
     * Sets the Numeric Value Qualifier (CID 42).
     *
     * @param qualifier the qualifier
     * @return this builder
     */
    public Builder qualifier(CodedConcept qualifier) {
      this.qualifier = qualifier;
      return this;
    }

    /**
     * Sets the tracking identifier of the measurement.
     *
     * @param trackingIdentifier the identifier
     * @return this builder
     */
    public Builder trackingIdentifier(TrackingIdentifier trackingIdentifier) {
      this.trackingIdentifier = trackingIdentifier;
      return this;
    }

    /**
     * Sets the Measurement Method (370129005, SCT).
     *
     * @param method the method
     * @return this builder
     */
    public Builder method(CodedConcept method) {
      this.method = method;
      return this;
    }

    /**
     * Sets the Derivation (121401, DCM), e.g. Mean (CID 7464).
     *
     * @param derivation the derivation
     * @return this builder
     */
    public Builder derivation(CodedConcept derivation) {
      this.derivation = derivation;
      return this;
    }

    /**
     * Adds finding sites.
     *
     * @param sites the sites
     * @return this builder
     */
    public Builder findingSites(List<FindingSite> sites) {
      this.findingSites.addAll(sites);
      return this;
    }

    /**
     * Sets the algorithm identification.
     *
     * @param algorithmId the algorithm
     * @return this builder
     */
    public Builder algorithmId(AlgorithmIdentification algorithmId) {
      this.algorithmId = algorithmId;
      return this;
    }

    /**
     * Sets the measurement properties (TID 310).
     *
     * @param properties the properties
     * @return this builder
     */
    public Builder properties(MeasurementProperties properties) {
      this.properties = properties;
      return this;
    }

    /**
     * Adds source images.
     *
     * @param images the images
     * @return this builder
     */
    public Builder referencedImages(List<SourceImageForMeasurement> images) {
      this.referencedImages.addAll(images);
      return this;
    }

    /**
     * Adds 2D coordinates the measurement was made on.
     *
     * @param coordinates the coordinates
     * @return this builder
     */
    public Builder referencedCoordinates(CoordinatesForMeasurement coordinates) {
      this.referencedCoordinates.add(Objects.requireNonNull(coordinates, "coordinates"));
      return this;
    }

    /**
     * Adds 3D coordinates the measurement was made on.
     *
     * @param coordinates the coordinates
     * @return this builder
     */
    public Builder referencedCoordinates(CoordinatesForMeasurement3D coordinates) {
      this.referencedCoordinates.add(Objects.requireNonNull(coordinates, "coordinates"));
      return this;
    }

    /**
     * Sets the real world value map used for the measurement.
     *
     * @param map the reference
     * @return this builder
     */
    public Builder referencedRealWorldValueMap(RealWorldValueMap map) {
      this.realWorldValueMap = map;
      return this;
    }

    /**
     * Adds a concept modifier of the measurement (TID 1419 row 6: HAS CONCEPT MOD CODE), e.g. a
     * preprocessing step; may be called repeatedly.
     *
     * @param name the modifier's concept name
     * @param value its coded value
     * @return this builder
     */
    public Builder modifier(CodedConcept name, CodedConcept value) {
      modifiers.add(new CodeContentItem(name, value, RelationshipTypeValues.HAS_CONCEPT_MOD));
      return this;
    }

    /**
     * Adds a derivation parameter (TID 1419 row 13: INFERRED FROM NUM); may be called repeatedly.
     *
     * @param name the parameter's concept name
     * @param value its value
     * @param unit its unit
     * @return this builder
     * @throws IllegalArgumentException when the value is not finite
     */
    public Builder derivationParameter(CodedConcept name, double value, CodedConcept unit) {
      derivationParameters.add(
          new NumContentItem(name, value, unit, RelationshipTypeValues.INFERRED_FROM));
      return this;
    }

    boolean hasCoordinates() {
      return !referencedCoordinates.isEmpty();
    }

    NumContentItem buildItem() {
      RelationshipTypeValues mod = RelationshipTypeValues.HAS_CONCEPT_MOD;
      NumContentItem num =
          new NumContentItem(name, value, unit, qualifier, RelationshipTypeValues.CONTAINS);
      List<ContentItem> children = new ArrayList<>();
      if (trackingIdentifier != null) {
        children.addAll(trackingIdentifier.contentItems());
      }
      if (method != null) {
        children.add(new CodeContentItem(SrCodes.MEASUREMENT_METHOD, method, mod));
      }
      children.addAll(modifiers);
      if (derivation != null) {
        children.add(new CodeContentItem(SrCodes.DERIVATION, derivation, mod));
      }
      for (FindingSite s : findingSites) {
        children.add(s.toContentItem());
      }
      if (algorithmId != null) {
        children.addAll(algorithmId.contentItems());
      }
      if (properties != null) {
        children.addAll(properties.contentItems());
      }
      for (SourceImageForMeasurement i : referencedImages) {
        children.add(i.toContentItem());
      }
      for (Template t : referencedCoordinates) {
        children.addAll(t.contentItems());
      }
      children.addAll(derivationParameters);
      if (realWorldValueMap != null) {
        children.addAll(
            realWorldValueMap
                .withRelationship(RelationshipTypeValues.INFERRED_FROM)
                .contentItems());
      }
      return children.isEmpty() ? num : num.withContent(children);
    }

    /**
     * Builds the measurement.
     *
     * @return the measurement
     * @throws IllegalArgumentException when the value and unit or qualifier do not fit together
     */
    public Measurement build() {
      return new Measurement(buildItem());
    }
  }
}
