package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.coding.CodedConcept;

/**
 * TID 1010 Subject Context, Device: HAS OBS CONTEXT items identifying the device observed;
 * highdicom's {@code SubjectContextDevice}.
 */
public final class SubjectContextDevice extends Template {
  private static final List<CodedConcept> NAMES =
      List.of(
          SrCodes.DEVICE_SUBJECT_NAME,
          SrCodes.DEVICE_SUBJECT_UID,
          SrCodes.DEVICE_SUBJECT_MANUFACTURER,
          SrCodes.DEVICE_SUBJECT_MODEL,
          SrCodes.DEVICE_SUBJECT_SERIAL,
          SrCodes.DEVICE_SUBJECT_LOCATION);

  /**
   * Creates the template.
   *
   * @param name Device Subject Name (121193, DCM)
   * @param uid Device Subject UID (121198, DCM), or null
   * @param manufacturerName Device Subject Manufacturer (121194, DCM), or null
   * @param modelName Device Subject Model Name (121195, DCM), or null
   * @param serialNumber Device Subject Serial Number (121196, DCM), or null
   * @param physicalLocation Device Subject Physical Location during observation (121197, DCM), or
   *     null
   * @throws IllegalArgumentException when a UID is invalid
   * @throws NullPointerException when a required argument is null
   */
  public SubjectContextDevice(
      String name,
      String uid,
      String manufacturerName,
      String modelName,
      String serialNumber,
      String physicalLocation) {
    super(items(name, uid, manufacturerName, modelName, serialNumber, physicalLocation));
  }

  private SubjectContextDevice(List<ContentItem> items, boolean read) {
    super(items);
  }

  private static List<ContentItem> items(
      String name,
      String uid,
      String manufacturerName,
      String modelName,
      String serialNumber,
      String physicalLocation) {
    RelationshipTypeValues obs = RelationshipTypeValues.HAS_OBS_CONTEXT;
    List<ContentItem> items = new ArrayList<>();
    Objects.requireNonNull(name, "name");
    if (name != null) {
      items.add(new TextContentItem(SrCodes.DEVICE_SUBJECT_NAME, name, obs));
    }
    if (uid != null) {
      items.add(new UIDRefContentItem(SrCodes.DEVICE_SUBJECT_UID, uid, obs));
    }
    if (manufacturerName != null) {
      items.add(new TextContentItem(SrCodes.DEVICE_SUBJECT_MANUFACTURER, manufacturerName, obs));
    }
    if (modelName != null) {
      items.add(new TextContentItem(SrCodes.DEVICE_SUBJECT_MODEL, modelName, obs));
    }
    if (serialNumber != null) {
      items.add(new TextContentItem(SrCodes.DEVICE_SUBJECT_SERIAL, serialNumber, obs));
    }
    if (physicalLocation != null) {
      items.add(new TextContentItem(SrCodes.DEVICE_SUBJECT_LOCATION, physicalLocation, obs));
    }
    return items;
  }

  /** Collects this template's items from a run of siblings; null when none is present. */
  static SubjectContextDevice find(List<ContentItem> siblings) {
    List<ContentItem> found = new ArrayList<>();
    for (ContentItem c : siblings) {
      if (NAMES.contains(c.name())) {
        found.add(c);
      }
    }
    return found.isEmpty() ? null : new SubjectContextDevice(found, true);
  }

  /**
   * Returns the Device Subject Name (121193, DCM).
   *
   * @return the value; null only when read from a document without it
   */
  public String name() {
    return Find.text(contentItems(), SrCodes.DEVICE_SUBJECT_NAME);
  }

  /**
   * Returns the Device Subject UID (121198, DCM).
   *
   * @return the value, or empty
   */
  public Optional<String> uid() {
    return Optional.ofNullable(Find.uid(contentItems(), SrCodes.DEVICE_SUBJECT_UID));
  }

  /**
   * Returns the Device Subject Manufacturer (121194, DCM).
   *
   * @return the value, or empty
   */
  public Optional<String> manufacturerName() {
    return Optional.ofNullable(Find.text(contentItems(), SrCodes.DEVICE_SUBJECT_MANUFACTURER));
  }

  /**
   * Returns the Device Subject Model Name (121195, DCM).
   *
   * @return the value, or empty
   */
  public Optional<String> modelName() {
    return Optional.ofNullable(Find.text(contentItems(), SrCodes.DEVICE_SUBJECT_MODEL));
  }

  /**
   * Returns the Device Subject Serial Number (121196, DCM).
   *
   * @return the value, or empty
   */
  public Optional<String> serialNumber() {
    return Optional.ofNullable(Find.text(contentItems(), SrCodes.DEVICE_SUBJECT_SERIAL));
  }

  /**
   * Returns the Device Subject Physical Location during observation (121197, DCM).
   *
   * @return the value, or empty
   */
  public Optional<String> physicalLocation() {
    return Optional.ofNullable(Find.text(contentItems(), SrCodes.DEVICE_SUBJECT_LOCATION));
  }
}
