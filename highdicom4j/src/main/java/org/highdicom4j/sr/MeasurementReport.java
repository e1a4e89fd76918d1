package org.highdicom4j.sr;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.coding.CodedConcept;
import org.highdicom4j.dicom.data.DicomDataset;
import org.highdicom4j.dicom.data.Sequence;

/**
 * TID 1500 Measurement Report: the root CONTAINER of a measurement report with its language,
 * observation context, procedures reported, image library (TID 1600) and Imaging Measurements
 * (126010, DCM) holding the measurement groups; highdicom's {@code MeasurementReport}.
 *
 * <p>Built from its parts, or read with {@link #fromDataset} from an SR document (or its root
 * content item), after which the query methods find measurement groups by tracking UID, finding
 * type and site, referenced instances, reference type and graphic type. Reading is tolerant of
 * third-party documents: groups without template identifiers, SRT codes, missing optional items.
 */
public final class MeasurementReport extends Template {
  private static final System.Logger LOG = System.getLogger(MeasurementReport.class.getName());

  private final ContainerContentItem root;
  private final List<MeasurementGroup> groups;

  /**
   * Creates a report titled Imaging Measurement Report, in English, with an empty image library.
   *
   * @param observationContext the observation context
   * @param procedureReported the procedures (CID 100), at least one
   * @param imagingMeasurements the measurement groups (required, possibly empty)
   */
  public MeasurementReport(
      ObservationContext observationContext,
      List<CodedConcept> procedureReported,
      List<? extends MeasurementGroup> imagingMeasurements) {
    this(observationContext, procedureReported, imagingMeasurements, null, null, null);
  }

  /**
   * Creates a report.
   *
   * @param observationContext the observation context
   * @param procedureReported the procedures (CID 100), at least one
   * @param imagingMeasurements the measurement groups (required, possibly empty)
   * @param title the document title (CID 7021), or null for Imaging Measurement Report (126000,
   *     DCM)
   * @param language the language, or null for English (United States)
   * @param referencedImages the images of the image library (TID 1600), or null for none
   * @throws IllegalArgumentException when no procedure is given
   * @throws NullPointerException when observationContext, procedureReported or imagingMeasurements
   *     is null
   */
  public MeasurementReport(
      ObservationContext observationContext,
      List<CodedConcept> procedureReported,
      List<? extends MeasurementGroup> imagingMeasurements,
      CodedConcept title,
      LanguageOfContentItemAndDescendants language,
      List<DicomDataset> referencedImages) {
    this(
        build(
            observationContext,
            procedureReported,
            imagingMeasurements,
            title,
            language,
            referencedImages),
        List.copyOf(Objects.requireNonNull(imagingMeasurements, "imagingMeasurements")));
  }

  private MeasurementReport(ContainerContentItem root, List<MeasurementGroup> groups) {
    super(new ContentSequence(List.of(root), true, true));
    this.root = root;
    this.groups = Collections.unmodifiableList(groups);
  }

  private static ContainerContentItem build(
      ObservationContext oc,
      List<CodedConcept> procedures,
      List<? extends MeasurementGroup> groups,
      CodedConcept title,
      LanguageOfContentItemAndDescendants language,
      List<DicomDataset> images) {
    Objects.requireNonNull(oc, "observationContext");
    Objects.requireNonNull(procedures, "procedureReported");
    Objects.requireNonNull(groups, "imagingMeasurements");
    if (procedures.isEmpty()) {
      throw new IllegalArgumentException(
          "Procedure reported (121058, DCM) is required (expected at least one procedure): none");
    }
    List<ContentItem> ch = new ArrayList<>();
    ch.addAll(
        (language == null ? new LanguageOfContentItemAndDescendants(null) : language)
            .contentItems());
    ch.addAll(oc.contentItems());
    for (CodedConcept p : procedures) {
      ch.add(
          new CodeContentItem(
              SrCodes.PROCEDURE_REPORTED, p, RelationshipTypeValues.HAS_CONCEPT_MOD));
    }
    ch.add(new ImageLibrary(images == null ? List.of() : images).toContentItem());
    List<ContentItem> groupItems = new ArrayList<>(groups.size());
    for (MeasurementGroup g : groups) {
      groupItems.add(g.toContentItem());
    }
    ContainerContentItem measurements =
        new ContainerContentItem(SrCodes.IMAGING_MEASUREMENTS, RelationshipTypeValues.CONTAINS);
    ch.add(groupItems.isEmpty() ? measurements : measurements.withContent(groupItems));
    return new ContainerContentItem(
            title == null ? SrCodes.IMAGING_MEASUREMENT_REPORT : title, true, "1500", null)
        .withContent(ch);
  }

