package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.coding.CodedConcept;

/**
 * TID 1004 Device Observer Identifying Attributes: HAS OBS CONTEXT items identifying the device
 * that made the observations; highdicom's {@code DeviceObserverIdentifyingAttributes}.
 */
public final class DeviceObserverIdentifyingAttributes extends Template {
  private static final List<CodedConcept> NAMES =
      List.of(
          SrCodes.DEVICE_OBSERVER_UID,
          SrCodes.DEVICE_OBSERVER_NAME,
          SrCodes.DEVICE_OBSERVER_MANUFACTURER,
          SrCodes.DEVICE_OBSERVER_MODEL,
          SrCodes.DEVICE_OBSERVER_SERIAL,
          SrCodes.DEVICE_OBSERVER_LOCATION,
          SrCodes.DEVICE_ROLE_IN_PROCEDURE);

  /**
   * Creates the template.
   *
   * @param uid Device Observer UID (121012, DCM)
   * @param name Device Observer Name (121013, DCM), or null
   * @param manufacturerName Device Observer Manufacturer (121014, DCM), or null
   * @param modelName Device Observer Model Name (121015, DCM), or null
   * @param serialNumber Device Observer Serial Number (121016, DCM), or null
   * @param physicalLocation Device Observer Physical Location During Observation (121017, DCM), or
   *     null
   * @param roleInProcedure Device Role in Procedure (113876, DCM), or null
   * @throws IllegalArgumentException when a UID is invalid
   * @throws NullPointerException when a required argument is null
   */
  public DeviceObserverIdentifyingAttributes(
      String uid,
      String name,
      String manufacturerName,
      String modelName,
      String serialNumber,
      String physicalLocation,
      CodedConcept roleInProcedure) {
    super(
        items(
            uid,
            name,
            manufacturerName,
            modelName,
            serialNumber,
            physicalLocation,
            roleInProcedure));
  }

  private DeviceObserverIdentifyingAttributes(List<ContentItem> items, boolean read) {
    super(items);
  }

  private static List<ContentItem> items(
      String uid,
      String name,
      String manufacturerName,
      String modelName,
      String serialNumber,
      String physicalLocation,
      CodedConcept roleInProcedure) {
    RelationshipTypeValues obs = RelationshipTypeValues.HAS_OBS_CONTEXT;
    List<ContentItem> items = new ArrayList<>();
    Objects.requireNonNull(uid, "uid");
    if (uid != null) {
      items.add(new UIDRefContentItem(SrCodes.DEVICE_OBSERVER_UID, uid, obs));
    }
    if (name != null) {
      items.add(new TextContentItem(SrCodes.DEVICE_OBSERVER_NAME, name, obs));
    }
    if (manufacturerName != null) {
      items.add(new TextContentItem(SrCodes.DEVICE_OBSERVER_MANUFACTURER, manufacturerName, obs));
    }
    if (modelName != null) {
      items.add(new TextContentItem(SrCodes.DEVICE_OBSERVER_MODEL, modelName, obs));
    }
    if (serialNumber != null) {
      items.add(new TextContentItem(SrCodes.DEVICE_OBSERVER_SERIAL, serialNumber, obs));
    }
    if (physicalLocation != null) {
      items.add(new TextContentItem(SrCodes.DEVICE_OBSERVER_LOCATION, physicalLocation, obs));
    }
    if (roleInProcedure != null) {
      items.add(new CodeContentItem(SrCodes.DEVICE_ROLE_IN_PROCEDURE, roleInProcedure, obs));
    }
    return items;
  }

  /** Collects this template's items from a run of siblings; null when none is present. */
  static DeviceObserverIdentifyingAttributes find(List<ContentItem> siblings) {
    List<ContentItem> found = new ArrayList<>();
    for (ContentItem c : siblings) {
      if (NAMES.contains(c.name())) {
        found.add(c);
      }
    }
    return found.isEmpty() ? null : new DeviceObserverIdentifyingAttributes(found, true);
  }

  /**
   * Returns the Device Observer UID (121012, DCM).
   *
   * @return the value; null only when read from a document without it
   */
  public String uid() {
    return Find.uid(contentItems(), SrCodes.DEVICE_OBSERVER_UID);
  }

  /**
   * Returns the Device Observer Name (121013, DCM).
   *
   * @return the value, or empty
   */
  public Optional<String> name() {
    return Optional.ofNullable(Find.text(contentItems(), SrCodes.DEVICE_OBSERVER_NAME));
  }

  /**
   * Returns the Device Observer Manufacturer (121014, DCM).
   *
   * @return the value, or empty
   */
  public Optional<String> manufacturerName() {
    return Optional.ofNullable(Find.text(contentItems(), SrCodes.DEVICE_OBSERVER_MANUFACTURER));
  }

  /**
   * Returns the Device Observer Model Name (121015, DCM).
   *
   * @return the value, or empty
   */
  public Optional<String> modelName() {
    return Optional.ofNullable(Find.text(contentItems(), SrCodes.DEVICE_OBSERVER_MODEL));
  }

  /**
   * Returns the Device Observer Serial Number (121016, DCM).
   *
   * @return the value, or empty
   */
  public Optional<String> serialNumber() {
    return Optional.ofNullable(Find.text(contentItems(), SrCodes.DEVICE_OBSERVER_SERIAL));
  }

  /**
   * Returns the Device Observer Physical Location During Observation (121017, DCM).
   *
   * @return the value, or empty
   */
  public Optional<String> physicalLocation() {
    return Optional.ofNullable(Find.text(contentItems(), SrCodes.DEVICE_OBSERVER_LOCATION));
  }

  /**
   * Returns the Device Role in Procedure (113876, DCM).
   *
   * @return the value, or empty
   */
  public Optional<CodedConcept> roleInProcedure() {
    return Optional.ofNullable(Find.code(contentItems(), SrCodes.DEVICE_ROLE_IN_PROCEDURE));
  }
}
