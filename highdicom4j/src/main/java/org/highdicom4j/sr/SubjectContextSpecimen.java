package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.coding.CodedConcept;

/**
 * TID 1009 Subject Context, Specimen: HAS OBS CONTEXT items identifying the specimen observed;
 * highdicom's {@code SubjectContextSpecimen}.
 */
public final class SubjectContextSpecimen extends Template {
  private static final List<CodedConcept> NAMES =
      List.of(
          SrCodes.SPECIMEN_UID,
          SrCodes.SPECIMEN_IDENTIFIER,
          SrCodes.SPECIMEN_CONTAINER_ID,
          SrCodes.SPECIMEN_TYPE);

  /**
   * Creates the template.
   *
   * @param uid Specimen UID (121039, DCM)
   * @param identifier Specimen Identifier (121041, DCM), or null
   * @param containerIdentifier Specimen Container Identifier (111700, DCM), or null
   * @param specimenType Specimen type (371439000, SCT), or null
   * @throws IllegalArgumentException when a UID is invalid
   * @throws NullPointerException when a required argument is null
   */
  public SubjectContextSpecimen(
      String uid, String identifier, String containerIdentifier, CodedConcept specimenType) {
    super(items(uid, identifier, containerIdentifier, specimenType));
  }

  private SubjectContextSpecimen(List<ContentItem> items, boolean read) {
    super(items);
  }

  private static List<ContentItem> items(
      String uid, String identifier, String containerIdentifier, CodedConcept specimenType) {
    RelationshipTypeValues obs = RelationshipTypeValues.HAS_OBS_CONTEXT;
    List<ContentItem> items = new ArrayList<>();
    Objects.requireNonNull(uid, "uid");
    if (uid != null) {
      items.add(new UIDRefContentItem(SrCodes.SPECIMEN_UID, uid, obs));
    }
    if (identifier != null) {
      items.add(new TextContentItem(SrCodes.SPECIMEN_IDENTIFIER, identifier, obs));
    }
    if (containerIdentifier != null) {
      items.add(new TextContentItem(SrCodes.SPECIMEN_CONTAINER_ID, containerIdentifier, obs));
    }
    if (specimenType != null) {
      items.add(new CodeContentItem(SrCodes.SPECIMEN_TYPE, specimenType, obs));
    }
    return items;
  }

  /** Collects this template's items from a run of siblings; null when none is present. */
  static SubjectContextSpecimen find(List<ContentItem> siblings) {
    List<ContentItem> found = new ArrayList<>();
    for (ContentItem c : siblings) {
      if (NAMES.contains(c.name())) {
        found.add(c);
      }
    }
    return found.isEmpty() ? null : new SubjectContextSpecimen(found, true);
  }

  /**
   * Returns the Specimen UID (121039, DCM).
   *
   * @return the value; null only when read from a document without it
   */
  public String uid() {
    return Find.uid(contentItems(), SrCodes.SPECIMEN_UID);
  }

  /**
   * Returns the Specimen Identifier (121041, DCM).
   *
   * @return the value, or empty
   */
  public Optional<String> identifier() {
    return Optional.ofNullable(Find.text(contentItems(), SrCodes.SPECIMEN_IDENTIFIER));
  }

  /**
   * Returns the Specimen Container Identifier (111700, DCM).
   *
   * @return the value, or empty
   */
  public Optional<String> containerIdentifier() {
    return Optional.ofNullable(Find.text(contentItems(), SrCodes.SPECIMEN_CONTAINER_ID));
  }

  /**
   * Returns the Specimen type (371439000, SCT).
   *
   * @return the value, or empty
   */
  public Optional<CodedConcept> specimenType() {
    return Optional.ofNullable(Find.code(contentItems(), SrCodes.SPECIMEN_TYPE));
  }
}