  /**
   * Reads a report from its root content item.
   *
   * @param root the root CONTAINER
   * @return the report, with typed measurement groups
   * @throws IllegalArgumentException when the root is not a CONTAINER
   */
  public static MeasurementReport fromContentItem(ContentItem root) {
    ContainerContentItem c =
        ContentItem.cast(root, ContainerContentItem.class, ValueTypeValues.CONTAINER);
    if (!c.templateId().map(t -> t.replace("TID", "").strip().equals("1500")).orElse(false)) {
      LOG.log(
          Level.WARNING,
          "Root content item does not name template 1500 (ContentTemplateSequence); reading it as"
              + " a measurement report anyway: {0}",
          c.name());
    }
    if (c.relationshipType().isPresent()) {
      // A report read from inside another tree keeps its items; the root item has none.
      c =
          new ContainerContentItem(
                  c.name(), c.isContentContinuous(), c.templateId().orElse(null), null)
              .copyWith(c.content());
    }
    List<MeasurementGroup> groups = new ArrayList<>();
    for (ContentItem m :
        Find.all(c.content(), SrCodes.IMAGING_MEASUREMENTS, ContainerContentItem.class)) {
      for (ContentItem g : m.content()) {
        if (g instanceof ContainerContentItem) {
          groups.add(MeasurementGroup.fromContentItem(g));
        }
      }
    }
    return new MeasurementReport(c, groups);
  }

  /**
   * Reads a report from an SR document data set or a root content item data set.
   *
   * @param dataset the data set holding the root item's attributes
   * @return the report
   * @throws IllegalArgumentException when the root is not a CONTAINER
   */
  public static MeasurementReport fromDataset(DicomDataset dataset) {
    return fromContentItem(ContentItem.fromDataset(dataset));
  }

  /**
   * Reads a report from a sequence whose first item is the root content item (highdicom's {@code
   * from_sequence}).
   *
   * @param sequence the sequence
   * @return the report
   * @throws IllegalArgumentException when the sequence is empty or its item not a CONTAINER
   */
  public static MeasurementReport fromSequence(Sequence sequence) {
    Objects.requireNonNull(sequence, "sequence");
    if (sequence.isEmpty()) {
      throw new IllegalArgumentException(
          "A measurement report sequence needs its root content item (expected 1 item): 0");
    }
    return fromDataset(sequence.get(0));
  }

  /**
   * Returns the root CONTAINER content item.
   *
   * @return the root item
   */
  public ContainerContentItem toContentItem() {
    return root;
  }

  /**
   * Returns the root content item as a data set.
   *
   * @return a new data set
   */
  public DicomDataset toDataset() {
    return root.toDataset();
  }

  /**
   * Returns the document title (the root item's concept name).
   *
   * @return the title
   */
  public CodedConcept title() {
    return root.name();
  }

  /**
   * Returns the procedures reported.
   *
   * @return the procedure codes
   */
  public List<CodedConcept> procedureReported() {
    List<CodedConcept> out = new ArrayList<>();
    for (CodeContentItem c :
        Find.all(root.content(), SrCodes.PROCEDURE_REPORTED, CodeContentItem.class)) {
      out.add(c.value());
    }
    return out;
  }

  /**
   * Returns the language of the content.
   *
   * @return the language, or empty
   */
  public Optional<LanguageOfContentItemAndDescendants> language() {
    return Optional.ofNullable(LanguageOfContentItemAndDescendants.find(root.content()));
  }

  /**
   * Returns the image library.
   *
   * @return the library, or empty
   */
  public Optional<ImageLibrary> imageLibrary() {
    ContainerContentItem c =
        Find.first(root.content(), SrCodes.IMAGE_LIBRARY, ContainerContentItem.class);
    return c == null ? Optional.empty() : Optional.of(ImageLibrary.fromContentItem(c));
  }

