package org.highdicom4j.sr;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.highdicom4j.coding.CodedConcept;

/**
 * TID 1002 Observer Context: an Observer Type (121005, DCM) CODE item (Person or Device) followed
 * by the observer's identifying attributes (TID 1003 or TID 1004), all HAS OBS CONTEXT; highdicom's
 * {@code ObserverContext}.
 */
public final class ObserverContext extends Template {
  /**
   * Creates a person observer context.
   *
   * @param attributes the person's identifying attributes
   */
  public ObserverContext(PersonObserverIdentifyingAttributes attributes) {
    super(items(SrCodes.PERSON, attributes));
  }

  /**
   * Creates a device observer context.
   *
   * @param attributes the device's identifying attributes
   */
  public ObserverContext(DeviceObserverIdentifyingAttributes attributes) {
    super(items(SrCodes.DEVICE, attributes));
  }

  private ObserverContext(List<ContentItem> items, boolean read) {
    super(items);
  }

  private static List<ContentItem> items(CodedConcept type, Template attributes) {
    Objects.requireNonNull(attributes, "attributes");
    List<ContentItem> items = new ArrayList<>();
    items.add(
        new CodeContentItem(SrCodes.OBSERVER_TYPE, type, RelationshipTypeValues.HAS_OBS_CONTEXT));
    items.addAll(attributes.contentItems());
    return items;
  }

  static ObserverContext read(List<ContentItem> run) {
    return new ObserverContext(run, true);
  }

  /**
   * Returns the Observer Type (121005, DCM); Person when read without one (the default of TID
   * 1002).
   *
   * @return Person (121006, DCM) or Device (121007, DCM)
   */
  public CodedConcept observerType() {
    CodedConcept t = Find.code(contentItems(), SrCodes.OBSERVER_TYPE);
    return t == null ? SrCodes.PERSON : t;
  }

  /**
   * Returns the person observer's attributes.
   *
   * @return the attributes, or empty for a device observer
   */
  public Optional<PersonObserverIdentifyingAttributes> personAttributes() {
    return SrCodes.PERSON.equals(observerType())
        ? Optional.ofNullable(PersonObserverIdentifyingAttributes.find(contentItems()))
        : Optional.empty();
  }

  /**
   * Returns the device observer's attributes.
   *
   * @return the attributes, or empty for a person observer
   */
  public Optional<DeviceObserverIdentifyingAttributes> deviceAttributes() {
    return SrCodes.DEVICE.equals(observerType())
        ? Optional.ofNullable(DeviceObserverIdentifyingAttributes.find(contentItems()))
        : Optional.empty();
  }

  /**
   * Finds the observer contexts among the children of a content item, e.g. a document's root: each
   * run of HAS OBS CONTEXT items started by an Observer Type (121005, DCM) item (person items
   * before any Observer Type form a Person context, the default of TID 1002); a Subject Class
   * (121024, DCM) item ends a run.
   *
   * @param siblings the children
   * @param observerType Person or Device to keep only those, or null for all
   * @return the observer contexts in order
   */
  public static List<ObserverContext> findIn(
      List<? extends ContentItem> siblings, CodedConcept observerType) {
    Objects.requireNonNull(siblings, "siblings");
    List<ObserverContext> out = new ArrayList<>();
    List<ContentItem> run = null;
    boolean started = false;
    for (ContentItem c : siblings) {
      if (c.relationshipType().orElse(null) != RelationshipTypeValues.HAS_OBS_CONTEXT) {
        continue;
      }
      if (SrCodes.OBSERVER_TYPE.equals(c.name()) || SrCodes.SUBJECT_CLASS.equals(c.name())) {
        addRun(out, run, observerType);
        started = true;
        run = SrCodes.OBSERVER_TYPE.equals(c.name()) ? new ArrayList<>() : null;
      } else if (run == null) {
        if (started || !SrCodes.PERSON_OBSERVER_NAME.equals(c.name())) {
          continue;
        }
        started = true;
        run = new ArrayList<>();
      }
      run.add(c);
    }
    addRun(out, run, observerType);
    return out;
  }

  private static void addRun(
      List<ObserverContext> out, List<ContentItem> run, CodedConcept observerType) {
    if (run != null && !run.isEmpty()) {
      ObserverContext oc = read(run);
      if (observerType == null || observerType.equals(oc.observerType())) {
        out.add(oc);
      }
    }
  }
}
