package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.highdicom4j.dicom.data.UidGenerator;

/**
 * TID 4108 Tracking Identifier: a human-readable Tracking Identifier (112039, DCM) TEXT and a
 * Tracking Unique Identifier (112040, DCM) UIDREF, both HAS OBS CONTEXT; highdicom's {@code
 * TrackingIdentifier}.
 */
public final class TrackingIdentifier extends Template {
  private final String uid;
  private final String identifier;

  /**
   * Creates a tracking identifier.
   *
   * @param uid the tracking UID, or null to generate one
   * @param identifier the human-readable identifier, or null
   * @throws IllegalArgumentException when the UID is invalid
   */
  public TrackingIdentifier(String uid, String identifier) {
    this(items(uid == null ? UidGenerator.newUid() : uid, identifier));
  }

  /**
   * Creates a tracking identifier with a generated UID.
   *
   * @param identifier the human-readable identifier, or null
   */
  public TrackingIdentifier(String identifier) {
    this(null, identifier);
  }

  private TrackingIdentifier(List<ContentItem> items) {
    super(items);
    this.uid = Find.uid(items, SrCodes.TRACKING_UID);
    this.identifier = Find.text(items, SrCodes.TRACKING_IDENTIFIER);
  }

  private static List<ContentItem> items(String uid, String identifier) {
    List<ContentItem> items = new ArrayList<>(2);
    if (identifier != null) {
      items.add(
          new TextContentItem(
              SrCodes.TRACKING_IDENTIFIER, identifier, RelationshipTypeValues.HAS_OBS_CONTEXT));
    }
    items.add(
        new UIDRefContentItem(SrCodes.TRACKING_UID, uid, RelationshipTypeValues.HAS_OBS_CONTEXT));
    return items;
  }

  /**
   * Finds the tracking identifier among the children of a content item (tolerantly: either item may
   * be missing).
   *
   * @param siblings the children of a measurement group or measurement
   * @return the tracking identifier, or null when neither item is present
   */
  static TrackingIdentifier find(List<ContentItem> siblings) {
    List<ContentItem> found = new ArrayList<>(2);
    TextContentItem text = Find.first(siblings, SrCodes.TRACKING_IDENTIFIER, TextContentItem.class);
    UIDRefContentItem ref = Find.first(siblings, SrCodes.TRACKING_UID, UIDRefContentItem.class);
    if (text != null) {
      found.add(text);
    }
    if (ref != null) {
      found.add(ref);
    }
    return found.isEmpty() ? null : new TrackingIdentifier(found);
  }

  /**
   * Returns the Tracking Unique Identifier (112040, DCM).
   *
   * @return the UID; null only when read from a document without one
   */
  public String uid() {
    return uid;
  }

  /**
   * Returns the Tracking Identifier (112039, DCM).
   *
   * @return the identifier, or empty
   */
  public Optional<String> identifier() {
    return Optional.ofNullable(identifier);
  }
}