  /**
   * Returns the observer contexts (TID 1002) of the report (highdicom's {@code
   * get_observer_contexts}).
   *
   * @param observerType Person or Device, or null for both
   * @return the observer contexts in order
   */
  public List<ObserverContext> getObserverContexts(CodedConcept observerType) {
    List<ObserverContext> out = new ArrayList<>();
    for (List<ContentItem> run : contextRuns(SrCodes.OBSERVER_TYPE)) {
      ObserverContext oc = ObserverContext.read(run);
      if (observerType == null || observerType.equals(oc.observerType())) {
        out.add(oc);
      }
    }
    return out;
  }

  /**
   * Returns the subject contexts (TID 1006) of the report.
   *
   * @param subjectClass the subject class, or null for all
   * @return the subject contexts in order
   */
  public List<SubjectContext> getSubjectContexts(CodedConcept subjectClass) {
    List<SubjectContext> out = new ArrayList<>();
    for (List<ContentItem> run : contextRuns(SrCodes.SUBJECT_CLASS)) {
      SubjectContext sc = SubjectContext.read(run);
      if (subjectClass == null || subjectClass.equals(sc.subjectClass())) {
        out.add(sc);
      }
    }
    return out;
  }

  // Splits the root's HAS OBS CONTEXT children into runs, each started by an Observer Type or
  // Subject Class item; returns the runs started by the given concept.
  private List<List<ContentItem>> contextRuns(CodedConcept starter) {
    List<List<ContentItem>> runs = new ArrayList<>();
    List<ContentItem> current = null;
    boolean currentMatches = false;
    for (ContentItem c : root.content()) {
      if (c.relationshipType().orElse(null) != RelationshipTypeValues.HAS_OBS_CONTEXT) {
        continue;
      }
      boolean isObs = SrCodes.OBSERVER_TYPE.equals(c.name());
      boolean isSubj = SrCodes.SUBJECT_CLASS.equals(c.name());
      if (isObs || isSubj) {
        if (current != null && currentMatches) {
          runs.add(current);
        }
        current = new ArrayList<>();
        currentMatches = starter.equals(c.name());
      } else if (current == null) {
        // Person observer items without an Observer Type: TID 1002 defaults to Person.
        current = new ArrayList<>();
        currentMatches = starter.equals(SrCodes.OBSERVER_TYPE);
      }
      current.add(c);
    }
    if (current != null && currentMatches) {
      runs.add(current);
    }
    return runs;
  }

  /**
   * Returns all measurement groups in order.
   *
   * @return the groups
   */
  public List<MeasurementGroup> measurementGroups() {
    return groups;
  }

  /**
   * Returns the image-level measurement groups (TID 1501).
   *
   * @return all of them
   */
  public List<MeasurementsAndQualitativeEvaluations> getImageMeasurementGroups() {
    return getImageMeasurementGroups(MeasurementGroupQuery.all());
  }

  /**
   * Returns the image-level measurement groups (TID 1501) that match a query.
   *
   * @param query tracking UID, finding type and site, referenced SOP instance and class filters
   * @return the matching groups
   * @throws IllegalArgumentException when the query filters by reference or graphic type, which
   *     image-level groups do not have
   */
  public List<MeasurementsAndQualitativeEvaluations> getImageMeasurementGroups(
      MeasurementGroupQuery query) {
    if (query.referenceType != null || query.graphicType != null) {
      throw new IllegalArgumentException(
          "Image measurement groups have no region (expected no referenceType or graphicType"
              + " filter)");
    }
    return select(MeasurementsAndQualitativeEvaluations.class, query);
  }

  /**
   * Returns the planar ROI measurement groups (TID 1410).
   *
   * @return all of them
   */
  public List<PlanarROIMeasurementsAndQualitativeEvaluations> getPlanarRoiMeasurementGroups() {
    return getPlanarRoiMeasurementGroups(MeasurementGroupQuery.all());
  }

  /**
   * Returns the planar ROI measurement groups (TID 1410) that match a query.
   *
   * @param query the filters; a graphic type implies reference type Image Region
   * @return the matching groups
   * @throws IllegalArgumentException for a graphic type with another reference type, or a 3D
   *     graphic type with a referenced SOP instance or class (3D regions reference no image)
   */
  public List<PlanarROIMeasurementsAndQualitativeEvaluations> getPlanarRoiMeasurementGroups(
      MeasurementGroupQuery query) {
    checkRoiQuery(query, SrCodes.IMAGE_REGION);
    return select(PlanarROIMeasurementsAndQualitativeEvaluations.class, query);
  }

