package org.highdicom4j.sr;

import org.highdicom4j.coding.CodedConcept;

/**
 * Filters of {@link MeasurementReport}'s measurement group queries (highdicom's keyword arguments
 * of {@code get_*_measurement_groups}); a group matches when it meets every filter set. Immutable:
 * each method returns a new query.
 */
public final class MeasurementGroupQuery {
  private static final MeasurementGroupQuery ALL =
      new MeasurementGroupQuery(null, null, null, null, null, null, null);

  final String trackingUid;
  final CodedConcept findingType;
  final CodedConcept findingSite;
  final String referencedSopInstanceUid;
  final String referencedSopClassUid;
  final CodedConcept referenceType;
  final Object graphicType;

  private MeasurementGroupQuery(
      String trackingUid,
      CodedConcept findingType,
      CodedConcept findingSite,
      String sopInstance,
      String sopClass,
      CodedConcept referenceType,
      Object graphicType) {
    this.trackingUid = trackingUid;
    this.findingType = findingType;
    this.findingSite = findingSite;
    this.referencedSopInstanceUid = sopInstance;
    this.referencedSopClassUid = sopClass;
    this.referenceType = referenceType;
    this.graphicType = graphicType;
  }

  /**
   * Returns the query matching every group.
   *
   * @return the empty query
   */
  public static MeasurementGroupQuery all() {
    return ALL;
  }

  /**
   * Filters by Tracking Unique Identifier.
   *
   * @param uid the tracking UID
   * @return the new query
   */
  public MeasurementGroupQuery trackingUid(String uid) {
    return new MeasurementGroupQuery(
        uid,
        findingType,
        findingSite,
        referencedSopInstanceUid,
        referencedSopClassUid,
        referenceType,
        graphicType);
  }

  /**
   * Filters by finding type.
   *
   * @param type the finding type
   * @return the new query
   */
  public MeasurementGroupQuery findingType(CodedConcept type) {
    return new MeasurementGroupQuery(
        trackingUid,
        type,
        findingSite,
        referencedSopInstanceUid,
        referencedSopClassUid,
        referenceType,
        graphicType);
  }

  /**
   * Filters by finding site (the anatomic location of any of the group's finding sites).
   *
   * @param site the anatomic location
   * @return the new query
   */
  public MeasurementGroupQuery findingSite(CodedConcept site) {
    return new MeasurementGroupQuery(
        trackingUid,
        findingType,
        site,
        referencedSopInstanceUid,
        referencedSopClassUid,
        referenceType,
        graphicType);
  }

  /**
   * Filters by the SOP Instance UID of a referenced image or segmentation.
   *
   * @param uid the SOP Instance UID
   * @return the new query
   */
  public MeasurementGroupQuery referencedSopInstanceUid(String uid) {
    return new MeasurementGroupQuery(
        trackingUid,
        findingType,
        findingSite,
        uid,
        referencedSopClassUid,
        referenceType,
        graphicType);
  }

  /**
   * Filters by the SOP Class UID of a referenced image or segmentation.
   *
   * @param uid the SOP Class UID
   * @return the new query
   */
  public MeasurementGroupQuery referencedSopClassUid(String uid) {
    return new MeasurementGroupQuery(
        trackingUid,
        findingType,
        findingSite,
        referencedSopInstanceUid,
        uid,
        referenceType,
        graphicType);
  }

  /**
   * Filters ROI groups by how the region is given: Image Region (111030, DCM), Volume Surface
   * (121231, DCM), Referenced Segment (121191, DCM) or Referenced Segmentation Frame (121214, DCM).
   *
   * @param type the reference type
   * @return the new query
   */
  public MeasurementGroupQuery referenceType(CodedConcept type) {
    return new MeasurementGroupQuery(
        trackingUid,
        findingType,
        findingSite,
        referencedSopInstanceUid,
        referencedSopClassUid,
        type,
        graphicType);
  }

  /**
   * Filters ROI groups by the graphic type of a 2D region.
   *
   * @param type the graphic type
   * @return the new query
   */
  public MeasurementGroupQuery graphicType(GraphicTypeValues type) {
    return new MeasurementGroupQuery(
        trackingUid,
        findingType,
        findingSite,
        referencedSopInstanceUid,
        referencedSopClassUid,
        referenceType,
        type);
  }

  /**
   * Filters ROI groups by the graphic type of a 3D region or volume surface.
   *
   * @param type the graphic type
   * @return the new query
   */
  public MeasurementGroupQuery graphicType(GraphicTypeValues3D type) {
    return new MeasurementGroupQuery(
        trackingUid,
        findingType,
        findingSite,
        referencedSopInstanceUid,
        referencedSopClassUid,
        referenceType,
        type);
  }
}