  /**
   * Returns the volumetric ROI measurement groups (TID 1411).
   *
   * @return all of them
   */
  public List<VolumetricROIMeasurementsAndQualitativeEvaluations>
      getVolumetricRoiMeasurementGroups() {
    return getVolumetricRoiMeasurementGroups(MeasurementGroupQuery.all());
  }

  /**
   * Returns the volumetric ROI measurement groups (TID 1411) that match a query.
   *
   * @param query the filters; a 2D graphic type implies Image Region, a 3D one Volume Surface
   * @return the matching groups
   * @throws IllegalArgumentException for a graphic type with a reference type it cannot have, or a
   *     3D graphic type with a referenced SOP instance or class
   */
  public List<VolumetricROIMeasurementsAndQualitativeEvaluations> getVolumetricRoiMeasurementGroups(
      MeasurementGroupQuery query) {
    checkRoiQuery(
        query,
        query.graphicType instanceof GraphicTypeValues3D
            ? SrCodes.VOLUME_SURFACE
            : SrCodes.IMAGE_REGION);
    return select(VolumetricROIMeasurementsAndQualitativeEvaluations.class, query);
  }

  private static void checkRoiQuery(MeasurementGroupQuery q, CodedConcept implied) {
    if (q.graphicType == null) {
      return;
    }
    if (q.referenceType != null && !q.referenceType.equals(implied)) {
      throw new IllegalArgumentException(
          "A graphic type filter needs reference type "
              + implied
              + " (expected that or none): "
              + q.referenceType);
    }
    if (q.graphicType instanceof GraphicTypeValues3D
        && (q.referencedSopInstanceUid != null || q.referencedSopClassUid != null)) {
      throw new IllegalArgumentException(
          "A 3D graphic type cannot be combined with a referenced SOP instance or class filter"
              + " (expected frame-of-reference regions to reference no image): "
              + q.graphicType);
    }
  }

  private <T extends MeasurementGroup> List<T> select(Class<T> type, MeasurementGroupQuery q) {
    List<T> out = new ArrayList<>();
    for (MeasurementGroup g : groups) {
      if (type.isInstance(g) && matches(g, q)) {
        out.add(type.cast(g));
      }
    }
    return out;
  }

  private static boolean matches(MeasurementGroup g, MeasurementGroupQuery q) {
    if (q.trackingUid != null && !q.trackingUid.equals(g.trackingUid().orElse(null))) {
      return false;
    }
    if (q.findingType != null && !q.findingType.equals(g.findingType().orElse(null))) {
      return false;
    }
    if (q.findingSite != null
        && g.findingSites().stream().noneMatch(s -> q.findingSite.equals(s.value()))) {
      return false;
    }
    if (q.referencedSopInstanceUid != null
        && !g.referencedUids(false).contains(q.referencedSopInstanceUid)) {
      return false;
    }
    if (q.referencedSopClassUid != null
        && !g.referencedUids(true).contains(q.referencedSopClassUid)) {
      return false;
    }
    CodedConcept refType = null;
    Object graphic = null;
    if (g instanceof PlanarROIMeasurementsAndQualitativeEvaluations) {
      PlanarROIMeasurementsAndQualitativeEvaluations p =
          (PlanarROIMeasurementsAndQualitativeEvaluations) g;
      refType = p.referenceType().orElse(null);
      Template roi = p.roi().orElse(null);
      if (roi instanceof ImageRegion) {
        graphic = ((ImageRegion) roi).graphicType();
      } else if (roi instanceof ImageRegion3D) {
        graphic = ((ImageRegion3D) roi).graphicType();
      }
    } else if (g instanceof VolumetricROIMeasurementsAndQualitativeEvaluations) {
      VolumetricROIMeasurementsAndQualitativeEvaluations v =
          (VolumetricROIMeasurementsAndQualitativeEvaluations) g;
      refType = v.referenceType().orElse(null);
      if (!v.referencedRegions().isEmpty()) {
        graphic = v.referencedRegions().get(0).graphicType();
      } else if (v.referencedVolumeSurface().isPresent()) {
        graphic = v.referencedVolumeSurface().get().graphicType();
      }
    }
    if (q.referenceType != null && !q.referenceType.equals(refType)) {
      return false;
    }
    return q.graphicType == null || q.graphicType == graphic;
  }
}
